# -*- coding: utf-8 -*-
"""Held-out set 6: DOCX written as Word 2016-365 writes WordprocessingML (zipfile + XML strings), plus truth.json.
ALL CONTENT SYNTHETIC. TXT is made later from the DOCX by txtconv.py (not from this model)."""
import json, os, random, zipfile
from xml.sax.saxutils import escape
import pools

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')
W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
        'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
        'mc:Ignorable="w14 w15 wp14"')


def truth_text(s):
    """What a human types: NBSP -> space, non-breaking hyphen -> '-', soft hyphen removed, line break -> space."""
    return ' '.join(s.replace('\u00a0', ' ').replace('\u2011', '-').replace('\u00ad', '').replace('\n', ' ').split())


class Doc:
    def __init__(self, name, seed, font='Times New Roman', size=24):
        self.name, self.rng, self.font, self.size = name, random.Random(seed), font, size
        self.rsids = ['00%06X' % self.rng.randrange(0x100000, 0xFFFFFF) for _ in range(9)]
        self.body = []
        self.bm = 0
        self.measures = []
        self.title = []
        self.overrides = {}
        self.extra_parts = []  # (name under word/, xml, content type, -, -)
        self.extra_rels = []   # (rId, type, target, external)

    def rsid(self):
        return self.rng.choice(self.rsids)

    # ---- runs -------------------------------------------------------------------------------------------------
    def rpr(self, bold=False, italic=False, size=None):
        sz = size or self.size
        f = escape(self.font, {'"': '&quot;'})
        return ('<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s"/>%s%s<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>'
                % (f, f, f, '<w:b/><w:bCs/>' if bold else '', '<w:i/><w:iCs/>' if italic else '', sz, sz))

    def run_content(self, chunk):
        out, buf = [], ''
        for ch in chunk:
            special = {'\u2011': '<w:noBreakHyphen/>', '\u00ad': '<w:softHyphen/>', '\n': '<w:br/>', '\t': '<w:tab/>'}.get(ch)
            if special:
                if buf:
                    out.append('<w:t xml:space="preserve">%s</w:t>' % escape(buf))
                    buf = ''
                out.append(special)
            else:
                buf += ch
        if buf:
            out.append('<w:t xml:space="preserve">%s</w:t>' % escape(buf))
        return ''.join(out)

    def runs(self, text, bold=False, italic=False, size=None, split=True, lrpb=False):
        """Split text into runs as Word does after editing: at random points (mid-word too), proofErr around some words."""
        rp = self.rpr(bold, italic, size)
        cuts = set()
        if split and len(text) > 6:
            for _ in range(self.rng.choice([0, 1, 1, 2, 3])):
                cuts.add(self.rng.randrange(1, len(text)))
        pts = [0] + sorted(cuts) + [len(text)]
        chunks = [text[a:b] for a, b in zip(pts, pts[1:]) if b > a]
        out = []
        for i, c in enumerate(chunks):
            r = '<w:r w:rsidR="%s">%s%s%s</w:r>' % (self.rsid(), rp, '<w:lastRenderedPageBreak/>' if (lrpb and i == 0) else '',
                                                    self.run_content(c))
            words = c.split(' ')
            if split and len(chunks) > 1 and self.rng.random() < 0.25 and c.strip():
                r = '<w:proofErr w:type="spellStart"/>' + r + '<w:proofErr w:type="spellEnd"/>'
            if split and self.rng.random() < 0.12 and len(words) > 2:
                # a grammar-check range over a phrase (Word writes gramStart/gramEnd)
                r = '<w:proofErr w:type="gramStart"/>' + r + '<w:proofErr w:type="gramEnd"/>'
            out.append(r)
        return ''.join(out)

    def para(self, text='', align=None, bold=False, italic=False, size=None, num=None, style=None, ind=None,
             spacing=None, keep=False, sect=None, bookmark=False, lrpb=False, split=True):
        ppr = []
        if style:
            ppr.append('<w:pStyle w:val="%s"/>' % style)
        if keep:
            ppr.append('<w:keepNext/>')
        if num:
            ppr.append('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0]))
        ppr.append('<w:spacing w:after="%d" w:line="240" w:lineRule="auto"/>' % (spacing if spacing is not None else 0))
        if ind:
            ppr.append(ind)
        if align:
            ppr.append('<w:jc w:val="%s"/>' % align)
        ppr.append(self.rpr(bold, italic, size))
        if sect:
            ppr.append(sect)
        content = self.runs(text, bold, italic, size, split=split, lrpb=lrpb) if text else ''
        if bookmark and content:
            self.bm += 1
            name = '_Hlk%d' % self.rng.randrange(100000000, 199999999)
            content = '<w:bookmarkStart w:id="%d" w:name="%s"/>%s<w:bookmarkEnd w:id="%d"/>' % (self.bm, name, content, self.bm)
        r = self.rsid()
        return '<w:p w:rsidR="%s" w:rsidRDefault="%s" w:rsidP="%s"><w:pPr>%s</w:pPr>%s</w:p>' % (r, self.rsid(), r, ''.join(ppr), content)

    def add(self, *ps):
        self.body.extend(ps)

    # ---- tables -----------------------------------------------------------------------------------------------
    def cell(self, width, paras, span=1, vmerge=None, valign=None, shade=None):
        tcpr = '<w:tcW w:w="%d" w:type="dxa"/>' % width
        if span > 1:
            tcpr += '<w:gridSpan w:val="%d"/>' % span
        if vmerge == 'restart':
            tcpr += '<w:vMerge w:val="restart"/>'
        elif vmerge == 'continue':
            tcpr += '<w:vMerge/>'
        if shade:
            tcpr += '<w:shd w:val="clear" w:color="auto" w:fill="%s"/>' % shade
        if valign:
            tcpr += '<w:vAlign w:val="%s"/>' % valign
        body = ''.join(paras) if paras else self.para('')
        return '<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>' % (tcpr, body)

    def row(self, cells, header=False, cant_split=False):
        trpr = ''
        if cant_split:
            trpr += '<w:cantSplit/>'
        if header:
            trpr += '<w:tblHeader/>'
        return '<w:tr w:rsidR="%s" w:rsidTr="%s">%s%s</w:tr>' % (
            self.rsid(), self.rsid(), '<w:trPr>%s</w:trPr>' % trpr if trpr else '', ''.join(cells))

    def table(self, widths, rows, borders=True):
        grid = ''.join('<w:gridCol w:w="%d"/>' % w for w in widths)
        tblpr = ('<w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
                 '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
                 'w:noHBand="0" w:noVBand="1"/></w:tblPr>') % sum(widths)
        return '<w:tbl>%s<w:tblGrid>%s</w:tblGrid>%s</w:tbl>' % (tblpr, grid, ''.join(rows))

    # ---- package ----------------------------------------------------------------------------------------------
    def sect(self, orient='portrait', margins=(1134, 850, 1134, 1701), footer=True, header=False, title_pg=False,
             pgnum_start=None):
        w, h = (11906, 16838) if orient == 'portrait' else (16838, 11906)
        top, right, bottom, left = margins
        refs = ''
        if header:
            refs += '<w:headerReference w:type="default" r:id="rIdHdr1"/>'
        if footer:
            refs += '<w:footerReference w:type="default" r:id="rIdFtr1"/>'
        return ('<w:sectPr w:rsidR="%s" w:rsidSect="%s">%s<w:pgSz w:w="%d" w:h="%d"%s/>'
                '<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="708" w:footer="708" w:gutter="0"/>'
                '%s<w:cols w:space="708"/>%s<w:docGrid w:linePitch="360"/></w:sectPr>') % (
            self.rsid(), self.rsid(), refs, w, h, ' w:orient="landscape"' if orient == 'landscape' else '',
            top, right, bottom, left, '<w:pgNumType w:start="%d"/>' % pgnum_start if pgnum_start else '',
            '<w:titlePg/>' if title_pg else '')

    def page_field_para(self, align):
        rp = self.rpr(size=20)
        return ('<w:p><w:pPr><w:pStyle w:val="a6"/><w:jc w:val="%s"/></w:pPr>'
                '<w:r>%s<w:fldChar w:fldCharType="begin"/></w:r><w:r>%s<w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
                '<w:r>%s<w:fldChar w:fldCharType="separate"/></w:r><w:r>%s<w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r>'
                '<w:r>%s<w:fldChar w:fldCharType="end"/></w:r></w:p>') % (align, rp, rp, rp, '', rp)

    def write(self, final_sect, numbering_xml, header_align=None, footer_align='center', outdir=None, truth=True):
        os.makedirs(outdir or OUT, exist_ok=True)
        path = os.path.join(outdir or OUT, self.name + '.docx')
        extra_ct = ''.join('<Override PartName="/word/%s" ContentType="%s"/>' % (n, c) for n, _, c, _, _ in self.extra_parts)
        extra_rel = ''.join('<Relationship Id="%s" Type="%s" Target="%s"%s/>' % (rid, t, tgt, ' TargetMode="External"' if ext else '')
                            for rid, t, tgt, ext in self.extra_rels)
        doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document %s><w:body>%s%s</w:body></w:document>'
               % (W_NS, ''.join(self.body), final_sect))
        ftr = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:ftr %s>%s</w:ftr>'
               % (W_NS, self.page_field_para(footer_align)))
        hdr = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:hdr %s>%s</w:hdr>'
               % (W_NS, self.page_field_para(header_align or 'right')))
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
              '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
              '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
              '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
              '<Override PartName="/word/webSettings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml"/>'
              '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
              '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
              '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
              + extra_ct + '</Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                '</Relationships>')
        R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        docrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="%snumbering" Target="numbering.xml"/>'
                   '<Relationship Id="rId2" Type="%sstyles" Target="styles.xml"/>'
                   '<Relationship Id="rId3" Type="%ssettings" Target="settings.xml"/>'
                   '<Relationship Id="rId4" Type="%swebSettings" Target="webSettings.xml"/>'
                   '<Relationship Id="rIdFtr1" Type="%sfooter" Target="footer1.xml"/>'
                   '<Relationship Id="rIdHdr1" Type="%sheader" Target="header1.xml"/>'
                   '<Relationship Id="rId7" Type="%sfontTable" Target="fontTable.xml"/>'
                   '%s</Relationships>') % ((R,) * 7 + (extra_rel,))
        f = escape(self.font, {'"': '&quot;'})
        styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:styles %s>'
                  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" '
                  'w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
                  '<w:lang w:val="ru-RU" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
                  '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
                  '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/>'
                  '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>'
                  '<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
                  '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
                  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                  '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
                  '<w:style w:type="numbering" w:default="1" w:styleId="a2"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
                  '<w:style w:type="table" w:styleId="a3"><w:name w:val="Table Grid"/><w:basedOn w:val="a1"/><w:uiPriority w:val="39"/>'
                  '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>'
                  '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                  '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                  '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                  '</w:tblBorders></w:tblPr></w:style>'
                  '<w:style w:type="paragraph" w:styleId="a4"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/><w:uiPriority w:val="34"/><w:qFormat/>'
                  '<w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>'
                  '<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="footer"/><w:basedOn w:val="a"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
                  '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4677"/><w:tab w:val="right" w:pos="9355"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
                  '</w:styles>') % (W_NS, f, f, f, self.size, self.size)
        settings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:settings %s><w:zoom w:percent="100"/>'
                    '<w:proofState w:spelling="clean" w:grammar="clean"/><w:defaultTabStop w:val="708"/>'
                    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" '
                    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:rsids><w:rsidRoot w:val="%s"/>%s</w:rsids>'
                    '<m:mathPr><m:mathFont m:val="Cambria Math"/></m:mathPr><w:themeFontLang w:val="ru-RU"/>'
                    '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>') % (
            W_NS, self.rsids[0], ''.join('<w:rsid w:val="%s"/>' % r for r in sorted(self.rsids)))
        web = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:webSettings %s><w:optimizeForBrowser/>'
               '<w:allowPNG/></w:webSettings>') % W_NS
        fonts = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:fonts %s><w:font w:name="%s"><w:panose1 w:val="02020603050405020304"/>'
                 '<w:charset w:val="CC"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
                 '<w:font w:name="Symbol"><w:panose1 w:val="05050102010706020507"/><w:charset w:val="02"/><w:family w:val="roman"/>'
                 '<w:pitch w:val="variable"/></w:font></w:fonts>') % (W_NS, f)
        core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties '
                'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                '<dc:title></dc:title><dc:creator>User</dc:creator><cp:lastModifiedBy>User</cp:lastModifiedBy><cp:revision>7</cp:revision>'
                '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-01T06:12:00Z</dcterms:created>'
                '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-09-03T11:40:00Z</dcterms:modified></cp:coreProperties>')
        app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties '
               'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
               'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template>'
               '<TotalTime>94</TotalTime><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>'
               '<AppVersion>16.0000</AppVersion></Properties>')
        with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
            z.writestr('[Content_Types].xml', ct)
            z.writestr('_rels/.rels', rels)
            z.writestr('word/document.xml', doc)
            z.writestr('word/_rels/document.xml.rels', docrels)
            z.writestr('word/styles.xml', styles)
            z.writestr('word/numbering.xml', numbering_xml)
            z.writestr('word/settings.xml', settings)
            z.writestr('word/webSettings.xml', web)
            z.writestr('word/footer1.xml', ftr)
            z.writestr('word/header1.xml', hdr)
            z.writestr('word/fontTable.xml', fonts)
            z.writestr('docProps/core.xml', core)
            z.writestr('docProps/app.xml', app)
            for n, x, _, _, _ in self.extra_parts:
                z.writestr('word/' + n, x)
        if not truth:
            return
        t = {'title': self.title_text, 'synthetic': True, 'measures': self.measures}
        if self.overrides:
            t['overrides'] = {'txt': self.overrides}
        with open(os.path.join(OUT, self.name + '.truth.json'), 'w', encoding='utf-8') as fh:
            json.dump(t, fh, ensure_ascii=False, indent=1)


# ---- numbering.xml ---------------------------------------------------------------------------------------------
def lvl(ilvl, fmt, text, ind_left, hanging, suff=None, font=None, start=1, jc='left'):
    rpr = ('<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:hint="default"/></w:rPr>' % (font, font)) if font else ''
    return ('<w:lvl w:ilvl="%d"%s><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:lvlJc w:val="%s"/>'
            '%s<w:pPr><w:ind w:left="%d" w:hanging="%d"/></w:pPr>%s</w:lvl>') % (
        ilvl, ' w:tplc="0419000F"' if fmt == 'decimal' else ' w:tplc="04190001"', start, fmt, escape(text), jc,
        '<w:suff w:val="%s"/>' % suff if suff else '', ind_left, hanging, rpr)


def numbering(extra_restarts=0):
    nsid = lambda i: '<w:nsid w:val="%08X"/>' % (0x1A2B3C00 + i)
    a0 = ('<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0">%s<w:multiLevelType w:val="multilevel"/>'
          '<w:tmpl w:val="0419001F"/>%s%s%s</w:abstractNum>') % (
        nsid(0), lvl(0, 'decimal', '%1.', 360, 360), lvl(1, 'decimal', '%1.%2.', 792, 432),
        lvl(2, 'decimal', '%1.%2.%3.', 1224, 504))
    a1 = ('<w:abstractNum w:abstractNumId="1" w15:restartNumberingAfterBreak="0">%s<w:multiLevelType w:val="hybridMultilevel"/>'
          '<w:tmpl w:val="2D8A0F4E"/>%s%s</w:abstractNum>') % (nsid(1), lvl(0, 'decimal', '%1.', 360, 360),
                                                               lvl(1, 'lowerLetter', '%2.', 1440, 360))
    a2 = ('<w:abstractNum w:abstractNumId="2" w15:restartNumberingAfterBreak="0">%s<w:multiLevelType w:val="hybridMultilevel"/>'
          '<w:tmpl w:val="8C3A5E12"/>%s</w:abstractNum>') % (nsid(2), lvl(0, 'bullet', '\uf0b7', 360, 360, font='Symbol'))
    a3 = ('<w:abstractNum w:abstractNumId="3" w15:restartNumberingAfterBreak="0">%s<w:multiLevelType w:val="hybridMultilevel"/>'
          '<w:tmpl w:val="4F1E2A90"/>%s</w:abstractNum>') % (nsid(3), lvl(0, 'bullet', '–', 227, 227, font='Times New Roman'))
    a4 = ('<w:abstractNum w:abstractNumId="4" w15:restartNumberingAfterBreak="0">%s<w:multiLevelType w:val="hybridMultilevel"/>'
          '<w:tmpl w:val="77A01B3C"/>%s</w:abstractNum>') % (nsid(4), lvl(0, 'decimal', '%1.', 1069, 360))
    nums = ''.join('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>' % (i + 1, i) for i in range(5))
    for k in range(extra_restarts):
        nums += ('<w:num w:numId="%d"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
                 '</w:lvlOverride></w:num>') % (6 + k)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:numbering %s>%s%s%s%s%s%s</w:numbering>'
            % (W_NS, a0, a1, a2, a3, a4, nums))


NUM_MULTI, NUM_DEC, NUM_BUL_SYMBOL, NUM_BUL_DASH, NUM_ORDER = 1, 2, 3, 4, 5
IND_RIGHT_BLOCK = '<w:ind w:left="5387"/>'
IND_CELL_NUM = '<w:ind w:left="0" w:firstLine="0"/>'


def cell_paras(d, paras, bullet_num, align='left', size=None, bold=False, bookmark=False):
    """paras: str or list of str / ('B', str). Returns (xml paragraphs, truth text)."""
    if isinstance(paras, str):
        paras = [paras]
    xs, tt = [], []
    for p in paras:
        if isinstance(p, tuple):
            xs.append(d.para(p[1], align=align, size=size, num=(bullet_num, 0), style='a4',
                             ind='<w:ind w:left="284" w:hanging="284"/>', bold=bold))
            tt.append(p[1])
        else:
            xs.append(d.para(p, align=align, size=size, bold=bold, bookmark=bookmark and not xs))
            tt.append(p)
    return xs, truth_text(' '.join(tt))


def pick_items(rng, n, with_multi):
    items = rng.sample(pools.MUNI, n - len(with_multi))
    out = [(m, i) for m, i in items]
    for pos, mi in with_multi:
        out.insert(pos, pools.MULTI[mi])
    return out


def build_table(d, cols, widths, sections, numbering_mode, merges, bullet_num, size=None, header_repeat=True,
                extra_cols=None, cant_split=False, exec_pool=None, level_col=False, lrpb_every=9, shy=False,
                header_shade=None, section_style='bold-center', header_size=None):
    """sections: list of (section title, [(measure, indicator), ...]).
    numbering_mode: 'multi' (section %1., measure %1.%2.), 'continuous' (%1.), 'restart' (per section numId).
    merges: dict field -> list of (first measure index (0-based), count)."""
    rng = d.rng
    rows = [d.row([d.cell(w, [d.para(c, align='center', bold=True, size=header_size or size, split=False)], valign='center', shade=header_shade)
                   for c, w in zip(cols, widths)], header=header_repeat, cant_split=True)]
    ncol = len(cols)
    deadlines, execs, ind_col = {}, {}, cols.index(next(c for c in cols if c in IND_NAMES))
    # assign deadlines/executors with merges
    total = sum(len(m) for _, m in sections)
    merged = {'deadline': {}, 'executors': {}}
    for field, spans in merges.items():
        for first, cnt in spans:
            for k in range(cnt):
                merged[field][first + k] = ('restart' if k == 0 else 'continue', first)
    ep = exec_pool or pools.EXEC_MUNI
    vals = {'deadline': [rng.choice(pools.DEADLINES) for _ in range(total)],
            'executors': [rng.choice(ep) for _ in range(total)]}
    for field in merged:
        for i, (kind, first) in merged[field].items():
            vals[field][i] = vals[field][first]
    idx = 0
    level_names = ['Региональный', 'Муниципальный', 'Институциональный']
    for si, (stitle, items) in enumerate(sections):
        secnum = None
        if numbering_mode == 'multi':
            if level_col:
                c0 = d.cell(widths[0], [d.para('', num=(NUM_MULTI, 0), ind=IND_CELL_NUM, bold=True, size=size, keep=True)])
                c1 = d.cell(sum(widths[1:]), [d.para(stitle, bold=True, size=size, keep=True)], span=ncol - 1)
                rows.append(d.row([c0, c1]))
            else:
                rows.append(d.row([d.cell(sum(widths), [d.para(stitle, bold=True, size=size, num=(NUM_MULTI, 0),
                                                               ind='<w:ind w:left="0" w:firstLine="0"/>', keep=True)], span=ncol)]))
        else:
            al = 'center' if section_style == 'bold-center' else 'left'
            rows.append(d.row([d.cell(sum(widths), [d.para(stitle, bold=True, italic=(section_style == 'italic'), size=size,
                                                           align=al, keep=True)], span=ncol)]))
        # level column: vertical runs
        if level_col:
            n = len(items)
            a = max(1, n // 3)
            levels = [0] * a + [1] * a + [2] * (n - 2 * a)
        for k, (m, indic) in enumerate(items):
            numid = NUM_MULTI if numbering_mode == 'multi' else (NUM_DEC if numbering_mode == 'continuous' else 6 + si)
            ilvl = 1 if numbering_mode == 'multi' else 0
            cells = []
            numpara = d.para('', num=(numid, ilvl), ind=IND_CELL_NUM, size=size)
            cells.append(d.cell(widths[0], [numpara]))
            ci = 1
            if level_col:
                restart = k == 0 or levels[k] != levels[k - 1]
                cells.append(d.cell(widths[ci], [d.para(level_names[levels[k]], size=size)] if restart else None,
                                    vmerge='restart' if restart else 'continue'))
                ci += 1
            mx, mt = cell_paras(d, m, bullet_num, align='both', size=size, bookmark=(idx % 7 == 3))
            if shy:
                pass
            if idx % lrpb_every == lrpb_every - 1:
                mx[0] = mx[0].replace('</w:rPr><w:t', '</w:rPr><w:lastRenderedPageBreak/><w:t', 1)
            cells.append(d.cell(widths[ci], mx)); ci += 1
            rec = {'measure': mt}
            for c in cols[ci:]:
                w = widths[ci]
                if c in DEADLINE_NAMES:
                    field = 'deadline'
                elif c in EXEC_NAMES:
                    field = 'executors'
                elif c in IND_NAMES:
                    field = 'indicator'
                elif c in AUD_NAMES:
                    field = 'audience'
                elif c in FORM_NAMES:
                    field = 'form'
                else:
                    field = 'empty'
                if field in ('deadline', 'executors'):
                    v = vals[field][idx]
                    mk = merged[field].get(idx)
                    if mk and mk[0] == 'continue':
                        cells.append(d.cell(w, None, vmerge='continue'))
                        d.overrides.setdefault(str(len(d.measures)), {})[field] = ''
                    else:
                        cells.append(d.cell(w, [d.para(v, align='center', size=size)], vmerge=mk[0] if mk else None))
                    rec[field] = truth_text(v)
                elif field == 'indicator':
                    ix, itt = cell_paras(d, indic, NUM_BUL_DASH if bullet_num == NUM_BUL_DASH else bullet_num, size=size)
                    cells.append(d.cell(w, ix))
                    rec['indicator'] = itt
                elif field == 'audience':
                    cells.append(d.cell(w, [d.para(rng.choice(pools.AUDIENCE), size=size)]))
                elif field == 'form':
                    cells.append(d.cell(w, [d.para(rng.choice(pools.FORMS), align='center', size=size)]))
                else:
                    cells.append(d.cell(w, None))
                ci += 1
            rows.append(d.row(cells, cant_split=cant_split))
            d.measures.append({'measure': rec['measure'], 'deadline': rec['deadline'], 'executors': rec['executors'],
                               'indicator': rec['indicator']})
            idx += 1
    return d.table(widths, rows)


DEADLINE_NAMES = {'Сроки исполнения', 'Срок', 'Сроки', 'Срок исполнения'}
EXEC_NAMES = {'Ответственные исполнители', 'Исполнитель', 'Ответственный', 'Ответственные'}
IND_NAMES = {'Ожидаемый результат', 'Индикативный показатель', 'Планируемый результат', 'Результат'}
AUD_NAMES = {'Целевая аудитория'}
FORM_NAMES = {'Форма отчётности'}


def split_sections(items, sizes, names):
    out, p = [], 0
    for n, s in zip(names, sizes):
        out.append((n, items[p:p + s]))
        p += s
    return out


def set_title(d, paras):
    d.title_text = truth_text(' '.join(paras))


# =================================================================================================================
def w1():
    d = Doc('w1-ostrogorsk-multilevel', 601)
    for t in ['Приложение № 1', 'к приказу Управления образования', 'администрации Острогорского муниципального округа',
              'от 04.09.2026 № 318\u2011од']:
        d.add(d.para(t, ind=IND_RIGHT_BLOCK, split=False))
    d.add(d.para(''))
    title = ['ДОРОЖНАЯ КАРТА', 'по сопровождению школ с низкими образовательными результатами',
             'Острогорского муниципального округа на 2026\u20112027 учебный год']
    for i, t in enumerate(title):
        d.add(d.para(t, align='center', bold=True, bookmark=(i == 0)))
    set_title(d, title)
    d.add(d.para(''))
    items = pick_items(d.rng, 26, [(8, 0), (17, 1)])
    secs = split_sections(items, [6, 7, 7, 6], ['Организационно-управленческие меры', 'Аналитическая деятельность',
                                                 'Методическое сопровождение педагогических работников',
                                                 'Работа с обучающимися и родителями'])
    cols = ['№ п/п', 'Мероприятия', 'Сроки исполнения', 'Ответственные исполнители', 'Ожидаемый результат']
    widths = [794, 2665, 1814, 2041, 2041]
    d.add(build_table(d, cols, widths, secs, 'multi', {'deadline': [(7, 3), (20, 2)], 'executors': [(14, 3)]},
                      NUM_BUL_SYMBOL))
    d.add(d.para(''))
    d.add(d.para('Начальник Управления образования\t\t\t\t\tТ.\u00a0В.\u00a0Лапшина', split=False))
    d.add(d.para(''))
    d.add(d.para('Исп.: Гурьева Е.\u00a0А., 8\u00a0(48431)\u00a02\u201161\u201170', size=20, split=False))
    d.write(d.sect('portrait'), numbering())
    return d


def w2():
    d = Doc('w2-zarechensky-order-landscape', 602)
    d.add(d.para('АДМИНИСТРАЦИЯ ЗАРЕЧЕНСКОГО МУНИЦИПАЛЬНОГО РАЙОНА', align='center', bold=True, split=False))
    d.add(d.para('УПРАВЛЕНИЕ ОБРАЗОВАНИЯ', align='center', bold=True, split=False))
    d.add(d.para(''))
    d.add(d.para('П Р И К А З', align='center', bold=True, size=28, split=False))
    d.add(d.para(''))
    d.add(d.para('11.09.2026\t\t\t\t\t\t\t\t\t№ 205', split=False))
    d.add(d.para('г. Заречный', align='center', split=False))
    d.add(d.para(''))
    d.add(d.para('Об утверждении плана мероприятий («дорожной карты») по повышению качества образования в школах с низкими '
                 'образовательными результатами на 2026\u20112027 учебный год', bold=True, ind='<w:ind w:right="4535"/>'))
    d.add(d.para(''))
    d.add(d.para('В целях реализации мер адресной поддержки общеобразовательных организаций, показывающих низкие '
                 'образовательные результаты, и на основании результатов регионального мониторинга 2026 года',
                 align='both', ind='<w:ind w:firstLine="709"/>'))
    d.add(d.para('ПРИКАЗЫВАЮ:', split=False))
    for t in ['Утвердить план мероприятий («дорожную карту») по повышению качества образования в школах с низкими '
              'образовательными результатами на 2026\u20112027 учебный год (приложение).',
              'Руководителям общеобразовательных организаций обеспечить выполнение плана в части, касающейся.',
              'МКУ «Информационно\u2011методический центр» (Ершова Л.\u00a0Н.) обеспечить методическое сопровождение реализации плана.',
              'Контроль за исполнением приказа оставляю за собой.']:
        d.add(d.para(t, align='both', num=(NUM_ORDER, 0), style='a4'))
    d.add(d.para(''))
    d.add(d.para(''))
    # the last paragraph of the portrait section carries its sectPr
    d.add(d.para('Начальник управления образования\t\t\t\t\t\tО.\u00a0П.\u00a0Седых', split=False,
                 sect=d.sect('portrait', footer=False)))
    for t in ['Приложение', 'к приказу управления образования', 'от 11.09.2026 № 205']:
        d.add(d.para(t, align='right', split=False))
    d.add(d.para(''))
    title = ['План мероприятий («дорожная карта»)',
             'по повышению качества образования в школах с низкими образовательными результатами Зареченского '
             'муниципального района на 2026\u20112027 учебный год']
    for i, t in enumerate(title):
        d.add(d.para(t, align='center', bold=True, bookmark=(i == 0)))
    set_title(d, title)
    d.add(d.para(''))
    items = pick_items(d.rng, 24, [(5, 2), (15, 3)])
    secs = split_sections(items, [5, 7, 6, 6], ['Аналитическая деятельность', 'Методическое сопровождение педагогов',
                                                 'Работа с обучающимися и родителями', 'Контроль и оценка результатов'])
    cols = ['№', 'Наименование мероприятия', 'Срок', 'Исполнитель', 'Индикативный показатель', 'Форма отчётности']
    widths = [709, 4820, 1701, 2268, 3402, 1670]
    d.add(build_table(d, cols, widths, secs, 'continuous', {'executors': [(9, 3), (18, 2)]}, NUM_BUL_DASH,
                      section_style='italic', header_shade='F2F2F2'))
    d.add(d.para(''))
    d.add(d.para('Исполнитель: Ершова Людмила Николаевна, тел. 8\u00a0(84352)\u00a03\u201109\u201127', size=20, split=False))
    d.write(d.sect('landscape', margins=(1134, 1134, 850, 1134)), numbering())
    return d


def w3():
    d = Doc('w3-verkhovskaya-region-levels', 603, size=22)
    for t in ['Приложение № 2', 'к приказу министерства образования', 'Верховской области', 'от 25.09.2026 № 1140\u2011р']:
        d.add(d.para(t, ind='<w:ind w:left="10206"/>', split=False))
    d.add(d.para(''))
    title = ['План мероприятий («дорожная карта») по организации адресной поддержки школ с низкими образовательными '
             'результатами в Верховской области на 2026\u20112027 учебный год']
    d.add(d.para(title[0], align='center', bold=True, size=26, bookmark=True))
    set_title(d, title)
    d.add(d.para(''))
    d.add(d.para('По данным регионального мониторинга 2026 года к группе школ, нуждающихся в адресной поддержке, '
                 'отнесены 41 общеобразовательная организация (9\u00a0% от общего числа). План определяет меры '
                 'поддержки на региональном, муниципальном и институциональном уровнях управления.', align='both',
                 ind='<w:ind w:firstLine="709"/>'))
    d.add(d.para(''))
    items = pick_items(d.rng, 25, [(11, 3)])
    secs = split_sections(items, [8, 9, 8], ['Организационно-управленческое направление',
                                             'Организационно-методическое направление',
                                             'Информационно-аналитическое направление'])
    cols = ['№', 'Уровень управления', 'Мероприятие', 'Целевая аудитория', 'Сроки', 'Ответственный', 'Ожидаемый результат']
    widths = [737, 2098, 3402, 1984, 1701, 2268, 2946]
    d.add(build_table(d, cols, widths, secs, 'multi', {}, NUM_BUL_SYMBOL, size=22, header_repeat=False,
                      exec_pool=pools.EXEC_REGION, level_col=True))
    d.add(d.para(''))
    d.write(d.sect('landscape', margins=(1134, 851, 851, 851)), numbering())
    return d


def w4():
    d = Doc('w4-berezovskaya-school-passport', 604)
    for t in ['УТВЕРЖДАЮ', 'Директор МБОУ «Берёзовская СОШ»', 'Листвянского района', '___________ Г.\u00a0Р.\u00a0Аксёнова',
              'Приказ от 31.08.2026 № 96/1']:
        d.add(d.para(t, ind=IND_RIGHT_BLOCK, split=False))
    d.add(d.para(''))
    title = ['Дорожная карта', 'реализации антирисковой программы МБОУ «Берёзовская СОШ» Листвянского района',
             'на 2026\u20112027 учебный год']
    for i, t in enumerate(title):
        d.add(d.para(t, align='center', bold=True, bookmark=(i == 0)))
    set_title(d, title)
    d.add(d.para(''))
    d.add(d.para('1. Паспорт дорожной карты', bold=True, split=False))
    pw = [2835, 6520]
    prow = []
    prow.append(d.row([d.cell(pw[0], [d.para('Цель', bold=True)]),
                       d.cell(pw[1], [d.para('Повышение качества образования и снижение доли обучающихся, не достигающих '
                                             'базового уровня подготовки, за счёт преодоления выявленных рисков', align='both')])]))
    prow.append(d.row([d.cell(pw[0], [d.para('Задачи', bold=True)]),
                       d.cell(pw[1], [d.para(t, num=(NUM_BUL_SYMBOL, 0), style='a4', ind='<w:ind w:left="284" w:hanging="284"/>')
                                      for t in ['повысить учебную мотивацию обучающихся 5–9 классов;',
                                                'устранить профессиональные дефициты педагогов;',
                                                'выстроить систему работы с родителями обучающихся группы риска.']])]))
    prow.append(d.row([d.cell(pw[0], [d.para('Сроки реализации', bold=True)]),
                       d.cell(pw[1], [d.para('сентябрь 2026 г. – август 2027 г.')])]))
    prow.append(d.row([d.cell(pw[0], [d.para('Ожидаемые результаты', bold=True)]),
                       d.cell(pw[1], [d.para('Доля обучающихся с низкими результатами ВПР снижена не менее чем на 10\u00a0%.'),
                                      d.para('Все педагоги с выявленными дефицитами прошли повышение квалификации.')])]))
    d.add(d.table(pw, prow))
    d.add(d.para(''))
    d.add(d.para('2. План мероприятий', bold=True, split=False))
    rng = d.rng
    items = rng.sample(pools.SCHOOL, 22)
    items.insert(6, pools.MULTI[3])
    items.insert(14, pools.MULTI[1])
    secs = split_sections(items, [8, 8, 8], ['Риск «Низкая учебная мотивация обучающихся»',
                                             'Риск «Высокая доля обучающихся с рисками учебной неуспешности»',
                                             'Риск «Недостаточная предметная и методическая компетентность педагогов»'])
    cols = ['№', 'Содержание мероприятия', 'Срок исполнения', 'Ответственные', 'Планируемый результат']
    widths = [567, 3288, 1701, 2098, 1984]
    d.add(build_table(d, cols, widths, secs, 'continuous', {'deadline': [(3, 2), (18, 3)], 'executors': [(10, 2)]},
                      NUM_BUL_SYMBOL, exec_pool=pools.EXEC_SCHOOL, size=22))
    d.add(d.para(''))
    d.add(d.para('Заместитель директора по УВР\t\t\t\t\t\tТ.\u00a0С.\u00a0Ковалёва', split=False))
    d.write(d.sect('portrait', margins=(1134, 850, 1134, 1418)), numbering())
    return d


def add_shy(s, rng):
    """Insert a soft hyphen into some long words (as a user who pressed Ctrl+- would)."""
    out = []
    for w in s.split(' '):
        core = w.strip('«»(),.;:')
        if len(core) >= 13 and '\u2011' not in w and rng.random() < 0.5:
            vow = 'аеёиоуыэюя'
            pos = [i for i in range(4, len(w) - 4) if w[i - 1] in vow and w[i] not in vow and w[i].isalpha()]
            if pos:
                p = pos[len(pos) // 2]
                w = w[:p] + '\u00ad' + w[p:]
        out.append(w)
    return ' '.join(out)


def w5():
    d = Doc('w5-kovylny-restart-arial', 605, font='Arial', size=20)
    for t in ['УТВЕРЖДЕНА', 'приказом МКУ «Управление образования', 'Ковыльненского городского округа»',
              'от «16» сентября 2026 г. № 427']:
        d.add(d.para(t, align='right', split=False))
    d.add(d.para(''))
    title = ['Муниципальная дорожная карта', 'по организации работы со школами с низкими результатами обучения',
             'и школами, функционирующими в неблагоприятных социальных условиях,',
             'Ковыльненского городского округа на 2026\u20112027 учебный год']
    for i, t in enumerate(title):
        d.add(d.para(t, align='center', bold=True, size=24, bookmark=(i == 0)))
    set_title(d, title)
    d.add(d.para(''))
    rng = d.rng
    items = pick_items(rng, 27, [(3, 0), (20, 2)])
    items = [((add_shy(m, rng) if isinstance(m, str) else m), i) for m, i in items]
    secs = split_sections(items, [5, 8, 8, 6], ['I. Нормативно-правовое и организационное обеспечение',
                                                'II. Повышение профессиональной компетентности педагогов',
                                                'III. Сопровождение обучающихся',
                                                'IV. Мониторинг и подведение итогов'])
    cols = ['№ п/п', 'Мероприятие', 'Срок', 'Ответственный', 'Результат', 'Отметка о выполнении']
    widths = [624, 2778, 1361, 1984, 1928, 1191]
    ex = ['Управление образования\n(Бортникова Л.\u00a0К.)', 'ИМЦ\n(Сабирова Д.\u00a0Р., методист)', 'Руководители ОО',
          'Кураторы ШНОР', 'ИМЦ, руководители ОО', 'ППМС\u2011центр «Доверие»', 'Управление образования, ИМЦ',
          'Школы-наставники']
    d.add(build_table(d, cols, widths, secs, 'restart', {'deadline': [(1, 3), (22, 2)], 'executors': [(11, 2)]},
                      NUM_BUL_DASH, exec_pool=ex, section_style='left', size=20, header_shade='D9D9D9', header_size=18))
    d.add(d.para(''))
    d.add(d.para('Начальник МКУ «Управление образования»\t\t\t\tВ.\u00a0А.\u00a0Мельников', split=False))
    d.write(d.sect('portrait', margins=(1134, 567, 1134, 1418), header=True, footer=False), numbering(extra_restarts=4))
    return d


# ---- w6: a document returned with unaccepted tracked changes, comments, content controls, a hyperlink -------------
REV_AUTHOR = 'Кравцова Н. Ю.'


class RevDoc(Doc):
    """final=False: the working copy (w:ins/w:del, comments); final=True: the same document with all changes accepted
    and comments removed (what the author exports to PDF)."""
    def __init__(self, name, seed, final, **kw):
        super().__init__(name, seed, **kw)
        self.final, self.rev_id, self.cmt = final, 100, []

    def _rev(self):
        self.rev_id += 1
        return 'w:id="%d" w:author="%s" w:date="2026-09-08T10:%02d:00Z"' % (self.rev_id, REV_AUTHOR, self.rev_id % 60)

    def rev_runs(self, parts, bold=False, size=None):
        out = []
        for kind, text in parts:
            if kind == 't':
                out.append(self.runs(text, bold=bold, size=size))
            elif kind == 'ins':
                r = self.runs(text, bold=bold, size=size, split=False)
                out.append(r if self.final else '<w:ins %s>%s</w:ins>' % (self._rev(), r))
            elif kind == 'del':
                if not self.final:
                    out.append('<w:del %s><w:r w:rsidDel="%s">%s<w:delText xml:space="preserve">%s</w:delText></w:r></w:del>'
                               % (self._rev(), self.rsid(), self.rpr(bold, size=size), escape(text)))
            elif kind == 'comment':   # text = comment body; wraps the previous run
                if not self.final:
                    cid = len(self.cmt)
                    self.cmt.append(text)
                    out.insert(len(out) - 1, '<w:commentRangeStart w:id="%d"/>' % cid)
                    out.append('<w:commentRangeEnd w:id="%d"/><w:r><w:rPr><w:rStyle w:val="a8"/></w:rPr>'
                               '<w:commentReference w:id="%d"/></w:r>' % (cid, cid))
            elif kind == 'link':
                self.extra_rels.append(('rIdLink1', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
                                        'http://imc-krasnoklyuch.example.ru/shnor', True))
                out.append('<w:hyperlink r:id="rIdLink1" w:history="1">%s</w:hyperlink>' % self.runs(text, size=size, split=False))
        return ''.join(out)

    def rpara(self, parts, align=None, bold=False, num=None, ind=None, size=None, style=None):
        p = self.para('x', align=align, bold=bold, num=num, ind=ind, size=size, style=style, split=False)
        head = p[:p.index('</w:pPr>') + len('</w:pPr>')]
        return head + self.rev_runs(parts, bold=bold, size=size) + '</w:p>'

    def date_sdt_cell(self, width, text, iso, size=None):
        sdt = ('<w:sdt><w:sdtPr><w:rPr>%s</w:rPr><w:id w:val="%d"/><w:date w:fullDate="%sT00:00:00Z">'
               '<w:dateFormat w:val="dd.MM.yyyy"/><w:lid w:val="ru-RU"/><w:storeMappedDataAs w:val="dateTime"/>'
               '<w:calendar w:val="gregorian"/></w:date></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>') % (
            self.rpr(size=size), self.rng.randrange(-2000000000, 2000000000), iso, self.para(text, align='center', size=size))
        return '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (width, sdt)


def w6_build(final):
    d = RevDoc('w6-krasnoklyuch-revisions', 606, final, size=22)
    # approval block in a block-level content control, with an inline date content control
    blk = [d.para(t, ind=IND_RIGHT_BLOCK, split=False) for t in
           ['УТВЕРЖДАЮ', 'Начальник отдела образования', 'администрации Красноключинского', 'муниципального района',
            '____________ С.\u00a0Н.\u00a0Голованова']]
    date_p = d.para('x', ind=IND_RIGHT_BLOCK, split=False)
    date_p = date_p[:date_p.index('</w:pPr>') + 8] + (
        '<w:sdt><w:sdtPr><w:id w:val="-1187432651"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013437"/>'
        '</w:placeholder><w:date w:fullDate="2026-09-10T00:00:00Z"><w:dateFormat w:val="«dd» MMMM yyyy \'г.\'"/>'
        '<w:lid w:val="ru-RU"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date></w:sdtPr>'
        '<w:sdtContent>%s</w:sdtContent></w:sdt>' % d.runs('«10» сентября 2026 г.', split=False)) + '</w:p>'
    d.add('<w:sdt><w:sdtPr><w:alias w:val="Гриф утверждения"/><w:tag w:val="approval"/><w:id w:val="1430622719"/>'
          '<w:docPartObj><w:docPartGallery w:val="Quick Parts"/></w:docPartObj></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
          % ''.join(blk + [date_p]))
    d.add(d.para(''))
    title = ['План мероприятий («дорожная карта») по повышению качества образования',
             'в общеобразовательных организациях Красноключинского муниципального района,',
             'показывающих низкие образовательные результаты, на 2026\u20112027 учебный год']
    for i, t in enumerate(title):
        d.add(d.para(t, align='center', bold=True, bookmark=(i == 0)))
    set_title(d, title)
    d.add(d.para(''))
    rng = d.rng
    items = rng.sample(pools.MUNI, 24)
    deleted_row = items.pop(11)       # a row deleted with track changes: NOT a measure
    cols = ['№', 'Мероприятие', 'Срок проведения', 'Ответственный исполнитель', 'Ожидаемый результат']
    widths = [567, 3061, 1701, 1871, 2155]
    dl = ['сентябрь 2026 г.', 'октябрь 2026 г.', 'до 15.10.2026', 'ноябрь 2026 г.', 'в течение учебного года',
          'декабрь 2026 г.', 'январь – февраль 2027 г.', 'март 2027 г.', 'до 30.04.2027', 'май 2027 г.', 'июнь 2027 г.',
          'ежеквартально', 'по графику ИМЦ', 'постоянно']
    exs = ['Отдел образования', 'ИМЦ', 'Отдел образования, ИМЦ', 'Руководители ОО', 'Кураторы ШНОР',
           'Руководители ШНОР', 'ИМЦ, руководители ММО', 'Муниципальный координатор']
    rows = [d.row([d.cell(w, [d.para(c, align='center', bold=True, split=False)], valign='center') for c, w in zip(cols, widths)],
                  header=True, cant_split=True)]
    pre_dl = [rng.choice(dl) for _ in items]   # drawn before anything that differs between the two copies
    pre_ex = [rng.choice(exs) for _ in items]
    dates = {4: ('15.10.2026', '2026-10-15'), 9: ('01.12.2026', '2026-12-01'), 17: ('28.02.2027', '2027-02-28')}
    for k, (m, indic) in enumerate(items):
        if k == 11:   # the deleted row comes here (between measures 11 and 12)
            if not final:
                dm, di = deleted_row
                dcells = [d.cell(widths[0], [d.para('', num=(NUM_DEC, 0), ind=IND_CELL_NUM)])]
                for txt, w in zip([dm, 'октябрь 2026 г.', 'ИМЦ', di], widths[1:]):
                    dcells.append(d.cell(w, [d.rpara([('del', txt)])]))
                rows.append('<w:tr w:rsidR="%s" w:rsidTr="%s"><w:trPr><w:del %s/></w:trPr>%s</w:tr>'
                            % (d.rsid(), d.rsid(), d._rev(), ''.join(dcells)))
        deadline = pre_dl[k]
        ex = pre_ex[k]
        mparts, dparts, eparts, iparts = [('t', m)], [('t', deadline)], [('t', ex)], [('t', indic)]
        if k == 2:
            mparts = [('t', m), ('ins', ' с участием представителей школ-наставников')]
        if k == 6:   # a deleted phrase inside the measure
            ws = m.split(' ')
            h = len(ws) // 2
            mparts = [('t', ' '.join(ws[:h]) + ' '), ('del', 'в срок до 1 октября '), ('t', ' '.join(ws[h:]))]
        if k == 8:   # deadline replaced
            dparts = [('del', 'октябрь 2026 г.'), ('ins', deadline)]
        if k == 13:  # executor extended + a comment on it
            eparts = [('t', ex), ('ins', ', руководители ШНОР'), ('comment', 'Согласовать с ИМЦ до утверждения')]
        if k == 15:  # a comment on the measure
            mparts = [('t', m), ('comment', 'Проверить формулировку по региональному плану')]
        if k == 19:  # the indicator with a hyperlink
            iparts = [('t', indic + '; материалы на сайте ИМЦ: '), ('link', 'imc-krasnoklyuch.example.ru/shnor')]
        if k == 21:  # the last word replaced
            ws = m.split(' ')
            mparts = [('t', ' '.join(ws[:-1]) + ' '), ('del', 'района'), ('ins', ws[-1])]
        ins_row = (k == 16)   # a row inserted with track changes: a measure
        if ins_row:
            mparts, dparts, eparts, iparts = [('ins', m)], [('ins', deadline)], [('ins', ex)], [('ins', indic)]
        cells = [d.cell(widths[0], [d.para('', num=(NUM_DEC, 0), ind=IND_CELL_NUM)])]
        cells.append(d.cell(widths[1], [d.rpara(mparts, align='both')]))
        if k in dates and not ins_row:
            cells.append(d.date_sdt_cell(widths[2], dates[k][0], dates[k][1]))
            deadline = dates[k][0]
        else:
            cells.append(d.cell(widths[2], [d.rpara(dparts, align='center')]))
        cells.append(d.cell(widths[3], [d.rpara(eparts, align='center')]))
        cells.append(d.cell(widths[4], [d.rpara(iparts)]))
        row = d.row(cells)
        if ins_row and not final:
            row = row.replace('<w:tr ', '<w:tr ', 1)
            i = row.index('>') + 1
            row = row[:i] + '<w:trPr><w:ins %s/></w:trPr>' % d._rev() + row[i:]
        rows.append(row)
        fin = lambda parts: truth_text(''.join(t for kk, t in parts if kk in ('t', 'ins', 'link')))
        d.measures.append({'measure': fin(mparts), 'deadline': truth_text(deadline), 'executors': fin(eparts),
                           'indicator': fin(iparts)})
    d.add(d.table(widths, rows))
    d.add(d.para(''))
    d.add(d.para('Исполнитель: Кравцова Наталья Юрьевна, ведущий специалист отдела образования,', size=20, split=False))
    d.add(d.para('тел. 8\u00a0(38534)\u00a02\u201144\u201109', size=20, split=False))
    if not final and d.cmt:
        cx = ''.join('<w:comment w:id="%d" w:author="%s" w:date="2026-09-08T11:0%d:00Z" w:initials="КН"><w:p><w:pPr>'
                     '<w:pStyle w:val="a9"/></w:pPr><w:r><w:rPr><w:rStyle w:val="a8"/></w:rPr><w:annotationRef/></w:r>'
                     '<w:r><w:t>%s</w:t></w:r></w:p></w:comment>' % (i, REV_AUTHOR, i, escape(t)) for i, t in enumerate(d.cmt))
        d.extra_parts.append(('comments.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments %s>%s</w:comments>'
                              % (W_NS, cx), 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml', None, None))
        d.extra_rels.append(('rIdCmt1', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
                             'comments.xml', False))
    if final:
        d.write(d.sect('portrait', margins=(1134, 850, 1134, 1701)), numbering(), outdir=os.path.join(OUT, 'final'), truth=False)
    else:
        d.write(d.sect('portrait', margins=(1134, 850, 1134, 1701)), numbering())
    return d


def w6():
    w6_build(True)
    return w6_build(False)


if __name__ == '__main__':
    for f in (w1, w2, w3, w4, w5, w6):
        d = f()
        print(d.name, len(d.measures), 'overrides', len(d.overrides))
