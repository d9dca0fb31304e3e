#!/usr/bin/env python3
"""Re-read every file in files/ (stdlib only) and check it agrees with expected/ and files.json.

Counts must equal the package; a percent cell must equal round_half_up(count / participants * 100, d) with the
file's d; subtotal rows must equal the sum of the school rows they cover; every (school, year, assessment,
subject, grade) of expected/results.csv and expected/confirmation.csv must come from exactly one file, and
nothing else may. Exit code 1 on any mismatch."""

import csv
import json
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

from xlsxlib import read_xlsx

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
REGION = "Демонстрационная область (демо)"
ERRORS = []
SCHOOLS = {r["school_id"]: r for r in csv.DictReader(open(os.path.join(HERE, "expected", "schools.csv"), encoding="utf-8"))}
SHORT = {(s["municipality"], s["shortName"]): s["code"] for s in json.load(open(os.path.join(HERE, "demo-schools.json"), encoding="utf-8"))}


def load(name, ints):
    out = {}
    for r in csv.DictReader(open(os.path.join(HERE, "expected", name), encoding="utf-8")):
        key = (r["school_id"], int(r["year"]), r["assessment"], r["subject"], int(r["grade"]))
        assert key not in out, key
        out[key] = {k: (int(r[k]) if r[k] != "" else None) for k in ints}
    return out


RES = load("results.csv", ["participants", "mark2", "mark3", "mark4", "mark5"])
CONF = load("confirmation.csv", ["participants", "lowered", "confirmed", "raised"])
SEEN = {"results": {}, "confirmation": {}}
ROWS = {}


def err(f, msg):
    ERRORS.append(f"{f}: {msg}")


def pct(c, n, d):
    q = Decimal(1).scaleb(-d) if d else Decimal(1)
    return (Decimal(c) * 100 / Decimal(n)).quantize(q, rounding=ROUND_HALF_UP)


def same_pct(f, where, cell, c, n, d):
    want = pct(c, n, d)
    got = Decimal(str(cell).replace(",", ".")) if cell not in ("", None) else None
    if got is None or abs(got - want) > Decimal("1e-9"):
        err(f, f"{where}: percent {cell!r} != {want} (= {c}/{n}, {d} dp)")


def same(f, where, got, want):
    if got in ("", None) and want in (0, None):
        return
    try:
        ok = float(got) == float(want or 0)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        err(f, f"{where}: {got!r} != {want!r}")


def seen(f, table, key):
    store = RES if table == "results" else CONF
    if key not in store:
        err(f, f"{key} not in expected {table}")
        return None
    if key in SEEN[table]:
        err(f, f"{key} also in {SEEN[table][key]}")
    SEEN[table][key] = f
    ROWS[f] = ROWS.get(f, 0) + 1
    return store[key]


def grid(path):
    (cells, merges), = read_xlsx(path).values()
    maxr = max(r for r, _ in cells)
    maxc = max(c for _, c in cells)
    return [[cells.get((r, c), "") for c in range(1, maxc + 1)] for r in range(1, maxr + 1)], merges


def find_row(rows, text):
    for i, row in enumerate(rows):
        if any(isinstance(v, str) and v.strip() == text for v in row):
            return i
    raise AssertionError(f"no header {text!r}")


def add(acc, d):
    for k, v in d.items():
        acc[k] = acc.get(k, 0) + (v or 0)


MK = ["mark2", "mark3", "mark4", "mark5"]


def check_mark_pcts(f, where, cells, truth, d):
    n = truth["participants"]
    for j, k in enumerate(MK):
        same_pct(f, f"{where} {k}", cells[j], truth[k] or 0, n, d)


# ------------------------------------------------------------------ per-file readers
def f1(f):
    rows, merges = grid(os.path.join(FILES, f))
    h = find_row(rows, "Группы участников")
    assert rows[h][3] == "Распределение групп баллов в %" and rows[h + 1][3:7] == ["2", "3", "4", "5"]
    assert (h + 1, 4, h + 1, 7) in merges, "merged «Распределение групп баллов в %»"
    region, mun, cur = {}, {}, None
    sub_rows = []
    for i in range(h + 2, len(rows)):
        row = rows[i]
        label = row[0]
        m = re.match(r"^(D-\d{4}) (.+)$", label)
        if m:
            code = m.group(1)
            assert SCHOOLS[code]["name"] == m.group(2), label
            t = seen(f, "results", (code, 2026, "ВПР", "русский язык", 5))
            if t:
                same(f, f"row {i + 1} participants", row[2], t["participants"])
                check_mark_pcts(f, f"row {i + 1}", row[3:7], t, 2)
                add(region, t)
                add(mun[cur][0], t)
        elif label == "Вся выборка":
            continue
        else:
            sub_rows.append((i, label, row))
            if label != REGION:
                cur = label
                mun[cur] = ({}, row)
    for i, label, row in sub_rows:
        agg = region if label == REGION else mun[label][0]
        same(f, f"subtotal {label} participants", row[2], agg["participants"])
        check_mark_pcts(f, f"subtotal {label}", row[3:7], agg, 2)


def wide_by_code(f, table, header_text, subj_map, per_group, first_col, fields, d, grade, year, assessment,
                 subtotal_mode, dash=""):
    """Wide sheet: row h has subject group titles, row h+1 the column titles; columns A..C municipality/code/name."""
    rows, merges = grid(os.path.join(FILES, f))
    h = find_row(rows, header_text)
    groups = []
    for c in range(first_col, len(rows[h]), per_group):
        title = rows[h][c]
        if title:
            assert (h + 1, c + 1, h + 1, c + per_group) in merges, f"merged group {title}"
            groups.append((c, subj_map[title]))
    totals = {}
    subtotal_rows = []
    for i in range(h + 2, len(rows)):
        row = rows[i]
        mu, code, name = row[0], row[1], row[2]
        if not code:
            subtotal_rows.append((i, mu, row))
            continue
        assert SCHOOLS[code]["name"] == name and SCHOOLS[code]["municipality_name"] == mu, (code, name, mu)
        for c, subj in groups:
            cells = row[c:c + per_group]
            key = (code, year, assessment, subj, grade)
            if all(v in ("", dash) for v in cells):
                if key in (RES if table == "results" else CONF):
                    err(f, f"row {i + 1}: {key} empty in file but in expected")
                continue
            t = seen(f, table, key)
            if not t:
                continue
            same(f, f"row {i + 1} {subj} participants", cells[0], t["participants"])
            for j, k in enumerate(fields):
                same_pct(f, f"row {i + 1} {subj} {k}", cells[1 + j], t[k] or 0, t["participants"], d)
            for scope in (REGION, mu):
                add(totals.setdefault((scope, subj), {}), t)
    for i, label, row in subtotal_rows:
        for c, subj in groups:
            agg = totals[(label, subj)]
            same(f, f"subtotal {label} {subj} participants", row[c], agg["participants"])
            for j, k in enumerate(fields):
                same_pct(f, f"subtotal {label} {subj} {k}", row[c + 1 + j], agg[k], agg["participants"], d)


def f2(f):
    wide_by_code(f, "confirmation", "Муниципалитет", {"Математика": "математика", "Русский язык": "русский язык"},
                 4, 3, ["lowered", "confirmed", "raised"], 2, 6, 2026, "ВПР", None)


def f8(f):
    wide_by_code(f, "results", "Муниципалитет",
                 {"Русский язык": "русский язык", "Математика": "математика", "Окружающий мир": "окружающий мир"},
                 5, 3, MK, 1, 4, 2026, "ВПР", None, dash="-")


def f3(f):
    rows, merges = grid(os.path.join(FILES, f))
    h = find_row(rows, "Код ОО")
    assert (h + 1, 1, h + 3, 1) in merges
    subj = {"Русский язык": "русский язык", "Математика": "математика"}
    groups = [(c, subj[rows[h][c]]) for c in range(4, len(rows[h]), 10)]
    assert rows[h + 2][5:13] == ["чел.", "%"] * 4
    totals = {}
    for i in range(h + 3, len(rows)):
        row = rows[i]
        code = row[2]
        ate = row[1]
        for c, s in groups:
            g = row[c:c + 10]
            if code:
                assert SCHOOLS[code]["municipality_name"] == ate
                t = seen(f, "results", (code, 2026, "ОГЭ", s, 9))
                if not t:
                    continue
                add(totals.setdefault((ate, s), {}), t)
                add(totals.setdefault((REGION, s), {}), t)
            else:
                t = totals[(ate, s)]
                assert row[3] in ("Итого по АТЕ", "Итого по региону")
            same(f, f"row {i + 1} {s} participants", g[0], t["participants"])
            for j, k in enumerate(MK):
                same(f, f"row {i + 1} {s} {k}", g[1 + 2 * j], t[k])
                same_pct(f, f"row {i + 1} {s} {k} %", g[2 + 2 * j], t[k], t["participants"], 1)
            avg = Decimal(sum((j + 2) * t[k] for j, k in enumerate(MK))) / t["participants"]
            same_pct(f, f"row {i + 1} {s} average mark", g[9], avg, 100, 2)


def f4(f):
    rows, merges = grid(os.path.join(FILES, f))
    h = find_row(rows, "Предмет")
    assert rows[h][6] == "Не преодолели минимальный порог" and rows[h + 1][6:8] == ["чел.", "%"]
    subj = {"Русский язык": "русский язык", "Математика. Профиль": "математика (профильный уровень)",
            "Обществознание": "обществознание"}
    tot = {}
    for i in range(h + 2, len(rows)):
        row = rows[i]
        code, s = row[2], subj[row[4]]
        if code:
            t = seen(f, "results", (code, 2026, "ЕГЭ", s, 11))
            if not t:
                continue
            if any(t[k] is not None for k in ("mark3", "mark4", "mark5")):
                err(f, f"row {i + 1}: ЕГЭ must have no marks 3–5 in the package")
            add(tot.setdefault(s, {}), t)
        else:
            assert row[1] == REGION and row[3] == "Итого по области"
            t = tot[s]
        same(f, f"row {i + 1} participants", row[5], t["participants"])
        same(f, f"row {i + 1} below threshold", row[6], t["mark2"])
        same_pct(f, f"row {i + 1} below threshold %", row[7], t["mark2"], t["participants"], 1)


def f5(f):
    rows, merges = grid(os.path.join(FILES, f))
    h = find_row(rows, "Писали")
    assert rows[h][:8] == ["№ п/п", "ОО", "Кол-во уч-ся по списку", "Писали", "Неуд.", "Удовл.", "Хор.", "Отл."]
    mu, grp, region = None, {}, {}
    for i in range(h + 1, len(rows)):
        row = rows[i]
        if row[0] and isinstance(row[0], str):  # municipality heading (merged across)
            mu, grp = row[0], {}
            assert (i + 1, 1, i + 1, 11) in merges
            continue
        if row[1] in ("Итого по району", "ИТОГО по области"):
            t = grp if row[1] == "Итого по району" else region
        else:
            code = SHORT[(mu, row[1])]  # identified by name within the municipality group only
            t = seen(f, "results", (code, 2025, "ВПР", "математика", 4))
            if not t:
                continue
            add(grp, t)
            add(region, t)
        same(f, f"row {i + 1} participants", row[3], t["participants"])
        for j, k in enumerate(MK):
            same(f, f"row {i + 1} {k}", row[4 + j], t[k])
        same_pct(f, f"row {i + 1} успеваемость", row[8], t["participants"] - t["mark2"], t["participants"], 0)
        same_pct(f, f"row {i + 1} качество", row[9], t["mark4"] + t["mark5"], t["participants"], 0)


def f6(f):
    raw = open(os.path.join(FILES, f), "rb").read()
    try:
        raw.decode("utf-8")
        err(f, "must be Windows-1251, decodes as UTF-8")
    except UnicodeDecodeError:
        pass
    assert b"\r\n" in raw
    lines = list(csv.reader(raw.decode("cp1251").splitlines(), delimiter=";"))
    assert "ВПР-2026" in lines[0][0]
    h = next(i for i, row in enumerate(lines) if row and row[0] == "Муниципалитет")
    subj = {"Математика": "математика", "Русский язык": "русский язык"}
    tot = {}
    for i in range(h + 1, len(lines)):
        row = lines[i]
        mu, code, _name, s, g, n = row[:6]
        s, g = subj[s], int(g)
        if code:
            t = seen(f, "results", (code, 2026, "ВПР", s, g))
            if not t:
                continue
            add(tot.setdefault((s, g), {}), t)
        else:
            assert mu == REGION
            t = tot[(s, g)]
        same(f, f"line {i + 1} participants", n, t["participants"])
        if any("." in v or "," in v for v in row[6:10]):
            err(f, f"line {i + 1}: whole percentages expected")
        check_mark_pcts(f, f"line {i + 1}", row[6:10], t, 0)


def f7(f):
    rows, _ = grid(os.path.join(FILES, f))
    assert rows[0] == ["Код ОО", "Наименование ОО", "Кол-во участников", "2", "3", "4", "5"]
    for i in range(1, len(rows)):
        row = rows[i]
        t = seen(f, "results", (row[0], 2026, "ВПР", "биология", 7))
        if t:
            same(f, f"row {i + 1} participants", row[2], t["participants"])
            for j, k in enumerate(MK):
                same(f, f"row {i + 1} {k}", row[3 + j], t[k])


def f9(f):
    rows, _ = grid(os.path.join(FILES, f))
    h = find_row(rows, "Группы участников")
    assert rows[h][:3] == ["Группы участников", "Кол-во участников", "%"]
    labels = {"Понизили (Отметка < Отметка по журналу) %": "lowered",
              "Подтвердили (Отметка = Отметке по журналу) %": "confirmed",
              "Повысили (Отметка > Отметка по журналу) %": "raised", "Всего*": "participants"}
    blocks, i = [], h + 1
    while i < len(rows) and rows[i][0] and not rows[i][0].startswith("*"):
        title = rows[i][0]
        vals = {}
        for j in range(1, 5):
            lab, cnt, p = rows[i + j][:3]
            vals[labels[lab]] = (cnt, p, i + j + 1)
        blocks.append((title, vals))
        i += 5
    region, mun, cur = {}, {}, None
    subs = []
    for title, vals in blocks:
        m = re.match(r"^(D-\d{4}) (.+)$", title)
        if not m:
            subs.append((title, vals))
            if title != REGION:
                cur = title
                mun[cur] = {}
            continue
        assert SCHOOLS[m.group(1)]["name"] == m.group(2)
        t = seen(f, "confirmation", (m.group(1), 2026, "ВПР", "математика", 8))
        if t:
            add(region, t)
            add(mun[cur], t)
            subs.append(("", {**vals, "_t": t}))
    for title, vals in subs:
        t = vals.pop("_t", None) or (region if title == REGION else mun[title])
        for k, (cnt, p, rn) in vals.items():
            same(f, f"row {rn} {k}", cnt, t[k])
            same_pct(f, f"row {rn} {k} %", p, t[k], t["participants"], 2)


READERS = {
    "ВПР_2026_Русский_язык_5_класс_Статистика_по_отметкам.xlsx": f1,
    "ВПР_2026_6_класс_Сравнение_отметок_с_отметками_по_журналу.xlsx": f2,
    "ОГЭ-2026_результаты_по_ОО.xlsx": f3,
    "ЕГЭ-2026_по_образовательным_организациям.xlsx": f4,
    "Итоги_ВПР_математика_4_кл_2025.xlsx": f5,
    "vpr_2026_oo.csv": f6,
    "Лист_Microsoft_Excel.xlsx": f7,
    "ВПР-2026_4_класс_распределение_отметок.xlsx": f8,
    "ВПР_2026_Математика_8_класс_Сравнение_отметок_с_отметками_по_журналу.xlsx": f9,
}


def main():
    meta = json.load(open(os.path.join(HERE, "files.json"), encoding="utf-8"))
    on_disk = sorted(os.listdir(FILES))
    assert sorted(m["file"] for m in meta) == on_disk == sorted(READERS), (on_disk, sorted(READERS))
    for m in meta:
        f = m["file"]
        try:
            READERS[f](f)
        except Exception as e:  # a structural surprise is a failure, not a crash
            err(f, f"{type(e).__name__}: {e}")
        if ROWS.get(f, 0) != m["rows"]:
            err(f, f"files.json rows {m['rows']} != {ROWS.get(f, 0)} read")
        procs = {(p["assessment"], p["subject"], p["grade"], p["year"]) for p in m["procedures"]}
        got = {(k[2], k[3], k[4], k[1]) for tb in SEEN.values() for k, ff in tb.items() if ff == f}
        if procs != got:
            err(f, f"files.json procedures {sorted(procs)} != read {sorted(got)}")
        fixed = m["what a user must do"]["fixed"]
        for p in got:
            for k, v in (("assessment", p[0]), ("subject", p[1]), ("grade", p[2]), ("year", p[3])):
                if k in fixed and fixed[k] != v:
                    err(f, f"fixed {k}={fixed[k]} but data is {v}")
    for table, store in (("results", RES), ("confirmation", CONF)):
        missing = set(store) - set(SEEN[table])
        if missing:
            err("expected", f"{len(missing)} {table} rows in no file, e.g. {sorted(missing)[:3]}")
    used = {k[0] for k in RES} | {k[0] for k in CONF}
    if used != set(SCHOOLS):
        err("expected", f"schools.csv differs from the schools used: {sorted(used ^ set(SCHOOLS))[:5]}")
    for f in on_disk:
        print(f"{f}: {ROWS.get(f, 0)} package rows")
    print(f"results {len(SEEN['results'])}/{len(RES)}, confirmation {len(SEEN['confirmation'])}/{len(CONF)}, "
          f"schools {len(SCHOOLS)}")
    if ERRORS:
        print(f"{len(ERRORS)} errors:")
        for e in ERRORS[:50]:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
