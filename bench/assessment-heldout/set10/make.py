#!/usr/bin/env python3
"""Set 10 (seed 2026_1210): draw → data → 6 files (CSV, hand XLSX, LibreOffice XLSX and ODS) → expected/ → files.json."""
import csv, io, json, os, random, re, shutil, subprocess, zipfile
from decimal import Decimal, ROUND_HALF_UP
from collections import OrderedDict
from xml.sax.saxutils import escape
from draw import draw

HERE = os.path.dirname(os.path.abspath(__file__)); os.chdir(HERE)
D, R = draw()          # R continues the same Random(20261210) stream for the data
SCH = json.load(open("demo-schools.json"))
BY = {s["code"]: s for s in SCH}
LO = "file:///tmp/as10lo"

# ---------- resolution of clashes in the raw draw (recorded) ----------
RES = [
 "file 1: ★ years_wide overrides drawn layout «wide per subject» → column groups «2024», «2025», «2026» of РДР математика 7",
 "file 1: ODS cells are numeric, so the drawn decimal comma is a display matter; percents are numeric with 1 decimal",
 "file 1: «stated: sheet» → sheet name «РДР математика 7 класс»; the 4 title lines name neither procedure, subject nor grade",
 "file 2: two assessments side by side → groups «ВПР» and «РДР» (математика, 8 класс, 2026) in one sheet",
 "file 2: fractions with 1 decimal cannot round-trip → 2 decimals",
 "file 2: «stated: title» with 0 title lines → 1 title line inside the empty/logo area (rows 1–5, table from C6)",
 "file 3: per_task (соответствие has no tasks) → moved to file 4 (had no drawn features)",
 "file 3: several_sheets and numbers_as_text need XLSX → moved to the hand XLSX files 5 and 2",
 "file 3: merged_down in a CSV → municipality only on its first row",
 "file 4: per_task + «wide per subject» → long (one subject, ЕГЭ физика); «stated: title» with 0 title lines → 1 title line",
 "file 4: «Не преодолели минимальный порог» = the «2» count (ЕГЭ) and is ignored",
 "file 5: «n (p%)» replaces drawn «percents+participants» (2 decimals, comma); hierarchy in one column gives the «between» subtotals (municipality rows above their schools) and the region row first",
 "file 5: several sheets («Математика», «Русский язык», «Пояснения») → subject in the sheet name despite «stated: nowhere»; year, assessment, grade nowhere (fixed)",
 "file 5: formulas → =SUM on participants and «Не преодолели» of region/municipality rows, cached values",
 "file 6: hidden_rows in a CSV impossible → moved to hand XLSX file 2 (its «Итого по МО» rows are hidden; hidden rows hold no data rows)",
 "file 6: «stated: column» → «Год», «Процедура», «Класс» columns; subject in the group captions (wide per subject)",
 "placeholders (file 1): «не участвовали» in «Кол-во участников» + «x» in the rest of the year group = the school did not write that year (no row); «—» in a count and «-» in a % = 0; «н/д» only in «Средняя отметка» (ignored)",
]
D["resolved"] = RES
D["files"][2]["features"] = ["wide per subject (confirmation)", "3 header rows", "subtotal first", "municipality on first row only"]
D["files"][3]["features"] = ["per_task", "3 merged header rows", "municipality merged down", "subtotal first"]
D["files"][4]["features"].append("several_sheets")
D["files"][1]["features"] += ["numbers_as_text", "hidden_rows"]
D["files"][5]["features"] = ["linebreak_headers", "wide per subject", "year/assessment/grade in columns"]

def hu(x, d=0):
    q = Decimal(1).scaleb(-d)
    return Decimal(x).quantize(q, rounding=ROUND_HALF_UP)

def pct(k, n, d):           # percent, d decimals, Decimal
    return hu(Decimal(100 * k) / Decimal(n), d)

def frac(k, n, d):
    return hu(Decimal(k) / Decimal(n), d)

def marks(n, lo=0.05):
    w = [R.uniform(lo, .25), R.uniform(.2, .5), R.uniform(.2, .45), R.uniform(.03, .3)]
    t = sum(w); c = [int(n * x / t) for x in w]
    while sum(c) < n: c[R.randrange(4)] += 1
    if R.random() < .3: c[0], c[1] = 0, c[1] + c[0]     # some zero «2»
    return c

def conf(n):
    lo = R.randint(0, n // 5); ra = R.randint(0, n // 6)
    if R.random() < .25: ra = 0
    return [lo, n - lo - ra, ra]

def pick(filter_, k):
    pool = [s for s in SCH if filter_(s)]
    return sorted(R.sample(pool, k), key=lambda s: (s["municipality"], s["code"]))

ORG = {"МБОУ": "Муниципальное бюджетное общеобразовательное учреждение", "МАОУ": "Муниципальное автономное общеобразовательное учреждение",
       "МКОУ": "Муниципальное казённое общеобразовательное учреждение"}

def variant(s, kind):
    n = s["name"]
    if kind == "full": return n
    if kind == "quotes": return n.replace("«", '"').replace("»", '"')
    if kind == "dropped": return s["shortName"]
    if kind == "added": f, rest = n.split(" ", 1); return ORG[f] + " " + rest
    if kind == "spaces": return n.replace(" ", "  ", 2) + "  "
    if kind == "no": return n.replace("№ ", "№") if "№ " in n else n.replace(" «", "  «")
    raise KeyError(kind)

def vname(s, kinds):
    return variant(s, R.choice(kinds))

NOT_PRIMARY = lambda s: not s["shortName"].startswith("НОШ")
HAS_11 = lambda s: s["shortName"].split()[0] in ("СОШ", "Гимназия", "Лицей")

RESULTS, CONF = [], []
OWN = {}
def add(tab, fileno, code, year, ass, subj, grade, n, vals):
    key = (code, year, ass, subj, grade)
    assert key not in OWN, key; OWN[key] = fileno
    assert n == sum(vals) and n > 0
    tab.append([code, year, ass, subj, grade, n] + list(vals))

def muns(schools):
    out = OrderedDict()
    for s in schools: out.setdefault(s["municipality"], []).append(s)
    return out

# ======================= hand-written XLSX =======================
def colname(c):
    s = ""
    c += 1
    while c: c, m = divmod(c - 1, 26); s = chr(65 + m) + s
    return s
def ref(r, c): return f"{colname(c)}{r + 1}"

def write_xlsx(path, sheets):
    """sheets: list of dict(name, cells{(r,c): ('n',v)|('s',text)|('f',formula,cached)|('h',text) header-wrap}, merges[], hidden_rows set,
    autofilter, freeze (row, col), widths{c:w})"""
    sst, sidx = [], {}
    def si(t):
        if t not in sidx: sidx[t] = len(sst); sst.append(t)
        return sidx[t]
    sheet_xml = []
    for sh in sheets:
        rows = {}
        for (r, c), v in sh["cells"].items(): rows.setdefault(r, {})[c] = v
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">']
        if sh.get("freeze"):
            fr, fc = sh["freeze"]
            out.append(f'<sheetViews><sheetView workbookViewId="0"><pane xSplit="{fc}" ySplit="{fr}" topLeftCell="{ref(fr, fc)}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/></sheetView></sheetViews>')
        if sh.get("widths"):
            out.append("<cols>" + "".join(f'<col min="{c+1}" max="{c+1}" width="{w}" customWidth="1"/>' for c, w in sorted(sh["widths"].items())) + "</cols>")
        out.append("<sheetData>")
        for r in sorted(rows):
            hid = ' hidden="1"' if r in sh.get("hidden_rows", ()) else ""
            cs = []
            for c in sorted(rows[r]):
                v = rows[r][c]; a = ref(r, c)
                if v[0] == "n": cs.append(f'<c r="{a}"><v>{v[1]}</v></c>')
                elif v[0] == "s": cs.append(f'<c r="{a}" t="s"><v>{si(v[1])}</v></c>')
                elif v[0] == "h": cs.append(f'<c r="{a}" s="1" t="s"><v>{si(v[1])}</v></c>')
                elif v[0] == "f": cs.append(f'<c r="{a}"><f>{escape(v[1])}</f><v>{v[2]}</v></c>')
            out.append(f'<row r="{r+1}"{hid}>' + "".join(cs) + "</row>")
        out.append("</sheetData>")
        if sh.get("autofilter"): out.append(f'<autoFilter ref="{sh["autofilter"]}"/>')
        if sh.get("merges"):
            out.append(f'<mergeCells count="{len(sh["merges"])}">' + "".join(f'<mergeCell ref="{m}"/>' for m in sh["merges"]) + "</mergeCells>")
        out.append("</worksheet>")
        sheet_xml.append("".join(out))
    wb = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
    dn = []
    for i, sh in enumerate(sheets):
        wb.append(f'<sheet name="{escape(sh["name"])}" sheetId="{i+1}" r:id="rId{i+1}"/>')
        if sh.get("autofilter"):
            a, b = sh["autofilter"].split(":")
            m1 = re.match(r"([A-Z]+)(\d+)", a); m2 = re.match(r"([A-Z]+)(\d+)", b)
            dn.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">\'{escape(sh["name"])}\'!${m1[1]}${m1[2]}:${m2[1]}${m2[2]}</definedName>')
    wb.append("</sheets>")
    if dn: wb.append("<definedNames>" + "".join(dn) + "</definedNames>")
    wb.append("</workbook>")
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for i in range(len(sheets)):
        rels.append(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>')
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
    rels.append(f'<Relationship Id="rId{n+2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    sstx = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(sst)}" uniqueCount="{len(sst)}">'
            + "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in sst) + "</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf applyAlignment="1"><alignment wrapText="1" vertical="center" horizontal="center"/></xf></cellXfs></styleSheet>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(n))
          + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    root = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        def w(name, data):
            zi = zipfile.ZipInfo(name, (2026, 5, 20, 12, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED; z.writestr(zi, data)
        w("[Content_Types].xml", ct); w("_rels/.rels", root); w("xl/workbook.xml", "".join(wb))
        w("xl/_rels/workbook.xml.rels", "".join(rels)); w("xl/sharedStrings.xml", sstx); w("xl/styles.xml", styles)
        for i, x in enumerate(sheet_xml): w(f"xl/worksheets/sheet{i+1}.xml", x)

def html_cell(v, tag="td", rs=1, cs=1):
    a = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
    if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
        return f'<{tag}{a} sdval="{v}" sdnum="1033;0;General">{v}</{tag}>'
    return f"<{tag}{a}>{escape(str(v))}</{tag}>"

def soffice(src, fmt, outdir):
    flt = {"xlsx": 'xlsx:Calc MS Excel 2007 XML', "ods": "ods"}[fmt]
    subprocess.run(["soffice", f"-env:UserInstallation={LO}", "--headless", "--infilter=HTML (StarCalc)", "--convert-to", flt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

FILES = []  # files.json entries
shutil.rmtree("files", ignore_errors=True); os.makedirs("files"); os.makedirs("html", exist_ok=True); os.makedirs("expected", exist_ok=True)
OUT = "/tmp/as10out"; shutil.rmtree(OUT, ignore_errors=True); os.makedirs(OUT)

# ======================= file 1: ODS, РДР математика 7, years wide, placeholders =======================
f1s = pick(NOT_PRIMARY, 20)
YEARS = [2024, 2025, 2026]
rows1 = []
for s in f1s:
    part = [R.random() < .82 for _ in YEARS]
    if not any(part): part[2] = True
    grp = []
    for y, p in zip(YEARS, part):
        if not p: grp.append(None); continue
        n = R.randint(8, 60); m = marks(n); grp.append((n, m))
        add(RESULTS, 1, s["code"], y, "РДР", "математика", 7, n, m)
    rows1.append((s, grp))
NV1 = ["full", "spaces", "added", "no"]
def f1_group(g, avg_nd):
    if g is None: return ["не участвовали"] + ["x"] * 9
    n, m = g
    cnt = [k if k else "—" for k in m]
    pc = [pct(k, n, 1) if k else "-" for k in m]
    avg = "н/д" if avg_nd else hu(Decimal(sum((i + 2) * k for i, k in enumerate(m))) / n, 1)
    return [n] + cnt + pc + [avg]
ncol1 = 2 + 10 * 3
h = ['<html><head><meta charset="utf-8"></head><body><table border="1">']
for t in ["Министерство образования Демо-области (демо)", "ГАУ ДПО «Региональный центр оценки качества образования» (демо)",
          "Динамика результатов по образовательным организациям", "Дата формирования: 20.05.2026"]:
    h.append("<tr>" + html_cell(t, cs=ncol1) + "</tr>")
h.append("<tr>" + html_cell("Код ОО", "th", rs=3) + html_cell("Образовательная организация", "th", rs=3) + "".join(html_cell(str(y), "th", cs=10) for y in YEARS) + "</tr>")
h.append("<tr>" + "".join(html_cell("Кол-во участников", "th", rs=2) + html_cell("Получили отметку, чел.", "th", cs=4) + html_cell("Получили отметку, %", "th", cs=4) + html_cell("Средняя отметка", "th", rs=2) for _ in YEARS) + "</tr>")
h.append("<tr>" + "".join(html_cell(str(k), "th") for _ in YEARS for _ in range(2) for k in range(2, 6)) + "</tr>")
reg = []
for yi in range(3):
    gs = [g[yi] for _, g in rows1 if g[yi]]
    n = sum(g[0] for g in gs); m = [sum(g[1][k] for g in gs) for k in range(4)]
    reg += [n] + m + [pct(k, n, 1) for k in m] + [hu(Decimal(sum((i + 2) * k for i, k in enumerate(m))) / n, 1)]
h.append("<tr>" + html_cell("") + html_cell("Регион") + "".join(html_cell(v) for v in reg) + "</tr>")
for s, grp in rows1:
    cells = [s["code"], vname(s, NV1)]
    for g in grp: cells += f1_group(g, R.random() < .15)
    h.append("<tr>" + "".join(html_cell(v) for v in cells) + "</tr>")
h.append("</table></body></html>")
open("html/F1.html", "w", encoding="utf-8").write("\n".join(h))
SHEET1 = "РДР математика 7 класс"
FN1 = "Динамика_по_ОО_2024-2026.ods"
soffice("html/F1.html", "ods", OUT)
# rename the sheet (LibreOffice names it after the HTML file) and keep everything else as LibreOffice wrote it
with zipfile.ZipFile(f"{OUT}/F1.ods") as zin, zipfile.ZipFile(f"files/{FN1}", "w") as zout:
    for it in zin.infolist():
        data = zin.read(it.filename)
        if it.filename == "content.xml":
            data = re.sub(rb'(<table:table table:name=")[^"]*(")', lambda m: m[1] + SHEET1.encode() + m[2], data, count=1)
        zout.writestr(it, data)
FILES.append({
 "file": FN1,
 "layout": "ODS made by LibreOffice from HTML, one sheet «РДР математика 7 класс»; 4 title lines (merged across the table; no procedure/subject/grade); 3 MERGED header rows: ★ YEAR column groups «2024», «2025», «2026» (one procedure) → «Кол-во участников» (merged down 2 rows), «Получили отметку, чел.» over «2»…«5», «Получили отметку, %» over «2»…«5», «Средняя отметка» (merged down) → «2»…«5»; «Регион» subtotal row FIRST; a row per school; ★ PLACEHOLDERS: «не участвовали» in «Кол-во участников» and «x» in the rest of the year group = the school did not write that year (no package row); «—» in a count and «-» in a % = 0; «н/д» in «Средняя отметка» = unknown (ignored); assessment, subject, grade only in the SHEET NAME; year in the group captions",
 "what a user must do": {
  "fixed": {},
  "columns": {
   "Код ОО": "school_code",
   "Образовательная организация": "ignore",
   "(group caption «2024»/«2025»/«2026»)": "year",
   "Кол-во участников": "participants",
   "Получили отметку, чел. «2»": "mark2", "Получили отметку, чел. «3»": "mark3",
   "Получили отметку, чел. «4»": "mark4", "Получили отметку, чел. «5»": "mark5",
   "Получили отметку, % «2»…«5»": "ignore",
   "Средняя отметка": "ignore"
  },
  "by name": False
 },
 "procedures": [{"assessment": "РДР", "subject": "математика", "grade": 7, "year": y} for y in YEARS],
 "rows": sum(1 for r in RESULTS if OWN[tuple(r[:5])] == 1),
 "imitates": "a regional centre's three-year dynamics of a regional diagnostic by school, kept in LibreOffice (ODS) with merged captions",
 "subjects (file spelling -> package)": {"математика (sheet name)": "математика"},
 "placeholders": {"не участвовали": "the school did not write that year — no row (with «x» in the other cells of the group)", "x": "no data (only with «не участвовали»)", "—": "0 (count)", "-": "0 (percent)", "н/д": "unknown average (ignored column)"},
 "all columns (for the grader)": {
  "Код ОО": "school_code (empty on the «Регион» row)",
  "Образовательная организация": "school name (full / org form spelled out / double+trailing spaces / «№1») or «Регион» (subtotal, first)",
  "2024/2025/2026: Кол-во участников": "participants (or «не участвовали»)",
  "2024/2025/2026: Получили отметку, чел. «2»…«5»": "mark2…mark5 (counts; «—» = 0; «x» = not written)",
  "2024/2025/2026: Получили отметку, % «2»…«5»": "ignore (1 decimal; «-» = 0)",
  "2024/2025/2026: Средняя отметка": "ignore («н/д» sometimes)"
 }
})

# ======================= file 2: hand XLSX, ВПР + РДР side by side, C6, filter, freeze, line breaks, hidden, text numbers =======================
f2s = pick(NOT_PRIMARY, 28)
rows2 = []
for s in f2s:
    gv = []
    for ass, prob in (("ВПР", 1.0), ("РДР", .75)):
        if R.random() >= prob: gv.append(None); continue
        while True:
            n = R.randint(10, 80); m = marks(n)
            if all(hu(frac(k, n, 2) * n) == k for k in m): break
        gv.append((n, m)); add(RESULTS, 2, s["code"], 2026, ass, "математика", 8, n, m)
    rows2.append((s, gv))
cells, merges, hidden = {}, [], set()
C0, R0 = 2, 5      # column C, row 6 (0-based)
cells[(2, C0)] = ("s", "Результаты ВПР и РДР по математике в 8-х классах, 2026 год"); merges.append(f"{ref(2, C0)}:{ref(2, C0 + 13)}")
cells[(R0, C0)] = ("h", "Муниципалитет"); merges.append(f"{ref(R0, C0)}:{ref(R0+1, C0)}")
cells[(R0, C0 + 1)] = ("h", "Код ОО"); merges.append(f"{ref(R0, C0+1)}:{ref(R0+1, C0+1)}")
SUB2 = ["Кол-во\nучастников", "Получили\n«2»", "Получили\n«3»", "Получили\n«4»", "Получили\n«5»", "Средний\nбалл"]
for gi, ass in enumerate(["ВПР", "РДР"]):
    c = C0 + 2 + gi * 6
    cells[(R0, c)] = ("h", ass); merges.append(f"{ref(R0, c)}:{ref(R0, c + 5)}")
    for j, t in enumerate(SUB2): cells[(R0 + 1, c + j)] = ("h", t)
r = R0 + 2
def grp2(n, m, avg, textual):
    vals = []
    vals.append(("s", str(n)) if textual else ("n", n))
    for k in m:
        f = frac(k, n, 2)
        vals.append(("s", str(f).replace(".", ",")) if textual and R.random() < .5 else ("n", str(f)))
    vals.append(("n", str(avg)))
    return vals
def avg_ball(n, m): return hu(Decimal(sum((i + 8) * 2 * k for i, k in enumerate(m))) / n, 1)
allg = [[], []]
for mun, ss in muns(f2s).items():
    mg = [[], []]
    for s in ss:
        gv = next(g for x, g in rows2 if x is s)
        cells[(r, C0)] = ("s", mun); cells[(r, C0 + 1)] = ("s", s["code"])
        textual = R.random() < .2
        for gi, g in enumerate(gv):
            if g is None: continue
            mg[gi].append(g); allg[gi].append(g)
            for j, v in enumerate(grp2(g[0], g[1], avg_ball(*g), textual)): cells[(r, C0 + 2 + gi * 6 + j)] = v
        r += 1
    cells[(r, C0)] = ("s", "Итого по МО"); cells[(r, C0 + 1)] = ("s", mun)
    for gi in range(2):
        if not mg[gi]: continue
        n = sum(g[0] for g in mg[gi]); m = [sum(g[1][k] for g in mg[gi]) for k in range(4)]
        for j, v in enumerate(grp2(n, m, avg_ball(n, m), False)): cells[(r, C0 + 2 + gi * 6 + j)] = v
    hidden.add(r); r += 1
cells[(r, C0)] = ("s", "Итого по региону")
for gi in range(2):
    n = sum(g[0] for g in allg[gi]); m = [sum(g[1][k] for g in allg[gi]) for k in range(4)]
    for j, v in enumerate(grp2(n, m, avg_ball(n, m), False)): cells[(r, C0 + 2 + gi * 6 + j)] = v
last2 = r
cells[(r + 2, C0)] = ("s", "Примечание: доли участников, получивших отметку; строки «Итого по МО» свёрнуты.")
FN2 = "ВПР_РДР_математика_8.xlsx"
write_xlsx(f"files/{FN2}", [{"name": "Лист1", "cells": cells, "merges": merges, "hidden_rows": hidden,
    "autofilter": f"{ref(R0+1, C0)}:{ref(last2, C0+13)}", "freeze": (R0 + 2, C0 + 2), "widths": {0: 3, 1: 3, 2: 34, 3: 10}}])
FILES.append({
 "file": FN2,
 "layout": "hand-written XLSX, one sheet «Лист1»; ★ rows 1–5 and columns A–B an EMPTY (logo) AREA, one title line in C3 (merged C3:P3: «Результаты ВПР и РДР по математике в 8-х классах, 2026 год»); ★ TABLE STARTS AT C6 with an AUTOFILTER on the second header row (C7:P…) and FROZEN PANES at E8; 2 MERGED header rows: «Муниципалитет», «Код ОО» (merged down), ★ TWO ASSESSMENTS SIDE BY SIDE: group «ВПР» and group «РДР», each with ★ LINE-BREAK headers «Кол-во\\nучастников», «Получили\\n«2»»…«Получили\\n«5»», «Средний\\nбалл»; FRACTIONS 0–1 with 2 decimals and participants; some schools' participants and fractions are NUMBERS AS TEXT («23», «0,26» decimal comma); an empty group = that assessment not written (no row); «Итого по МО» after each municipality (code column holds the municipality name) in HIDDEN rows; «Итого по региону» LAST; a note after",
 "what a user must do": {
  "fixed": {},
  "columns": {
   "Муниципалитет": "municipality", "Код ОО": "school_code",
   "(group caption «ВПР»/«РДР»)": "assessment",
   "Кол-во\nучастников": "participants",
   "Получили\n«2»": "mark2 (fraction of participants)", "Получили\n«3»": "mark3 (fraction of participants)",
   "Получили\n«4»": "mark4 (fraction of participants)", "Получили\n«5»": "mark5 (fraction of participants)",
   "Средний\nбалл": "ignore"
  },
  "by name": False
 },
 "procedures": [{"assessment": a, "subject": "математика", "grade": 8, "year": 2026} for a in ("ВПР", "РДР")],
 "rows": sum(1 for r_ in RESULTS if OWN[tuple(r_[:5])] == 2),
 "imitates": "a municipal analyst's workbook comparing ВПР and the regional diagnostic for the same grade, with a logo area, filter and frozen panes",
 "subjects (file spelling -> package)": {"по математике (title)": "математика"},
 "all columns (for the grader)": {
  "Муниципалитет": "municipality, or «Итого по МО» / «Итого по региону» on subtotal rows",
  "Код ОО": "school_code (the municipality's name on «Итого по МО» rows)",
  "ВПР/РДР: Кол-во\nучастников": "participants (number or text)",
  "ВПР/РДР: Получили\n«2»…«5»": "mark2…mark5 as fractions 0–1 (2 decimals; number or text with comma), count = round(f·n)",
  "ВПР/РДР: Средний\nбалл": "ignore"
 }
})

# ======================= file 3: CSV utf-8, «,», LF, ВПР соответствие 6, wide per subject =======================
f3s = pick(NOT_PRIMARY, 24)
SUBJ3 = [("Русский язык", "русский язык"), ("Математика", "математика")]
rows3 = []
for s in f3s:
    gv = []
    for _, subj in SUBJ3:
        if R.random() < .12: gv.append(None); continue
        n = R.randint(6, 70); c = conf(n); gv.append((n, c)); add(CONF, 3, s["code"], 2026, "ВПР", subj, 6, n, c)
    if not any(gv):
        n = R.randint(6, 70); c = conf(n); gv[0] = (n, c); add(CONF, 3, s["code"], 2026, "ВПР", "русский язык", 6, n, c)
    rows3.append((s, gv))
def g3(g):
    if g is None: return [""] * 7
    n, c = g
    out = [str(n)]
    for k in c: out += [str(k), str(pct(k, n, 1))]
    return out
NV3 = ["dropped", "spaces", "no", "full"]
L = [["Соответствие отметок за выполненную работу и отметок по журналу (по образовательным организациям)"]]
L.append(["Муниципалитет", "Образовательная организация"] + sum([[cap] + [""] * 6 for cap, _ in SUBJ3], []))
L.append(["", ""] + ["Кол-во участников", "Понизили (Отметка < Отметка по журналу)", "", "Подтвердили (Отметка = Отметке по журналу)", "", "Повысили (Отметка > Отметка по журналу)", ""] * 2)
L.append(["", ""] + ["", "чел.", "%", "чел.", "%", "чел.", "%"] * 2)
tot = []
for gi in range(2):
    gs = [g[gi] for _, g in rows3 if g[gi]]
    n = sum(g[0] for g in gs); c = [sum(g[1][k] for g in gs) for k in range(3)]
    tot += g3((n, c))
L.append(["Итого по региону", ""] + tot)
for mun, ss in muns(f3s).items():
    for i, s in enumerate(ss):
        gv = next(g for x, g in rows3 if x is s)
        L.append([mun if i == 0 else "", vname(s, NV3)] + g3(gv[0]) + g3(gv[1]))
L.append([]); L.append(["Примечание: пустые ячейки — предмет в ОО не выполнялся."]); L.append(["Исполнитель: отдел мониторинга, тел. 00-00-00"])
FN3 = "ВПР_2026_соответствие_отметок_6_класс.csv"
with open(f"files/{FN3}", "w", encoding="utf-8", newline="") as fh:
    csv.writer(fh, delimiter=",", lineterminator="\n").writerows(L)
FILES.append({
 "file": FN3,
 "layout": "CSV UTF-8 (no BOM), «,», LF; 1 title line (no year/assessment/grade); 3 header lines: subject captions «Русский язык» / «Математика» (WIDE per SUBJECT) → «Кол-во участников», «Понизили (Отметка < Отметка по журналу)», «Подтвердили (Отметка = Отметке по журналу)», «Повысили (Отметка > Отметка по журналу)» (each over two columns) → «чел.» / «%»; «Итого по региону» FIRST; municipality only on its first school row (merged range saved as CSV); COUNTS and % (1 decimal, point); an empty group = subject not written; notes after («Примечание: …», «Исполнитель: …»); ВПР, 2026, 6 класс only in the FILE NAME",
 "what a user must do": {
  "fixed": {},
  "columns": {
   "Муниципалитет": "municipality (fill down)", "Образовательная организация": "school_name",
   "(group caption «Русский язык»/«Математика»)": "subject",
   "Кол-во участников": "participants",
   "Понизили (Отметка < Отметка по журналу) чел.": "lowered",
   "Подтвердили (Отметка = Отметке по журналу) чел.": "confirmed",
   "Повысили (Отметка > Отметка по журналу) чел.": "raised",
   "% (three per subject)": "ignore"
  },
  "by name": True
 },
 "procedures": [{"assessment": "ВПР", "subject": subj, "grade": 6, "year": 2026} for _, subj in SUBJ3],
 "rows": sum(1 for r_ in CONF if OWN[tuple(r_[:5])] == 3),
 "target table": "confirmation",
 "imitates": "a municipal «Соответствие отметок» summary of ВПР by school, exported to CSV",
 "subjects (file spelling -> package)": {"Русский язык": "русский язык", "Математика": "математика"},
 "all columns (for the grader)": {
  "Муниципалитет": "municipality (first row of each municipality only; «Итого по региону» on the first data line)",
  "Образовательная организация": "school_name (full / org form dropped / double+trailing spaces / «№1»)",
  "Русский язык/Математика: Кол-во участников": "participants",
  "Понизили… чел. / Подтвердили… чел. / Повысили… чел.": "lowered / confirmed / raised",
  "… %": "ignore (1 decimal, point)"
 }
})

# ======================= file 4: LibreOffice XLSX, ЕГЭ физика, per task =======================
f4s = pick(HAS_11, 34)
TASKS = 26
h = ['<html><head><meta charset="utf-8"></head><body><table border="1">']
ncol4 = 4 + 4 + TASKS
h.append("<tr>" + html_cell("Результаты ЕГЭ-2026 по физике в разрезе образовательных организаций", cs=ncol4) + "</tr>")
h.append("<tr>" + "".join(html_cell(t, "th", rs=3) for t in ["Муниципалитет", "ОО", "Кол-во участников", "Не преодолели минимальный порог"])
         + html_cell("Распределение по отметкам", "th", cs=4) + html_cell("Выполнение заданий (средний % выполнения)", "th", cs=TASKS) + "</tr>")
h.append("<tr>" + html_cell("чел.", "th", cs=4) + html_cell("Часть 1", "th", cs=20) + html_cell("Часть 2", "th", cs=6) + "</tr>")
h.append("<tr>" + "".join(html_cell(str(k), "th") for k in range(2, 6)) + "".join(html_cell(str(k), "th") for k in range(1, TASKS + 1)) + "</tr>")
data4 = []
for s in f4s:
    n = R.randint(3, 45); m = marks(n, .02); add(RESULTS, 4, s["code"], 2026, "ЕГЭ", "физика", 11, n, m)
    data4.append((s, n, m, [R.randint(15, 95) for _ in range(TASKS)]))
n = sum(x[1] for x in data4); m = [sum(x[2][k] for x in data4) for k in range(4)]
h.append("<tr>" + html_cell("Итого по региону") + html_cell("") + html_cell(n) + html_cell(m[0]) + "".join(html_cell(k) for k in m)
         + "".join(html_cell(R.randint(30, 80)) for _ in range(TASKS)) + "</tr>")
NV4 = ["dropped", "spaces", "quotes", "full"]
for mun, ss in muns(f4s).items():
    for i, s in enumerate(ss):
        _, n, m, t = next(x for x in data4 if x[0] is s)
        row = (html_cell(mun, rs=len(ss)) if i == 0 else "") + html_cell(vname(s, NV4)) + html_cell(n) + html_cell(m[0]) + "".join(html_cell(k) for k in m) + "".join(html_cell(v) for v in t)
        h.append("<tr>" + row + "</tr>")
h.append("<tr>" + html_cell("") + "</tr>")
h.append("<tr>" + html_cell("Примечание: минимальный порог — 36 тестовых баллов; «Не преодолели минимальный порог» соответствует отметке «2».", cs=12) + "</tr>")
h.append("<tr>" + html_cell("Исполнитель: РЦОИ Демо-области", cs=12) + "</tr>")
h.append("</table></body></html>")
open("html/F4.html", "w", encoding="utf-8").write("\n".join(h))
FN4 = "Результаты_ЕГЭ_физика_по_ОО.xlsx"
soffice("html/F4.html", "xlsx", OUT); shutil.move(f"{OUT}/F4.xlsx", f"files/{FN4}")
FILES.append({
 "file": FN4,
 "layout": "XLSX made by LibreOffice from HTML; 1 title line «Результаты ЕГЭ-2026 по физике в разрезе образовательных организаций» (merged); 3 MERGED header rows: «Муниципалитет», «ОО», «Кол-во участников», «Не преодолели минимальный порог» (merged down) / «Распределение по отметкам» → «чел.» → «2»…«5» / PER-TASK «Выполнение заданий (средний % выполнения)» → «Часть 1» (20) / «Часть 2» (6) → «1»…«26» (headers «2»…«5» COLLIDE with the marks); long, a row per school; COUNTS; municipality MERGED down over its schools; «Итого по региону» FIRST; notes after; grade 11 nowhere",
 "what a user must do": {
  "fixed": {"grade": 11},
  "columns": {
   "Муниципалитет": "municipality", "ОО": "school_name", "Кол-во участников": "participants",
   "Не преодолели минимальный порог": "ignore",
   "Распределение по отметкам чел. «2»": "mark2", "Распределение по отметкам чел. «3»": "mark3",
   "Распределение по отметкам чел. «4»": "mark4", "Распределение по отметкам чел. «5»": "mark5",
   "Выполнение заданий (средний % выполнения) «1»…«26» (26 columns)": "ignore"
  },
  "by name": True
 },
 "procedures": [{"assessment": "ЕГЭ", "subject": "физика", "grade": 11, "year": 2026}],
 "rows": sum(1 for r_ in RESULTS if OWN[tuple(r_[:5])] == 4),
 "imitates": "an РЦОИ ЕГЭ report by school with the per-task completion block, re-saved through a spreadsheet",
 "subjects (file spelling -> package)": {"по физике (title)": "физика"},
 "all columns (for the grader)": {
  "Муниципалитет": "municipality (merged down; «Итого по региону» on the first data row)",
  "ОО": "school_name (full / org form dropped / \"\" quotes / double+trailing spaces)",
  "Кол-во участников": "participants",
  "Не преодолели минимальный порог": "below_min (= mark2 here; ignore)",
  "Распределение по отметкам, чел. «2»…«5»": "mark2…mark5",
  "Выполнение заданий «1»…«26»": "ignore (per-task %, NOT marks)"
 }
})

# ======================= file 5: hand XLSX, ОГЭ 9, two sheets, hierarchy, n (p%), formulas =======================
def npct(k, n): return f"{k} ({str(pct(k, n, 2)).replace('.', ',')}%)"
NV5 = ["quotes", "dropped", "added", "full"]
sheets5 = []
MUN5 = R.sample(sorted({s["municipality"] for s in SCH}), 6)
for subj_cap, subj in (("Математика", "математика"), ("Русский язык", "русский язык")):
    ss5 = pick(lambda s: NOT_PRIMARY(s) and s["municipality"] in MUN5, 24)
    data = {}
    for s in ss5:
        n = R.randint(5, 70); m = marks(n); data[s["code"]] = (n, m); add(RESULTS, 5, s["code"], 2026, "ОГЭ", subj, 9, n, m)
    cells, merges = {}, []
    for c, t in enumerate(["Наименование", "Код ОО", "Кол-во участников", "Не преодолели минимальный порог"]):
        cells[(0, c)] = ("s", t); merges.append(f"{ref(0, c)}:{ref(2, c)}")
    cells[(0, 4)] = ("s", "Распределение отметок"); merges.append("E1:H1")
    cells[(1, 4)] = ("s", "чел. (% от участников)"); merges.append("E2:H2")
    for k in range(4): cells[(2, 4 + k)] = ("s", str(k + 2))
    cells[(0, 8)] = ("s", "Средний балл"); merges.append("I1:I3")
    def put(r, label, code, n, m, fpart=None, fbelow=None):
        cells[(r, 0)] = ("s", label)
        if code: cells[(r, 1)] = ("s", code)
        cells[(r, 2)] = ("f", fpart, n) if fpart else ("n", n)
        cells[(r, 3)] = ("f", fbelow, m[0]) if fbelow else ("n", m[0])
        for k in range(4): cells[(r, 4 + k)] = ("s", npct(m[k], n))
        cells[(r, 8)] = ("n", str(hu(Decimal(sum((i + 2) * k for i, k in enumerate(m))) / n, 2)))
    r = 4; munrows = []
    for mun, ms in muns(ss5).items():
        mr = r; munrows.append(mr); r += 1
        for s in ms:
            n, m = data[s["code"]]; put(r, "    " + vname(s, NV5), s["code"], n, m); r += 1
        n = sum(data[s["code"]][0] for s in ms); m = [sum(data[s["code"]][1][k] for s in ms) for k in range(4)]
        put(mr, "  " + mun, None, n, m, f"SUM(C{mr+2}:C{r})", f"SUM(D{mr+2}:D{r})")
    n = sum(v[0] for v in data.values()); m = [sum(v[1][k] for v in data.values()) for k in range(4)]
    put(3, "Демо-область (демо)", None, n, m, "+".join(f"C{x+1}" for x in munrows), "+".join(f"D{x+1}" for x in munrows))
    sheets5.append({"name": subj_cap, "cells": cells, "merges": merges, "widths": {0: 60}})
sheets5.append({"name": "Пояснения", "cells": {(0, 0): ("s", "Примечание: в ячейках распределения — число участников и (в скобках) доля от числа участников."),
                (1, 0): ("s", "«Не преодолели минимальный порог» — получили отметку «2»."), (2, 0): ("s", "Исполнитель: Иванова И. И.")}})
FN5 = "Свод_по_ОО_9кл.xlsx"
write_xlsx(f"files/{FN5}", sheets5)
FILES.append({
 "file": FN5,
 "layout": "hand-written XLSX, SEVERAL SHEETS: «Математика», «Русский язык» (same table) and «Пояснения» (notes only); no title; 3 MERGED header rows («Наименование», «Код ОО», «Кол-во участников», «Не преодолели минимальный порог», «Средний балл» merged down; «Распределение отметок» → «чел. (% от участников)» → «2»…«5»); HIERARCHY IN ONE COLUMN «Наименование»: region row «Демо-область (демо)» first, municipality rows indented 2 spaces ABOVE their schools, schools indented 4 spaces; «Код ОО» only on school rows; marks as «n (p%)» TEXT («12 (34,29%)», 2 decimals, comma); FORMULAS with cached values on the region/municipality rows («Кол-во участников», «Не преодолели…» =SUM/+); «Средний балл» ignored; subject only in the SHEET NAME; year, assessment, grade NOWHERE",
 "what a user must do": {
  "fixed": {"year": 2026, "assessment": "ОГЭ", "grade": 9},
  "columns": {
   "Наименование": "ignore (level rows region/municipality are not schools)", "Код ОО": "school_code",
   "Кол-во участников": "participants", "Не преодолели минимальный порог": "ignore",
   "Распределение отметок «2»": "mark2 (count in «n (p%)»)", "Распределение отметок «3»": "mark3",
   "Распределение отметок «4»": "mark4", "Распределение отметок «5»": "mark5",
   "Средний балл": "ignore",
   "(sheet name «Математика»/«Русский язык»)": "subject"
  },
  "by name": False
 },
 "procedures": [{"assessment": "ОГЭ", "subject": s_, "grade": 9, "year": 2026} for s_ in ("математика", "русский язык")],
 "rows": sum(1 for r_ in RESULTS if OWN[tuple(r_[:5])] == 5),
 "imitates": "a ФИС ОКО-like hierarchy report of ГИА-9 by school, one sheet per subject, assembled by hand in a regional workbook",
 "subjects (file spelling -> package)": {"Математика (sheet)": "математика", "Русский язык (sheet)": "русский язык"},
 "all columns (for the grader)": {
  "Наименование": "hierarchy: region / «  municipality» / «    school name» (\"\" quotes / org form dropped / org form spelled out)",
  "Код ОО": "school_code (school rows only)",
  "Кол-во участников": "participants (formulas on region/municipality rows)",
  "Не преодолели минимальный порог": "below_min (= mark2; ignore)",
  "Распределение отметок «2»…«5»": "mark2…mark5 as «n (p%)» text; count = n",
  "Средний балл": "ignore"
 }
})

# ======================= file 6: CSV cp1251, TAB, CRLF, НИКО 2025 7, wide per subject, line breaks =======================
f6s = pick(NOT_PRIMARY, 22)
SUBJ6 = [("История", "история"), ("Обществознание", "обществознание")]
rows6 = []
for s in f6s:
    gv = []
    for _, subj in SUBJ6:
        if R.random() < .15: gv.append(None); continue
        n = R.randint(5, 60); m = marks(n); gv.append((n, m)); add(RESULTS, 6, s["code"], 2025, "НИКО", subj, 7, n, m)
    if not any(gv):
        n = R.randint(5, 60); m = marks(n); gv[1] = (n, m); add(RESULTS, 6, s["code"], 2025, "НИКО", "обществознание", 7, n, m)
    rows6.append((s, gv))
def g6(g):
    if g is None: return [""] * 6
    n, m = g
    return [str(n)] + [str(pct(k, n, 1)).replace(".", ",") for k in m] + [str(hu(Decimal(sum((i + 2) * k for i, k in enumerate(m))) / n, 1)).replace(".", ",")]
NV6 = ["added", "no", "quotes", "full"]
L = [["Результаты по образовательным организациям"], ["Выгрузка из региональной информационной системы, 12.12.2025"]]
L.append(["Год", "Процедура", "Класс", "Муниципалитет", "Образовательная организация"] + sum([[cap] + [""] * 5 for cap, _ in SUBJ6], []))
L.append([""] * 5 + ["Кол-во\nучастников", "Получили отметку, % от участников", "", "", "", "Средний балл"] * 2)
L.append([""] * 5 + ["", "Получили\n«2»", "Получили\n«3»", "Получили\n«4»", "Получили\n«5»", ""] * 2)
for mun, ss in muns(f6s).items():
    for s in ss:
        gv = next(g for x, g in rows6 if x is s)
        L.append(["2025", "НИКО", "7", mun, vname(s, NV6)] + g6(gv[0]) + g6(gv[1]))
tot = []
for gi in range(2):
    gs = [g[gi] for _, g in rows6 if g[gi]]
    tot += g6((sum(g[0] for g in gs), [sum(g[1][k] for g in gs) for k in range(4)]))
L.append(["2025", "НИКО", "7", "Итого по региону", ""] + tot)
FN6 = "niko_2025_7_istoriya_obshchestvoznanie.csv"
buf = io.StringIO(); csv.writer(buf, delimiter="\t", lineterminator="\r\n").writerows(L)
open(f"files/{FN6}", "wb").write(buf.getvalue().encode("cp1251"))
FILES.append({
 "file": FN6,
 "layout": "CSV Windows-1251, TAB, CRLF; 2 title lines (nothing of the procedure); 3 header lines: «Год», «Процедура», «Класс», «Муниципалитет», «Образовательная организация», subject captions «История» / «Обществознание» (WIDE per SUBJECT) → ★ «Кол-во\\nучастников» (a LINE BREAK inside a quoted field), «Получили отметку, % от участников», «Средний балл» → ★ «Получили\\n«2»»…«Получили\\n«5»» (quoted, line breaks); PERCENTS with participants, 1 decimal, DECIMAL COMMA; an empty group = subject not written; «Итого по региону» LAST; year, assessment, grade in COLUMNS",
 "what a user must do": {
  "fixed": {},
  "columns": {
   "Год": "year", "Процедура": "assessment", "Класс": "grade",
   "Муниципалитет": "municipality", "Образовательная организация": "school_name",
   "(group caption «История»/«Обществознание»)": "subject",
   "Кол-во\nучастников": "participants",
   "Получили\n«2»": "mark2 (% of participants)", "Получили\n«3»": "mark3 (% of participants)",
   "Получили\n«4»": "mark4 (% of participants)", "Получили\n«5»": "mark5 (% of participants)",
   "Средний балл": "ignore"
  },
  "by name": True
 },
 "procedures": [{"assessment": "НИКО", "subject": s_, "grade": 7, "year": 2025} for _, s_ in SUBJ6],
 "rows": sum(1 for r_ in RESULTS if OWN[tuple(r_[:5])] == 6),
 "imitates": "a regional information system's export of НИКО results by school, two subjects side by side, saved as tab-separated text in Windows-1251",
 "subjects (file spelling -> package)": {"История": "история", "Обществознание": "обществознание"},
 "all columns (for the grader)": {
  "Год": "year", "Процедура": "assessment («НИКО»)", "Класс": "grade",
  "Муниципалитет": "municipality («Итого по региону» on the last line)",
  "Образовательная организация": "school_name (org form spelled out / «№1» / \"\" quotes / full)",
  "История/Обществознание: Кол-во\nучастников": "participants",
  "История/Обществознание: Получили\n«2»…«5»": "mark2…mark5 as % (1 decimal, comma), count = round(p·n/100)",
  "История/Обществознание: Средний балл": "ignore"
 }
})

# round trip of every percent / fraction written
for row in RESULTS:
    n = row[5]
    for k in row[6:]:
        for d in (0, 1, 2): assert hu(pct(k, n, d) * n / 100) == k or d == 0, (row, d)
        assert hu(frac(k, n, 2) * n) == k or OWN[tuple(row[:5])] != 2

# ======================= expected/ =======================
RESULTS.sort(key=lambda r_: tuple(map(str, r_[:5]))); CONF.sort(key=lambda r_: tuple(map(str, r_[:5])))
with open("expected/results.csv", "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n"); w.writerow(["school_id", "year", "assessment", "subject", "grade", "participants", "mark2", "mark3", "mark4", "mark5"]); w.writerows(RESULTS)
with open("expected/confirmation.csv", "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n"); w.writerow(["school_id", "year", "assessment", "subject", "grade", "participants", "lowered", "confirmed", "raised"]); w.writerows(CONF)
used = sorted({r_[0] for r_ in RESULTS + CONF})
with open("expected/schools.csv", "w", encoding="utf-8", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n"); w.writerow(["school_id", "name", "municipality_id", "municipality_name"])
    for c in used: w.writerow([c, BY[c]["name"], BY[c]["oktmo"], BY[c]["municipality"]])
json.dump(FILES, open("files.json", "w", encoding="utf-8"), ensure_ascii=False, indent=2)
D["package"] = {"results": len(RESULTS), "confirmation": len(CONF), "schools": len(used)}
json.dump(D, open("draws.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("results", len(RESULTS), "confirmation", len(CONF), "total", len(RESULTS) + len(CONF), "per file", [f["rows"] for f in FILES])
