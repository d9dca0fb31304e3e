#!/usr/bin/env python3
"""Re-read set 10's six files with the standard library only, rebuild the package, compare with expected/ both ways.
`--mutate` changes one mark, one «confirmed» and drops one expected row to show the check can fail."""
import csv, io, json, os, re, sys, zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP
from collections import Counter, OrderedDict

os.chdir(os.path.dirname(os.path.abspath(__file__)))
MUTATE = "--mutate" in sys.argv
ERR = []
def err(m): ERR.append(m); print("ERROR", m)
def need(c, m):
    if not c: err(m)
def hu(x): return int(Decimal(x).quantize(Decimal(1), rounding=ROUND_HALF_UP))
def num(s): return Decimal(str(s).strip().replace(",", "."))

SCH = json.load(open("demo-schools.json")); BY = {s["code"]: s for s in SCH}
ORG = {"Муниципальное бюджетное общеобразовательное учреждение": "МБОУ", "Муниципальное автономное общеобразовательное учреждение": "МАОУ",
       "Муниципальное казённое общеобразовательное учреждение": "МКОУ"}
def norm(n):
    n = " ".join(n.split()).replace('"', "«", 1)
    n = re.sub(r'"', "»", n); n = n.replace("№ ", "№").replace("№", "№ ")
    for k, v in ORG.items(): n = n.replace(k, v)
    return re.sub(r"^(МБОУ|МАОУ|МКОУ) «(.*)»", r"\2", n).replace("«", "").replace("»", "")
NAMEIDX = {}
for s in SCH:
    for v in {norm(s["name"]), norm(s["shortName"])}: NAMEIDX.setdefault((v, s["municipality"]), set()).add(s["code"])
def by_name(name, mun):
    c = NAMEIDX.get((norm(name), mun), set())
    need(len(c) == 1, f"name not matched uniquely: {name!r} / {mun}")
    return next(iter(c)) if c else None

PKG = {}   # key -> (table, fileno, values)
def put(tab, fno, code, year, ass, subj, grade, n, vals):
    key = (code, year, ass, subj, grade)
    need(key not in PKG, f"file {fno}: key twice {key}")
    need(n == sum(vals), f"file {fno}: {key} participants {n} != sum {vals}")
    PKG[key] = (tab, fno, [n] + list(vals))
def from_pct(p, n, scale=100):
    k = hu(num(p) * n / scale); return k

# ---------------- XLSX ----------------
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
def cr(a):
    m = re.match(r"([A-Z]+)(\d+)", a); c = 0
    for ch in m[1]: c = c * 26 + ord(ch) - 64
    return int(m[2]) - 1, c - 1
def read_xlsx(path):
    z = zipfile.ZipFile(path)
    sst = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            sst.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    out = []
    for sh in wb.find("m:sheets", NS):
        t = rels[sh.get("{%s}id" % NS["r"])]; t = t.lstrip("/"); t = t if t.startswith("xl/") else "xl/" + t
        x = ET.fromstring(z.read(t))
        cells, types, formulas, hidden = {}, {}, {}, set()
        for row in x.iter("{%s}row" % NS["m"]):
            if row.get("hidden") in ("1", "true"): hidden.add(int(row.get("r")) - 1)
            for c in row.findall("m:c", NS):
                rc = cr(c.get("r")); tp = c.get("t", "n"); v = c.find("m:v", NS); f = c.find("m:f", NS)
                isel = c.find("m:is", NS)
                if tp == "s": val = sst[int(v.text)]
                elif tp == "inlineStr": val = "".join(t.text or "" for t in isel.iter("{%s}t" % NS["m"]))
                elif v is None: continue
                elif tp in ("str", "e"): val = v.text
                else: val = Decimal(v.text)
                cells[rc] = val; types[rc] = tp
                if f is not None: formulas[rc] = f.text
        merges = [m.get("ref") for m in x.iter("{%s}mergeCell" % NS["m"])]
        af = x.find("m:autoFilter", NS); pane = x.find(".//m:pane", NS)
        out.append({"name": sh.get("name"), "cells": cells, "types": types, "formulas": formulas, "hidden": hidden, "merges": merges,
                    "autofilter": af.get("ref") if af is not None else None, "pane": dict(pane.attrib) if pane is not None else None})
    return out
def grid(sh):
    if not sh["cells"]: return []
    R = max(r for r, _ in sh["cells"]) + 1; C = max(c for _, c in sh["cells"]) + 1
    g = [[None] * C for _ in range(R)]
    for (r, c), v in sh["cells"].items(): g[r][c] = v
    return g
def s(v): return "" if v is None else (str(v) if not isinstance(v, str) else v)

# ---------------- ODS ----------------
T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"; O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"; TX = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
def read_ods(path):
    z = zipfile.ZipFile(path)
    need(z.infolist()[0].filename == "mimetype" and z.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet", "ODS mimetype")
    x = ET.fromstring(z.read("content.xml")); sheets = []
    for tb in x.iter(f"{{{T}}}table"):
        rows, merges, r = [], [], 0
        for row in tb.iter(f"{{{T}}}table-row"):
            rr = int(row.get(f"{{{T}}}number-rows-repeated", "1")); cur, c = [], 0
            for cell in row:
                if cell.tag not in (f"{{{T}}}table-cell", f"{{{T}}}covered-table-cell"): continue
                rep = int(cell.get(f"{{{T}}}number-columns-repeated", "1"))
                vt = cell.get(f"{{{O}}}value-type")
                if vt in ("float", "percentage"): v = Decimal(cell.get(f"{{{O}}}value"))
                else:
                    ps = ["".join(p.itertext()) for p in cell.findall(f"{{{TX}}}p")]
                    v = "\n".join(ps) if ps else None
                cs = int(cell.get(f"{{{T}}}number-columns-spanned", "1")); rs = int(cell.get(f"{{{T}}}number-rows-spanned", "1"))
                if cs > 1 or rs > 1: merges.append((r, c, rs, cs))
                for _ in range(min(rep, 200)): cur.append(v); c += 1
            for _ in range(min(rr, 5)): rows.append(cur); r += 1
        sheets.append({"name": tb.get(f"{{{T}}}name"), "rows": rows, "merges": merges})
    return sheets

F = json.load(open("files.json")); FN = [f["file"] for f in F]
def cell(row, i): return row[i] if i < len(row) else None

# ======== file 1 (ODS) ========
sh = read_ods("files/" + FN[0]); need(len(sh) == 1 and sh[0]["name"] == "РДР математика 7 класс", "file 1 sheet name")
rows = sh[0]["rows"]; merges = sh[0]["merges"]
need(any(m[3] == 10 for m in merges) and any(m[2] == 3 for m in merges) and any(m[2] == 2 for m in merges), "file 1 merges (year groups, header merged down)")
need([s(cell(rows[4], 2 + 10 * i)) for i in range(3)] == ["2024", "2025", "2026"], "file 1 year captions")
need(not any(w in s(rows[i][0]) for i in range(4) for w in ("РДР", "математик", "7 класс")), "file 1 title states nothing of the procedure")
reg = rows[7]; need(s(cell(reg, 1)) == "Регион", "file 1 «Регион» first")
sums = [[0] * 5 for _ in range(3)]; seen_ph = Counter()
for row in rows[8:]:
    code = s(cell(row, 0))
    if not code.startswith("D-"): continue
    need(by_name(s(row[1]), BY[code]["municipality"]) == code, f"file 1 name of {code}")
    for yi, y in enumerate((2024, 2025, 2026)):
        g = row[2 + 10 * yi: 12 + 10 * yi]
        if g[0] == "не участвовали":
            need(all(v == "x" for v in g[1:]), f"file 1 {code} {y} «x»"); seen_ph["не участвовали"] += 1; continue
        n = int(g[0]); m = []
        for j in range(4):
            cv, pv = g[1 + j], g[5 + j]
            if cv == "—": need(pv == "-", f"file 1 {code} zero pct"); m.append(0); seen_ph["—"] += 1
            else: m.append(int(cv)); need(from_pct(pv, n) == int(cv), f"file 1 {code} {y} % round trip")
        if g[9] == "н/д": seen_ph["н/д"] += 1
        put("results", 1, code, y, "РДР", "математика", 7, n, m)
        for j, v in enumerate([n] + m): sums[yi][j] += v
need([[int(reg[2 + 10 * yi + j]) for j in range(5)] for yi in range(3)] == sums, "file 1 «Регион» = sum")
need(len(seen_ph) == 3, f"file 1 placeholders seen {dict(seen_ph)}")

# ======== file 2 (hand XLSX) ========
sh = read_xlsx("files/" + FN[1]); need(len(sh) == 1, "file 2 one sheet"); sh = sh[0]; g = grid(sh)
need(all(g[r][c] is None for r in range(5) for c in range(len(g[r])) if (r, c) != (2, 2)) and all(g[r][c] is None for r in range(len(g)) for c in (0, 1)), "file 2 empty logo area")
need(s(g[5][2]) == "Муниципалитет" and s(g[5][4]) == "ВПР" and s(g[5][10]) == "РДР", "file 2 table at C6, two assessments")
need(s(g[6][4]) == "Кол-во\nучастников" and s(g[6][5]) == "Получили\n«2»", "file 2 line-break headers")
need(sh["autofilter"] and sh["autofilter"].startswith("C7:"), "file 2 autofilter"); need(sh["pane"] and sh["pane"].get("state") == "frozen" and sh["pane"].get("topLeftCell") == "E8", "file 2 frozen panes")
need("E6:J6" in sh["merges"] and "K6:P6" in sh["merges"], "file 2 group merges")
text_nums = 0; munsum = {}; hidden_sub = 0; tot = None
for r in range(7, len(g)):
    row = g[r]; a = s(cell(row, 2)); b = s(cell(row, 3))
    if a == "Итого по МО": hidden_sub += r in sh["hidden"]; munsum[b] = [[int(num(row[4 + 6 * i]))] if row[4 + 6 * i] is not None else None for i in range(2)]; continue
    if a == "Итого по региону": tot = row; continue
    need(r not in sh["hidden"], "file 2 hidden data row")
    if not b.startswith("D-"): continue
    need(BY[b]["municipality"] == a, f"file 2 municipality of {b}")
    for i, ass in enumerate(("ВПР", "РДР")):
        grp = row[4 + 6 * i: 10 + 6 * i]
        if grp[0] is None: continue
        text_nums += sum(sh["types"].get((r, 4 + 6 * i + j)) == "s" for j in range(5))
        n = int(num(grp[0])); m = [hu(num(v) * n) for v in grp[1:5]]
        for v, k in zip(grp[1:5], m): need(abs(num(v) * n - k) < Decimal("0.5") and len(str(v).replace(",", ".").split(".")[-1]) <= 2, f"file 2 fraction {b}")
        put("results", 2, b, 2026, ass, "математика", 8, n, m)
need(text_nums >= 5, f"file 2 numbers as text: {text_nums}"); need(hidden_sub == len(munsum) >= 3, "file 2 «Итого по МО» rows hidden")
for i, ass in enumerate(("ВПР", "РДР")):
    need(int(num(tot[4 + 6 * i])) == sum(v[2][0] for k, v in PKG.items() if v[1] == 2 and k[2] == ass), f"file 2 region total {ass}")
    for mun, vals in munsum.items():
        need((vals[i] or [0])[0] == sum(v[2][0] for k, v in PKG.items() if v[1] == 2 and k[2] == ass and BY[k[0]]["municipality"] == mun), f"file 2 МО total {mun} {ass}")

# ======== file 3 (CSV utf-8 , LF) ========
raw = open("files/" + FN[2], "rb").read()
need(not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw, "file 3 UTF-8 no BOM, LF")
L = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
need(L[1][2] == "Русский язык" and L[1][9] == "Математика" and L[3][3] == "чел.", "file 3 headers")
need(L[4][0] == "Итого по региону", "file 3 region first")
mun = None; SUBJ = ("русский язык", "математика"); tot3 = [[0] * 4, [0] * 4]
for row in L[5:]:
    if len(row) < 16: continue
    mun = row[0] or mun; code = by_name(row[1], mun)
    for i in range(2):
        grp = row[2 + 7 * i: 9 + 7 * i]
        if not grp[0]: continue
        n = int(grp[0]); c = [int(grp[1]), int(grp[3]), int(grp[5])]
        for j in range(3): need(from_pct(grp[2 + 2 * j], n) == c[j] and re.fullmatch(r"\d+\.\d", grp[2 + 2 * j]), f"file 3 pct {code}")
        put("confirmation", 3, code, 2026, "ВПР", SUBJ[i], 6, n, c)
        for j, v in enumerate([n] + c): tot3[i][j] += v
need([[int(L[4][2 + 7 * i + j]) for j in (0, 1, 3, 5)] for i in range(2)] == tot3, "file 3 region = sum")

# ======== file 4 (LibreOffice XLSX) ========
sh = read_xlsx("files/" + FN[3])[0]; g = grid(sh)
need(s(g[3][4]) == "2" and s(g[3][8]) == "1" and s(g[3][33]) == "26" and s(g[1][8]).startswith("Выполнение заданий"), "file 4 headers, 26 task columns")
need(any(m.startswith("A") and cr(m.split(":")[1])[0] > cr(m.split(":")[0])[0] for m in sh["merges"] if cr(m.split(":")[0])[0] >= 5), "file 4 municipality merged down")
need(s(g[4][0]) == "Итого по региону", "file 4 region first")
mun = None; t4 = [0] * 5
for r in range(5, len(g)):
    row = g[r]
    if cell(row, 1) is None or cell(row, 2) is None: continue
    mun = s(row[0]) or mun; code = by_name(s(row[1]), mun)
    n = int(row[2]); m = [int(row[4 + j]) for j in range(4)]; need(int(row[3]) == m[0], "file 4 below min = «2»")
    put("results", 4, code, 2026, "ЕГЭ", "физика", 11, n, m)
    for j, v in enumerate([n] + m): t4[j] += v
need([int(g[4][2])] + [int(g[4][4 + j]) for j in range(4)] == t4, "file 4 region = sum")

# ======== file 5 (hand XLSX, sheets, hierarchy, n (p%), formulas) ========
shs = read_xlsx("files/" + FN[4]); need([x["name"] for x in shs] == ["Математика", "Русский язык", "Пояснения"], "file 5 sheets")
for sh, subj in zip(shs[:2], ("математика", "русский язык")):
    g = grid(sh); need(s(g[3][0]) == "Демо-область (демо)" and sh["formulas"].get((3, 2)), "file 5 region row with formula")
    nform = 0; curm = None; msum = {}
    for r in range(4, len(g)):
        row = g[r]; name = s(row[0])
        if name.startswith("    "):
            code = s(row[1]); need(BY[code]["municipality"] == curm and norm(name) in (norm(BY[code]["name"]), norm(BY[code]["shortName"])), f"file 5 {code} under its municipality")
            n = int(row[2]); m = []
            for j in range(4):
                mm = re.fullmatch(r"(\d+) \((\d+,\d\d)%\)", s(row[4 + j])); need(mm, f"file 5 n (p%) {row[4 + j]}")
                m.append(int(mm[1])); need(from_pct(mm[2], n) == int(mm[1]), "file 5 p round trip")
            need(int(row[3]) == m[0], "file 5 below min")
            put("results", 5, code, 2026, "ОГЭ", subj, 9, n, m); msum[curm][1] += n
        elif name.startswith("  "):
            curm = name.strip(); need(row[1] is None and (r, 2) in sh["formulas"] and (r, 3) in sh["formulas"], "file 5 municipality formulas"); nform += 1
            msum[curm] = [int(row[2]), 0]
    need(all(a == b for a, b in msum.values()) and nform >= 3, "file 5 municipality = sum of schools")
    need(int(g[3][2]) == sum(a for a, _ in msum.values()), "file 5 region = sum")

# ======== file 6 (CSV cp1251, TAB, CRLF, line breaks) ========
raw = open("files/" + FN[5], "rb").read()
need(raw.count(b"\r\n") > 20 and not raw.startswith(b"\xef\xbb\xbf"), "file 6 CRLF"); txt = raw.decode("cp1251")
L = list(csv.reader(io.StringIO(txt, newline=""), delimiter="\t"))
need(L[3][5] == "Кол-во\nучастников" and L[4][6] == "Получили\n«2»", "file 6 quoted line-break headers")
need(L[2][5] == "История" and L[2][11] == "Обществознание", "file 6 subject captions")
SUBJ = ("история", "обществознание"); t6 = [[0] * 5, [0] * 5]
for row in L[5:]:
    if row[3] == "Итого по региону":
        for i in range(2):
            need(int(row[5 + 6 * i]) == t6[i][0], "file 6 region participants")
            for j in range(4): need(abs(num(row[6 + 6 * i + j]) - Decimal(100 * t6[i][1 + j]) / t6[i][0]) <= Decimal("0.05"), "file 6 region %")
        last = True; continue
    code = by_name(row[4], row[3]); need((row[0], row[1], row[2]) == ("2025", "НИКО", "7"), "file 6 year/assessment/grade columns")
    for i in range(2):
        grp = row[5 + 6 * i: 11 + 6 * i]
        if not grp[0]: continue
        n = int(grp[0]); m = [from_pct(p, n) for p in grp[1:5]]
        for p, k in zip(grp[1:5], m): need("," in p or p.isdigit(), "file 6 decimal comma"); need(abs(num(p) * n / 100 - k) < Decimal("0.5"), "file 6 pct")
        put("results", 6, code, 2025, "НИКО", SUBJ[i], 7, n, m)
        for j, v in enumerate([n] + m): t6[i][j] += v
need(L[-1][3] == "Итого по региону", "file 6 region last")

# ======== compare with expected/ ========
def load(p): return list(csv.DictReader(open(p, encoding="utf-8")))
EXP = {}
for tab, cols in (("results", ["mark2", "mark3", "mark4", "mark5"]), ("confirmation", ["lowered", "confirmed", "raised"])):
    for r in load(f"expected/{tab}.csv"):
        EXP[(r["school_id"], int(r["year"]), r["assessment"], r["subject"], int(r["grade"]))] = (tab, [int(r["participants"])] + [int(r[c]) for c in cols])
if MUTATE:
    k = next(k for k, v in PKG.items() if v[0] == "results"); PKG[k][2][1] += 1
    k = next(k for k, v in PKG.items() if v[0] == "confirmation"); PKG[k][2][2] += 1
    del EXP[sorted(EXP)[-1]]
for k, (tab, fno, vals) in PKG.items():
    if k not in EXP: err(f"file {fno}: {k} not in expected")
    elif EXP[k] != (tab, vals): err(f"file {fno}: {k} read {tab} {vals}, expected {EXP[k]}")
for k in EXP:
    if k not in PKG: err(f"expected {k} not read from any file")
for f_i, f in enumerate(F):
    need(f["rows"] == sum(1 for v in PKG.values() if v[1] == f_i + 1), f"files.json rows of {f['file']}")
    need(sorted((p["assessment"], p["subject"], p["grade"], p["year"]) for p in f["procedures"]) ==
         sorted({(k[2], k[3], k[4], k[1]) for k, v in PKG.items() if v[1] == f_i + 1}), f"files.json procedures of {f['file']}")
    need(os.path.exists("files/" + f["file"]), f"missing {f['file']}")
sch = load("expected/schools.csv")
need({r["school_id"] for r in sch} == {k[0] for k in EXP} | ({k[0] for k in PKG} if not MUTATE else set()), "schools.csv = schools used")
for r in sch: need((r["name"], r["municipality_id"], r["municipality_name"]) == (BY[r["school_id"]]["name"], BY[r["school_id"]]["oktmo"], BY[r["school_id"]]["municipality"]), f"schools.csv {r['school_id']}")
need(250 <= len(EXP) <= 350, f"package size {len(EXP)}")
print(f"files 6, package rows read {len(PKG)} (results {sum(v[0]=='results' for v in PKG.values())}, confirmation {sum(v[0]=='confirmation' for v in PKG.values())}), expected {len(EXP)}; errors {len(ERR)}")
sys.exit(1 if ERR else 0)
