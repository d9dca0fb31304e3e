#!/usr/bin/env python3
"""Re-read every file of set 7 with the standard library and check every number against expected/.
Usage: python3 check.py [--mutate]   (--mutate changes one mark in a copy of results.csv; the check must then fail)"""
import csv, io, json, re, sys, zipfile, xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
ERR = []
def err(*a): ERR.append(' '.join(map(str, a)))
S = {s['code']: s for s in json.load(open('demo-schools.json'))}
def norm(n): return re.sub(r'[«»"\s]', '', re.sub(r'^(МБОУ|МАОУ|МКОУ|ГБОУ|МОУ|ЧОУ|ГОУ)\s+', '', n)).lower()
BYNAME = {}
for s in S.values():
    for n in (s['name'], s['shortName']):
        k = (norm(n), s['municipality']); assert BYNAME.get(k, s['code']) == s['code']; BYNAME[k] = s['code']
def code_of(n, mun=None):
    cs = {v for (nn, mu), v in BYNAME.items() if nn == norm(n) and (mun is None or mu == mun)}
    c = cs.pop() if len(cs) == 1 else None
    if not c: err('unknown school name', n)
    return c

def xlsx(path):
    z = zipfile.ZipFile(path)
    ss = [''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS)] if 'xl/sharedStrings.xml' in z.namelist() else []
    sh = ET.fromstring(z.read('xl/worksheets/sheet1.xml')); grid = {}
    for c in sh.iter('{%s}c' % NS['m']):
        m = re.match(r'([A-Z]+)(\d+)', c.get('r')); col = 0
        for ch in m.group(1): col = col*26 + ord(ch) - 64
        v = c.find('m:v', NS)
        if v is None: continue
        val = ss[int(v.text)] if c.get('t') == 's' else float(v.text)
        grid[(int(m.group(2)), col)] = val
    merges = [mc.get('ref') for mc in sh.iter('{%s}mergeCell' % NS['m'])]
    nr = max(r for r, _ in grid) if grid else 0
    rows = [[grid.get((r, c)) for c in range(1, 1 + max(cc for _, cc in grid))] for r in range(1, nr + 1)]
    return rows, merges

def num(x):
    if x is None or x == '': return 0
    if isinstance(x, float): return x
    return float(str(x).replace('\u00a0', '').replace(' ', '').replace(',', '.'))
def cnt(v, p, scale):  # count from a percent/fraction
    c = round(num(v) * p / scale)
    back = int(c * (1000 if scale == 1 else 1000) // p + (1 if ((c * 1000) % p) * 2 >= p else 0)) / (1000 if scale == 1 else 10)
    if abs(back - num(v)) > 1e-9: err('rounding mismatch', v, p, c)
    return c

GOT_R, GOT_C = {}, {}
def put(d, key, vals, src):
    if key in d: err('duplicate key', key, src)
    d[key] = vals
    if vals[0] != sum(vals[1:]) and d is GOT_R: err('participants != sum of marks', key, vals)
    if vals[0] != sum(vals[1:]): err('participants != sum', key, vals)

F = {f['file']: f for f in json.load(open('files.json'))}
NROWS = {}
# F1
fn = 'ВПР_2026_8_класс_русский_математика_проценты.xlsx'; rows, merges = xlsx('files/' + fn)
assert 'C2:G2' in merges and 'H2:L2' in merges and 'C3:C4' in merges, merges
assert rows[2][3:7] == [2, 3, 4, 5] and rows[3][3] == '%', rows[3]
subs = ['русский язык', 'математика']; n = 0; mun = None; mt = [[0]*5, [0]*5]; reg = None
for r in rows[4:]:
    if r[0] == 'Итого по региону': reg = r; continue
    if r[0] == 'Итого по МО':
        for j in range(2):
            p = int(r[2 + 5*j]); assert p == mt[j][0], (p, mt[j])
            for k in range(4):
                if cnt(r[3 + 5*j + k], p, 100) != mt[j][k + 1]: err('F1 subtotal', r)
        mt = [[0]*5, [0]*5]; continue
    if r[0] is not None: mun = r[0]
    c = code_of(r[1], mun)
    for j in range(2):
        p = int(r[2 + 5*j]); m = [cnt(r[3 + 5*j + k], p, 100) for k in range(4)]
        put(GOT_R, (c, 2026, 'ВПР', subs[j], 8), [p] + m, fn); n += 1
        mt[j] = [a + b for a, b in zip(mt[j], [p] + m)]
assert reg is not None; NROWS[fn] = n
# F2
fn = 'EGE_2026_himiya_RCOI.csv'; raw = open('files/' + fn, 'rb').read()
assert b'\r\n' in raw; txt = raw.decode('cp1251'); L = list(csv.reader(io.StringIO(txt), delimiter='\t'))
assert L[1] == ['Предмет:', 'Химия'] and L[4][0] == 'Код ОО'; n = 0; tot = [0]*5
for r in L[5:]:
    if not r: continue
    if r[1] == 'Итого':
        if [int(num(x)) for x in r[3:8]] != tot: err('F2 total', r, tot)
        if ' ' not in r[3]: err('F2 total not «1 204»-style', r[3])
        continue
    assert S[r[0]]['name'] == r[1] and S[r[0]]['municipality'] == r[2]
    v = [int(num(x)) for x in r[3:8]]; put(GOT_R, (r[0], 2026, 'ЕГЭ', 'химия', 11), v, fn); n += 1; tot = [a + b for a, b in zip(tot, v)]
NROWS[fn] = n
# F3
fn = 'ВПР_2026_математика_7_соответствие_журналу_по_классам.xlsx'; rows, merges = xlsx('files/' + fn)
assert rows[2][4:10] == ['кол-во', '%'] * 3; cur = None; acc = {}; n = 0; allrow = None
for r in rows[3:]:
    if r[0] == 'Вся выборка': allrow = r; continue
    if r[0] is not None:
        cur = r[0]; n += 1
        if code_of(r[1], S[cur]['municipality']) != cur: err("F3 name", r[:2])
    p = int(r[3]); v = [int(num(r[4 + 2*k])) for k in range(3)]
    for k in range(3):
        if v[k] and cnt(r[5 + 2*k], p, 100) != v[k]: err('F3 %', r)
    assert p == sum(v), r
    a = acc.setdefault(cur, [0]*4); acc[cur] = [x + y for x, y in zip(a, [p] + v)]
for c, v in acc.items(): put(GOT_C, (c, 2026, 'ВПР', 'математика', 7), v, fn)
assert [int(allrow[3])] + [int(allrow[4 + 2*k]) for k in range(3)] == [sum(v[i] for v in acc.values()) for i in range(4)]
NROWS[fn] = len(acc)
# F4
fn = 'oge_obsh_po_OO.csv'; L = list(csv.reader(open('files/' + fn, encoding='utf-8', newline='')))
assert L[1][1] == 'Вся выборка' and L[2][1] == 'Регион'; n = 0; tot = [0]*5
for r in L[3:]:
    c = code_of(r[1], r[0]); p = int(r[2]); m = [int(num(r[3 + 2*k])) for k in range(4)]
    for k in range(4):
        if m[k] and cnt(r[4 + 2*k], p, 100) != m[k]: err('F4 %', r)
        if not m[k] and r[4 + 2*k] != '': err('F4 empty', r)
    put(GOT_R, (c, 2026, 'ОГЭ', 'обществознание', 9), [p] + m, fn); n += 1; tot = [a + b for a, b in zip(tot, [p] + m)]
if [int(L[2][2])] + [int(L[2][3 + 2*k]) for k in range(4)] != tot: err('F4 region row')
NROWS[fn] = n
# F5
fn = 'НИКО_2025_литература_6_и_8_классы.xlsx'; rows, merges = xlsx('files/' + fn); g = None; n = 0
for r in rows:
    if r[0] and re.fullmatch(r'\d+ класс', str(r[0])): g = int(r[0].split()[0]); continue
    if r[0] and str(r[0]).startswith('D-'):
        assert S[r[0]]['name'] == r[1]; p = int(r[2]); m = [cnt(r[3 + k], p, 1) for k in range(4)]
        put(GOT_R, (r[0], 2025, 'НИКО', 'литература', g), [p] + m, fn); n += 1
NROWS[fn] = n
# F6
fn = 'ВПР_география_6_по_классам.csv'; raw = open('files/' + fn, 'rb').read(); assert raw.startswith(b'\xef\xbb\xbf') and b'\r\n' in raw
L = list(csv.reader(io.StringIO(raw.decode('utf-8-sig')), delimiter=';')); assert L[2][0] == 'Муниципалитет'
acc = {}; mt = [0]*5; reg = [0]*5
for r in L[3:]:
    if not r: continue
    v = [int(num(x)) for x in r[3:8]]
    if r[1] == 'Итого по МО':
        if v != mt: err('F6 МО total', r)
        reg = [a + b for a, b in zip(reg, mt)]; mt = [0]*5; continue
    if r[0] == 'Итого':
        if v != reg: err('F6 total', r)
        continue
    c = code_of(r[1], r[0]); assert v[0] == sum(v[1:])
    acc[c] = [a + b for a, b in zip(acc.get(c, [0]*5), v)]; mt = [a + b for a, b in zip(mt, v)]
for c, v in acc.items(): put(GOT_R, (c, 2026, 'ВПР', 'география', 6), v, fn)
NROWS[fn] = len(acc)

# compare with the package
rp = 'expected/results.csv'
rtext = open(rp, encoding='utf-8').read()
if '--mutate' in sys.argv:
    ls = rtext.split('\n'); f = ls[7].split(','); f[7] = str(int(f[7]) + 1); ls[7] = ','.join(f); rtext = '\n'.join(ls)
def load(text):
    out = {}
    for r in list(csv.reader(io.StringIO(text)))[1:]:
        out[(r[0], int(r[1]), r[2], r[3], int(r[4]))] = [int(x) for x in r[5:]]
    return out
ER, EC = load(rtext), load(open('expected/confirmation.csv', encoding='utf-8').read())
for name, got, exp in (('results', GOT_R, ER), ('confirmation', GOT_C, EC)):
    for k in set(got) | set(exp):
        if got.get(k) != exp.get(k): err(name, k, 'file', got.get(k), 'package', exp.get(k))
    for k, v in exp.items():
        if v[0] != sum(v[1:]): err(name, k, 'package participants != sum')
sch = {r[0]: r for r in list(csv.reader(open('expected/schools.csv', encoding='utf-8')))[1:]}
used = {k[0] for k in list(ER) + list(EC)}
if set(sch) != used: err('schools.csv != schools used')
for c, r in sch.items():
    if [r[1], r[2], r[3]] != [S[c]['name'], S[c]['oktmo'], S[c]['municipality']]: err('schools.csv row', r)
for fn, f in F.items():
    if NROWS.get(fn) != f['rows']: err('files.json rows', fn, f['rows'], NROWS.get(fn))
print(f'files {len(NROWS)}, results {len(GOT_R)}, confirmation {len(GOT_C)}, schools {len(sch)}; errors {len(ERR)}')
for e in ERR[:20]: print(' ', e)
sys.exit(1 if ERR else 0)
