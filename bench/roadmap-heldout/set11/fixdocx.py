#!/usr/bin/env python3
"""Layout-only post-processing of a LibreOffice HTML-import DOCX (text is never touched):
LibreOffice ignores the HTML column widths and sizes columns by content, and gives the page 1/2 cm margins.
This sets the table's w:gridCol / w:tcW to the intended percent widths, cell vAlign to top, removes the
0.5 cm gap Writer puts after cell paragraphs, and sets the page size/margins.
Usage: fixdocx.py FILE.docx portrait|landscape PCT,PCT,..."""
import re
import sys
import zipfile

path, orient, pcts = sys.argv[1], sys.argv[2], [float(x) for x in sys.argv[3].split(',')]
if orient == 'landscape':
    pg = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
    mar = '<w:pgMar w:left="1134" w:right="1134" w:gutter="0" w:header="567" w:top="1134" w:footer="0" w:bottom="850"/>'
    textw = 16838 - 2268
else:
    pg = '<w:pgSz w:w="11906" w:h="16838"/>'
    mar = '<w:pgMar w:left="1418" w:right="567" w:gutter="0" w:header="567" w:top="1134" w:footer="0" w:bottom="1134"/>'
    textw = 11906 - 1985
grid = [round(textw * p / sum(pcts)) for p in pcts]

zin = zipfile.ZipFile(path)
items = [(i, zin.read(i.filename)) for i in zin.infolist()]
zin.close()
out = []
for info, data in items:
    if info.filename == 'word/document.xml':
        s = data.decode('utf-8')
        s = re.sub(r'<w:pgSz [^>]*/>', pg, s)
        s = re.sub(r'<w:pgMar [^>]*/>', mar, s)

        def fix_tbl(m):
            t = m.group(0)
            t = re.sub(r'<w:tblW w:w="\d+" w:type="dxa"/>', f'<w:tblW w:w="{sum(grid)}" w:type="dxa"/>', t)
            t = re.sub(r'<w:tblGrid>.*?</w:tblGrid>', '<w:tblGrid>' + ''.join(f'<w:gridCol w:w="{g}"/>' for g in grid) + '</w:tblGrid>', t)

            def fix_row(rm):
                row = rm.group(0)
                col = [0]

                def fix_tc(cm):
                    tcpr = cm.group(0)
                    sp = re.search(r'<w:gridSpan w:val="(\d+)"/>', tcpr)
                    n = int(sp.group(1)) if sp else 1
                    w = sum(grid[col[0]:col[0] + n])
                    col[0] += n
                    tcpr = re.sub(r'<w:tcW w:w="\d+" w:type="dxa"/>', f'<w:tcW w:w="{w}" w:type="dxa"/>', tcpr)
                    return tcpr
                row = re.sub(r'<w:tcPr>.*?</w:tcPr>', fix_tc, row)
                return row
            t = re.sub(r'<w:tr>.*?</w:tr>|<w:tr .*?</w:tr>', fix_row, t, flags=re.S)
            t = t.replace('<w:vAlign w:val="center"/>', '<w:vAlign w:val="top"/>')
            t = t.replace('<w:spacing w:before="0" w:after="283"/>', '<w:spacing w:before="0" w:after="0"/>')
            return t
        s = re.sub(r'<w:tbl>.*?</w:tbl>', fix_tbl, s, flags=re.S)
        data = s.encode('utf-8')
    out.append((info, data))
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    for info, data in out:
        z.writestr(info, data)
