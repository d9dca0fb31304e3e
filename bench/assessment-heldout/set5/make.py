#!/usr/bin/env python3
"""Set 5 generator (stdlib). Writes HTML tables, converts them to XLSX with LibreOffice (build.sh)."""
import json, random, csv, os, html
from decimal import Decimal, ROUND_HALF_UP
R = random.Random(20261207)
S = json.load(open('demo-schools.json'))
byc = {s['code']: s for s in S}
os.makedirs('files', exist_ok=True); os.makedirs('html', exist_ok=True); os.makedirs('expected', exist_ok=True)

def kind(n):
    if 'НОШ' in n: return 'nosh'
    if 'ООШ' in n: return 'oosh'
    if 'Гимназия' in n or 'Лицей' in n: return 'gym'
    if 'г.' in n or 'пгт' in n: return 'town'
    return 'rural'
Q = {s['code']: R.gauss(0, 0.5) for s in S}
def cohort(s):
    return {'gym': (40, 90), 'town': (25, 75), 'rural': (6, 24), 'oosh': (3, 10), 'nosh': (2, 7)}[kind(s['name'])]
def marks(code, n, shift=0.0):
    m = [0, 0, 0, 0]
    for _ in range(n):
        x = 3.4 + Q[code] + shift + R.gauss(0, 0.8)
        m[min(3, max(0, int(round(x)) - 2))] += 1
    return m
def pct(a, b, d=1):
    return Decimal(a * 100) / Decimal(b) if b else Decimal(0)
def fmt(a, b, d=1):
    q = Decimal(1).scaleb(-d)
    return str(pct(a, b).quantize(q, ROUND_HALF_UP)).replace('.', ',')
def pick(k, munis, grade_max=11, grade_min=1):
    out = []
    for s in S:
        if s['municipality'] not in munis: continue
        kd = kind(s['name'])
        if grade_min > 4 and kd == 'nosh': continue
        if grade_min > 9 and kd in ('oosh', 'nosh'): continue
        out.append(s)
    R.shuffle(out); out = out[:k]
    return sorted(out, key=lambda s: (munis.index(s['municipality']), s['code']))
M = sorted({s['municipality'] for s in S})
GO = [m for m in M if m.startswith('Городской')]; MR = [m for m in M if not m.startswith('Городской')]
results = []; used = set()
def add(code, year, a, subj, g, m):
    results.append([code, year, a, subj, g, sum(m)] + m); used.add(code)

def cell(v, cs=1, rs=1, b=False):
    a = (f' colspan="{cs}"' if cs > 1 else '') + (f' rowspan="{rs}"' if rs > 1 else '')
    v = '' if v is None else v
    if isinstance(v, str):
        return f'<td{a} sdval="" >{html.escape(v)}</td>'.replace(' sdval="" ', '') if False else f'<td{a}>{html.escape(v)}</td>'
    return f'<td{a} sdval="{v}" sdnum="1049;0;0">{v}</td>'
def write_html(name, rows):
    with open('html/' + name + '.html', 'w', encoding='utf-8') as f:
        f.write('<html><head><meta charset="utf-8"></head><body><table border="1">\n')
        for r in rows:
            if len(r) == 1 and isinstance(r[0], str): r = [cell(r[0], cs=9)]
            f.write('<tr>' + ''.join(c if isinstance(c, str) and c.startswith('<td') else cell(c) for c in r) + '</tr>\n')
        f.write('</table></body></html>\n')
FILES = []

# ---- F1: ВПР 2026 математика 6, a row per CLASS («6а», «6б»), summed per school in the package
mun1 = [GO[0], MR[0], MR[1], MR[2]]
sch = pick(30, mun1, grade_min=5)
rows = [['Результаты ВПР-2026 по математике в 6 классах (по классам)'], ['Источник: ФИС ОКО, выгрузка МОУО'], [],
        ['Муниципалитет', 'Код ОО', 'Образовательная организация', 'Класс', 'Кол-во участников', '«2»', '«3»', '«4»', '«5»']]
n1 = 0
for s in sch:
    lo, hi = cohort(s); tot = [0] * 4
    ncls = 1 if hi <= 24 else (2 if hi <= 75 else 3)
    for i in range(ncls):
        n = R.randint(max(1, lo // ncls), max(1, hi // ncls))
        m = marks(s['code'], n); tot = [a + b for a, b in zip(tot, m)]
        rows.append([s['municipality'], s['code'], s['name'], '6' + 'абв'[i], n] + m); n1 += 1
    add(s['code'], 2026, 'ВПР', 'математика', 6, tot)
write_html('F1', rows)
FILES.append(dict(file='ВПР-2026_математика_6_класс_по_классам.xlsx', src='F1', layout='long, a row per CLASS («6а», «6б», «6в»); 1–3 class rows per school must be SUMMED into one school row; title rows give ВПР, 2026, математика, 6; no subtotals',
  **{'what a user must do': {'fixed': {}, 'columns': {'Класс': 'ignore (sum the class rows per school)'}, 'by name': False}},
  procedures=[dict(assessment='ВПР', subject='математика', grade=6, year=2026)], rows=len(sch),
  imitates='a municipal ВПР report by class (ФИС ОКО «Результаты по классам») pasted together by the region',
  **{'subjects (file spelling -> package)': {'по математике (title)': 'математика'},
     'all columns (for the grader)': {'Муниципалитет': 'municipality', 'Код ОО': 'school_id', 'Образовательная организация': 'school_name', 'Класс': 'class (sum rows per school)', 'Кол-во участников': 'participants', '«2»': 'mark2', '«3»': 'mark3', '«4»': 'mark4', '«5»': 'mark5'}}))

# ---- F2: ОГЭ 2026, subjects in separate BLOCKS one under another on one sheet
mun2 = [GO[1], MR[3], MR[4], MR[5]]
sch = pick(26, mun2, grade_min=5)
rows = [['Результаты основного государственного экзамена (ОГЭ) 2026 года по образовательным организациям'], []]
subs2 = [('РУССКИЙ ЯЗЫК', 'русский язык', 0.1), ('МАТЕМАТИКА', 'математика', -0.1), ('ОБЩЕСТВОЗНАНИЕ', 'обществознание', -0.2)]
for title, subj, sh in subs2:
    rows.append(['Предмет: ' + title])
    rows.append(['Код ОО', 'Наименование ОО', 'АТЕ', 'Сдавали', 'Получили «2»', 'Получили «3»', 'Получили «4»', 'Получили «5»', 'Средняя отметка'])
    tot = [0] * 4
    for s in sch:
        lo, hi = cohort(s)
        n = R.randint(lo, hi)
        if subj == 'обществознание': n = max(1, int(n * R.uniform(0.3, 0.6)))
        m = marks(s['code'], n, sh); tot = [a + b for a, b in zip(tot, m)]
        avg = (Decimal(sum((i + 2) * x for i, x in enumerate(m))) / n).quantize(Decimal('0.01'), ROUND_HALF_UP)
        rows.append([s['code'], s['name'], s['municipality'], n] + m + [str(avg).replace('.', ',')])
        add(s['code'], 2026, 'ОГЭ', subj, 9, m)
    rows.append(['', 'Итого по предмету', '', sum(tot)] + tot + [''])
    rows.append([])
write_html('F2', rows)
FILES.append(dict(file='ОГЭ-2026_результаты_по_предметам.xlsx', src='F2', layout='blocks: one sheet, a block per subject (РУССКИЙ ЯЗЫК, МАТЕМАТИКА, ОБЩЕСТВОЗНАНИЕ) one under another, each with «Предмет: …» row, its own header row, schools, «Итого по предмету», empty row',
  **{'what a user must do': {'fixed': {}, 'columns': {'Сдавали': 'participants', 'Средняя отметка': 'ignore'}, 'by name': False}},
  procedures=[dict(assessment='ОГЭ', subject=x[1], grade=9, year=2026) for x in subs2], rows=len(sch) * 3,
  imitates='РЦОИ ОГЭ report where each subject table was pasted under the previous one',
  **{'subjects (file spelling -> package)': {'Предмет: ' + x[0]: x[1] for x in subs2},
     'all columns (for the grader)': {'Код ОО': 'school_id', 'Наименование ОО': 'school_name', 'АТЕ': 'municipality', 'Сдавали': 'participants', 'Получили «2»': 'mark2', 'Получили «3»': 'mark3', 'Получили «4»': 'mark4', 'Получили «5»': 'mark5', 'Средняя отметка': 'ignore (2 decimals)'}}))

# ---- F3: РДР 2026 10 класс, school name/code MERGED over subject rows
mun3 = [GO[2], MR[6], MR[7]]
sch = pick(24, mun3, grade_min=10)
subs3 = [('Математика', 'математика', 0.0), ('Русский язык', 'русский язык', 0.2)]
rows = [['Региональная диагностическая работа, 10 класс, 2026 год'], ['Сводная таблица результатов по ОО'], [],
        ['№', 'Муниципальный район / городской округ', 'Код ОО', 'Наименование ОО', 'Предмет', 'Выполняли работу', '«2»', '«3»', '«4»', '«5»']]
for i, s in enumerate(sch, 1):
    lo, hi = cohort(s)
    for j, (t, subj, sh) in enumerate(subs3):
        n = max(1, int(R.randint(lo, hi) * 0.45)); m = marks(s['code'], n, sh)
        add(s['code'], 2026, 'РДР', subj, 10, m)
        if j == 0:
            r = [cell(i, rs=2), cell(s['municipality'], rs=2), cell(s['code'], rs=2), cell(s['name'], rs=2)]
        else: r = []
        rows.append(r + [t, n] + m)
write_html('F3', rows)
FILES.append(dict(file='РДР_10_класс_2026_сводная.xlsx', src='F3', layout='long, a row per school × subject; №, municipality, «Код ОО» and school name are MERGED vertically over the school\'s 2 subject rows (value only in the first row)',
  **{'what a user must do': {'fixed': {}, 'columns': {'Выполняли работу': 'participants', '№': 'ignore'}, 'by name': False}},
  procedures=[dict(assessment='РДР', subject=x[1], grade=10, year=2026) for x in subs3], rows=len(sch) * 2,
  imitates='a regional centre\'s hand-made РДР summary with merged school cells',
  **{'subjects (file spelling -> package)': {x[0]: x[1] for x in subs3},
     'all columns (for the grader)': {'№': 'ignore', 'Муниципальный район / городской округ': 'municipality', 'Код ОО': 'school_id (merged)', 'Наименование ОО': 'school_name (merged)', 'Предмет': 'subject', 'Выполняли работу': 'participants', '«2»': 'mark2', '«3»': 'mark3', '«4»': 'mark4', '«5»': 'mark5'}}))

# ---- F4: 1С-like CSV with key: value preamble, ВПР 2026 история 7
mun4 = [GO[3], MR[8], MR[9]]
sch = pick(28, mun4, grade_min=5)
lines = ['Отчет: Результаты оценочной процедуры по ОО', 'Оценочная процедура: ВПР', 'Год проведения: 2026', 'Предмет: История',
         'Параллель: 7', 'Дата формирования: 01.06.2026 10:14:52', 'Сформировал: Оператор РЦОИ', '']
w = [['Муниципалитет', 'Код ОО', 'ОО', 'Участников', 'Отметка 2', 'Отметка 3', 'Отметка 4', 'Отметка 5']]
for s in sch:
    lo, hi = cohort(s); n = R.randint(lo, hi); m = marks(s['code'], n, 0.1)
    add(s['code'], 2026, 'ВПР', 'история', 7, m)
    w.append([s['municipality'], s['code'], s['name']] + [str(x) for x in [n] + m])
with open('files/Otchet_VPR_2026_istoriya_7.csv', 'w', encoding='utf-8-sig', newline='') as f:
    f.write('\r\n'.join(lines) + '\r\n')
    cw = csv.writer(f, delimiter=';', lineterminator='\r\n'); cw.writerows(w)
FILES.append(dict(file='Otchet_VPR_2026_istoriya_7.csv', layout='long, one procedure; 7 «key: value» preamble lines (Оценочная процедура: ВПР, Год проведения: 2026, Предмет: История, Параллель: 7, …) and an empty line above the header; UTF-8 BOM, «;», CRLF',
  **{'what a user must do': {'fixed': {}, 'columns': {}, 'by name': False}},
  procedures=[dict(assessment='ВПР', subject='история', grade=7, year=2026)], rows=len(sch),
  imitates='1С-like report export to CSV with a key: value preamble',
  **{'subjects (file spelling -> package)': {'Предмет: История': 'история'},
     'all columns (for the grader)': {'Муниципалитет': 'municipality', 'Код ОО': 'school_id', 'ОО': 'school_name', 'Участников': 'participants', 'Отметка 2': 'mark2', 'Отметка 3': 'mark3', 'Отметка 4': 'mark4', 'Отметка 5': 'mark5'}}))

# ---- F5: ВПР 2026 география 8, marks as «12 (24,5%)» in one cell
mun5 = [GO[1], MR[0], MR[6], MR[9]]
sch = pick(28, mun5, grade_min=5)
rows = [['Всероссийские проверочные работы 2026. География, 8 класс'], ['Количество и доля обучающихся, получивших отметку'], [],
        ['Код ОО', 'Наименование ОО', 'Муниципалитет', 'Всего участников', '«2»', '«3»', '«4»', '«5»']]
for s in sch:
    lo, hi = cohort(s); n = R.randint(lo, hi); m = marks(s['code'], n, -0.1)
    add(s['code'], 2026, 'ВПР', 'география', 8, m)
    rows.append([s['code'], s['name'], s['municipality'], n] + [f'{x} ({fmt(x, n)}%)' for x in m])
write_html('F5', rows)
FILES.append(dict(file='ВПР_2026_география_8_кл_кол-во_и_доля.xlsx', src='F5', layout='long, one procedure; every mark cell is TEXT «кол-во (доля%)» like «12 (24,5%)» — the count before the bracket must be taken',
  **{'what a user must do': {'fixed': {}, 'columns': {'«2»': 'mark2 (count before the bracket)', '«3»': 'mark3', '«4»': 'mark4', '«5»': 'mark5'}, 'by name': False}},
  procedures=[dict(assessment='ВПР', subject='география', grade=8, year=2026)], rows=len(sch),
  imitates='a regional analyst\'s table with count and share in one cell',
  **{'subjects (file spelling -> package)': {'География (title)': 'география'},
     'all columns (for the grader)': {'Код ОО': 'school_id', 'Наименование ОО': 'school_name', 'Муниципалитет': 'municipality', 'Всего участников': 'participants', '«2»': 'mark2 «n (p%)»', '«3»': 'mark3', '«4»': 'mark4', '«5»': 'mark5'}}))

# ---- expected
keys = [tuple(r[:5]) for r in results]; assert len(keys) == len(set(keys))
results.sort(key=lambda r: (r[0], r[1], r[2], r[3], r[4]))
with open('expected/results.csv', 'w', encoding='utf-8', newline='') as f:
    cw = csv.writer(f, lineterminator='\n'); cw.writerow(['school_id', 'year', 'assessment', 'subject', 'grade', 'participants', 'mark2', 'mark3', 'mark4', 'mark5']); cw.writerows(results)
with open('expected/schools.csv', 'w', encoding='utf-8', newline='') as f:
    cw = csv.writer(f, lineterminator='\n'); cw.writerow(['school_id', 'name', 'municipality_id', 'municipality_name'])
    for c in sorted(used): cw.writerow([c, byc[c]['name'], byc[c]['municipality'], byc[c]['municipality']])
with open('expected/confirmation.csv', 'w', encoding='utf-8', newline='') as f:
    f.write('school_id,year,assessment,subject,grade,participants,lowered,confirmed,raised\n')
json.dump(FILES, open('files.json.tmp', 'w'), ensure_ascii=False, indent=2)


# ---- F6: НИКО 2026 английский язык 8 класс — a SHEET PER MUNICIPALITY; municipality only in the sheet name and the title
import zipfile
def xl_col(i):
    s = ''
    i += 1
    while i: i, r = divmod(i - 1, 26); s = chr(65 + r) + s
    return s
def write_xlsx(path, sheets):
    esc = lambda v: html.escape(str(v), quote=True)
    def sheet_xml(rows):
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for ri, r in enumerate(rows, 1):
            out.append(f'<row r="{ri}">')
            for ci, v in enumerate(r):
                if v is None or v == '': continue
                ref = f'{xl_col(ci)}{ri}'
                if isinstance(v, int): out.append(f'<c r="{ref}"><v>{v}</v></c>')
                else: out.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(v)}</t></is></c>')
            out.append('</row>')
        out.append('</sheetData></worksheet>')
        return ''.join(out)
    ts = (2026, 6, 1, 0, 0, 0)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        def put(n, s):
            zi = zipfile.ZipInfo(n, ts); zi.compress_type = zipfile.ZIP_DEFLATED; z.writestr(zi, s)
        n = len(sheets)
        put('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + ''.join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1)) + '</Types>')
        put('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        put('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + ''.join(f'<sheet name="{esc(nm)}" sheetId="{i}" r:id="rId{i}"/>' for i, (nm, _) in enumerate(sheets, 1)) + '</sheets></workbook>')
        put('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + ''.join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1)) + '</Relationships>')
        for i, (_, rows) in enumerate(sheets, 1): put(f'xl/worksheets/sheet{i}.xml', sheet_xml(rows))

mun6 = [GO[3], MR[1], MR[2], MR[7]]
SHEETN = {m: m.replace(' (демо)', '').replace('муниципальный район', 'МР').replace('Городской округ', 'ГО')[:31] for m in mun6}
sheets = []; n6 = 0
for mu in mun6:
    ss = [s for s in S if s['municipality'] == mu and kind(s['name']) != 'nosh']
    R.shuffle(ss); ss = sorted(ss[:7], key=lambda s: s['code'])
    rows = [['Национальное исследование качества образования (НИКО) — 2026'], ['Английский язык, 8 класс'], ['Результаты по ОО: ' + mu], [],
            ['Код ОО', 'Наименование ОО', 'Кол-во участников', '«2»', '«3»', '«4»', '«5»']]
    for s in ss:
        lo, hi = cohort(s); n = max(1, int(R.randint(lo, hi) * 0.5)); m = marks(s['code'], n, -0.2)
        rows.append([s['code'], s['name'], n] + m); n6 += 1
        results.append([s['code'], 2026, 'НИКО', 'английский язык', 8, n] + m); used.add(s['code'])
    sheets.append((SHEETN[mu], rows))
write_xlsx('files/НИКО-2026_английский_язык_8_класс_по_МО.xlsx', sheets)
FILES.append(dict(file='НИКО-2026_английский_язык_8_класс_по_МО.xlsx', layout='a SHEET PER MUNICIPALITY (sheet names like «ГО Тихоборск», «Заречный МР»); on each sheet 3 title rows (НИКО 2026, «Английский язык, 8 класс», «Результаты по ОО: <municipality>»), then one header row and the schools; no municipality column, no totals',
  **{'what a user must do': {'fixed': {}, 'columns': {}, 'by name': False}},
  procedures=[dict(assessment='НИКО', subject='английский язык', grade=8, year=2026)], rows=n6,
  imitates='a НИКО report the region assembled from the municipalities, one sheet each',
  **{'subjects (file spelling -> package)': {'Английский язык (title)': 'английский язык'},
     'all columns (for the grader)': {'Код ОО': 'school_id', 'Наименование ОО': 'school_name', 'Кол-во участников': 'participants', '«2»': 'mark2', '«3»': 'mark3', '«4»': 'mark4', '«5»': 'mark5', '(sheet name / title row 3)': 'municipality'}}))

keys = [tuple(r[:5]) for r in results]; assert len(keys) == len(set(keys))
results.sort(key=lambda r: (r[0], r[1], r[2], r[3], r[4]))
with open('expected/results.csv', 'w', encoding='utf-8', newline='') as f:
    cw = csv.writer(f, lineterminator='\n'); cw.writerow(['school_id', 'year', 'assessment', 'subject', 'grade', 'participants', 'mark2', 'mark3', 'mark4', 'mark5']); cw.writerows(results)
with open('expected/schools.csv', 'w', encoding='utf-8', newline='') as f:
    cw = csv.writer(f, lineterminator='\n'); cw.writerow(['school_id', 'name', 'municipality_id', 'municipality_name'])
    for c in sorted(used): cw.writerow([c, byc[c]['name'], byc[c]['municipality'], byc[c]['municipality']])
json.dump(FILES, open('files.json.tmp', 'w'), ensure_ascii=False, indent=2)
print(len(used), 'schools', len(results), 'rows (with НИКО)')
