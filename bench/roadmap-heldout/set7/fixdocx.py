#!/usr/bin/env python3
"""Post-processing of a LibreOffice HTML-import DOCX (the import ignores the HTML column widths and the @page size):
  fixdocx.py FILE.docx [--landscape] [--widths 8,38,24,14,16]
--landscape: A4 landscape section; --widths: column widths (percent) of the roadmap table (the table whose grid has
that many columns), cells top-aligned. Text is not touched."""
import re, sys, zipfile, shutil
args = sys.argv[1:]; src = args[0]
land = '--landscape' in args
widths = [float(x) for x in args[args.index('--widths') + 1].split(',')] if '--widths' in args else None

def fix_table(t):
    grid = re.findall(r'<w:gridCol w:w="(\d+)"/>', t)
    if not widths or len(grid) != len(widths):
        return t
    total = sum(int(g) for g in grid)
    ws = [round(total * w / sum(widths)) for w in widths]
    t = re.sub(r'<w:tblGrid>.*?</w:tblGrid>', '<w:tblGrid>' + ''.join(f'<w:gridCol w:w="{w}"/>' for w in ws) + '</w:tblGrid>', t, count=1, flags=re.S)
    def fix_row(m):
        row = m.group(0); pos = [0]
        def fix_tc(mm):
            tc = mm.group(0)
            span = re.search(r'<w:gridSpan w:val="(\d+)"/>', tc)
            n = int(span.group(1)) if span else 1
            w = sum(ws[pos[0]:pos[0] + n]); pos[0] += n
            tc = re.sub(r'<w:tcW w:w="\d+" w:type="dxa"/>', f'<w:tcW w:w="{w}" w:type="dxa"/>', tc, count=1)
            return tc.replace('<w:vAlign w:val="center"/>', '<w:vAlign w:val="top"/>')
        return re.sub(r'<w:tc>.*?</w:tc>', fix_tc, row, flags=re.S)
    return re.sub(r'<w:tr>.*?</w:tr>', fix_row, t, flags=re.S)

tmp = src + '.tmp'
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zo:
    for it in zi.infolist():
        data = zi.read(it.filename)
        if it.filename == 'word/document.xml':
            s = data.decode('utf-8')
            if land:
                s = re.sub(r'<w:pgSz[^>]*/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>', s)
                s = re.sub(r'<w:pgMar [^>]*/>', '<w:pgMar w:top="680" w:right="680" w:bottom="680" w:left="850" w:header="0" w:footer="0" w:gutter="0"/>', s)
            s = re.sub(r'<w:tbl>.*?</w:tbl>', lambda m: fix_table(m.group(0)), s, flags=re.S)
            data = s.encode('utf-8')
        zo.writestr(it, data)
shutil.move(tmp, src)
print('fixed', src, 'landscape' if land else '', widths or '')
