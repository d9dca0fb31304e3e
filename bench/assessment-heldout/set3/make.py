#!/usr/bin/env python3
"""Held-out assessment files, set 3: builds files/, expected/, files.json from a seeded generator (stdlib only)."""
import csv
import io
import json
import os
import random
from decimal import ROUND_HALF_UP, Decimal

from xlsxw import Sheet, write_xlsx

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261209
REGION = "Демонстрационная область (демо)"
rnd = random.Random(SEED)
SCHOOLS = json.load(open(os.path.join(HERE, "demo-schools.json"), encoding="utf-8"))
BY_CODE = {s["code"]: s for s in SCHOOLS}
MUNIS = sorted({s["municipality"] for s in SCHOOLS})
ATE_CODE = {m: f"{i + 1:02d}" for i, m in enumerate(MUNIS)}


def pct(count, n, d):
    """Percent rounded half-up to d decimals (as Excel ROUND / report tools do)."""
    q = Decimal(1).scaleb(-d)
    return (Decimal(count * 100) / Decimal(n)).quantize(q, rounding=ROUND_HALF_UP)


def num(dec):
    """Decimal → number for an XLSX cell."""
    return int(dec) if dec == dec.to_integral_value() else float(dec)


def kind(s):
    w = s["name"].split("«")[1].split()[0]
    if w in ("Гимназия", "Лицей"):
        return "gym"
    if w == "НОШ":
        return "nosh"
    if w == "ООШ":
        return "oosh"
    return "town" if (" г. " in s["name"] or "пгт" in s["name"]) else "rural"


def max_grade(s):
    return {"nosh": 4, "oosh": 9}.get(kind(s), 11)


QUALITY = {s["code"]: rnd.uniform(-0.5, 0.9) + (0.35 if kind(s) == "gym" else 0) for s in SCHOOLS}
COHORT = {}
for s in SCHOOLS:
    k = kind(s)
    lo, hi = {"gym": (50, 100), "town": (35, 90), "rural": (8, 26), "oosh": (3, 11), "nosh": (2, 8)}[k]
    if "пгт" in s["name"]:
        lo, hi = 22, 55
    COHORT[s["code"]] = rnd.randint(lo, hi)


def participants(code, grade):
    base = COHORT[code] * (rnd.uniform(0.3, 0.5) if grade >= 10 else rnd.uniform(0.8, 1.2))
    return max(1, round(base * rnd.uniform(0.82, 1.0)))


def draw_marks(code, n, shift=0.0):
    m = [0, 0, 0, 0]
    q = QUALITY[code] + shift
    for _ in range(n):
        x = q + rnd.gauss(0, 1)
        m[0 if x < -1.0 else 1 if x < 0.25 else 2 if x < 1.3 else 3] += 1
    return m


def pick(pred, munis, k_per_muni):
    out = []
    for m in munis:
        cands = [s for s in SCHOOLS if s["municipality"] == m and pred(s)]
        rnd.shuffle(cands)
        out += sorted(cands[:k_per_muni], key=lambda s: s["code"])
    return out


RESULTS, CONF, USED, FILES = [], [], {}, []
KEYS = set()


def add_result(code, year, ass, subj, grade, n, m2, m3=None, m4=None, m5=None):
    key = (code, year, ass, subj, grade)
    assert key not in KEYS, key
    KEYS.add(key)
    USED[code] = BY_CODE[code]
    RESULTS.append([code, year, ass, subj, grade, n, m2, m3, m4, m5])


def add_conf(code, year, ass, subj, grade, n, lo, co, ra):
    key = (code, year, ass, subj, grade)
    assert key not in KEYS, key
    KEYS.add(key)
    USED[code] = BY_CODE[code]
    CONF.append([code, year, ass, subj, grade, n, lo, co, ra])


def muni_sample(k):
    towns = [m for m in MUNIS if m.startswith("Городской")]
    rural = [m for m in MUNIS if not m.startswith("Городской")]
    return sorted(rnd.sample(towns, 2) + rnd.sample(rural, k - 2))


OUT = os.path.join(HERE, "files")
os.makedirs(OUT, exist_ok=True)
os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
for f in os.listdir(OUT):
    os.remove(os.path.join(OUT, f))

# ---------------------------------------------------------------- F1: РЦОИ ОГЭ математика, № п/п, АТЕ, spacers, line breaks
f1 = "РЦОИ_ОГЭ-2026_математика_по_ОО.xlsx"
munis = muni_sample(5)
schools = pick(lambda s: max_grade(s) >= 9, munis, 9)
sh = Sheet("ОГЭ математика")
sh.row(0, ["ГБУ «Региональный центр обработки информации» Демонстрационной области (демо)"], 4)
sh.row(1, ["Результаты основного государственного экзамена по МАТЕМАТИКЕ в 2026 году (основной период)"], 4)
sh.row(2, ["в разрезе административно-территориальных единиц и образовательных организаций"])
H = 4
heads = ["№\nп/п", "Код\nАТЕ", "Наименование АТЕ", "Код ОО", "Наименование ОО", None, "Кол-во\nучастников", None]
for c, h in enumerate(heads):
    if h:
        sh.set(H, c, h, 1)
        sh.merge(H, c, H + 2, c)
sh.set(H, 8, "Получили отметку", 1)
sh.merge(H, 8, H, 15)
for i, mk in enumerate("2345"):
    sh.set(H + 1, 8 + 2 * i, f"«{mk}»", 1)
    sh.merge(H + 1, 8 + 2 * i, H + 1, 9 + 2 * i)
    sh.set(H + 2, 8 + 2 * i, "чел.", 1)
    sh.set(H + 2, 9 + 2 * i, "%", 1)
sh.set(H, 17, "Средняя\nотметка", 1)
sh.merge(H, 17, H + 2, 17)
data = {}
for s in schools:
    n = participants(s["code"], 9)
    m = draw_marks(s["code"], n, 0.05)
    data[s["code"]] = (n, m)
    add_result(s["code"], 2026, "ОГЭ", "математика", 9, n, *m)


def ogerow(r, no, ate, atename, code, name, n, m):
    vals = [no, ate, atename, code, name, None, n, None]
    sh.row(r, vals)
    for i in range(4):
        sh.set(r, 8 + 2 * i, m[i])
        sh.set(r, 9 + 2 * i, num(pct(m[i], n, 1)), 2)
    avg = (Decimal(2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / Decimal(n)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    sh.set(r, 17, num(avg), 3)


def tot(codes):
    n = sum(data[c][0] for c in codes)
    return n, [sum(data[c][1][i] for c in codes) for i in range(4)]


r = H + 3
ogerow(r, None, None, REGION, None, "Всего по региону", *tot([s["code"] for s in schools]))
r += 1
no = 0
for mname in munis:
    ms = [s for s in schools if s["municipality"] == mname]
    ogerow(r, None, ATE_CODE[mname], mname, None, "Итого по АТЕ", *tot([s["code"] for s in ms]))
    r += 1
    for s in ms:
        no += 1
        ogerow(r, no, ATE_CODE[mname], mname, s["code"], s["name"], *data[s["code"]])
        r += 1
write_xlsx(os.path.join(OUT, f1), [sh])
FILES.append({
    "file": f1,
    "layout": "long, one procedure (a row per school); 3-row merged header with line breaks in cells; «№ п/п», «Код АТЕ», «Наименование АТЕ», «Код ОО» columns; EMPTY spacer columns F and H; region row first, «Итого по АТЕ» row before each municipality's schools",
    "what a user must do": {"fixed": {}, "columns": {"№\nп/п": "ignore", "Код\nАТЕ": "ignore", "Средняя\nотметка": "ignore"}, "by name": False},
    "procedures": [{"assessment": "ОГЭ", "subject": "математика", "grade": 9, "year": 2026}],
    "rows": len(schools),
    "imitates": "РЦОИ, статистика ОГЭ по предмету в разрезе АТЕ и ОО (XLSX); grade 9 is implied by ОГЭ, not written",
    "subjects (file spelling -> package)": {"МАТЕМАТИКЕ (title)": "математика"},
    "all columns (for the grader)": {"Код ОО": "school_id", "Наименование ОО": "school_name", "Наименование АТЕ": "municipality", "Кол-во\nучастников": "participants", "Получили отметку «2» чел.": "mark2", "«3» чел.": "mark3", "«4» чел.": "mark4", "«5» чел.": "mark5", "… %": "ignore (percent, 1 decimal)", "Средняя\nотметка": "ignore (2 decimals)"},
})

# ---------------------------------------------------------------- F2: ВПР 8 wide, subjects as groups, counts, blank row between municipalities
f2 = "ВПР_2026_8_классы_количество_отметок_по_предметам.xlsx"
munis = muni_sample(6)
schools = pick(lambda s: max_grade(s) >= 9, munis, 8)
SUBJ2 = [("Русский язык", "русский язык", -0.1), ("Математика", "математика", 0.0), ("История", "история", 0.1),
         ("География", "география", 0.05), ("Физика", "физика", -0.15)]
sh = Sheet("8 класс")
sh.row(0, ["Всероссийские проверочные работы — 2026"], 4)
sh.row(1, ["8 классы. Количество участников, получивших отметки «2», «3», «4», «5»"], 4)
H = 3
for c, h in enumerate(["Муниципальное образование", "Образовательная организация"]):
    sh.set(H, c, h, 1)
    sh.merge(H, c, H + 1, c)
for g, (label, _, _) in enumerate(SUBJ2):
    c0 = 2 + 5 * g
    sh.set(H, c0, label, 1)
    sh.merge(H, c0, H, c0 + 4)
    for i, h in enumerate(["Участников", "«2»", "«3»", "«4»", "«5»"]):
        sh.set(H + 1, c0 + i, h, 1)
r = H + 2
totals = {g: [0, 0, 0, 0, 0] for g in range(5)}
rows2 = 0
for mi, mname in enumerate(munis):
    if mi:
        r += 1  # blank row between municipalities
    for s in [x for x in schools if x["municipality"] == mname]:
        sh.set(r, 0, mname)
        sh.set(r, 1, f"{s['code']} {s['name']}")
        chosen = {0, 1} | set(rnd.sample([2, 3, 4], 2))  # two subjects «по выбору» per school
        n8 = participants(s["code"], 8)
        for g, (label, subj, shift) in enumerate(SUBJ2):
            if g not in chosen:
                continue
            n = n8 if g < 2 else max(1, round(n8 * rnd.uniform(0.4, 0.55)) if n8 > 4 else n8)
            m = draw_marks(s["code"], n, shift)
            add_result(s["code"], 2026, "ВПР", subj, 8, n, *m)
            rows2 += 1
            for i, v in enumerate([n] + m):
                sh.set(r, 2 + 5 * g + i, v)
                totals[g][i] += v
        r += 1
r += 1
sh.set(r, 0, "Итого по региону", 6)
for g in range(5):
    for i in range(5):
        sh.set(r, 2 + 5 * g + i, totals[g][i])
write_xlsx(os.path.join(OUT, f2), [sh])
FILES.append({
    "file": f2,
    "layout": "wide: a merged group per subject (Русский язык, Математика, История, География, Физика) × {Участников, «2»…«5»}, counts only; sorted by municipality with an EMPTY row between municipalities; no municipality subtotals; «Итого по региону» last; a school has 2 of the 3 elective subjects (empty cells otherwise)",
    "what a user must do": {"fixed": {}, "columns": {"Образовательная организация": "school_name", "Муниципальное образование": "municipality"}, "by name": False},
    "procedures": [{"assessment": "ВПР", "subject": x[1], "grade": 8, "year": 2026} for x in SUBJ2],
    "rows": rows2,
    "imitates": "a regional ВПР summary (ФИС ОКО numbers gathered into one sheet per grade), counts only",
    "school code": "at the start of the name cell: «D-0012 МБОУ «…» (демо)»",
    "subjects (file spelling -> package)": {x[0]: x[1] for x in SUBJ2},
})

# ---------------------------------------------------------------- F3: ЕГЭ, cover sheet first, «Примечание», region + АТЕ code columns
f3 = "Отчёт_ЕГЭ_2026_по_ОО.xlsx"
munis = muni_sample(5)
schools = pick(lambda s: max_grade(s) == 11, munis, 8)
SUBJ3 = [("Русский язык", "русский язык", 24, 61), ("Математика (профильный уровень)", "математика (профильный уровень)", 27, 51),
         ("Физика", "физика", 36, 54)]
NOTES = ["результат 1 участника аннулирован (удалён с ППЭ), в численность не включён", "участники с ОВЗ сдавали в ППЭ на дому",
         "ППЭ на базе ОО", "1 участник пересдавал в резервный день", "нет участников из числа выпускников прошлых лет"]
cover = Sheet("Титульный лист")
for i, t in enumerate(["Министерство образования Демонстрационной области (демо)", "",
                       "ГБУ «Региональный центр обработки информации»", "", "",
                       "СТАТИСТИКО-АНАЛИТИЧЕСКИЙ ОТЧЁТ", "о результатах единого государственного экзамена",
                       "выпускников 11 классов образовательных организаций", "Демонстрационной области (демо)", "",
                       "(основной период)", "", "", "2026 год"]):
    if t:
        cover.set(i + 2, 1, t, 4 if i in (5,) else 0)
sh = Sheet("Результаты по ОО")
heads = ["№", "Субъект РФ", "Код АТЕ", "АТЕ", "Код ОО", "Наименование ОО", "Предмет", "Кол-во\nучастников",
         "Не преодолели\nминимальный\nпорог, чел.", "Средний\nтестовый\nбалл", "Получили\n81-99\nбаллов", "Получили\n100\nбаллов", "Примечание"]
sh.row(0, heads, 1)
r, no, rows3 = 1, 0, 0
for label, subj, thr, mu in SUBJ3:
    agg = [0, 0, 0, 0, 0]  # n, below, sumscore, 81-99, 100
    for s in schools:
        if subj == "физика" and rnd.random() < 0.3:
            continue
        n = participants(s["code"], 11)
        if subj == "физика":
            n = max(1, round(n * rnd.uniform(0.15, 0.35)))
        if subj.startswith("математика"):
            n = max(1, round(n * rnd.uniform(0.45, 0.7)))
        scores = [max(0, min(100, round(rnd.gauss(mu + 12 * QUALITY[s["code"]], 15)))) for _ in range(n)]
        below = sum(1 for x in scores if x < thr)
        hi = sum(1 for x in scores if 81 <= x <= 99)
        full = sum(1 for x in scores if x == 100)
        avg = (Decimal(sum(scores)) / Decimal(n)).quantize(Decimal("0.1"), ROUND_HALF_UP)
        no += 1
        note = rnd.choice(NOTES) if rnd.random() < 0.2 else ""
        sh.row(r, [no, REGION, ATE_CODE[s["municipality"]], s["municipality"], s["code"], s["name"], label, n, below,
                   num(avg), hi, full, note or None], styles=[0] * 9 + [2, 0, 0, 0])
        add_result(s["code"], 2026, "ЕГЭ", subj, 11, n, below)
        rows3 += 1
        for i, v in enumerate([n, below, sum(scores), hi, full]):
            agg[i] += v
        r += 1
    avg = (Decimal(agg[2]) / Decimal(agg[0])).quantize(Decimal("0.1"), ROUND_HALF_UP)
    sh.row(r, [None, REGION, None, None, None, "Итого по субъекту", label, agg[0], agg[1], num(avg), agg[3], agg[4], None],
           styles=[6] * 9 + [2, 6, 6, 6])
    r += 1
write_xlsx(os.path.join(OUT, f3), [cover, sh])
FILES.append({
    "file": f3,
    "layout": "long (a row per school and subject); FIRST sheet «Титульный лист» is text only (year, ЕГЭ, 11 классы), data on the SECOND sheet; one header row with line breaks; «Субъект РФ» column repeating the region, «Код АТЕ» + «АТЕ» columns; «Итого по субъекту» after each subject; «Примечание» column with free text",
    "what a user must do": {"fixed": {"year": 2026, "assessment": "ЕГЭ", "grade": 11}, "columns": {"Субъект РФ": "ignore", "Код АТЕ": "ignore", "Не преодолели\nминимальный\nпорог, чел.": "mark2", "Примечание": "ignore"}, "by name": False},
    "procedures": [{"assessment": "ЕГЭ", "subject": x[1], "grade": 11, "year": 2026} for x in SUBJ3],
    "rows": rows3,
    "imitates": "РЦОИ statistical-analytical ЕГЭ report workbook: cover sheet + table by ОО; no marks, only the below-threshold count, average test score, 81–99 and 100 points",
    "note on fixed": "year, ЕГЭ and grade 11 are only on the cover sheet (text) and year in the file name; the data sheet says none of them. A converter that reads the cover sheet may find them itself",
    "subjects (file spelling -> package)": {x[0]: x[1] for x in SUBJ3},
    "all columns (for the grader)": {"Код ОО": "school_id", "Наименование ОО": "school_name", "АТЕ": "municipality", "Предмет": "subject", "Кол-во\nучастников": "participants", "Не преодолели\nминимальный\nпорог, чел.": "mark2 (mark3–5 empty)", "Средний\nтестовый\nбалл": "ignore", "Получили\n81-99\nбаллов": "ignore", "Получили\n100\nбаллов": "ignore", "Примечание": "ignore", "№": "ignore", "Субъект РФ": "ignore", "Код АТЕ": "ignore"},
})

# ---------------------------------------------------------------- F4: tab-delimited UTF-16 text (Excel «Текст Юникод»), 2025, by name, whole %
f4 = "vpr_2025_5kl_istoriya_biologiya.csv"
munis = muni_sample(5)
schools = pick(lambda s: max_grade(s) >= 9, munis, 7)
SUBJ4 = [("История", "история", 0.1), ("Биология", "биология", 0.0)]
lines = [["Результаты ВПР-2025, 5 классы (отметки в % от числа участников)"] + [""] * 8,
         ["Муниципалитет", "Образовательная организация", "Предмет", "Класс", "Кол-во участников", "% «2»", "% «3»", "% «4»", "% «5»"]]
rows4 = 0
for label, subj, shift in SUBJ4:
    agg = [0, 0, 0, 0, 0]
    for s in schools:
        n = participants(s["code"], 5)
        m = draw_marks(s["code"], n, shift)
        add_result(s["code"], 2025, "ВПР", subj, 5, n, *m)
        rows4 += 1
        lines.append([s["municipality"], s["name"], label, "5", str(n)] + [str(pct(x, n, 0)) for x in m])
        for i, v in enumerate([n] + m):
            agg[i] += v
    lines.append(["Итого по региону", "", label, "5", str(agg[0])] + [str(pct(x, agg[0], 0)) for x in agg[1:]])
buf = io.StringIO()
csv.writer(buf, delimiter="\t", lineterminator="\r\n").writerows(lines)
with open(os.path.join(OUT, f4), "wb") as fh:
    fh.write(b"\xff\xfe" + buf.getvalue().encode("utf-16-le"))
FILES.append({
    "file": f4,
    "layout": "long (a row per school and subject); TAB-delimited, UTF-16 LE with BOM, CRLF (Excel «Текст Юникод»); one title line above the header; «Итого по региону» line after each subject",
    "what a user must do": {"fixed": {}, "columns": {"Образовательная организация": "school_name", "Муниципалитет": "municipality"}, "by name": True},
    "procedures": [{"assessment": "ВПР", "subject": x[1], "grade": 5, "year": 2025} for x in SUBJ4],
    "rows": rows4,
    "imitates": "a region's ВПР table saved from Excel as «Текст Юникод» and renamed .csv; schools only by full name + municipality column; year only in the title line",
    "subjects (file spelling -> package)": {x[0]: x[1] for x in SUBJ4},
    "values": "whole percent + participants",
})

# ---------------------------------------------------------------- F5: cp1251 ';' CSV, journal comparison % 2 decimals, decimal comma
f5 = "sravnenie_s_zhurnalom_VPR_2026_7kl.csv"
munis = muni_sample(5)
schools = pick(lambda s: max_grade(s) >= 9, munis, 7)
SUBJ5 = [("Математика", "математика"), ("Русский язык", "русский язык")]
HDR5 = ["Код ОО", "Наименование ОО", "Предмет", "Кол-во участников", "Понизили (Отметка < Отметка по журналу) %",
        "Подтвердили (Отметка = Отметке по журналу) %", "Повысили (Отметка > Отметка по журналу) %", "Всего %"]
lines = [["Сравнение отметок с отметками по журналу"] + [""] * 7, ["ВПР 2026. 7 класс"] + [""] * 7, [""] * 8, HDR5]


def fmt2(count, n):
    return str(pct(count, n, 2)).replace(".", ",")


rows5 = 0
for label, subj in SUBJ5:
    block = {}
    for s in schools:
        n = participants(s["code"], 7)
        u = rnd.random()
        if u < 0.12:
            lo, ra = 0, 0
        elif u < 0.22:
            lo, ra = round(n * rnd.uniform(0.45, 0.7)), 0
        else:
            lo, ra = round(n * rnd.uniform(0.08, 0.3)), round(n * rnd.uniform(0, 0.06))
        co = n - lo - ra
        block[s["code"]] = (n, lo, co, ra)
        add_conf(s["code"], 2026, "ВПР", subj, 7, n, lo, co, ra)
        rows5 += 1

    def line(code, name, vals):
        n, lo, co, ra = vals
        return [code, name, label, str(n), fmt2(lo, n), fmt2(co, n), fmt2(ra, n), "100"]

    def sm(codes):
        return tuple(sum(block[c][i] for c in codes) for i in range(4))

    lines.append(line("", REGION, sm([s["code"] for s in schools])))
    for mname in munis:
        ms = [s["code"] for s in schools if s["municipality"] == mname]
        lines.append(line("", mname, sm(ms)))
        for c in ms:
            lines.append(line(c, BY_CODE[c]["name"], block[c]))
buf = io.StringIO()
csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(lines)
with open(os.path.join(OUT, f5), "wb") as fh:
    fh.write(buf.getvalue().encode("cp1251"))
FILES.append({
    "file": f5,
    "layout": "long (a row per school and subject); Windows-1251, ';', CRLF, decimal commas unquoted; 2 title lines + an empty line above the header; per subject: region line, then each municipality line followed by its schools",
    "what a user must do": {"fixed": {}, "columns": {"Всего %": "ignore"}, "by name": False},
    "procedures": [{"assessment": "ВПР", "subject": x[1], "grade": 7, "year": 2026} for x in SUBJ5],
    "rows": rows5,
    "target table": "confirmation.csv",
    "imitates": "ФИС ОКО «Сравнение отметок с отметками по журналу», gathered by school and saved from Russian Excel as «CSV (разделители — точки с запятой)»",
    "subjects (file spelling -> package)": {x[0]: x[1] for x in SUBJ5},
    "all columns (for the grader)": {"Код ОО": "school_id", "Наименование ОО": "school_name", "Предмет": "subject", "Кол-во участников": "participants", HDR5[4]: "lowered (% 2 decimals)", HDR5[5]: "confirmed (%)", HDR5[6]: "raised (%)", "Всего %": "ignore"},
})

# ---------------------------------------------------------------- F6: nothing about the procedure, odd headers
f6 = "Результаты.xlsx"
munis = muni_sample(4)
schools = pick(lambda s: max_grade(s) >= 9, munis, 6)
sh = Sheet("Лист1")
HDR6 = ["№", "Код", "Школа", "Всего писали", "Неудовл.", "Удовл.", "Хорошо", "Отлично", "Успеваемость", "Качество"]
sh.row(0, HDR6, 6)
agg = [0, 0, 0, 0, 0]
for i, s in enumerate(schools):
    n = participants(s["code"], 7)
    m = draw_marks(s["code"], n, -0.05)
    add_result(s["code"], 2026, "ВПР", "география", 7, n, *m)
    sh.row(i + 1, [i + 1, s["code"], s["name"].replace(" (демо)", ""), n] + m + [num(pct(n - m[0], n, 0)), num(pct(m[2] + m[3], n, 0))])
    for j, v in enumerate([n] + m):
        agg[j] += v
sh.row(len(schools) + 1, [None, None, "Итого", agg[0]] + agg[1:] + [num(pct(agg[0] - agg[1], agg[0], 0)), num(pct(agg[3] + agg[4], agg[0], 0))], 6)
write_xlsx(os.path.join(OUT, f6), [sh])
FILES.append({
    "file": f6,
    "layout": "long, one procedure, a bare sheet «Лист1»: one header row, «Итого» last; NOTHING says assessment/subject/grade/year",
    "what a user must do": {"fixed": {"year": 2026, "assessment": "ВПР", "subject": "география", "grade": 7},
                            "columns": {"Код": "school_id", "Школа": "school_name", "Всего писали": "participants", "Неудовл.": "mark2", "Удовл.": "mark3", "Хорошо": "mark4", "Отлично": "mark5", "Успеваемость": "ignore", "Качество": "ignore", "№": "ignore"},
                            "by name": False},
    "procedures": [{"assessment": "ВПР", "subject": "география", "grade": 7, "year": 2026}],
    "rows": len(schools),
    "imitates": "a sheet a municipal methodologist typed/copied and mailed; «Успеваемость»/«Качество» are whole percents (numbers, no % sign); school names without «(демо)»",
})

# ---------------------------------------------------------------- F7: wide ВПР 6, shares as «12,5%» TEXT, by name under municipality rows
f7 = "Свод_ВПР_2026_6_класс_доли_отметок.xlsx"
munis = muni_sample(5)
schools = pick(lambda s: max_grade(s) >= 9, munis, 7)
SUBJ7 = [("Русский язык", "русский язык", -0.1), ("Математика", "математика", 0.0), ("Биология", "биология", 0.1)]
sh = Sheet("6 класс")
sh.row(0, ["Результаты Всероссийских проверочных работ 2026 года в 6-х классах"], 4)
sh.merge(0, 0, 0, 15)
sh.row(1, ["(доля участников, получивших отметку, от числа участников)"])
sh.merge(1, 0, 1, 15)
H = 3
sh.set(H, 0, "Наименование\nМО / ОО", 1)
sh.merge(H, 0, H + 1, 0)
for g, (label, _, _) in enumerate(SUBJ7):
    c0 = 1 + 5 * g
    sh.set(H, c0, label, 1)
    sh.merge(H, c0, H, c0 + 4)
    for i, h in enumerate(["Кол-во\nучастников", "Доля\n«2»", "Доля\n«3»", "Доля\n«4»", "Доля\n«5»"]):
        sh.set(H + 1, c0 + i, h, 1)


def share(c, n):
    return str(pct(c, n, 1)).replace(".", ",") + "%"


data7 = {}
rows7 = 0
for s in schools:
    n6 = participants(s["code"], 6)
    for g, (label, subj, shift) in enumerate(SUBJ7):
        if g == 2 and rnd.random() < 0.35:
            continue  # биология only in part of the schools
        n = n6 if g < 2 else max(1, round(n6 * rnd.uniform(0.85, 1.0)))
        m = draw_marks(s["code"], n, shift)
        data7[(s["code"], g)] = (n, m)
        add_result(s["code"], 2026, "ВПР", subj, 6, n, *m)
        rows7 += 1


def row7(r, name, codes, style):
    sh.set(r, 0, name, style)
    for g in range(3):
        got = [data7[(c, g)] for c in codes if (c, g) in data7]
        if not got:
            continue
        n = sum(x[0] for x in got)
        m = [sum(x[1][i] for x in got) for i in range(4)]
        sh.set(r, 1 + 5 * g, n, style)
        for i in range(4):
            sh.set(r, 2 + 5 * g + i, share(m[i], n), 5)


r = H + 2
row7(r, REGION, [s["code"] for s in schools], 6)
r += 1
for mname in munis:
    ms = [s["code"] for s in schools if s["municipality"] == mname]
    row7(r, mname, ms, 6)
    r += 1
    for c in ms:
        row7(r, BY_CODE[c]["name"], [c], 0)
        r += 1
write_xlsx(os.path.join(OUT, f7), [sh])
FILES.append({
    "file": f7,
    "layout": "wide: merged group per subject (Русский язык, Математика, Биология) × {Кол-во участников, Доля «2»…«5»}; ONE name column holding region, municipality and school names (schools under their municipality row); shares are TEXT cells like «12,5%» (1 decimal, decimal comma, % sign); merged title rows",
    "what a user must do": {"fixed": {}, "columns": {"Наименование\nМО / ОО": "school_name"}, "by name": True},
    "procedures": [{"assessment": "ВПР", "subject": x[1], "grade": 6, "year": 2026} for x in SUBJ7],
    "rows": rows7,
    "imitates": "a regional ВПР summary made by hand in Excel with shares typed/pasted as text «12,5%»; municipality rows are the only municipality information",
    "subjects (file spelling -> package)": {x[0]: x[1] for x in SUBJ7},
})

# ---------------------------------------------------------------- expected package
with open(os.path.join(HERE, "expected", "schools.csv"), "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["school_id", "name", "municipality_id", "municipality_name"])
    for c in sorted(USED):
        s = USED[c]
        w.writerow([c, s["name"], s["municipality"], s["municipality"]])
with open(os.path.join(HERE, "expected", "results.csv"), "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["school_id", "year", "assessment", "subject", "grade", "participants", "mark2", "mark3", "mark4", "mark5"])
    for row in sorted(RESULTS, key=lambda x: x[:5]):
        w.writerow(["" if v is None else v for v in row])
with open(os.path.join(HERE, "expected", "confirmation.csv"), "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["school_id", "year", "assessment", "subject", "grade", "participants", "lowered", "confirmed", "raised"])
    for row in sorted(CONF, key=lambda x: x[:5]):
        w.writerow(row)
with open(os.path.join(HERE, "files.json"), "w", encoding="utf-8") as fh:
    json.dump(FILES, fh, ensure_ascii=False, indent=2)
    fh.write("\n")
small = sum(1 for x in RESULTS if x[5] <= 8)
print(f"{len(FILES)} files, {len(USED)} schools, {len(RESULTS)} result rows ({small} with <=8 participants, min {min(x[5] for x in RESULTS)}), {len(CONF)} confirmation rows")
