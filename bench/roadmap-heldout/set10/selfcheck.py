#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Set 10 self-check, independent of Opora: every truth field against the document's own TXT, DOCX, PDF and XLSX,
plus the patterns the README claims. Run with /usr/bin/python3 (openpyxl)."""
import html
import json
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
NAMES = sorted(f[:-11] for f in os.listdir(DOCS) if f.endswith('.truth.json'))
problems = []
info = []


def norm(s):
    s = re.sub(r'[«»“”„"]', '"', s or '')
    s = re.sub(r'[‐‑‒–—―−]', '-', s)
    s = re.sub(r'\s*-\s*', '-', s)
    return re.sub(r'\s+', ' ', s).strip().rstrip('.,;: ').strip()


def squash(s):
    return re.sub(r'[\s\-‐‑‒–—­]+', '', norm(s))


def cell(t):
    return ' '.join(x.strip() for x in t.replace('\r', '').split('\n') if x.strip())


# ---------------------------------------------------------------- TXT reader (quoted fields as Excel writes them)
def read_delimited(text, sep):
    rows, row, cur, i, q = [], [], '', 0, False
    at_start = True
    while i < len(text):
        ch = text[i]
        if q:
            if ch == '"':
                if i + 1 < len(text) and text[i + 1] == '"':
                    cur += '"'
                    i += 2
                    continue
                q = False
            else:
                cur += ch
        elif ch == '"' and at_start:
            q = True
        elif ch == sep:
            row.append(cur)
            cur, at_start = '', True
            i += 1
            continue
        elif ch == '\r' and text[i + 1:i + 2] == '\n':
            i += 1
            continue
        elif ch == '\n':
            row.append(cur)
            rows.append(row)
            row, cur, at_start = [], '', True
            i += 1
            continue
        else:
            cur += ch
        at_start = False
        i += 1
    if cur or row:
        row.append(cur)
        rows.append(row)
    return rows


def load_txt(name):
    raw = open(os.path.join(DOCS, name + '.txt'), 'rb').read()
    if raw.startswith(b'\xff\xfe'):
        return 'utf-16 BOM, TAB', read_delimited(raw[2:].decode('utf-16-le'), '\t'), raw
    try:
        t = raw.decode('utf-8')
        return 'utf-8, TAB', read_delimited(t, '\t'), raw
    except UnicodeDecodeError:
        return 'cp1251, «;»', read_delimited(raw.decode('cp1251'), ';'), raw


# ---------------------------------------------------------------- DOCX reader (tables; vMerge resolved)
def load_docx(name):
    z = zipfile.ZipFile(os.path.join(DOCS, name + '.docx'))
    root = ET.fromstring(z.read('word/document.xml'))
    body = root.find(W + 'body')
    out, paras = [], []
    for tbl in body.iter(W + 'tbl'):
        top = {}
        for tr in tbl.findall(W + 'tr'):
            row, col = [], 0
            for tc in tr.findall(W + 'tc'):
                pr = tc.find(W + 'tcPr')
                span, vm = 1, None
                if pr is not None:
                    g = pr.find(W + 'gridSpan')
                    span = int(g.get(W + 'val')) if g is not None else 1
                    v = pr.find(W + 'vMerge')
                    if v is not None:
                        vm = v.get(W + 'val') or 'continue'
                lines = []
                for p in tc.iter(W + 'p'):
                    s = ''
                    for el in p.iter():
                        if el.tag == W + 't':
                            s += el.text or ''
                        elif el.tag == W + 'br':
                            s += '\n'
                    lines.append(s)
                t = cell('\n'.join(lines))
                if vm == 'continue':
                    t = top.get(col, '')
                else:
                    top[col] = t
                row.append(t)
                col += span
            out.append(row)
    for p in body.iter(W + 'p'):
        paras.append(''.join(el.text or '' for el in p.iter(W + 't')))
    return out, ' '.join(paras)


def pdftext(name, mode='-raw', first=None, last=None):
    cmd = ['pdftotext', mode]
    if first:
        cmd += ['-f', str(first), '-l', str(last)]
    return subprocess.run(cmd + [os.path.join(DOCS, name + '.pdf'), '-'], capture_output=True, text=True).stdout


def pages(name):
    out = subprocess.run(['pdfinfo', os.path.join(DOCS, name + '.pdf')], capture_output=True, text=True).stdout
    return int(re.search(r'Pages:\s+(\d+)', out).group(1))


def row_has(rows, m, fields=('measure', 'deadline', 'executors', 'indicator')):
    """a row holding the measure cell and, as whole cells, the other fields (two-part deadline: adjacent cells)"""
    for r in rows:
        cells = [norm(cell(c)) for c in r]
        if norm(m['measure']) not in cells:
            continue
        bad = []
        for f in fields:
            want = norm(m[f])
            if want == '' and f != 'measure':
                continue  # an override: the cell is empty in this format (checked separately)
            ok = want in cells
            if not ok and f == 'deadline' and ' - ' in norm(m[f]).replace('-', ' - '):
                ok = any(norm(cells[i] + ' – ' + cells[i + 1]) == want for i in range(len(cells) - 1))
            if not ok:
                bad.append(f)
        if not bad:
            return []
        return bad
    return ['measure-row']


summary = []
for name in NAMES:
    truth = json.load(open(os.path.join(DOCS, name + '.truth.json'), encoding='utf-8'))
    ms = truth['measures']
    n = len(ms)
    if not 20 <= n <= 30:
        problems.append(f'{name}: {n} measures')
    if not truth.get('synthetic'):
        problems.append(f'{name}: not marked synthetic')
    # TXT
    kind, trows, raw = load_txt(name)
    over = truth.get('overrides', {}).get('txt', {})
    for i, m in enumerate(ms):
        mm = dict(m, **over.get(str(i), {}))
        bad = row_has(trows, mm)
        if bad:
            problems.append(f'{name} txt #{i + 1}: {bad}')
        for f, v in over.get(str(i), {}).items():  # the overridden cell really is empty in that row
            r = next(r for r in trows if norm(m['measure']) in [norm(cell(c)) for c in r])
            if v == '' and norm(m[f]) in [norm(cell(c)) for c in r]:
                problems.append(f'{name} txt #{i + 1}: {f} present although overridden')
    ttxt = norm(' '.join(cell(c) for r in trows for c in r if c))
    if norm(truth['title']) not in ttxt:
        problems.append(f'{name} txt: title not found')
    widths = {len(r) for r in trows}
    if len(widths) != 1:
        problems.append(f'{name} txt: rows of different widths {widths}')
    # DOCX
    drows, dparas = load_docx(name)
    for i, m in enumerate(ms):
        bad = row_has(drows, m)
        if bad:
            problems.append(f'{name} docx #{i + 1}: {bad}')
    if norm(truth['title']) not in norm(dparas):
        problems.append(f'{name} docx: title not found')
    # PDF (content-stream order: Calc draws cell by cell)
    praw = squash(pdftext(name))
    missing = []
    for i, m in enumerate(ms):
        for f in ('measure', 'deadline', 'executors', 'indicator'):
            parts = [m[f]]
            if f == 'deadline' and ' – ' in m[f] and re.match(r'\d\d\.\d\d\.\d{4} – \d\d\.\d\d\.\d{4}$', m[f]):
                parts = m[f].split(' – ')  # two date cells
            for p in parts:
                if squash(p) not in praw:
                    missing.append(f'#{i + 1}.{f}')
    if missing:
        problems.append(f'{name} pdf: not found {missing}')
    if squash(truth['title']) not in praw:
        # a title of several merged rows is several cells: check each line
        info.append(f'{name} pdf: title not contiguous in -raw text')
    # XLSX: the model the three formats came from
    wb = openpyxl.load_workbook(os.path.join(DOCS, name + '.xlsx'))
    ws = wb.active
    hidden = [k for k, d in ws.column_dimensions.items() if d.hidden]
    dates = sum(1 for row in ws.iter_rows() for c in row if getattr(c, "is_date", False))
    summary.append((name, n, kind, len(drows), pages(name), hidden, dates, len(ws.merged_cells.ranges)))

# ---------------------------------------------------------------- PDF rows not clipped
# Calc clips a cell's text at the row's bottom edge, but the clipped words stay in the text layer. So: cut every
# page into bands between the item numbers of column A (top-aligned), and require each truth field to lie whole in
# one band - a clipped tail would fall into the next row's band.
def bands(name):
    """for every row band of every page: the texts of its columns (segments of lines grouped by their left x)"""
    out = []
    xml = subprocess.run(['pdftotext', '-bbox', os.path.join(DOCS, name + '.pdf'), '-'], capture_output=True,
                         text=True).stdout
    num = re.compile(r'\d+(\.\d+)?\.?')
    for page in xml.split('<page ')[1:]:
        words = [(float(a), float(b), float(c), html.unescape(w)) for a, b, c, w in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>', page)]
        xs = [x for x, y, x2, w in words if num.fullmatch(w)]
        if not xs:
            continue
        left = min(xs) + 25
        cuts = sorted(y for x, y, x2, w in words if x < left and num.fullmatch(w))
        cuts = [-1] + cuts + [1e9]
        # column left edges: x where a line segment starts (after a big gap) in at least 2 lines of the page
        lines = {}
        for x, y, x2, w in words:
            lines.setdefault(round(y, 1), []).append((x, x2))
        starts = {}
        for ln in lines.values():
            ln.sort()
            for i, (x, x2) in enumerate(ln):
                if i == 0 or x - ln[i - 1][1] > 4.5:
                    starts[round(x, 1)] = starts.get(round(x, 1), 0) + 1
        lefts = [x for x, k in starts.items() if k >= 2]
        for a, b in zip(cuts, cuts[1:]):
            band = sorted((round(y, 1), x, x2, w) for x, y, x2, w in words if a - 1 <= y < b - 1)
            cols = {}
            seg_key, prev = None, None
            for y, x, x2, w in band:
                at_left = any(abs(x - l) <= 0.2 for l in lefts)
                if prev is None or prev[0] != y or x - prev[2] > 4.5 or at_left:
                    seg_x = round(x)
                    key = next((k for k in cols if abs(k - seg_x) <= 2), seg_x)
                    cols.setdefault(key, [])
                    seg_key = key
                cols[seg_key].append(w)
                prev = (y, x, x2)
            out.extend(squash(''.join(v)) for v in cols.values())
    return out


def overlaps(name):
    """text lines of one column that overlap vertically: Calc clipped a cell (its hidden lines stay in the text
    layer, drawn over the next row)"""
    xml = subprocess.run(['pdftotext', '-bbox', os.path.join(DOCS, name + '.pdf'), '-'], capture_output=True,
                         text=True).stdout
    found = []
    for pn, page in enumerate(xml.split('<page ')[1:], 1):
        words = [tuple(map(float, t[:4])) + (html.unescape(t[4]),) for t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
        lines = {}
        for x, y, x2, y2, w in words:
            lines.setdefault(round(y, 1), []).append((x, x2, y2 - y))
        seg = {}  # column start x -> list of (y, height)
        for y, ln in lines.items():
            ln.sort()
            for i, (x, x2, h) in enumerate(ln):
                if i == 0 or x - ln[i - 1][1] > 4.5:
                    seg.setdefault(round(x, 1), []).append((y, h))
        for x, ys in seg.items():
            ys.sort()
            for (y1, h1), (y2, h2) in zip(ys, ys[1:]):
                if 0 < y2 - y1 < 0.6 * min(h1, h2):
                    found.append(f'p{pn} x={x} y={y1}/{y2}')
    return found


for name in NAMES:
    ov = overlaps(name)
    if ov:
        problems.append(f'{name} pdf: overlapping lines (clipped cell?) {ov[:6]}')
    else:
        info.append(f'ok: {name}: no overlapping text lines in the PDF (no clipped cells)')

for name in NAMES:
    truth = json.load(open(os.path.join(DOCS, name + '.truth.json'), encoding='utf-8'))
    bs = bands(name)
    bad = []
    for i, m in enumerate(truth['measures']):
        for f in ('measure', 'deadline', 'executors', 'indicator'):
            for p in (m[f].split(' – ') if re.match(r'\d\d\.\d\d\.\d{4} – ', m[f]) else [m[f]]):
                if not any(squash(p) in b for b in bs):
                    bad.append(f'#{i + 1}.{f}')
    if bad:
        problems.append(f'{name} pdf: field not inside one row band (clipped?) {bad}')
    else:
        info.append(f'ok: {name}: every truth field lies inside its row band in the PDF ({len(bs)} bands)')

# ---------------------------------------------------------------- patterns
def must(cond, what):
    (info if cond else problems).append(('ok: ' if cond else 'PATTERN MISSING: ') + what)


P = {n: n for n in NAMES}
x1, x2, x3, x4, x5, x6 = NAMES
# footers «Страница N из M»
for name in (x1, x3, x4, x5, x6):
    k = pages(name)
    t = pdftext(name, '-layout')
    must(all(f'Страница {p} из {k}' in t for p in range(1, k + 1)), f'{name}: footer «Страница N из {k}» on every page')
# header repeated on each page (rows to repeat)
for name, word in ((x1, 'Наименование мероприятия'), (x5, 'Показатель / результат'), (x6, 'Направление деятельности')):
    k = pages(name)
    must(k > 1 and all(word in pdftext(name, '-layout', p, p) for p in range(1, k + 1)),
         f'{name}: header «{word}» repeated on all {k} pages')
# x3: columns run onto a second page, column A repeated, order left-to-right then down
k = pages(x3)
p1, p2 = pdftext(x3, '-layout', 1, 1), pdftext(x3, '-layout', 2, 2)
must('Мероприятие' in p1 and 'Ожидаемый результат' not in p1 and 'Ожидаемый результат' in p2
     and 'Мероприятие' not in p2 and '№ п/п' in p2, f'{x3}: result column on the 2nd page, «№ п/п» repeated there ({k} pages)')
# hidden columns: in the TXT, not in the PDF / DOCX
for name, sample in ((x1, 'ШН-01.01'), (x5, 'Статус (служебное)'), (x6, 'Контакт (e-mail)')):
    _, trows, _ = load_txt(name)
    in_txt = any(sample in c for r in trows for c in r)
    in_pdf = sample in pdftext(name)
    drows, _ = load_docx(name)
    in_docx = any(sample in c for r in drows for c in r)
    must(in_txt and not in_pdf and not in_docx, f'{name}: hidden column «{sample}» in TXT only')
# TXT encodings / quoting
raw2 = open(os.path.join(DOCS, x2 + '.txt'), 'rb').read()
must(raw2[:2] == b'\xff\xfe', f'{x2}: TXT is UTF-16 LE with BOM')
raw3 = open(os.path.join(DOCS, x3 + '.txt'), 'rb').read()
try:
    raw3.decode('utf-8')
    ok3 = False
except UnicodeDecodeError:
    ok3 = ';' in raw3.decode('cp1251')
must(ok3, f'{x3}: TXT is CSV «;» in Windows-1251')
for name in NAMES:
    t = open(os.path.join(DOCS, name + '.txt'), 'rb').read()
    t = t[2:].decode('utf-16-le') if t[:2] == b'\xff\xfe' else (t.decode('utf-8', 'replace'))
    must('""' in t and re.search(r'"[^"\t;]*\n', t) is not None and '\r\n' in t,
         f'{name}: TXT has quoted multi-line cells with doubled inner quotes, CRLF rows')
# XLSX habits
wb2 = openpyxl.load_workbook(os.path.join(DOCS, x2 + '.xlsx')).active
must('A1:F1' in [str(r) for r in wb2.merged_cells.ranges], f'{x2}: title in merged A1:F1')
must(any(c.data_type == 's' and re.fullmatch(r'\d+\.\d+', str(c.value or '')) for c in wb2['A']),
     f'{x2}: numbers «1.1» stored as text')
must(wb2.print_options.gridLines, f'{x2}: gridlines printed')
for name in (x1, x4, x6):
    d = openpyxl.load_workbook(os.path.join(DOCS, name + '.xlsx')).active
    must(any(getattr(c, "is_date", False) and c.number_format.upper() == 'DD.MM.YYYY' for row in d.iter_rows() for c in row),
         f'{name}: real date cells shown DD.MM.YYYY')

print('document                              measures  txt              docx-rows  pdf-pages  hidden  date-cells  merges')
for s in summary:
    print(f'{s[0]:38s} {s[1]:5d}     {s[2]:16s} {s[3]:5d}      {s[4]:5d}      {",".join(s[5]) or "-":6s}  {s[6]:5d}     {s[7]:4d}')
print(f'total measures: {sum(s[1] for s in summary)}')
for x in info:
    print('  ' + x)
if problems:
    print(f'{len(problems)} PROBLEMS:')
    for p in problems:
        print('  ' + p)
    sys.exit(1)
print('0 problems')
