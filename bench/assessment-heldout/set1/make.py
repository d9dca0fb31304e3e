#!/usr/bin/env python3
"""Build held-out assessment report files (files/), the truth as an Opora package (expected/) and files.json.

Everything comes from one seeded generator: counts are the truth, percent cells are computed from them and
rounded half-up as the report would show them. Run: python3 make.py  (see build.sh)."""

import csv
import io
import json
import os
import random
import re
from decimal import ROUND_HALF_UP, Decimal

from xlsxlib import Sheet, write_xlsx

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
EXPECTED = os.path.join(HERE, "expected")
REGION = "Демонстрационная область (демо)"
R = random.Random(SEED)

SCHOOLS = json.load(open(os.path.join(HERE, "demo-schools.json"), encoding="utf-8"))
BY_CODE = {s["code"]: s for s in SCHOOLS}
MUNIS = []
for s in SCHOOLS:
    if s["municipality"] not in MUNIS:
        MUNIS.append(s["municipality"])
MUNIS.sort()


def pct(count, n, d):
    """Percent as the report shows it: half-up to d decimals. Returns Decimal."""
    q = Decimal(1).scaleb(-d) if d else Decimal(1)
    return (Decimal(count) * 100 / Decimal(n)).quantize(q, rounding=ROUND_HALF_UP)


def num(x):
    """Decimal -> int/float for a cell."""
    return int(x) if x == x.to_integral_value() and x.as_tuple().exponent >= 0 else float(x)


# ------------------------------------------------------------------ school model
def kind(s):
    n = s["shortName"]
    if n.startswith(("Гимназия", "Лицей")):
        return "gym"
    if n.startswith("НОШ"):
        return "nosh"
    if n.startswith("ООШ"):
        return "oosh"
    if " г. " in n:
        return "town"
    return "rural"


MAXGRADE = {"nosh": 4, "oosh": 9, "gym": 11, "town": 11, "rural": 11}
QUAL = {"gym": (0.8, 0.3), "town": (0.2, 0.4), "rural": (-0.3, 0.5), "oosh": (-0.4, 0.5), "nosh": (-0.3, 0.5)}
SIZE = {"gym": (55, 100), "town": (35, 95), "rural": (8, 26), "oosh": (3, 11), "nosh": (2, 8)}

MODEL = {}
for s in SCHOOLS:
    k = kind(s)
    mu, sd = QUAL[k]
    lo, hi = SIZE[k]
    base = R.randint(lo, hi)
    if s["name"].startswith("МКОУ") and k == "rural":
        base = R.randint(4, 12)
    enrol = {}
    for g in range(1, MAXGRADE[k] + 1):
        v = base * R.uniform(0.8, 1.15)
        if g >= 10:
            v *= 0.45 if k != "gym" else 0.8
        enrol[g] = max(1, round(v))
    MODEL[s["code"]] = {"kind": k, "q": R.gauss(mu, sd), "enrol": enrol, "conf_style": R.random()}


def has_grade(code, g):
    return g <= MAXGRADE[MODEL[code]["kind"]]


SUBJ_SHIFT = {"русский язык": -0.15, "математика": 0.0, "окружающий мир": 0.45, "биология": -0.05}


def marks(n, q, subject, year):
    """Simulate n pupils' marks 2..5 from the school's latent quality."""
    shift = SUBJ_SHIFT.get(subject, 0.0) + (0.05 if year == 2025 else 0.0)
    c = {2: 0, 3: 0, 4: 0, 5: 0}
    for _ in range(n):
        z = q + shift + R.gauss(0, 1)
        c[2 if z < -1.25 else 3 if z < 0.25 else 4 if z < 1.35 else 5] += 1
    return c


def participants(code, g, share=(0.82, 1.0)):
    e = MODEL[code]["enrol"][g]
    return max(1, round(e * R.uniform(*share))), e


# ------------------------------------------------------------------ the truth
RESULTS = {}  # (school, year, assessment, subject, grade) -> dict
CONFIRM = {}
PROC_FILE = {}  # (table, key) -> file, guards "every key in exactly one file"
USED = set()


def add_result(fname, code, year, ass, subj, grade, n, m, extra=None):
    key = (code, year, ass, subj, grade)
    assert ("results", key) not in PROC_FILE, (key, fname, PROC_FILE.get(("results", key)))
    PROC_FILE[("results", key)] = fname
    RESULTS[key] = {"participants": n, "mark2": m[2], "mark3": m.get(3), "mark4": m.get(4), "mark5": m.get(5)}
    if extra:
        RESULTS[key]["_extra"] = extra
    USED.add(code)


def add_confirm(fname, code, year, ass, subj, grade, n, lo, co, ra):
    key = (code, year, ass, subj, grade)
    assert ("confirmation", key) not in PROC_FILE
    PROC_FILE[("confirmation", key)] = fname
    CONFIRM[key] = {"participants": n, "lowered": lo, "confirmed": co, "raised": ra}
    USED.add(code)


def pick(n, grade, munis, kinds=None, exclude=()):
    pool = [
        s["code"]
        for s in SCHOOLS
        if s["municipality"] in munis
        and has_grade(s["code"], grade)
        and (kinds is None or MODEL[s["code"]]["kind"] in kinds)
        and s["code"] not in exclude
    ]
    R.shuffle(pool)
    chosen = pool[:n]
    # order as reports do: by municipality (in the order given), then by code
    return sorted(chosen, key=lambda c: (munis.index(BY_CODE[c]["municipality"]), c))


def munis_pick(k, must_city=True):
    cities = [m for m in MUNIS if m.startswith("Городской округ")]
    rayons = [m for m in MUNIS if not m.startswith("Городской округ")]
    out = R.sample(cities, 1 if must_city else 0) + R.sample(rayons, k - (1 if must_city else 0))
    return sorted(out, key=lambda m: (not m.startswith("Городской округ"), m))


def sums(rows, keys):
    return {k: sum(r[k] or 0 for r in rows) for k in keys}


MK = ["participants", "mark2", "mark3", "mark4", "mark5"]
FILES_JSON = []


def register(fname, layout, fixed, columns, by_name, procedures, rows, imitates, subjects=None, all_columns=None):
    e = {
        "file": fname,
        "layout": layout,
        "what a user must do": {"fixed": fixed, "columns": columns, "by name": by_name},
        "procedures": [{"assessment": a, "subject": s, "grade": g, "year": y} for a, s, g, y in procedures],
        "rows": rows,
        "imitates": imitates,
    }
    if subjects:
        e["subjects (file spelling -> package)"] = subjects
    if all_columns:
        e["all columns (for the grader)"] = all_columns
    FILES_JSON.append(e)


W = lambda sh, widths: sh.widths.update(widths)  # noqa: E731


# ================================================================== F1 — ФИС ОКО «Статистика по отметкам»
def f1():
    fname = "ВПР_2026_Русский_язык_5_класс_Статистика_по_отметкам.xlsx"
    munis = munis_pick(5)
    codes = pick(40, 5, munis)
    data = {}
    for c in codes:
        n, _ = participants(c, 5)
        m = marks(n, MODEL[c]["q"], "русский язык", 2026)
        add_result(fname, c, 2026, "ВПР", "русский язык", 5, n, m)
        data[c] = {"participants": n, **{f"mark{k}": v for k, v in m.items()}}
    sh = Sheet("Статистика по отметкам")
    titles = [
        "Всероссийские проверочные работы 2026 (5 класс)",
        "Дата формирования: 07.12.2026",
        "Предмет: Русский язык",
        "Статистика по отметкам",
        "Максимальный первичный балл: 45",
    ]
    for i, t in enumerate(titles, 1):
        sh.set(i, 1, t, bold=(i in (1, 4)), border=False)
    h = 7
    sh.set(h, 1, "Группы участников", bold=True, center=True, wrap=True)
    sh.merge(h, 1, h + 1, 1)
    sh.set(h, 2, "Кол-во ОО", bold=True, center=True, wrap=True)
    sh.merge(h, 2, h + 1, 2)
    sh.set(h, 3, "Кол-во участников", bold=True, center=True, wrap=True)
    sh.merge(h, 3, h + 1, 3)
    sh.set(h, 4, "Распределение групп баллов в %", bold=True, center=True, wrap=True)
    sh.merge(h, 4, h, 7)
    for j, mk in enumerate("2345"):
        sh.set(h + 1, 4 + j, mk, bold=True, center=True)
    W(sh, {1: 62, 2: 10, 3: 12, 4: 9, 5: 9, 6: 9, 7: 9})
    r = h + 2
    # «Вся выборка» — the whole country, not derivable from this region; fabricated national figures
    nat_n = 1398215
    nat = [Decimal("9.84"), Decimal("38.41"), Decimal("37.62"), Decimal("14.13")]
    sh.set(r, 1, "Вся выборка", bold=True)
    sh.set(r, 2, 38714, fmt="0")
    sh.set(r, 3, nat_n, fmt="0")
    for j, p in enumerate(nat):
        sh.set(r, 4 + j, num(p), fmt="0.00")
    r += 1

    def line(label, cnt_oo, agg, bold):
        nonlocal r
        sh.set(r, 1, label, bold=bold)
        sh.set(r, 2, cnt_oo if cnt_oo else "", fmt="0", bold=bold)
        sh.set(r, 3, agg["participants"], fmt="0", bold=bold)
        for j in range(4):
            sh.set(r, 4 + j, num(pct(agg[f"mark{j + 2}"], agg["participants"], 2)), fmt="0.00", bold=bold)
        r += 1

    line(REGION, len(codes), sums(data.values(), MK), True)
    for mu in munis:
        mc = [c for c in codes if BY_CODE[c]["municipality"] == mu]
        line(mu, len(mc), sums([data[c] for c in mc], MK), True)
        for c in mc:
            line(f"{c} {BY_CODE[c]['name']}", None, data[c], False)
    register(
        fname,
        "long (one procedure; a row per school; municipality and region subtotal rows; school code inside the name cell)",
        {},
        {"Группы участников": "school_name", "Кол-во ОО": "ignore"},
        False,
        [("ВПР", "русский язык", 5, 2026)],
        len(codes),
        "ФИС ОКО, отчёт «Статистика по отметкам» (ВПР), выгрузка в XLSX: шапка-титул, «Вся выборка», регион, "
        "муниципалитеты, ОО; отметки в процентах с 2 знаками",
        {"Русский язык": "русский язык"},
        {
            "Группы участников": "school_name (code «D-0001» at the start of the cell)",
            "Кол-во ОО": "ignore",
            "Кол-во участников": "participants",
            "2": "mark2 (%)",
            "3": "mark3 (%)",
            "4": "mark4 (%)",
            "5": "mark5 (%)",
        },
    )
    return sh


# ================================================================== F2 — «Сравнение отметок с отметками по журналу»
def f2():
    fname = "ВПР_2026_6_класс_Сравнение_отметок_с_отметками_по_журналу.xlsx"
    munis = munis_pick(4)
    codes = pick(32, 6, munis)
    subjects = [("Математика", "математика"), ("Русский язык", "русский язык")]
    data = {}
    missing = set(R.sample(codes, 4))  # these schools have no Russian in this report (empty cells)
    for c in codes:
        for fs, ps in subjects:
            if ps == "русский язык" and c in missing:
                continue
            n, _ = participants(c, 6)
            st = MODEL[c]["conf_style"]
            if st < 0.12:  # suspiciously full confirmation
                plo, pra = R.uniform(0, 0.03), R.uniform(0, 0.03)
            elif st > 0.9:  # inflated journal marks: many lowered
                plo, pra = R.uniform(0.35, 0.6), R.uniform(0, 0.04)
            else:
                plo, pra = R.uniform(0.1, 0.3), R.uniform(0.01, 0.08)
            lo = sum(R.random() < plo for _ in range(n))
            ra = sum(R.random() < pra for _ in range(n - lo))
            co = n - lo - ra
            add_confirm(fname, c, 2026, "ВПР", ps, 6, n, lo, co, ra)
            data[(c, ps)] = {"participants": n, "lowered": lo, "confirmed": co, "raised": ra}
    sh = Sheet("Сравнение отметок")
    for i, t in enumerate(
        [
            "Всероссийские проверочные работы 2026",
            "Сравнение отметок с отметками по журналу",
            "Класс: 6",
            "Дата формирования: 07.12.2026",
        ],
        1,
    ):
        sh.set(i, 1, t, bold=(i == 2), border=False)
    h = 6
    for j, t in enumerate(["Муниципалитет", "Код ОО", "Наименование ОО"], 1):
        sh.set(h, j, t, bold=True, center=True, wrap=True)
        sh.merge(h, j, h + 1, j)
    sub = [
        "Кол-во участников",
        "Понизили (Отметка < Отметка по журналу) %",
        "Подтвердили (Отметка = Отметке по журналу) %",
        "Повысили (Отметка > Отметка по журналу) %",
    ]
    for g, (fs, _) in enumerate(subjects):
        c0 = 4 + g * 4
        sh.set(h, c0, fs, bold=True, center=True)
        sh.merge(h, c0, h, c0 + 3)
        for j, t in enumerate(sub):
            sh.set(h + 1, c0 + j, t, bold=True, center=True, wrap=True)
            W(sh, {c0 + j: 16})
    W(sh, {1: 34, 2: 9, 3: 48})
    r = h + 2
    CK = ["participants", "lowered", "confirmed", "raised"]

    def line(mu, code, name, aggs, bold):
        nonlocal r
        sh.set(r, 1, mu, bold=bold)
        sh.set(r, 2, code, bold=bold)
        sh.set(r, 3, name, bold=bold)
        for g, (_, ps) in enumerate(subjects):
            c0 = 4 + g * 4
            a = aggs.get(ps)
            if not a or not a["participants"]:
                for j in range(4):
                    sh.set(r, c0 + j, "", bold=bold)
                continue
            sh.set(r, c0, a["participants"], fmt="0", bold=bold)
            for j, k in enumerate(CK[1:]):
                sh.set(r, c0 + 1 + j, num(pct(a[k], a["participants"], 2)), fmt="0.00", bold=bold)
        r += 1

    def agg(cs):
        return {ps: sums([data[(c, ps)] for c in cs if (c, ps) in data], CK) for _, ps in subjects}

    line(REGION, "", "", agg(codes), True)
    for mu in munis:
        mc = [c for c in codes if BY_CODE[c]["municipality"] == mu]
        line(mu, "", "", agg(mc), True)
        for c in mc:
            line(mu, c, BY_CODE[c]["name"], {ps: data.get((c, ps)) for _, ps in subjects}, False)
    register(
        fname,
        "wide (a row per school, a group of columns per subject; region and municipality subtotal rows)",
        {},
        {},
        False,
        [("ВПР", "математика", 6, 2026), ("ВПР", "русский язык", 6, 2026)],
        len(data),
        "ФИС ОКО, отчёт «Сравнение отметок с отметками по журналу», сведённый регионом в строку на ОО: "
        "проценты с 2 знаками рядом с числом участников; goes to confirmation.csv",
        {"Математика": "математика", "Русский язык": "русский язык"},
        {
            "Муниципалитет": "municipality",
            "Код ОО": "school_id",
            "Наименование ОО": "school_name",
            "Кол-во участников": "participants",
            sub[1]: "lowered (%)",
            sub[2]: "confirmed (%)",
            sub[3]: "raised (%)",
        },
    )
    return sh


# ================================================================== F3 — РЦОИ ОГЭ, wide
def f3():
    fname = "ОГЭ-2026_результаты_по_ОО.xlsx"
    munis = munis_pick(5)
    codes = pick(36, 9, munis)
    subjects = [("Русский язык", "русский язык"), ("Математика", "математика")]
    data = {}
    for c in codes:
        n0, _ = participants(c, 9, (0.93, 1.0))
        for fs, ps in subjects:
            n = n0
            m = marks(n, MODEL[c]["q"] - 0.1, ps, 2026)
            add_result(fname, c, 2026, "ОГЭ", ps, 9, n, m)
            data[(c, ps)] = {"participants": n, **{f"mark{k}": v for k, v in m.items()}}
    sh = Sheet("ОГЭ-2026")
    for i, t in enumerate(
        [
            "Результаты основного государственного экзамена в 2026 году",
            "Выпускники 9-х классов образовательных организаций Демонстрационной области (демо)",
            "Основной период",
        ],
        1,
    ):
        sh.set(i, 1, t, bold=(i == 1), border=False, size=12 if i == 1 else None)
    h = 5
    for j, t in enumerate(["№ п/п", "АТЕ", "Код ОО", "Наименование ОО"], 1):
        sh.set(h, j, t, bold=True, center=True, wrap=True)
        sh.merge(h, j, h + 2, j)
    for g, (fs, _) in enumerate(subjects):
        c0 = 5 + g * 10
        sh.set(h, c0, fs, bold=True, center=True)
        sh.merge(h, c0, h, c0 + 9)
        sh.set(h + 1, c0, "Кол-во участников", bold=True, center=True, wrap=True)
        sh.merge(h + 1, c0, h + 2, c0)
        for j, mk in enumerate("2345"):
            cc = c0 + 1 + 2 * j
            sh.set(h + 1, cc, f"«{mk}»", bold=True, center=True)
            sh.merge(h + 1, cc, h + 1, cc + 1)
            sh.set(h + 2, cc, "чел.", bold=True, center=True)
            sh.set(h + 2, cc + 1, "%", bold=True, center=True)
        sh.set(h + 1, c0 + 9, "Средний балл", bold=True, center=True, wrap=True)
        sh.merge(h + 1, c0 + 9, h + 2, c0 + 9)
    W(sh, {1: 6, 2: 32, 3: 9, 4: 46})
    r = h + 3
    no = 0

    def line(n_, ate, code, name, aggs, bold):
        nonlocal r
        for j, v in enumerate([n_, ate, code, name], 1):
            sh.set(r, j, v, bold=bold, fmt="0" if j == 1 and v != "" else "General")
        for g, (_, ps) in enumerate(subjects):
            c0 = 5 + g * 10
            a = aggs[ps]
            n = a["participants"]
            sh.set(r, c0, n, fmt="0", bold=bold)
            for j in range(4):
                k = a[f"mark{j + 2}"]
                sh.set(r, c0 + 1 + 2 * j, k, fmt="0", bold=bold)
                sh.set(r, c0 + 2 + 2 * j, num(pct(k, n, 1)), fmt="0.0", bold=bold)
            avg = Decimal(sum((j + 2) * a[f"mark{j + 2}"] for j in range(4))) / Decimal(n)
            sh.set(r, c0 + 9, num(avg.quantize(Decimal("0.01"), ROUND_HALF_UP)), fmt="0.00", bold=bold)
        r += 1

    def agg(cs):
        return {ps: sums([data[(c, ps)] for c in cs], MK) for _, ps in subjects}

    for mu in munis:
        mc = [c for c in codes if BY_CODE[c]["municipality"] == mu]
        for c in mc:
            no += 1
            line(no, mu, c, BY_CODE[c]["name"], {ps: data[(c, ps)] for _, ps in subjects}, False)
        line("", mu, "", "Итого по АТЕ", agg(mc), True)
    line("", REGION, "", "Итого по региону", agg(codes), True)
    register(
        fname,
        "wide (a row per school, a group per subject: participants, «2»…«5» as чел. and %, average mark; "
        "3-row merged header; municipality and region «Итого» rows after the schools)",
        {},
        {"«2» %": "ignore", "«3» %": "ignore", "«4» %": "ignore", "«5» %": "ignore", "Средний балл": "ignore"},
        False,
        [("ОГЭ", "русский язык", 9, 2026), ("ОГЭ", "математика", 9, 2026)],
        len(data),
        "РЦОИ, статистика ОГЭ по ОО: «№ п/п, АТЕ, Код ОО, Наименование ОО», по предмету — количество и доля "
        "каждой отметки и средний балл (средняя отметка); доли с 1 знаком",
        {"Русский язык": "русский язык", "Математика": "математика"},
        {
            "№ п/п": "ignore",
            "АТЕ": "municipality",
            "Код ОО": "school_id",
            "Наименование ОО": "school_name",
            "Кол-во участников": "participants",
            "«2» чел.": "mark2",
            "«2» %": "ignore (or mark2 %)",
            "«3» чел.": "mark3",
            "«3» %": "ignore (or mark3 %)",
            "«4» чел.": "mark4",
            "«5» чел.": "mark5",
            "Средний балл": "ignore",
        },
    )
    return sh


# ================================================================== F4 — РЦОИ ЕГЭ, long, no marks
EGE = [
    ("Русский язык", "русский язык", 24, 68, 13, 0.97),
    ("Математика. Профиль", "математика (профильный уровень)", 27, 56, 17, 0.45),
    ("Обществознание", "обществознание", 42, 58, 15, 0.5),
]


def f4():
    fname = "ЕГЭ-2026_по_образовательным_организациям.xlsx"
    munis = munis_pick(6)
    codes = pick(30, 11, munis, kinds={"gym", "town", "rural"})
    sh = Sheet("ЕГЭ")
    for i, t in enumerate(
        ["Результаты ЕГЭ-2026 по образовательным организациям", REGION, "Основной период, выпускники текущего года"],
        1,
    ):
        sh.set(i, 1, t, bold=(i == 1), border=False, size=12 if i == 1 else None)
    h = 5
    heads = ["№", "Муниципалитет (АТЕ)", "Код ОО", "Наименование ОО", "Предмет", "Количество участников"]
    for j, t in enumerate(heads, 1):
        sh.set(h, j, t, bold=True, center=True, wrap=True)
        sh.merge(h, j, h + 1, j)
    sh.set(h, 7, "Не преодолели минимальный порог", bold=True, center=True, wrap=True)
    sh.merge(h, 7, h, 8)
    sh.set(h + 1, 7, "чел.", bold=True, center=True)
    sh.set(h + 1, 8, "%", bold=True, center=True)
    for j, t in enumerate(["Средний тестовый балл", "Получили 81–99 баллов, чел.", "Получили 100 баллов, чел."], 9):
        sh.set(h, j, t, bold=True, center=True, wrap=True)
        sh.merge(h, j, h + 1, j)
    W(sh, {1: 5, 2: 32, 3: 9, 4: 46, 5: 22, 6: 13, 7: 8, 8: 8, 9: 12, 10: 12, 11: 12})
    r = h + 2
    no = 0
    nrows = 0
    for fs, ps, thr, mu_, sd, share in EGE:
        tot = {"n": 0, "low": 0, "sum": 0, "hi": 0, "full": 0}
        for c in codes:
            e = MODEL[c]["enrol"][11]
            sh_ = min(1.0, share * (1.5 if MODEL[c]["kind"] == "gym" and share < 0.9 else 1.0))
            n = sum(R.random() < sh_ for _ in range(e))
            if n == 0:
                continue  # nobody from this school took the subject: no row
            scores = [max(0, min(100, round(R.gauss(mu_ + 9 * MODEL[c]["q"], sd)))) for _ in range(n)]
            low = sum(x < thr for x in scores)
            hi = sum(81 <= x <= 99 for x in scores)
            full = sum(x == 100 for x in scores)
            add_result(fname, c, 2026, "ЕГЭ", ps, 11, n, {2: low}, {"avg": sum(scores) / n})
            nrows += 1
            no += 1
            vals = [no, BY_CODE[c]["municipality"], c, BY_CODE[c]["name"], fs, n, low, num(pct(low, n, 1))]
            avg = (Decimal(sum(scores)) / Decimal(n)).quantize(Decimal("0.1"), ROUND_HALF_UP)
            vals += [float(avg), hi, full]
            fm = ["0", "General", "General", "General", "General", "0", "0", "0.0", "0.0", "0", "0"]
            for j, v in enumerate(vals, 1):
                sh.set(r, j, v, fmt=fm[j - 1])
            r += 1
            for k, v in (("n", n), ("low", low), ("sum", sum(scores)), ("hi", hi), ("full", full)):
                tot[k] += v
        vals = ["", REGION, "", "Итого по области", fs, tot["n"], tot["low"], num(pct(tot["low"], tot["n"], 1)),
                float((Decimal(tot["sum"]) / Decimal(tot["n"])).quantize(Decimal("0.1"), ROUND_HALF_UP)),
                tot["hi"], tot["full"]]
        fm = ["General", "General", "General", "General", "General", "0", "0", "0.0", "0.0", "0", "0"]
        for j, v in enumerate(vals, 1):
            sh.set(r, j, v, fmt=fm[j - 1], bold=True)
        r += 1
    register(
        fname,
        "long (a row per school and subject; subject in a column; a region «Итого» row after each subject)",
        {"grade": 11},
        {
            "Не преодолели минимальный порог чел.": "mark2",
            "Не преодолели минимальный порог %": "ignore",
            "Средний тестовый балл": "ignore",
            "Получили 81–99 баллов, чел.": "ignore",
            "Получили 100 баллов, чел.": "ignore",
        },
        False,
        [("ЕГЭ", ps, 11, 2026) for _, ps, *_ in EGE],
        nrows,
        "РЦОИ, результаты ЕГЭ по ОО: без отметок — число и доля не преодолевших минимальный порог, средний "
        "тестовый балл, высокобалльники; класс (11) в файле не назван",
        {fs: ps for fs, ps, *_ in EGE},
        {
            "№": "ignore",
            "Муниципалитет (АТЕ)": "municipality",
            "Код ОО": "school_id",
            "Наименование ОО": "school_name",
            "Предмет": "subject",
            "Количество участников": "participants",
            "Не преодолели минимальный порог чел.": "mark2",
            "Не преодолели минимальный порог %": "ignore (or mark2 %)",
            "Средний тестовый балл": "ignore",
            "Получили 81–99 баллов, чел.": "ignore",
            "Получили 100 баллов, чел.": "ignore",
        },
    )
    return sh


# ================================================================== F5 — a region's own sheet, by name, odd headers, 2025
def f5():
    fname = "Итоги_ВПР_математика_4_кл_2025.xlsx"
    rayons = [m for m in MUNIS if not m.startswith("Городской округ")]
    # pick districts so that one shortName occurs in two of them (same-name schools, told apart by the group)
    names = {}
    for s in SCHOOLS:
        if not s["municipality"].startswith("Городской округ"):
            names.setdefault(s["shortName"], set()).add(s["municipality"])
    dup = sorted(n for n, ms in names.items() if len(ms) > 1)
    twin = sorted(names[dup[0]])[:2]
    others = R.sample([m for m in rayons if m not in twin], 2)
    munis = sorted(twin + others)
    codes = []
    for mu in munis:
        pool = [s["code"] for s in SCHOOLS if s["municipality"] == mu and has_grade(s["code"], 4)]
        k = min(len(pool), R.randint(6, 9))
        chosen = set(R.sample(pool, k))
        chosen |= {s["code"] for s in SCHOOLS if s["municipality"] == mu and s["shortName"] == dup[0]}
        codes += sorted(chosen)
    # same name inside one municipality would be ambiguous even for a human — must not happen
    for mu in munis:
        nm = [BY_CODE[c]["shortName"] for c in codes if BY_CODE[c]["municipality"] == mu]
        assert len(nm) == len(set(nm)), mu
    data = {}
    for c in codes:
        n, e = participants(c, 4, (0.85, 1.0))
        m = marks(n, MODEL[c]["q"], "математика", 2025)
        add_result(fname, c, 2025, "ВПР", "математика", 4, n, m, {"enrol": e})
        data[c] = {"enrol": e, "participants": n, **{f"mark{k}": v for k, v in m.items()}}
    sh = Sheet("4 кл матем")
    ncol = 11
    sh.set(1, 1, "Итоги всероссийских проверочных работ по математике в 4-х классах", bold=True, border=False,
           center=True, size=13)
    sh.merge(1, 1, 1, ncol)
    sh.set(2, 1, "(апрель 2025 года)", border=False, center=True)
    sh.merge(2, 1, 2, ncol)
    heads = ["№ п/п", "ОО", "Кол-во уч-ся по списку", "Писали", "Неуд.", "Удовл.", "Хор.", "Отл.", "Успев., %",
             "Кач-во, %", "Ср. балл"]
    for j, t in enumerate(heads, 1):
        sh.set(4, j, t, bold=True, center=True, wrap=True)
    W(sh, {1: 5, 2: 36, 3: 10, 4: 8, 5: 7, 6: 7, 7: 7, 8: 7, 9: 8, 10: 8, 11: 7})
    r = 5

    def vals(a):
        n = a["participants"]
        ok = n - a["mark2"]
        qual = a["mark4"] + a["mark5"]
        avg = Decimal(2 * a["mark2"] + 3 * a["mark3"] + 4 * a["mark4"] + 5 * a["mark5"]) / Decimal(n)
        return [a["enrol"], n, a["mark2"], a["mark3"], a["mark4"], a["mark5"], num(pct(ok, n, 0)),
                num(pct(qual, n, 0)), float(avg.quantize(Decimal("0.1"), ROUND_HALF_UP))]

    fm = ["0", "0", "0", "0", "0", "0", "0", "0", "0.0"]
    for mu in munis:
        sh.set(r, 1, mu, bold=True)
        sh.merge(r, 1, r, ncol)
        r += 1
        mc = [c for c in codes if BY_CODE[c]["municipality"] == mu]
        for i, c in enumerate(mc, 1):
            sh.set(r, 1, i, fmt="0")
            sh.set(r, 2, BY_CODE[c]["shortName"])
            for j, v in enumerate(vals(data[c])):
                sh.set(r, 3 + j, v, fmt=fm[j])
            r += 1
        sh.set(r, 2, "Итого по району", bold=True)
        sh.set(r, 1, "", bold=True)
        for j, v in enumerate(vals(sums([data[c] for c in mc], ["enrol"] + MK))):
            sh.set(r, 3 + j, v, fmt=fm[j], bold=True)
        r += 1
    sh.set(r, 1, "", bold=True)
    sh.set(r, 2, "ИТОГО по области", bold=True)
    for j, v in enumerate(vals(sums(data.values(), ["enrol"] + MK))):
        sh.set(r, 3 + j, v, fmt=fm[j], bold=True)
    register(
        fname,
        "long (one procedure; schools grouped under a merged municipality row, «Итого по району» after each group)",
        {},
        {
            "ОО": "school_name",
            "Кол-во уч-ся по списку": "ignore",
            "Писали": "participants",
            "Неуд.": "mark2",
            "Удовл.": "mark3",
            "Хор.": "mark4",
            "Отл.": "mark5",
            "Успев., %": "ignore",
            "Кач-во, %": "ignore",
            "Ср. балл": "ignore",
            "№ п/п": "ignore",
        },
        True,
        [("ВПР", "математика", 4, 2025)],
        len(codes),
        "сводка муниципального/регионального специалиста в Excel: школы по краткому названию без кода, сгруппированы "
        "под строкой района; «Писали / Неуд. / Удовл. / Хор. / Отл.», успеваемость и качество в целых %; "
        f"«{dup[0]}» есть в двух районах",
        {"математике": "математика"},
    )
    return sh


# ================================================================== F6 — CSV, Windows-1251, «;», whole percentages
def f6():
    fname = "vpr_2026_oo.csv"
    munis = munis_pick(5)
    procs = [("Математика", "математика", 5), ("Математика", "математика", 7), ("Русский язык", "русский язык", 7)]
    codes = pick(24, 7, munis, exclude=set())
    head = ["Муниципалитет", "Код ОО", "Наименование ОО", "Предмет", "Класс", "Кол-во участников",
            "«2», %", "«3», %", "«4», %", "«5», %"]
    lines = [["Результаты ВПР-2026 в разрезе ОО (доля участников, получивших отметку, %)"] + [""] * 9, [""] * 10, head]
    nrows = 0
    for fs, ps, g in procs:
        tot = dict.fromkeys(MK, 0)
        for c in codes:
            n, _ = participants(c, g)
            m = marks(n, MODEL[c]["q"], ps, 2026)
            add_result(fname, c, 2026, "ВПР", ps, g, n, m)
            nrows += 1
            lines.append([BY_CODE[c]["municipality"], c, BY_CODE[c]["name"], fs, str(g), str(n)]
                         + [str(num(pct(m[k], n, 0))) for k in (2, 3, 4, 5)])
            tot["participants"] += n
            for k in (2, 3, 4, 5):
                tot[f"mark{k}"] += m[k]
        lines.append([REGION, "", "Итого по области", fs, str(g), str(tot["participants"])]
                     + [str(num(pct(tot[f"mark{k}"], tot["participants"], 0))) for k in (2, 3, 4, 5)])
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerows(lines)
    with open(os.path.join(FILES, fname), "wb") as f:
        f.write(buf.getvalue().encode("cp1251"))
    register(
        fname,
        "long (a row per school and procedure; subject and grade in columns; a title line and an empty line above "
        "the header; a region «Итого» line after each procedure)",
        {},
        {},
        False,
        [("ВПР", ps, g, 2026) for _, ps, g in procs],
        nrows,
        "таблица региона, сохранённая из русского Excel как «CSV (разделители — точки с запятой)»: Windows-1251, «;», "
        "CRLF; год и процедура только в строке-заголовке; отметки в целых процентах",
        {"Математика": "математика", "Русский язык": "русский язык"},
        {
            "Муниципалитет": "municipality",
            "Код ОО": "school_id",
            "Наименование ОО": "school_name",
            "Предмет": "subject",
            "Класс": "grade",
            "Кол-во участников": "participants",
            "«2», %": "mark2 (%)",
            "«3», %": "mark3 (%)",
            "«4», %": "mark4 (%)",
            "«5», %": "mark5 (%)",
        },
    )


# ================================================================== F7 — a bare sheet: no year/assessment/subject/grade
def f7():
    fname = "Лист_Microsoft_Excel.xlsx"
    munis = munis_pick(4)
    codes = pick(26, 7, munis)
    sh = Sheet("Лист1")
    heads = ["Код ОО", "Наименование ОО", "Кол-во участников", "2", "3", "4", "5"]
    for j, t in enumerate(heads, 1):
        sh.set(1, j, t, bold=True, center=True)
    W(sh, {1: 9, 2: 50, 3: 12})
    for i, c in enumerate(codes, 2):
        n, _ = participants(c, 7)
        m = marks(n, MODEL[c]["q"], "биология", 2026)
        add_result(fname, c, 2026, "ВПР", "биология", 7, n, m)
        for j, v in enumerate([c, BY_CODE[c]["name"], n, m[2], m[3], m[4], m[5]], 1):
            sh.set(i, j, v, fmt="General")
    register(
        fname,
        "long (a row per school, one procedure, nothing else: no title, no subtotals)",
        {"year": 2026, "assessment": "ВПР", "subject": "биология", "grade": 7},
        {},
        False,
        [("ВПР", "биология", 7, 2026)],
        len(codes),
        "лист, который прислали без подписи («Лист1»): код, название, участники и число отметок «2»–«5»; "
        "год, процедуру, предмет и класс пользователь вводит сам",
        None,
        {
            "Код ОО": "school_id",
            "Наименование ОО": "school_name",
            "Кол-во участников": "participants",
            "2": "mark2",
            "3": "mark3",
            "4": "mark4",
            "5": "mark5",
        },
    )
    return sh


# ================================================================== F8 — wide ВПР 4 класс, % with 1 decimal
def f8():
    fname = "ВПР-2026_4_класс_распределение_отметок.xlsx"
    munis = munis_pick(5)
    codes = pick(45, 4, munis)
    subjects = [("Русский язык", "русский язык"), ("Математика", "математика"), ("Окружающий мир", "окружающий мир")]
    absent = set(R.sample([c for c in codes if MODEL[c]["kind"] in ("nosh", "oosh", "rural")], 2))
    data = {}
    for c in codes:
        for fs, ps in subjects:
            if ps == "окружающий мир" and c in absent:
                continue
            n, _ = participants(c, 4)
            m = marks(n, MODEL[c]["q"], ps, 2026)
            add_result(fname, c, 2026, "ВПР", ps, 4, n, m)
            data[(c, ps)] = {"participants": n, **{f"mark{k}": v for k, v in m.items()}}
    sh = Sheet("4 класс")
    sh.set(1, 1, "ВПР-2026. 4 класс", bold=True, border=False, size=12)
    sh.set(2, 1, "Распределение отметок участников, % от числа участников", border=False)
    h = 4
    for j, t in enumerate(["Муниципалитет", "Код ОО", "Наименование ОО"], 1):
        sh.set(h, j, t, bold=True, center=True, wrap=True)
        sh.merge(h, j, h + 1, j)
    for g, (fs, _) in enumerate(subjects):
        c0 = 4 + g * 5
        sh.set(h, c0, fs, bold=True, center=True)
        sh.merge(h, c0, h, c0 + 4)
        for j, t in enumerate(["Кол-во участников", "«2»", "«3»", "«4»", "«5»"]):
            sh.set(h + 1, c0 + j, t, bold=True, center=True, wrap=True)
    W(sh, {1: 34, 2: 9, 3: 48})
    r = h + 2

    def line(mu, code, name, aggs, bold):
        nonlocal r
        sh.set(r, 1, mu, bold=bold)
        sh.set(r, 2, code, bold=bold)
        sh.set(r, 3, name, bold=bold)
        for g, (_, ps) in enumerate(subjects):
            c0 = 4 + g * 5
            a = aggs.get(ps)
            if not a or not a["participants"]:
                for j in range(5):
                    sh.set(r, c0 + j, "-", bold=bold, center=True)
                continue
            sh.set(r, c0, a["participants"], fmt="0", bold=bold)
            for j in range(4):
                sh.set(r, c0 + 1 + j, num(pct(a[f"mark{j + 2}"], a["participants"], 1)), fmt="0.0", bold=bold)
        r += 1

    def agg(cs):
        return {ps: sums([data[(c, ps)] for c in cs if (c, ps) in data], MK) for _, ps in subjects}

    line(REGION, "", "", agg(codes), True)
    for mu in munis:
        mc = [c for c in codes if BY_CODE[c]["municipality"] == mu]
        line(mu, "", "", agg(mc), True)
        for c in mc:
            line(mu, c, BY_CODE[c]["name"], {ps: data.get((c, ps)) for _, ps in subjects}, False)
    register(
        fname,
        "wide (a row per school, a group of 5 columns per subject; region and municipality subtotal rows first; "
        "«-» where a school did not write a subject)",
        {},
        {},
        False,
        [("ВПР", ps, 4, 2026) for _, ps in subjects],
        len(data),
        "региональная сводка ВПР по классу: предметы группами столбцов, отметки в процентах с 1 знаком рядом с числом "
        "участников; год, процедура и класс только в заголовке",
        {fs: ps for fs, ps in subjects},
        {
            "Муниципалитет": "municipality",
            "Код ОО": "school_id",
            "Наименование ОО": "school_name",
            "Кол-во участников": "participants",
            "«2»": "mark2 (%)",
            "«3»": "mark3 (%)",
            "«4»": "mark4 (%)",
            "«5»": "mark5 (%)",
        },
    )
    return sh


# ================================================================== F9 — ФИС ОКО «Сравнение отметок…» as exported: blocks
CONF_LABELS = [
    ("lowered", "Понизили (Отметка < Отметка по журналу) %"),
    ("confirmed", "Подтвердили (Отметка = Отметке по журналу) %"),
    ("raised", "Повысили (Отметка > Отметка по журналу) %"),
]


def f9():
    fname = "ВПР_2026_Математика_8_класс_Сравнение_отметок_с_отметками_по_журналу.xlsx"
    munis = munis_pick(3)
    codes = pick(22, 8, munis)
    data = {}
    for c in codes:
        n, _ = participants(c, 8)
        st = MODEL[c]["conf_style"]
        plo, pra = (R.uniform(0, 0.02), R.uniform(0, 0.02)) if st < 0.12 else (R.uniform(0.15, 0.45), R.uniform(0.01, 0.07))
        lo = sum(R.random() < plo for _ in range(n))
        ra = sum(R.random() < pra for _ in range(n - lo))
        add_confirm(fname, c, 2026, "ВПР", "математика", 8, n, lo, n - lo - ra, ra)
        data[c] = {"participants": n, "lowered": lo, "confirmed": n - lo - ra, "raised": ra}
    sh = Sheet("Сравнение отметок")
    for i, t in enumerate(
        [
            "Всероссийские проверочные работы 2026 (8 класс)",
            "Дата формирования: 07.12.2026",
            "Предмет: Математика",
            "Сравнение отметок с отметками по журналу",
        ],
        1,
    ):
        sh.set(i, 1, t, bold=(i in (1, 4)), border=False)
    h = 6
    for j, t in enumerate(["Группы участников", "Кол-во участников", "%"], 1):
        sh.set(h, j, t, bold=True, center=True, wrap=True)
    W(sh, {1: 62, 2: 12, 3: 9})
    r = h + 1

    def block(label, a, bold):
        nonlocal r
        sh.set(r, 1, label, bold=True)
        sh.set(r, 2, "")
        sh.set(r, 3, "")
        r += 1
        for k, lab in CONF_LABELS:
            sh.set(r, 1, lab)
            sh.set(r, 2, a[k], fmt="0")
            sh.set(r, 3, num(pct(a[k], a["participants"], 2)), fmt="0.00")
            r += 1
        sh.set(r, 1, "Всего*")
        sh.set(r, 2, a["participants"], fmt="0")
        sh.set(r, 3, 100, fmt="0.00")
        r += 1

    CK = ["participants", "lowered", "confirmed", "raised"]
    block(REGION, sums(data.values(), CK), True)
    for mu in munis:
        mc = [c for c in codes if BY_CODE[c]["municipality"] == mu]
        block(mu, sums([data[c] for c in mc], CK), True)
        for c in mc:
            block(f"{c} {BY_CODE[c]['name']}", data[c], False)
    r += 1
    sh.set(r, 1, "*Всего – количество участников, у которых есть отметка по журналу", border=False)
    register(
        fname,
        "blocks (vertical: a title row per group — region, municipality, school «D-0001 …» — then rows «Понизили», "
        "«Подтвердили», «Повысили», «Всего*» with count and %; one procedure)",
        {},
        {"Группы участников": "school_name", "%": "ignore"},
        False,
        [("ВПР", "математика", 8, 2026)],
        len(codes),
        "ФИС ОКО, отчёт «Сравнение отметок с отметками по журналу» в том виде, как он выгружается: блок из четырёх "
        "строк на каждую группу участников; числа и проценты с 2 знаками; goes to confirmation.csv",
        {"Математика": "математика"},
        {
            "Группы участников": "group title (region / municipality / «D-0001 name») or the row kind",
            "Понизили (Отметка < Отметка по журналу) %": "lowered",
            "Подтвердили (Отметка = Отметке по журналу) %": "confirmed",
            "Повысили (Отметка > Отметка по журналу) %": "raised",
            "Всего*": "participants",
            "%": "ignore",
        },
    )
    return sh


def write_csv(path, head, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(head)
        w.writerows(rows)


def main():
    os.makedirs(FILES, exist_ok=True)
    os.makedirs(EXPECTED, exist_ok=True)
    for fn in os.listdir(FILES):
        os.remove(os.path.join(FILES, fn))
    builders = {"f1": f1, "f2": f2, "f3": f3, "f4": f4, "f5": f5, "f6": f6, "f7": f7, "f8": f8, "f9": f9}
    for name, fn in builders.items():
        sh = fn()
        if sh is not None:
            write_xlsx(os.path.join(FILES, FILES_JSON[-1]["file"]), [sh])
    write_csv(
        os.path.join(EXPECTED, "schools.csv"),
        ["school_id", "name", "municipality_id", "municipality_name"],
        [[c, BY_CODE[c]["name"], BY_CODE[c]["municipality"], BY_CODE[c]["municipality"]] for c in sorted(USED)],
    )
    key = lambda k: (k[0], k[1], k[2], k[3], k[4])  # noqa: E731
    write_csv(
        os.path.join(EXPECTED, "results.csv"),
        ["school_id", "year", "assessment", "subject", "grade", "participants", "mark2", "mark3", "mark4", "mark5"],
        [
            list(k) + [v["participants"], v["mark2"]] + ["" if v[m] is None else v[m] for m in ("mark3", "mark4", "mark5")]
            for k, v in sorted(RESULTS.items(), key=lambda kv: key(kv[0]))
        ],
    )
    write_csv(
        os.path.join(EXPECTED, "confirmation.csv"),
        ["school_id", "year", "assessment", "subject", "grade", "participants", "lowered", "confirmed", "raised"],
        [list(k) + [v["participants"], v["lowered"], v["confirmed"], v["raised"]] for k, v in sorted(CONFIRM.items())],
    )
    with open(os.path.join(HERE, "files.json"), "w", encoding="utf-8") as f:
        json.dump(FILES_JSON, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"files: {len(FILES_JSON)}; schools: {len(USED)}; results rows: {len(RESULTS)}; "
          f"confirmation rows: {len(CONFIRM)}")


if __name__ == "__main__":
    main()
