#!/usr/bin/env python3
"""Set 12 generator: hand-written WordprocessingML emulating R7-Офис / ONLYOFFICE, Google Docs and МойОфис,
plus TXT (as copied from the editor), truth JSON and, for g2, a Google-Docs-style HTML export.
All content synthetic. Seed 1212."""
import json, os, random, zipfile
from xml.sax.saxutils import escape
import pools

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')
os.makedirs(OUT, exist_ok=True)
FIXED_ZIP_DATE = (2026, 9, 1, 10, 0, 0)

# ---------------------------------------------------------------- model helpers
def pick(rng, pool, n):
    return rng.sample(pool, n)

def make_rows(rng, pool, n, execs, dpool=pools.DEADLINES):
    items = pick(rng, pool, n)
    rows = []
    for m, ind in items:
        rows.append({'measure': [m], 'deadline': rng.choice(dpool), 'executors': [rng.choice(execs)], 'indicator': [ind]})
    return rows

def joined(v):
    return ' '.join(v) if isinstance(v, list) else v

# ---------------------------------------------------------------- documents
def doc_r1(rng):
    execs = ["Управление образования", "МКУ «ИМЦ»", "Управление образования, МКУ «ИМЦ»", "руководители ОО",
             "муниципальный координатор (Рябцева О. Г.)", "МКУ «ИМЦ», руководители ШНОР", "кураторы ШНОР",
             "Управление образования, руководители ОО"]
    tasks = ["Задача 1. Обеспечить выявление школ с низкими образовательными результатами и анализ их рисковых профилей",
             "Задача 2. Организовать адресную методическую поддержку педагогов ШНОР",
             "Задача 3. Выстроить сетевое взаимодействие и наставничество",
             "Задача 4. Обеспечить мониторинг реализации программ и принятие управленческих решений"]
    rows = make_rows(rng, pools.MUNI, 22, execs)
    sizes = [6, 6, 5, 5]
    body_rows, k = [], 0
    for ti, (t, s) in enumerate(zip(tasks, sizes)):
        body_rows.append(('section', t))
        for j in range(s):
            rows[k]['num'] = f"{ti + 1}.{j + 1}."
            body_rows.append(('row', k)); k += 1
    # deadline merged over measures 8-9 (index 7,8), executors over 15-17 (index 14..16)
    rows[8]['deadline'] = rows[7]['deadline'] = "октябрь – ноябрь 2026 г."
    for i in (15, 16): rows[i]['executors'] = rows[14]['executors']
    merges = {'deadline': [(7, 2)], 'executors': [(14, 3)]}
    rows[3]['executors'] = ["Управление образования,", "школы-наставники"]
    return dict(
        name='r1-sukhorechensk-r7-tasks', flavour='r7', font=('Times New Roman', 24), landscape=True,
        pre=[('right', "УТВЕРЖДЕНА"), ('right', "приказом Управления образования"), ('right', "администрации Сухореченского"),
             ('right', "муниципального округа"), ('right', "от 02.09.2026 № 211-од"), ('empty', ''),
             ('title', "ДОРОЖНАЯ КАРТА"),
             ('title', "по поддержке школ с низкими образовательными результатами"),
             ('title', "Сухореченского муниципального округа на 2026/2027 учебный год"), ('empty', '')],
        title_lines=["ДОРОЖНАЯ КАРТА", "по поддержке школ с низкими образовательными результатами",
                     "Сухореченского муниципального округа на 2026/2027 учебный год"],
        cols=[('num', "№ п/п", 850), ('measure', "Мероприятия", 5200), ('deadline', "Сроки реализации", 2300),
              ('executors', "Ответственные за исполнение", 2700), ('indicator', "Планируемые результаты / показатели", 3500)],
        rows=rows, body=body_rows, merges=merges,
        post=[('empty', ''), ('left', "Начальник Управления образования\t\t\t\t\t\t\tИ. С. Войтенко")],
    )

def doc_r2(rng):
    execs = ["директор", "заместитель директора по УВР", "Калинкина М. Ю., зам. директора по УВР", "педагог-психолог",
             "руководители ШМО", "классные руководители", "учителя-предметники", "социальный педагог",
             "заместитель директора по ВР"]
    rows = make_rows(rng, pools.SCHOOL, 20, execs)
    for i, r in enumerate(rows): r['num'] = f"{i+1}"
    rows[5]['executors'] = ["заместитель директора по УВР,", "руководители ШМО"]
    rows[11]['indicator'] = [rows[11]['indicator'][0], "Рекомендации учителям"]
    # «Дата проведения» merged over 12-13
    rows[13]['deadline'] = rows[12]['deadline']
    return dict(
        name='r2-klyuchevskaya-onlyoffice-school', flavour='oo', font=('Arial', 22), landscape=False,
        pre=[('right', "УТВЕРЖДАЮ"), ('right', "Директор МБОУ «Ключевская СОШ»"), ('right', "_____________ Е. В. Дорохина"),
             ('right', "приказ от 29.08.2026 № 147"), ('empty', ''), ('empty', ''),
             ('title', "План мероприятий («дорожная карта»)"),
             ('title', "по повышению качества образования и переходу в эффективный режим работы"),
             ('title', "МБОУ «Ключевская СОШ» Сухореченского муниципального округа на 2026–2027 учебный год"), ('empty', '')],
        title_lines=["План мероприятий («дорожная карта»)",
                     "по повышению качества образования и переходу в эффективный режим работы",
                     "МБОУ «Ключевская СОШ» Сухореченского муниципального округа на 2026–2027 учебный год"],
        cols=[('num', "№", 560), ('measure', "Содержание работы", 3500), ('deadline', "Дата проведения", 1600),
              ('executors', "Исполнитель", 1900), ('indicator', "Выход (продукт)", 2300)],
        rows=rows, body=[('row', i) for i in range(20)], merges={'deadline': [(12, 2)]},
        post=[('empty', ''), ('left', "Ответственный за составление: Калинкина М. Ю., тел. 8 (39152) 4-18-63")],
    )

def doc_g1(rng):
    execs = ["Пронина А. В., начальник отдела общего образования", "Гуляев С. М., директор ММЦ",
             "Тарасенко Л. П., методист ММЦ", "Пронина А. В.", "Олейник Д. Р., ведущий специалист",
             "Гуляев С. М.", "Тарасенко Л. П."]
    dirs = [("Информационно-аналитическое", 6), ("Организационно-методическое", 7), ("Кадровое", 6), ("Работа с обучающимися и родителями", 5)]
    rows = make_rows(rng, pools.MUNI, 24, execs)
    body, k = [], 0
    dir_groups = []
    for d, s in dirs:
        dir_groups.append((k, s, d))
        for j in range(s):
            rows[k]['num'] = f"{k+1}."; rows[k]['dir'] = d
            body.append(('row', k)); k += 1
    # a measure with Symbol bullets (numbering) in the cell
    rows[9]['measure'] = ["Проведение серии практико-ориентированных семинаров для учителей ШНОР:",
                          ('bullet', "«Смысловое чтение на уроках в основной школе»;"),
                          ('bullet', "«Работа с текстовыми задачами в 5–6 классах»;"),
                          ('bullet', "«Формирующее оценивание: от цели урока к обратной связи»")]
    rows[9]['indicator'] = ["Программы семинаров, не менее 45 участников"]
    rows[19]['indicator'] = [('bullet', "приказ об утверждении ИОМ;"), ('bullet', "отчёт о выполнении ИОМ")]
    rows[3]['deadline'] = "ежемесячно, до 5 числа"
    return dict(
        name='g1-belovodsk-gdocs-directions', flavour='gd', font=('Times New Roman', 24), landscape=True,
        pre=[('right', "Приложение 2"), ('right', "к постановлению администрации"), ('right', "Беловодского района"),
             ('right', "от 10.09.2026 № 688"), ('empty', ''),
             ('title', "Муниципальный план мероприятий (дорожная карта) по организации работы"),
             ('title', "со школами с низкими результатами обучения и школами, функционирующими в неблагоприятных социальных условиях,"),
             ('title', "в Беловодском районе в 2026–2027 учебном году"), ('empty', '')],
        title_lines=["Муниципальный план мероприятий (дорожная карта) по организации работы",
                     "со школами с низкими результатами обучения и школами, функционирующими в неблагоприятных социальных условиях,",
                     "в Беловодском районе в 2026–2027 учебном году"],
        cols=[('dir', "Направление", 2100), ('num', "№", 620), ('measure', "Вид деятельности", 4900), ('deadline', "Период", 1900),
              ('executors', "Ответственное лицо", 2500), ('indicator', "Форма контроля", 2550)],
        rows=rows, body=body, merges={'dir': [(a, s) for a, s, _ in dir_groups]},
        post=[('empty', ''), ('left', "Исп. Олейник Д. Р., 8 (38563) 2-27-14")],
    )

def doc_g2(rng):
    execs = ["Зубарева Н. С. (зам. директора)", "Мухаметова Г. Р. (психолог)", "классные руководители 5–9 классов",
             "Беспалов К. А. (директор)", "учителя математики", "Зубарева Н. С.", "руководитель ШМО начальных классов"]
    rows = make_rows(rng, pools.SCHOOL, 19, execs)
    for i, r in enumerate(rows): r['num'] = f"{i+1}"
    rows[6]['measure'] = [rows[6]['measure'][0] + ":", ('bullet', "в 5 классах – по итогам входной диагностики;"),
                          ('bullet', "в 8 классах – по итогам ВПР")]
    rows[15]['deadline'] = "каждую пятницу"
    # «Кто отвечает» merged over 10-12
    for i in (10, 11): rows[i]['executors'] = rows[9]['executors']
    return dict(
        name='g2-kamyshinka-gdocs-html-school', flavour='gd', font=('Arial', 22), landscape=False,
        pre=[('right', "Утверждено"), ('right', "на педагогическом совете"), ('right', "протокол № 1 от 28.08.2026"), ('empty', ''),
             ('title', "Дорожная карта МБОУ «Камышинская ООШ»"),
             ('title', "по выходу из группы школ с низкими образовательными результатами"),
             ('title', "(2026/27 учебный год)"), ('empty', ''),
             ('left', "Цель: повышение учебной мотивации и качества знаний обучающихся 5–9 классов."), ('empty', '')],
        title_lines=["Дорожная карта МБОУ «Камышинская ООШ»",
                     "по выходу из группы школ с низкими образовательными результатами", "(2026/27 учебный год)"],
        cols=[('num', "№", 500), ('measure', "Что делаем", 3500), ('deadline', "Когда", 1500),
              ('executors', "Кто отвечает", 1900), ('indicator', "Что получим", 2200)],
        rows=rows, body=[('row', i) for i in range(19)], merges={'executors': [(9, 3)]},
        post=[('empty', ''), ('left', "Ответственный: Зубарева Н. С.")],
    )

def doc_m1(rng):
    execs = ["Комитет по образованию", "Комитет по образованию, МБУ «Центр сопровождения»", "МБУ «Центр сопровождения»",
             "руководители ОО", "директора ШНОР, кураторы", "Шестакова В. Е., главный специалист комитета",
             "руководители РМО"]
    rows = make_rows(rng, pools.MUNI, 23, execs)
    for i, r in enumerate(rows): r['num'] = f"{i+1}."
    rows[4]['measure'] = [rows[4]['measure'][0], "(по отдельному графику выездов)"]
    rows[17]['deadline'] = "до 15 числа месяца, следующего за отчётным кварталом"
    rows[12]['executors'] = ["Комитет по образованию,", "руководители ОО"]
    return dict(
        name='m1-verkhnekamsk-myoffice-measure-late', flavour='mo', font=('XO Thames', 24), landscape=True,
        pre=[('right', "Приложение № 1"), ('right', "к распоряжению Комитета по образованию"),
             ('right', "администрации Верхнекамышловского района"), ('right', "от 07.09.2026 № 402-р"), ('empty', ''),
             ('title', "ПЛАН ДЕЙСТВИЙ"),
             ('title', "по сопровождению общеобразовательных организаций с низкими результатами обучения"),
             ('title', "Верхнекамышловского района на 2026–2027 учебный год"), ('empty', '')],
        title_lines=["ПЛАН ДЕЙСТВИЙ", "по сопровождению общеобразовательных организаций с низкими результатами обучения",
                     "Верхнекамышловского района на 2026–2027 учебный год"],
        cols=[('num', "№ п/п", 800), ('deadline', "Срок исполнения", 2200), ('executors', "Исполнители", 3000),
              ('measure', "Действия", 5400), ('indicator', "Отчётный документ", 3100)],
        rows=rows, body=[('row', i) for i in range(23)], merges={},
        post=[('empty', ''), ('left', "Председатель Комитета по образованию\t\t\t\t\t\tН. А. Ильиных")],
    )

# ---------------------------------------------------------------- cell model
def cell_paras(v):
    """list of (kind, text): kind 'p' or 'bullet'"""
    if not isinstance(v, list): v = [v]
    return [x if isinstance(x, tuple) else ('p', x) for x in v]

def merge_state(doc, key, i):
    for a, s in doc['merges'].get(key, []):
        if i == a: return 'restart'
        if a < i < a + s: return 'continue'
    return None

def cell_value(doc, r, key):
    if key == 'dir': return r.get('dir', '')
    return r[key]

# ---------------------------------------------------------------- XML flavours
W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
        'mc:Ignorable="w14"')

class Flav:
    def __init__(self, doc):
        self.doc = doc; self.fl = doc['flavour']; self.font, self.sz = doc['font']
        self.pid = 0
    def rpr(self, bold=False, sz=None):
        sz = sz or self.sz
        f = self.font
        if self.fl in ('r7', 'oo'):
            # OnlyOffice/R7: full explicit run properties on every run
            return (f'<w:rPr><w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:cs="{f}"/>'
                    + ('<w:b/><w:bCs/>' if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>')
                    + f'<w:i w:val="0"/><w:iCs w:val="0"/><w:color w:val="000000"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
                    '<w:highlight w:val="none"/><w:u w:val="none"/><w:lang w:val="ru-RU" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr>')
        if self.fl == 'gd':
            return (f'<w:rPr><w:rFonts w:ascii="{f}" w:cs="{f}" w:eastAsia="{f}" w:hAnsi="{f}"/>'
                    + ('<w:b w:val="1"/>' if bold else '') + f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:rtl w:val="0"/></w:rPr>')
        # МойОфис
        return (f'<w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>'
                + ('<w:b/>' if bold else '') + f'<w:sz w:val="{sz}"/></w:rPr>')
    def run(self, text, bold=False, sz=None):
        parts = text.split('\t'); out = []
        for j, p in enumerate(parts):
            if j: out.append('<w:tab/>')
            if p: out.append(f'<w:t xml:space="preserve">{escape(p)}</w:t>')
        rattr = ' w:rsidDel="00000000" w:rsidR="00000000" w:rsidRPr="00000000"' if self.fl == 'gd' else ''
        return f'<w:r{rattr}>{self.rpr(bold, sz)}{"".join(out)}</w:r>'
    def para(self, text, jc='left', bold=False, sz=None, numid=None, ind_left=None, empty=False):
        pp = []
        pattr = ''
        if self.fl == 'gd':
            self.pid += 1
            pattr = f' w:rsidR="00000000" w:rsidDel="00000000" w:rsidP="00000000" w:rsidRDefault="00000000" w:rsidRPr="00000000" w14:paraId="{self.pid:08X}"'
            pp.append('<w:keepNext w:val="0"/><w:keepLines w:val="0"/><w:widowControl w:val="0"/>')
            if numid: pp.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numid}"/></w:numPr>')
            pp.append('<w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"/>')
            pp.append(f'<w:ind w:left="{720 if numid else 0}" w:right="0" w:hanging="{360 if numid else 0}"/>' if numid else '<w:ind w:left="0" w:firstLine="0"/>')
            pp.append(f'<w:jc w:val="{jc}"/>')
        elif self.fl in ('r7', 'oo'):
            pp.append('<w:pStyle w:val="Normal"/>' if self.fl == 'oo' else '')
            pp.append('<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>')
            if ind_left: pp.append(f'<w:ind w:left="{ind_left}"/>')
            pp.append(f'<w:jc w:val="{"both" if jc == "both" else jc}"/>')
        else:
            pp.append('<w:pStyle w:val="Paragraph"/>')
            pp.append('<w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/>')
            pp.append(f'<w:jc w:val="{jc}"/>')
        pp.append(self.rpr(bold, sz))  # paragraph mark properties (empty paragraphs keep their own rPr)
        body = '' if empty or text == '' else self.run(text, bold, sz)
        return f'<w:p{pattr}><w:pPr>{"".join(pp)}</w:pPr>{body}</w:p>'

    def table(self, doc):
        cols = doc['cols']; total = sum(c[2] for c in cols)
        fl = self.fl
        bd = ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for s in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
        if fl in ('r7', 'oo'):
            tblpr = (f'<w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{bd}</w:tblBorders>'
                     '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:top w:w="0" w:type="dxa"/>'
                     '<w:right w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/></w:tblCellMar>'
                     '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>')
        elif fl == 'gd':
            tblpr = (f'<w:tblPr><w:tblStyle w:val="Table1"/><w:tblW w:w="{total}.0" w:type="dxa"/><w:jc w:val="left"/>'
                     f'<w:tblInd w:w="-108.0" w:type="dxa"/><w:tblBorders>{bd}</w:tblBorders><w:tblLayout w:type="fixed"/>'
                     '<w:tblLook w:val="0600"/></w:tblPr>')
        else:
            tblpr = (f'<w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="57" w:type="dxa"/>'
                     '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
                     '<w:tblLook w:val="0000"/></w:tblPr>')
        grid = '<w:tblGrid>' + ''.join(f'<w:gridCol w:w="{c[2]}"/>' for c in cols) + '</w:tblGrid>'
        out = [f'<w:tbl>{tblpr}{grid}']
        tr_hdr = '<w:trPr><w:tblHeader/></w:trPr>' if fl != 'mo' else '<w:trPr><w:tblHeader/><w:trHeight w:val="454"/></w:trPr>'
        out.append(f'<w:tr>{tr_hdr}' + ''.join(self.tc([('p', c[1])], c[2], bold=True, jc='center', shade=(fl == 'mo')) for c in cols) + '</w:tr>')
        for kind, v in doc['body']:
            if kind == 'section':
                out.append('<w:tr>' + self.tc([('p', v)], total, bold=True, jc='center', span=len(cols)) + '</w:tr>')
                continue
            r = doc['rows'][v]; cells = []
            for key, _, w in cols:
                ms = merge_state(doc, key, v)
                val = cell_value(doc, r, key)
                if ms == 'continue':
                    cells.append(self.tc([('p', '')], w, vmerge='continue'))
                else:
                    jc = 'center' if key in ('num', 'deadline') else 'left'
                    cells.append(self.tc(cell_paras(val), w, jc=jc, vmerge=ms, bold=(key == 'dir' and fl == 'gd')))
            trpr = '<w:trPr><w:cantSplit/></w:trPr>' if fl == 'gd' else ''
            out.append(f'<w:tr>{trpr}' + ''.join(cells) + '</w:tr>')
        out.append('</w:tbl>')
        return ''.join(out)

    def tc(self, paras, w, bold=False, jc='left', vmerge=None, span=None, shade=False):
        fl = self.fl
        tp = [f'<w:tcW w:w="{w}.0" w:type="dxa"/>' if fl == 'gd' else f'<w:tcW w:w="{w}" w:type="dxa"/>']
        if span: tp.append(f'<w:gridSpan w:val="{span}"/>')
        if vmerge == 'restart': tp.append('<w:vMerge w:val="restart"/>')
        elif vmerge == 'continue': tp.append('<w:vMerge/>' if fl != 'gd' else '<w:vMerge w:val="continue"/>')
        if fl == 'mo':
            tp.append('<w:tcBorders>' + ''.join(f'<w:{s} w:val="single" w:sz="6" w:space="0" w:color="000000"/>' for s in ('top', 'left', 'bottom', 'right')) + '</w:tcBorders>')
            if shade: tp.append('<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>')
        if fl == 'gd':
            tp.append('<w:shd w:fill="auto" w:val="clear"/><w:tcMar><w:top w:w="100.0" w:type="dxa"/><w:left w:w="100.0" w:type="dxa"/>'
                      '<w:bottom w:w="100.0" w:type="dxa"/><w:right w:w="100.0" w:type="dxa"/></w:tcMar>')
        tp.append('<w:vAlign w:val="top"/>' if fl != 'mo' else '<w:vAlign w:val="center"/>' if bold else '<w:vAlign w:val="top"/>')
        ps = []
        for kind, text in paras:
            if kind == 'bullet':
                ps.append(self.para(text, jc='left', numid=1 if fl == 'gd' else None))
            else:
                ps.append(self.para(text, jc=jc, bold=bold, empty=(text == '')))
        return f'<w:tc><w:tcPr>{"".join(tp)}</w:tcPr>{"".join(ps)}</w:tc>'

    def body(self):
        d = self.doc; out = []
        for kind, text in d['pre']:
            out.append(self.block(kind, text))
        out.append(self.table(d))
        for kind, text in d['post']:
            out.append(self.block(kind, text))
        return ''.join(out)

    def block(self, kind, text):
        if kind == 'empty': return self.para('', empty=True)
        if kind == 'right':
            if self.fl in ('r7', 'oo', 'mo') and self.doc['landscape']:
                return self.para(text, jc='left', ind_left=10200 if self.fl != 'mo' else None) if self.fl != 'mo' else self.para(text, jc='right')
            return self.para(text, jc='right')
        if kind == 'title': return self.para(text, jc='center', bold=True, sz=self.sz + 4 if self.fl == 'mo' else None)
        return self.para(text, jc='left')

    def sectpr(self):
        if self.doc['landscape']: w, h, orient = 16838, 11906, ' w:orient="landscape"'
        else: w, h, orient = 11906, 16838, ''
        if self.fl == 'gd':
            return (f'<w:sectPr><w:pgSz w:h="{h}" w:w="{w}"{orient}/><w:pgMar w:bottom="850.3937007874016" w:top="1133.8582677165355" '
                    'w:left="1133.8582677165355" w:right="850.3937007874016" w:header="720" w:footer="720"/><w:pgNumType w:start="1"/></w:sectPr>')
        return (f'<w:sectPr><w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1134" '
                'w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')

# ---------------------------------------------------------------- package parts
def styles_xml(fl, font, sz):
    if fl == 'gd':
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"/>'
                '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="ru"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
                '<w:spacing w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
                '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="normal"/><w:qFormat/></w:style>'
                '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0.0" w:type="dxa"/>'
                '<w:tblCellMar><w:top w:w="0.0" w:type="dxa"/><w:left w:w="0.0" w:type="dxa"/><w:bottom w:w="0.0" w:type="dxa"/><w:right w:w="0.0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
                '<w:style w:type="table" w:styleId="Table1"><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblStyleColBandSize w:val="1"/>'
                '<w:tblCellMar><w:top w:w="100.0" w:type="dxa"/><w:left w:w="100.0" w:type="dxa"/><w:bottom w:w="100.0" w:type="dxa"/><w:right w:w="100.0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
                '</w:styles>')
    if fl in ('r7', 'oo'):
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
                '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
                '<w:pPrDefault><w:pPr><w:spacing w:after="200" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
                '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
                '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
                '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
                '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
                '</w:styles>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{sz}"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Paragraph"><w:name w:val="Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>'
            '</w:styles>')

def numbering_xml():
    # Google Docs: bullets as a numbering definition with a Symbol-font glyph (U+F0B7)
    lv = ''.join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:lvlJc w:val="left"/>'
                 f'<w:pPr><w:ind w:left="{720*(i+1)}" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:cs="Symbol" w:eastAsia="Symbol" w:hAnsi="Symbol"/>'
                 '<w:u w:val="none"/></w:rPr></w:lvl>' for i in range(9))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="1"><w:nsid w:val="5C8A1D2E"/><w:multiLevelType w:val="hybridMultilevel"/>{lv}</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')

APP = {'r7': 'R7-Office/7.4.1.99', 'oo': 'ONLYOFFICE/7.5.1.23', 'mo': 'MyOffice Standard. Text/2.7.0'}

def write_docx(doc, path):
    fl = doc['flavour']; f = Flav(doc)
    body = f.body() + f.sectpr()
    docxml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>{body}</w:body></w:document>'
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>',
          '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>']
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>',
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>']
    files = {}
    if fl == 'gd':
        ct.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
        rels.append('<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
        files['word/numbering.xml'] = numbering_xml()
        top_rels = '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    else:
        ct += ['<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
               '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
        top_rels = ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>')
        files['docProps/app.xml'] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                                     f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>{APP[fl]}</Application><DocSecurity>0</DocSecurity></Properties>')
        files['docProps/core.xml'] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                                      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                                      '<dc:creator>user</dc:creator><cp:lastModifiedBy>user</cp:lastModifiedBy>'
                                      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-01T07:12:00Z</dcterms:created></cp:coreProperties>')
    ct.append('</Types>')
    files['[Content_Types].xml'] = ''.join(ct)
    files['_rels/.rels'] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{top_rels}</Relationships>'
    files['word/_rels/document.xml.rels'] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + ''.join(rels) + '</Relationships>'
    files['word/document.xml'] = docxml
    files['word/styles.xml'] = styles_xml(fl, *doc['font'])
    files['word/settings.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W_NS}>'
                                  + ('<w:displayBackgroundShape/>' if fl == 'gd' else '<w:zoom w:percent="100"/>')
                                  + '<w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>'
                                  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')
    fonts = {doc['font'][0], 'Symbol'}
    alt = {'XO Thames': '<w:altName w:val="Times New Roman"/><w:family w:val="roman"/>', 'Times New Roman': '<w:family w:val="roman"/>',
           'Arial': '<w:family w:val="swiss"/>', 'Symbol': '<w:charset w:val="02"/><w:family w:val="roman"/>'}
    files['word/fontTable.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {W_NS}>'
                                   + ''.join(f'<w:font w:name="{n}">{alt.get(n, "")}</w:font>' for n in sorted(fonts)) + '</w:fonts>')
    order = ['[Content_Types].xml', '_rels/.rels'] + sorted(k for k in files if k not in ('[Content_Types].xml', '_rels/.rels'))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for k in order:
            zi = zipfile.ZipInfo(k, FIXED_ZIP_DATE); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, files[k].encode('utf-8'))

# ---------------------------------------------------------------- TXT (as copied from the editor), truth, HTML export
def cell_text(v):
    return ' '.join(t for _, t in cell_paras(v))

def write_txt(doc, path):
    lines = []
    for kind, text in doc['pre']:
        lines.append('' if kind == 'empty' else text)
    lines.append('\t'.join(c[1] for c in doc['cols']))
    for kind, v in doc['body']:
        if kind == 'section': lines.append(v); continue
        r = doc['rows'][v]
        lines.append('\t'.join('' if merge_state(doc, k, v) == 'continue' else cell_text(cell_value(doc, r, k)) for k, _, _ in doc['cols']))
    for kind, text in doc['post']:
        lines.append('' if kind == 'empty' else text)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')

def truth(doc):
    ms, ov = [], {}
    for kind, v in doc['body']:
        if kind != 'row': continue
        r = doc['rows'][v]
        idx = len(ms)
        ms.append({'measure': cell_text(r['measure']), 'deadline': cell_text(r['deadline']),
                   'executors': cell_text(r['executors']), 'indicator': cell_text(r['indicator'])})
        for k in ('deadline', 'executors', 'measure', 'indicator'):
            if merge_state(doc, k, v) == 'continue':
                ov.setdefault(str(idx), {})[k] = ''
    t = {'title': ' '.join(doc['title_lines']), 'synthetic': True, 'measures': ms}
    if ov: t['overrides'] = {'txt': ov}
    return t

def write_html(doc, path):
    """Google Docs «Веб-страница (HTML)» export: class-based inline CSS, spans in every paragraph, bullets as <ul class="lst-kix…">."""
    css = ('ol{margin:0;padding:0}table td,table th{padding:0}'
           '.c0{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:"Arial";font-style:normal}'
           '.c1{color:#000000;font-weight:700;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:"Arial";font-style:normal}'
           '.c2{padding-top:0pt;padding-bottom:0pt;line-height:1.0;orphans:2;widows:2;text-align:left}'
           '.c3{padding-top:0pt;padding-bottom:0pt;line-height:1.0;orphans:2;widows:2;text-align:center}'
           '.c4{padding-top:0pt;padding-bottom:0pt;line-height:1.0;orphans:2;widows:2;text-align:right}'
           '.c5{border-right-style:solid;padding:5pt 5pt 5pt 5pt;border-bottom-color:#000000;border-top-width:1pt;border-right-width:1pt;'
           'border-left-color:#000000;vertical-align:top;border-right-color:#000000;border-left-width:1pt;border-top-style:solid;'
           'border-left-style:solid;border-bottom-width:1pt;border-top-color:#000000;border-bottom-style:solid}'
           '.c6{margin-left:-5.4pt;border-spacing:0;border-collapse:collapse;margin-right:auto}'
           '.c7{background-color:#ffffff;max-width:467.7pt;padding:56.7pt 42.5pt 42.5pt 56.7pt}'
           '.c8{padding:0;margin:0}.c9{margin-left:36pt;padding-left:0pt}.c10{height:0pt}.c11{height:11pt}'
           'ul.lst-kix_k2m0c7d4q1x-0{list-style-type:none}.lst-kix_k2m0c7d4q1x-0>li:before{content:"\\0025cf   "}'
           '.title{padding-top:0pt;color:#000000;font-size:26pt;padding-bottom:3pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}'
           'li{color:#000000;font-size:11pt;font-family:"Arial"}p{margin:0;color:#000000;font-size:11pt;font-family:"Arial"}')
    h = [f'<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">{css}</style></head><body class="c7 doc-content">']
    def p(text, cls='c2', span='c0'):
        if text == '': return f'<p class="{cls} c11"><span class="{span}"></span></p>'
        return f'<p class="{cls}"><span class="{span}">{escape(text)}</span></p>'
    for kind, text in doc['pre']:
        h.append(p(text, {'right': 'c4', 'title': 'c3'}.get(kind, 'c2'), 'c1' if kind == 'title' else 'c0'))
    widths = [c[2] / 20 for c in doc['cols']]
    h.append('<table class="c6"><tr class="c10">' + ''.join(f'<td class="c5" colspan="1" rowspan="1" style="width:{w:.1f}pt">{p(c[1], "c3", "c1")}</td>' for c, w in zip(doc['cols'], widths)) + '</tr>')
    for kind, v in doc['body']:
        r = doc['rows'][v]; tds = []
        for (k, _, _), w in zip(doc['cols'], widths):
            ms = merge_state(doc, k, v)
            if ms == 'continue': continue
            rs = next((s for a, s in doc['merges'].get(k, []) if a == v), 1)
            inner, bl = [], []
            for kd, t in cell_paras(cell_value(doc, r, k)):
                if kd == 'bullet': bl.append(f'<li class="c2 c9 li-bullet-0"><span class="c0">{escape(t)}</span></li>'); continue
                if bl: inner.append('<ul class="c8 lst-kix_k2m0c7d4q1x-0 start">' + ''.join(bl) + '</ul>'); bl = []
                inner.append(p(t, 'c3' if k in ('num', 'deadline') else 'c2'))
            if bl: inner.append('<ul class="c8 lst-kix_k2m0c7d4q1x-0 start">' + ''.join(bl) + '</ul>')
            tds.append(f'<td class="c5" colspan="1" rowspan="{rs}" style="width:{w:.1f}pt">{"".join(inner)}</td>')
        h.append('<tr class="c10">' + ''.join(tds) + '</tr>')
    h.append('</table>')
    for kind, text in doc['post']:
        h.append(p(text.replace('\t', ' ')))
    h.append('</body></html>')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(''.join(h))

def main():
    builders = [doc_r1, doc_r2, doc_g1, doc_g2, doc_m1]
    for k, b in enumerate(builders):
        rng = random.Random(1212 + k)
        doc = b(rng)
        n = doc['name']
        write_docx(doc, os.path.join(OUT, n + '.docx'))
        write_txt(doc, os.path.join(OUT, n + '.txt'))
        with open(os.path.join(OUT, n + '.truth.json'), 'w', encoding='utf-8') as f:
            json.dump(truth(doc), f, ensure_ascii=False, indent=2); f.write('\n')
        if n.startswith('g2'):
            os.makedirs(os.path.join(OUT, 'html'), exist_ok=True)
            write_html(doc, os.path.join(OUT, 'html', n + '.html'))
        print(n, len(truth(doc)['measures']))

if __name__ == '__main__':
    main()
