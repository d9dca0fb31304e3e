#!/usr/bin/env python3
"""Writes docs/r6-*.docx as hand-written WordprocessingML (zipfile + XML), the way Word saves a typical roadmap:
Times New Roman 12, A4 portrait, full grid, header row repeated (tblHeader), and the «№ п/п» column numbered by a Word
multilevel list (numPr: sections «1.», measures «1.1.») — the numbers are NOT in the text runs."""
import json, sys, zipfile
from xml.sax.saxutils import escape as X
name = sys.argv[1]
m = json.load(open(f'docs/{name}.model.json'))
TW = 11906 - 1701 - 850
ws = [round(TW * w / sum(m['widths'])) for w in m['widths']]
def run(t, b=False):
    rpr = '<w:rPr><w:b/></w:rPr>' if b else ''
    return f'<w:r>{rpr}<w:t xml:space="preserve">{X(t)}</w:t></w:r>'
def para(text, jc='left', b=False, num=None, after=0, size=None):
    ppr = f'<w:pPr>{num or ""}<w:spacing w:after="{after}" w:line="240" w:lineRule="auto"/><w:jc w:val="{jc}"/></w:pPr>'
    lines = text if isinstance(text, list) else [text]
    body = '<w:r><w:br/></w:r>'.join(run(x, b) for x in lines if x is not None) if text != '' else ''
    return f'<w:p>{ppr}{body}</w:p>'
NUM = lambda lvl: f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr>'
def tc(w, content, span=1):
    gs = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ''
    return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{gs}</w:tcPr>{content}</w:tc>'
body = []
for kind, text, style in m['pre']:
    body.append(para(text, {'r': 'right', 'c': 'center', 'l': 'left', 'j': 'both'}.get(kind, 'left')))
body.append(para(''))
for t in m['title']:
    body.append(para(t, 'center', True))
body.append(para(''))
b = '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
tbl = [f'<w:tbl><w:tblPr><w:tblW w:w="{TW}" w:type="dxa"/><w:tblBorders>{b}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr>',
       '<w:tblGrid>' + ''.join(f'<w:gridCol w:w="{w}"/>' for w in ws) + '</w:tblGrid>']
tbl.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + ''.join(tc(w, para(h, 'center', True)) for w, h in zip(ws, m['header'])) + '</w:tr>')
for kind, cells in m['rows']:
    if kind == 'sec':
        tbl.append('<w:tr>' + tc(TW, para(cells, 'left', True, NUM(0)), len(ws)) + '</w:tr>')
    else:
        cs = [tc(ws[0], para('', 'left', False, NUM(1)))]
        for i, c in enumerate(cells[1:], 1):
            cs.append(tc(ws[i], para(c, 'both' if i in (1,) else 'left')))
        tbl.append('<w:tr>' + ''.join(cs) + '</w:tr>')
tbl.append('</w:tbl>')
body.append(''.join(tbl))
body.append(para(''))
for p in m['post']:
    body.append(para(p[1]))
sect = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(body)}{sect}</w:body></w:document>'
styles = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>'''
numbering = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1.%2."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'''
ct = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'''
rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''
drels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'''
with zipfile.ZipFile(f'docs/{name}.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', ct); z.writestr('_rels/.rels', rels)
    z.writestr('word/document.xml', doc); z.writestr('word/styles.xml', styles)
    z.writestr('word/numbering.xml', numbering); z.writestr('word/_rels/document.xml.rels', drels)
print('written', name)
