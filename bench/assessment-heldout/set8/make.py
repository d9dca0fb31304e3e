#!/usr/bin/env python3
"""Set 8 generator (seed 2026_1208): random layout draw (draw.py) -> six files in files/, html/ for LibreOffice,
expected/ (one Opora package), files.json, draws.json. Standard library only; XLSX of files 2, 5, 6 written by hand."""
import csv, io, json, os, random, zipfile
from decimal import Decimal, ROUND_HALF_UP
from xml.sax.saxutils import escape
from draw import draw

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
SCHOOLS = json.load(open('demo-schools.json', encoding='utf-8'))
BY_CODE = {s['code']: s for s in SCHOOLS}
NBSP = '\u00a0'
DRAW = draw()
F = {f['n']: f for f in DRAW['files']}


def drng(n):
    return random.Random(20261208 * 10 + n)


def kind_of(s):
    return s['name'].split('«')[1].split()[0]  # Гимназия / Лицей / СОШ / ООШ / НОШ


def pool(kinds):
    return [s for s in SCHOOLS if kind_of(s) in kinds]


def marks(rng, n, probs):
    m = [0, 0, 0, 0]
    for _ in range(n):
        r, acc = rng.random(), 0
        for i, p in enumerate(probs):
            acc += p
            if r < acc or i == 3:
                m[i] += 1
                break
    return m


def pct(k, n, d):
    q = Decimal(1).scaleb(-d)
    return (Decimal(100 * k) / Decimal(n)).quantize(q, rounding=ROUND_HALF_UP)


def pct_s(k, n, d, sep):
    return str(pct(k, n, d)).replace('.', sep)


def back(p, n):  # count from a percent
    return int((Decimal(p) * n / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def thou(x, sep=' '):
    s = str(x)
    return s if len(s) <= 3 else s[:-3] + sep + s[-3:]


def by_mun(schools):
    order = []
    for s in schools:
        if s['municipality'] not in order:
            order.append(s['municipality'])
    return [(m, [s for s in schools if s['municipality'] == m]) for m in sorted(order)]


def pick(rng, kinds, k):
    return sorted(rng.sample(pool(kinds), k), key=lambda s: (s['municipality'], s['code']))


RESULTS, CONF = [], []


def add_res(code, year, ass, subj, grade, m):
    RESULTS.append([code, year, ass, subj, grade, sum(m)] + list(m))


def add_conf(code, year, subj, grade, c):
    CONF.append([code, year, 'ВПР', subj, grade, sum(c)] + list(c))


# ---------------------------------------------------------------- name variants
def no_quotes(name):
    return name.replace('«', '"').replace('»', '"')


def num_space(name, rng):
    return name.replace('№ ', rng.choice(['№', '№  ', 'N '])) if '№ ' in name else name


def org(s):
    return s['name'].split()[0]


def drop_org(s):
    return s['name'].split(' ', 1)[1]


# ---------------------------------------------------------------- XLSX by hand
class Inline(str):
    pass


def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, sheets):
    """sheets: list of dict(name, rows, merges=[(r1,c1,r2,c2)], hidden_rows=set, hidden_cols=set); 0-based."""
    sst, sidx = [], {}

    def si(t):
        if t not in sidx:
            sidx[t] = len(sst)
            sst.append(t)
        return sidx[t]

    sheet_xml = []
    for sh in sheets:
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">']
        hc = sh.get('hidden_cols', set())
        ncols = max((len(r) for r in sh['rows']), default=1)
        out.append('<cols>' + ''.join('<col min="%d" max="%d" width="%s" customWidth="1"%s/>' % (
            i + 1, i + 1, '12' if i else '40', ' hidden="1"' if i in hc else '') for i in range(ncols)) + '</cols>')
        out.append('<sheetData>')
        for ri, row in enumerate(sh['rows']):
            attrs = ' hidden="1"' if ri in sh.get('hidden_rows', set()) else ''
            cells = []
            for ci, v in enumerate(row):
                ref = '%s%d' % (col(ci), ri + 1)
                if v is None or v == '':
                    continue
                if isinstance(v, Inline):
                    cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(v)))
                elif isinstance(v, str):
                    cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, si(v)))
                else:
                    cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            out.append('<row r="%d"%s>%s</row>' % (ri + 1, attrs, ''.join(cells)))
        out.append('</sheetData>')
        if sh.get('merges'):
            out.append('<mergeCells count="%d">%s</mergeCells>' % (len(sh['merges']), ''.join(
                '<mergeCell ref="%s%d:%s%d"/>' % (col(c1), r1 + 1, col(c2), r2 + 1) for r1, c1, r2, c2 in sh['merges'])))
        out.append('</worksheet>')
        sheet_xml.append(''.join(out))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + ''.join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1) for i in range(len(sheets)))
          + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + ''.join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(sh['name']), i + 1, i + 1) for i, sh in enumerate(sheets)) + '</sheets></workbook>')
    n = len(sheets)
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + ''.join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1) for i in range(n))
              + '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' % (n + 1)
              + '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>' % (n + 2))
    sstx = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(sst), len(sst))
            + ''.join('<si><t xml:space="preserve">%s</t></si>' % escape(t) for t in sst) + '</sst>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>')
    parts = [('[Content_Types].xml', ct), ('_rels/.rels', rels), ('xl/workbook.xml', wb), ('xl/_rels/workbook.xml.rels', wbrels)]
    parts += [('xl/worksheets/sheet%d.xml' % (i + 1), x) for i, x in enumerate(sheet_xml)]
    parts += [('xl/sharedStrings.xml', sstx), ('xl/styles.xml', styles)]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode('utf-8'))


def write_csv(path, rows, delim, enc, eol, bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator=eol, quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow(['' if v is None else v for v in r])
    data = buf.getvalue()
    with open(path, 'wb') as fh:
        fh.write((b'\xef\xbb\xbf' if bom else b'') + data.encode(enc))


FILES_JSON = []

# ================================================================ File 1: ЕГЭ wide per subject, CSV UTF-8 BOM TAB LF
def file1():
    rng = drng(1)
    name = 'ЕГЭ_2026_результаты_по_ОО.csv'
    subj = [('Физика', 'физика'), ('Информатика', 'информатика')]
    schools = pick(rng, {'СОШ', 'Гимназия', 'Лицей'}, 30)
    hdr = ['Код ОО', 'Наименование ОО']
    for S, _ in subj:
        hdr += ['%s: участников' % S] + ['%s: «%d», %%' % (S, k) for k in (2, 3, 4, 5)]
    data = []  # (mun, code, fullname, {subj: marks})
    for s in schools:
        taken = rng.choice([[0, 1], [0, 1], [0, 1], [0], [1]])
        d = {}
        for i in taken:
            n = rng.randint(3, 60)
            d[i] = marks(rng, n, [0.04, 0.3, 0.42, 0.24] if i == 0 else [0.06, 0.28, 0.36, 0.3])
            add_res(s['code'], 2026, 'ЕГЭ', subj[i][1], 11, d[i])
        data.append((s, d))

    def cells(d):
        out = []
        for i in range(2):
            if i in d:
                n = sum(d[i])
                out += [n] + [pct_s(k, n, 0, ',') for k in d[i]]
            else:
                out += [''] * 5
        return out

    def total(group):
        d = {}
        for i in range(2):
            ms = [dd[i] for _, dd in group if i in dd]
            if ms:
                d[i] = [sum(x) for x in zip(*ms)]
        return d
    rows = [['Результаты по образовательным организациям (доля участников, получивших отметку, % от числа участников по предмету)'], hdr]
    rows.append(['', 'Всего по региону'] + cells(total(data)))
    for mun, _ in by_mun(schools):
        group = [x for x in data if x[0]['municipality'] == mun]
        for s, d in group:
            rows.append([s['code'], s['name']] + cells(d))
        rows.append(['', 'Итого по МО: ' + mun] + cells(total(group)))
    rows += [[], ['Примечание: пустые ячейки — предмет в ОО не сдавали; проценты округлены до целых.'], ['Исполнитель: отдел мониторинга РЦОИ']]
    write_csv('files/' + name, rows, '\t', 'utf-8', '\n', bom=True)
    cols = {'Код ОО': 'school_id', 'Наименование ОО': 'school_name (full)'}
    for S, _ in subj:
        cols['%s: участников' % S] = 'participants (%s; empty = not taken, no row)' % S.lower()
        cols['%s: «2», %% … «5», %%' % S] = 'mark2…mark5 as % of participants, integers (count = round(%·n/100))'
    FILES_JSON.append({
        'file': name,
        'layout': 'CSV UTF-8 with BOM, TAB, LF; 1 title line (no year/assessment/subject) + one header line; WIDE: a column group per SUBJECT («Физика: участников», «Физика: «2», %» … then «Информатика: …»); PERCENTS with participants, integers; an empty group = subject not taken (no package row); «Всего по региону» FIRST, «Итого по МО: <municipality>» after each municipality; notes after the table («Примечание», «Исполнитель»); year and assessment only in the FILE NAME; grade 11 nowhere',
        'what a user must do': {'fixed': {'grade': 11}, 'columns': {}, 'by name': False},
        'procedures': [{'assessment': 'ЕГЭ', 'subject': p, 'grade': 11, 'year': 2026} for _, p in subj],
        'rows': sum(len(d) for _, d in data),
        'imitates': 'an РЦОИ ЕГЭ summary by school with subjects side by side, saved from a spreadsheet as «Unicode text»',
        'subjects (file spelling -> package)': {S: p for S, p in subj},
        'all columns (for the grader)': cols})


# ================================================================ File 2: РДР, several sheets per grade, hidden rows/col, n (p%)
def file2():
    rng = drng(2)
    name = 'Результаты_по_классам_форма3.xlsx'
    grades = [5, 6, 7]
    subject = 'математика'
    sheets = [{'name': 'Инструкция', 'rows': [
        ['Инструкция по заполнению'], [],
        ['1. На каждом листе — результаты одного класса (параллели) по классам ОО.'],
        ['2. В ячейках отметок: число участников (доля от выполнявших работу, %).'],
        ['3. Строки ОО, уже проверенных муниципалитетом, скрыты фильтром; не удалять.'],
        ['4. Столбец «Служебный код» не редактировать.'],
        ['5. Лист «Сводная» заполняется автоматически.']]}]
    summary = [['Сводная по параллелям'], [], ['Класс', 'Муниципалитет', 'Выполняли работу', 'Средняя отметка']]
    nrows = 0
    for g in grades:
        schools = pick(rng, {'СОШ', 'Гимназия', 'Лицей', 'ООШ'}, 15)
        rows = [['Результаты по классам'], ['Выгрузка: форма 3 (по классам)'],
                ['Муниципалитет', 'ОО', 'Класс', 'Служебный код', 'Выполняли работу', 'Отметки', None, None, None, 'Средняя отметка'],
                [None, None, None, None, None, '«2»', '«3»', '«4»', '«5»', None]]
        merges = [(2, c, 3, c) for c in (0, 1, 2, 3, 4, 9)] + [(2, 5, 2, 8)]
        hidden = set()
        hide_school = set(rng.sample([s['code'] for s in schools], 2))
        for mun, group in by_mun(schools):
            mstart = len(rows)
            for s in group:
                ncl = rng.randint(1, 3)
                tot = [0, 0, 0, 0]
                v = rng.random()
                if v < 0.3:
                    nm = no_quotes(s['name'])
                elif v < 0.55:
                    nm = org(s) + ' ' + s['shortName']
                else:
                    nm = s['name']
                nm = num_space(nm, rng) if rng.random() < 0.6 else nm
                sstart = len(rows)
                for ci in range(ncl):
                    n = rng.randint(8, 27)
                    m = marks(rng, n, [0.12, 0.4, 0.33, 0.15])
                    tot = [a + b for a, b in zip(tot, m)]
                    avg = (Decimal(2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / n).quantize(Decimal('0.01'), ROUND_HALF_UP)
                    cell = [('%d (%s%%)' % (k, pct_s(k, n, 2, '.'))) for k in m]
                    rows.append([mun if len(rows) == mstart else None, nm if ci == 0 else None, '%d%s' % (g, 'АБВ'[ci]),
                                 'R%d-%s-%d' % (g, s['code'][2:], ci + 1), n] + cell + [float(avg)])
                    if s['code'] in hide_school or rng.random() < 0.08:
                        hidden.add(len(rows) - 1)
                if ncl > 1:
                    merges.append((sstart, 1, len(rows) - 1, 1))
                add_res(s['code'], 2026, 'РДР', subject, g, tot)
                nrows += 1
            if len(rows) - 1 > mstart:
                merges.append((mstart, 0, len(rows) - 1, 0))
            summary.append(['%d класс' % g, mun, None, None])
        sheets.append({'name': '%d класс' % g, 'rows': rows, 'merges': merges, 'hidden_rows': hidden, 'hidden_cols': {3}})
    # Сводная: fill participants per grade/municipality (not data)
    for r in summary[3:]:
        g = int(r[0].split()[0])
        sh = sheets[grades.index(g) + 1]
        cur, n = None, 0
        for row in sh['rows'][4:]:
            if row[0]:
                cur = row[0]
            if cur == r[1]:
                n += row[4]
        r[2] = n
        r[3] = round(3.2 + rng.random() * 0.6, 2)
    sheets.append({'name': 'Сводная', 'rows': summary})
    write_xlsx('files/' + name, sheets)
    FILES_JSON.append({
        'file': name,
        'layout': 'hand-written XLSX with SEVERAL SHEETS: «Инструкция» (text, not data), «5 класс», «6 класс», «7 класс» (data; the grade is only in the sheet name), «Сводная» (totals by municipality, not data). Each data sheet: 2 title lines + 2 merged header rows («Отметки» over «2»…«5»); a row per CLASS (5А, 5Б…) to be SUMMED per school; municipality and school name MERGED down; mark cells are TEXT «n (p%)» like «5 (20.83%)» (count first, % of the class with 2 decimals, point); a HIDDEN column D «Служебный код» (not data) and HIDDEN ROWS (class rows of real schools filtered out — they ARE data); «Средняя отметка» to ignore; year, assessment, subject nowhere',
        'what a user must do': {'fixed': {'year': 2026, 'assessment': 'РДР', 'subject': 'математика'},
                                'columns': {'Класс': 'ignore (sum the class rows per school)', 'Служебный код': 'ignore', 'Средняя отметка': 'ignore',
                                            'Выполняли работу': 'participants', '«2»': 'mark2 (count before the bracket)', '«3»': 'mark3', '«4»': 'mark4', '«5»': 'mark5'},
                                'by name': True},
        'procedures': [{'assessment': 'РДР', 'subject': subject, 'grade': g, 'year': 2026} for g in grades],
        'rows': nrows,
        'imitates': 'a regional diagnostic work (региональная диагностическая работа) workbook from a regional system: one sheet per grade, class rows, shares in brackets, rows hidden by a filter',
        'subjects (file spelling -> package)': {'(not in the file)': subject},
        'hidden data': 'hidden rows are real class rows of real schools = DATA (they count); the hidden column «Служебный код» is NOT data; sheets «Инструкция» and «Сводная» are NOT data',
        'all columns (for the grader)': {'Муниципалитет': 'municipality (merged down)', 'ОО': 'school_name (full name, or "" quotes, or org form + short name; «№1»/«№  1»/«N 1» spacing; merged over class rows)',
                                        'Класс': 'class (sum per school)', 'Служебный код': 'hidden, ignore', 'Выполняли работу': 'participants',
                                        '«2»…«5»': 'mark2…mark5 as «n (p%)», n = count', 'Средняя отметка': 'ignore', '(sheet name «N класс»)': 'grade'}})


# ================================================================ File 3: ОГЭ long per procedure (subject column), CSV UTF-8 ; LF
def file3():
    rng = drng(3)
    name = 'oge_9_po_predmetam.csv'
    subj = [('Биология', 'биология'), ('История', 'история'), ('Информатика', 'информатика')]
    schools = pick(rng, {'СОШ', 'Гимназия', 'Лицей', 'ООШ'}, 18)
    hdr = ['Муниципалитет', 'ОО', 'Предмет', 'Участников', 'Не преодолели минимальный порог', '«2», %', '«3», %', '«4», %', '«5», %', 'Средний балл', 'Средняя отметка']
    body, tots, n_rows = [], {i: [0, 0, 0, 0] for i in range(3)}, 0
    for s in schools:
        v = rng.random()
        if v < 0.25:
            nm = org(s) + ' ' + s['shortName']
        elif v < 0.5:
            nm = drop_org(s)
        else:
            nm = s['shortName']
        if rng.random() < 0.4:
            nm = nm.replace(' ', '  ', 1) if rng.random() < 0.5 else nm + ' '
        for i in sorted(rng.sample(range(3), rng.randint(1, 3))):
            n = rng.randint(2, 45)
            m = marks(rng, n, [0.07, 0.4, 0.35, 0.18])
            tots[i] = [a + b for a, b in zip(tots[i], m)]
            avgm = (Decimal(2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / n).quantize(Decimal('0.01'), ROUND_HALF_UP)
            ball = (avgm * 8 - Decimal('4.3')).quantize(Decimal('0.1'), ROUND_HALF_UP)
            body.append([s['municipality'], nm, subj[i][0], n, m[0]] + [pct_s(k, n, 0, ',') for k in m] + [str(ball).replace('.', ','), str(avgm).replace('.', ',')])
            add_res(s['code'], 2026, 'ОГЭ', subj[i][1], 9, m)
            n_rows += 1
    first = []
    for i in range(3):
        m = tots[i]
        n = sum(m)
        avgm = (Decimal(2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / n).quantize(Decimal('0.01'), ROUND_HALF_UP)
        first.append(['Регион', 'Всего', subj[i][0], n, m[0]] + [pct_s(k, n, 0, ',') for k in m] + ['', str(avgm).replace('.', ',')])
    rows = [['Результаты ОГЭ 2026 года по образовательным организациям, 9 класс'], ['Доля участников, получивших отметку, % (от числа участников)'], hdr] + first + body
    rows += [[], ['Примечание: «Не преодолели минимальный порог» — число участников; ОО без участников по предмету не показаны.'], ['Исполнитель: РЦОИ, отдел обработки ГИА-9']]
    write_csv('files/' + name, rows, ';', 'utf-8', '\n')
    FILES_JSON.append({
        'file': name,
        'layout': 'CSV UTF-8 (no BOM), «;», LF; 2 title lines (ОГЭ 2026, 9 класс) + one header line; LONG, a row per SCHOOL AND SUBJECT (column «Предмет», 3 subjects); PERCENTS with participants, integers; «Не преодолели минимальный порог» (a COUNT, equal to the «2» count), «Средний балл», «Средняя отметка» (decimal comma) to ignore; «Регион»/«Всего» rows per subject FIRST; notes after the table',
        'what a user must do': {'fixed': {}, 'columns': {'ОО': 'school_name', 'Не преодолели минимальный порог': 'ignore', 'Средний балл': 'ignore', 'Средняя отметка': 'ignore'}, 'by name': True},
        'procedures': [{'assessment': 'ОГЭ', 'subject': p, 'grade': 9, 'year': 2026} for _, p in subj],
        'rows': n_rows,
        'imitates': 'an РЦОИ ГИА-9 statistics export by school and subject',
        'subjects (file spelling -> package)': {S: p for S, p in subj},
        'all columns (for the grader)': {'Муниципалитет': 'municipality', 'ОО': 'school_name (short name; sometimes org form in front, or full name without org form; double space or trailing space)',
                                        'Предмет': 'subject', 'Участников': 'participants', 'Не преодолели минимальный порог': 'ignore (count = mark2)',
                                        '«2», % … «5», %': 'mark2…mark5 as % of participants, integers', 'Средний балл': 'ignore', 'Средняя отметка': 'ignore'}})


# ================================================================ File 4: ВПР long, LibreOffice, 3 merged header rows, counts + %
def file4():
    rng = drng(4)
    name = 'ВПР_2026_русский_язык_5_класс_статистика.xlsx'
    schools = pick(rng, {'СОШ', 'Гимназия', 'Лицей', 'ООШ'}, 50)
    h = ['<html><head><meta charset="utf-8"></head><body><table border="1">',
         '<tr><td colspan="12"><b>ВПР 2026. Русский язык, 5 класс</b></td></tr>',
         '<tr><td colspan="12">Статистика по отметкам в разрезе ОО</td></tr>',
         '<tr><th rowspan="3">Код ОО</th><th rowspan="3">Количество участников</th><th colspan="8">Распределение отметок</th><th rowspan="3">Средний балл</th><th rowspan="3">Средняя отметка</th></tr>',
         '<tr>' + ''.join('<th colspan="2">«%d»</th>' % k for k in (2, 3, 4, 5)) + '</tr>',
         '<tr>' + '<th>кол-во</th><th>%</th>' * 4 + '</tr>']

    def num(v):
        return '<td sdval="%s" sdnum="1033;0;General">%s</td>' % (v, v)
    tot = [0, 0, 0, 0]
    for s in schools:
        n = rng.randint(5, 110)
        m = marks(rng, n, [0.11, 0.38, 0.36, 0.15])
        tot = [a + b for a, b in zip(tot, m)]
        add_res(s['code'], 2026, 'ВПР', 'русский язык', 5, m)
        avgm = (Decimal(2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / n).quantize(Decimal('0.01'), ROUND_HALF_UP)
        ball = (avgm * 9 - Decimal('5.5')).quantize(Decimal('0.1'), ROUND_HALF_UP)
        h.append('<tr><td>%s</td>%s%s%s%s</tr>' % (s['code'], num(n), ''.join(num(k) + num(pct(k, n, 1)) for k in m), num(ball), num(avgm)))
    n = sum(tot)
    avgm = (Decimal(2 * tot[0] + 3 * tot[1] + 4 * tot[2] + 5 * tot[3]) / n).quantize(Decimal('0.01'), ROUND_HALF_UP)
    h.append('<tr><td>Итого по региону</td>%s%s<td></td>%s</tr>' % (num(n), ''.join(num(k) + num(pct(k, n, 1)) for k in tot), num(avgm)))
    h.append('</table></body></html>')
    open('html/F4.html', 'w', encoding='utf-8').write('\n'.join(h) + '\n')
    FILES_JSON.append({
        'file': name,
        'layout': 'XLSX made by LibreOffice from HTML; 2 title lines (ВПР 2026, русский язык, 5 класс) ; 3 MERGED header rows («Распределение отметок» → «2»…«5» → «кол-во» / «%»); long, a row per school; COUNTS and PERCENTS (1 decimal, numeric) side by side; «Средний балл», «Средняя отметка» to ignore; schools by «Код ОО» ONLY (no name column); «Итого по региону» LAST',
        'what a user must do': {'fixed': {}, 'columns': {'Количество участников': 'participants', '«2» кол-во': 'mark2', '«3» кол-во': 'mark3', '«4» кол-во': 'mark4', '«5» кол-во': 'mark5', '% (four columns)': 'ignore', 'Средний балл': 'ignore', 'Средняя отметка': 'ignore'}, 'by name': False},
        'procedures': [{'assessment': 'ВПР', 'subject': 'русский язык', 'grade': 5, 'year': 2026}],
        'rows': len(schools),
        'imitates': 'a ФИС ОКО-like ВПР statistics table by school code, re-saved via a spreadsheet',
        'subjects (file spelling -> package)': {'Русский язык (title)': 'русский язык'},
        'all columns (for the grader)': {'Код ОО': 'school_id', 'Количество участников': 'participants', '«2» кол-во … «5» кол-во': 'mark2…mark5',
                                        '«2» % … «5» %': 'ignore (1 decimal)', 'Средний балл': 'ignore', 'Средняя отметка': 'ignore'}})


# ================================================================ File 5: ВПР соответствие by class, numbers as TEXT
def file5():
    rng = drng(5)
    name = 'ВПР_2026_математика_6_кл_соответствие_отметок.xlsx'
    schools = sorted([s for s in SCHOOLS if s['municipality'].startswith('Городской округ') and kind_of(s) != 'НОШ'], key=lambda s: (s['municipality'], s['code']))
    schools = [s for s in schools if rng.random() < 0.8]
    rows = [['Муниципалитет', 'Код ОО', 'Класс', 'Кол-во участников', 'Понизили', 'Подтвердили', 'Повысили', 'Доля подтвердивших, %']]
    merges = []

    def txt(v, fancy=True):
        s = thou(v, NBSP)
        return Inline(s) if fancy and rng.random() < 0.4 else s
    for mun, group in by_mun(schools):
        mstart, mt = len(rows), [0, 0, 0]
        for s in group:
            ncl = rng.randint(2, 4)
            st, sstart = [0, 0, 0], len(rows)
            for ci in range(ncl):
                n = rng.randint(18, 29)
                lo = rng.randint(0, 4)
                ra = rng.randint(0, 3)
                c = [lo, n - lo - ra, ra]
                st = [a + b for a, b in zip(st, c)]
                rows.append([mun if len(rows) == mstart else None, s['code'] if ci == 0 else None, '6%s' % 'АБВГ'[ci], txt(n)] + [txt(x) for x in c]
                            + [pct_s(c[1], n, 1, ',')])
            merges.append((sstart, 1, len(rows) - 1, 1))
            mt = [a + b for a, b in zip(mt, st)]
            add_conf(s['code'], 2026, 'математика', 6, st)
        merges.append((mstart, 0, len(rows) - 1, 0))
        rows.append(['Итого по МО', None, None, txt(sum(mt), False)] + [txt(x, False) for x in mt] + [pct_s(mt[1], sum(mt), 1, ',')])
        merges.append((len(rows) - 1, 0, len(rows) - 1, 2))
    rows += [[], ['Примечание: сравнение отметок за ВПР с отметками по журналу за предыдущую четверть.'], ['Исполнитель: муниципальный координатор ВПР']]
    write_xlsx('files/' + name, [{'name': 'Лист1', 'rows': rows, 'merges': merges}])
    FILES_JSON.append({
        'file': name,
        'layout': 'hand-written XLSX, one sheet; no title, one header line; confirmation table, a row per CLASS (6А…6Г, 2–4 per school) to be SUMMED; municipality and «Код ОО» MERGED down; ALL numbers stored as TEXT (shared strings t="s" and inline strings t="inlineStr"), «Итого по МО» (A:C merged) after each municipality with NBSP thousands («1 046»); «Доля подтвердивших, %» text with a decimal comma to ignore; notes after; year, assessment, subject, grade only in the FILE NAME',
        'what a user must do': {'fixed': {}, 'columns': {'Класс': 'ignore (sum the class rows per school)', 'Кол-во участников': 'participants', 'Понизили': 'lowered', 'Подтвердили': 'confirmed', 'Повысили': 'raised', 'Доля подтвердивших, %': 'ignore'}, 'by name': False},
        'procedures': [{'assessment': 'ВПР', 'subject': 'математика', 'grade': 6, 'year': 2026}],
        'rows': len(schools),
        'target table': 'confirmation',
        'imitates': 'a municipal coordinator\'s «Соответствие отметок» table by class, with numbers pasted as text',
        'subjects (file spelling -> package)': {'математика (file name)': 'математика'},
        'all columns (for the grader)': {'Муниципалитет': 'municipality (merged)', 'Код ОО': 'school_id (merged over class rows)', 'Класс': 'class (sum per school)',
                                        'Кол-во участников': 'participants (text)', 'Понизили': 'lowered (text)', 'Подтвердили': 'confirmed (text)', 'Повысили': 'raised (text)',
                                        'Доля подтвердивших, %': 'ignore (text, decimal comma)'}})


# ================================================================ File 6: НИКО long, meta in columns, hand XLSX
def file6():
    rng = drng(6)
    name = 'nico_rezultaty.xlsx'
    schools = pick(rng, {'СОШ', 'Гимназия', 'Лицей', 'ООШ', 'НОШ'}, 46)
    rows = [['Результаты по образовательным организациям'],
            ['Год', 'Процедура', 'Предмет', 'Класс', 'Муниципалитет', 'Образовательная организация', 'Участники', '2, %', '3, %', '4, %', '5, %', 'Средний балл']]
    merges = []
    gt = [0, 0, 0, 0]
    for mun, group in by_mun(schools):
        mstart, mt = len(rows), [0, 0, 0, 0]
        for s in group:
            v = rng.random()
            nm = no_quotes(s['name']) if v < 0.3 else drop_org(s) if v < 0.55 else s['name']
            if rng.random() < 0.5:
                nm = num_space(nm, rng)
            n = rng.randint(4, 70)
            m = marks(rng, n, [0.05, 0.33, 0.42, 0.2])
            mt = [a + b for a, b in zip(mt, m)]
            add_res(s['code'], 2025, 'НИКО', 'окружающий мир', 4, m)
            ball = round(14 + rng.random() * 12, 1)
            rows.append([2025, 'НИКО', 'Окружающий мир', 4, mun if len(rows) == mstart else None, nm, n] + [int(pct(k, n, 0)) for k in m] + [ball])
        if len(rows) - 1 > mstart:
            merges.append((mstart, 4, len(rows) - 1, 4))
        gt = [a + b for a, b in zip(gt, mt)]
        n = sum(mt)
        rows.append([None, None, None, None, 'Итого по МО', None, n] + [int(pct(k, n, 0)) for k in mt] + [None])
        merges.append((len(rows) - 1, 4, len(rows) - 1, 5))
    n = sum(gt)
    rows.append([None, None, None, None, 'Итого по региону', None, n] + [int(pct(k, n, 0)) for k in gt] + [None])
    merges.append((len(rows) - 1, 4, len(rows) - 1, 5))
    rows += [[], ['Примечание: доли в процентах от числа участников, округлены до целых.'], ['Исполнитель: региональный координатор НИКО']]
    write_xlsx('files/' + name, [{'name': 'Результаты', 'rows': rows, 'merges': merges}])
    FILES_JSON.append({
        'file': name,
        'layout': 'hand-written XLSX, one sheet; 1 title line + one header line; long, a row per school; year, assessment, subject and grade in COLUMNS («Год», «Процедура», «Предмет», «Класс»), the same on every row; municipality MERGED down; PERCENTS with participants (integers, numeric cells); «Средний балл» to ignore; «Итого по МО» after each municipality and «Итого по региону» last (E:F merged, meta columns empty); notes after',
        'what a user must do': {'fixed': {}, 'columns': {'Образовательная организация': 'school_name', 'Участники': 'participants', 'Средний балл': 'ignore'}, 'by name': True},
        'procedures': [{'assessment': 'НИКО', 'subject': 'окружающий мир', 'grade': 4, 'year': 2025}],
        'rows': len(schools),
        'imitates': 'a НИКО regional coordinator\'s flat table with procedure columns (a database-style export)',
        'subjects (file spelling -> package)': {'Окружающий мир': 'окружающий мир'},
        'all columns (for the grader)': {'Год': 'year', 'Процедура': 'assessment', 'Предмет': 'subject', 'Класс': 'grade', 'Муниципалитет': 'municipality (merged)',
                                        'Образовательная организация': 'school_name (full name; "" quotes or org form dropped; «№1»/«№  1»/«N 1»)', 'Участники': 'participants',
                                        '2, % … 5, %': 'mark2…mark5 as % of participants, integers', 'Средний балл': 'ignore'}})


def main():
    for d in ('files', 'html', 'expected'):
        os.makedirs(d, exist_ok=True)
    for fn in (file1, file2, file3, file4, file5, file6):
        fn()
    keys = [tuple(r[:5]) for r in RESULTS] + [tuple(r[:5]) for r in CONF]
    assert len(keys) == len(set(keys)), 'duplicate (school, year, assessment, subject, grade)'
    RESULTS.sort(key=lambda r: r[:5])
    CONF.sort(key=lambda r: r[:5])
    with open('expected/results.csv', 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['school_id', 'year', 'assessment', 'subject', 'grade', 'participants', 'mark2', 'mark3', 'mark4', 'mark5'])
        w.writerows(RESULTS)
    with open('expected/confirmation.csv', 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['school_id', 'year', 'assessment', 'subject', 'grade', 'participants', 'lowered', 'confirmed', 'raised'])
        w.writerows(CONF)
    used = sorted(set(r[0] for r in RESULTS + CONF))
    with open('expected/schools.csv', 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['school_id', 'name', 'municipality_id', 'municipality_name'])
        for c in used:
            s = BY_CODE[c]
            w.writerow([c, s['name'], s['oktmo'], s['municipality']])
    json.dump(FILES_JSON, open('files.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
    resolved = {
        'rules applied to the raw draw': [
            'meta «sheet» on a CSV (file 1) -> the file name (a CSV saved from a sheet has only its file name)',
            'split «grade» for ОГЭ (file 3) -> subject (ОГЭ is grade 9 only)',
            'file 5 (numbers as text): a «Доля подтвердивших, %» text column with a decimal comma added so that the ★ feature has its decimal comma; NBSP thousands are in «Итого по МО»',
            'file 2 drew subtotals «none», so its hidden rows are real class rows (data), not hidden subtotals',
            'schools_by «code» = code only, no name column (files 4, 5); «code+name» = code and full name (file 1)',
            'demo schools have no logins (demo-schools.json has code/name/shortName/municipality/oktmo only), so no «Логин ОО»'],
        'package rows': {'results': len(RESULTS), 'confirmation': len(CONF), 'schools': len(used)}}
    json.dump({**DRAW, 'resolved': resolved}, open('draws.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    print('results', len(RESULTS), 'confirmation', len(CONF), 'schools', len(used))


if __name__ == '__main__':
    main()
