#!/usr/bin/env python3
"""Re-read every file in files/ with the stdlib and check it agrees with expected/ and files.json.

Readers are written per layout (header found by its text), independent of make.py's code paths: they do not import
make.py, only the XLSX reader in xlsxw.py. Exit 1 on any disagreement.
"""

import csv
import json
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

from xlsxw import read_xlsx

HERE = os.path.dirname(os.path.abspath(__file__))
FD = os.path.join(HERE, "files")
REGION = "Демонстрационная область (демо)"
ERR = []


def err(f, msg):
    ERR.append(f"{f}: {msg}")


def pct(c, n, d):
    q = Decimal(1).scaleb(-d) if d else Decimal(1)
    return (Decimal(c) * 100 / Decimal(n)).quantize(q, rounding=ROUND_HALF_UP)


def num(v):
    """A cell value (float, int, or text with a decimal comma) -> Decimal."""
    if isinstance(v, (int, float)):
        return Decimal(repr(float(v)))
    return Decimal(str(v).strip().replace(",", "."))


def decimals_of(v):
    if isinstance(v, float):
        v = repr(v)[:-2] if repr(v).endswith(".0") else repr(v)
    s = str(v).replace(",", ".")
    return len(s.split(".")[1]) if "." in s else 0


# ---------------------------------------------------------------- expected
def load_csv(name):
    with open(os.path.join(HERE, "expected", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


SCH = {r["school_id"]: r for r in load_csv("schools.csv")}
DEMO = {x["code"]: x for x in json.load(open(os.path.join(HERE, "demo-schools.json"), encoding="utf-8"))}
EXP_R, EXP_C = {}, {}
for r in load_csv("results.csv"):
    k = (r["school_id"], int(r["year"]), r["assessment"], r["subject"], int(r["grade"]))
    assert k not in EXP_R
    EXP_R[k] = [int(r["participants"]), int(r["mark2"])] + [int(r[c]) if r[c] != "" else None for c in ("mark3", "mark4", "mark5")]
for r in load_csv("confirmation.csv"):
    k = (r["school_id"], int(r["year"]), r["assessment"], r["subject"], int(r["grade"]))
    assert k not in EXP_C
    EXP_C[k] = [int(r[c]) for c in ("participants", "lowered", "confirmed", "raised")]
for k in list(EXP_R) + list(EXP_C):
    if k[0] not in SCH:
        err("expected", f"school {k[0]} not in schools.csv")
for code, r in SCH.items():
    d = DEMO.get(code)
    if not d or d["name"] != r["name"] or d["municipality"] != r["municipality_name"]:
        err("expected/schools.csv", f"{code} does not match demo-schools.json")
for k, v in EXP_R.items():
    if v[1] > v[0] or sum(x or 0 for x in v[1:]) > v[0]:
        err("expected/results.csv", f"{k}: marks exceed participants")
    if k[2] != "ЕГЭ" and sum(v[1:]) != v[0]:
        err("expected/results.csv", f"{k}: marks do not add up to participants")
    if k[2] == "ЕГЭ" and v[2:] != [None, None, None]:
        err("expected/results.csv", f"{k}: ЕГЭ has marks")
for k, v in EXP_C.items():
    if sum(v[1:]) != v[0]:
        err("expected/confirmation.csv", f"{k}: does not add up")

READ = {}  # key -> file it was read from (results and confirmation)


def got(f, key, table="results"):
    if key in READ:
        err(f, f"{key} already read from {READ[key]}")
    READ[key] = f
    exp = (EXP_R if table == "results" else EXP_C).get(key)
    if exp is None:
        err(f, f"{key} not in expected {table}")
    return exp


def check_counts(f, key, counts, table="results"):
    exp = got(f, key, table)
    if exp is not None and [exp[i] for i in range(len(counts))] != counts:
        err(f, f"{key}: file {counts} != expected {exp}")


def check_pcts(f, key, n, pcts, d, table="results", count_idx=(1, 2, 3, 4)):
    """n = participants from the file; pcts = cells in the order of count_idx; each must be pct(count, n, d)."""
    exp = got(f, key, table)
    if exp is None:
        return
    if n != exp[0]:
        err(f, f"{key}: participants {n} != {exp[0]}")
    for p, i in zip(pcts, count_idx):
        if decimals_of(p) > d or num(p) != pct(exp[i], exp[0], d):
            err(f, f"{key}: percent {p!r} != {pct(exp[i], exp[0], d)} (count {exp[i]} of {exp[0]})")


def subtotal(keys, table="results", idx=(0, 1, 2, 3, 4)):
    src = EXP_R if table == "results" else EXP_C
    return [sum(src[k][i] for k in keys) for i in idx]


def check_sub_pcts(f, label, keys, n, pcts, d, table="results", idx=(1, 2, 3, 4)):
    tot = subtotal(keys, table, (0,) + tuple(idx))
    if n != tot[0]:
        err(f, f"subtotal {label}: participants {n} != {tot[0]}")
    for p, c in zip(pcts, tot[1:]):
        if num(p) != pct(c, tot[0], d):
            err(f, f"subtotal {label}: {p!r} != {pct(c, tot[0], d)}")


def grid(cells):
    nr = max(r for r, _ in cells) if cells else 0
    nc = max(c for _, c in cells) if cells else 0
    return [[cells[(r, c)].value if (r, c) in cells else None for c in range(1, nc + 1)] for r in range(1, nr + 1)]


def find_row(g, text, col=None):
    for i, row in enumerate(g):
        for j, v in enumerate(row):
            if isinstance(v, str) and v.strip() == text and (col is None or j == col):
                return i
    raise KeyError(text)


def I(v):  # noqa: E743
    d = num(v)
    assert d == d.to_integral_value(), v
    return int(d)


def code_of_bracketed(f, cell):
    m = re.fullmatch(r"\((D-\d{4})\) (.+)", cell)
    if not m:
        return None
    if DEMO[m.group(1)]["name"] != m.group(2):
        err(f, f"name after code does not match: {cell}")
    return m.group(1)


FJ = {x["file"]: x for x in json.load(open(os.path.join(HERE, "files.json"), encoding="utf-8"))}
PER_FILE = {}


def keys_of(f):
    return [k for k, v in READ.items() if v == f]


# ---------------------------------------------------------------- F1
def r1(f):
    SUBJ = {"Русский язык": "русский язык", "Математика": "математика", "История": "история", "Биология": "биология"}
    for name, cells, merges in read_xlsx(os.path.join(FD, f)):
        g = grid(cells)
        if set(["A7:A8", "D7:G7"]) - set(merges):
            err(f, f"{name}: merged header missing")
        assert g[0][0] == "Всероссийские проверочные работы 2026 (5 класс)"
        subj = SUBJ[g[2][0].replace("Предмет: ", "")]
        if subj != SUBJ[name]:
            err(f, f"sheet {name} title says {g[2][0]}")
        h = find_row(g, "Группы участников")
        if g[h][3:7] != ["Распределение групп баллов в %", None, None, None] or g[h + 1][3:7] != ["2", "3", "4", "5"]:
            err(f, f"{name}: header {g[h]} {g[h + 1]}")
        muni, groups = None, {}
        for row in g[h + 2:]:
            label = row[0]
            if label == "Вся выборка":
                continue
            code = code_of_bracketed(f, label)
            key = (code, 2026, "ВПР", subj, 5)
            if code:
                if DEMO[code]["municipality"] != muni:
                    err(f, f"{code} under wrong municipality {muni}")
                groups.setdefault(muni, []).append(key)
                groups.setdefault(REGION, []).append(key)
                check_pcts(f, key, I(row[2]), row[3:7], 2)
            else:
                muni = label
        for row in g[h + 2:]:
            if row[0] in groups:
                check_sub_pcts(f, row[0], groups[row[0]], I(row[2]), row[3:7], 2)
                if I(row[1]) != len(groups[row[0]]):
                    err(f, f"Кол-во ОО of {row[0]}")


# ---------------------------------------------------------------- F2
def r2(f):
    [(name, cells, merges)] = read_xlsx(os.path.join(FD, f))
    g = grid(cells)
    h = find_row(g, "Код ОО")
    head = g[h]
    groups = {}
    for j, t in enumerate(head):
        m = re.fullmatch(r"(Русский язык|Математика) (\d+) кл\. — (участники|% «(\d)»)", t or "")
        if m:
            groups.setdefault((m.group(1).lower(), int(m.group(2))), {})[m.group(4) or "n"] = j
    assert len(groups) == 4, groups
    all_keys = {}
    for row in g[h + 1:]:
        if row[2] == "Итого по области":
            for (subj, gr), cols in groups.items():
                check_sub_pcts(f, "region", all_keys[(subj, gr)], I(row[cols["n"]]), [row[cols[k]] for k in "2345"], 0)
            continue
        code = row[1]
        if DEMO[code]["shortName"] != row[2] or DEMO[code]["municipality"] != row[3]:
            err(f, f"{code}: name/municipality")
        for (subj, gr), cols in groups.items():
            if row[cols["n"]] is None:
                if any(row[cols[k]] is not None for k in "2345"):
                    err(f, f"{code} {subj} {gr}: percents without participants")
                continue
            key = (code, 2026, "ВПР", subj, gr)
            all_keys.setdefault((subj, gr), []).append(key)
            vals = [row[cols[k]] for k in "2345"]
            if any(isinstance(v, float) and v != int(v) for v in vals):
                err(f, "non-whole percent")
            check_pcts(f, key, I(row[cols["n"]]), vals, 0)


# ---------------------------------------------------------------- F3 (formulas)
def eval_formula(formula, cells):
    """Evaluate the few Excel forms used (ROUND, SUM over a column range, + - * /, cell refs) with Decimal."""
    from xlsxw import parse_ref

    def rng_sum(m):
        (r1, c1), (r2, c2) = parse_ref(m.group(1)), parse_ref(m.group(2))
        return "(" + "+".join(f"D({cells[(r, c1)].value!r})" for r in range(r1, r2 + 1) if (r, c1) in cells) + ")"

    expr = re.sub(r"SUM\(([A-Z]+\d+):([A-Z]+\d+)\)", rng_sum, formula)
    expr = re.sub(r"\b([A-Z]+\d+)\b", lambda m: f"D({cells[parse_ref(m.group(1))].value!r})", expr)
    expr = expr.replace("ROUND(", "RND(")
    assert re.fullmatch(r"[RND()D0-9.,+\-*/ ]+", expr), expr

    def D(x):
        return Decimal(repr(float(x)))

    def RND(x, n):
        return x.quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP)

    return eval(expr, {"D": D, "RND": RND})  # noqa: S307 — expression checked above


def r3(f):
    [(name, cells, merges)] = read_xlsx(os.path.join(FD, f))
    g = grid(cells)
    nform = 0
    for rc, cell in cells.items():
        if cell.formula:
            nform += 1
            v = eval_formula(cell.formula, cells)
            if v != num(cell.value):
                err(f, f"{rc}: formula {cell.formula} = {v}, cached {cell.value}")
    if nform < 100:
        err(f, f"only {nform} formulas")
    h = find_row(g, "Писали")
    head = g[h]
    c = {t: j for j, t in enumerate(head)}
    pending, subs = [], []
    for i, row in enumerate(g[h + 1:], start=h + 2):
        label = row[c["Муниципалитет"]] or ""
        # every percent/average cell must be a formula whose cached value is correct
        for t in ("Успеваемость, %", "Качество, %", "Ср. балл"):
            cell = cells.get((i, c[t] + 1))
            if cell is None or not cell.formula or not cell.formula.startswith("ROUND("):
                err(f, f"row {i} {t}: not a ROUND formula")
        n = I(row[c["Писали"]])
        m = [I(row[c[t]]) for t in ("Неуд.", "Удовл.", "Хор.", "Отл.")]
        if num(row[c["Успеваемость, %"]]) != pct(n - m[0], n, 1) or num(row[c["Качество, %"]]) != pct(m[2] + m[3], n, 1):
            err(f, f"row {i}: cached % wrong")
        avg = (Decimal(2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if num(row[c["Ср. балл"]]) != avg:
            err(f, f"row {i}: cached average wrong")
        if label.startswith("Итого по МО: ") or label == "Итого по области":
            for t in ("Писали", "Неуд.", "Удовл.", "Хор.", "Отл."):
                cell = cells[(i, c[t] + 1)]
                if not cell.formula:
                    err(f, f"row {i}: subtotal {t} is not a formula")
            if label == "Итого по области":
                keys = [k for ks in subs for k in ks]
            else:
                keys = pending
                if any(DEMO[k[0]]["municipality"] != label[len("Итого по МО: "):] for k in keys):
                    err(f, f"{label}: schools of another municipality")
                subs.append(pending)
                pending = []
            if [n] + m != subtotal(keys):
                err(f, f"{label}: {[n] + m} != {subtotal(keys)}")
            continue
        code = row[c["Логин"]]
        if DEMO[code]["name"] != row[c["ОО"]] or DEMO[code]["municipality"] != label:
            err(f, f"{code}: name/municipality")
        key = (code, 2026, "РДР", "математика", I(row[c["Класс"]]))
        pending.append(key)
        check_counts(f, key, [n] + m)
        if I(row[c["Кол-во уч-ся по списку"]]) < n:
            err(f, f"{key}: fewer listed than wrote")


# ---------------------------------------------------------------- F4 (by name)
def norm(s):
    return s.replace("«", '"').replace("»", '"').strip()


def r4(f):
    [(name, cells, merges)] = read_xlsx(os.path.join(FD, f))
    g = grid(cells)
    if set(["C3:H3", "I3:N3", "A3:A4", "B3:B4"]) - set(merges):
        err(f, "merged header missing")
    h = find_row(g, "АТЕ")
    years = {}
    for j, t in enumerate(g[h]):
        if t in ("2025", "2026"):
            years[int(t)] = j
    assert g[h + 1][years[2025]:years[2025] + 6] == ["Кол-во участников", "«2»", "«3»", "«4»", "«5»", "Средняя отметка"]
    by_name = {}
    for code, d in DEMO.items():
        by_name.setdefault((d["municipality"], norm(d["name"])), []).append(code)
    keys = {2025: [], 2026: []}
    region_row = None
    for row in g[h + 2:]:
        if row[0] == "Всего по области":
            region_row = row
            continue
        cands = by_name.get((row[0], norm(row[1])), [])
        if len(cands) != 1:
            err(f, f"name {row[1]} in {row[0]} resolves to {cands}")
            continue
        for y, j in years.items():
            if row[j] is None:
                if (cands[0], y, "ОГЭ", "русский язык", 9) in EXP_R:
                    err(f, f"{cands[0]} {y} empty in file but expected")
                continue
            key = (cands[0], y, "ОГЭ", "русский язык", 9)
            n, m = I(row[j]), [I(x) for x in row[j + 1:j + 5]]
            check_counts(f, key, [n] + m)
            avg = (Decimal(2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            if num(row[j + 5]) != avg:
                err(f, f"{key}: average {row[j + 5]} != {avg}")
            keys[y].append(key)
    for y, j in years.items():
        if [I(x) for x in region_row[j:j + 5]] != subtotal(keys[y]):
            err(f, f"region {y} total")


# ---------------------------------------------------------------- F5 (ЕГЭ csv, utf-8, comma, quoted decimals)
def r5(f):
    raw = open(os.path.join(FD, f), "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf") or b"\r\n" not in raw:
        err(f, "not UTF-8 with BOM / CRLF")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    if not re.search(r'"\d+,\d"', raw.decode("utf-8-sig")):
        err(f, "no quoted decimal commas")
    h = [i for i, r in enumerate(rows) if r and r[0] == "Код ОО"][0]
    c = {t: j for j, t in enumerate(rows[h])}
    SUBJ = {"Математика профильная": "математика (профильный уровень)", "Физика": "физика", "Информатика и ИКТ": "информатика", "Химия": "химия"}
    pend = []
    for r in rows[h + 1:]:
        subj = SUBJ[r[c["Предмет"]]]
        if r[c["Наименование ОО"]] == "Итого по региону":
            check_sub_pcts(f, "region " + subj, pend, int(r[c["Количество участников"]]), [r[c["Не преодолели минимальный порог, %"]]], 1, idx=(1,))
            pend = []
            continue
        code = r[c["Код ОО"]]
        if DEMO[code]["name"] != r[c["Наименование ОО"]] or DEMO[code]["municipality"] != r[c["АТЕ"]]:
            err(f, f"{code}: name/municipality")
        key = (code, 2026, "ЕГЭ", subj, 11)
        pend.append(key)
        p = r[c["Не преодолели минимальный порог, %"]]
        if "," not in p:
            err(f, f"{key}: percent without decimal comma")
        check_pcts(f, key, int(r[c["Количество участников"]]), [p], 1, count_idx=(1,))


# ---------------------------------------------------------------- F6 (cp1251 ; confirmation)
def r6(f):
    raw = open(os.path.join(FD, f), "rb").read()
    try:
        raw.decode("utf-8")
        err(f, "decodes as UTF-8 (should be Windows-1251)")
    except UnicodeDecodeError:
        pass
    if b"\r\n" not in raw:
        err(f, "no CRLF")
    rows = list(csv.reader(raw.decode("cp1251").splitlines(), delimiter=";"))
    if rows[1][0] != "ВПР 2025, 7 класс":
        err(f, "title")
    h = [i for i, r in enumerate(rows) if r and r[0] == "Логин"][0]
    c = {t: j for j, t in enumerate(rows[h])}
    P = ["Понизили (Отметка < Отметка по журналу) %", "Подтвердили (Отметка = Отметке по журналу) %", "Повысили (Отметка > Отметка по журналу) %"]
    SUBJ = {"Математика": "математика", "Русский язык": "русский язык"}
    region = {}
    keys = {}
    for r in rows[h + 1:]:
        subj = SUBJ[r[c["Предмет"]]]
        if r[c["Наименование ОО"]] == REGION:
            region[subj] = r
            continue
        code = r[c["Логин"]]
        if DEMO[code]["name"] != r[c["Наименование ОО"]]:
            err(f, f"{code}: name")
        key = (code, 2025, "ВПР", subj, 7)
        keys.setdefault(subj, []).append(key)
        check_pcts(f, key, int(r[c["Кол-во участников"]]), [r[c[p]] for p in P], 2, "confirmation", (1, 2, 3))
    for subj, r in region.items():
        check_sub_pcts(f, "region " + subj, keys[subj], int(r[c["Кол-во участников"]]), [r[c[p]] for p in P], 2, "confirmation", (1, 2, 3))


# ---------------------------------------------------------------- F7 (text numbers)
def r7(f):
    [(name, cells, merges)] = read_xlsx(os.path.join(FD, f))
    g = grid(cells)
    fx = FJ[f]["what a user must do"]["fixed"]
    proc = (fx["year"], fx["assessment"], fx["subject"], fx["grade"])
    if g[1][2:] != ["чел.", "%"] * 4 or g[0][2] != '"2"':
        err(f, "header")
    keys = []
    for i, row in enumerate(g[2:], start=3):
        for j in range(2, 11):
            if cells[(i, j)].kind != "s":
                err(f, f"row {i} col {j}: a number cell, expected text")
        n = I(row[1])
        m = [I(row[j]) for j in (2, 4, 6, 8)]
        ps = [row[j] for j in (3, 5, 7, 9)]
        if row[0] == "Итого":
            if [n] + m != subtotal(keys):
                err(f, "Итого")
            continue
        mm = re.fullmatch(r"(D-\d{4}) (.+)", row[0])
        code = mm.group(1)
        if DEMO[code]["name"] != mm.group(2):
            err(f, f"{code}: name")
        key = (code,) + proc
        keys.append(key)
        check_counts(f, key, [n] + m)
        for c_, p in zip(m, ps):
            if "," not in p and pct(c_, n, 1) != pct(c_, n, 1).to_integral_value():
                err(f, f"{key}: percent {p} has no decimal comma")
            if num(p) != pct(c_, n, 1):
                err(f, f"{key}: {p} != {pct(c_, n, 1)}")


# ---------------------------------------------------------------- F8 (НИКО, sheet per grade)
def r8(f):
    for name, cells, merges in read_xlsx(os.path.join(FD, f)):
        g = grid(cells)
        grade = int(re.fullmatch(r"(\d+) класс", name).group(1))
        if g[2][0] != f"Параллель: {grade} класс" or g[1][0] != "Учебный предмет: Литература" or "2025" not in g[0][0]:
            err(f, f"{name}: title")
        h = find_row(g, "Логин ОО")
        if "E5:H5" not in merges:
            err(f, "merge")
        groups, cur = {}, None
        sub_rows = []
        for row in g[h + 2:]:
            if row[2] in ("Итого по муниципалитету", "Итого по субъекту РФ"):
                sub_rows.append(row)
                cur = row[0]
                continue
            code = row[1]
            if DEMO[code]["name"] != row[2] or DEMO[code]["municipality"] != row[0] or row[0] != cur:
                err(f, f"{code}: name/municipality/group")
            key = (code, 2025, "НИКО", "литература", grade)
            groups.setdefault(cur, []).append(key)
            groups.setdefault(REGION, []).append(key)
            check_pcts(f, key, I(row[3]), row[4:8], 1)
        for row in sub_rows:
            check_sub_pcts(f, row[0], groups[row[0]], I(row[3]), row[4:8], 1)


READERS = {
    "ВПР-2026_5_класс_Статистика_по_отметкам_(все_предметы).xlsx": r1,
    "Свод_ВПР_2026_4_и_6_классы_по_ОО.xlsx": r2,
    "РДР_математика_7-8_кл_2026_итоги.xlsx": r3,
    "ОГЭ_русский_язык_2025-2026_сравнение_по_ОО.xlsx": r4,
    "ege_2026_rezultaty_OO.csv": r5,
    "ВПР_2025_7кл_сравнение_с_журналом.csv": r6,
    "Книга1.xlsx": r7,
    "НИКО_2025_литература_результаты_ОО.xlsx": r8,
}


def main():
    on_disk = sorted(os.listdir(FD))
    if sorted(READERS) != on_disk or sorted(FJ) != on_disk:
        err("files", f"files on disk {on_disk} vs readers/files.json")
    for f, rd in READERS.items():
        try:
            rd(f)
        except Exception as e:  # a reader that cannot read is a failure, not a crash
            err(f, f"reader failed: {type(e).__name__}: {e}")
        ks = keys_of(f)
        fj = FJ.get(f, {})
        if fj.get("rows") != len(ks):
            err(f, f"files.json rows {fj.get('rows')} != read {len(ks)}")
        procs = sorted({(k[2], k[3], k[4], k[1]) for k in ks})
        fj_procs = sorted((p["assessment"], p["subject"], p["grade"], p["year"]) for p in fj.get("procedures", []))
        if procs != fj_procs:
            err(f, f"files.json procedures {fj_procs} != read {procs}")
        schools = {k[0] for k in ks}
        munis = {DEMO[c]["municipality"] for c in schools}
        if not (20 <= len(schools) <= 60) or len(munis) < 3:
            err(f, f"{len(schools)} schools from {len(munis)} municipalities")
        PER_FILE[f] = (len(ks), len(schools), len(munis))
    missing = (set(EXP_R) | set(EXP_C)) - set(READ)
    for k in sorted(missing):
        err("expected", f"{k} is in no file")
    used = {k[0] for k in READ}
    if used != set(SCH):
        err("expected/schools.csv", f"schools not used / missing: {sorted(set(SCH) ^ used)}")
    for f, (n, s, m) in PER_FILE.items():
        print(f"{f}: {n} package rows, {s} schools, {m} municipalities")
    print(f"expected: {len(SCH)} schools, {len(EXP_R)} results, {len(EXP_C)} confirmation; read {len(READ)} keys")
    if ERR:
        print(f"{len(ERR)} ERRORS")
        for e in ERR[:60]:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
