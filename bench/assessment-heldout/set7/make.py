#!/usr/bin/env python3
"""Set 7: synthetic assessment tables + one Opora package. Seed 2026_1207. Writes html/*.html (→ XLSX by build.sh), files/*.csv, expected/, files.json."""
import json, random, os, csv, io
R = random.Random(2026_1207)
S = json.load(open('demo-schools.json'))
os.makedirs('files', exist_ok=True); os.makedirs('html', exist_ok=True); os.makedirs('expected', exist_ok=True)
RES, CONF, USED, SEEN = [], [], {}, set()

def pick(n):
    xs = R.sample(S, n)
    return sorted(xs, key=lambda s: (s['municipality'], s['code']))

def marks(p):
    w = [R.random()*0.3, R.random()+0.5, R.random()+0.4, R.random()*0.8]
    m = [0]*4
    for _ in range(p):
        x = R.random()*sum(w); i = 0
        while x > w[i]: x -= w[i]; i += 1
        m[i] += 1
    return m

def res(s, y, a, subj, g, m):
    k = (s['code'], y, a, subj, g); assert k not in SEEN; SEEN.add(k); USED[s['code']] = s
    RES.append([s['code'], y, a, subj, g, sum(m)] + m)

def pct_h(n, p):
    return int(n*1000//p + (1 if (n*1000 % p)*2 >= p else 0)) / 10 if p else 0.0
def fr3(n, p):
    return (n*1000//p + (1 if (n*1000 % p)*2 >= p else 0)) / 1000
def sp(n):  # «1 204»
    return f'{n:,}'.replace(',', ' ')
def cm(x):
    return str(x).replace('.', ',')

def nm(s, full):
    """names as regions write them: quotes «» or "", org form sometimes dropped"""
    if full:
        n = s['name']; r = R.random()
        if r < 0.3: n = n.replace('«', '"').replace('»', '"')
        elif r < 0.5: n = n.split(' ', 1)[1].replace('«', '').replace('»', '')
        return n
    n = s['shortName']
    if R.random() < 0.3: n = s['name'].split(' ')[0] + ' ' + n
    return n

def html(name, body):
    open(f'html/{name}.html', 'w', encoding='utf-8').write('<html><head><meta charset="utf-8"></head><body><table border="1">' + body + '</table></body></html>')
def tr(*cells): return '<tr>' + ''.join(cells) + '</tr>'
def td(v, rs=1, cs=1):
    a = (f' rowspan="{rs}"' if rs > 1 else '') + (f' colspan="{cs}"' if cs > 1 else '')
    return f'<td{a}>{v}</td>'

FILES = []
# ---------- F1: ВПР 2026, 8 класс, WIDE per subject, 3 header rows with a «%» row, percents only, municipality merged, «Итого по МО» subtotals
sch = pick(36); SUB1 = [('Русский язык', 'русский язык'), ('Математика', 'математика')]
b = tr(td('Всероссийские проверочные работы 2026 года. 8 класс. Распределение отметок (в % от числа участников)', cs=12))
b += tr(td('Муниципалитет', rs=3), td('Образовательная организация', rs=3), *[td(t, cs=5) for t, _ in SUB1])
b += tr(*[td('Участников', rs=2) + ''.join(td(str(k)) for k in (2, 3, 4, 5)) for _ in SUB1])
b += tr(*[td('%') for _ in range(8)])
mun = {}
for s in sch: mun.setdefault(s['municipality'], []).append(s)
reg = [[0]*4 for _ in SUB1]
rows1 = 0
for mname, ss in mun.items():
    tot = [[0]*4 for _ in SUB1]
    for i, s in enumerate(ss):
        cells = []
        for j, (_, subj) in enumerate(SUB1):
            m = marks(R.randint(8, 110)); p = sum(m); res(s, 2026, 'ВПР', subj, 8, m); rows1 += 1
            tot[j] = [a + c for a, c in zip(tot[j], m)]
            cells.append(td(p) + ''.join(td(pct_h(x, p)) for x in m))
        b += tr((td(mname, rs=len(ss)) if i == 0 else ''), td(nm(s, False)), *cells)
    b += tr(td('Итого по МО', cs=2), *[td(sum(t)) + ''.join(td(pct_h(x, sum(t))) for x in t) for t in tot])
    reg = [[a + c for a, c in zip(r, t)] for r, t in zip(reg, tot)]
b += tr(td('Итого по региону', cs=2), *[td(sum(t)) + ''.join(td(pct_h(x, sum(t))) for x in t) for t in reg])
html('F1', b)
FILES.append({"file": "ВПР_2026_8_класс_русский_математика_проценты.xlsx",
 "layout": "WIDE: a merged column group per SUBJECT («Русский язык», «Математика») × {Участников, 2, 3, 4, 5}; 3 merged header rows (subject → «Участников» + 2…5 → a separate «%» row); PERCENTS only (1 decimal, half-up; counts = % × participants); municipality MERGED vertically over its schools; «Итого по МО» row (A:B merged) after each municipality and «Итого по региону» last; title gives ВПР 2026 and 8 класс (made by LibreOffice from HTML)",
 "what a user must do": {"fixed": {}, "columns": {}, "by name": True},
 "procedures": [{"assessment": "ВПР", "subject": s, "grade": 8, "year": 2026} for _, s in SUB1],
 "rows": rows1, "imitates": "a regional ВПР analysis table with shares of marks per subject side by side",
 "subjects (file spelling -> package)": {t: s for t, s in SUB1},
 "all columns (for the grader)": {"Муниципалитет": "municipality (merged)", "Образовательная организация": "school_name (shortName, sometimes with «МБОУ»/«МАОУ»/«МКОУ» in front)",
   "Русский язык Участников": "participants", "Русский язык 2 %": "mark2 (% of participants)", "Русский язык 3 %…5 %": "mark3…mark5", "Математика …": "same for математика"}})

# ---------- F2: CSV Windows-1251, TAB, CRLF; preamble; ЕГЭ 2026 химия; counts; code; «Итого» with «1 204»; grade not written
sch = pick(44); L = ['Результаты единого государственного экзамена 2026 года', 'Предмет:\tХимия', 'Исполнитель:\tРЦОИ (демо)', '',
     '\t'.join(['Код ОО', 'Наименование ОО', 'АТЕ', 'Сдавали', 'Получили «2»', 'Получили «3»', 'Получили «4»', 'Получили «5»'])]
tot = [0]*4
for s in sch:
    m = marks(R.randint(3, 60)); res(s, 2026, 'ЕГЭ', 'химия', 11, m); tot = [a + c for a, c in zip(tot, m)]
    L.append('\t'.join([s['code'], s['name'], s['municipality'], str(sum(m))] + [str(x) if x else '' for x in m]))
L.append('\t'.join(['', 'Итого', '', sp(sum(tot))] + [sp(x) for x in tot]))
open('files/EGE_2026_himiya_RCOI.csv', 'wb').write(('\r\n'.join(L) + '\r\n').encode('cp1251'))
FILES.append({"file": "EGE_2026_himiya_RCOI.csv",
 "layout": "CSV Windows-1251, TAB, CRLF; 3-line preamble (title with ЕГЭ 2026, «Предмет:\\tХимия», executor) + empty line; long, a row per school; COUNTS, an EMPTY cell means 0; «Итого» last with thousands as «1 204»; grade 11 not written",
 "what a user must do": {"fixed": {"grade": 11}, "columns": {"АТЕ": "municipality", "Сдавали": "participants", "Получили «2»": "mark2", "Получили «3»": "mark3", "Получили «4»": "mark4", "Получили «5»": "mark5"}, "by name": False},
 "procedures": [{"assessment": "ЕГЭ", "subject": "химия", "grade": 11, "year": 2026}], "rows": len(sch),
 "imitates": "an РЦОИ export of ЕГЭ marks by school opened in a Windows tool", "subjects (file spelling -> package)": {"Химия (preamble)": "химия"},
 "all columns (for the grader)": {"Код ОО": "school_id", "Наименование ОО": "school_name (full)", "АТЕ": "municipality", "Сдавали": "participants",
   "Получили «2»": "mark2 (empty = 0)", "Получили «3»": "mark3", "Получили «4»": "mark4", "Получили «5»": "mark5"}})

# ---------- F3: XLSX confirmation by CLASS, ВПР 2026 математика 7; code + name merged over class rows; counts + % pairs under merged headers; «Вся выборка» first
sch = pick(30)
b = tr(td('ВПР 2026. Математика, 7 класс. Соответствие отметок за выполненную работу и отметок по журналу', cs=10))
b += tr(td('Код ОО', rs=2), td('Наименование ОО', rs=2), td('Класс', rs=2), td('Кол-во участников', rs=2), td('Понизили', cs=2), td('Подтвердили', cs=2), td('Повысили', cs=2))
b += tr(*[td('кол-во') + td('%') for _ in range(3)])
body, allv = '', [0]*3
for s in sch:
    ncl = R.randint(1, 4); cls = [f'7{"АБВГ"[i]}' for i in range(ncl)]; st = [0]*3
    for i, c in enumerate(cls):
        p = R.randint(4, 28); w = [R.random()*0.3, R.random()+0.8, R.random()*0.2]
        v = [0]*3
        for _ in range(p):
            x = R.random()*sum(w); k = 0
            while x > w[k]: x -= w[k]; k += 1
            v[k] += 1
        st = [a + c_ for a, c_ in zip(st, v)]
        cells = ''.join((td(x) + td(pct_h(x, p))) if x else td('') + td('') for x in v)
        b2 = (td(s['code'], rs=ncl) + td(nm(s, True), rs=ncl)) if i == 0 else ''
        body += tr(b2, td(c), td(p), cells)
    k = (s['code'], 2026, 'ВПР', 'математика', 7); assert k not in SEEN; SEEN.add(k); USED[s['code']] = s
    CONF.append([s['code'], 2026, 'ВПР', 'математика', 7, sum(st)] + st); allv = [a + c for a, c in zip(allv, st)]
b += tr(td('Вся выборка', cs=3), td(sum(allv)), ''.join(td(x) + td(pct_h(x, sum(allv))) for x in allv)) + body
html('F3', b)
FILES.append({"file": "ВПР_2026_математика_7_соответствие_журналу_по_классам.xlsx",
 "layout": "long, a row per CLASS («7А»…«7Г», 1–4 per school) to be SUMMED per school; «Код ОО» and name MERGED vertically over the class rows; 2 merged header rows («Понизили»/«Подтвердили»/«Повысили» each over «кол-во» and «%»); COUNTS and % pairs, both cells EMPTY when 0; «Вся выборка» (A:C merged) FIRST; title gives ВПР 2026, математика, 7 класс",
 "what a user must do": {"fixed": {}, "columns": {"Класс": "ignore (sum the class rows per school)", "Понизили кол-во": "lowered", "Подтвердили кол-во": "confirmed", "Повысили кол-во": "raised", "% (three columns)": "ignore"}, "by name": False},
 "procedures": [{"assessment": "ВПР", "subject": "математика", "grade": 7, "year": 2026}], "rows": len(sch), "target table": "confirmation",
 "imitates": "ФИС ОКО «Соответствие отметок» by class, pasted together by the region", "subjects (file spelling -> package)": {"Математика (title)": "математика"},
 "all columns (for the grader)": {"Код ОО": "school_id (merged)", "Наименование ОО": "school_name (full name, quotes vary; merged)", "Класс": "class (sum per school)",
   "Кол-во участников": "participants", "Понизили кол-во": "lowered (empty = 0)", "Понизили %": "ignore", "Подтвердили кол-во": "confirmed", "Подтвердили %": "ignore", "Повысили кол-во": "raised", "Повысили %": "ignore"}})

# ---------- F4: CSV UTF-8, «,» quoted, LF; ОГЭ 2026 обществознание; counts and % side by side; «Вся выборка», «Регион» first; by full name; empty = 0; nothing in the file says procedure
sch = pick(40)
out = io.StringIO(); w = csv.writer(out, lineterminator='\n')
w.writerow(['Муниципалитет', 'Образовательная организация', 'Всего участников', '2', '2, %', '3', '3, %', '4', '4, %', '5', '5, %'])
rows, tot = [], [0]*4
for s in sch:
    m = marks(R.randint(5, 75)); res(s, 2026, 'ОГЭ', 'обществознание', 9, m); tot = [a + c for a, c in zip(tot, m)]; p = sum(m)
    rows.append([s['municipality'], nm(s, True), p] + sum(([x, cm(pct_h(x, p))] if x else ['', ''] for x in m), []))
fk = [x + R.randint(200, 900) for x in tot]
w.writerow(['', 'Вся выборка', sum(fk)] + sum(([x, cm(pct_h(x, sum(fk)))] for x in fk), []))
w.writerow(['', 'Регион', sum(tot)] + sum(([x, cm(pct_h(x, sum(tot)))] for x in tot), []))
for r in rows: w.writerow(r)
open('files/oge_obsh_po_OO.csv', 'w', encoding='utf-8').write(out.getvalue())
FILES.append({"file": "oge_obsh_po_OO.csv",
 "layout": "CSV UTF-8 (no BOM), «,», quoted where needed, LF; one header line; long, a row per school; COUNTS and PERCENTS side by side («2», «2, %», … decimal comma), both EMPTY when 0; «Вся выборка» (fabricated) and «Регион» rows FIRST; nothing says year, assessment, subject or grade",
 "what a user must do": {"fixed": {"year": 2026, "assessment": "ОГЭ", "subject": "обществознание", "grade": 9}, "columns": {"Всего участников": "participants", "2, %": "ignore", "3, %": "ignore", "4, %": "ignore", "5, %": "ignore"}, "by name": True},
 "procedures": [{"assessment": "ОГЭ", "subject": "обществознание", "grade": 9, "year": 2026}], "rows": len(sch),
 "imitates": "an ОГЭ statistics export by school saved as CSV with neither title nor file name hints", "subjects (file spelling -> package)": {"(not in the file)": "обществознание"},
 "all columns (for the grader)": {"Муниципалитет": "municipality", "Образовательная организация": "school_name (full name; «» or \"\", org form sometimes dropped)", "Всего участников": "participants",
   "2": "mark2 (empty = 0)", "2, %": "ignore", "3": "mark3", "4": "mark4", "5": "mark5", "3, %/4, %/5, %": "ignore"}})

# ---------- F5: XLSX BLOCKS per grade (НИКО 2025 литература 6 and 8) one under another, FRACTIONS 0–1, by code, preamble
b = tr(td('Национальное исследование качества образования (НИКО) — 2025', cs=7)) + tr(td('Литература', cs=7)) + tr(td('Доли участников, получивших отметки', cs=7)) + tr(td('', cs=7))
n5 = 0
for g in (6, 8):
    sch = pick(24)
    b += tr(td(f'{g} класс', cs=7)) + tr(*[td(h) for h in ['Код ОО', 'Наименование ОО', 'Участники', '«2»', '«3»', '«4»', '«5»']])
    for s in sch:
        m = marks(R.randint(6, 50)); p = sum(m); res(s, 2025, 'НИКО', 'литература', g, m); n5 += 1
        b += tr(td(s['code']), td(s['name']), td(p), *[td(fr3(x, p)) for x in m])
    b += tr(td('', cs=7))
html('F5', b)
FILES.append({"file": "НИКО_2025_литература_6_и_8_классы.xlsx",
 "layout": "3-row title/preamble (НИКО 2025; «Литература»; «Доли участников, получивших отметки») + empty row; two BLOCKS one under another, each a caption row «6 класс» / «8 класс» + own 1-row header + schools + empty row; FRACTIONS 0–1 (3 decimals, half-up; counts = fraction × participants); schools by code (made by LibreOffice from HTML)",
 "what a user must do": {"fixed": {}, "columns": {"Участники": "participants", "«2»": "mark2 (fraction of participants)", "«3»": "mark3", "«4»": "mark4", "«5»": "mark5"}, "by name": False},
 "procedures": [{"assessment": "НИКО", "subject": "литература", "grade": g, "year": 2025} for g in (6, 8)], "rows": n5,
 "imitates": "a НИКО regional report with one block per grade", "subjects (file spelling -> package)": {"Литература (title)": "литература"},
 "all columns (for the grader)": {"Код ОО": "school_id", "Наименование ОО": "school_name (full)", "Участники": "participants", "«2»": "mark2 (fraction)", "«3»": "mark3", "«4»": "mark4", "«5»": "mark5", "(block caption)": "grade"}})

# ---------- F6: CSV UTF-8 BOM «;» CRLF; title line; ВПР 2026 география 6; a row per class summed; by short name only; «Итого по МО» subtotal lines; «1 204» in totals
sch = pick(30)
L = ['ВПР 2026. География, 6 класс. Результаты по классам;;;;;;;', ';;;;;;;', 'Муниципалитет;ОО;Класс;Кол-во участников;2;3;4;5']
mun = {}
for s in sch: mun.setdefault(s['municipality'], []).append(s)
reg = [0]*4
for mname, ss in mun.items():
    t = [0]*4
    for s in ss:
        n = nm(s, False); st = [0]*4
        for c in range(R.randint(1, 3)):
            m = marks(R.randint(3, 27)); st = [a + x for a, x in zip(st, m)]
            L.append(';'.join([mname, n, f'6{"абв"[c]}', str(sum(m))] + [str(x) for x in m]))
        res(s, 2026, 'ВПР', 'география', 6, st); t = [a + x for a, x in zip(t, st)]
    L.append(';'.join([mname, 'Итого по МО', '', sp(sum(t))] + [sp(x) for x in t])); reg = [a + x for a, x in zip(reg, t)]
L.append(';'.join(['Итого', '', '', sp(sum(reg))] + [sp(x) for x in reg]))
open('files/ВПР_география_6_по_классам.csv', 'wb').write(('\ufeff' + '\r\n'.join(L) + '\r\n').encode('utf-8'))
FILES.append({"file": "ВПР_география_6_по_классам.csv",
 "layout": "CSV UTF-8 with BOM, «;», CRLF; title line «ВПР 2026. География, 6 класс. Результаты по классам» + empty line; long, a row per CLASS («6а»…«6в», 1–3 per school) to be SUMMED; COUNTS; «Итого по МО» line after each municipality and «Итого» last, both with thousands as «1 204»; schools by short name only (sometimes with «МБОУ» etc. in front), no code",
 "what a user must do": {"fixed": {}, "columns": {"Класс": "ignore (sum the class rows per school)", "ОО": "school_name", "Кол-во участников": "participants"}, "by name": True},
 "procedures": [{"assessment": "ВПР", "subject": "география", "grade": 6, "year": 2026}], "rows": len(sch),
 "imitates": "a municipal methodologist's per-class ВПР table exported from a spreadsheet", "subjects (file spelling -> package)": {"География (title)": "география"},
 "all columns (for the grader)": {"Муниципалитет": "municipality", "ОО": "school_name (shortName, sometimes with org form)", "Класс": "class (sum per school)", "Кол-во участников": "participants", "2": "mark2", "3": "mark3", "4": "mark4", "5": "mark5"}})

def wcsv(fn, head, rows):
    with open('expected/' + fn, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n'); w.writerow(head); w.writerows(sorted(rows, key=lambda r: [str(x) for x in r[:5]]))
wcsv('results.csv', 'school_id,year,assessment,subject,grade,participants,mark2,mark3,mark4,mark5'.split(','), RES)
wcsv('confirmation.csv', 'school_id,year,assessment,subject,grade,participants,lowered,confirmed,raised'.split(','), CONF)
wcsv('schools.csv', 'school_id,name,municipality_id,municipality_name'.split(','), [[s['code'], s['name'], s['oktmo'], s['municipality']] for s in USED.values()])
json.dump(FILES, open('files.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
print(len(RES), 'results', len(CONF), 'confirmation', len(USED), 'schools')
