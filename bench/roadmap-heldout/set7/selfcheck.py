#!/usr/bin/env python3
"""Self-check of set 7 (no importer): every truth field must be a whole cell of one table row — the same row for all
four fields — in the DOCX (w:br / paragraphs -> space) and in the TXT (row = TAB-joined line); the DOCX must contain
the title. PDF: information only — truth fields with a word (space-separated token) that is not a token of the pdftotext text
layer (the PDF text of a cell is interleaved with neighbouring cells, so only words can be checked)."""
import glob, json, os, re, subprocess, zipfile
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')
ws = lambda s: re.sub(r'\s+', ' ', s).strip()
FIELDS = ('measure', 'deadline', 'executors', 'indicator')

def docx_rows(path):
    s = zipfile.ZipFile(path).read('word/document.xml').decode('utf-8')
    def ptext(p):
        p = re.sub(r'<w:br[^>]*/>|<w:tab/>', '<w:t> </w:t>', p)
        p = re.sub(r'<w:softHyphen/>', '', p)
        return ''.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', p)).replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>').replace('&quot;', '"')
    rows = []
    for tr in re.findall(r'<w:tr>.*?</w:tr>', s, re.S):
        cells = [ws(' '.join(ptext(p) for p in re.findall(r'<w:p[ >].*?</w:p>', tc, re.S))) for tc in re.findall(r'<w:tc>.*?</w:tc>', tr, re.S)]
        rows.append(cells)
    alltext = ws(' '.join(ptext(p) for p in re.findall(r'<w:p[ >].*?</w:p>', s, re.S)))
    return rows, alltext

problems = 0; total = 0
for tp in sorted(glob.glob(os.path.join(D, '*.truth.json'))):
    name = os.path.basename(tp)[:-11]
    truth = json.load(open(tp))
    txt_rows = [[ws(c) for c in l.split('\t')] for l in open(os.path.join(D, name + '.txt')).read().split('\n')]
    drows, dtext = docx_rows(os.path.join(D, name + '.docx'))
    pdf_words = set(ws(subprocess.run(['pdftotext', os.path.join(D, name + '.pdf'), '-'], capture_output=True, text=True).stdout).split(' '))
    if ws(truth['title']) not in dtext:
        print(f'{name}: title not in DOCX'); problems += 1
    pdf_missing = []
    for i, m in enumerate(truth['measures']):
        total += 1
        want = [ws(m[f]) for f in FIELDS if m[f]]
        for fmt, rows in (('txt', txt_rows), ('docx', drows)):
            if not any(all(w in r for w in want) for r in rows):
                print(f'{name} #{i} {fmt}: no row with all fields: {m["measure"][:60]}'); problems += 1
        for f in FIELDS:
            if m[f]:
                lost = [w for w in ws(m[f]).split(' ') if w not in pdf_words]
                if lost: pdf_missing.append(f'#{i}.{f}: {" ".join(lost)}')
    print(f'{name}: {len(truth["measures"])} measures; fields with words missing from the PDF text layer: {len(pdf_missing)}' + (f' ({", ".join(pdf_missing[:12])}{" …" if len(pdf_missing) > 12 else ""})' if pdf_missing else ''))
print(f'TOTAL {total} measures, {problems} problems (TXT/DOCX)')
