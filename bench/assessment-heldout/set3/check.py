#!/usr/bin/env python3
"""Re-reads every file in files/ (stdlib only, a reader per layout, headers found by their text) and checks it
against expected/ and files.json. Exit 1 on any disagreement."""
import csv
import json
import os
import sys
from decimal import ROUND_HALF_UP, Decimal

from xlsxw import read_xlsx

HERE = os.path.dirname(os.path.abspath(__file__))
F = os.path.join(HERE, "files")
REGION = "Демонстрационная область (демо)"
ERR = []
SCHOOLS = json.load(open(os.path.join(HERE, "demo-schools.json"), encoding="utf-8"))
BY_CODE = {s["code"]: s for s in SCHOOLS}
BY_NAME = {(s["municipality"], s["name"]): s["code"] for s in SCHOOLS}
MUNIS = {s["municipality"] for s in SCHOOLS}


def err(msg):
    ERR.append(msg)


def P(count, n, d):
    return (Decimal(count * 100) / Decimal(n)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)


def same_pct(cell, count, n, d, where):
    want = P(count, n, d)
    if isinstance(cell, str):
        got = Decimal(cell.replace(",", ".").rstrip("%"))
        if len(cell.replace(",", ".").rstrip("%").split(".")[-1]) != d and d:
            err(f"{where}: {cell!r} has not {d} decimals")
    else:
        got = Decimal(repr(cell))
    if got != want:
        err(f"{where}: percent {cell} != {want} ({count}/{n})")


def load_expected():
    res, conf = {}, {}
    with open(os.path.join(HERE, "expected", "results.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            k = (r["school_id"], int(r["year"]), r["assessment"], r["subject"], int(r["grade"]))
            res[k] = tuple(int(r[c]) if r[c] != "" else None for c in ["participants", "mark2", "mark3", "mark4", "mark5"])
    with open(os.path.join(HERE, "expected", "confirmation.csv"), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            k = (r["school_id"], int(r["year"]), r["assessment"], r["subject"], int(r["grade"]))
            conf[k] = tuple(int(r[c]) for c in ["participants", "lowered", "confirmed", "raised"])
    with open(os.path.join(HERE, "expected", "schools.csv"), encoding="utf-8") as fh:
        sch = {r["school_id"]: r for r in csv.DictReader(fh)}
    return res, conf, sch


EXP_RES, EXP_CONF, EXP_SCH = load_expected()
READ = {}  # key -> (file, table, values)
PER_FILE = {}


def got(fname, table, key, vals):
    PER_FILE.setdefault(fname, set()).add(key)
    if key in READ:
        err(f"{fname}: {key} already read from {READ[key][0]}")
    READ[key] = (fname, table, tuple(vals))


def find(grid, text):
    for (r, c), v in sorted(grid.items()):
        if v == text:
            return r, c
    raise KeyError(text)


def sumv(rows):
    return [sum(x[i] for x in rows) for i in range(len(rows[0]))]


def subj_of(fname):
    return FJ[fname].get("subjects (file spelling -> package)", {})


FJ = {x["file"]: x for x in json.load(open(os.path.join(HERE, "files.json"), encoding="utf-8"))}


# ---------------------------------------------------------------- F1
def f1(fname):
    (name, g, merges, texts), = read_xlsx(os.path.join(F, fname))
    hr, cc = find(g, "Код ОО")
    cn = find(g, "Наименование ОО")[1]
    cate = find(g, "Наименование АТЕ")[1]
    cp = find(g, "Кол-во\nучастников")[1]
    cavg = find(g, "Средняя\nотметка")[1]
    r0, c0 = find(g, "Получили отметку")
    if (r0, c0, r0, c0 + 7) not in merges:
        err(f"{fname}: «Получили отметку» not merged over 8 columns")
    if (hr, cp, hr + 2, cp) not in merges:
        err(f"{fname}: participants header not merged over 3 rows")
    marks = {}
    for i, mk in enumerate("2345"):
        c = find(g, f"«{mk}»")[1]
        if g.get((hr + 2, c)) != "чел." or g.get((hr + 2, c + 1)) != "%":
            err(f"{fname}: «{mk}» not over чел./%")
        marks[i] = c
    maxr = max(r for r, _ in g)
    spacers = [c for c in range(cavg) if not any(g.get((r, c)) not in (None, "") for r in range(hr, maxr + 1))]
    if len(spacers) < 2:
        err(f"{fname}: expected empty spacer columns, got {spacers}")
    rows, pending, region = [], None, None

    def close():
        if pending:
            r, v, kids = pending
            if not kids or v != sumv(kids):
                err(f"{fname}: АТЕ row {r + 1} {v} != sum of its schools")

    for r in range(hr + 3, maxr + 1):
        n = g.get((r, cp))
        m = [g.get((r, marks[i])) for i in range(4)]
        for i in range(4):
            same_pct(g.get((r, marks[i] + 1)), m[i], n, 1, f"{fname} r{r + 1}")
        avg = (Decimal(sum((i + 2) * m[i] for i in range(4))) / Decimal(n)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        if Decimal(repr(g.get((r, cavg)))) != avg:
            err(f"{fname} r{r + 1}: average {g.get((r, cavg))} != {avg}")
        v = [n] + m
        code = g.get((r, cc))
        if code:
            s = BY_CODE[code]
            if g.get((r, cn)) != s["name"] or g.get((r, cate)) != s["municipality"]:
                err(f"{fname} r{r + 1}: name/АТЕ mismatch")
            got(fname, "results", (code, 2026, "ОГЭ", "математика", 9), v + [])
            rows.append(v)
            pending[2].append(v)
        elif g.get((r, cn)) == "Всего по региону":
            region = v
        elif g.get((r, cn)) == "Итого по АТЕ":
            close()
            pending = (r, v, [])
        else:
            err(f"{fname} r{r + 1}: unknown row")
    close()
    if region != sumv(rows):
        err(f"{fname}: region row != sum")


# ---------------------------------------------------------------- F2
def f2(fname):
    (name, g, merges, texts), = read_xlsx(os.path.join(F, fname))
    hr, cname = find(g, "Образовательная организация")
    cm = find(g, "Муниципальное образование")[1]
    groups = [(c, g[(hr, c)]) for c in range(cname + 1, 60) if g.get((hr, c))]
    for c, lab in groups:
        if (hr, c, hr, c + 4) not in merges:
            err(f"{fname}: {lab} not merged")
        if [g.get((hr + 1, c + i)) for i in range(5)] != ["Участников", "«2»", "«3»", "«4»", "«5»"]:
            err(f"{fname}: {lab} sub-headers")
    maxr = max(r for r, _ in g)
    sub = subj_of(fname)
    seen_munis, blank_before, prev, school_rows, total = [], 0, None, {c: [] for c, _ in groups}, None
    for r in range(hr + 2, maxr + 1):
        if not any(g.get((r, c)) not in (None, "") for c in range(0, 40)):
            blank_before += 1
            continue
        if g.get((r, cm)) == "Итого по региону":
            total = r
            continue
        mun = g.get((r, cm))
        if mun != prev:
            if prev is not None and blank_before != 1:
                err(f"{fname} r{r + 1}: no single blank row between municipalities")
            if mun in seen_munis:
                err(f"{fname}: not sorted by municipality")
            seen_munis.append(mun)
            prev = mun
        elif blank_before:
            err(f"{fname} r{r + 1}: blank row inside a municipality")
        blank_before = 0
        cell = g[(r, cname)]
        code, rest = cell.split(" ", 1)
        if BY_CODE[code]["name"] != rest or BY_CODE[code]["municipality"] != mun:
            err(f"{fname} r{r + 1}: name mismatch")
        for c, lab in groups:
            v = [g.get((r, c + i)) for i in range(5)]
            if v[0] is None:
                if any(x is not None for x in v):
                    err(f"{fname} r{r + 1}: partial group")
                continue
            got(fname, "results", (code, 2026, "ВПР", sub[lab], 8), v)
            school_rows[c].append(v)
    if len(seen_munis) < 3:
        err(f"{fname}: fewer than 3 municipalities")
    for c, lab in groups:
        if [g.get((total, c + i)) for i in range(5)] != sumv(school_rows[c]):
            err(f"{fname}: total {lab} != sum")


# ---------------------------------------------------------------- F3
def f3(fname):
    sheets = read_xlsx(os.path.join(F, fname))
    if [s[0] for s in sheets] != ["Титульный лист", "Результаты по ОО"]:
        err(f"{fname}: sheets {[s[0] for s in sheets]}")
    cover = sheets[0][1]
    if any(not isinstance(v, str) for v in cover.values()) or not any("2026" in v for v in cover.values()):
        err(f"{fname}: cover sheet not text-only / no year")
    g = sheets[1][1]
    H = {v: c for (r, c), v in g.items() if r == 0}
    maxr = max(r for r, _ in g)
    sub = subj_of(fname)
    kids, notes = [], 0
    for r in range(1, maxr + 1):
        if g.get((r, H["Субъект РФ"])) != REGION:
            err(f"{fname} r{r + 1}: region column")
        lab = g[(r, H["Предмет"])]
        n = g[(r, H["Кол-во\nучастников"])]
        below = g[(r, H["Не преодолели\nминимальный\nпорог, чел."])]
        if g.get((r, H["Наименование ОО"])) == "Итого по субъекту":
            if [n, below] != sumv(kids):
                err(f"{fname} r{r + 1}: subject total != sum")
            kids = []
            continue
        code = g[(r, H["Код ОО"])]
        s = BY_CODE[code]
        if g[(r, H["АТЕ"])] != s["municipality"] or g[(r, H["Наименование ОО"])] != s["name"]:
            err(f"{fname} r{r + 1}: name/АТЕ mismatch")
        avg = g[(r, H["Средний\nтестовый\nбалл"])]
        if not (0 <= avg <= 100) or g[(r, H["Получили\n81-99\nбаллов"])] + g[(r, H["Получили\n100\nбаллов"])] > n:
            err(f"{fname} r{r + 1}: score columns implausible")
        notes += bool(g.get((r, H["Примечание"])))
        got(fname, "results", (code, 2026, "ЕГЭ", sub[lab], 11), [n, below, None, None, None])
        kids.append([n, below])
    if kids:
        err(f"{fname}: rows after last total")
    if not notes:
        err(f"{fname}: no Примечание text")


# ---------------------------------------------------------------- F4
def f4(fname):
    raw = open(os.path.join(F, fname), "rb").read()
    if not raw.startswith(b"\xff\xfe"):
        err(f"{fname}: no UTF-16LE BOM")
    text = raw[2:].decode("utf-16-le")
    if "\r\n" not in text:
        err(f"{fname}: not CRLF")
    lines = list(csv.reader(text.splitlines(), delimiter="\t"))
    if "2025" not in lines[0][0]:
        err(f"{fname}: year not in title")
    hdr = lines[1]
    ix = {h: i for i, h in enumerate(hdr)}
    sub = subj_of(fname)
    kids = []
    for ln in lines[2:]:
        n = int(ln[ix["Кол-во участников"]])
        pc = [ln[ix[f"% «{k}»"]] for k in "2345"]
        if ln[0] == "Итого по региону":
            t = sumv(kids)
            for i in range(4):
                same_pct(pc[i], t[i + 1], t[0], 0, f"{fname} total")
            if t[0] != n:
                err(f"{fname}: total participants")
            kids = []
            continue
        code = BY_NAME[(ln[ix["Муниципалитет"]], ln[ix["Образовательная организация"]])]
        e = EXP_RES[(code, 2025, "ВПР", sub[ln[ix["Предмет"]]], int(ln[ix["Класс"]]))]
        for i in range(4):
            same_pct(pc[i], e[i + 1], n, 0, f"{fname} {code}")
        if any("." in p or "," in p for p in pc):
            err(f"{fname}: not whole percent")
        # counts are not in the file: participants must match and percents must come from the expected counts
        got(fname, "results", (code, 2025, "ВПР", sub[ln[ix["Предмет"]]], int(ln[ix["Класс"]])), [n] + list(e[1:]))
        kids.append([n] + list(e[1:]))


# ---------------------------------------------------------------- F5
def f5(fname):
    raw = open(os.path.join(F, fname), "rb").read()
    try:
        raw.decode("utf-8")
        err(f"{fname}: decodes as UTF-8, expected cp1251")
    except UnicodeDecodeError:
        pass
    if b"\r\n" not in raw:
        err(f"{fname}: not CRLF")
    lines = list(csv.reader(raw.decode("cp1251").splitlines(), delimiter=";"))
    hi = next(i for i, ln in enumerate(lines) if ln and ln[0] == "Код ОО")
    if not any("2026" in ln[0] and "7 класс" in ln[0] for ln in lines[:hi]):
        err(f"{fname}: title lacks year/grade")
    ix = {h: i for i, h in enumerate(lines[hi])}
    cols = [c for c in lines[hi] if c.startswith(("Понизили", "Подтвердили", "Повысили"))]
    sub = subj_of(fname)
    blocks, region, muni = [], None, None  # block: (kind, name, subject, n, pcts, kids)
    for ln in lines[hi + 1:]:
        n = int(ln[ix["Кол-во участников"]])
        pc = [ln[ix[c]] for c in cols]
        subj = sub[ln[ix["Предмет"]]]
        code = ln[ix["Код ОО"]]
        if code:
            e = EXP_CONF[(code, 2026, "ВПР", subj, 7)]
            if e[0] != n:
                err(f"{fname} {code}: participants {n} != {e[0]}")
            for i in range(3):
                same_pct(pc[i], e[i + 1], n, 2, f"{fname} {code}")
            if ln[ix["Наименование ОО"]] != BY_CODE[code]["name"]:
                err(f"{fname} {code}: name")
            if muni is None or muni[2] != subj or BY_CODE[code]["municipality"] != muni[1] or region[2] != subj:
                err(f"{fname} {code}: not under its municipality line")
            got(fname, "confirmation", (code, 2026, "ВПР", subj, 7), list(e))
            region[5].append(list(e))
            muni[5].append(list(e))
        else:
            nm = ln[ix["Наименование ОО"]]
            kind = "region" if nm == REGION else "muni"
            if kind == "muni" and nm not in MUNIS:
                err(f"{fname}: unknown subtotal {nm}")
            b = (kind, nm, subj, n, pc, [])
            blocks.append(b)
            if kind == "region":
                region, muni = b, None
            else:
                muni = b
    for kind, nm, subj, n, pc, kids in blocks:
        t = sumv(kids)
        if t[0] != n:
            err(f"{fname}: subtotal {nm} {subj} participants {n} != {t[0]}")
        for i in range(3):
            same_pct(pc[i], t[i + 1], t[0], 2, f"{fname} subtotal {nm}")


# ---------------------------------------------------------------- F6
def f6(fname):
    (name, g, merges, texts), = read_xlsx(os.path.join(F, fname))
    if name != "Лист1":
        err(f"{fname}: sheet {name}")
    H = {v: c for (r, c), v in g.items() if r == 0}
    fx = FJ[fname]["what a user must do"]["fixed"]
    maxr = max(r for r, _ in g)
    kids = []
    for r in range(1, maxr + 1):
        v = [g[(r, H[h])] for h in ["Всего писали", "Неудовл.", "Удовл.", "Хорошо", "Отлично"]]
        if g.get((r, H["Школа"])) == "Итого":
            if v != sumv(kids):
                err(f"{fname}: Итого != sum")
            continue
        code = g[(r, H["Код"])]
        if g[(r, H["Школа"])] + " (демо)" != BY_CODE[code]["name"]:
            err(f"{fname} r{r + 1}: name")
        same_pct(g[(r, H["Успеваемость"])], v[0] - v[1], v[0], 0, f"{fname} r{r + 1}")
        same_pct(g[(r, H["Качество"])], v[3] + v[4], v[0], 0, f"{fname} r{r + 1}")
        got(fname, "results", (code, fx["year"], fx["assessment"], fx["subject"], fx["grade"]), v)
        kids.append(v)
    alltext = " ".join(str(x) for x in g.values()) + " " + fname
    for word in ["ВПР", "2026", "еограф", "класс"]:
        if word in alltext:
            err(f"{fname}: says {word!r} but should not say the procedure")


# ---------------------------------------------------------------- F7
def f7(fname):
    (name, g, merges, texts), = read_xlsx(os.path.join(F, fname))
    hr, cn = find(g, "Наименование\nМО / ОО")
    groups = [(c, g[(hr, c)]) for c in range(cn + 1, 60) if g.get((hr, c))]
    sub = subj_of(fname)
    maxr = max(r for r, _ in g)
    mun, rows = None, []
    for r in range(hr + 2, maxr + 1):
        nm = g[(r, cn)]
        kind = "region" if nm == REGION else "muni" if nm in MUNIS else "school"
        if kind == "muni":
            mun = nm
        vals = {}
        for c, lab in groups:
            n = g.get((r, c))
            if n is None:
                if any(g.get((r, c + i)) is not None for i in range(1, 5)):
                    err(f"{fname} r{r + 1}: shares without participants")
                continue
            sh = [g.get((r, c + i)) for i in range(1, 5)]
            for i in range(4):
                if (r, c + 1 + i) not in texts or not sh[i].endswith("%") or "," not in sh[i]:
                    err(f"{fname} r{r + 1}: share {sh[i]!r} is not a «12,5%» text cell")
            vals[lab] = (n, sh)
        rows.append((kind, nm, mun, vals))
    schools = [x for x in rows if x[0] == "school"]
    for kind, nm, m, vals in schools:
        code = BY_NAME[(m, nm)]
        for lab, (n, sh) in vals.items():
            e = EXP_RES[(code, 2026, "ВПР", sub[lab], 6)]
            if e[0] != n:
                err(f"{fname} {code}: participants")
            for i in range(4):
                same_pct(sh[i], e[i + 1], n, 1, f"{fname} {code} {lab}")
            got(fname, "results", (code, 2026, "ВПР", sub[lab], 6), list(e))
    for kind, nm, m, vals in rows:
        if kind == "school":
            continue
        kids = [x for x in schools if kind == "region" or x[2] == nm]
        for lab, (n, sh) in vals.items():
            t = sumv([list(EXP_RES[(BY_NAME[(x[2], x[1])], 2026, "ВПР", sub[lab], 6)]) for x in kids if lab in x[3]])
            if t[0] != n:
                err(f"{fname}: {nm} {lab} participants")
            for i in range(4):
                same_pct(sh[i], t[i + 1], t[0], 1, f"{fname} {nm} {lab}")


READERS = {"РЦОИ_ОГЭ-2026_математика_по_ОО.xlsx": f1, "ВПР_2026_8_классы_количество_отметок_по_предметам.xlsx": f2,
           "Отчёт_ЕГЭ_2026_по_ОО.xlsx": f3, "vpr_2025_5kl_istoriya_biologiya.csv": f4,
           "sravnenie_s_zhurnalom_VPR_2026_7kl.csv": f5, "Результаты.xlsx": f6,
           "Свод_ВПР_2026_6_класс_доли_отметок.xlsx": f7}

if sorted(os.listdir(F)) != sorted(READERS) or sorted(FJ) != sorted(READERS):
    err(f"files/ or files.json do not list exactly the 7 files: {sorted(os.listdir(F))}")
for fn, fun in READERS.items():
    try:
        fun(fn)
    except Exception as e:  # a reader crash is a failure, not a skip
        err(f"{fn}: reader failed: {type(e).__name__}: {e}")

# every expected key read exactly once, with the same numbers
for table, exp in (("results", EXP_RES), ("confirmation", EXP_CONF)):
    for k, v in exp.items():
        if k not in READ:
            err(f"{table}: {k} not found in any file")
        elif READ[k][1] != table or READ[k][2] != v:
            err(f"{table}: {k} read {READ[k][1:]} != expected {v}")
for k in READ:
    if k not in EXP_RES and k not in EXP_CONF:
        err(f"{k} read from {READ[k][0]} but not expected")
if set(EXP_RES) & set(EXP_CONF):
    err("a key is in both results and confirmation")
used = {k[0] for k in READ}
if used != set(EXP_SCH):
    err(f"schools.csv lists {len(EXP_SCH)} schools, files use {len(used)}")
for c, r in EXP_SCH.items():
    if r["name"] != BY_CODE[c]["name"] or r["municipality_name"] != BY_CODE[c]["municipality"]:
        err(f"schools.csv {c} mismatch")

# files.json agrees with what was read
for fn, x in FJ.items():
    keys = PER_FILE.get(fn, set())
    procs = sorted({(k[2], k[3], k[4], k[1]) for k in keys})
    want = sorted((p["assessment"], p["subject"], p["grade"], p["year"]) for p in x["procedures"])
    if procs != want:
        err(f"files.json {fn}: procedures {want} != read {procs}")
    if x["rows"] != len(keys):
        err(f"files.json {fn}: rows {x['rows']} != read {len(keys)}")
    nsch = len({k[0] for k, v in READ.items() if v[0] == fn})
    nmun = len({BY_CODE[k[0]]["municipality"] for k, v in READ.items() if v[0] == fn})
    if not (20 <= nsch <= 60) or nmun < 3:
        err(f"{fn}: {nsch} schools from {nmun} municipalities")

for e in ERR[:40]:
    print("ERROR", e)
print(f"{len(READ)} keys read from {len(PER_FILE)} files; expected {len(EXP_RES)} results + {len(EXP_CONF)} confirmation; {len(ERR)} errors")
sys.exit(1 if ERR else 0)
