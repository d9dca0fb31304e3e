#!/usr/bin/env python3
"""Re-read every file of set 5 with the stdlib and compare with expected/ (independent of make.py's writer)."""
import csv, json, re, sys, zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
RNS = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
ERR = []
def err(*a): ERR.append(' '.join(map(str, a)))

def col_idx(ref):
    c = re.match(r'[A-Z]+', ref).group(); n = 0
    for ch in c: n = n * 26 + ord(ch) - 64
    return n - 1
def read_xlsx(path):
    """-> list of (sheet name, rows as lists of str, merges as list of (r1,c1,r2,c2))"""
    z = zipfile.ZipFile(path)
    ss = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            ss.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = {r.get('Id'): r.get('Target') for r in ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))}
    out = []
    for sh in wb.find('m:sheets', NS):
        tgt = rels[sh.get(RNS)].lstrip('/'); tgt = tgt if tgt.startswith('xl/') else 'xl/' + tgt
        x = ET.fromstring(z.read(tgt)); rows = {}
        for r in x.iter('{%s}row' % NS['m']):
            ri = int(r.get('r')) - 1
            for c in r.findall('m:c', NS):
                t = c.get('t'); v = c.find('m:v', NS)
                if t == 's': val = ss[int(v.text)]
                elif t == 'inlineStr': val = ''.join(e.text or '' for e in c.iter('{%s}t' % NS['m']))
                else: val = v.text if v is not None else ''
                if val and re.fullmatch(r'-?\d+\.0+', val): val = val.split('.')[0]
                rows.setdefault(ri, {})[col_idx(c.get('r'))] = val
        grid = [[rows.get(i, {}).get(j, '') for j in range(max([max(r) for r in rows.values() if r] + [0]) + 1)] for i in range(max(rows) + 1 if rows else 0)]
        merges = []
        mc = x.find('m:mergeCells', NS)
        if mc is not None:
            for m in mc:
                a, b = m.get('ref').split(':')
                merges.append((int(re.search(r'\d+', a).group()) - 1, col_idx(a), int(re.search(r'\d+', b).group()) - 1, col_idx(b)))
        out.append((sh.get('name'), grid, merges))
    return out

EXP = {}
for r in csv.DictReader(open('expected/results.csv', encoding='utf-8')):
    EXP[(r['school_id'], int(r['year']), r['assessment'], r['subject'], int(r['grade']))] = [int(r[k]) for k in ('participants', 'mark2', 'mark3', 'mark4', 'mark5')]
SCH = {r['school_id']: r for r in csv.DictReader(open('expected/schools.csv', encoding='utf-8'))}
DEMO = {s['code']: s for s in json.load(open('demo-schools.json'))}
FILES = {f['file']: f for f in json.load(open('files.json', encoding='utf-8'))}
GOT = {}; SOURCE = {}
def got(fname, key, vals, code, name=None, muni=None):
    if key in GOT:
        if key in SOURCE and SOURCE[key] == fname and fname.startswith('ВПР-2026_математика'):
            GOT[key] = [a + b for a, b in zip(GOT[key], vals)]; return
        err('key twice', key, fname, SOURCE.get(key))
    GOT[key] = list(vals); SOURCE[key] = fname
    if code not in DEMO: err('unknown school', code)
    elif name is not None and name != DEMO[code]['name']: err('name mismatch', code, name)
    if muni is not None and code in DEMO and muni != DEMO[code]['municipality']: err('municipality mismatch', code, muni)
def ints(xs): return [int(x) for x in xs]

# F1: classes summed per school
fn = 'ВПР-2026_математика_6_класс_по_классам.xlsx'
(_, g, _), = read_xlsx('files/' + fn)
h = g.index(next(r for r in g if r and r[0] == 'Муниципалитет'))
assert 'ВПР-2026' in g[0][0] and 'математике' in g[0][0] and '6 класс' in g[0][0]
for r in g[h + 1:]:
    if not any(r): continue
    if not re.fullmatch(r'6[абв]', r[3]): err('F1 class', r[3])
    v = ints(r[4:9])
    if v[0] != sum(v[1:]): err('F1 sum', r)
    got(fn, (r[1], 2026, 'ВПР', 'математика', 6), v, r[1], r[2], r[0])

# F2: blocks
fn = 'ОГЭ-2026_результаты_по_предметам.xlsx'
(_, g, _), = read_xlsx('files/' + fn)
SUB = {'РУССКИЙ ЯЗЫК': 'русский язык', 'МАТЕМАТИКА': 'математика', 'ОБЩЕСТВОЗНАНИЕ': 'обществознание'}
cur = None; hdr = False; tot = None; nblocks = 0
for r in g:
    c0 = r[0] if r else ''
    if c0.startswith('Предмет: '): cur = SUB[c0[9:]]; hdr = False; tot = [0] * 5; nblocks += 1; continue
    if c0 == 'Код ОО': hdr = True; continue
    if not cur or not hdr or not any(r): continue
    if r[1] == 'Итого по предмету':
        if ints(r[3:8]) != tot: err('F2 total', cur, r[3:8], tot)
        cur = None; continue
    v = ints(r[3:8]); tot = [a + b for a, b in zip(tot, v)]
    avg = (Decimal(sum((i + 2) * x for i, x in enumerate(v[1:]))) / v[0]).quantize(Decimal('0.01'), ROUND_HALF_UP)
    if Decimal(r[8].replace(',', '.')).quantize(Decimal('0.01')) != avg: err('F2 avg', r)
    got(fn, (r[0], 2026, 'ОГЭ', cur, 9), v, r[0], r[1], r[2])
if nblocks != 3: err('F2 blocks', nblocks)

# F3: merged school cells
fn = 'РДР_10_класс_2026_сводная.xlsx'
(_, g, merges), = read_xlsx('files/' + fn)
h = next(i for i, r in enumerate(g) if r and r[0] == '№')
mset = {(a, b) for a, b, c, d in merges if c == a + 1 and b == d and b <= 3}
SUB3 = {'Математика': 'математика', 'Русский язык': 'русский язык'}
last = None
for i in range(h + 1, len(g)):
    r = g[i]
    if not any(r): continue
    if r[2]:
        last = r[:4]
        for c in range(4):
            if (i, c) not in mset: err('F3 not merged', i, c)
    else:
        if any(r[:4]): err('F3 merged tail not empty', r)
    got(fn, (last[2], 2026, 'РДР', SUB3[r[4]], 10), ints(r[5:10]), last[2], last[3], last[1])
if 'Региональная диагностическая работа' not in g[0][0]: err('F3 title')

# F4: 1С-like CSV
fn = 'Otchet_VPR_2026_istoriya_7.csv'
raw = open('files/' + fn, 'rb').read()
if not raw.startswith(b'\xef\xbb\xbf') or b'\r\n' not in raw: err('F4 BOM/CRLF')
lines = raw.decode('utf-8-sig').split('\r\n')
meta = dict(l.split(': ', 1) for l in lines[:7])
assert meta['Оценочная процедура'] == 'ВПР' and meta['Год проведения'] == '2026' and meta['Предмет'] == 'История' and meta['Параллель'] == '7'
if lines[7] != '': err('F4 empty line')
rd = list(csv.reader(lines[8:], delimiter=';'))
for r in rd[1:]:
    if not r: continue
    got(fn, (r[1], 2026, 'ВПР', 'история', 7), ints(r[3:8]), r[1], r[2], r[0])

# F5: «n (p%)»
fn = 'ВПР_2026_география_8_кл_кол-во_и_доля.xlsx'
(_, g, _), = read_xlsx('files/' + fn)
h = next(i for i, r in enumerate(g) if r and r[0] == 'Код ОО')
for r in g[h + 1:]:
    if not any(r): continue
    n = int(r[3]); v = [n]
    for c in r[4:8]:
        m = re.fullmatch(r'(\d+) \((\d+,\d)%\)', c)
        if not m: err('F5 cell', c); continue
        k = int(m.group(1)); v.append(k)
        p = (Decimal(k * 100) / n).quantize(Decimal('0.1'), ROUND_HALF_UP)
        if str(p).replace('.', ',') != m.group(2): err('F5 pct', c, p)
    got(fn, (r[0], 2026, 'ВПР', 'география', 8), v, r[0], r[1], r[2])

# F6: a sheet per municipality
fn = 'НИКО-2026_английский_язык_8_класс_по_МО.xlsx'
for name, g, _ in read_xlsx('files/' + fn):
    mu = g[2][0].split(': ', 1)[1]
    short = mu.replace(' (демо)', '').replace('муниципальный район', 'МР').replace('Городской округ', 'ГО')
    if name != short: err('F6 sheet name', name, short)
    h = next(i for i, r in enumerate(g) if r and r[0] == 'Код ОО')
    for r in g[h + 1:]:
        if any(r): got(fn, (r[0], 2026, 'НИКО', 'английский язык', 8), ints(r[2:7]), r[0], r[1], mu)

# package comparison
for k, v in GOT.items():
    if v[0] != sum(v[1:]): err('participants != sum', k)
for k in set(EXP) | set(GOT):
    if EXP.get(k) != GOT.get(k): err('mismatch', k, EXP.get(k), GOT.get(k))
used = {k[0] for k in EXP}
if set(SCH) != used: err('schools.csv != schools used')
for c, r in SCH.items():
    if r['name'] != DEMO[c]['name'] or r['municipality_name'] != DEMO[c]['municipality']: err('schools.csv row', c)
if open('expected/confirmation.csv', encoding='utf-8').read().count('\n') != 1: err('confirmation.csv should be header only')
# files.json rows / procedures
for fn, f in FILES.items():
    keys = [k for k, s in SOURCE.items() if s == fn]
    if len(keys) != f['rows']: err('files.json rows', fn, f['rows'], len(keys))
    procs = {(k[2], k[3], k[4], k[1]) for k in keys}
    if procs != {(p['assessment'], p['subject'], p['grade'], p['year']) for p in f['procedures']}: err('files.json procedures', fn)
    per = {}
    for k in keys: per.setdefault(k[0], 0)
    munis = {DEMO[k[0]]['municipality'] for k in keys}
    if not (20 <= len(per) <= 60 and len(munis) >= 3): err('file size', fn, len(per), len(munis))
if set(FILES) != set(__import__('os').listdir('files')): err('files/ != files.json')
print(f'{len(FILES)} files, {len(SCH)} schools, {len(EXP)} result rows, 0 confirmation rows; read {len(GOT)} keys')
print('\n'.join(ERR[:40]) if ERR else 'OK')
sys.exit(1 if ERR else 0)
