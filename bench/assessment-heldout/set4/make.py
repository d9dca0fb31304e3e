#!/usr/bin/env python3
"""Set 4 of held-out assessment result files (helper AS4). Stdlib only. Writes files/, expected/, files.json."""
import csv
import io
import json
import os
import random
from decimal import Decimal, ROUND_HALF_UP

import xlsxw as X

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(20261214)
SCHOOLS = json.load(open(os.path.join(HERE, 'demo-schools.json'), encoding='utf-8'))
BY_CODE = {s['code']: s for s in SCHOOLS}
NBSP = '\u00a0'

RESULTS = {}   # (code, year, assessment, subject, grade) -> (n, m2, m3, m4, m5)  (ЕГЭ: m3..m5 None)
CONFIRM = {}   # (code, year, assessment, subject, grade) -> (n, lowered, confirmed, raised)
USED = set()
FILES = []


def hround(x, d):
    q = Decimal(1).scaleb(-d) if d else Decimal(1)
    return Decimal(x).quantize(q, rounding=ROUND_HALF_UP)


def pct(c, n, d):
    return hround(Decimal(c) * 100 / Decimal(n), d)


def frac(c, n, d=3):
    return hround(Decimal(c) / Decimal(n), d)


def kind(s):
    n = s['name']
    if 'НОШ' in n:
        return 'nosh'
    if 'ООШ' in n:
        return 'oosh'
    if 'Гимназия' in n or 'Лицей' in n:
        return 'gym'
    if ' г. ' in n:
        return 'town'
    if 'пгт' in n:
        return 'pgt'
    return 'rural'


MAXGRADE = {'nosh': 4, 'oosh': 9}
BASE = {'gym': (50, 100), 'town': (35, 90), 'pgt': (22, 55), 'rural': (8, 26), 'oosh': (3, 11), 'nosh': (2, 8)}
QSHIFT = {'gym': 0.45, 'town': 0.1, 'pgt': 0.0, 'rural': -0.15, 'oosh': -0.25, 'nosh': -0.1}
for s in SCHOOLS:
    k = kind(s)
    s['kind'] = k
    s['base'] = R.randint(*BASE[k])
    s['q'] = R.gauss(QSHIFT[k], 0.35)


def has_grade(s, g):
    return g <= MAXGRADE.get(s['kind'], 11)


def cohort(s, g):
    b = s['base'] * R.uniform(0.8, 1.2)
    if g >= 10:
        b *= R.uniform(0.3, 0.5)
    return max(1, round(b))


def marks(s, g, shift=0.0, n=None):
    if n is None:
        n = max(1, round(cohort(s, g) * R.uniform(0.82, 1.0)))
    m = [0, 0, 0, 0]
    for _ in range(n):
        x = 3.35 + s['q'] + shift + R.gauss(0, 0.7)
        m[0 if x < 2.55 else 1 if x < 3.5 else 2 if x < 4.45 else 3] += 1
    return (n, *m)


def add_result(code, year, ass, subj, grade, val):
    key = (code, year, ass, subj, grade)
    assert key not in RESULTS and key not in CONFIRM, key
    RESULTS[key] = val
    USED.add(code)


def add_conf(code, year, ass, subj, grade, val):
    key = (code, year, ass, subj, grade)
    assert key not in RESULTS and key not in CONFIRM, key
    CONFIRM[key] = val
    USED.add(code)


def pick(munis, per, pred, seed_shuffle=True):
    """Schools from the given municipalities (a number per municipality, or None = all) that satisfy pred."""
    out = []
    for m, k in zip(munis, per):
        c = [s for s in SCHOOLS if s['municipality'] == m and pred(s)]
        if k is not None and k < len(c):
            c = R.sample(c, k)
        out += sorted(c, key=lambda s: s['code'])
    return out


M = {k: f'{k} (демо)' for k in []}
VR, KR, ND, TB = ('Городской округ Верхнеречинск (демо)', 'Городской округ Краснозорск (демо)',
                  'Городской округ Новодольск (демо)', 'Городской округ Тихоборск (демо)')
LES, ROD, STP, KED, PRI, ZAR, KLU, SEV, SVE, LUG = (f'{x} муниципальный район (демо)' for x in (
    'Лесной', 'Родниковский', 'Степной', 'Кедровый', 'Приозёрный', 'Заречный', 'Ключевской', 'Северный',
    'Светлореченский', 'Луговой'))

SUBJ_SHIFT = {'русский язык': -0.05, 'математика': -0.1, 'история': 0.05, 'биология': 0.1, 'география': 0.0,
              'окружающий мир': 0.3, 'обществознание': -0.05, 'физика': -0.15}


def spec(**kw):
    FILES.append(kw)


def procs(keys):
    seen = []
    for (_, y, a, sj, g) in keys:
        p = {'assessment': a, 'subject': sj, 'grade': g, 'year': y}
        if p not in seen:
            seen.append(p)
    return seen


# ---------------------------------------------------------------- file 1: wide, TWO levels of groups
def file1():
    name = 'Свод_ВПР_2026_4_и_5_классы_по_предметам.xlsx'
    schools = pick([VR, TB, STP, KLU, SEV], [9, 7, None, None, 6], lambda s: has_grade(s, 4))
    subjects = [('Русский язык', 'русский язык'), ('Математика', 'математика')]
    grades = [4, 5]
    sh = X.Sheet('Свод')
    ncol = 4 + len(subjects) * len(grades) * 5
    sh.set(1, 1, 'Результаты всероссийских проверочных работ 2026 года в 4 и 5 классах', X.S_TITLE)
    sh.set(2, 1, '(количество участников и количество обучающихся, получивших отметки «2», «3», «4», «5»)')
    sh.merge(1, 1, 1, ncol)
    sh.merge(2, 1, 2, ncol)
    for c, h in enumerate(['№ п/п', 'Код ОО', 'Муниципальное образование', 'Образовательная организация'], 1):
        sh.set(4, c, h, X.S_HEAD)
        sh.set(5, c, None, X.S_HEAD)
        sh.set(6, c, None, X.S_HEAD)
        sh.merge(4, c, 6, c)
    sh.widths.update({1: 6, 2: 9, 3: 34, 4: 46})
    c = 5
    cols = {}
    for title, subj in subjects:
        sh.set(4, c, title, X.S_HEAD)
        for k in range(1, 10):
            sh.set(4, c + k, None, X.S_HEAD)
        sh.merge(4, c, 4, c + 9)
        for g in grades:
            sh.set(5, c, f'{g} класс', X.S_HEAD)
            for k in range(1, 5):
                sh.set(5, c + k, None, X.S_HEAD)
            sh.merge(5, c, 5, c + 4)
            for k, h in enumerate(['Участников', '2', '3', '4', '5']):
                sh.set(6, c + k, h, X.S_HEAD)
                sh.widths[c + k] = 11 if k == 0 else 6
            cols[(subj, g)] = c
            c += 5
    r = 7
    tot = {k: [0] * 5 for k in cols}
    keys = []
    for i, s in enumerate(schools, 1):
        sh.set(r, 1, i, X.S_INT)
        sh.set(r, 2, s['code'], X.S_TEXT)
        sh.set(r, 3, s['municipality'], X.S_TEXT)
        sh.set(r, 4, s['name'], X.S_TEXT)
        for (subj, g), c0 in cols.items():
            if not has_grade(s, g):
                for k in range(5):
                    sh.set(r, c0 + k, None, X.S_INT)
                continue
            v = marks(s, g, SUBJ_SHIFT[subj])
            add_result(s['code'], 2026, 'ВПР', subj, g, v)
            keys.append((s['code'], 2026, 'ВПР', subj, g))
            for k in range(5):
                sh.set(r, c0 + k, v[k], X.S_INT)
                tot[(subj, g)][k] += v[k]
        r += 1
    sh.set(r, 1, None, X.S_BOLD)
    sh.set(r, 2, None, X.S_BOLD)
    sh.set(r, 3, None, X.S_BOLD)
    sh.set(r, 4, 'Итого по региону', X.S_BOLD)
    for k2, c0 in cols.items():
        for k in range(5):
            sh.set(r, c0 + k, tot[k2][k], X.S_BOLD)
    sh.freeze = 7
    X.save(os.path.join(HERE, 'files', name), [sh], title='ВПР-2026 4 и 5 классы')
    spec(file=name,
         layout='wide with TWO levels of column groups: subject (Русский язык, Математика) → grade («4 класс», «5 класс») → '
                '{Участников, 2, 3, 4, 5}; three merged header rows (4–6) under two merged title rows; counts only; '
                '«№ п/п», «Код ОО», «Муниципальное образование», «Образовательная организация» merged over the three header '
                'rows; НОШ have empty 5-класс cells; «Итого по региону» last',
         **{'what a user must do': {'fixed': {}, 'columns': {}, 'by name': False}},
         procedures=procs(keys), rows=len(keys),
         imitates='a regional ВПР operator\'s summary of two grades in one sheet (subject over grade over marks)',
         **{'school code': '«Код ОО» column',
            'subjects (file spelling -> package)': {'Русский язык': 'русский язык', 'Математика': 'математика'},
            'all columns (for the grader)': {
                '№ п/п': 'ignore', 'Код ОО': 'school_id', 'Муниципальное образование': 'municipality',
                'Образовательная организация': 'school_name',
                '<subject> <N> класс Участников': 'participants (subject, grade N)',
                '<subject> <N> класс 2 / 3 / 4 / 5': 'mark2 / mark3 / mark4 / mark5 (counts)'}})


# ---------------------------------------------------------------- file 2: LibreOffice CSV, «Процедура» in one column
def file2():
    name = 'vpr_2025_itogi_po_proceduram.csv'
    schools = pick([KR, ZAR, PRI, LUG], [10, None, None, None], lambda s: has_grade(s, 4))
    plist = [('ВПР 2025 Окружающий мир 4 класс', 'окружающий мир', 4),
             ('ВПР 2025 История 5 класс', 'история', 5),
             ('ВПР 2025 Биология 5 класс', 'биология', 5),
             ('ВПР 2025 География 6 класс', 'география', 6)]
    rows = []
    keys = []
    for s in schools:
        avail = [p for p in plist if has_grade(s, p[2])]
        if len(avail) > 2:
            avail = [avail[0]] + sorted(R.sample(avail[1:], R.choice([1, 2, 3]) if len(avail) > 3 else len(avail) - 1),
                                        key=plist.index)
        for label, subj, g in avail:
            v = marks(s, g, SUBJ_SHIFT[subj])
            add_result(s['code'], 2025, 'ВПР', subj, g, v)
            keys.append((s['code'], 2025, 'ВПР', subj, g))
            n, m2, m3, m4, m5 = v
            avg = hround(Decimal(2 * m2 + 3 * m3 + 4 * m4 + 5 * m5) / n, 2)
            rows.append([label, s['code'], s['name'], s['municipality'], n, m2, m3, m4, m5, str(avg).replace('.', ',')])
    header = ['Процедура', 'Код ОО', 'Наименование ОО', 'Муниципалитет', 'Кол-во участников',
              'Получили «2»', 'Получили «3»', 'Получили «4»', 'Получили «5»', 'Средний балл']
    width = len(header)

    def field(v):
        if v is None or v == '':
            return ''
        if isinstance(v, int):
            return str(v)
        if isinstance(v, str) and v.replace(',', '').isdigit() and ',' in v:   # a number shown with decimal comma
            return '"' + v + '"'
        return '"' + str(v).replace('"', '""') + '"'

    lines = [[f'Итоги ВПР-2025 по образовательным организациям (выгрузка сводной таблицы, {len(rows)} строк)'] + [None] * (width - 1),
             [None] * width, header] + rows
    text = '\r\n'.join(','.join(field(v) for v in ln) for ln in lines) + '\r\n'
    with open(os.path.join(HERE, 'files', name), 'wb') as f:
        f.write(b'\xef\xbb\xbf' + text.encode('utf-8'))
    spec(file=name,
         layout='long, a row per school and procedure; the procedure in ONE column «Процедура» («ВПР 2025 История 5 класс» = '
                'assessment, year, subject and grade in one string); a title line and an empty line above the header; '
                'LibreOffice Calc «Text CSV» export: «,» delimiter, every text cell in double quotes, numbers bare, '
                'decimal comma numbers quoted («"3,45"»), empty cells empty; UTF-8 WITH BOM, CRLF',
         **{'what a user must do': {'fixed': {}, 'columns': {'Средний балл': 'ignore'}, 'by name': False}},
         procedures=procs(keys), rows=len(keys),
         imitates='a regional pivot table (ВПР-2025, several procedures) saved from LibreOffice Calc as CSV with «Quote all text cells»',
         **{'school code': '«Код ОО» column',
            'subjects (file spelling -> package)': {'Окружающий мир': 'окружающий мир', 'История': 'история',
                                                    'Биология': 'биология', 'География': 'география'},
            'all columns (for the grader)': {
                'Процедура': 'assessment + year + subject + grade', 'Код ОО': 'school_id',
                'Наименование ОО': 'school_name', 'Муниципалитет': 'municipality', 'Кол-во участников': 'participants',
                'Получили «2»': 'mark2', 'Получили «3»': 'mark3', 'Получили «4»': 'mark4', 'Получили «5»': 'mark5',
                'Средний балл': 'ignore (2 decimals, quoted decimal comma)'}})


# ---------------------------------------------------------------- file 3: «Предмет (класс)», fractions 0–1
def file3():
    name = 'ВПР_2026_доли_отметок_7-8_классы.xlsx'
    schools = pick([ND, LES, KED, SVE], [9, None, None, None], lambda s: has_grade(s, 8))
    g7 = [('История', 'история'), ('Биология', 'биология'), ('География', 'география')]
    g8 = [('Обществознание', 'обществознание'), ('Физика', 'физика')]
    sh = X.Sheet('Доли')
    sh.set(1, 1, 'Всероссийские проверочные работы – 2026', X.S_TITLE)
    sh.set(2, 1, 'Распределение отметок по предметам на основе случайного выбора (доли от числа участников)')
    header = ['Код ОО', 'Наименование ОО', 'Муниципалитет', 'Предмет (класс)', 'Всего участников',
              'Доля «2»', 'Доля «3»', 'Доля «4»', 'Доля «5»']
    for c, h in enumerate(header, 1):
        sh.set(4, c, h, X.S_HEAD)
    sh.widths.update({1: 9, 2: 46, 3: 36, 4: 20, 5: 11, 6: 9, 7: 9, 8: 9, 9: 9})
    r = 5
    keys = []
    for s in schools:
        chosen = [(t, sj, 7) for t, sj in sorted(R.sample(g7, 2), key=g7.index)] + [(*R.choice(g8), 8)]
        for t, subj, g in chosen:
            v = marks(s, g, SUBJ_SHIFT[subj])
            add_result(s['code'], 2026, 'ВПР', subj, g, v)
            keys.append((s['code'], 2026, 'ВПР', subj, g))
            sh.set(r, 1, s['code'], X.S_TEXT)
            sh.set(r, 2, s['name'], X.S_TEXT)
            sh.set(r, 3, s['municipality'], X.S_TEXT)
            sh.set(r, 4, f'{t} ({g})', X.S_TEXT)
            sh.set(r, 5, v[0], X.S_INT)
            for k in range(4):
                sh.set(r, 6 + k, float(frac(v[1 + k], v[0])), X.S_D3)
            r += 1
    X.save(os.path.join(HERE, 'files', name), [sh], title='ВПР-2026 доли отметок')
    spec(file=name,
         layout='long, a row per school and subject; subject AND grade in one column «Предмет (класс)» («История (7)», '
                '«Обществознание (8)»); year and ВПР only in the title; marks as FRACTIONS 0–1 with 3 decimals (numeric '
                'cells, format 0.000 → «0,125» in a Russian Excel) + «Всего участников»; no subtotals',
         **{'what a user must do': {'fixed': {}, 'columns': {}, 'by name': False}},
         procedures=procs(keys), rows=len(keys),
         imitates='a regional analyst\'s table of shares for the «случайный выбор» ВПР subjects, 7 and 8 grades',
         **{'school code': '«Код ОО» column',
            'subjects (file spelling -> package)': {'История (7)': 'история, 7', 'Биология (7)': 'биология, 7',
                                                    'География (7)': 'география, 7', 'Обществознание (8)': 'обществознание, 8',
                                                    'Физика (8)': 'физика, 8'},
            'all columns (for the grader)': {
                'Код ОО': 'school_id', 'Наименование ОО': 'school_name', 'Муниципалитет': 'municipality',
                'Предмет (класс)': 'subject + grade', 'Всего участников': 'participants',
                'Доля «2»': 'share of mark 2 (0–1, ×participants → mark2)', 'Доля «3»': 'share 3', 'Доля «4»': 'share 4',
                'Доля «5»': 'share 5'}})


# ---------------------------------------------------------------- file 4: one municipality (only in the title), «%» row
def file4():
    name = 'ВПР-2026_6_классы_район.xlsx'
    schools = pick([ROD], [None], lambda s: has_grade(s, 6))
    subjects = [('Русский язык', 'русский язык'), ('Математика', 'математика')]
    sh = X.Sheet('6 класс')
    sh.set(1, 1, 'Результаты всероссийских проверочных работ в 6 классах (весна 2026 г.)', X.S_TITLE)
    sh.set(2, 1, 'по Родниковскому муниципальному району (демо)', X.S_TITLE)
    sh.merge(1, 1, 1, 12)
    sh.merge(2, 1, 2, 12)
    for c, h in enumerate(['№', 'Общеобразовательная организация'], 1):
        sh.set(4, c, h, X.S_HEAD)
        sh.set(5, c, None, X.S_HEAD)
        sh.set(6, c, None, X.S_HEAD)
        sh.merge(4, c, 6, c)
    sh.widths.update({1: 5, 2: 44})
    c = 3
    cols = {}
    for t, subj in subjects:
        sh.set(4, c, t, X.S_HEAD)
        for k in range(1, 5):
            sh.set(4, c + k, None, X.S_HEAD)
        sh.merge(4, c, 4, c + 4)
        sh.set(5, c, 'Кол-во участников', X.S_HEAD)
        sh.set(6, c, None, X.S_HEAD)
        sh.merge(5, c, 6, c)
        sh.widths[c] = 12
        for k in range(4):
            sh.set(5, c + 1 + k, '%', X.S_HEAD)
            sh.set(6, c + 1 + k, f'«{k + 2}»', X.S_HEAD)
            sh.widths[c + 1 + k] = 8
        cols[subj] = c
        c += 5
    r = 7
    keys = []
    tot = {sj: [0] * 5 for sj in cols}
    pad = ['', ' ', '  ', ' ']
    for i, s in enumerate(schools, 1):
        sh.set(r, 1, i, X.S_INT)
        sh.set(r, 2, s['name'] + pad[i % len(pad)], X.S_TEXT)   # trailing spaces as typed
        for subj, c0 in cols.items():
            v = marks(s, 6, SUBJ_SHIFT[subj])
            add_result(s['code'], 2026, 'ВПР', subj, 6, v)
            keys.append((s['code'], 2026, 'ВПР', subj, 6))
            sh.set(r, c0, v[0], X.S_INT)
            for k in range(4):
                sh.set(r, c0 + 1 + k, float(pct(v[1 + k], v[0], 1)), X.S_D1)
            for k in range(5):
                tot[subj][k] += v[k]
        r += 1
    sh.set(r, 1, None, X.S_BOLD)
    sh.set(r, 2, 'Итого по району', X.S_BOLD)
    for subj, c0 in cols.items():
        sh.set(r, c0, tot[subj][0], X.S_BOLD)
        for k in range(4):
            sh.set(r, c0 + 1 + k, float(pct(tot[subj][1 + k], tot[subj][0], 1)), X.S_D1)
    X.save(os.path.join(HERE, 'files', name), [sh], title='ВПР-2026 6 класс, район')
    spec(file=name,
         layout='wide, ONE municipality: the municipality is only in the title («по Родниковскому муниципальному району '
                '(демо)», inflected), no municipality column; a merged group per subject (Русский язык, Математика) × '
                '{«Кол-во участников», four «%» cells}; «%» is a SEPARATE header row above the marks row («2»…«5»); '
                '% with 1 decimal (numeric); schools by full name only, several names with trailing spaces; the district '
                'holds names that also exist in other districts («СОШ д. Журавлёвка», «СОШ с. Озерки», «ООШ с. Орловка»); '
                '«Итого по району» last',
         **{'what a user must do': {'fixed': {}, 'columns': {}, 'by name': True}},
         procedures=procs(keys), rows=len(keys),
         imitates='a district education department\'s ВПР summary sent to the region (one district, its schools by name)',
         **{'school code': 'none — name only; the municipality comes from the title',
            'subjects (file spelling -> package)': {'Русский язык': 'русский язык', 'Математика': 'математика'},
            'all columns (for the grader)': {
                '№': 'ignore', 'Общеобразовательная организация': 'school_name (municipality = Родниковский муниципальный район (демо), from the title)',
                '<subject> Кол-во участников': 'participants', '<subject> % «2»…«5»': 'pct2…pct5 (1 decimal)'}})


# ---------------------------------------------------------------- file 5: ОГЭ, counts + % side by side, numbers as TEXT
def spaced(n, sep):
    s = str(n)
    if n >= 1000:
        s = s[:-3] + sep + s[-3:]
    return s


def file5():
    name = 'ОГЭ-2026_итоги_по_ОО_чел_и_проценты.xlsx'
    munis = [KR, ND, STP, SEV]
    schools = pick(munis, [None, None, None, None], lambda s: has_grade(s, 9))
    subjects = [('Русский язык', 'русский язык', 0.1), ('Математика', 'математика', -0.1)]
    # ОГЭ: the same 9th-graders take both compulsory exams (a few absent from one)
    nine = {s['code']: max(1, round(cohort(s, 9) * R.uniform(0.93, 1.0))) for s in schools}
    sh = X.Sheet('ОГЭ-2026')
    sh.set(1, 1, 'Результаты основного государственного экзамена (ОГЭ) в 2026 году по образовательным организациям', X.S_TITLE)
    header = ['Предмет', 'АТЕ', 'Код ОО', 'Наименование ОО', 'Всего участников']
    for k in range(2, 6):
        header += [f'Отметка «{k}», чел.', f'Отметка «{k}», %']
    header += ['Средняя отметка']
    for c, h in enumerate(header, 1):
        sh.set(3, c, h, X.S_HEAD)
    sh.widths.update({1: 14, 2: 34, 3: 9, 4: 46, 5: 11})
    for c in range(6, 15):
        sh.widths[c] = 10
    r = 4
    keys = []
    seps = [' ', NBSP]

    def put(r, vals, total=False):
        n = vals[0]
        st = X.S_TEXTB if total else X.S_TEXT
        sh.set(r, 5, spaced(n, seps[r % 2]), st)
        for k in range(4):
            c = vals[1 + k]
            sh.set(r, 6 + 2 * k, spaced(c, seps[(r + k) % 2]) if c else '-', st)
            sh.set(r, 7 + 2 * k, str(pct(c, n, 1)).replace('.', ',') if c else '—', st)
        avg = hround(Decimal(sum((k + 2) * vals[1 + k] for k in range(4))) / n, 2)
        sh.set(r, 14, str(avg).replace('.', ','), st)

    trail = [' ', '', '', '  ', '', ' ']
    for t, subj, shift in subjects:
        region = [0] * 5
        for m in munis:
            mt = [0] * 5
            for j, s in enumerate([s for s in schools if s['municipality'] == m]):
                n = nine[s['code']] - (R.random() < 0.15)
                v = marks(s, 9, shift, n=max(1, n))
                add_result(s['code'], 2026, 'ОГЭ', subj, 9, v)
                keys.append((s['code'], 2026, 'ОГЭ', subj, 9))
                sh.set(r, 1, t, X.S_TEXT)
                sh.set(r, 2, m, X.S_TEXT)
                sh.set(r, 3, s['code'], X.S_TEXT)
                sh.set(r, 4, s['name'] + trail[(j + len(subj)) % len(trail)], X.S_TEXT)
                put(r, v)
                mt = [a + b for a, b in zip(mt, v)]
                r += 1
            sh.set(r, 1, t, X.S_BOLD)
            sh.set(r, 2, m, X.S_BOLD)
            sh.set(r, 3, None, X.S_BOLD)
            sh.set(r, 4, 'Итого по АТЕ', X.S_BOLD)
            put(r, mt, True)
            region = [a + b for a, b in zip(region, mt)]
            r += 1
        sh.set(r, 1, t, X.S_BOLD)
        for c in (2, 3):
            sh.set(r, c, None, X.S_BOLD)
        sh.set(r, 4, 'Всего по области', X.S_BOLD)
        put(r, region, True)
        r += 1
    X.save(os.path.join(HERE, 'files', name), [sh], title='ОГЭ-2026')
    spec(file=name,
         layout='long, a row per school and subject («Предмет»: Русский язык, Математика); one header row with counts AND '
                'percents side by side per mark («Отметка «2», чел.» | «Отметка «2», %» …); EVERY number is a TEXT cell: '
                'thousands separated by a space or a NO-BREAK SPACE («1 204», «1\u00a0204»), decimal commas («12,5», '
                '«3,84»), «-» for a zero count and «—» for its zero percent; school names with trailing spaces; «Итого по '
                'АТЕ» after each municipality\'s schools and «Всего по области» after each subject (totals over 1 000)',
         **{'what a user must do': {'fixed': {}, 'columns': {'Средняя отметка': 'ignore'}, 'by name': False}},
         procedures=procs(keys), rows=len(keys),
         imitates='РЦОИ ОГЭ summary by school exported «as text» (every cell text, as from a report generator or 1С)',
         **{'school code': '«Код ОО» column',
            'subjects (file spelling -> package)': {'Русский язык': 'русский язык', 'Математика': 'математика'},
            'all columns (for the grader)': {
                'Предмет': 'subject', 'АТЕ': 'municipality', 'Код ОО': 'school_id', 'Наименование ОО': 'school_name',
                'Всего участников': 'participants', 'Отметка «2», чел.': 'mark2 («-» = 0)',
                'Отметка «3», чел.': 'mark3', 'Отметка «4», чел.': 'mark4', 'Отметка «5», чел.': 'mark5',
                'Отметка «N», %': 'ignore (1 decimal, «—» = 0)', 'Средняя отметка': 'ignore'}})


# ---------------------------------------------------------------- file 6: ЕГЭ, chartsheet first, hidden rows and columns
EGE = [('Русский язык', 'русский язык', 24, 66, 1.0), ('Математика (профиль)', 'математика (профильный уровень)', 27, 58, 0.55),
       ('Обществознание', 'обществознание', 42, 55, 0.45), ('Химия', 'химия', 36, 57, 0.18)]


def file6():
    name = 'ЕГЭ-2026_результаты_по_ОО_с_диаграммой.xlsx'
    munis = [VR, ZAR, KLU, LUG]
    schools = pick(munis, [None, None, None, None], lambda s: has_grade(s, 11))
    grade11 = {s['code']: cohort(s, 11) for s in schools}
    sh = X.Sheet('Результаты по ОО')
    sh.set(1, 1, 'Результаты единого государственного экзамена 2026 года', X.S_TITLE)
    sh.set(2, 1, 'в разрезе образовательных организаций (основной период)')
    header = ['№ п/п', 'Код АТЕ', 'АТЕ', 'Код ОО', 'Наименование ОО', 'Предмет', 'Зарегистрировано',
              'Кол-во участников', 'Не преодолели минимальный порог, %', 'Средний тестовый балл', 'Получили 100 баллов']
    for c, h in enumerate(header, 1):
        sh.set(4, c, h, X.S_HEAD)
    sh.widths.update({1: 6, 2: 8, 3: 34, 4: 9, 5: 46, 6: 22, 7: 14, 8: 12, 9: 16, 10: 12, 11: 11})
    sh.hidden_cols.update({2, 7})
    ate = {m: f'{i:02d}' for i, m in enumerate(munis, 3)}
    r = 5
    no = 0
    keys = []
    cats, avgs = [], []
    first = 5
    for t, subj, thr, mu, share in EGE:
        reg_n = reg_b = 0
        reg_sum = 0
        for m in munis:
            mn = mb = 0
            msum = 0
            for s in [s for s in schools if s['municipality'] == m]:
                base = grade11[s['code']]
                n = round(base * R.uniform(0.9, 1.0)) if share == 1.0 else round(base * share * R.uniform(0.5, 1.4))
                if n < 1:
                    continue
                scores = [max(0, min(100, round(R.gauss(mu + 14 * s['q'], 15)))) for _ in range(n)]
                below = sum(x < thr for x in scores)
                add_result(s['code'], 2026, 'ЕГЭ', subj, 11, (n, below, None, None, None))
                keys.append((s['code'], 2026, 'ЕГЭ', subj, 11))
                no += 1
                sh.set(r, 1, no, X.S_INT)
                sh.set(r, 2, ate[m], X.S_TEXT)
                sh.set(r, 3, m, X.S_TEXT)
                sh.set(r, 4, s['code'], X.S_TEXT)
                sh.set(r, 5, s['name'], X.S_TEXT)
                sh.set(r, 6, t, X.S_TEXT)
                sh.set(r, 7, n + R.randint(0, 2), X.S_INT)
                sh.set(r, 8, n, X.S_INT)
                sh.set(r, 9, float(pct(below, n, 1)), X.S_D1)
                sh.set(r, 10, float(hround(Decimal(sum(scores)) / n, 1)), X.S_D1)
                sh.set(r, 11, sum(x == 100 for x in scores), X.S_INT)
                mn += n
                mb += below
                msum += sum(scores)
                r += 1
            if mn:
                for c in (1, 2, 4, 7, 11):
                    sh.set(r, c, None, X.S_BOLD)
                sh.set(r, 3, m, X.S_BOLD)
                sh.set(r, 5, 'Итого по АТЕ', X.S_BOLD)
                sh.set(r, 6, t, X.S_BOLD)
                sh.set(r, 8, mn, X.S_BOLD)
                sh.set(r, 9, float(pct(mb, mn, 1)), X.S_D1)
                sh.set(r, 10, float(hround(Decimal(msum) / mn, 1)), X.S_D1)
                sh.hidden_rows.add(r)
                r += 1
            reg_n += mn
            reg_b += mb
            reg_sum += msum
        for c in (1, 2, 3, 4, 7, 11):
            sh.set(r, c, None, X.S_BOLD)
        sh.set(r, 5, 'Итого по субъекту', X.S_BOLD)
        sh.set(r, 6, t, X.S_BOLD)
        sh.set(r, 8, reg_n, X.S_BOLD)
        sh.set(r, 9, float(pct(reg_b, reg_n, 1)), X.S_D1)
        sh.set(r, 10, float(hround(Decimal(reg_sum) / reg_n, 1)), X.S_D1)
        sh.hidden_rows.add(r)
        cats.append(t)
        avgs.append(float(hround(Decimal(reg_sum) / reg_n, 1)))
        r += 1
    sh.autofilter = (f'A4:K{r - 1}', 4, 'Итого*')
    chart = X.Chart('Диаграмма', 'Средний тестовый балл ЕГЭ-2026 по предметам', 'Средний тестовый балл', cats, avgs)
    X.save(os.path.join(HERE, 'files', name), [sh], chart=chart, title='ЕГЭ-2026', active=1)
    spec(file=name,
         layout='book of two sheets: sheet 1 «Диаграмма» is a CHARTSHEET (a bar chart of the average score by subject, '
                'no cells), sheet 2 «Результаты по ОО» holds the data; long, a row per school and subject (Русский язык, '
                'Математика (профиль), Обществознание, Химия); an AUTOFILTER on «Наименование ОО» «не равно Итого*» '
                'leaves the «Итого по АТЕ» / «Итого по субъекту» rows HIDDEN (they are still in the file with their '
                'sums); HIDDEN columns B «Код АТЕ» and G «Зарегистрировано» (registered, ≥ participants); no marks: '
                '«Не преодолели минимальный порог, %» (1 decimal) + «Кол-во участников», «Средний тестовый балл», «Получили '
                '100 баллов»; grade 11 not written',
         **{'what a user must do': {'fixed': {'grade': 11},
                                    'columns': {'Не преодолели минимальный порог, %': 'mark2',
                                                'Зарегистрировано': 'ignore',
                                                'Средний тестовый балл': 'ignore',
                                                'Получили 100 баллов': 'ignore'},
                                    'by name': False}},
         procedures=procs(keys), rows=len(keys),
         imitates='РЦОИ ЕГЭ workbook by school that somebody filtered (subtotals hidden), with a chart sheet in front',
         **{'school code': '«Код ОО» column',
            'subjects (file spelling -> package)': {'Русский язык': 'русский язык',
                                                    'Математика (профиль)': 'математика (профильный уровень)',
                                                    'Обществознание': 'обществознание', 'Химия': 'химия'},
            'all columns (for the grader)': {
                '№ п/п': 'ignore', 'Код АТЕ': 'ignore (hidden)', 'АТЕ': 'municipality', 'Код ОО': 'school_id',
                'Наименование ОО': 'school_name', 'Предмет': 'subject', 'Зарегистрировано': 'ignore (hidden)',
                'Кол-во участников': 'participants', 'Не преодолели минимальный порог, %': 'pct_below_min (→ mark2)',
                'Средний тестовый балл': 'ignore', 'Получили 100 баллов': 'ignore'}})


# ---------------------------------------------------------------- file 7: confirmation, counts for one subject, % for the other
def file7():
    name = 'Сравнение_с_журналом_ВПР-2026_8_класс.xlsx'
    munis = [TB, KR, PRI, SVE, ROD]
    schools = pick(munis, [6, 7, None, None, 4], lambda s: has_grade(s, 8))
    sh = X.Sheet('8 класс')
    sh.set(1, 1, 'Сравнение отметок за ВПР с отметками по журналу. 8 класс, 2026 год', X.S_TITLE)
    sh.set(2, 1, 'Математика — количество обучающихся; русский язык — в процентах от числа участников')
    for c, h in enumerate(['Код ОО', 'Муниципалитет', 'Образовательная организация'], 1):
        sh.set(4, c, h, X.S_HEAD)
        sh.set(5, c, None, X.S_HEAD)
        sh.merge(4, c, 5, c)
    sh.widths.update({1: 9, 2: 36, 3: 46})
    groups = [('Математика', 'математика', ['Кол-во участников', 'Понизили, чел.', 'Подтвердили, чел.', 'Повысили, чел.'], False),
              ('Русский язык', 'русский язык', ['Кол-во участников', 'Понизили, %', 'Подтвердили, %', 'Повысили, %'], True)]
    c = 4
    cols = {}
    for t, subj, subs, isp in groups:
        sh.set(4, c, t, X.S_HEAD)
        for k in range(1, 4):
            sh.set(4, c + k, None, X.S_HEAD)
        sh.merge(4, c, 4, c + 3)
        for k, h in enumerate(subs):
            sh.set(5, c + k, h, X.S_HEAD)
            sh.widths[c + k] = 12
        cols[subj] = (c, isp)
        c += 4
    data = []
    keys = []
    for s in schools:
        row = {}
        style = R.random()
        for t, subj, subs, isp in groups:
            n = max(1, round(cohort(s, 8) * R.uniform(0.82, 1.0)))
            if style < 0.12:
                low, up = 0, 0
            elif style < 0.22:
                low, up = round(n * R.uniform(0.45, 0.7)), 0
            else:
                low, up = round(n * R.uniform(0.08, 0.3)), round(n * R.uniform(0, 0.06))
            conf = n - low - up
            v = (n, low, conf, up)
            add_conf(s['code'], 2026, 'ВПР', subj, 8, v)
            keys.append((s['code'], 2026, 'ВПР', subj, 8))
            row[subj] = v
        data.append((s, row))
    r = 6
    tot = {sj: [sum(row[sj][k] for _, row in data) for k in range(4)] for sj in cols}

    def put(r, vals, subj, st_int, st_pct):
        c0, isp = cols[subj]
        sh.set(r, c0, vals[0], st_int)
        for k in range(3):
            if isp:
                sh.set(r, c0 + 1 + k, float(pct(vals[1 + k], vals[0], 2)), st_pct)
            else:
                sh.set(r, c0 + 1 + k, vals[1 + k], st_int)

    sh.set(r, 1, None, X.S_BOLD)
    sh.set(r, 2, None, X.S_BOLD)
    sh.set(r, 3, 'Итого по региону', X.S_BOLD)
    for sj in cols:
        put(r, tot[sj], sj, X.S_BOLD, X.S_D2)
    r += 1
    for s, row in data:
        sh.set(r, 1, s['code'], X.S_TEXT)
        sh.set(r, 2, s['municipality'], X.S_TEXT)
        sh.set(r, 3, s['name'], X.S_TEXT)
        for sj in cols:
            put(r, row[sj], sj, X.S_INT, X.S_D2)
        r += 1
    X.save(os.path.join(HERE, 'files', name), [sh], title='Сравнение отметок ВПР-2026, 8 класс')
    spec(file=name,
         layout='wide, a merged group per subject over a 2-row header: «Математика» × {Кол-во участников, «Понизили, чел.», '
                '«Подтвердили, чел.», «Повысили, чел.»} in COUNTS, «Русский язык» × {Кол-во участников, «Понизили, %», '
                '«Подтвердили, %», «Повысили, %»} in PERCENT (2 decimals) — counts for one subject and percents for the '
                'other in one sheet; «Итого по региону» FIRST, then the schools',
         **{'what a user must do': {'fixed': {}, 'columns': {}, 'by name': False}},
         procedures=procs(keys), rows=len(keys),
         imitates='«Сравнение отметок с отметками по журналу» gathered by the region from ФИС ОКО, one row per school, '
                  'filled in by two people (one typed counts, the other percents)',
         **{'school code': '«Код ОО» column', 'target table': 'confirmation.csv',
            'subjects (file spelling -> package)': {'Математика': 'математика', 'Русский язык': 'русский язык'},
            'all columns (for the grader)': {
                'Код ОО': 'school_id', 'Муниципалитет': 'municipality', 'Образовательная организация': 'school_name',
                'Математика Кол-во участников': 'participants', 'Математика Понизили, чел.': 'lowered',
                'Математика Подтвердили, чел.': 'confirmed', 'Математика Повысили, чел.': 'raised',
                'Русский язык Кол-во участников': 'participants', 'Русский язык Понизили, %': 'pct_lowered (2 decimals)',
                'Русский язык Подтвердили, %': 'pct_confirmed', 'Русский язык Повысили, %': 'pct_raised'}})


def write_expected():
    d = os.path.join(HERE, 'expected')
    with open(os.path.join(d, 'schools.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['school_id', 'name', 'municipality_id', 'municipality_name'])
        for code in sorted(USED):
            s = BY_CODE[code]
            w.writerow([code, s['name'], s['municipality'], s['municipality']])
    with open(os.path.join(d, 'results.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['school_id', 'year', 'assessment', 'subject', 'grade', 'participants', 'mark2', 'mark3', 'mark4', 'mark5'])
        for k in sorted(RESULTS):
            w.writerow([*k, *('' if x is None else x for x in RESULTS[k])])
    with open(os.path.join(d, 'confirmation.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['school_id', 'year', 'assessment', 'subject', 'grade', 'participants', 'lowered', 'confirmed', 'raised'])
        for k in sorted(CONFIRM):
            w.writerow([*k, *CONFIRM[k]])
    with open(os.path.join(HERE, 'files.json'), 'w', encoding='utf-8') as f:
        json.dump(FILES, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    for fn in (file1, file2, file3, file4, file5, file6, file7):
        fn()
    write_expected()
    print(f'{len(FILES)} files; {len(USED)} schools, {len(RESULTS)} result rows, {len(CONFIRM)} confirmation rows')
    for s in FILES:
        print(f"  {s['rows']:4d}  {s['file']}")
