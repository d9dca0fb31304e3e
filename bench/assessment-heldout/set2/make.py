#!/usr/bin/env python3
"""Held-out assessment result files, set 2 (helper AS2). Stdlib only; seeded -> byte-identical rebuild.

Writes files/ (8 report files as regions really hold them), expected/ (the same data as ONE Opora package:
schools.csv, results.csv, confirmation.csv) and files.json.
"""

import csv
import io
import json
import math
import os
import random
import re
from decimal import ROUND_HALF_UP, Decimal

from xlsxw import F, S, T, col_letter, write_xlsx

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "files")
EXP = os.path.join(HERE, "expected")
REGION = "Демонстрационная область (демо)"
rng = random.Random(20261208)


# ------------------------------------------------------------------ schools
def load_schools():
    raw = json.load(open(os.path.join(HERE, "demo-schools.json"), encoding="utf-8"))
    out = []
    for x in raw:
        n = x["name"]
        kind = re.search(r"«(\S+)", n).group(1)
        town = " г. " in n or " пгт " in n
        if kind in ("Гимназия", "Лицей"):
            k = "gym"
        elif kind == "СОШ":
            k = "town" if town else "rural"
        elif kind == "ООШ":
            k = "oosh"
        else:
            k = "nosh"
        out.append(dict(code=x["code"], name=n, short=x["shortName"], muni=x["municipality"], kind=k))
    return out


SCHOOLS = load_schools()
BY_CODE = {s["code"]: s for s in SCHOOLS}
for s in SCHOOLS:  # latent quality: gymnasia higher, small rural lower on average
    base = {"gym": 0.9, "town": 0.2, "rural": -0.2, "oosh": -0.45, "nosh": -0.3}[s["kind"]]
    s["q"] = base + rng.gauss(0, 0.55)
MUNIS = sorted({s["muni"] for s in SCHOOLS})


def max_grade(s):
    return {"gym": 11, "town": 11, "rural": 11, "oosh": 9, "nosh": 4}[s["kind"]]


def enrol(s, grade):
    """Pupils in a grade: a per-school cohort size (drawn once) varied by ±20 % per grade."""
    if "size" not in s:
        k = s["kind"]
        lo, hi = {"gym": (50, 105), "town": (35, 95), "rural": (8, 28), "oosh": (3, 11), "nosh": (2, 8)}[k]
        s["size"] = rng.randint(lo, hi)
    n = max(1, round(s["size"] * rng.uniform(0.8, 1.2)))
    if grade >= 10:
        n = max(2, round(n * rng.uniform(0.3, 0.5)))
    return n


def participants(s, grade, share=(0.82, 1.0)):
    n = enrol(s, grade)
    return n, max(1, round(n * rng.uniform(*share)))


def draw_marks(n, q, shift=0.0):
    """Each pupil: latent = 0.6 q + N(0,1) + shift; cut at -1.25 / -0.05 / 1.05."""
    m = [0, 0, 0, 0]
    for _ in range(n):
        x = 0.6 * q + rng.gauss(0, 1) + shift
        m[0 if x < -1.25 else 1 if x < -0.05 else 2 if x < 1.05 else 3] += 1
    return m


# ------------------------------------------------------------------ truth
RESULTS = {}  # (code, year, assessment, subject, grade) -> [n, m2, m3, m4, m5] (m3..m5 None for ЕГЭ)
CONFIRM = {}  # key -> [n, lowered, confirmed, raised]
KEY_FILE = {}
USED = set()


def add_result(fname, key, vals):
    assert key not in RESULTS and key not in CONFIRM and key not in KEY_FILE, key
    RESULTS[key] = vals
    KEY_FILE[key] = fname
    USED.add(key[0])


def add_confirm(fname, key, vals):
    assert key not in RESULTS and key not in CONFIRM and key not in KEY_FILE, key
    CONFIRM[key] = vals
    KEY_FILE[key] = fname
    USED.add(key[0])


def pct(c, n, d):
    """Percent as the report rounds it (half up), Decimal."""
    q = Decimal(1).scaleb(-d) if d else Decimal(1)
    return (Decimal(c) * 100 / Decimal(n)).quantize(q, rounding=ROUND_HALF_UP)


def dec(x, d):
    q = Decimal(1).scaleb(-d) if d else Decimal(1)
    return Decimal(x).quantize(q, rounding=ROUND_HALF_UP)


def comma(d):
    return str(d).replace(".", ",")


def pick(cands, k, munis_min=4):
    """k schools from cands, spread over municipalities, kept in demo order."""
    cands = list(cands)
    rng.shuffle(cands)
    chosen = cands[:k]
    assert len({s["muni"] for s in chosen}) >= munis_min
    return sorted(chosen, key=lambda s: (s["muni"], s["code"]))


def avg_mark(m, n):
    return dec(Decimal(2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / Decimal(n), 2)


FILES_JSON = []
H = 1  # header style


def hdr(v):
    return S(v, H)


# ================================================================== F1
def f1():
    """ФИС ОКО «Статистика по отметкам», ВПР 2026, 5 класс: a book with a sheet per subject."""
    fname = "ВПР-2026_5_класс_Статистика_по_отметкам_(все_предметы).xlsx"
    subjects = [("Русский язык", "русский язык", 38, -0.1, 1.0), ("Математика", "математика", 20, 0.0, 1.0),
                ("История", "история", 15, 0.15, 0.5), ("Биология", "биология", 29, 0.1, 0.5)]
    pool = pick([s for s in SCHOOLS if max_grade(s) >= 9], 34)
    sheets, procs, nrows = [], [], 0
    for title, subj, maxb, shift, share in subjects:
        schools = pool if share == 1.0 else [s for s in pool if rng.random() < share]
        data = []
        for s in schools:
            _, n = participants(s, 5)
            m = draw_marks(n, s["q"], shift)
            add_result(fname, (s["code"], 2026, "ВПР", subj, 5), [n] + m)
            data.append((s, n, m))
        nrows += len(data)
        procs.append(dict(assessment="ВПР", subject=subj, grade=5, year=2026))
        rows = [["Всероссийские проверочные работы 2026 (5 класс)"], ["Дата: 15.04.2026"], [f"Предмет: {title}"],
                ["Статистика по отметкам"], [f"Максимальный первичный балл: {maxb}"], [],
                [hdr("Группы участников"), hdr("Кол-во ОО"), hdr("Кол-во участников"), hdr("Распределение групп баллов в %"), hdr(""), hdr(""), hdr("")],
                [hdr(""), hdr(""), hdr(""), hdr("2"), hdr("3"), hdr("4"), hdr("5")]]

        def line(label, noo, n, m):
            return [label, noo, n] + [S(float(pct(x, n, 2)), 4) for x in m]

        # «Вся выборка» — the national figure, made up (not a sum of anything here)
        nat_n = rng.randint(1_300_000, 1_450_000)
        nat = [round(nat_n * p * rng.uniform(0.85, 1.15)) for p in (0.11, 0.36, 0.37)]
        nat.append(nat_n - sum(nat))
        rows.append(line("Вся выборка", rng.randint(36000, 39000), nat_n, nat))
        tot = [0, 0, 0, 0]
        tn = 0
        for s, n, m in data:
            tn += n
            tot = [a + b for a, b in zip(tot, m)]
        rows.append(line(REGION, len(data), tn, tot))
        for mu in MUNIS:
            ms = [d for d in data if d[0]["muni"] == mu]
            if not ms:
                continue
            mn = sum(d[1] for d in ms)
            mm = [sum(d[2][i] for d in ms) for i in range(4)]
            rows.append(line(mu, len(ms), mn, mm))
            for s, n, m in ms:
                rows.append(line(f"({s['code']}) {s['name']}", None, n, m))
        sheets.append(dict(name=title, rows=rows, merges=["A7:A8", "B7:B8", "C7:C8", "D7:G7"],
                           widths={1: 62, 2: 10, 3: 12}))
    write_xlsx(os.path.join(FILES, fname), sheets)
    FILES_JSON.append({
        "file": fname,
        "layout": "long, a sheet per subject (4 sheets); each sheet one procedure: title rows (ВПР, year, grade, «Предмет: …»), 2-row header with merged «Распределение групп баллов в %» over 2/3/4/5, rows «Вся выборка» (national, made up), region, municipality, then its schools",
        "what a user must do": {"fixed": {}, "columns": {"Группы участников": "school_name", "Кол-во ОО": "ignore"}, "by name": False},
        "procedures": procs, "rows": nrows,
        "imitates": "ФИС ОКО «Статистика по отметкам» (ВПР), выгрузка всех предметов параллели в одну книгу — лист на предмет; ОО в виде «(логин) наименование», где вместо логина sch… стоит демо-код «(D-0012) …»",
        "school code": "in brackets at the start of the name cell: «(D-0012) МБОУ …» (= «Код ОО» D-0012); a real export has «(sch610023) …»",
        "subjects (file spelling -> package)": {t: p for t, p, *_ in subjects},
        "all columns (for the grader)": {"Группы участников": "school_name (code «(D-0001)» at the start)", "Кол-во ОО": "ignore",
                                          "Кол-во участников": "participants", "Распределение групп баллов в % 2": "mark2 (%, 2 decimals)",
                                          "Распределение групп баллов в % 3": "mark3 (%)", "Распределение групп баллов в % 4": "mark4 (%)",
                                          "Распределение групп баллов в % 5": "mark5 (%)"},
    })


# ================================================================== F2
def f2():
    """Region's wide summary, ВПР 2026 grades 4 and 6, subject+grade inside every column header, whole %."""
    fname = "Свод_ВПР_2026_4_и_6_классы_по_ОО.xlsx"
    procs = [("Русский язык", "русский язык", 4, 0.1), ("Математика", "математика", 4, 0.2),
             ("Русский язык", "русский язык", 6, -0.2), ("Математика", "математика", 6, -0.15)]
    pool = pick([s for s in SCHOOLS if s["kind"] in ("nosh", "oosh", "rural", "town")], 42, 6)
    header = ["№ п/п", "Код ОО", "Краткое наименование ОО", "МО"]
    for t, _, g, _ in procs:
        header.append(f"{t} {g} кл. — участники")
        header += [f"{t} {g} кл. — % «{k}»" for k in (2, 3, 4, 5)]
    rows = [["Результаты всероссийских проверочных работ 2026 года в разрезе общеобразовательных организаций"],
            ["(процент участников, получивших отметку; округлено до целого)"], [], [hdr(h) for h in header]]
    data, nrows = [], 0
    for s in pool:
        rec = []
        for t, subj, g, shift in procs:
            if g > max_grade(s) or (s["kind"] != "nosh" and rng.random() < 0.06):  # a few did not write one subject
                rec.append(None)
                continue
            _, n = participants(s, g)
            m = draw_marks(n, s["q"], shift)
            add_result(fname, (s["code"], 2026, "ВПР", subj, g), [n] + m)
            rec.append((n, m))
            nrows += 1
        data.append((s, rec))
    tot = [[0, [0, 0, 0, 0]] for _ in procs]
    for i, (s, rec) in enumerate(data, 1):
        row = [i, s["code"], s["short"], s["muni"]]
        for j, r in enumerate(rec):
            if r is None:
                row += [None] * 5
                continue
            n, m = r
            tot[j][0] += n
            tot[j][1] = [a + b for a, b in zip(tot[j][1], m)]
            row += [n] + [int(pct(x, n, 0)) for x in m]
        rows.append(row)
    last = ["", "", "Итого по области", ""]
    for n, m in tot:
        last += [n] + [int(pct(x, n, 0)) for x in m]
    rows.append([S(v, 6) if isinstance(v, str) else v for v in last])
    write_xlsx(os.path.join(FILES, fname), [dict(name="Свод", rows=rows, merges=["A1:U1", "A2:U2"], widths={3: 40, 4: 36})])
    FILES_JSON.append({
        "file": fname,
        "layout": "wide: a row per school; one header row, each column header names subject, grade and mark («Русский язык 4 кл. — % «2»»); 4 procedures (русский язык / математика in grades 4 and 6, so most schools took each subject in two grades); «Итого по области» last; empty cells where a school did not write",
        "what a user must do": {"fixed": {}, "columns": {}, "by name": False},
        "procedures": [dict(assessment="ВПР", subject=p, grade=g, year=2026) for _, p, g, _ in procs], "rows": nrows,
        "imitates": "сводная таблица регионального оператора ВПР: строка на ОО, группа столбцов на предмет-класс; проценты целые",
        "subjects (file spelling -> package)": {"Русский язык": "русский язык", "Математика": "математика"},
        "all columns (for the grader)": dict([("№ п/п", "ignore"), ("Код ОО", "school_id"), ("Краткое наименование ОО", "school_name"), ("МО", "municipality")]
                                             + [(f"{t} {g} кл. — участники", f"participants ({p}, {g})") for t, p, g, _ in procs]
                                             + [(f"{t} {g} кл. — % «{k}»", f"mark{k} (%, whole) ({p}, {g})") for t, p, g, _ in procs for k in (2, 3, 4, 5)]),
    })


# ================================================================== F3
def f3():
    """A region's own РДР workbook with formulas: long, two grades per school, Писали/Неуд./Удовл./Хор./Отл."""
    fname = "РДР_математика_7-8_кл_2026_итоги.xlsx"
    pool = pick([s for s in SCHOOLS if max_grade(s) >= 9], 26, 5)
    header = ["№", "Муниципалитет", "Логин", "ОО", "Класс", "Кол-во уч-ся по списку", "Писали", "Неуд.", "Удовл.", "Хор.", "Отл.",
              "Успеваемость, %", "Качество, %", "Ср. балл"]
    rows = [["Итоги региональной диагностической работы по математике, 7 и 8 классы"],
            ["Сроки проведения: 10–14 февраля 2026 г."], [], [hdr(h) for h in header]]
    nrows, k = 0, 0
    sub_rows = []

    def pcts(r, n, m, lst):
        succ = n - m[0]
        qual = m[2] + m[3]
        return [F(f"ROUND((G{r}-H{r})/G{r}*100,1)", float(pct(succ, n, 1)), 3),
                F(f"ROUND((J{r}+K{r})/G{r}*100,1)", float(pct(qual, n, 1)), 3),
                F(f"ROUND((2*H{r}+3*I{r}+4*J{r}+5*K{r})/G{r},2)", float(avg_mark(m, n)), 4)]

    for mu in MUNIS:
        ms = [s for s in pool if s["muni"] == mu]
        if not ms:
            continue
        first = len(rows) + 1
        sums = [0] * 6
        for s in ms:
            for g in (7, 8):
                listed, n = participants(s, g, (0.7, 0.97))
                m = draw_marks(n, s["q"], -0.35 if g == 8 else -0.25)
                add_result(fname, (s["code"], 2026, "РДР", "математика", g), [n] + m)
                nrows += 1
                k += 1
                r = len(rows) + 1
                rows.append([k, mu, s["code"], s["name"], g, listed, n] + m + pcts(r, n, m, None))
                sums = [a + b for a, b in zip(sums, [listed, n] + m)]
        last = len(rows)
        r = len(rows) + 1
        row = [None, S(f"Итого по МО: {mu}", 6), None, None, None]
        row += [F(f"SUM({c}{first}:{c}{last})", v, 2) for c, v in zip("FGHIJK", sums)]
        row += pcts(r, sums[1], sums[2:], None)
        rows.append(row)
        sub_rows.append((r, sums))
    r = len(rows) + 1
    tot = [sum(x[1][i] for x in sub_rows) for i in range(6)]
    row = [None, S("Итого по области", 6), None, None, None]
    row += [F("+".join(f"{c}{sr}" for sr, _ in sub_rows), v, 2) for c, v in zip("FGHIJK", tot)]
    row += pcts(r, tot[1], tot[2:], None)
    rows.append(row)
    write_xlsx(os.path.join(FILES, fname), [dict(name="РДР мат", rows=rows, merges=["A1:N1", "A2:N2"], widths={2: 38, 4: 50})])
    FILES_JSON.append({
        "file": fname,
        "layout": "long: a row per school and grade (every school twice: 7 and 8), «Класс» column; schools grouped by municipality with «Итого по МО: …» after each group and «Итого по области» last; % and average are FORMULAS (ROUND) with cached values, subtotals are SUM formulas",
        "what a user must do": {"fixed": {},
                                "columns": {"Логин": "school_id", "ОО": "school_name", "Муниципалитет": "municipality", "Класс": "grade",
                                            "Кол-во уч-ся по списку": "ignore", "Писали": "participants", "Неуд.": "mark2", "Удовл.": "mark3",
                                            "Хор.": "mark4", "Отл.": "mark5", "Успеваемость, %": "ignore", "Качество, %": "ignore", "Ср. балл": "ignore"},
                                "by name": False},
        "procedures": [dict(assessment="РДР", subject="математика", grade=g, year=2026) for g in (7, 8)], "rows": nrows,
        "imitates": "таблица регионального центра оценки качества по РДР, собранная вручную в Excel (формулы успеваемости/качества/среднего балла, СУММ в итогах); «Логин» — логин ОО в системе проведения = демо «Код ОО»",
        "school code": "«Логин» column = «Код ОО»",
        "subjects (file spelling -> package)": {"математике (title)": "математика"},
        "assessment (file spelling -> package)": {"региональной диагностической работы (title)": "РДР"},
    })


# ================================================================== F4
def f4():
    """ОГЭ русский язык, 2025 and 2026 side by side; schools by name only (+ АТЕ column)."""
    fname = "ОГЭ_русский_язык_2025-2026_сравнение_по_ОО.xlsx"
    pool = pick([s for s in SCHOOLS if max_grade(s) >= 9], 40, 6)
    years = (2025, 2026)
    rows = [["Сравнительный анализ результатов ОГЭ по русскому языку (9 класс) в 2025 и 2026 годах"], [],
            [hdr("АТЕ"), hdr("Наименование ОО")] + sum([[hdr(str(y))] + [hdr("")] * 5 for y in years], []),
            [hdr(""), hdr("")] + [hdr(h) for h in ["Кол-во участников", "«2»", "«3»", "«4»", "«5»", "Средняя отметка"]] * 2]
    data, nrows = [], 0
    for s in pool:
        rec = {}
        for y in years:
            if s["kind"] == "oosh" and rng.random() < 0.2:  # no 9th-graders that year
                rec[y] = None
                continue
            _, n = participants(s, 9, (0.93, 1.0))
            m = draw_marks(n, s["q"] + (0.1 if y == 2026 else 0), 0.35)
            add_result(fname, (s["code"], y, "ОГЭ", "русский язык", 9), [n] + m)
            rec[y] = (n, m)
            nrows += 1
        data.append((s, rec))

    def cells(r):
        if r is None:
            return [None] * 6
        n, m = r
        return [n] + m + [S(float(avg_mark(m, n)), 4)]

    tot = {}
    for y in years:
        rs = [d[1][y] for d in data if d[1][y]]
        tot[y] = (sum(r[0] for r in rs), [sum(r[1][i] for r in rs) for i in range(4)])
    rows.append([S("Всего по области", 6), None] + cells(tot[years[0]]) + cells(tot[years[1]]))
    for s, rec in data:
        name = s["name"].replace("«", '"').replace("»", '"')  # as RCOI exports type it
        rows.append([s["muni"], name] + cells(rec[years[0]]) + cells(rec[years[1]]))
    write_xlsx(os.path.join(FILES, fname), [dict(name="Лист1", rows=rows, merges=["A1:N1", "A3:A4", "B3:B4", "C3:H3", "I3:N3"],
                                                widths={1: 38, 2: 50})])
    FILES_JSON.append({
        "file": fname,
        "layout": "wide by YEAR: a row per school, merged groups «2025» and «2026» × {Кол-во участников, «2»…«5», Средняя отметка}; 2-row merged header; title row names ОГЭ, subject and grade; «Всего по области» row first; empty group where a school had no 9th-graders that year",
        "what a user must do": {"fixed": {}, "columns": {"Средняя отметка": "ignore"}, "by name": True},
        "procedures": [dict(assessment="ОГЭ", subject="русский язык", grade=9, year=y) for y in years], "rows": nrows,
        "imitates": "аналитическая таблица РЦОИ/муниципального методиста «сравнение с прошлым годом»: ОО только по наименованию (кавычки прямые, как набрано в РЦОИ) и АТЕ",
        "school code": "none: full name with straight quotes, e.g. МБОУ \"СОШ № 1 г. Новодольск\" (демо), plus municipality in «АТЕ»",
        "subjects (file spelling -> package)": {"русскому языку (title)": "русский язык"},
        "all columns (for the grader)": {"АТЕ": "municipality", "Наименование ОО": "school_name", "2025 Кол-во участников": "participants (year 2025)",
                                          "2025 «2»": "mark2 (count, 2025)", "2025 «3»": "mark3", "2025 «4»": "mark4", "2025 «5»": "mark5",
                                          "2025 Средняя отметка": "ignore", "2026 …": "the same for 2026"},
    })


# ================================================================== F5
EGE = [("Математика профильная", "математика (профильный уровень)", 27, 58, 0.85), ("Физика", "физика", 36, 55, 0.7),
       ("Информатика и ИКТ", "информатика", 40, 60, 0.6), ("Химия", "химия", 36, 57, 0.5)]


def f5():
    """РЦОИ ЕГЭ CSV: UTF-8 BOM, comma-separated, decimal commas in quotes; no marks."""
    fname = "ege_2026_rezultaty_OO.csv"
    pool = pick([s for s in SCHOOLS if max_grade(s) == 11], 32, 6)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["Результаты ЕГЭ-2026 (основной период) по образовательным организациям"] + [""] * 8)
    w.writerow(["Код ОО", "Наименование ОО", "АТЕ", "Предмет", "Количество участников",
                "Не преодолели минимальный порог, %", "Средний тестовый балл", "Количество высокобалльников (81-99)", "Количество 100-балльников"])
    nrows, procs = 0, []
    for title, subj, thr, mean, share in EGE:
        tn = tb = ts = thi = t100 = 0
        for s in pool:
            if rng.random() > share:
                continue
            _, n11 = participants(s, 11, (0.95, 1.0))
            n = max(1, round(n11 * (rng.uniform(0.4, 0.75) if subj.startswith("математика") else rng.uniform(0.1, 0.35))))
            scores = [max(0, min(100, round(mean + 9 * s["q"] + rng.gauss(0, 15)))) for _ in range(n)]
            below = sum(1 for x in scores if x < thr)
            add_result(fname, (s["code"], 2026, "ЕГЭ", subj, 11), [n, below, None, None, None])
            nrows += 1
            hi = sum(1 for x in scores if 81 <= x <= 99)
            h100 = sum(1 for x in scores if x == 100)
            w.writerow([s["code"], s["name"], s["muni"], title, n, comma(pct(below, n, 1)), comma(dec(Decimal(sum(scores)) / n, 2)), hi, h100])
            tn += n
            tb += below
            ts += sum(scores)
            thi += hi
            t100 += h100
        w.writerow(["", "Итого по региону", "", title, tn, comma(pct(tb, tn, 1)), comma(dec(Decimal(ts) / tn, 2)), thi, t100])
        procs.append(dict(assessment="ЕГЭ", subject=subj, grade=11, year=2026))
    with open(os.path.join(FILES, fname), "w", encoding="utf-8-sig", newline="") as f:
        f.write(out.getvalue())
    FILES_JSON.append({
        "file": fname,
        "layout": "long: a row per school and subject («Предмет» column), «Итого по региону» after each subject; title line above the header; UTF-8 with BOM, comma-separated, CRLF; decimals with a comma inside quotes («\"12,5\"»)",
        "what a user must do": {"fixed": {"grade": 11}, "columns": {"Не преодолели минимальный порог, %": "mark2", "Средний тестовый балл": "ignore",
                                                                    "Количество высокобалльников (81-99)": "ignore", "Количество 100-балльников": "ignore"},
                                "by name": False},
        "procedures": procs, "rows": nrows,
        "imitates": "выгрузка РЦОИ по ЕГЭ в CSV из АИС ГИА: без отметок — доля не преодолевших минимальный порог (1 знак) и средний тестовый балл",
        "note": "mark2 in the package = count below threshold; the file has only the percent (1 decimal) next to participants; mark3..mark5 empty",
        "subjects (file spelling -> package)": {t: p for t, p, *_ in EGE},
    })


# ================================================================== F6
def f6():
    """ФИС ОКО «Сравнение отметок с отметками по журналу», ВПР 2025, 7 класс; CSV cp1251 ';' from Russian Excel."""
    fname = "ВПР_2025_7кл_сравнение_с_журналом.csv"
    pool = pick([s for s in SCHOOLS if max_grade(s) >= 9], 30, 6)
    subs = [("Математика", "математика"), ("Русский язык", "русский язык")]
    lines = [["Сравнение отметок с отметками по журналу"] + [""] * 8, ["ВПР 2025, 7 класс"] + [""] * 8, [""] * 9,
             ["Логин", "Наименование ОО", "Муниципалитет", "Предмет", "Кол-во участников",
              "Понизили (Отметка < Отметка по журналу) %", "Подтвердили (Отметка = Отметке по журналу) %",
              "Повысили (Отметка > Отметка по журналу) %", "Всего %"]]
    nrows = 0
    for title, subj in subs:
        block, tn, tl, tc, tr = [], 0, 0, 0, 0
        for s in pool:
            if rng.random() < 0.1:
                continue
            _, n = participants(s, 7)
            style = rng.random()
            if style < 0.12:
                lo, hi = 0, 0  # everything confirmed
            elif style < 0.22:
                lo, hi = rng.uniform(0.45, 0.7), rng.uniform(0, 0.03)  # heavily lowered
            else:
                lo, hi = rng.uniform(0.08, 0.3), rng.uniform(0, 0.06)
            low = sum(1 for _ in range(n) if rng.random() < lo)
            rai = sum(1 for _ in range(n - low) if rng.random() < hi)
            con = n - low - rai
            add_confirm(fname, (s["code"], 2025, "ВПР", subj, 7), [n, low, con, rai])
            nrows += 1
            block.append([s["code"], s["name"], s["muni"], title, str(n), comma(pct(low, n, 2)), comma(pct(con, n, 2)), comma(pct(rai, n, 2)), "100"])
            tn, tl, tc, tr = tn + n, tl + low, tc + con, tr + rai
        lines.append(["", REGION, "", title, str(tn), comma(pct(tl, tn, 2)), comma(pct(tc, tn, 2)), comma(pct(tr, tn, 2)), "100"])
        lines += block
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(lines)
    with open(os.path.join(FILES, fname), "w", encoding="cp1251", newline="") as f:
        f.write(out.getvalue())
    FILES_JSON.append({
        "file": fname,
        "layout": "long: a row per school and subject («Предмет» column), a region row before each subject's schools; 2 title lines (report name; «ВПР 2025, 7 класс»); Windows-1251, «;», CRLF, decimal commas unquoted",
        "what a user must do": {"fixed": {}, "columns": {"Логин": "school_id", "Всего %": "ignore"}, "by name": False},
        "procedures": [dict(assessment="ВПР", subject=p, grade=7, year=2025) for _, p in subs], "rows": nrows,
        "target": "confirmation.csv",
        "imitates": "ФИС ОКО «Сравнение отметок с отметками по журналу», сведённое по ОО и сохранённое из русского Excel как «CSV (разделители — точки с запятой)»; проценты с 2 знаками",
        "school code": "«Логин» column = «Код ОО» (a real export has sch610023)",
        "subjects (file spelling -> package)": dict(subs),
    })


# ================================================================== F7
def f7():
    """A bare «Книга1.xlsx»: numbers stored as text with decimal commas, counts and % for the same marks."""
    fname = "Книга1.xlsx"
    pool = pick([s for s in SCHOOLS if max_grade(s) >= 9], 24, 5)
    rows = [[hdr("Образовательная организация"), hdr("Всего участников")] + sum([[hdr(f'"{k}"'), hdr("")] for k in (2, 3, 4, 5)], []),
            [hdr(""), hdr("")] + [hdr("чел."), hdr("%")] * 4]
    nrows, tn, tm = 0, 0, [0, 0, 0, 0]
    for s in pool:
        _, n = participants(s, 8)
        m = draw_marks(n, s["q"], -0.1)
        add_result(fname, (s["code"], 2026, "ВПР", "обществознание", 8), [n] + m)
        nrows += 1
        tn += n
        tm = [a + b for a, b in zip(tm, m)]
        rows.append([f"{s['code']} {s['name']}", T(str(n))] + sum([[T(str(x)), T(comma(pct(x, n, 1)))] for x in m], []))
    rows.append([S("Итого", 6), T(str(tn))] + sum([[T(str(x)), T(comma(pct(x, tn, 1)))] for x in tm], []))
    write_xlsx(os.path.join(FILES, fname), [dict(name="Лист1", rows=rows, merges=["A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:H1", "I1:J1"], widths={1: 60})])
    FILES_JSON.append({
        "file": fname,
        "layout": "long, one procedure, NOTHING about which: no title, sheet «Лист1»; 2-row merged header «\"2\"» … «\"5\"» each over «чел.» / «%»; every number is a TEXT cell (counts «14», percents with decimal comma «12,5»); «Итого» last",
        "what a user must do": {"fixed": {"year": 2026, "assessment": "ВПР", "subject": "обществознание", "grade": 8},
                                "columns": {"\"2\" %": "ignore", "\"3\" %": "ignore", "\"4\" %": "ignore", "\"5\" %": "ignore"},
                                "by name": False},
        "procedures": [dict(assessment="ВПР", subject="обществознание", grade=8, year=2026)], "rows": nrows,
        "imitates": "таблица, которую прислал муниципалитет: скопирована из отчёта в новую книгу, числа вставлены как текст",
        "school code": "at the start of the name cell: «D-0012 МБОУ …»",
        "all columns (for the grader)": {"Образовательная организация": "school_name (code at the start)", "Всего участников": "participants",
                                          "\"2\" чел.": "mark2", "\"2\" %": "ignore (or mark2 %, 1 decimal)", "\"3\" чел.": "mark3", "\"4\" чел.": "mark4", "\"5\" чел.": "mark5"},
    })


# ================================================================== F8
def f8():
    """НИКО 2025: a sheet per grade, login column, municipality subtotals, % 1 decimal."""
    fname = "НИКО_2025_литература_результаты_ОО.xlsx"
    sheets, procs, nrows = [], [], 0
    taken = set()
    for g in (6, 8):
        pool = pick([s for s in SCHOOLS if max_grade(s) >= 9 and s["code"] not in taken], 14, 4)
        taken |= {s["code"] for s in pool}
        data = []
        for s in pool:
            _, n = participants(s, g, (0.75, 0.95))
            m = draw_marks(n, s["q"], 0.0)
            add_result(fname, (s["code"], 2025, "НИКО", "литература", g), [n] + m)
            nrows += 1
            data.append((s, n, m))
        procs.append(dict(assessment="НИКО", subject="литература", grade=g, year=2025))
        rows = [["Национальные исследования качества образования — 2025"], ["Учебный предмет: Литература"], [f"Параллель: {g} класс"], [],
                [hdr("Муниципалитет"), hdr("Логин ОО"), hdr("Наименование ОО"), hdr("Число участников"),
                 hdr("Доля участников, получивших отметку, %"), hdr(""), hdr(""), hdr("")],
                [hdr("")] * 4 + [hdr(f"«{k}»") for k in (2, 3, 4, 5)]]

        def line(a, b, c, n, m):
            return [a, b, c, n] + [S(float(pct(x, n, 1)), 3) for x in m]

        for mu in MUNIS:
            ms = [d for d in data if d[0]["muni"] == mu]
            if not ms:
                continue
            rows.append(line(S(mu, 6), None, S("Итого по муниципалитету", 6), sum(d[1] for d in ms), [sum(d[2][i] for d in ms) for i in range(4)]))
            for s, n, m in ms:
                rows.append(line(mu, s["code"], s["name"], n, m))
        rows.append(line(S(REGION, 6), None, S("Итого по субъекту РФ", 6), sum(d[1] for d in data), [sum(d[2][i] for d in data) for i in range(4)]))
        sheets.append(dict(name=f"{g} класс", rows=rows, merges=["A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:H5"], widths={1: 38, 3: 50}))
    write_xlsx(os.path.join(FILES, fname), sheets)
    FILES_JSON.append({
        "file": fname,
        "layout": "long, a sheet per GRADE («6 класс», «8 класс»), title rows give НИКО, year, subject, grade; 2-row merged header; municipality subtotal row above its schools, «Итого по субъекту РФ» last; % 1 decimal + participants",
        "what a user must do": {"fixed": {}, "columns": {"Логин ОО": "school_id"}, "by name": False},
        "procedures": procs, "rows": nrows,
        "imitates": "отчёт по НИКО, разосланный регионом: лист на параллель, логин ОО = «Код ОО»",
        "school code": "«Логин ОО» column = «Код ОО»",
        "subjects (file spelling -> package)": {"Литература": "литература"},
        "assessment (file spelling -> package)": {"Национальные исследования качества образования": "НИКО"},
    })


# ================================================================== main
def main():
    os.makedirs(FILES, exist_ok=True)
    os.makedirs(EXP, exist_ok=True)
    for f in os.listdir(FILES):
        os.remove(os.path.join(FILES, f))
    for fn in (f1, f2, f3, f4, f5, f6, f7, f8):
        fn()
    with open(os.path.join(EXP, "schools.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["school_id", "name", "municipality_id", "municipality_name"])
        for s in SCHOOLS:
            if s["code"] in USED:
                w.writerow([s["code"], s["name"], s["muni"], s["muni"]])
    with open(os.path.join(EXP, "results.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["school_id", "year", "assessment", "subject", "grade", "participants", "mark2", "mark3", "mark4", "mark5"])
        for k in sorted(RESULTS):
            w.writerow(list(k) + ["" if v is None else v for v in RESULTS[k]])
    with open(os.path.join(EXP, "confirmation.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["school_id", "year", "assessment", "subject", "grade", "participants", "lowered", "confirmed", "raised"])
        for k in sorted(CONFIRM):
            w.writerow(list(k) + CONFIRM[k])
    with open(os.path.join(HERE, "files.json"), "w", encoding="utf-8") as f:
        json.dump(FILES_JSON, f, ensure_ascii=False, indent=1)
        f.write("\n")
    small = sum(1 for v in RESULTS.values() if v[0] <= 8)
    print(f"schools {len(USED)}, results {len(RESULTS)} (≤8 participants: {small}, min {min(v[0] for v in RESULTS.values())}), "
          f"confirmation {len(CONFIRM)}, files {len(FILES_JSON)}")


if __name__ == "__main__":
    main()
