#!/usr/bin/env python3
"""Self-check of set 12 without the importer: truth vs. DOCX (own reader), TXT, PDF text layer; counts, pages, patterns."""
import json, os, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
EXPECT = {  # name: (measures, pages, header row)
    'r1-sukhorechensk-r7-tasks': (22, 3, ["№ п/п", "Мероприятия", "Сроки реализации", "Ответственные за исполнение", "Планируемые результаты / показатели"]),
    'r2-klyuchevskaya-onlyoffice-school': (20, 2, ["№", "Содержание работы", "Дата проведения", "Исполнитель", "Выход (продукт)"]),
    'g1-belovodsk-gdocs-directions': (24, 4, ["Направление", "№", "Вид деятельности", "Период", "Ответственное лицо", "Форма контроля"]),
    'g2-kamyshinka-gdocs-html-school': (19, 2, ["№", "Что делаем", "Когда", "Кто отвечает", "Что получим"]),
    'm1-verkhnekamsk-myoffice-measure-late': (23, 4, ["№ п/п", "Срок исполнения", "Исполнители", "Действия", "Отчётный документ"]),
}
FIELDS = ('measure', 'deadline', 'executors', 'indicator')
problems = []
def bad(msg): problems.append(msg)
def ws(s): return re.sub(r'\s+', ' ', s).strip()

def docx_tables(path):
    x = zipfile.ZipFile(path).read('word/document.xml')
    root = ET.fromstring(x)
    tables = []
    for tbl in root.iter(W + 'tbl'):
        rows, above = [], {}
        for tr in tbl.findall(W + 'tr'):
            row, col = [], 0
            for tc in tr.findall(W + 'tc'):
                pr = tc.find(W + 'tcPr')
                span = int(pr.find(W + 'gridSpan').get(W + 'val')) if pr is not None and pr.find(W + 'gridSpan') is not None else 1
                vm = pr.find(W + 'vMerge') if pr is not None else None
                paras = [''.join(t.text or '' if t.tag == W + 't' else '\t' for t in p.iter() if t.tag in (W + 't', W + 'tab')) for p in tc.findall(W + 'p')]
                text = ws(' '.join(p for p in paras if p.strip()))
                if vm is not None and vm.get(W + 'val', 'continue') == 'continue':
                    text = above.get(col, '')
                above[col] = text
                row.append(text); col += span
            rows.append(row)
        tables.append(rows)
    return root, tables

def body_text(root):
    return [ws(''.join(t.text or '' for t in p.iter(W + 't'))) for p in root.iter(W + 'p')]

def pdf_words(path):
    t = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True).stdout
    words = set()
    for w in re.split(r'\s+', t):
        words.add(w)
    return t, words

def word_ok(w, pdfwords, pdftext):
    if w in pdfwords: return True
    # a hyphenated compound broken at its hyphen at a line end: each part present
    parts = [p for p in re.split(r'[-–]', w) if p]
    return all(any(p in x for x in pdfwords) for p in parts)

total = 0
split_info = {}
for name, (n_exp, pages_exp, header) in EXPECT.items():
    tr = json.load(open(os.path.join(D, name + '.truth.json'), encoding='utf-8'))
    ms = tr['measures']; total += len(ms)
    assert tr['synthetic'] is True
    if len(ms) != n_exp: bad(f'{name}: {len(ms)} measures, expected {n_exp}')
    for m in ms:
        for f in FIELDS:
            if not m[f].strip(): bad(f'{name}: empty {f} in truth')
    # ---- DOCX
    root, tables = docx_tables(os.path.join(D, name + '.docx'))
    rows = tables[0]
    if rows[0] != header: bad(f'{name}: DOCX header {rows[0]}')
    col = {f: None for f in FIELDS}
    keymap = {'measure': 0, 'deadline': 1, 'executors': 2, 'indicator': 3}
    # column of each field = by the header position (generator order)
    hdr_fields = {'r1': [None, 'measure', 'deadline', 'executors', 'indicator'], 'r2': [None, 'measure', 'deadline', 'executors', 'indicator'],
                  'g1': [None, None, 'measure', 'deadline', 'executors', 'indicator'], 'g2': [None, 'measure', 'deadline', 'executors', 'indicator'],
                  'm1': [None, 'deadline', 'executors', 'measure', 'indicator']}[name[:2]]
    data = [r for r in rows[1:] if len(r) == len(header)]
    sections = [r for r in rows[1:] if len(r) == 1]
    if len(data) != n_exp: bad(f'{name}: DOCX has {len(data)} measure rows')
    for i, (m, r) in enumerate(zip(ms, data)):
        got = {f: r[hdr_fields.index(f)] for f in FIELDS}
        for f in FIELDS:
            if got[f] != m[f]: bad(f'{name} #{i+1} DOCX {f}: «{got[f]}» ≠ «{m[f]}»')
    paras = body_text(root)
    if ' '.join(p for p in paras if p) .find(tr['title']) < 0: bad(f'{name}: title not in DOCX paragraphs')
    # ---- TXT
    lines = open(os.path.join(D, name + '.txt'), encoding='utf-8').read().split('\n')
    if '\t'.join(header) not in lines: bad(f'{name}: TXT header')
    trows = [l.split('\t') for l in lines if l.count('\t') == len(header) - 1 and l != '\t'.join(header)]
    ov = tr.get('overrides', {}).get('txt', {})
    if len(trows) != n_exp: bad(f'{name}: TXT has {len(trows)} rows')
    for i, (m, r) in enumerate(zip(ms, trows)):
        exp = dict(m, **ov.get(str(i), {}))
        for f in FIELDS:
            if r[hdr_fields.index(f)] != exp[f]: bad(f'{name} #{i+1} TXT {f}: «{r[hdr_fields.index(f)]}» ≠ «{exp[f]}»')
    if tr['title'] not in ' '.join(l for l in lines if l): bad(f'{name}: title not in TXT')
    # ---- PDF
    pdf = os.path.join(D, name + '.pdf')
    info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
    if pages != pages_exp: bad(f'{name}: {pages} PDF pages, expected {pages_exp}')
    ptxt, pw = pdf_words(pdf)
    missing = 0
    for i, m in enumerate(ms):
        for f in FIELDS:
            for w in m[f].split():
                if not word_ok(w, pw, ptxt):
                    missing += 1; bad(f'{name} #{i+1} PDF {f}: word «{w}» not in pdftotext output')
    for w in tr['title'].split():
        if not word_ok(w, pw, ptxt): bad(f'{name}: title word «{w}» not in PDF')
    # ---- patterns
    z = zipfile.ZipFile(os.path.join(D, name + '.docx'))
    x = z.read('word/document.xml').decode()
    fl = name[:2]
    if fl in ('r1', 'r2'):
        runs = re.findall(r'<w:r>(.*?)</w:r>', x)
        if not runs or any('<w:rFonts' not in r or '<w:sz ' not in r for r in runs): bad(f'{name}: not every run has explicit rPr')
        if '<w:tblLayout w:type="fixed"/>' not in x or '<w:tblStyle' in x: bad(f'{name}: tblLayout fixed / no table style')
        if x.count('<w:tc>') != x.count('w:type="dxa"/></w:tcPr>') + len(re.findall(r'<w:tcW w:w="\d+" w:type="dxa"/>', x)) - x.count('w:type="dxa"/></w:tcPr>'): pass
        if x.count('<w:tc>') != len(re.findall(r'<w:tc><w:tcPr><w:tcW w:w="\d+" w:type="dxa"/>', x)): bad(f'{name}: tcW dxa missing on a cell')
        if not re.search(r'<w:p><w:pPr>[^<]*(<w:[^>]*>)*<w:rPr><w:rFonts[^>]*/>.*?</w:rPr></w:pPr></w:p>', x): bad(f'{name}: no empty paragraph with its own rPr')
        app = z.read('docProps/app.xml').decode()
        if ('R7-Office' if fl == 'r1' else 'ONLYOFFICE') not in app: bad(f'{name}: app name')
    if fl in ('g1', 'g2'):
        ps = re.findall(r'<w:p [^>]*>(.*?)</w:p>', x)
        if any('<w:spacing ' not in p for p in ps) or x.count('<w:p ') != len(ps): bad(f'{name}: paragraph without explicit spacing')
        if '<w:tblInd w:w="-108.0"' not in x: bad(f'{name}: tblInd')
        if '\uf0b7' not in z.read('word/numbering.xml').decode() or 'w:ascii="Symbol"' not in z.read('word/numbering.xml').decode(): bad(f'{name}: Symbol bullets')
        if '<w:numPr>' not in x: bad(f'{name}: no bullets used')
        if 'docProps/app.xml' in z.namelist(): bad(f'{name}: Google Docs export has no docProps')
    if fl == 'g1':
        dirs_restart = [r[0] for r in rows[1:]]
        if x.count('<w:vMerge w:val="restart"/>') != 4: bad(f'{name}: expected 4 «Направление» groups')
        if len(set(dirs_restart)) != 4: bad(f'{name}: directions {set(dirs_restart)}')
    if fl == 'r1':
        if [s[0][:8] for s in sections] != [f'Задача {k}' for k in range(1, 5)]: bad(f'{name}: task section rows {sections}')
    if fl == 'm1':
        if header.index('Действия') != len(header) - 2: bad(f'{name}: measure column not last but one')
        if 'MyOffice' not in z.read('docProps/app.xml').decode(): bad(f'{name}: app name')
    # information: pages that begin with the rest of a row split by the page break
    splits = []
    hdr_words = set(w for h in header for w in h.split())
    for p in range(2, pages + 1):
        pl = [l for l in subprocess.run(['pdftotext', '-layout', '-f', str(p), '-l', str(p), pdf, '-'], capture_output=True, text=True).stdout.split('\n') if l.strip()]
        while pl and set(pl[0].split()) <= hdr_words | {'п/п'}: pl.pop(0)
        if pl and not re.match(r'\s*(\d+\.?(\d+\.)?\s|Задача|\S+\s+\d+\.\s)', pl[0]): splits.append(p)
    split_info[name] = splits
    prod = re.search(r'Producer:\s+(.*)', info).group(1)
    if (fl == 'g2') != ('Skia' in prod): bad(f'{name}: PDF producer {prod}')
    print(f'{name:40s} {len(ms):3d} measures  {pages} pp.  PDF {prod:18s} overrides.txt {sum(len(v) for v in ov.values())}')

print('info: pages starting with the rest of a row split by a page break:', split_info)
print(f'total {total} measures; problems: {len(problems)}')
for p in problems: print('  ' + p)
sys.exit(1 if problems else 0)
