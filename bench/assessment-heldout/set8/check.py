#!/usr/bin/env python3
"""Set 8 checker: re-reads every file in files/ with the standard library only (own XLSX XML reader), rebuilds the
package and compares it with expected/ both ways. `--mutate`: the same with one mark +1 and one «confirmed» +1 in
in-memory copies of expected/ (must fail)."""
import csv, io, json, os, re, sys, zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

os.chdir(os.path.dirname(os.path.abspath(__file__)))
NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
RNS = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
ERR = []
SCH = json.load(open('demo-schools.json', encoding='utf-8'))
BY_CODE = {s['code']: s for s in SCH}
NBSP = '\u00a0'


def err(msg):
    ERR.append(msg)
    print('ERROR', msg)


def req(cond, msg):
    if not cond:
        err(msg)


# ------------------------------------------------------------------ XLSX reader
def ref2rc(ref):
    m = re.match(r'([A-Z]+)(\d+)', ref)
    c = 0
    for ch in m.group(1):
        c = c * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, c - 1


def read_xlsx(path):
    """-> list of sheets: dict(name, cells{(r,c): (type, value)}, merges[(r1,c1,r2,c2)], hidden_rows, hidden_cols)"""
    z = zipfile.ZipFile(path)
    sst = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(NS + 'si'):
            sst.append(''.join(t.text or '' for t in si.iter(NS + 't')))
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
    out = []
    for sh in wb.iter(NS + 'sheet'):
        target = rels[sh.get(RNS + 'id')].lstrip('/')
        target = target if target.startswith('xl/') else 'xl/' + target
        root = ET.fromstring(z.read(target))
        cells, hr, hc, merges = {}, set(), set(), []
        for c in root.iter(NS + 'col'):
            if c.get('hidden') in ('1', 'true'):
                hc.update(range(int(c.get('min')) - 1, int(c.get('max'))))
        for row in root.iter(NS + 'row'):
            if row.get('hidden') in ('1', 'true'):
                hr.add(int(row.get('r')) - 1)
            for c in row.iter(NS + 'c'):
                t = c.get('t', 'n')
                v = c.find(NS + 'v')
                if t == 's':
                    cells[ref2rc(c.get('r'))] = ('s', sst[int(v.text)])
                elif t == 'inlineStr':
                    cells[ref2rc(c.get('r'))] = ('inline', ''.join(x.text or '' for x in c.iter(NS + 't')))
                elif t == 'str':
                    cells[ref2rc(c.get('r'))] = ('s', v.text or '')
                elif v is not None:
                    cells[ref2rc(c.get('r'))] = ('n', v.text)
        for m in root.iter(NS + 'mergeCell'):
            a, b = m.get('ref').split(':')
            merges.append(ref2rc(a) + ref2rc(b))
        out.append({'name': sh.get('name'), 'cells': cells, 'merges': merges, 'hidden_rows': hr, 'hidden_cols': hc})
    return out


def grid(sheet):
    """rows as lists of str ('' = empty), merged areas filled with their top-left value."""
    cells = dict(sheet['cells'])
    for r1, c1, r2, c2 in sheet['merges']:
        v = cells.get((r1, c1))
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    req((r, c) not in cells, '%s: value inside a merge at %s' % (sheet['name'], (r, c)))
                    if v is not None:
                        cells[(r, c)] = v
    nr = max((r for r, _ in cells), default=-1) + 1
    nc = max((c for _, c in cells), default=-1) + 1
    return [[cells[(r, c)][1] if (r, c) in cells else '' for c in range(nc)] for r in range(nr)]


# ------------------------------------------------------------------ helpers
def num(s):
    s = str(s).replace(NBSP, '').replace(' ', '').replace(',', '.')
    return Decimal(s) if s else Decimal(0)


def back(p, n):
    return int((Decimal(p) * n / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def pct(k, n, d):
    return (Decimal(100 * k) / Decimal(n)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)


def norm(name):
    s = name.replace('«', '').replace('»', '').replace('"', '').lower()
    s = re.sub(r'\bn\s+(?=\d)', '№', s)
    s = re.sub(r'№\s*', '№ ', s)
    s = re.sub(r'^\s*(мбоу|маоу|мкоу)\s+', '', s)
    return re.sub(r'\s+', ' ', s).strip()


NAMEIDX = {}
for s in SCH:
    for key in {norm(s['name']), norm(s['shortName'])}:
        k = (s['municipality'], key)
        req(NAMEIDX.get(k, s['code']) == s['code'], 'ambiguous demo name %s' % (k,))
        NAMEIDX[k] = s['code']


def by_name(mun, name, where):
    code = NAMEIDX.get((mun.strip(), norm(name)))
    req(code is not None, '%s: school not found: %r / %r' % (where, mun, name))
    return code


GOT_R, GOT_C, PER_FILE = [], [], {}


def res(fname, code, year, ass, subj, grade, m, n=None):
    m = [int(x) for x in m]
    if n is not None:
        req(int(n) == sum(m), '%s: %s %s participants %s != sum %s' % (fname, code, subj, n, m))
    GOT_R.append((code, str(year), ass, subj, str(grade), str(sum(m))) + tuple(str(x) for x in m))
    PER_FILE[fname] = PER_FILE.get(fname, 0) + 1


def read_csv(path, enc, delim, eol, bom):
    raw = open(path, 'rb').read()
    req(raw.startswith(b'\xef\xbb\xbf') == bom, '%s: BOM %s expected' % (path, bom))
    text = raw.decode(enc)
    if bom:
        text = text[1:]
    req(('\r\n' in text) == (eol == '\r\n'), '%s: line ends' % path)
    return list(csv.reader(io.StringIO(text, newline=''), delimiter=delim))


# ------------------------------------------------------------------ file 1
def f1():
    fn = 'ЕГЭ_2026_результаты_по_ОО.csv'
    rows = read_csv('files/' + fn, 'utf-8', '\t', '\n', True)
    hdr = rows[1]
    req(hdr[0] == 'Код ОО' and len(hdr) == 12, 'f1 header')
    subj = [hdr[2].split(':')[0], hdr[7].split(':')[0]]
    req(subj == ['Физика', 'Информатика'], 'f1 subjects')
    req(rows[2][1] == 'Всего по региону', 'f1 region total first')
    group, allrows = [], []
    for r in rows[3:]:
        if not r:
            break
        if r[1].startswith('Итого по МО: '):
            mun = r[1][len('Итого по МО: '):]
            req(all(BY_CODE[g[0]]['municipality'] == mun for g in group), 'f1 group municipality %s' % mun)
            for i in range(2):
                tot = [0] * 4
                for g in group:
                    if g[1][i]:
                        tot = [a + b for a, b in zip(tot, g[1][i])]
                n = sum(tot)
                req((r[2 + 5 * i] == '' and n == 0) or (int(r[2 + 5 * i]) == n and r[3 + 5 * i:7 + 5 * i] == [str(pct(k, n, 0)) for k in tot]), 'f1 subtotal %s' % mun)
            allrows += group
            group = []
            continue
        code = r[0]
        req(BY_CODE[code]['name'] == r[1], 'f1 name of %s' % code)
        ms = []
        for i in range(2):
            b = 2 + 5 * i
            if r[b] == '':
                req(all(x == '' for x in r[b:b + 5]), 'f1 partial empty group')
                ms.append(None)
                continue
            n = int(r[b])
            m = [back(num(p), n) for p in r[b + 1:b + 5]]
            req([str(pct(k, n, 0)) for k in m] == r[b + 1:b + 5], 'f1 round trip %s' % code)
            res(fn, code, 2026, 'ЕГЭ', subj[i].lower(), 11, m, n)
            ms.append(m)
        group.append((code, ms))
    req(not group, 'f1 rows after the last subtotal')
    req(any(x and x[0].startswith('Примечание') for x in rows) and any(x and x[0].startswith('Исполнитель') for x in rows), 'f1 notes')


# ------------------------------------------------------------------ file 2
def f2():
    fn = 'Результаты_по_классам_форма3.xlsx'
    sheets = read_xlsx('files/' + fn)
    req([s['name'] for s in sheets] == ['Инструкция', '5 класс', '6 класс', '7 класс', 'Сводная'], 'f2 sheet names')
    hidden_seen = 0
    for sh in sheets[1:4]:
        g = int(sh['name'].split()[0])
        req(sh['hidden_cols'] == {3}, 'f2 hidden column D on %s' % sh['name'])
        rows = grid(sh)
        req(rows[2][:6] == ['Муниципалитет', 'ОО', 'Класс', 'Служебный код', 'Выполняли работу', 'Отметки'] and rows[3][5:9] == ['«2»', '«3»', '«4»', '«5»'], 'f2 header')
        req((2, 5, 2, 8) in sh['merges'], 'f2 merged «Отметки»')
        acc = {}
        for ri in range(4, len(rows)):
            r = rows[ri]
            if not any(r):
                continue
            hidden_seen += ri in sh['hidden_rows']
            req(re.fullmatch(r'%d[АБВ]' % g, r[2]) is not None, 'f2 class %r' % r[2])
            code = by_name(r[0], r[1], 'f2')
            n = int(r[4])
            m = []
            for cell in r[5:9]:
                mm = re.fullmatch(r'(\d+) \((\d+\.\d\d)%\)', cell)
                req(mm is not None, 'f2 n (p%%) cell %r' % cell)
                k = int(mm.group(1))
                req(mm.group(2) == str(pct(k, n, 2)), 'f2 percent in %r' % cell)
                m.append(k)
            req(sum(m) == n, 'f2 class sum')
            acc.setdefault(code, [0] * 4)
            acc[code] = [a + b for a, b in zip(acc[code], m)]
        for code, m in acc.items():
            res(fn, code, 2026, 'РДР', 'математика', g, m)
    req(hidden_seen >= 5, 'f2 hidden data rows: %d' % hidden_seen)
    summ = grid(sheets[4])
    req(summ[2][0] == 'Класс', 'f2 Сводная')


# ------------------------------------------------------------------ file 3
def f3():
    fn = 'oge_9_po_predmetam.csv'
    rows = read_csv('files/' + fn, 'utf-8', ';', '\n', False)
    req('ОГЭ 2026' in rows[0][0] and '9 класс' in rows[0][0], 'f3 title')
    hdr = rows[2]
    req(hdr[:5] == ['Муниципалитет', 'ОО', 'Предмет', 'Участников', 'Не преодолели минимальный порог'], 'f3 header')
    tot = {}
    for r in rows[3:]:
        if not r:
            break
        if r[0] == 'Регион':
            tot[r[2]] = [int(r[3]), int(r[4])]
            continue
        n = int(r[3])
        m = [back(num(p), n) for p in r[5:9]]
        req([str(pct(k, n, 0)) for k in m] == r[5:9], 'f3 round trip')
        req(int(r[4]) == m[0], 'f3 «Не преодолели» = «2»')
        code = by_name(r[0], r[1], 'f3')
        res(fn, code, 2026, 'ОГЭ', r[2].lower(), 9, m, n)
        tot[r[2]][0] -= n
        tot[r[2]][1] -= m[0]
    req(set(tot) == {'Биология', 'История', 'Информатика'} and all(v == [0, 0] for v in tot.values()), 'f3 «Регион» rows')


# ------------------------------------------------------------------ file 4
def f4():
    fn = 'ВПР_2026_русский_язык_5_класс_статистика.xlsx'
    sh = read_xlsx('files/' + fn)[0]
    rows = grid(sh)
    req(rows[0][0] == 'ВПР 2026. Русский язык, 5 класс', 'f4 title')
    req(rows[2][:3] == ['Код ОО', 'Количество участников', 'Распределение отметок'] and rows[3][2] == '«2»' and rows[4][2:4] == ['кол-во', '%'], 'f4 3 header rows')
    req(len(sh['merges']) >= 10, 'f4 merges')
    tot = [0] * 4
    for r in rows[5:]:
        if r[0] == 'Итого по региону':
            req([int(x) for x in r[2:10:2]] == tot, 'f4 region total')
            break
        n = int(num(r[1]))
        m = [int(num(x)) for x in r[2:10:2]]
        req([pct(k, n, 1) for k in m] == [num(x).quantize(Decimal('0.1')) for x in r[3:11:2]], 'f4 percents %s' % r[0])
        res(fn, r[0], 2026, 'ВПР', 'русский язык', 5, m, n)
        tot = [a + b for a, b in zip(tot, m)]


# ------------------------------------------------------------------ file 5
def f5():
    fn = 'ВПР_2026_математика_6_кл_соответствие_отметок.xlsx'
    sh = read_xlsx('files/' + fn)[0]
    types = {sh['cells'][(r, c)][0] for (r, c) in sh['cells'] if r > 0 and 3 <= c <= 7}
    req(types == {'s', 'inline'}, 'f5 numbers as text (shared and inline): %s' % types)
    rows = grid(sh)
    req(rows[0] == ['Муниципалитет', 'Код ОО', 'Класс', 'Кол-во участников', 'Понизили', 'Подтвердили', 'Повысили', 'Доля подтвердивших, %'], 'f5 header')
    acc, mt, nbsp = {}, [0, 0, 0], 0
    for r in rows[1:]:
        if not r or not any(r):
            break
        if r[0] == 'Итого по МО':
            nbsp += any(NBSP in x for x in r)
            req([int(num(x)) for x in r[4:7]] == mt and int(num(r[3])) == sum(mt), 'f5 subtotal')
            mt = [0, 0, 0]
            continue
        req(BY_CODE[r[1]]['municipality'] == r[0], 'f5 municipality of %s' % r[1])
        n = int(num(r[3]))
        c = [int(num(x)) for x in r[4:7]]
        req(sum(c) == n, 'f5 class sum')
        req(re.fullmatch(r'\d+,\d', r[7]) is not None, 'f5 decimal comma %r' % r[7])
        acc.setdefault(r[1], [0, 0, 0])
        acc[r[1]] = [a + b for a, b in zip(acc[r[1]], c)]
        mt = [a + b for a, b in zip(mt, c)]
    req(nbsp >= 1, 'f5 NBSP thousands')
    for code, c in acc.items():
        GOT_C.append((code, '2026', 'ВПР', 'математика', '6', str(sum(c))) + tuple(str(x) for x in c))
        PER_FILE[fn] = PER_FILE.get(fn, 0) + 1


# ------------------------------------------------------------------ file 6
def f6():
    fn = 'nico_rezultaty.xlsx'
    sh = read_xlsx('files/' + fn)[0]
    rows = grid(sh)
    req(rows[1][:7] == ['Год', 'Процедура', 'Предмет', 'Класс', 'Муниципалитет', 'Образовательная организация', 'Участники'], 'f6 header')
    mt, gt = [0] * 4, [0] * 4
    for r in rows[2:]:
        if not any(r):
            break
        if r[4] in ('Итого по МО', 'Итого по региону'):
            t = mt if r[4] == 'Итого по МО' else gt
            n = sum(t)
            req(int(r[6]) == n and [int(x) for x in r[7:11]] == [int(pct(k, n, 0)) for k in t], 'f6 %s' % r[4])
            mt = [0] * 4
            continue
        n = int(r[6])
        m = [back(num(p), n) for p in r[7:11]]
        req([int(pct(k, n, 0)) for k in m] == [int(x) for x in r[7:11]], 'f6 round trip')
        code = by_name(r[4], r[5], 'f6')
        res(fn, code, int(r[0]), r[1], r[2].lower(), int(r[3]), m, n)
        mt = [a + b for a, b in zip(mt, m)]
        gt = [a + b for a, b in zip(gt, m)]


def main(mutate):
    for f in (f1, f2, f3, f4, f5, f6):
        f()
    exp_r = [tuple(r) for r in list(csv.reader(open('expected/results.csv', encoding='utf-8')))[1:]]
    exp_c = [tuple(r) for r in list(csv.reader(open('expected/confirmation.csv', encoding='utf-8')))[1:]]
    if mutate:
        r = list(exp_r[7]); r[7] = str(int(r[7]) + 1); exp_r[7] = tuple(r)
        c = list(exp_c[3]); c[7] = str(int(c[7]) + 1); exp_c[3] = tuple(c)
    for name, got, exp in (('results', GOT_R, exp_r), ('confirmation', GOT_C, exp_c)):
        req(len(got) == len(set(got)), '%s: duplicates read' % name)
        for x in sorted(set(got) - set(exp)):
            err('%s: read but not expected %s' % (name, x))
        for x in sorted(set(exp) - set(got)):
            err('%s: expected but not read %s' % (name, x))
    keys = [x[:5] for x in GOT_R + GOT_C]
    req(len(keys) == len(set(keys)), '(school, year, assessment, subject, grade) from more than one file')
    schools = list(csv.reader(open('expected/schools.csv', encoding='utf-8')))
    req(schools[0] == ['school_id', 'name', 'municipality_id', 'municipality_name'], 'schools header')
    used = sorted(set(x[0] for x in GOT_R + GOT_C))
    req([r[0] for r in schools[1:]] == used, 'schools.csv = schools used')
    for r in schools[1:]:
        s = BY_CODE[r[0]]
        req(r[1:] == [s['name'], s['oktmo'], s['municipality']], 'schools.csv row %s' % r[0])
    fj = json.load(open('files.json', encoding='utf-8'))
    req(sorted(x['file'] for x in fj) == sorted(os.listdir('files')), 'files.json lists the files')
    for x in fj:
        req(PER_FILE.get(x['file']) == x['rows'], 'files.json rows of %s: %s vs %s' % (x['file'], x['rows'], PER_FILE.get(x['file'])))
        req(set(x['what a user must do']) == {'fixed', 'columns', 'by name'}, 'files.json user keys')
    total = len(exp_r) + len(exp_c)
    req(250 <= total <= 350, 'package size %d' % total)
    print('read: results %d, confirmation %d; expected %d + %d = %d; per file %s' % (len(GOT_R), len(GOT_C), len(exp_r), len(exp_c), total, PER_FILE))
    print('errors', len(ERR))
    return 1 if ERR else 0


if __name__ == '__main__':
    sys.exit(main('--mutate' in sys.argv))
