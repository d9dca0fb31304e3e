"""u3's DOCX as hand-written WordprocessingML, the way Word 2016+ saves a municipal document:
Russian style ids, a caption paragraph with a SEQ field above the table, a header row marked
«Повторять как заголовок» (w:tblHeader), a real footnote (footnotes.xml), bold lead words in separate runs,
two empty trailing rows and a final «Итого мероприятий: 24» row. ALL CONTENT SYNTHETIC."""
import re
import zipfile
from xml.sax.saxutils import escape

W = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:o="urn:schemas-microsoft-com:office:office" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
     'xmlns:v="urn:schemas-microsoft-com:vml" '
     'xmlns:w10="urn:schemas-microsoft-com:office:word" '
     'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
     'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
     'mc:Ignorable="w14 w15"')
HDR = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
FONT = 'PT Astra Serif'
WIDTHS = [620, 3250, 1900, 1600, 1985]


def t(s):
    sp = ' xml:space="preserve"' if s != s.strip() or '  ' in s else ''
    return f'<w:t{sp}>{escape(s)}</w:t>'


def run(s, bold=False, rsid=None):
    rpr = '<w:rPr><w:b/><w:bCs/></w:rPr>' if bold else ''
    a = f' w:rsidR="{rsid}"' if rsid else ''
    return f'<w:r{a}>{rpr}{t(s)}</w:r>'


def para_runs(p, R):
    """A cell paragraph: **bold** lead, [[fn:1]] footnote reference; plain text split into 1–3 runs as Word does."""
    out = []
    for part in re.split(r'(\*\*.+?\*\*|\[\[fn:\d+\]\])', p):
        if not part:
            continue
        if part.startswith('**'):
            out.append(run(part[2:-2], bold=True, rsid='00A1' + str(R.randint(1000, 9999))))
        elif part.startswith('[[fn:'):
            fid = part[5:-2]
            out.append(f'<w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>')
        else:
            cuts = sorted(R.sample(range(1, len(part)), min(2, max(0, len(part) - 1)))) if len(part) > 30 and R.random() < 0.5 else []
            prev = 0
            for c in cuts + [len(part)]:
                out.append(run(part[prev:c], rsid='00B' + str(R.randint(10000, 99999))))
                prev = c
    return ''.join(out)


def p_xml(text_runs, jc=None, ind_left=None, style=None, keep_next=False, spacing0=True):
    ppr = ''
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += '<w:keepNext/>'
    if spacing0:
        ppr += '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    if ind_left:
        ppr += f'<w:ind w:left="{ind_left}"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f'<w:p><w:pPr>{ppr}</w:pPr>{text_runs}</w:p>'


def cell(paras_xml, w, span=None, shade=None):
    tcpr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
    if span:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if shade:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr>{paras_xml}</w:tc>'


def write_docx(path, approve, caption_rest, cols, rows, fn_text, R):
    body = []
    for a in approve:
        body.append(p_xml(run(a), ind_left=5670))
    body.append(p_xml(''))
    # caption above the table: «Таблица {SEQ Таблица} – …» (Word: Insert Caption, label «Таблица»)
    cap = (run('Таблица ') + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           '<w:r><w:instrText xml:space="preserve"> SEQ Таблица \\* ARABIC </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(' – ' + caption_rest))
    body.append(p_xml(cap, jc='center', style='a5', keep_next=True))
    tbl = ['<w:tbl><w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="9355" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
           '</w:tblPr><w:tblGrid>' + ''.join(f'<w:gridCol w:w="{w}"/>' for w in WIDTHS) + '</w:tblGrid>']
    # header row: «Повторять как заголовок»
    tbl.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + ''.join(
        cell(p_xml(run(c, bold=True), jc='center'), WIDTHS[i], shade='D9D9D9') for i, c in enumerate(cols)) + '</w:tr>')
    for r in rows:
        if r['kind'] == 'sec':
            tbl.append('<w:tr>' + cell(p_xml(run(r['text'], bold=True), jc='center', keep_next=True), sum(WIDTHS), span=5) + '</w:tr>')
            continue
        cells = [[r['num']], r['m'], r['e'], [r['d']], r['i']]
        xml = ''
        for i, paras in enumerate(cells):
            px = ''.join(p_xml(para_runs(p, R), jc='both' if i == 1 else ('center' if i in (0, 3) else None)) for p in paras)
            xml += cell(px, WIDTHS[i])
        tbl.append('<w:tr>' + xml + '</w:tr>')
    # empty trailing rows (left from the template) and the total row
    for _ in range(2):
        tbl.append('<w:tr>' + ''.join(cell(p_xml(''), w) for w in WIDTHS) + '</w:tr>')
    n = sum(1 for r in rows if r['kind'] == 'm')
    tbl.append('<w:tr>' + cell(p_xml(run(f'Итого мероприятий: {n}', bold=True)), sum(WIDTHS), span=5) + '</w:tr>')
    tbl.append('</w:tbl>')
    body.append(''.join(tbl))
    body.append(p_xml(''))
    body.append(p_xml(run('Глава Липовецкого муниципального района') + '<w:r><w:tab/><w:tab/><w:tab/></w:r>'
                      + run('В.\u00a0С.\u00a0Корчагин')))
    sect = ('<w:sectPr><w:footerReference w:type="default" r:id="rId9"/><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" '
            'w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
    document = f'{HDR}<w:document {W}><w:body>{"".join(body)}{sect}</w:body></w:document>'

    styles = (f'{HDR}<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" '
              f'w:eastAsia="{FONT}" w:cs="{FONT}"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="ru-RU" w:eastAsia="en-US" w:bidi="ar-SA"/>'
              '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>'
              '<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
              '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
              '<w:style w:type="table" w:styleId="a3"><w:name w:val="Table Grid"/><w:basedOn w:val="a1"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
              '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="caption"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/>'
              '<w:pPr><w:spacing w:after="200" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="24"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="footnote text"/><w:basedOn w:val="a"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
              '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="a7"><w:name w:val="footnote reference"/><w:basedOn w:val="a0"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="a8"><w:name w:val="footer"/><w:basedOn w:val="a"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4677"/>'
              '<w:tab w:val="right" w:pos="9355"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
              '</w:styles>')
    footnotes = (f'{HDR}<w:footnotes {W}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="a6"/></w:pPr><w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:footnoteRef/></w:r>'
                 f'<w:r><w:t xml:space="preserve"> {escape(fn_text)}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    footer = (f'{HDR}<w:ftr {W}><w:p><w:pPr><w:pStyle w:val="a8"/><w:jc w:val="right"/></w:pPr>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>')
    settings = (f'{HDR}<w:settings {W}><w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>'
                '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
                '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
                '<w:themeFontLang w:val="ru-RU"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>')
    fonttable = (f'{HDR}<w:fonts {W}><w:font w:name="{FONT}"><w:charset w:val="CC"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>')
    ctypes = (f'{HDR}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
              '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
              '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
              '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
              '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
              '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    rels = (f'{HDR}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    drels = (f'{HDR}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
             '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
             '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
             '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/></Relationships>')
    core = (f'{HDR}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title></dc:title><dc:creator>obrazovanie-lipovets</dc:creator><cp:lastModifiedBy>User</cp:lastModifiedBy><cp:revision>7</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-15T06:12:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-09-18T09:41:00Z</dcterms:modified></cp:coreProperties>')
    app = (f'{HDR}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template>'
           '<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><AppVersion>16.0000</AppVersion></Properties>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, c in [('[Content_Types].xml', ctypes), ('_rels/.rels', rels), ('word/document.xml', document),
                     ('word/_rels/document.xml.rels', drels), ('word/styles.xml', styles), ('word/settings.xml', settings),
                     ('word/fontTable.xml', fonttable), ('word/footnotes.xml', footnotes), ('word/footer1.xml', footer),
                     ('docProps/core.xml', core), ('docProps/app.xml', app)]:
            zi = zipfile.ZipInfo(n, date_time=(2026, 9, 18, 12, 41, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, c)
