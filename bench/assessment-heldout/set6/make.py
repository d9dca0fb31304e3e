"""Set 6 generator (seed 2026_1206). Writes files/ (XLSX by hand + html/ for LibreOffice), expected/, files.json.
Layout attributes come from draw.py (printed in README)."""
import json, random, csv, io, os
from decimal import Decimal, ROUND_HALF_UP
from xlsxw import write_xlsx, col_letter

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
R = random.Random(2026_1206 + 1)          # data seed (draw.py uses 2026_1206 itself)
SCHOOLS = json.load(open("demo-schools.json", encoding="utf-8"))
BYCODE = {s["code"]: s for s in SCHOOLS}
MUNIS = sorted({s["municipality"] for s in SCHOOLS})

def pct(n, d, places=1):
    if d == 0:
        return Decimal(0)
    q = Decimal(1).scaleb(-places)
    return (Decimal(n) * 100 / Decimal(d)).quantize(q, ROUND_HALF_UP)

def frac(n, d, places=3):
    q = Decimal(1).scaleb(-places)
    return (Decimal(n) / Decimal(d)).quantize(q, ROUND_HALF_UP)

def comma(x):
    return str(x).replace(".", ",")

def spaced(n):               # «1 204»
    return f"{n:,}".replace(",", " ")

def kind(s):
    n = s["name"]
    if "Гимназия" in n or "Лицей" in n: return "gym"
    if "НОШ" in n: return "nosh"
    if "ООШ" in n: return "oosh"
    if " г. " in n or "пгт" in n: return "town"
    return "rural"

QUAL = {s["code"]: R.gauss(0, 0.6) + {"gym": 0.6, "town": 0.1, "rural": -0.2, "oosh": -0.35, "nosh": 0}[kind(s)] for s in SCHOOLS}
BASE = {"gym": (45, 95), "town": (30, 85), "rural": (7, 24), "oosh": (3, 11), "nosh": (2, 8)}

def cohort(s, g):
    lo, hi = BASE[kind(s)]
    n = R.randint(lo, hi)
    return max(1, round(n * R.uniform(0.82, 1.0)))

def marks(code, n, shift=0.0):
    m = [0, 0, 0, 0]
    q = QUAL[code] + shift
    for _ in range(n):
        x = 3.55 + q + R.gauss(0, 0.85)
        k = 2 if x < 2.6 else 3 if x < 3.6 else 4 if x < 4.45 else 5
        m[k - 2] += 1
    return m

def mix(ngo, nmr):
    go = [m for m in MUNIS if m.startswith("Городской округ")]
    mr = [m for m in MUNIS if not m.startswith("Городской округ")]
    return R.sample(go, ngo) + R.sample(mr, nmr)

def pick_schools(nmun, grade, k_min=20, k_max=40, unique_names=False, munis=None):
    munis = munis or R.sample(MUNIS, nmun)
    out = []
    for m in munis:
        ss = [s for s in SCHOOLS if s["municipality"] == m and not (kind(s) == "nosh" and grade > 4)
              and not (kind(s) == "oosh" and grade > 9)]
        R.shuffle(ss)
        out += sorted(ss[:R.randint(5, 9)], key=lambda s: s["code"])
    return munis, out

RESULTS, CONF, USED, FILES = {}, {}, set(), []

def add_result(code, year, asmt, subj, grade, m):
    key = (code, year, asmt, subj, grade)
    assert key not in RESULTS and key not in CONF, key
    RESULTS[key] = [sum(m)] + list(m)
    USED.add(code)

def add_conf(code, year, subj, grade, low, conf, rai):
    key = (code, year, "ВПР", subj, grade)
    assert key not in CONF and key not in RESULTS, key
    CONF[key] = [low + conf + rai, low, conf, rai]
    USED.add(code)

ORG = ("МБОУ ", "МАОУ ", "МКОУ ")
def name_variant(s, rng):
    """full name as a region retypes it: quotes «» or "", org form kept or dropped"""
    n = s["name"]
    v = rng.random()
    if v < 0.35: return n
    if v < 0.6: return n.replace("«", '"').replace("»", '"')
    for o in ORG:
        if n.startswith(o):
            n2 = n[len(o):]
            break
    return n2 if v < 0.8 else n2.replace("«", '"').replace("»", '"')

def short_variant(s, rng, org_p=0.3):
    """shortName, sometimes with the org form written in front («МБОУ СОШ № 1 …»)"""
    n = s["shortName"]
    if rng.random() < org_p:
        return s["name"].split(" ")[0] + " " + n
    return n

def mun_short(m):
    m = m.replace(" (демо)", "")
    if m.startswith("Городской округ "): return "ГО " + m[len("Городской округ "):]
    return m.replace(" муниципальный район", " МР")

# ---------------------------------------------------------------- F1: sheet per municipality, % row above marks
def f1():
    fn = "ВПР-2026_биология_по_муниципалитетам.xlsx"
    Y, A, S, G = 2026, "ВПР", "биология", 7
    rng = random.Random(11)
    munis, schools = pick_schools(4, G)
    sheets, nrows = [], 0
    names = {}
    for m in munis:
        ms = [s for s in schools if s["municipality"] == m]
        # names must be unique within the sheet
        seen = set(); ms2 = []
        for s in ms:
            if s["shortName"] in seen: continue
            seen.add(s["shortName"]); ms2.append(s)
        cells, merges = {}, []
        cells[(1, 1)] = "Результаты всероссийских проверочных работ 2026 года по биологии"
        cells[(2, 1)] = f"Муниципальное образование: {m}"
        merges += ["A1:G1", "A2:G2"]
        h = 4
        cells[(h, 1)] = "№ п/п"; cells[(h, 2)] = "Образовательная организация"; cells[(h, 3)] = "Кол-во участников"
        merges += [f"A{h}:A{h+2}", f"B{h}:B{h+2}", f"C{h}:C{h+2}"]
        cells[(h, 4)] = "Распределение участников по отметкам"; merges.append(f"D{h}:G{h}")
        cells[(h + 1, 4)] = "%"; merges.append(f"D{h+1}:G{h+1}")
        for i, k in enumerate("2345"):
            cells[(h + 2, 4 + i)] = k
        r = h + 3
        tot = [0, 0, 0, 0]
        for i, s in enumerate(ms2, 1):
            n = cohort(s, G)
            mk = marks(s["code"], n, -0.05)
            add_result(s["code"], Y, A, S, G, mk)
            nm = short_variant(s, rng)
            names[s["code"]] = nm
            cells[(r, 1)] = str(i); cells[(r, 2)] = nm; cells[(r, 3)] = spaced(n)
            for j in range(4):
                cells[(r, 4 + j)] = "" if mk[j] == 0 else comma(pct(mk[j], n))
                tot[j] += mk[j]
            r += 1; nrows += 1
        P = sum(tot)
        cells[(r, 2)] = "Итого по муниципалитету"; cells[(r, 3)] = spaced(P)
        for j in range(4):
            cells[(r, 4 + j)] = "" if tot[j] == 0 else comma(pct(tot[j], P))
        sheets.append({"name": mun_short(m), "cells": cells, "merges": merges, "widths": {1: 6, 2: 48, 3: 12}})
    write_xlsx(f"files/{fn}", sheets)
    FILES.append({
        "file": fn,
        "layout": "a SHEET PER MUNICIPALITY (sheet name = short municipality name, row 2 «Муниципальное образование: …»); 3 merged header rows: «Распределение участников по отметкам» → «%» → «2»…«5»; «№ п/п», name, participants merged down the 3 rows; «Итого по муниципалитету» last on each sheet; every number is a TEXT cell (decimal comma, «1 204» thousands), an EMPTY % cell means 0; grade not written anywhere",
        "what a user must do": {"fixed": {"grade": 7}, "columns": {"№ п/п": "ignore"}, "by name": True},
        "procedures": [{"assessment": A, "subject": S, "grade": G, "year": Y}],
        "rows": nrows,
        "imitates": "a regional ВПР summary assembled from municipal reports, one sheet each, typed as text",
        "subjects (file spelling -> package)": {"по биологии (title)": S},
        "all columns (for the grader)": {"№ п/п": "ignore", "Образовательная организация": "school_name (shortName, sometimes with «МБОУ»/«МАОУ»/«МКОУ» in front)",
            "Кол-во участников": "participants", "Распределение участников по отметкам % 2": "mark2 (% of participants, 1 decimal; empty = 0)",
            "… % 3": "mark3", "… % 4": "mark4", "… % 5": "mark5", "(sheet name / row 2)": "municipality"},
    })

# ---------------------------------------------------------------- F2: long, merged school cells, percents
def f2():
    fn = "ВПР_2026_6_класс_распределение_отметок_по_ОО.xlsx"
    Y, A, G = 2026, "ВПР", 6
    subs = [("Русский язык", "русский язык", -0.1), ("Математика", "математика", -0.15), ("История", "история", 0.05)]
    munis, schools = pick_schools(4, G, munis=mix(3, 2))
    cells, merges = {}, []
    cells[(1, 1)] = "Всероссийские проверочные работы 2026 года"; cells[(2, 1)] = "6 класс. Распределение отметок по образовательным организациям"
    merges += ["A1:I1", "A2:I2"]
    h = 4
    heads = ["Код ОО", "Наименование ОО", "Муниципалитет", "Предмет", "Кол-во участников"]
    for i, t in enumerate(heads, 1):
        cells[(h, i)] = t; merges.append(f"{col_letter(i)}{h}:{col_letter(i)}{h+1}")
    cells[(h, 6)] = "Распределение отметок, %"; merges.append(f"F{h}:I{h}")
    for i, k in enumerate(["«2»", "«3»", "«4»", "«5»"]):
        cells[(h + 1, 6 + i)] = k
    r = h + 2; nrows = 0
    tot = {s[1]: [0, 0, 0, 0] for s in subs}
    for s in schools:
        mysubs = subs[:2] + ([subs[2]] if R.random() < 0.5 else [])
        r0 = r
        for lab, sub, sh in mysubs:
            n = cohort(s, G)
            mk = marks(s["code"], n, sh)
            add_result(s["code"], Y, A, sub, G, mk)
            cells[(r, 4)] = lab; cells[(r, 5)] = n
            for j in range(4):
                cells[(r, 6 + j)] = float(pct(mk[j], n, 2)); tot[sub][j] += mk[j]
            r += 1; nrows += 1
        cells[(r0, 1)] = s["code"]; cells[(r0, 2)] = s["name"]; cells[(r0, 3)] = s["municipality"]
        for c in (1, 2, 3):
            merges.append(f"{col_letter(c)}{r0}:{col_letter(c)}{r-1}")
    r0 = r
    for lab, sub, _ in subs:
        P = sum(tot[sub])
        cells[(r, 4)] = lab; cells[(r, 5)] = spaced(P)
        for j in range(4):
            cells[(r, 6 + j)] = float(pct(tot[sub][j], P, 2))
        r += 1
    cells[(r0, 1)] = "Итого по региону"; merges.append(f"A{r0}:C{r-1}")
    write_xlsx(f"files/{fn}", [{"name": "Лист1", "cells": cells, "merges": merges, "widths": {2: 48, 3: 34, 4: 16}}])
    FILES.append({
        "file": fn,
        "layout": "long, a row per school × subject (Русский язык, Математика, История in ~half); «Код ОО», name and municipality MERGED vertically over the school's 2–3 rows; 2 header rows (merged «Распределение отметок, %» over «2»…«5»); «Итого по региону» block at the end (A:C merged over 3 subject rows, participants as TEXT «1 204»); title gives ВПР 2026 and grade 6",
        "what a user must do": {"fixed": {}, "columns": {}, "by name": False},
        "procedures": [{"assessment": A, "subject": s[1], "grade": G, "year": Y} for s in subs],
        "rows": nrows,
        "imitates": "a regional operator's ВПР summary with merged school cells",
        "subjects (file spelling -> package)": {s[0]: s[1] for s in subs},
        "all columns (for the grader)": {"Код ОО": "school_id (merged)", "Наименование ОО": "school_name (merged)", "Муниципалитет": "municipality (merged)",
            "Предмет": "subject", "Кол-во участников": "participants", "Распределение отметок, % «2»": "mark2 (% 2 decimals)",
            "… «3»": "mark3", "… «4»": "mark4", "… «5»": "mark5"},
    })

# ---------------------------------------------------------------- F3: wide per grade, preamble, hidden rows/cols, names
def f3():
    fn = "Итоги_7-8_классы_2026.xlsx"
    Y, A, S = 2026, "РДР", "математика"
    rng = random.Random(33)
    munis, schools = pick_schools(4, 8)
    cells, merges = {}, []
    pre = ["Сведения о результатах обучающихся 7 и 8 классов", "Год: 2026", "Исполнитель: Соколова Н. В., методист",
           "Дата составления: 25.04.2026"]
    for i, t in enumerate(pre, 1):
        cells[(i, 1)] = t
    h = 6
    heads = ["Муниципалитет", "ОКТМО", "Образовательная организация"]
    for i, t in enumerate(heads, 1):
        cells[(h, i)] = t; merges.append(f"{col_letter(i)}{h}:{col_letter(i)}{h+1}")
    for gi, g in enumerate((7, 8)):
        c0 = 4 + gi * 5
        cells[(h, c0)] = f"{g} класс"; merges.append(f"{col_letter(c0)}{h}:{col_letter(c0+4)}{h}")
        for j, t in enumerate(["Участники", "2", "3", "4", "5"]):
            cells[(h + 1, c0 + j)] = t
    r = h + 2; nrows = 0; hidden = set()
    grand = [0] * 10
    for m in munis:
        ms = [s for s in schools if s["municipality"] == m]
        seen = set(); ms2 = []
        for s in ms:
            if s["name"] in seen: continue
            seen.add(s["name"]); ms2.append(s)
        sub = [0] * 10
        for s in ms2:
            cells[(r, 1)] = m; cells[(r, 2)] = s["oktmo"]; cells[(r, 3)] = name_variant(s, rng)
            for gi, g in enumerate((7, 8)):
                n = cohort(s, g); mk = marks(s["code"], n, -0.2 + 0.1 * gi)
                add_result(s["code"], Y, A, S, g, mk); nrows += 1
                vals = [n] + mk
                for j, v in enumerate(vals):
                    cells[(r, 4 + gi * 5 + j)] = v; sub[gi * 5 + j] += v
            r += 1
        cells[(r, 1)] = m; cells[(r, 3)] = "Итого по МО"
        for j, v in enumerate(sub):
            cells[(r, 4 + j)] = v; grand[j] += v
        hidden.add(r); r += 1
    cells[(r, 3)] = "Итого"
    for j, v in enumerate(grand):
        cells[(r, 4 + j)] = v
    write_xlsx(f"files/{fn}", [{"name": "Лист1", "cells": cells, "merges": merges, "widths": {1: 36, 2: 12, 3: 50},
                                "hidden_cols": {2}, "hidden_rows": hidden}])
    FILES.append({
        "file": fn,
        "layout": "4-line preamble («Год: 2026», executor, date) above a 2-row header; WIDE: merged group per GRADE «7 класс» / «8 класс» × {Участники, 2, 3, 4, 5}; a row per school; HIDDEN column B «ОКТМО» and HIDDEN «Итого по МО» rows after each municipality; visible «Итого» last; neither the assessment (РДР) nor the subject (математика) is written anywhere",
        "what a user must do": {"fixed": {"assessment": A, "subject": S}, "columns": {"ОКТМО": "ignore", "Участники": "participants"}, "by name": True},
        "procedures": [{"assessment": A, "subject": S, "grade": g, "year": Y} for g in (7, 8)],
        "rows": nrows,
        "imitates": "a municipal-centre summary of a regional diagnostic work, sent without saying which work",
        "subjects (file spelling -> package)": {"(not in the file)": S},
        "all columns (for the grader)": {"Муниципалитет": "municipality", "ОКТМО": "ignore (hidden column)", "Образовательная организация": "school_name (full name; «» or \"\", org form sometimes dropped)",
            "7 класс Участники": "participants (grade 7)", "7 класс 2": "mark2", "7 класс 3": "mark3", "7 класс 4": "mark4", "7 класс 5": "mark5",
            "8 класс Участники": "participants (grade 8)", "8 класс 2…5": "mark2…mark5"},
    })

# ---------------------------------------------------------------- F4: CSV, a row per class, fractions
def f4():
    fn = "vygruzka_po_klassam.csv"
    Y, A, S, G = 2026, "ВПР", "обществознание", 7
    munis, schools = pick_schools(4, G)
    lines = [["Код ОО", "Наименование ОО", "Класс", "Кол-во участников", "Доля участников, получивших отметку", "", "", ""],
             ["", "", "", "", "2", "3", "4", "5"]]
    body = []; tot = [0, 0, 0, 0]; nrows = 0
    for s in schools:
        k = 1 if kind(s) in ("rural", "oosh") else R.randint(2, 4)
        sm = [0, 0, 0, 0]
        for ci in range(k):
            n = max(1, min(30, cohort(s, G) // k if kind(s) not in ("rural", "oosh") else cohort(s, G)))
            mk = marks(s["code"], n)
            n = sum(mk)
            body.append([s["code"], s["name"], f"7{'АБВГ'[ci]}", str(n)] + [comma(frac(x, n)) for x in mk])
            for j in range(4): sm[j] += mk[j]; tot[j] += mk[j]
        add_result(s["code"], Y, A, S, G, sm); nrows += 1
    P = sum(tot)
    vs = [30412, 0.071, 0.452, 0.371, 0.106]  # fabricated national figures
    lines.append(["", "Вся выборка", "", str(vs[0])] + [comma(x) for x in vs[1:]])
    lines.append(["", "Регион", "", str(P)] + [comma(frac(x, P)) for x in tot])
    lines += body
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerows(lines)
    open(f"files/{fn}", "w", encoding="utf-8", newline="").write(buf.getvalue())
    FILES.append({
        "file": fn,
        "layout": "CSV UTF-8 (no BOM), «;», LF; 2 header lines («Доля участников, получивших отметку» over 2…5 on the first, marks on the second); «Вся выборка» (fabricated) and «Регион» lines first; a row per CLASS («7А», «7Б»…; 1–4 per school) with FRACTIONS 0–1 (3 decimals, decimal comma) — class counts = fraction × participants, SUMMED per school; nothing says year, assessment, subject or grade",
        "what a user must do": {"fixed": {"year": Y, "assessment": A, "subject": S, "grade": G},
                                "columns": {"Класс": "ignore (sum the class rows per school)"}, "by name": False},
        "procedures": [{"assessment": A, "subject": S, "grade": G, "year": Y}],
        "rows": nrows,
        "imitates": "a per-class export from a school-results system, saved as CSV without any title",
        "subjects (file spelling -> package)": {"(not in the file)": S},
        "all columns (for the grader)": {"Код ОО": "school_id", "Наименование ОО": "school_name", "Класс": "class (sum per school)",
            "Кол-во участников": "participants", "Доля участников, получивших отметку 2": "mark2 (fraction of participants)", "… 3": "mark3", "… 4": "mark4", "… 5": "mark5"},
    })

# ---------------------------------------------------------------- F5: blocks, «n (p%)», LibreOffice from HTML
def f5():
    fn = "Результаты_по_предметам_сводная.xlsx"
    Y, A, G = 2025, "ОГЭ", 9
    subs = [("РУССКИЙ ЯЗЫК", "русский язык", 0.1), ("МАТЕМАТИКА", "математика", -0.1)]
    rng = random.Random(55)
    munis, schools = pick_schools(4, G)
    sch = {}
    for m in munis:
        seen = set()
        for s in schools:
            if s["municipality"] == m and s["shortName"] not in seen:
                seen.add(s["shortName"]); sch.setdefault(m, []).append(s)
    vname = {s["code"]: short_variant(s, rng) for m in munis for s in sch[m]}
    html = ['<html><head><meta charset="utf-8"></head><body><table border="1">']
    nrows = 0
    def cellnp(n, P):
        return f"{n} ({comma(pct(n, P))}%)"
    for bi, (lab, sub, sh) in enumerate(subs):
        data = {}
        for m in munis:
            for s in sch[m]:
                n = cohort(s, G); mk = marks(s["code"], n, sh)
                data[s["code"]] = mk; add_result(s["code"], Y, A, sub, G, mk); nrows += 1
        tot = [sum(data[c][j] for c in data) for j in range(4)]; P = sum(tot)
        html.append(f'<tr><td colspan="8"><b>{lab}</b></td></tr>')
        html.append("<tr><td>Муниципалитет</td><td colspan=\"2\">Образовательная организация</td><td>Участников</td>"
                    "<td>«2»</td><td>«3»</td><td>«4»</td><td>«5»</td></tr>")
        ws = [8231 + bi * 57, 0.041 + bi * 0.05, 0.402, 0.377, 0.18 - bi * 0.05]
        wn = [round(ws[0] * x) for x in ws[1:]]; wn[3] = ws[0] - sum(wn[:3])
        html.append("<tr><td colspan=\"3\">Вся выборка</td><td>%d</td>%s</tr>" % (ws[0], "".join(f"<td>{cellnp(x, ws[0])}</td>" for x in wn)))
        html.append("<tr><td colspan=\"3\">Регион</td><td>%d</td>%s</tr>" % (P, "".join(f"<td>{cellnp(x, P)}</td>" for x in tot)))
        for m in munis:
            for i, s in enumerate(sch[m]):
                mk = data[s["code"]]; n = sum(mk)
                mc = f'<td rowspan="{len(sch[m])}">{m}</td>' if i == 0 else ""
                html.append(f'<tr>{mc}<td colspan="2">{vname[s["code"]]}</td><td>{n}</td>' + "".join(f"<td>{cellnp(x, n)}</td>" for x in mk) + "</tr>")
        html.append('<tr><td colspan="8"></td></tr>')
    html.append("</table></body></html>")
    open("html/F5.html", "w", encoding="utf-8").write("\n".join(html))
    FILES.append({
        "file": fn,
        "layout": "BLOCKS one under another on one sheet: caption row «РУССКИЙ ЯЗЫК» / «МАТЕМАТИКА», own 1-row header, «Вся выборка» (fabricated) and «Регион» rows, then schools; municipality cell MERGED vertically over its schools, school name merged over 2 columns (B:C); every mark cell is TEXT «n (p%)» like «12 (24,5%)»; nothing says year, assessment or grade (made by LibreOffice from HTML)",
        "what a user must do": {"fixed": {"year": Y, "assessment": A, "grade": G},
                                "columns": {"«2»": "mark2 (count before the bracket)", "«3»": "mark3", "«4»": "mark4", "«5»": "mark5", "Участников": "participants"}, "by name": True},
        "procedures": [{"assessment": A, "subject": s[1], "grade": G, "year": Y} for s in subs],
        "rows": nrows,
        "imitates": "РЦОИ ОГЭ tables pasted one under another by a methodologist, title lost",
        "subjects (file spelling -> package)": {s[0]: s[1] for s in subs},
        "all columns (for the grader)": {"Муниципалитет": "municipality (merged)", "Образовательная организация": "school_name (shortName, sometimes with org form in front; merged B:C)",
            "Участников": "participants", "«2»": "mark2 «n (p%)»", "«3»": "mark3", "«4»": "mark4", "«5»": "mark5"},
    })

# ---------------------------------------------------------------- F6: confirmation, wide per subject, counts
def f6():
    fn = "Сравнение_с_журналом_2026_5_классы.xlsx"
    Y, G = 2026, 5
    subs = [("Математика", "математика"), ("Русский язык", "русский язык")]
    rng = random.Random(66)
    munis, schools = pick_schools(4, G, munis=mix(3, 2))
    cells, merges = {}, []
    cells[(1, 1)] = "Сравнение отметок с отметками по журналу, 2026 год"; merges.append("A1:J1")
    h = 3
    cells[(h, 1)] = "Муниципалитет"; cells[(h, 2)] = "Образовательная организация"
    for si, (lab, _) in enumerate(subs):
        for j, t in enumerate(["участников", "понизили", "подтвердили", "повысили"]):
            cells[(h, 3 + si * 4 + j)] = f"{lab}: {t}"
    r = h + 2; nrows = 0
    tot = [0] * 8
    body = []
    for m in munis:
        ms = [s for s in schools if s["municipality"] == m]
        seen = set(); ms2 = []
        for s in ms:
            if s["name"] in seen: continue
            seen.add(s["name"]); ms2.append(s)
        r0 = r
        for s in ms2:
            cells[(r, 2)] = name_variant(s, rng)
            for si, (lab, sub) in enumerate(subs):
                n = cohort(s, G)
                u = R.random()
                lp = 0 if u < 0.12 else R.uniform(0.45, 0.7) if u > 0.9 else R.uniform(0.08, 0.3)
                low = round(n * lp); rai = round(n * R.uniform(0, 0.06)) if low < n else 0
                rai = min(rai, n - low); con = n - low - rai
                add_conf(s["code"], Y, sub, G, low, con, rai); nrows += 1
                for j, v in enumerate([n, low, con, rai]):
                    cells[(r, 3 + si * 4 + j)] = v if v else ""
                    tot[si * 4 + j] += v
            r += 1
        cells[(r0, 1)] = m
        if r - 1 > r0: merges.append(f"A{r0}:A{r-1}")
    rr = h + 1
    cells[(rr, 1)] = "Всего по региону"; merges.append(f"A{rr}:B{rr}")
    for j, v in enumerate(tot):
        cells[(rr, 3 + j)] = spaced(v) if v else ""
    write_xlsx(f"files/{fn}", [{"name": "Свод", "cells": cells, "merges": merges, "widths": {1: 34, 2: 50}}])
    FILES.append({
        "file": fn,
        "layout": "WIDE, one header row with subject inside each header («Математика: участников», «Математика: понизили», «…: подтвердили», «…: повысили», same for «Русский язык»); COUNTS; «Всего по региону» FIRST with TEXT numbers «1 204»; municipality cell MERGED vertically over its schools; EMPTY cell = 0; title says only «Сравнение отметок с отметками по журналу, 2026 год» (no ВПР, no grade)",
        "what a user must do": {"fixed": {"assessment": "ВПР", "grade": G}, "columns": {}, "by name": True},
        "procedures": [{"assessment": "ВПР", "subject": s[1], "grade": G, "year": Y} for s in subs],
        "rows": nrows,
        "target table": "confirmation",
        "imitates": "ФИС ОКО «Сравнение отметок с отметками по журналу» gathered by the region into one row per school",
        "subjects (file spelling -> package)": {s[0]: s[1] for s in subs},
        "all columns (for the grader)": {"Муниципалитет": "municipality (merged)", "Образовательная организация": "school_name (full name; «» or \"\", org form sometimes dropped)",
            "Математика: участников": "participants", "Математика: понизили": "lowered (empty = 0)", "Математика: подтвердили": "confirmed",
            "Математика: повысили": "raised", "Русский язык: …": "same for русский язык"},
    })

for f in (f1, f2, f3, f4, f5, f6):
    f()

def wcsv(path, head, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n"); w.writerow(head); w.writerows(rows)
wcsv("expected/results.csv", ["school_id", "year", "assessment", "subject", "grade", "participants", "mark2", "mark3", "mark4", "mark5"],
     [list(k) + v for k, v in sorted(RESULTS.items())])
wcsv("expected/confirmation.csv", ["school_id", "year", "assessment", "subject", "grade", "participants", "lowered", "confirmed", "raised"],
     [list(k) + v for k, v in sorted(CONF.items())])
wcsv("expected/schools.csv", ["school_id", "name", "municipality_id", "municipality_name"],
     [[c, BYCODE[c]["name"], BYCODE[c]["municipality"], BYCODE[c]["municipality"]] for c in sorted(USED)])
json.dump(FILES, open("files.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2)
print("results", len(RESULTS), "confirmation", len(CONF), "schools", len(USED))
for f in FILES: print(f["rows"], f["file"])
