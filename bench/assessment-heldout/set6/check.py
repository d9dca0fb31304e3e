"""Re-read every file of set 6 with the standard library and check every number against expected/.
Own XLSX reader (independent of xlsxw.py): shared + inline strings, merges, hidden rows/cols, sheet names."""
import csv, json, os, re, sys, zipfile, xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

os.chdir(os.path.dirname(os.path.abspath(__file__)))
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
ERR = []
def err(msg):
    ERR.append(msg)

def colnum(s):
    n = 0
    for ch in s: n = n * 26 + ord(ch) - 64
    return n

def split_ref(ref):
    m = re.match(r"([A-Z]+)(\d+)$", ref); return int(m.group(2)), colnum(m.group(1))

def read_xlsx(path):
    z = zipfile.ZipFile(path)
    ss = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            ss.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    sheets = []
    for sh in wb.find("m:sheets", NS):
        tgt = rels[sh.get("{%s}id" % NS["r"])].lstrip("/")
        tgt = tgt if tgt.startswith("xl/") else "xl/" + tgt
        x = ET.fromstring(z.read(tgt))
        cells, types = {}, {}
        hidden_rows, hidden_cols = set(), set()
        for row in x.iter("{%s}row" % NS["m"]):
            if row.get("hidden") in ("1", "true"): hidden_rows.add(int(row.get("r")))
            for c in row.findall("m:c", NS):
                rc = split_ref(c.get("r")); t = c.get("t")
                if t == "inlineStr":
                    v = "".join(e.text or "" for e in c.iter("{%s}t" % NS["m"]))
                elif t == "s":
                    v = ss[int(c.find("m:v", NS).text)]
                else:
                    ve = c.find("m:v", NS)
                    if ve is None: continue
                    v = Decimal(ve.text)
                cells[rc] = v; types[rc] = "str" if isinstance(v, str) else "num"
        for col in x.iter("{%s}col" % NS["m"]):
            if col.get("hidden") in ("1", "true"):
                hidden_cols |= set(range(int(col.get("min")), int(col.get("max")) + 1))
        merges = [m.get("ref") for m in x.iter("{%s}mergeCell" % NS["m"])]
        sheets.append({"name": sh.get("name"), "cells": cells, "types": types, "merges": merges,
                       "hidden_rows": hidden_rows, "hidden_cols": hidden_cols})
    return sheets

def g(sh, r, c):
    return sh["cells"].get((r, c))

def find(sh, text):
    for (r, c), v in sorted(sh["cells"].items()):
        if isinstance(v, str) and v.strip() == text: return r, c
    raise KeyError(text)

def half(x, places):
    return Decimal(x).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)

def pct(n, d, places): return half(Decimal(n) * 100 / Decimal(d), places)

def num_text(s):          # «1 204», «12,5», «» → Decimal
    s = (s or "").strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return Decimal(s) if s else Decimal(0)

def count_from_pct(p, n, places):
    k = int((Decimal(p) * n / 100).to_integral_value(ROUND_HALF_UP))
    if pct(k, n, places) != Decimal(p).quantize(Decimal(1).scaleb(-places)):
        err(f"percent {p} of {n} is not a rounded whole count")
    return k

SCHOOLS = json.load(open("demo-schools.json", encoding="utf-8"))
BYCODE = {s["code"]: s for s in SCHOOLS}
def norm(n):
    n = n.replace('"', "«", 1).replace('"', "»", 1) if '"' in n else n
    return n.strip()
def resolve(name, muni, short=False):
    """name as retyped → code, only within muni; must be exactly one"""
    cands = []
    for s in SCHOOLS:
        if s["municipality"] != muni: continue
        forms = {s["name"], s["shortName"]}
        org = s["name"].split(" ")[0]
        forms |= {s["name"][len(org) + 1:], org + " " + s["shortName"]}
        if norm(name) in forms: cands.append(s["code"])
    if len(cands) != 1:
        err(f"name {name!r} in {muni}: {len(cands)} matches"); return None
    return cands[0]

EXP_R, EXP_C = {}, {}
for row in csv.DictReader(open("expected/results.csv", encoding="utf-8")):
    EXP_R[(row["school_id"], int(row["year"]), row["assessment"], row["subject"], int(row["grade"]))] = \
        [int(row[k]) for k in ("participants", "mark2", "mark3", "mark4", "mark5")]
for row in csv.DictReader(open("expected/confirmation.csv", encoding="utf-8")):
    EXP_C[(row["school_id"], int(row["year"]), row["assessment"], row["subject"], int(row["grade"]))] = \
        [int(row[k]) for k in ("participants", "lowered", "confirmed", "raised")]
GOT_R, GOT_C, PER_FILE = {}, {}, {}
def put(tab, key, vals, fn):
    if key in GOT_R or key in GOT_C: err(f"{fn}: key {key} read twice")
    tab[key] = vals; PER_FILE.setdefault(fn, set()).add(key)
def muni_of(code): return BYCODE[code]["municipality"]
FJ = {f["file"]: f for f in json.load(open("files.json", encoding="utf-8"))}
F = lambda i: "files/" + list(FJ)[i]

# ---- F1: sheet per municipality, 3 header rows, % text, empty = 0
fn = list(FJ)[0]
sheets = read_xlsx(F(0))
if len(sheets) < 3: err("F1: fewer than 3 sheets")
for sh in sheets:
    muni = g(sh, 2, 1).split(": ", 1)[1]
    if sh["name"] != muni.replace(" (демо)", "").replace("Городской округ ", "ГО ").replace(" муниципальный район", " МР"):
        err(f"F1 sheet name {sh['name']} vs {muni}")
    for mref in ("A4:A6", "B4:B6", "C4:C6", "D4:G4", "D5:G5"):
        if mref not in sh["merges"]: err(f"F1 {sh['name']}: merge {mref} missing")
    if g(sh, 5, 4) != "%" or [g(sh, 6, c) for c in range(4, 8)] != list("2345"): err("F1 header")
    tot = [0] * 4; r = 7
    while g(sh, r, 2) != "Итого по муниципалитету":
        if any(sh["types"].get((r, c)) == "num" for c in range(1, 8)): err(f"F1 numeric cell in row {r}")
        n = int(num_text(g(sh, r, 3)))
        mk = [count_from_pct(num_text(g(sh, r, c)), n, 1) for c in range(4, 8)]
        for c in range(4, 8):
            if g(sh, r, c) is not None and num_text(g(sh, r, c)) == 0: err("F1: zero written instead of empty")
        if sum(mk) != n: err(f"F1 row {r}: marks {mk} != {n}")
        code = resolve(g(sh, r, 2), muni)
        put(GOT_R, (code, 2026, "ВПР", "биология", 7), [n] + mk, fn)
        tot = [a + b for a, b in zip(tot, mk)]; r += 1
    P = int(num_text(g(sh, r, 3)))
    if P != sum(tot): err(f"F1 subtotal participants {P} != {sum(tot)}")
    for j, c in enumerate(range(4, 8)):
        if num_text(g(sh, r, c)) != (pct(tot[j], P, 1) if tot[j] else 0): err("F1 subtotal %")

# ---- F2: long, merged school cells, % 2 decimals, region block
fn = list(FJ)[1]
sh = read_xlsx(F(1))[0]
SUB2 = {"Русский язык": "русский язык", "Математика": "математика", "История": "история"}
merged_first = {}
for m in sh["merges"]:
    a, b = m.split(":"); (r1, c1), (r2, c2) = split_ref(a), split_ref(b)
    for rr in range(r1, r2 + 1):
        for cc in range(c1, c2 + 1): merged_first[(rr, cc)] = (r1, c1)
r = 6; cur = None; tot = {v: [0] * 4 for v in SUB2.values()}; nmerged = 0
if not ("ВПР" in g(sh, 1, 1) or "проверочные" in g(sh, 1, 1)) or "6 класс" not in g(sh, 2, 1): err("F2 title")
while g(sh, r, 4) is not None:
    top = merged_first.get((r, 1), (r, 1))
    if top != (r, 1):
        nmerged += 1
        if g(sh, r, 1) is not None: err("F2 value under a merge")
    code = g(sh, top[0], 1)
    if code == "Итого по региону":
        sub = SUB2[g(sh, r, 4)]; P = int(num_text(g(sh, r, 5)))
        if sh["types"][(r, 5)] != "str": err("F2 region participants not text")
        if P >= 1000 and " " not in g(sh, r, 5): err("F2 no thousands space")
        if P != sum(tot[sub]): err("F2 region participants")
        for j in range(4):
            if Decimal(g(sh, r, 6 + j)) != pct(tot[sub][j], P, 2): err("F2 region %")
    else:
        if g(sh, top[0], 2) != BYCODE[code]["name"] or g(sh, top[0], 3) != muni_of(code): err(f"F2 name/muni {code}")
        sub = SUB2[g(sh, r, 4)]; n = int(g(sh, r, 5))
        mk = [count_from_pct(g(sh, r, 6 + j), n, 2) for j in range(4)]
        if sum(mk) != n: err(f"F2 row {r} sum")
        put(GOT_R, (code, 2026, "ВПР", sub, 6), [n] + mk, fn)
        tot[sub] = [a + b for a, b in zip(tot[sub], mk)]
    r += 1
if nmerged < 20: err("F2: too few merged school rows")

# ---- F3: preamble, wide per grade, hidden col B + hidden subtotal rows
fn = list(FJ)[2]
sh = read_xlsx(F(2))[0]
if sh["hidden_cols"] != {2} or g(sh, 6, 2) != "ОКТМО": err("F3 hidden column")
if g(sh, 2, 1) != "Год: 2026": err("F3 preamble")
txt = " ".join(str(v) for v in sh["cells"].values())
if "РДР" in txt or "диагност" in txt.lower() or "математ" in txt.lower(): err("F3 names the procedure")
if g(sh, 6, 4) != "7 класс" or g(sh, 6, 9) != "8 класс" or "D6:H6" not in sh["merges"]: err("F3 groups")
r = 8; sub = [0] * 10; grand = [0] * 10; hidden_seen = set()
while g(sh, r, 3) != "Итого":
    vals = [int(g(sh, r, c) or 0) for c in range(4, 14)]
    if g(sh, r, 3) == "Итого по МО":
        hidden_seen.add(r)
        if vals != sub: err(f"F3 subtotal row {r}")
        grand = [a + b for a, b in zip(grand, sub)]; sub = [0] * 10
    else:
        if r in sh["hidden_rows"]: err("F3 school row hidden")
        code = resolve(g(sh, r, 3), g(sh, r, 1))
        if code and BYCODE[code]["oktmo"] != g(sh, r, 2): err("F3 oktmo")
        for gi, gr in enumerate((7, 8)):
            v = vals[gi * 5: gi * 5 + 5]
            if v[0] != sum(v[1:]): err("F3 participants != sum")
            put(GOT_R, (code, 2026, "РДР", "математика", gr), v, fn)
        sub = [a + b for a, b in zip(sub, vals)]
    r += 1
if hidden_seen != sh["hidden_rows"] or len(hidden_seen) < 3: err("F3 hidden rows are not exactly the subtotals")
if [int(g(sh, r, c)) for c in range(4, 14)] != grand: err("F3 grand total")
if r in sh["hidden_rows"]: err("F3 Итого hidden")

# ---- F4: CSV UTF-8 ;, per class, fractions
fn = list(FJ)[3]
raw = open(F(3), "rb").read()
if raw.startswith(b"\xef\xbb\xbf") or b"\r\n" in raw: err("F4 BOM/CRLF")
rows = list(csv.reader(io := __import__("io").StringIO(raw.decode("utf-8")), delimiter=";"))
if rows[1][4:8] != ["2", "3", "4", "5"] or "Доля" not in rows[0][4]: err("F4 header")
if rows[2][1] != "Вся выборка" or rows[3][1] != "Регион": err("F4 subtotal rows")
if any(w in raw.decode("utf-8") for w in ("ВПР", "2026", "бществ")): err("F4 names the procedure")
agg, tot = {}, [0] * 4
for row in rows[4:]:
    code, name, cls, n = row[0], row[1], row[2], int(row[3])
    if name != BYCODE[code]["name"] or not re.fullmatch(r"7[АБВГ]", cls): err("F4 row")
    mk = []
    for f in row[4:8]:
        d = Decimal(f.replace(",", ".")); k = int((d * n).to_integral_value(ROUND_HALF_UP))
        if half(Decimal(k) / n, 3) != d or not (0 <= d <= 1) or "," not in f: err(f"F4 fraction {f} of {n}")
        mk.append(k)
    if sum(mk) != n: err("F4 class sum")
    a = agg.setdefault(code, [0] * 5); a[0] += n
    for j in range(4): a[j + 1] += mk[j]; tot[j] += mk[j]
for code, v in agg.items():
    put(GOT_R, (code, 2026, "ВПР", "обществознание", 7), v, fn)
P = int(rows[3][3])
if P != sum(tot) or [Decimal(x.replace(",", ".")) for x in rows[3][4:8]] != [half(Decimal(t) / P, 3) for t in tot]: err("F4 region")

# ---- F5: LibreOffice blocks, «n (p%)», merged municipality and name cells
fn = list(FJ)[4]
sh = read_xlsx(F(4))[0]
mf = {}
for m in sh["merges"]:
    a, b = m.split(":"); (r1, c1), (r2, c2) = split_ref(a), split_ref(b)
    for rr in range(r1, r2 + 1):
        for cc in range(c1, c2 + 1): mf[(rr, cc)] = (r1, c1)
SUB5 = {"РУССКИЙ ЯЗЫК": "русский язык", "МАТЕМАТИКА": "математика"}
def np_cell(s, n):
    m = re.fullmatch(r"(\d+) \((\d+,\d)%\)", s)
    if not m: err(f"F5 cell {s!r}"); return 0
    k = int(m.group(1))
    if pct(k, n, 1) != Decimal(m.group(2).replace(",", ".")): err(f"F5 % in {s!r}")
    return k
maxr = max(r for r, c in sh["cells"]); blocks = 0; r = 1; vertical = 0
txt = " ".join(str(v) for v in sh["cells"].values())
if "ОГЭ" in txt or "2025" in txt or "9 кл" in txt: err("F5 names year/assessment/grade")
while r <= maxr:
    v = g(sh, r, 1)
    if v in SUB5:
        sub = SUB5[v]; blocks += 1
        if g(sh, r + 1, 2) != "Образовательная организация" or f"B{r+1}:C{r+1}" not in sh["merges"]: err("F5 header")
        if g(sh, r + 2, 1) != "Вся выборка" or g(sh, r + 3, 1) != "Регион": err("F5 subtotals")
        P = int(g(sh, r + 3, 4)); reg = [np_cell(g(sh, r + 3, c), P) for c in range(5, 9)]
        w = int(g(sh, r + 2, 4)); [np_cell(g(sh, r + 2, c), w) for c in range(5, 9)]
        tot = [0] * 4; rr = r + 4
        while g(sh, rr, 2) is not None:
            top = mf.get((rr, 1), (rr, 1)); muni = g(sh, top[0], 1)
            if top != (rr, 1): vertical += 1
            if mf.get((rr, 2)) != (rr, 2): err("F5 name not merged B:C")
            n = int(g(sh, rr, 4)); mk = [np_cell(g(sh, rr, c), n) for c in range(5, 9)]
            if sum(mk) != n: err("F5 sum")
            code = resolve(g(sh, rr, 2), muni)
            put(GOT_R, (code, 2025, "ОГЭ", sub, 9), [n] + mk, fn)
            tot = [a + b for a, b in zip(tot, mk)]; rr += 1
        if tot != reg or sum(tot) != P: err("F5 region row")
        r = rr
    r += 1
if blocks != 2 or vertical < 10: err(f"F5 blocks {blocks} vertical merges {vertical}")

# ---- F6: confirmation wide, counts, empty = 0, region first as text
fn = list(FJ)[5]
sh = read_xlsx(F(5))[0]
t = g(sh, 1, 1)
if "2026" not in t or "ВПР" in t or "класс" in t: err("F6 title")
SUB6 = [("Математика", "математика"), ("Русский язык", "русский язык")]
for si, (lab, _) in enumerate(SUB6):
    if [g(sh, 3, 3 + si * 4 + j) for j in range(4)] != [f"{lab}: {x}" for x in ("участников", "понизили", "подтвердили", "повысили")]: err("F6 header")
if g(sh, 4, 1) != "Всего по региону": err("F6 region first")
reg = [int(num_text(g(sh, 4, c))) for c in range(3, 11)]
if not any(" " in (g(sh, 4, c) or "") for c in range(3, 11)): err("F6 no «1 204» text")
r = 5; tot = [0] * 8; empties = 0
mf = {}
for m in sh["merges"]:
    a, b = m.split(":"); (r1, c1), (r2, c2) = split_ref(a), split_ref(b)
    for rr in range(r1, r2 + 1): mf[(rr, c1)] = (r1, c1)
while g(sh, r, 2) is not None:
    muni = g(sh, mf.get((r, 1), (r, 1))[0], 1)
    code = resolve(g(sh, r, 2), muni)
    vals = []
    for c in range(3, 11):
        v = g(sh, r, c)
        if v is None: empties += 1
        elif v == 0: err("F6 zero written")
        vals.append(int(v or 0))
    for si, (_, sub) in enumerate(SUB6):
        v = vals[si * 4: si * 4 + 4]
        if v[0] != sum(v[1:]): err("F6 participants != sum")
        put(GOT_C, (code, 2026, "ВПР", sub, 5), v, fn)
    tot = [a + b for a, b in zip(tot, vals)]; r += 1
if tot != reg: err("F6 region row")
if empties < 5: err("F6 too few empty cells")

# ---- compare with the package
for k, v in EXP_R.items():
    if k not in GOT_R: err(f"result {k} not read from any file")
    elif GOT_R[k] != v: err(f"result {k}: file {GOT_R[k]} package {v}")
for k in GOT_R:
    if k not in EXP_R: err(f"result {k} read but not in package")
for k, v in EXP_C.items():
    if k not in GOT_C: err(f"confirmation {k} not read")
    elif GOT_C[k] != v: err(f"confirmation {k}: file {GOT_C[k]} package {v}")
for k in GOT_C:
    if k not in EXP_C: err(f"confirmation {k} read but not in package")
for k, v in list(EXP_R.items()) + list(EXP_C.items()):
    if v[0] != sum(v[1:]): err(f"{k}: participants != sum of marks")
used = {k[0] for k in list(EXP_R) + list(EXP_C)}
sch = {r["school_id"]: r for r in csv.DictReader(open("expected/schools.csv", encoding="utf-8"))}
if set(sch) != used: err("schools.csv != schools used")
for c, r in sch.items():
    if r["name"] != BYCODE[c]["name"] or r["municipality_name"] != BYCODE[c]["municipality"]: err(f"schools.csv {c}")
for fn, f in FJ.items():
    keys = PER_FILE.get(fn, set())
    if f["rows"] != len(keys): err(f"{fn}: files.json rows {f['rows']} != {len(keys)}")
    procs = {(p["year"], p["assessment"], p["subject"], p["grade"]) for p in f["procedures"]}
    if procs != {k[1:] for k in keys}: err(f"{fn}: procedures differ")
    nm = {BYCODE[k[0]]["municipality"] for k in keys}; ns = {k[0] for k in keys}
    if not (20 <= len(ns) <= 60 and len(nm) >= 3): err(f"{fn}: {len(ns)} schools, {len(nm)} municipalities")

if ERR:
    for e in ERR[:50]: print("FAIL", e)
    print(len(ERR), "errors"); sys.exit(1)
print(f"OK: {len(FJ)} files, {len(GOT_R)} result rows, {len(GOT_C)} confirmation rows, {len(sch)} schools")
