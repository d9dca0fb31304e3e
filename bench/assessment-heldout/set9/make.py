#!/usr/bin/env python3
"""Set 9 (seed 2026_1209): six held-out assessment-result files + the same data as one Opora package.
Standard library only. Run via build.sh (LibreOffice converts html/F3.html and html/F4.html afterwards)."""
import csv, io, json, os, random, zipfile
from decimal import Decimal, ROUND_HALF_UP
from xml.sax.saxutils import escape
from draw import draw

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
for d in ("files", "expected", "html"):
    os.makedirs(d, exist_ok=True)

DRAW = draw()
R = random.Random(2026_1209)
SCHOOLS = json.load(open("demo-schools.json", encoding="utf-8"))
BYCODE = {s["code"]: s for s in SCHOOLS}
MUNS = sorted({s["municipality"] for s in SCHOOLS})
REGION = "Демо-область (демо)"

RESULTS = {}   # (code, year, assessment, subject, grade) -> [n, m2, m3, m4, m5]
CONFIRM = {}   # key -> [n, lowered, confirmed, raised]
ORIGIN = {}    # key -> file number
FILES = []     # files.json entries


def add(table, key, vals, fileno):
    assert key not in ORIGIN, key
    ORIGIN[key] = fileno
    table[key] = vals


def hu(x, dec):
    q = Decimal(1).scaleb(-dec)
    return Decimal(x).quantize(q, rounding=ROUND_HALF_UP)


def pct(k, n, dec):
    """half-up percent of k in n with dec decimals (Decimal)"""
    return hu(Decimal(100 * k) / Decimal(n), dec)


def frac(k, n, dec):
    return hu(Decimal(k) / Decimal(n), dec)


def back(p, n):
    """count from a percent: round(p*n/100) half-up"""
    return int(hu(Decimal(p) * n / 100, 0))


def marks(n, tilt=0.0):
    w = [max(0.02, R.uniform(0.03, 0.18)), R.uniform(0.25, 0.45), R.uniform(0.25, 0.4) + tilt, R.uniform(0.06, 0.2) + tilt]
    m = [0, 0, 0, 0]
    for _ in range(n):
        m[R.choices(range(4), w)[0]] += 1
    return m


def marks_rt(n, dec=0, fraction=False):
    """marks whose percents (or fractions) with `dec` decimals give the counts back exactly"""
    while True:
        m = marks(n)
        ok = True
        for k in m:
            p = frac(k, n, dec) * 100 if fraction else pct(k, n, dec)
            ok &= back(p, n) == k
        if ok:
            return m


def fmt(d, sep):
    return str(d).replace(".", sep)


def name_variant(s, variant):
    full, short = s["name"], s["shortName"]
    org = full.split(" ")[0]
    if variant == "quotes «»/\"\"":
        return full.replace("«", '"').replace("»", '"')
    if variant == "org form dropped":
        return short
    if variant == "org form added to short name":
        return org + " " + short
    if variant == "extra spaces":
        return full.replace(" ", "  ", 1) + " "
    if variant == "№ spacing":
        if "№ " in full:
            return full.replace("№ ", R.choice(["№", "N ", "№  "]))
        return full.replace("«", '"').replace("»", '"')
    return full


def names_for(schools, variants):
    out = {}
    for i, s in enumerate(schools):
        out[s["code"]] = s["name"] if i % 5 in (0, 3) else name_variant(s, variants[i % len(variants)])
    return out


def pick(n, pool=None, muns=None):
    pool = [s for s in (pool or SCHOOLS) if muns is None or s["municipality"] in muns]
    ch = R.sample(pool, n)
    return sorted(ch, key=lambda s: (s["municipality"], s["code"]))


def by_mun(schools):
    out = {}
    for s in schools:
        out.setdefault(s["municipality"], []).append(s)
    return out


# ---------------------------------------------------------------- XLSX by hand
def colname(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r, c):
    return f"{colname(c)}{r + 1}"


class Sheet:
    def __init__(self, name):
        self.name, self.cells, self.merges, self.hidden_rows, self.hidden_cols = name, {}, [], set(), set()

    def set(self, r, c, v, **kw):
        self.cells[(r, c)] = (v, kw)

    def merge(self, r1, c1, r2, c2):
        self.merges.append(f"{ref(r1, c1)}:{ref(r2, c2)}")


HID = ' hidden="1"'


def write_xlsx(path, sheets):
    sst, sidx = [], {}

    def si(t):
        if t not in sidx:
            sidx[t] = len(sst)
            sst.append(t)
        return sidx[t]

    sheet_xml = []
    for sh in sheets:
        rows = {}
        for (r, c), v in sh.cells.items():
            rows.setdefault(r, {})[c] = v
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">']
        maxc = max(c for _, c in sh.cells)
        out.append("<cols>" + "".join(f'<col min="{c + 1}" max="{c + 1}" width="{40 if c in (1, 5) else 10}"{HID if c in sh.hidden_cols else ""} customWidth="1"/>' for c in range(maxc + 1)) + "</cols>")
        out.append("<sheetData>")
        for r in sorted(rows):
            hid = ' hidden="1"' if r in sh.hidden_rows else ""
            out.append(f'<row r="{r + 1}"{hid}>')
            for c in sorted(rows[r]):
                v, kw = rows[r][c]
                a = ref(r, c)
                st = f' s="{kw["style"]}"' if kw.get("style") else ""
                if "formula" in kw:
                    f = escape(kw["formula"])
                    if isinstance(v, str):  # error value
                        out.append(f'<c r="{a}" t="e"{st}><f>{f}</f><v>{escape(v)}</v></c>')
                    else:
                        out.append(f'<c r="{a}"{st}><f>{f}</f><v>{num(v)}</v></c>')
                elif v is None:
                    out.append(f'<c r="{a}"{st}/>')
                elif isinstance(v, str):
                    out.append(f'<c r="{a}" t="s"{st}><v>{si(v)}</v></c>')
                else:
                    out.append(f'<c r="{a}"{st}><v>{num(v)}</v></c>')
            out.append("</row>")
        out.append("</sheetData>")
        if sh.merges:
            out.append(f'<mergeCells count="{len(sh.merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in sh.merges) + "</mergeCells>")
        out.append("</worksheet>")
        sheet_xml.append("".join(out))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
          + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join(f'<sheet name="{escape(s.name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, s in enumerate(sheets)) + "</sheets><calcPr calcId=\"191029\"/></workbook>")
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
              + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              + f'<Relationship Id="rId{len(sheets) + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
              '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')
    sstxml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(sst)}" uniqueCount="{len(sst)}">'
              + "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in sst) + "</sst>")
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", wbrels),
             ("xl/styles.xml", styles)] + [(f"xl/worksheets/sheet{i + 1}.xml", x) for i, x in enumerate(sheet_xml)] + [("xl/sharedStrings.xml", sstxml)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts:
            zi = zipfile.ZipInfo(n, (2026, 6, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))


def num(v):
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    return str(v)


# ---------------------------------------------------------------- HTML for LibreOffice
def td(v, tag="td", **attrs):
    a = "".join(f' {k}="{val}"' for k, val in attrs.items())
    if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
        return f'<{tag}{a} sdval="{v}" sdnum="1033;0;General">{v}</{tag}>'
    return f"<{tag}{a}>{escape(str(v)) if v is not None else ''}</{tag}>"


def write_html(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<html><head><meta charset="utf-8"></head><body><table border="1">\n')
        for r in rows:
            f.write("<tr>" + "".join(r) + "</tr>\n")
        f.write("</table></body></html>\n")


def write_csv(path, rows, enc, delim, eol, bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator=eol, quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    data = buf.getvalue().encode(enc)
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


NOTES = ["Примечание: данные предварительные, сверка с ОО не завершена.", "Исполнитель: Иванова А. П., тел. 8 (800) 000-00-00"]
F = {f["n"]: f for f in DRAW["files"]}
RESOLVED = []

# ================================================================ File 1: ВПР математика 5, per-task columns
f1 = F[1]
RESOLVED.append("file 1: ★ per-task columns + «wide per grade» → long (one procedure; task numbers differ per grade, so a wide-by-grade per-task table is not a real shape)")
s1 = pick(46)
nm1 = names_for(s1, f1["name variants"])
TASKS = ["1", "2", "3", "4.1", "4.2"] + [str(i) for i in range(5, 16)]
sh = Sheet("ВПР математика")
sh.set(0, 0, "Результаты ВПР по образовательным организациям (математика)", style=2)
head = ["Год", "Процедура", "Предмет", "Класс", "Муниципалитет", "Образовательная организация", "Кол-во участников"]
for c, h in enumerate(head):
    sh.set(1, c, h); sh.merge(1, c, 2, c)
c0 = len(head)
sh.set(1, c0, "Распределение отметок, чел."); sh.merge(1, c0, 1, c0 + 3)
sh.set(1, c0 + 4, "Распределение отметок, %"); sh.merge(1, c0 + 4, 1, c0 + 7)
for i, m in enumerate("2345"):
    sh.set(2, c0 + i, m); sh.set(2, c0 + 4 + i, m)
sh.set(1, c0 + 8, "Средний балл"); sh.merge(1, c0 + 8, 2, c0 + 8)
ct = c0 + 9
sh.set(1, ct, "Выполнение заданий (% верных ответов)"); sh.merge(1, ct, 1, ct + len(TASKS) - 1)
for i, t in enumerate(TASKS):
    sh.set(2, ct + i, t)
r = 3
tot = [0] * 5
for s in s1:
    n = R.randint(8, 95)
    m = marks(n)
    add(RESULTS, (s["code"], 2026, "ВПР", "математика", 5), [n] + m, 1)
    row = [2026, "ВПР", "Математика", 5, s["municipality"], nm1[s["code"]], n] + m + [pct(k, n, 1) for k in m]
    row.append(hu(R.uniform(6, 14), 1))
    row += [hu(R.uniform(15, 97), 1) for _ in TASKS]
    for c, v in enumerate(row):
        sh.set(r, c, v)
    tot = [a + b for a, b in zip(tot, [n] + m)]
    r += 1
row = [2026, "ВПР", "Математика", 5, "Итого по региону", None, tot[0]] + tot[1:] + [pct(k, tot[0], 1) for k in tot[1:]] + [hu(R.uniform(9, 11), 1)] + [hu(R.uniform(40, 80), 1) for _ in TASKS]
for c, v in enumerate(row):
    if v is not None:
        sh.set(r, c, v)
sh.merge(r, 4, r, 5)
r += 2
for t in ["Примечание: «Выполнение заданий» — доля участников ОО, верно выполнивших задание (для заданий 4.1 и 4.2 — отдельно по пунктам).", NOTES[1]]:
    sh.set(r, 0, t); r += 1
FN1 = "Отчет_ВПР_ОО_форма_7.xlsx"
write_xlsx("files/" + FN1, [sh])
FILES.append({
    "file": FN1,
    "layout": "hand-written XLSX, one sheet «ВПР математика»; 1 title line + 2 MERGED header rows; long, a row per school; year, assessment, subject, grade in COLUMNS («Год», «Процедура», «Предмет», «Класс»); «Распределение отметок, чел.» over «2»…«5» (COUNTS) and «Распределение отметок, %» over «2»…«5» (1 decimal, numeric); «Средний балл» to ignore; ★ PER-TASK columns «Выполнение заданий (% верных ответов)» over «1», «2», «3», «4.1», «4.2», «5» … «15» — their headers «2»…«5» COLLIDE with the mark headers — to ignore; «Итого по региону» LAST (E:F merged); notes after",
    "what a user must do": {"fixed": {}, "columns": {
        "Образовательная организация": "school_name", "Кол-во участников": "participants",
        "Распределение отметок, чел. «2»": "mark2", "Распределение отметок, чел. «3»": "mark3", "Распределение отметок, чел. «4»": "mark4", "Распределение отметок, чел. «5»": "mark5",
        "Распределение отметок, % «2»…«5»": "ignore", "Средний балл": "ignore",
        "Выполнение заданий (% верных ответов) «1»…«15», «4.1», «4.2» (16 columns)": "ignore"}, "by name": True},
    "procedures": [{"assessment": "ВПР", "subject": "математика", "grade": 5, "year": 2026}],
    "rows": len(s1),
    "imitates": "a ФИС ОКО-style ВПР report by school with the per-task completion block, re-typed into a regional workbook with the procedure in columns",
    "subjects (file spelling -> package)": {"Математика": "математика"},
    "all columns (for the grader)": {
        "Год": "year", "Процедура": "assessment", "Предмет": "subject", "Класс": "grade", "Муниципалитет": "municipality",
        "Образовательная организация": "school_name (full; \"\" quotes; «№4»/«N 4»/«№  4»; double and trailing spaces)",
        "Кол-во участников": "participants", "Распределение отметок, чел. «2»…«5»": "mark2…mark5",
        "Распределение отметок, % «2»…«5»": "ignore (1 decimal)", "Средний балл": "ignore",
        "Выполнение заданий (% верных ответов) «1»…«15», «4.1», «4.2»": "ignore (per-task %, NOT marks)"}})

# ================================================================ File 2: ВПР соответствие, blocks of rows, formulas
f2 = F[2]
RESOLVED.append("file 2: «Средний балл» and «Не преодолели минимальный порог» dropped (a «Соответствие отметок» table has neither)")
RESOLVED.append("file 2: ★ formulas need the counts in the sheet → values «percents + participants» become counts + percent FORMULAS (count / participants, cached, format 0%)")
RESOLVED.append("file 2: ★ blocks of rows + «wide per grade» kept: the school's name row, then a row per SUBJECT; a column group per GRADE (6, 7, 8)")
muns2 = R.sample([m for m in MUNS], 4)
s2 = pick(14, muns=muns2)
nm2 = names_for(s2, f2["name variants"])
G2, SUBJ2 = [6, 7, 8], ["русский язык", "математика"]
# one municipality writes no grade-8 математика at all → its subtotal has 0 participants → #DIV/0!
divmun = sorted(muns2)[1]
sh = Sheet("Соответствие")
sh.set(0, 0, "ВПР-2026. Соответствие отметок за выполненную работу и отметок по журналу", style=2)
sh.set(1, 0, "Код ОО"); sh.merge(1, 0, 3, 0)
sh.set(1, 1, "ОО / предмет"); sh.merge(1, 1, 3, 1)
W = 7
for gi, g in enumerate(G2):
    c = 2 + gi * W
    sh.set(1, c, f"{g} класс"); sh.merge(1, c, 1, c + W - 1)
    sh.set(2, c, "Участников"); sh.merge(2, c, 3, c)
    for k, cap in enumerate(["Понизили (Отм. < Отм. по журналу)", "Подтвердили (Отм. = Отм. по журналу)", "Повысили (Отм. > Отм. по журналу)"]):
        sh.set(2, c + 1 + 2 * k, cap); sh.merge(2, c + 1 + 2 * k, 2, c + 2 + 2 * k)
        sh.set(3, c + 1 + 2 * k, "кол-во"); sh.set(3, c + 2 + 2 * k, "%")
r = 4
ndiv = 0


def conf_cells(sh, r, gi, vals, formula_rows=None):
    """vals = [lowered, confirmed, raised]; formula_rows = rows to sum (subtotal) or None"""
    global ndiv
    c = 2 + gi * W
    L = colname
    cells = [c + 1, c + 3, c + 5]
    n = sum(vals)
    for k, cc in enumerate(cells):
        if formula_rows:
            sh.set(r, cc, vals[k], formula="SUM(" + ",".join(f"{L(cc)}{x + 1}" for x in formula_rows) + ")")
        else:
            sh.set(r, cc, vals[k])
    sh.set(r, c, n, formula="SUM(" + ",".join(f"{L(cc)}{r + 1}" for cc in cells) + ")")
    for k, cc in enumerate(cells):
        fm = f"{L(cc)}{r + 1}/{L(c)}{r + 1}"
        if n == 0:
            sh.set(r, cc + 1, "#DIV/0!", formula=fm, style=1); ndiv += 1
        else:
            sh.set(r, cc + 1, vals[k] / n, formula=fm, style=1)


nrows2 = 0
for mun, ss in sorted(by_mun(s2).items()):
    rows_by_subj = {sj: [] for sj in SUBJ2}
    sums = {(sj, g): [0, 0, 0] for sj in SUBJ2 for g in G2}
    for s in ss:
        data = {}
        for sj in SUBJ2:
            for g in G2:
                if (mun == divmun and sj == "математика" and g == 8) or R.random() < 0.12:
                    continue
                n = R.randint(6, 60)
                lo = R.randint(0, max(1, n // 6)); ra = R.randint(0, max(1, n // 10))
                if lo + ra >= n:
                    lo, ra = 1, 0
                data[(sj, g)] = [lo, n - lo - ra, ra]
        subj_here = [sj for sj in SUBJ2 if any((sj, g) in data for g in G2)]
        assert subj_here
        top = r
        sh.set(r, 0, s["code"]); sh.set(r, 1, nm2[s["code"]], style=2)
        r += 1
        for sj in subj_here:
            sh.set(r, 1, sj)
            for gi, g in enumerate(G2):
                if (sj, g) in data:
                    v = data[(sj, g)]
                    conf_cells(sh, r, gi, v)
                    add(CONFIRM, (s["code"], 2026, "ВПР", sj, g), [sum(v)] + v, 2)
                    nrows2 += 1
                    sums[(sj, g)] = [a + b for a, b in zip(sums[(sj, g)], v)]
            rows_by_subj[sj].append(r)
            r += 1
        sh.merge(top, 0, r - 1, 0)
    sh.set(r, 1, f"Итого по МО: {mun}", style=2)
    r += 1
    for sj in SUBJ2:
        sh.set(r, 1, sj)
        for gi, g in enumerate(G2):
            assert rows_by_subj[sj]
            conf_cells(sh, r, gi, sums[(sj, g)], formula_rows=rows_by_subj[sj])
        r += 1
assert ndiv >= 3
r += 1
for t in ["Примечание: % — доля от числа участников по классу; пустые ячейки — работа в классе не проводилась.", NOTES[1]]:
    sh.set(r, 0, t); r += 1
FN2 = "ВПР-2026_соответствие_отметок_по_ОО.xlsx"
write_xlsx("files/" + FN2, [sh])
FILES.append({
    "file": FN2,
    "layout": "hand-written XLSX, one sheet; 1 title line (ВПР-2026) + 3 MERGED header rows (grade → «Понизили…»/«Подтвердили…»/«Повысили…» → «кол-во»/«%»); confirmation table; ★ SCHOOLS AS BLOCKS OF ROWS: a row with «Код ОО» + school name, then a row per SUBJECT (русский язык, математика) below it, «Код ОО» MERGED down over the block; WIDE per GRADE (column groups «6 класс», «7 класс», «8 класс»; an empty group = not written, no row); ★ FORMULAS with cached values: «Участников» = SUM of the three counts, each % = count / participants (format 0%); «Итого по МО: <municipality>» blocks (a row per subject, SUM formulas) after each municipality, one of them with «Участников» 0 and #DIV/0! in its % cells; notes after",
    "what a user must do": {"fixed": {}, "columns": {
        "ОО / предмет": "school name row / subject (block)", "Участников": "participants",
        "Понизили… кол-во": "lowered", "Подтвердили… кол-во": "confirmed", "Повысили… кол-во": "raised", "% (three per grade)": "ignore",
        "(group caption «N класс»)": "grade"}, "by name": False},
    "procedures": [{"assessment": "ВПР", "subject": sj, "grade": g, "year": 2026} for sj in SUBJ2 for g in G2],
    "rows": nrows2,
    "target table": "confirmation",
    "imitates": "a municipal «Соответствие отметок» workbook kept by hand, with formulas, one block per school",
    "subjects (file spelling -> package)": {"русский язык": "русский язык", "математика": "математика"},
    "all columns (for the grader)": {
        "Код ОО": "school_id (on the school's name row, merged down over its subject rows)",
        "ОО / предмет": "school name (name row; № spacing, org form dropped, extra spaces) or subject (rows below) or «Итого по МО: …» (subtotal block, not data)",
        "6/7/8 класс: Участников": "participants (formula =SUM of the three counts, cached value)",
        "6/7/8 класс: Понизили / Подтвердили / Повысили кол-во": "lowered / confirmed / raised",
        "6/7/8 класс: %": "ignore (formula count/participants; #DIV/0! in one subtotal)"}})

# ================================================================ File 3: НИКО, LibreOffice, code only, fractions
f3 = F[3]
RESOLVED.append("file 3: «Не преодолели минимальный порог» dropped (НИКО has no minimum threshold)")
RESOLVED.append("file 3: fractions 0–1 with 2 decimals (drawn); participants ≤ 99 so round(f·n) is exact")
muns3 = R.sample(MUNS, 6)
s3 = pick(44, muns=muns3)
rows = []
rows.append([td("Муниципалитет", "th", rowspan=3), td("Код ОО", "th", rowspan=3), td("Число участников", "th", rowspan=3), td("Средний балл", "th", rowspan=3), td("Результаты", "th", colspan=4)])
rows.append([td("Распределение отметок (доля участников)", "th", colspan=4)])
rows.append([td(m, "th") for m in "2345"])
gt = [0] * 5
for mun, ss in sorted(by_mun(s3).items()):
    mt = [0] * 5
    for i, s in enumerate(ss):
        n = R.randint(7, 80)
        m = marks_rt(n, 2, fraction=True)
        add(RESULTS, (s["code"], 2025, "НИКО", "история", 6), [n] + m, 3)
        row = [td(mun, rowspan=len(ss))] if i == 0 else []
        row += [td(s["code"]), td(n), td(hu(R.uniform(8, 17), 1))] + [td(frac(k, n, 2)) for k in m]
        rows.append(row)
        mt = [a + b for a, b in zip(mt, [n] + m)]
    rows.append([td("Итого по МО"), td(None), td(mt[0]), td(hu(R.uniform(10, 14), 1))] + [td(frac(k, mt[0], 2)) for k in mt[1:]])
    gt = [a + b for a, b in zip(gt, mt)]
rows.append([td("Итого по региону"), td(None), td(gt[0]), td(hu(R.uniform(11, 13), 1))] + [td(frac(k, gt[0], 2)) for k in gt[1:]])
write_html("html/F3.html", rows)
FN3 = "Свод_по_ОО_форма_2.xlsx"
FILES.append({
    "file": FN3,
    "layout": "XLSX made by LibreOffice from HTML; no title; 3 MERGED header rows («Результаты» → «Распределение отметок (доля участников)» → «2»…«5»); long, a row per school; municipality MERGED down over its schools; FRACTIONS 0–1 with 2 decimals (numeric) with «Число участников»; «Средний балл» to ignore; «Итого по МО» after each municipality and «Итого по региону» LAST; schools by «Код ОО» only; year, assessment, subject, grade NOWHERE",
    "what a user must do": {"fixed": {"year": 2025, "assessment": "НИКО", "subject": "история", "grade": 6}, "columns": {
        "Число участников": "participants", "«2»": "mark2 (fraction of participants)", "«3»": "mark3", "«4»": "mark4", "«5»": "mark5", "Средний балл": "ignore"}, "by name": False},
    "procedures": [{"assessment": "НИКО", "subject": "история", "grade": 6, "year": 2025}],
    "rows": len(s3),
    "imitates": "a НИКО regional summary by school code with shares of marks, exported from a regional system to a spreadsheet",
    "subjects (file spelling -> package)": {"(not in the file)": "история"},
    "all columns (for the grader)": {"Муниципалитет": "municipality (merged down; «Итого по МО» / «Итого по региону» in this column on subtotal rows)",
                                     "Код ОО": "school_id", "Число участников": "participants", "Средний балл": "ignore",
                                     "«2»…«5»": "mark2…mark5 as fractions 0–1 (2 decimals), count = round(f·n)"}})

# ================================================================ File 4: ЕГЭ, LibreOffice, name + municipality, percents 1 decimal
f4 = F[4]
SUBJ4 = ["химия", "биология"]
s4 = pick(24)
nm4 = names_for(s4, f4["name variants"])
rows = []
for t in ["Министерство образования Демо-области (демо)", "Региональный центр обработки информации", "Результаты по образовательным организациям (по предметам)", "Выгрузка: 14 июля, 10:42"]:
    rows.append([td(t, colspan=10)])
rows.append([td("Муниципалитет", "th", rowspan=2), td("ОО", "th", rowspan=2), td("Предмет", "th", rowspan=2), td("Участников", "th", rowspan=2),
             td("Получили отметку, %", "th", colspan=4), td("Средний балл", "th", rowspan=2), td("Средняя отметка", "th", rowspan=2)])
rows.append([td(f"«{m}»", "th") for m in "2345"])
nrows4 = 0
for s in s4:
    took = [sj for sj in SUBJ4 if R.random() < 0.85] or [R.choice(SUBJ4)]
    for sj in took:
        n = R.randint(3, 40)
        m = marks_rt(n, 1)
        add(RESULTS, (s["code"], 2026, "ЕГЭ", sj, 11), [n] + m, 4)
        avg = Decimal(sum((i + 2) * k for i, k in enumerate(m))) / n
        rows.append([td(s["municipality"]), td(nm4[s["code"]]), td(sj.capitalize()), td(n)] + [td(pct(k, n, 1)) for k in m] + [td(hu(R.uniform(45, 75), 1)), td(hu(avg, 2))])
        nrows4 += 1
rows.append([td(None)])
for t in ["Примечание: отметки «2»–«5» — по шкале перевода первичных баллов; 100-балльная шкала не приводится.", NOTES[1]]:
    rows.append([td(t, colspan=10)])
write_html("html/F4.html", rows)
FN4 = "ЕГЭ-2026_химия_биология_по_ОО.xlsx"
FILES.append({
    "file": FN4,
    "layout": "XLSX made by LibreOffice from HTML; 4 title lines (ministry, РЦОИ, «Результаты по образовательным организациям (по предметам)», export time — no year or assessment); 2 MERGED header rows («Получили отметку, %» over «2»…«5»); LONG, a row per school AND subject («Предмет»: Химия, Биология); PERCENTS with participants, 1 decimal, numeric; «Средний балл», «Средняя отметка» to ignore; no subtotals; notes after; year and assessment only in the FILE NAME; grade 11 nowhere",
    "what a user must do": {"fixed": {"grade": 11}, "columns": {"ОО": "school_name", "Участников": "participants", "«2»": "mark2 (% of participants)", "«3»": "mark3", "«4»": "mark4", "«5»": "mark5",
                                                             "Средний балл": "ignore", "Средняя отметка": "ignore"}, "by name": True},
    "procedures": [{"assessment": "ЕГЭ", "subject": sj, "grade": 11, "year": 2026} for sj in SUBJ4],
    "rows": nrows4,
    "imitates": "an РЦОИ ЕГЭ statistics export by school and subject, opened and re-saved in a spreadsheet",
    "subjects (file spelling -> package)": {"Химия": "химия", "Биология": "биология"},
    "all columns (for the grader)": {"Муниципалитет": "municipality", "ОО": "school_name (full; short name without org form; org form + short name; double/trailing spaces)",
                                     "Предмет": "subject", "Участников": "participants", "«2»…«5»": "mark2…mark5 as % (1 decimal), count = round(p·n/100)",
                                     "Средний балл": "ignore", "Средняя отметка": "ignore"}})

# ================================================================ File 5: РДР, CSV cp1251, ФИС ОКО hierarchy
f5 = F[5]
RESOLVED.append("file 5: drawn subtotals «none» — the ★ hierarchy rows («Вся выборка», region, municipalities) are its only non-school rows")
RESOLVED.append("file 5: «merged cells down» dropped (a CSV has no merges and the hierarchy column carries the municipality)")
RESOLVED.append("file 5: fractions with the drawn 1 decimal cannot give counts back → 3 decimals (decimal comma as drawn)")
muns5 = R.sample(MUNS, 5)
s5 = pick(28, muns=muns5)
nm5 = names_for(s5, f5["name variants"])
G5 = [7, 8]
out = [["Региональная диагностическая работа (РДР) по математике, 2026 год. Результаты по группам участников"] + [""] * 13]
h1, h2 = ["", ""], ["Группы участников", "Код ОО"]
for g in G5:
    h1 += [f"{g} класс", "", "", "", "", ""]
    h2 += ["Кол-во участников", "2", "3", "4", "5", "Средний балл"]
out += [h1, h2]


def grp5(vals):
    if not vals or vals[0] == 0:
        return [""] * 6
    n = vals[0]
    return [n] + [fmt(frac(k, n, 3), ",") for k in vals[1:]] + [fmt(hu(R.uniform(7, 15), 1), ",")]


body, regt = [], {g: [0] * 5 for g in G5}
nrows5 = 0
for mun, ss in sorted(by_mun(s5).items()):
    mt = {g: [0] * 5 for g in G5}
    srows = []
    for s in ss:
        cells = []
        gs = [g for g in G5 if R.random() < 0.85] or [R.choice(G5)]
        for g in G5:
            if g in gs:
                n = R.randint(5, 90)
                m = marks_rt(n, 3, fraction=True)
                add(RESULTS, (s["code"], 2026, "РДР", "математика", g), [n] + m, 5)
                nrows5 += 1
                mt[g] = [a + b for a, b in zip(mt[g], [n] + m)]
                cells += grp5([n] + m)
            else:
                cells += grp5(None)
        srows.append(["    " + nm5[s["code"]], s["code"]] + cells)
    body.append(["  " + mun, ""] + sum((grp5(mt[g]) for g in G5), []))
    body += srows
    for g in G5:
        regt[g] = [a + b for a, b in zip(regt[g], mt[g])]
whole = {}
for g in G5:
    n = 61234 + g * 1113
    w = [int(n * x) for x in (0.11, 0.38, 0.36)]
    whole[g] = [n] + w + [n - sum(w)]
out.append(["Вся выборка", ""] + sum((grp5(whole[g]) for g in G5), []))
out.append([REGION, ""] + sum((grp5(regt[g]) for g in G5), []))
out += body
out += [[""], ["Примечание: доли отметок — от числа участников группы; пустые ячейки — работа в параллели не проводилась."], [NOTES[1]]]
FN5 = "rdr_matematika_2026_gruppy.csv"
write_csv("files/" + FN5, out, "cp1251", ";", "\r\n")
FILES.append({
    "file": FN5,
    "layout": "CSV Windows-1251, «;», CRLF; 1 title line (РДР, математика, 2026) + 2 header lines (line 1: «7 класс» / «8 класс» over the groups; line 2: «Группы участников», «Код ОО», then per grade «Кол-во участников», «2»…«5», «Средний балл»); ★ ФИС ОКО HIERARCHY IN ONE COLUMN «Группы участников»: «Вся выборка» (not the region's sum), «Демо-область (демо)», then each municipality indented by 2 spaces followed by its schools indented by 4 spaces; «Код ОО» only on school rows; WIDE per GRADE (an empty group = not written, no row); FRACTIONS 0–1 with 3 decimals and a DECIMAL COMMA («0,254»); «Средний балл» (decimal comma) to ignore; notes after; grade only in the group captions",
    "what a user must do": {"fixed": {}, "columns": {
        "Группы участников": "school_name (level rows «Вся выборка», region, municipality are not schools)", "Кол-во участников": "participants",
        "«2»…«5»": "mark2…mark5 (fraction of participants)", "Средний балл": "ignore", "(group caption «N класс»)": "grade"}, "by name": False},
    "procedures": [{"assessment": "РДР", "subject": "математика", "grade": g, "year": 2026} for g in G5],
    "rows": nrows5,
    "imitates": "a ФИС ОКО-style «результаты по группам участников» export of a regional diagnostic, saved as CSV from Excel (Windows-1251)",
    "subjects (file spelling -> package)": {"по математике (title)": "математика"},
    "all columns (for the grader)": {"Группы участников": "hierarchy: «Вся выборка» / region / «  municipality» / «    school name» (org form dropped, \"\" quotes, extra spaces)",
                                     "Код ОО": "school_id (school rows only)", "7/8 класс: Кол-во участников": "participants",
                                     "7/8 класс: 2…5": "mark2…mark5 as fractions (3 decimals, comma), count = round(f·n)",
                                     "7/8 класс: Средний балл": "ignore"}})

# ================================================================ File 6: ОГЭ информатика, CSV, primary score distribution
f6 = F[6]
RESOLVED.append("file 6: meta «sheet» on a CSV → the FILE NAME (as set 8)")
RESOLVED.append("file 6: «wide per grade» on ОГЭ (grade 9 only) → long, a row per school (one subject; 21 primary-score columns per group would not be a real shape)")
RESOLVED.append("file 6: header rows 1 → 2 so the ★ «Распределение первичных баллов» caption (and «Отметки») can stand over «0»…«20» / «2»…«5»")
RESOLVED.append("file 6: «merged cells down» in a CSV = the municipality only on its first school row, empty below (as a merged range saves)")
s6 = pick(40)
nm6 = names_for(s6, f6["name variants"])
TH = [(0, 4), (5, 10), (11, 16), (17, 19)]   # ОГЭ информатика: «2» 0–4, «3» 5–10, «4» 11–16, «5» 17–19
out = [["Статистика результатов экзамена по образовательным организациям"], ["Сформировано: 03.07, РЦОИ Демо-области (демо)"]]
out.append(["", "", "", "", "Отметки", "", "", "", "Распределение первичных баллов"] + [""] * 20)
out.append(["Муниципалитет", "ОО", "Участников", "Средний балл", "2", "3", "4", "5"] + [str(i) for i in range(21)])
for mun, ss in sorted(by_mun(s6).items()):
    mt = [0] * 5
    pt = [0] * 21
    for i, s in enumerate(ss):
        n = R.randint(3, 70)
        m = marks(n, 0.05)
        add(RESULTS, (s["code"], 2026, "ОГЭ", "информатика", 9), [n] + m, 6)
        ps = [0] * 21
        for k, (lo, hi) in zip(m, TH):
            for _ in range(k):
                ps[R.randint(lo, hi)] += 1
        avg = Decimal(sum(i * x for i, x in enumerate(ps))) / n
        out.append([mun if i == 0 else "", nm6[s["code"]], n, fmt(hu(avg, 2), "."), *m, *ps])
        mt = [a + b for a, b in zip(mt, [n] + m)]
        pt = [a + b for a, b in zip(pt, ps)]
    avg = Decimal(sum(i * x for i, x in enumerate(pt))) / mt[0]
    out.append(["", "Итого по МО", mt[0], fmt(hu(avg, 2), "."), *mt[1:], *pt])
FN6 = "ОГЭ_2026_информатика_9_класс_первичные_баллы.csv"
write_csv("files/" + FN6, out, "utf-8", ",", "\n")
FILES.append({
    "file": FN6,
    "layout": "CSV UTF-8 (no BOM), «,», LF; 2 title lines (no year/assessment/subject) + 2 header lines («Отметки» over «2»…«5»; ★ «Распределение первичных баллов» over «0», «1», … «20» — the headers «2»…«5» occur TWICE); long, a row per school; COUNTS; «Средний балл» (primary, decimal point) to ignore; municipality only on its first school row (merged range saved as CSV); «Итого по МО» after each municipality (in the ОО column); ОГЭ, 2026, информатика, 9 класс only in the FILE NAME",
    "what a user must do": {"fixed": {}, "columns": {
        "ОО": "school_name", "Муниципалитет": "municipality (fill down)", "Участников": "participants",
        "Отметки «2»": "mark2", "Отметки «3»": "mark3", "Отметки «4»": "mark4", "Отметки «5»": "mark5",
        "Средний балл": "ignore", "Распределение первичных баллов «0»…«20» (21 columns)": "ignore"}, "by name": True},
    "procedures": [{"assessment": "ОГЭ", "subject": "информатика", "grade": 9, "year": 2026}],
    "rows": len(s6),
    "imitates": "an РЦОИ ГИА-9 statistics export by school with the primary-score distribution",
    "subjects (file spelling -> package)": {"информатика (file name)": "информатика"},
    "all columns (for the grader)": {"Муниципалитет": "municipality (first row of each municipality only)",
                                     "ОО": "school_name (full; \"\" quotes; org form + short name; short name without org form) or «Итого по МО»",
                                     "Участников": "participants", "Средний балл": "ignore", "Отметки «2»…«5»": "mark2…mark5",
                                     "Распределение первичных баллов «0»…«20»": "ignore (NOT marks; its «2»…«5» collide with the marks)"}})

# ================================================================ expected/ package
for k, v in list(RESULTS.items()):
    assert v[0] == sum(v[1:]) and v[0] > 0
for k, v in list(CONFIRM.items()):
    assert v[0] == sum(v[1:]) and v[0] > 0
used = sorted({k[0] for k in RESULTS} | {k[0] for k in CONFIRM})
with open("expected/schools.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["school_id", "name", "municipality_id", "municipality_name"])
    for c in used:
        s = BYCODE[c]
        w.writerow([c, s["name"], s["oktmo"], s["municipality"]])
with open("expected/results.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["school_id", "year", "assessment", "subject", "grade", "participants", "mark2", "mark3", "mark4", "mark5"])
    for k in sorted(RESULTS):
        w.writerow(list(k) + RESULTS[k])
with open("expected/confirmation.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["school_id", "year", "assessment", "subject", "grade", "participants", "lowered", "confirmed", "raised"])
    for k in sorted(CONFIRM):
        w.writerow(list(k) + CONFIRM[k])
total = len(RESULTS) + len(CONFIRM)
assert 250 <= total <= 350, total
json.dump(FILES, open("files.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2)
DRAW["resolved"] = {"rules applied to the raw draw": RESOLVED,
                    "package rows": {"results": len(RESULTS), "confirmation": len(CONFIRM), "schools": len(used)},
                    "file names": [x["file"] for x in FILES]}
json.dump(DRAW, open("draws.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2)
print("results", len(RESULTS), "confirmation", len(CONFIRM), "schools", len(used), "total", total)
print({x["file"]: x["rows"] for x in FILES})
