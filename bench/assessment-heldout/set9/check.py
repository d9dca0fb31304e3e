#!/usr/bin/env python3
"""Re-read every file of set 9 with the standard library only, rebuild the package, compare with expected/ both ways.
python3 check.py          -> errors 0, exit 0
python3 check.py --mutate -> compares against mutated copies of expected (must fail), exit 1"""
import csv, io, json, os, re, sys, zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

os.chdir(os.path.dirname(os.path.abspath(__file__)))
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
ERR = []


def err(msg):
    ERR.append(msg)


def col2i(s):
    n = 0
    for ch in s:
        n = n * 26 + ord(ch) - 64
    return n - 1


def split_ref(a):
    m = re.match(r"([A-Z]+)(\d+)$", a)
    return int(m.group(2)) - 1, col2i(m.group(1))


def read_xlsx(path):
    """-> list of sheets: {name, cells{(r,c): value}, formulas{(r,c): f}, errors{(r,c)}, merges[(r1,c1,r2,c2)], hidden_rows, hidden_cols}"""
    z = zipfile.ZipFile(path)
    sst = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            sst.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    out = []
    for s in wb.find("m:sheets", NS):
        tgt = rels[s.get("{%s}id" % NS["r"])].lstrip("/")
        tgt = tgt if tgt.startswith("xl/") else "xl/" + tgt
        x = ET.fromstring(z.read(tgt))
        sh = {"name": s.get("name"), "cells": {}, "formulas": {}, "errors": set(), "merges": [], "hidden_rows": set(), "hidden_cols": set()}
        for c in x.iter("{%s}col" % NS["m"]):
            if c.get("hidden") in ("1", "true"):
                sh["hidden_cols"].update(range(int(c.get("min")) - 1, int(c.get("max"))))
        for row in x.iter("{%s}row" % NS["m"]):
            if row.get("hidden") in ("1", "true"):
                sh["hidden_rows"].add(int(row.get("r")) - 1)
            for c in row.findall("m:c", NS):
                rc = split_ref(c.get("r"))
                t = c.get("t", "n")
                v = c.find("m:v", NS)
                f = c.find("m:f", NS)
                if f is not None:
                    sh["formulas"][rc] = f.text
                if t == "s":
                    val = sst[int(v.text)]
                elif t == "inlineStr":
                    val = "".join(tt.text or "" for tt in c.iter("{%s}t" % NS["m"]))
                elif t == "e":
                    val = v.text; sh["errors"].add(rc)
                elif t == "str":
                    val = v.text if v is not None else ""
                elif v is None:
                    continue
                else:
                    val = Decimal(v.text)
                    if val == val.to_integral_value() and "E" not in v.text and "." not in v.text:
                        val = int(val)
                sh["cells"][rc] = val
        for m in x.iter("{%s}mergeCell" % NS["m"]):
            a, b = m.get("ref").split(":")
            sh["merges"].append(split_ref(a) + split_ref(b))
        out.append(sh)
    return out


def grid(sh):
    n = max(r for r, _ in sh["cells"]) + 1 if sh["cells"] else 0
    w = max(c for _, c in sh["cells"]) + 1 if sh["cells"] else 0
    g = [[None] * w for _ in range(n)]
    for (r, c), v in sh["cells"].items():
        g[r][c] = v
    return g


def hu(x, dec=0):
    return Decimal(x).quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)


def from_pct(p, n):
    c = Decimal(str(p)) * n / 100
    k = int(hu(c))
    if abs(c - k) >= Decimal("0.5"):
        err(f"percent {p} of {n} not exact")
    return k


def pct(k, n, dec):
    return hu(Decimal(100 * k) / n, dec)


SCH = json.load(open("demo-schools.json", encoding="utf-8"))
BYCODE = {s["code"]: s for s in SCH}


def norm(name):
    s = name.replace("\u00a0", " ")
    s = re.sub(r"[«»\"“”]", "", s)
    s = re.sub(r"^(МБОУ|МАОУ|МКОУ)\s+", "", s.strip())
    s = re.sub(r"\bN\s*(?=\d)", "№", s)
    s = re.sub(r"№\s*", "№ ", s)
    s = re.sub(r"\s+", " ", s).strip().lower()
    return s


BYNAME = {}
for s in SCH:
    for v in (s["name"], s["shortName"]):
        BYNAME[(s["municipality"], norm(v))] = s["code"]


def school(mun, name, where):
    k = (mun, norm(name))
    if k not in BYNAME:
        err(f"{where}: unknown school {name!r} in {mun!r}")
        return None
    return BYNAME[k]


RES, CONF, SRC = {}, {}, {}


def put(table, key, vals, fileno):
    if key in SRC:
        err(f"file {fileno}: {key} already from file {SRC[key]}")
    SRC[key] = fileno
    if vals[0] != sum(vals[1:]):
        err(f"file {fileno}: {key} participants {vals[0]} != sum {vals[1:]}")
    table[key] = vals


FILES = json.load(open("files.json", encoding="utf-8"))
FN = {i + 1: f["file"] for i, f in enumerate(FILES)}
rows_per_file = {}

# ---------------------------------------------------------------- file 1
sh = read_xlsx("files/" + FN[1])
assert len(sh) == 1
sh = sh[0]
g = grid(sh)
h1, h2 = g[1], g[2]
cnt0 = h1.index("Распределение отметок, чел.")
pc0 = h1.index("Распределение отметок, %")
tk0 = h1.index("Выполнение заданий (% верных ответов)")
tasks = [h2[c] for c in range(tk0, len(h2))]
if [str(t) for t in tasks] != ["1", "2", "3", "4.1", "4.2"] + [str(i) for i in range(5, 16)]:
    err(f"file 1: task headers {tasks}")
if [h2[c] for c in range(cnt0, cnt0 + 4)] != ["2", "3", "4", "5"] or [h2[c] for c in range(pc0, pc0 + 4)] != ["2", "3", "4", "5"]:
    err("file 1: mark headers")
if not {"2", "3", "5"} <= set(str(t) for t in tasks):
    err("file 1: task headers do not collide with marks")
if (1, cnt0, 1, cnt0 + 3) not in sh["merges"] or (1, tk0, 1, tk0 + 15) not in sh["merges"]:
    err("file 1: caption merges")
n1 = 0
tot = [0] * 5
for r in range(3, len(g)):
    row = g[r]
    if row[0] != 2026:
        continue
    if row[4] == "Итого по региону":
        if [row[6]] + row[cnt0:cnt0 + 4] != tot:
            err("file 1: Итого по региону is not the sum")
        if r != max(rr for rr in range(len(g)) if g[rr][0] == 2026):
            err("file 1: total not last")
        continue
    code = school(row[4], row[5], "file 1")
    vals = [row[6]] + row[cnt0:cnt0 + 4]
    for k, p in zip(vals[1:], row[pc0:pc0 + 4]):
        if pct(k, vals[0], 1) != Decimal(str(p)):
            err(f"file 1: % {p} for {k}/{vals[0]}")
    assert (row[1], row[2], row[3]) == ("ВПР", "Математика", 5)
    put(RES, (code, row[0], "ВПР", "математика", row[3]), vals, 1)
    tot = [a + b for a, b in zip(tot, vals)]
    n1 += 1
rows_per_file[1] = n1
if not any(str(x).startswith("Примечание") for x in (g[r][0] for r in range(len(g)))):
    err("file 1: notes")

# ---------------------------------------------------------------- file 2
sh = read_xlsx("files/" + FN[2])[0]
g = grid(sh)
if "ВПР-2026" not in g[0][0]:
    err("file 2: title")
groups = [(c, int(str(g[1][c]).split()[0])) for c in range(2, len(g[1])) if isinstance(g[1][c], str) and g[1][c].endswith("класс")]
if [x[1] for x in groups] != [6, 7, 8]:
    err(f"file 2: groups {groups}")
merged_top = {}
for (r1, c1, r2, c2) in sh["merges"]:
    for rr in range(r1, r2 + 1):
        for cc in range(c1, c2 + 1):
            merged_top[(rr, cc)] = (r1, c1)
code = None
n2 = 0
in_sub = False
sub_sum = {}
acc = {}
ndiv = 0
nform = 0
SUBJ = {"русский язык", "математика"}
for r in range(4, len(g)):
    row = g[r] + [None] * 30
    b = row[1]
    if isinstance(row[0], str) and row[0].startswith("D-") and b:
        code = row[0]
        in_sub = False
        nm = BYCODE[code]
        if norm(b) not in (norm(nm["name"]), norm(nm["shortName"])):
            err(f"file 2: name {b!r} for {code}")
        continue
    if isinstance(b, str) and b.startswith("Итого по МО"):
        in_sub = True
        continue
    if b in SUBJ:
        top = merged_top.get((r, 0))
        if not in_sub and (top is None or g[top[0]][0] != code):
            err(f"file 2: row {r + 1} code cell not merged from the school row")
        for c, grade in groups:
            if row[c] is None:
                continue
            if (r, c) not in sh["formulas"]:
                err(f"file 2: participants without formula at row {r + 1}")
            nform += 1
            vals = [row[c], row[c + 1], row[c + 3], row[c + 5]]
            for k in (1, 3, 5):
                if (r, c + k + 1) in sh["errors"]:
                    ndiv += 1
                    if vals[0] != 0 or not in_sub:
                        err("file 2: #DIV/0! where participants > 0 or outside a subtotal")
                elif abs(Decimal(str(row[c + k + 1])) - Decimal(row[c + k]) / vals[0]) > Decimal("1e-9"):
                    err(f"file 2: cached % wrong at row {r + 1}")
            if in_sub:
                if vals != acc.get((b, grade), [0, 0, 0, 0]):
                    err(f"file 2: subtotal {b} {grade} {vals} != {acc.get((b, grade))}")
                continue
            put(CONF, (code, 2026, "ВПР", b, grade), vals, 2)
            acc[(b, grade)] = [x + y for x, y in zip(acc.get((b, grade), [0, 0, 0, 0]), vals)]
            n2 += 1
        if in_sub and b == "математика":
            acc = {}
rows_per_file[2] = n2
if ndiv < 3:
    err(f"file 2: only {ndiv} #DIV/0! cells")

# ---------------------------------------------------------------- file 3 (LibreOffice)
sh = read_xlsx("files/" + FN[3])[0]
g = grid(sh)
if g[2][4:8] != [2, 3, 4, 5] and [str(x) for x in g[2][4:8]] != ["2", "3", "4", "5"]:
    err(f"file 3: headers {g[2][4:8]}")
if not any(m[0] == 0 and m[2] == 2 for m in sh["merges"]):
    err("file 3: no 3-row merged header")
mun = None
n3 = 0
mt, gt = [0] * 5, [0] * 5
for r in range(3, len(g)):
    row = g[r]
    if row[0] == "Итого по МО":
        if row[2] != mt[0] or [Decimal(str(x)) for x in row[4:8]] != [hu(Decimal(k) / mt[0], 2) for k in mt[1:]]:
            err("file 3: subtotal")
        gt = [a + b for a, b in zip(gt, mt)]
        mt = [0] * 5
        continue
    if row[0] == "Итого по региону":
        if row[2] != gt[0] or [Decimal(str(x)) for x in row[4:8]] != [hu(Decimal(k) / gt[0], 2) for k in gt[1:]]:
            err("file 3: region total")
        continue
    if row[0]:
        mun = row[0]
    n = row[2]
    vals = [n] + [from_pct(Decimal(str(x)) * 100, n) for x in row[4:8]]
    if BYCODE[row[1]]["municipality"] != mun:
        err(f"file 3: {row[1]} not in {mun}")
    put(RES, (row[1], 2025, "НИКО", "история", 6), vals, 3)
    mt = [a + b for a, b in zip(mt, vals)]
    n3 += 1
rows_per_file[3] = n3

# ---------------------------------------------------------------- file 4 (LibreOffice)
sh = read_xlsx("files/" + FN[4])[0]
g = grid(sh)
if g[4][:4] != ["Муниципалитет", "ОО", "Предмет", "Участников"] or g[5][4:8] != ["«2»", "«3»", "«4»", "«5»"]:
    err(f"file 4: header {g[4]} {g[5]}")
if any("2026" in str(g[r][0]) or "ЕГЭ" in str(g[r][0]) for r in range(4)):
    err("file 4: year/assessment in the title")
n4 = 0
for r in range(6, len(g)):
    row = g[r]
    if not row[0] or str(row[0]).startswith(("Примечание", "Исполнитель")):
        continue
    code = school(row[0], row[1], "file 4")
    n = row[3]
    vals = [n] + [from_pct(x, n) for x in row[4:8]]
    put(RES, (code, 2026, "ЕГЭ", row[2].lower(), 11), vals, 4)
    n4 += 1
rows_per_file[4] = n4

# ---------------------------------------------------------------- file 5 (CSV cp1251 ;)
raw = open("files/" + FN[5], "rb").read()
if raw.startswith(b"\xef\xbb\xbf") or b"\r\n" not in raw or raw.count(b"\n") != raw.count(b"\r\n"):
    err("file 5: not CRLF / has BOM")
try:
    raw.decode("utf-8"); err("file 5: decodes as UTF-8 (should be Windows-1251)")
except UnicodeDecodeError:
    pass
L = list(csv.reader(io.StringIO(raw.decode("cp1251"), newline=""), delimiter=";"))
if "2026" not in L[0][0] or "РДР" not in L[0][0]:
    err("file 5: title")
gcols = [(c, int(L[1][c].split()[0])) for c in range(len(L[1])) if L[1][c].endswith("класс")]
levels = [L[r][0] for r in range(3, 5)]
if levels != ["Вся выборка", "Демо-область (демо)"]:
    err(f"file 5: levels {levels}")
n5 = 0
mun = None
munrow = {}
region = {g_: [0] * 5 for _, g_ in gcols}
permun = {}


def dec(x):
    return Decimal(x.replace(",", "."))


for r in range(5, len(L)):
    row = L[r]
    if not row or not row[0] or row[0].startswith(("Примечание", "Исполнитель")):
        continue
    ind = len(row[0]) - len(row[0].lstrip(" "))
    if ind == 2:
        mun = row[0].strip()
        munrow[mun] = row
        continue
    if ind != 4 or not row[1]:
        err(f"file 5: row {r + 1} indentation {ind}")
        continue
    code = row[1]
    if BYCODE[code]["municipality"] != mun:
        err(f"file 5: {code} not under {mun}")
    if norm(row[0]) not in (norm(BYCODE[code]["name"]), norm(BYCODE[code]["shortName"])):
        err(f"file 5: name {row[0]!r}")
    for c, gr in gcols:
        if not row[c]:
            continue
        n = int(row[c])
        if not re.fullmatch(r"0,\d{3}|1,000", row[c + 1]):
            err(f"file 5: fraction format {row[c + 1]!r}")
        vals = [n] + [from_pct(dec(x) * 100, n) for x in row[c + 1:c + 5]]
        put(RES, (code, 2026, "РДР", "математика", gr), vals, 5)
        permun.setdefault((mun, gr), [0] * 5)
        permun[(mun, gr)] = [a + b for a, b in zip(permun[(mun, gr)], vals)]
        region[gr] = [a + b for a, b in zip(region[gr], vals)]
        n5 += 1
for (m, gr), v in permun.items():
    c = [c for c, g_ in gcols if g_ == gr][0]
    if int(munrow[m][c]) != v[0] or any(dec(munrow[m][c + 1 + i]) != hu(Decimal(v[1 + i]) / v[0], 3) for i in range(4)):
        err(f"file 5: municipality row {m} {gr}")
for c, gr in gcols:
    if int(L[4][c]) != region[gr][0]:
        err("file 5: region row")
    if int(L[3][c]) <= region[gr][0]:
        err("file 5: «Вся выборка» should be larger than the region")
rows_per_file[5] = n5

# ---------------------------------------------------------------- file 6 (CSV utf-8 ,)
raw = open("files/" + FN[6], "rb").read()
if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
    err("file 6: BOM or CR")
L = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), delimiter=","))
h1, h2 = L[2], L[3]
mk, ps = h1.index("Отметки"), h1.index("Распределение первичных баллов")
if h2[mk:mk + 4] != ["2", "3", "4", "5"] or h2[ps:] != [str(i) for i in range(21)]:
    err("file 6: headers")
TH = [(0, 4), (5, 10), (11, 16), (17, 19)]
n6 = 0
mun = None
mt = [0] * 5
for r in range(4, len(L)):
    row = L[r]
    if row[0]:
        mun = row[0]
    if row[1] == "Итого по МО":
        if [int(x) for x in [row[2]] + row[mk:mk + 4]] != mt:
            err(f"file 6: subtotal {mun}")
        mt = [0] * 5
        continue
    vals = [int(x) for x in [row[2]] + row[mk:mk + 4]]
    p = [int(x) for x in row[ps:]]
    if sum(p) != vals[0] or [sum(p[a:b + 1]) for a, b in TH] != vals[1:]:
        err(f"file 6: primary scores do not match marks at row {r + 1}")
    code = school(mun, row[1], "file 6")
    put(RES, (code, 2026, "ОГЭ", "информатика", 9), vals, 6)
    mt = [a + b for a, b in zip(mt, vals)]
    n6 += 1
rows_per_file[6] = n6

# ---------------------------------------------------------------- compare with expected/
for i, f in enumerate(FILES):
    if f["rows"] != rows_per_file[i + 1]:
        err(f"files.json rows for file {i + 1}: {f['rows']} != {rows_per_file[i + 1]}")
mutate = "--mutate" in sys.argv


def load(path, n):
    rows = list(csv.reader(open(path, encoding="utf-8")))
    return rows[0], {(r[0], int(r[1]), r[2], r[3], int(r[4])): [int(x) for x in r[5:5 + n]] for r in rows[1:]}


hr, er = load("expected/results.csv", 5)
hc, ec = load("expected/confirmation.csv", 4)
if hr != ["school_id", "year", "assessment", "subject", "grade", "participants", "mark2", "mark3", "mark4", "mark5"]:
    err("results.csv header")
if hc != ["school_id", "year", "assessment", "subject", "grade", "participants", "lowered", "confirmed", "raised"]:
    err("confirmation.csv header")
if mutate:
    k = sorted(er)[7]; er[k][2] += 1
    k = sorted(ec)[3]; ec[k][2] += 1
    k = sorted(er)[20]; del er[k]
for name, got, exp in (("results", RES, er), ("confirmation", CONF, ec)):
    for k in got:
        if k not in exp:
            err(f"{name}: {k} read from a file but not in expected")
        elif got[k] != exp[k]:
            err(f"{name}: {k} file {got[k]} != expected {exp[k]}")
    for k in exp:
        if k not in got:
            err(f"{name}: {k} expected but not in any file")
sch = list(csv.reader(open("expected/schools.csv", encoding="utf-8")))
used = {k[0] for k in RES} | {k[0] for k in CONF}
if {r[0] for r in sch[1:]} != used:
    err("schools.csv != schools used")
for r in sch[1:]:
    s = BYCODE[r[0]]
    if r[1:] != [s["name"], s["oktmo"], s["municipality"]]:
        err(f"schools.csv row {r}")
total = len(er) + len(ec)
if not 250 <= total <= 350:
    err(f"package rows {total}")
for e in ERR[:40]:
    print("ERROR", e)
print(f"files 6, results {len(RES)}, confirmation {len(CONF)}, schools {len(used)}; per file {rows_per_file}")
print("errors", len(ERR))
sys.exit(1 if ERR else 0)
