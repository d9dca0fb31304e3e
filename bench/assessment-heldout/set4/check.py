#!/usr/bin/env python3
"""Independent check of set 4: re-read every file (own XLSX/CSV reading, not xlsxw.py) and compare with expected/."""
import csv
import io
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'pr': 'http://schemas.openxmlformats.org/package/2006/relationships'}
RID = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
ERR = []


def err(msg):
    ERR.append(msg)


def hr(x, d):
    return Decimal(x).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)


def pct(c, n, d):
    return hr(Decimal(c) * 100 / Decimal(n), d)


# ------------------------------------------------------------------ XLSX reading (independent of the writer)
def colnum(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def split_ref(a):
    m = re.fullmatch(r'([A-Z]+)(\d+)', a)
    return int(m.group(2)), colnum(m.group(1))


class Book:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        wb = ET.fromstring(self.z.read('xl/workbook.xml'))
        rels = ET.fromstring(self.z.read('xl/_rels/workbook.xml.rels'))
        rmap = {r.get('Id'): (r.get('Type').rsplit('/', 1)[1], r.get('Target')) for r in rels.findall('pr:Relationship', NS)}
        self.sheets = [(s.get('name'), *rmap[s.get(RID)]) for s in wb.find('m:sheets', NS)]
        self.defined = [(d.get('name'), d.get('localSheetId'), d.text) for d in wb.iter('{%s}definedName' % NS['m'])]
        self.sst = []
        if 'xl/sharedStrings.xml' in self.z.namelist():
            for si in ET.fromstring(self.z.read('xl/sharedStrings.xml')).findall('m:si', NS):
                self.sst.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))

    def sheet(self, name):
        for n, kind, target in self.sheets:
            if n == name:
                assert kind == 'worksheet', kind
                return Ws(self, ET.fromstring(self.z.read('xl/' + target)))
        raise KeyError(name)


class Ws:
    def __init__(self, book, root):
        self.cells, self.types = {}, {}
        for c in root.iter('{%s}c' % NS['m']):
            r, col = split_ref(c.get('r'))
            v = c.find('m:v', NS)
            t = c.get('t')
            if v is None:
                continue
            self.cells[(r, col)] = book.sst[int(v.text)] if t == 's' else v.text
            self.types[(r, col)] = t or 'n'
        self.merges = {m.get('ref') for m in root.iter('{%s}mergeCell' % NS['m'])}
        self.hidden_rows = {int(r.get('r')) for r in root.iter('{%s}row' % NS['m']) if r.get('hidden') == '1'}
        self.hidden_cols = set()
        for c in root.iter('{%s}col' % NS['m']):
            if c.get('hidden') == '1':
                self.hidden_cols.update(range(int(c.get('min')), int(c.get('max')) + 1))
        af = root.find('m:autoFilter', NS)
        self.autofilter = af
        self.maxrow = max((r for r, _ in self.cells), default=0)

    def get(self, r, c):
        return self.cells.get((r, c))

    def row(self, r, upto=60):
        return [self.cells.get((r, c)) for c in range(1, upto + 1)]

    def find(self, text):
        return [(r, c) for (r, c), v in self.cells.items() if isinstance(v, str) and v.strip() == text]


def num(v):
    return Decimal(v)


# ------------------------------------------------------------------ truth
def read_csv(name):
    with open(os.path.join(HERE, 'expected', name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


SCH = {s['code']: s for s in json.load(open(os.path.join(HERE, 'demo-schools.json'), encoding='utf-8'))}
EXP_R, EXP_C = {}, {}
for row in read_csv('results.csv'):
    k = (row['school_id'], int(row['year']), row['assessment'], row['subject'], int(row['grade']))
    EXP_R[k] = tuple(None if row[c] == '' else int(row[c]) for c in ('participants', 'mark2', 'mark3', 'mark4', 'mark5'))
for row in read_csv('confirmation.csv'):
    k = (row['school_id'], int(row['year']), row['assessment'], row['subject'], int(row['grade']))
    EXP_C[k] = tuple(int(row[c]) for c in ('participants', 'lowered', 'confirmed', 'raised'))
SCHOOLS_CSV = read_csv('schools.csv')

GOT = {}  # key -> (file, table, values)


def got(file, table, key, vals):
    if key in GOT:
        err(f'{file}: key {key} also read from {GOT[key][0]}')
    GOT[key] = (file, table, vals)


def school_name_ok(file, code, name, muni=None):
    s = SCH.get(code)
    if not s:
        err(f'{file}: unknown school {code}')
        return
    if name is not None and name.strip() != s['name']:
        err(f'{file}: {code} name «{name}» ≠ demo «{s["name"]}»')
    if muni is not None and muni != s['municipality']:
        err(f'{file}: {code} municipality «{muni}» ≠ demo «{s["municipality"]}»')


def sums(rows):
    return [sum(r[k] for r in rows) for k in range(len(rows[0]))] if rows else []


# ------------------------------------------------------------------ file 1
def check1(fn):
    ws = Book(os.path.join(HERE, 'files', fn)).sheet('Свод')
    assert ws.get(1, 1).startswith('Результаты всероссийских проверочных работ 2026 года'), ws.get(1, 1)
    hr_ = [r for r, c in ws.find('Участников')]
    assert len(set(hr_)) == 1
    h3 = hr_[0]
    h1, h2 = h3 - 2, h3 - 1
    for c in range(1, 5):
        if f'A{h1}'.replace('A', chr(64 + c)) + ':' + f'{chr(64 + c)}{h3}' not in ws.merges:
            err(f'{fn}: column {c} not merged over the 3 header rows')
    cols = {}
    subj = grade = None
    for c in range(5, 40):
        if ws.get(h1, c):
            subj = ws.get(h1, c)
        if ws.get(h2, c):
            grade = int(re.fullmatch(r'(\d+) класс', ws.get(h2, c)).group(1))
        h = ws.get(h3, c)
        if h is None:
            break
        cols.setdefault((subj.lower(), grade), []).append((h, c))
    for k, v in cols.items():
        if [h for h, _ in v] != ['Участников', '2', '3', '4', '5']:
            err(f'{fn}: group {k} headers {v}')
    # merges of the group headers
    for m in ('E4:N4', 'O4:X4', 'E5:I5', 'J5:N5', 'O5:S5', 'T5:X5'):
        if m not in ws.merges:
            err(f'{fn}: merge {m} missing')
    r = h3 + 1
    rows = {k: [] for k in cols}
    n = 0
    while ws.get(r, 4) and ws.get(r, 4) != 'Итого по региону':
        code = ws.get(r, 2)
        school_name_ok(fn, code, ws.get(r, 4), ws.get(r, 3))
        for (sj, g), cc in cols.items():
            vals = [ws.get(r, c) for _, c in cc]
            if all(v is None for v in vals):
                continue
            vals = tuple(int(v) for v in vals)
            if vals[0] != sum(vals[1:]):
                err(f'{fn}: row {r} {sj} {g}: marks do not add up')
            got(fn, 'results', (code, 2026, 'ВПР', sj, g), vals)
            rows[(sj, g)].append(vals)
            n += 1
        r += 1
    assert ws.get(r, 4) == 'Итого по региону'
    for k, cc in cols.items():
        tot = [int(ws.get(r, c)) for _, c in cc]
        if tot != sums(rows[k]):
            err(f'{fn}: region total {k} {tot} ≠ {sums(rows[k])}')
    return n


# ------------------------------------------------------------------ file 2
def check2(fn):
    raw = open(os.path.join(HERE, 'files', fn), 'rb').read()
    if not raw.startswith(b'\xef\xbb\xbf'):
        err(f'{fn}: no UTF-8 BOM')
    text = raw[3:].decode('utf-8')
    if text.count('\r\n') != text.count('\n'):
        err(f'{fn}: not CRLF everywhere')
    lines = text.split('\r\n')
    assert lines[-1] == ''
    # LibreOffice «quote all text cells»: text fields quoted, numbers bare, decimal-comma numbers quoted
    for i, ln in enumerate(lines[:-1]):
        for f in next(csv.reader([ln])):
            pass
        for fld in re.findall(r'(?:^|,)("(?:[^"]|"")*"|[^,]*)', ln):
            if fld and not fld.startswith('"') and not re.fullmatch(r'\d+', fld):
                err(f'{fn}: line {i + 1}: unquoted text field {fld!r}')
    rows = list(csv.reader(io.StringIO(text)))
    if rows[1] != [''] * 10:
        err(f'{fn}: second line is not empty')
    head = rows[2]
    assert head[0] == 'Процедура', head
    ix = {h: i for i, h in enumerate(head)}
    n = 0
    for row in rows[3:]:
        m = re.fullmatch(r'(ВПР) (\d{4}) (.+) (\d+) класс', row[0])
        if not m:
            err(f'{fn}: bad procedure {row[0]!r}')
            continue
        key = (row[ix['Код ОО']], int(m.group(2)), m.group(1), m.group(3).lower(), int(m.group(4)))
        school_name_ok(fn, key[0], row[ix['Наименование ОО']], row[ix['Муниципалитет']])
        vals = tuple(int(row[ix[h]]) for h in ('Кол-во участников', 'Получили «2»', 'Получили «3»', 'Получили «4»', 'Получили «5»'))
        avg = Decimal(row[ix['Средний балл']].replace(',', '.'))
        if avg != hr(Decimal(sum((k + 2) * vals[1 + k] for k in range(4))) / vals[0], 2):
            err(f'{fn}: average {avg} for {key}')
        if vals[0] != sum(vals[1:]):
            err(f'{fn}: {key} marks do not add up')
        got(fn, 'results', key, vals)
        n += 1
    if '(выгрузка сводной таблицы, %d строк)' % n not in rows[0][0]:
        err(f'{fn}: title row count')
    return n


# ------------------------------------------------------------------ file 3
def check3(fn):
    ws = Book(os.path.join(HERE, 'files', fn)).sheet('Доли')
    assert '2026' in ws.get(1, 1) and 'проверочные' in ws.get(1, 1)
    (hrow, _), = ws.find('Предмет (класс)')
    head = {ws.get(hrow, c): c for c in range(1, 10)}
    n = 0
    r = hrow + 1
    while ws.get(r, 1):
        code = ws.get(r, 1)
        school_name_ok(fn, code, ws.get(r, head['Наименование ОО']), ws.get(r, head['Муниципалитет']))
        m = re.fullmatch(r'(.+) \((\d+)\)', ws.get(r, head['Предмет (класс)']))
        key = (code, 2026, 'ВПР', m.group(1).lower(), int(m.group(2)))
        part = int(ws.get(r, head['Всего участников']))
        fr = [Decimal(ws.get(r, head[f'Доля «{k}»'])) for k in range(2, 6)]
        if any(not (0 <= f <= 1) for f in fr):
            err(f'{fn}: fraction outside 0..1 at row {r}')
        counts = [int((f * part).to_integral_value(ROUND_HALF_UP)) for f in fr]
        exp = EXP_R.get(key)
        if exp:
            for k in range(4):
                if fr[k] != hr(Decimal(exp[1 + k]) / exp[0], 3):
                    err(f'{fn}: {key} fraction {k + 2} = {fr[k]} ≠ round({exp[1 + k]}/{exp[0]}, 3)')
        if sum(counts) != part:
            err(f'{fn}: {key} fractions × participants do not add up')
        got(fn, 'results', key, (part, *counts))
        n += 1
        r += 1
    return n


# ------------------------------------------------------------------ file 4
def check4(fn):
    ws = Book(os.path.join(HERE, 'files', fn)).sheet('6 класс')
    title = (ws.get(1, 1) or '') + ' ' + (ws.get(2, 1) or '')
    muni = 'Родниковский муниципальный район (демо)'
    if 'по Родниковскому муниципальному району (демо)' not in title or '6 классах' not in title or '2026' not in title:
        err(f'{fn}: title {title!r}')
    if any('район' in (v or '') for (r, c), v in ws.cells.items() if r > 3 and c != 2):
        err(f'{fn}: a municipality appears outside the title')
    groups = {}
    for c in range(3, 13):
        if ws.get(4, c):
            groups[ws.get(4, c).lower()] = c
    for sj, c in groups.items():
        if ws.get(5, c) != 'Кол-во участников' or [ws.get(5, c + k) for k in range(1, 5)] != ['%'] * 4 \
                or [ws.get(6, c + k) for k in range(1, 5)] != ['«2»', '«3»', '«4»', '«5»']:
            err(f'{fn}: header of {sj}')
    local = {s['name']: code for code, s in SCH.items() if s['municipality'] == muni}
    dup_elsewhere = 0
    trailing = 0
    n = 0
    r = 7
    tot = {sj: [] for sj in groups}
    while ws.get(r, 2) and ws.get(r, 2) != 'Итого по району':
        name = ws.get(r, 2)
        trailing += name != name.rstrip()
        code = local.get(name.strip())
        if not code:
            err(f'{fn}: «{name}» not a school of {muni}')
            r += 1
            continue
        if sum(1 for s in SCH.values() if s['name'] == name.strip()) > 1:
            dup_elsewhere += 1
        for sj, c in groups.items():
            key = (code, 2026, 'ВПР', sj, 6)
            part = int(ws.get(r, c))
            p = [Decimal(ws.get(r, c + 1 + k)) for k in range(4)]
            exp = EXP_R.get(key)
            vals = None
            if exp:
                if exp[0] != part or any(p[k] != pct(exp[1 + k], part, 1) for k in range(4)):
                    err(f'{fn}: {key} participants/% differ from expected')
                vals = exp
            got(fn, 'results', key, vals or (part, None, None, None, None))
            tot[sj].append(vals or (part, 0, 0, 0, 0))
            n += 1
        r += 1
    for sj, c in groups.items():
        t = sums(tot[sj])
        if int(ws.get(r, c)) != t[0] or any(Decimal(ws.get(r, c + 1 + k)) != pct(t[1 + k], t[0], 1) for k in range(4)):
            err(f'{fn}: district total {sj}')
    if trailing < 3:
        err(f'{fn}: only {trailing} names with trailing spaces')
    if dup_elsewhere < 2:
        err(f'{fn}: only {dup_elsewhere} names that also exist in another municipality')
    return n


# ------------------------------------------------------------------ file 5
def tnum(v):
    v = v.strip()
    if v in ('-', '—'):
        return Decimal(0)
    return Decimal(v.replace('\u00a0', '').replace(' ', '').replace(',', '.'))


def check5(fn):
    ws = Book(os.path.join(HERE, 'files', fn)).sheet('ОГЭ-2026')
    assert 'основного государственного экзамена' in ws.get(1, 1) and '2026' in ws.get(1, 1)
    (hrow, _), = ws.find('Всего участников')
    head = {ws.get(hrow, c): c for c in range(1, 15)}
    numeric_cells = [(r, c) for (r, c) in ws.cells if r > hrow and c >= 5]
    if any(ws.types[k] != 's' for k in numeric_cells):
        err(f'{fn}: a number is not a text cell')
    allv = [ws.get(*k) for k in numeric_cells]
    for what, test in (('NBSP thousands', lambda v: re.fullmatch(r'\d\u00a0\d{3}', v)),
                       ('space thousands', lambda v: re.fullmatch(r'\d \d{3}', v)), ('«-»', lambda v: v == '-'),
                       ('«—»', lambda v: v == '—'), ('decimal comma', lambda v: re.fullmatch(r'\d+,\d', v))):
        if not any(test(v) for v in allv):
            err(f'{fn}: no {what} cell')
    r = hrow + 1
    n = 0
    trailing = 0
    group, region = [], []
    while ws.get(r, 1):
        subj = ws.get(r, 1).lower()
        name = ws.get(r, 4)
        part = int(tnum(ws.get(r, 5)))
        cnt = [int(tnum(ws.get(r, head[f'Отметка «{k}», чел.']))) for k in range(2, 6)]
        pc = [tnum(ws.get(r, head[f'Отметка «{k}», %'])) for k in range(2, 6)]
        for k in range(4):
            if pc[k] != pct(cnt[k], part, 1):
                err(f'{fn}: row {r} % {k + 2}')
            if (cnt[k] == 0) != (ws.get(r, head[f'Отметка «{k + 2}», чел.']) == '-'):
                err(f'{fn}: row {r}: zero not written as «-»')
        avg = tnum(ws.get(r, head['Средняя отметка']))
        if avg != hr(Decimal(sum((k + 2) * cnt[k] for k in range(4))) / part, 2):
            err(f'{fn}: row {r} average')
        vals = (part, *cnt)
        if name == 'Итого по АТЕ':
            if list(vals) != sums(group):
                err(f'{fn}: АТЕ total row {r}')
            region.append(vals)
            group = []
        elif name == 'Всего по области':
            if list(vals) != sums(region):
                err(f'{fn}: region total row {r}')
            region = []
        else:
            trailing += name != name.rstrip()
            code = ws.get(r, 3)
            school_name_ok(fn, code, name, ws.get(r, 2))
            if sum(cnt) != part:
                err(f'{fn}: row {r} marks do not add up')
            got(fn, 'results', (code, 2026, 'ОГЭ', subj, 9), vals)
            group.append(vals)
            n += 1
        r += 1
    if trailing < 5:
        err(f'{fn}: only {trailing} trailing-space names')
    return n


# ------------------------------------------------------------------ file 6
EGE_SUBJ = {'Русский язык': 'русский язык', 'Математика (профиль)': 'математика (профильный уровень)',
            'Обществознание': 'обществознание', 'Химия': 'химия'}


def check6(fn):
    book = Book(os.path.join(HERE, 'files', fn))
    if book.sheets[0][:2] != ('Диаграмма', 'chartsheet'):
        err(f'{fn}: first sheet is {book.sheets[0]}')
    cs = ET.fromstring(book.z.read('xl/' + book.sheets[0][2]))
    if cs.find('m:drawing', NS) is None or not any(n.startswith('xl/charts/') for n in book.z.namelist()):
        err(f'{fn}: chartsheet without a chart')
    if len(book.sheets) != 2 or book.sheets[1][1] != 'worksheet':
        err(f'{fn}: sheets {book.sheets}')
    ws = book.sheet(book.sheets[1][0])
    if not any(d[0] == '_xlnm._FilterDatabase' for d in book.defined) or ws.autofilter is None:
        err(f'{fn}: no autofilter')
    (hrow, _), = ws.find('Кол-во участников')
    head = {ws.get(hrow, c): c for c in range(1, 12)}
    if ws.hidden_cols != {head['Код АТЕ'], head['Зарегистрировано']}:
        err(f'{fn}: hidden columns {ws.hidden_cols}')
    if any('класс' in v.lower() or re.search(r'\b11\b', v) for k, v in ws.cells.items() if ws.types[k] == 's'):
        err(f'{fn}: grade written somewhere')
    r = hrow + 1
    n = 0
    total_rows = set()
    group, region = [], []
    while ws.get(r, head['Предмет']):
        name = ws.get(r, head['Наименование ОО'])
        subj = EGE_SUBJ[ws.get(r, head['Предмет'])]
        part = int(ws.get(r, head['Кол-во участников']))
        p = Decimal(ws.get(r, head['Не преодолели минимальный порог, %']))
        if name.startswith('Итого'):
            total_rows.add(r)
            src = group if name == 'Итого по АТЕ' else region
            if part != sum(x[0] for x in src) or p != pct(sum(x[1] for x in src), part, 1):
                err(f'{fn}: total row {r}')
            if name == 'Итого по АТЕ':
                region += group
                group = []
            else:
                region = []
        else:
            code = ws.get(r, head['Код ОО'])
            school_name_ok(fn, code, name, ws.get(r, head['АТЕ']))
            if int(ws.get(r, head['Зарегистрировано'])) < part:
                err(f'{fn}: registered < participants at row {r}')
            key = (code, 2026, 'ЕГЭ', subj, 11)
            below = int((p * part / 100).to_integral_value(ROUND_HALF_UP))
            if pct(below, part, 1) != p:
                err(f'{fn}: row {r}: % below threshold does not give a whole count')
            got(fn, 'results', key, (part, below, None, None, None))
            group.append((part, below))
            n += 1
        r += 1
    if total_rows != ws.hidden_rows:
        err(f'{fn}: hidden rows {sorted(ws.hidden_rows)} ≠ total rows {sorted(total_rows)}')
    return n


# ------------------------------------------------------------------ file 7
def check7(fn):
    ws = Book(os.path.join(HERE, 'files', fn)).sheet('8 класс')
    assert '8 класс, 2026' in ws.get(1, 1) and 'ВПР' in ws.get(1, 1)
    groups = {}
    for c in range(4, 12):
        if ws.get(4, c):
            groups[ws.get(4, c).lower()] = c
    for m in ('D4:G4', 'H4:K4', 'A4:A5', 'B4:B5', 'C4:C5'):
        if m not in ws.merges:
            err(f'{fn}: merge {m} missing')
    kinds = {sj: [ws.get(5, c + k) for k in range(4)] for sj, c in groups.items()}
    if kinds['математика'][1:] != ['Понизили, чел.', 'Подтвердили, чел.', 'Повысили, чел.'] or \
            kinds['русский язык'][1:] != ['Понизили, %', 'Подтвердили, %', 'Повысили, %']:
        err(f'{fn}: group headers {kinds}')
    assert ws.get(6, 3) == 'Итого по региону'
    r = 7
    n = 0
    allv = {sj: [] for sj in groups}
    while ws.get(r, 1):
        code = ws.get(r, 1)
        school_name_ok(fn, code, ws.get(r, 3), ws.get(r, 2))
        for sj, c in groups.items():
            part = int(ws.get(r, c))
            raw = [Decimal(ws.get(r, c + 1 + k)) for k in range(3)]
            if '%' in kinds[sj][1]:
                cnt = [int((x * part / 100).to_integral_value(ROUND_HALF_UP)) for x in raw]
                if any(pct(cnt[k], part, 2) != raw[k] for k in range(3)):
                    err(f'{fn}: row {r} {sj}: % do not give whole counts')
            else:
                cnt = [int(x) for x in raw]
            if sum(cnt) != part:
                err(f'{fn}: row {r} {sj} does not add up')
            got(fn, 'confirmation', (code, 2026, 'ВПР', sj, 8), (part, *cnt))
            allv[sj].append((part, *cnt))
            n += 1
        r += 1
    for sj, c in groups.items():
        t = sums(allv[sj])
        pr = int(ws.get(6, c))
        vals = [Decimal(ws.get(6, c + 1 + k)) for k in range(3)]
        want = [pct(t[1 + k], t[0], 2) for k in range(3)] if '%' in kinds[sj][1] else [Decimal(x) for x in t[1:]]
        if pr != t[0] or vals != want:
            err(f'{fn}: region row {sj}')
    return n


CHECKS = [check1, check2, check3, check4, check5, check6, check7]


def main():
    specs = json.load(open(os.path.join(HERE, 'files.json'), encoding='utf-8'))
    if len(specs) != len(CHECKS):
        err('files.json: number of files')
    if sorted(os.listdir(os.path.join(HERE, 'files'))) != sorted(s['file'] for s in specs):
        err('files/ and files.json disagree')
    for spec, fn in zip(specs, CHECKS):
        before = set(GOT)
        n = fn(spec['file'])
        mine = [k for k in GOT if k not in before]
        if n != spec['rows'] or len(mine) != spec['rows']:
            err(f"{spec['file']}: read {n} rows, files.json says {spec['rows']}")
        procs = sorted({(k[2], k[3], k[4], k[1]) for k in mine})
        want = sorted((p['assessment'], p['subject'], p['grade'], p['year']) for p in spec['procedures'])
        if procs != want:
            err(f"{spec['file']}: procedures {procs} ≠ files.json {want}")
        munis = {SCH[k[0]]['municipality'] for k in mine}
        print(f"  ok-read {spec['file']}: {n} rows, {len({k[0] for k in mine})} schools, {len(munis)} municipalities")
    # every expected key from exactly one file, values equal
    for exp, table in ((EXP_R, 'results'), (EXP_C, 'confirmation')):
        for k, v in exp.items():
            g = GOT.get(k)
            if not g:
                err(f'expected {table} {k} not read from any file')
            elif g[1] != table:
                err(f'{k}: read as {g[1]}, expected in {table}')
            elif g[2] != v:
                err(f'{k}: file {g[0]} gives {g[2]}, expected {v}')
    for k, g in GOT.items():
        if k not in EXP_R and k not in EXP_C:
            err(f'{g[0]}: {k} read but not in expected/')
    if set(EXP_R) & set(EXP_C):
        err('results and confirmation share keys')
    used = {k[0] for k in GOT}
    ids = [s['school_id'] for s in SCHOOLS_CSV]
    if set(ids) != used or len(ids) != len(set(ids)):
        err('schools.csv ≠ the schools used')
    for s in SCHOOLS_CSV:
        d = SCH[s['school_id']]
        if (s['name'], s['municipality_id'], s['municipality_name']) != (d['name'], d['municipality'], d['municipality']):
            err(f"schools.csv row {s['school_id']}")
    for k, v in EXP_R.items():
        if k[2] == 'ЕГЭ' and (v[2:] != (None, None, None) or k[4] != 11):
            err(f'ЕГЭ row {k} has marks 3–5 or grade ≠ 11')
        if k[2] != 'ЕГЭ' and v[0] != sum(v[1:]):
            err(f'{k}: marks do not add up')
    for k, v in EXP_C.items():
        if v[0] != sum(v[1:]):
            err(f'{k}: confirmation does not add up')
    print(f'package: {len(SCHOOLS_CSV)} schools, {len(EXP_R)} result rows, {len(EXP_C)} confirmation rows')
    if ERR:
        for e in ERR[:60]:
            print('ERROR', e)
        print(f'{len(ERR)} errors')
        sys.exit(1)
    print('check.py: all OK')


if __name__ == '__main__':
    main()
