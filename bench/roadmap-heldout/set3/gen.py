# -*- coding: utf-8 -*-
"""Held-out roadmap set 3 generator (all content synthetic).

Writes to docs/:  NAME.html (for Chromium or for LibreOffice Writer import), NAME.txt, NAME.truth.json,
NAME.docx (h1, h2, h4, h5, h6 written directly as WordprocessingML), NAME.model.json (h3: input of gen-xlsx.mjs).
See README.md for the commands that make the PDFs.
"""
import json, os, random, zipfile
from xml.sax.saxutils import escape
from pools import MUNI, SCHOOL, MUNI_EXEC, PEOPLE, SCHOOL_PEOPLE, DEADLINES

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'docs')
os.makedirs(OUT, exist_ok=True)


# ---------------------------------------------------------------- model helpers
# A cell is a list of paragraphs; a paragraph is a str or {'t': str, 'bullet': True} (Word automatic bullet).
def ptext(p):
    return p['t'] if isinstance(p, dict) else p


def ctext(cell):
    return ' '.join(ptext(p) for p in cell) if cell else ''


class Pick:
    def __init__(self, seed, pool):
        self.r = random.Random(seed)
        self.pool = list(pool)
        self.r.shuffle(self.pool)
        self.i = 0

    def __call__(self):
        v = self.pool[self.i % len(self.pool)]
        self.i += 1
        return v


def item(num, measure, deadline, execs, ind, **kw):
    d = dict(kind='item', num=num, measure=measure, deadline=deadline, exec=execs, ind=ind)
    d.update(kw)
    return d


def sec(text):
    return dict(kind='sec', text=text)


def truth_of(doc):
    """measures with merged (rowspan) cells filled in; overrides for TXT (merged text only on its first row)."""
    measures, over = [], {}
    last = {}
    cur = None
    for row in doc['rows']:
        if row['kind'] == 'sec':
            last = {}
            continue
        vals = {}
        txt_empty = {}
        for k, tk in (('measure', 'measure'), ('deadline', 'deadline'), ('exec', 'executors'), ('ind', 'indicator')):
            v = row.get(k)
            if v is None and k in row and k != 'measure':  # covered by a rowspan above
                vals[tk] = last[k]
                txt_empty[tk] = ''
            else:
                vals[tk] = ctext(v) if v else ''
                last[k] = vals[tk]
        if row.get('sub'):
            cur['subItems'].append(dict(number=row['num'], **vals))
            continue
        cur = dict(vals, subItems=[])
        measures.append(cur)
        if txt_empty:
            over[str(len(measures) - 1)] = txt_empty
    for m in measures:
        if not m['subItems']:
            del m['subItems']
    t = dict(title=' '.join(doc['title']), synthetic=True, measures=measures)
    if over:
        t['overrides'] = {'txt': over}
    return t


def spans(doc):
    """rowspan of each (row index, key): count following rows whose value is None for that key."""
    rows = doc['rows']
    res = {}
    for i, r in enumerate(rows):
        if r['kind'] != 'item':
            continue
        for c in doc['cols']:
            k = c[1]
            if r.get(k) is None and k in r:
                continue
            n = 1
            j = i + 1
            while j < len(rows) and rows[j]['kind'] == 'item' and k in rows[j] and rows[j].get(k) is None:
                n += 1
                j += 1
            res[(i, k)] = n
    return res


def cell_of(r, k):
    if k == 'num':
        return [r['num']] if r.get('num') else []
    return r.get(k) or []


# ---------------------------------------------------------------- TXT (as copied from Word into a text editor)
def write_txt(doc, name):
    L = []
    L += doc.get('before', [])
    L += doc['title']
    L += doc.get('after_title', [])
    L.append('\t'.join(c[0] for c in doc['cols']))
    for r in doc['rows']:
        if r['kind'] == 'sec':
            L.append(r['text'])
            continue
        L.append('\t'.join(ctext(cell_of(r, c[1])) for c in doc['cols']))
    L += doc.get('sign', [])
    with open(os.path.join(OUT, name + '.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(L) + '\n')


# ---------------------------------------------------------------- HTML
def html_cell(cell):
    out, ul = [], []
    for p in cell:
        if isinstance(p, dict) and p.get('bullet'):
            ul.append('<li>%s</li>' % escape(p['t']))
            continue
        if ul:
            out.append('<ul>' + ''.join(ul) + '</ul>')
            ul = []
        out.append('<p>%s</p>' % escape(p))
    if ul:
        out.append('<ul>' + ''.join(ul) + '</ul>')
    return ''.join(out)


def write_html(doc, name, css, writer_attrs=False):
    sp = spans(doc)
    H = ['<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>%s</title><style>%s</style></head><body>'
         % (escape(doc['html_title']), css)]
    for p in doc.get('before', []):
        H.append('<p class="right">%s</p>' % escape(p))
    for p in doc['title']:
        H.append('<p class="title"><b>%s</b></p>' % escape(p))
    for p in doc.get('after_title', []):
        H.append('<p>%s</p>' % escape(p))
    attrs = ' border="1" cellspacing="0" cellpadding="4" width="100%"' if writer_attrs else ''
    H.append('<table%s><colgroup>%s</colgroup><thead><tr>%s</tr></thead><tbody>' % (
        attrs,
        ''.join('<col width="%d%%">' % c[2] for c in doc['cols']),
        ''.join('<th%s>%s</th>' % (' width="%d%%"' % c[2] if writer_attrs else '', escape(c[0])) for c in doc['cols'])))
    n = len(doc['cols'])
    for i, r in enumerate(doc['rows']):
        if r['kind'] == 'sec':
            H.append('<tr class="sec"><td colspan="%d"><b>%s</b></td></tr>' % (n, escape(r['text'])))
            continue
        tds = []
        for c in doc['cols']:
            k = c[1]
            if (i, k) not in sp:
                continue
            rs = sp[(i, k)]
            tds.append('<td%s%s>%s</td>' % (' rowspan="%d"' % rs if rs > 1 else '',
                                            ' class="num"' if k == 'num' else '', html_cell(cell_of(r, k))))
        H.append('<tr>%s</tr>' % ''.join(tds))
    H.append('</tbody></table>')
    for p in doc.get('sign', []):
        H.append('<p class="sign">%s</p>' % escape(p))
    H.append('</body></html>')
    with open(os.path.join(OUT, name + '.html'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(H))


# ---------------------------------------------------------------- DOCX (WordprocessingML written directly)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def wrun(text, bold=False, size=None):
    rpr = ('<w:b/>' if bold else '') + ('<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (size, size) if size else '')
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % ('<w:rPr>%s</w:rPr>' % rpr if rpr else '', escape(text))


def wpara(text, jc=None, bold=False, after=0, size=None, bullet=False, ind=None):
    ppr = ''
    if bullet:
        ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    ppr += '<w:spacing w:before="0" w:after="%d"/>' % after
    if ind:
        ppr += ind
    if jc:
        ppr += '<w:jc w:val="%s"/>' % jc
    return '<w:p><w:pPr>%s</w:pPr>%s</w:p>' % (ppr, wrun(text, bold, size) if text else '')


def write_docx(doc, name):
    st = doc['docx']
    sp = spans(doc)
    total = st['text_width']  # twips
    widths = [int(total * c[2] / 100) for c in doc['cols']]
    B = []
    for p in doc.get('before', []):
        B.append(wpara(p, jc='right', ind='<w:ind w:left="%d"/>' % (total // 2)))
    B.append(wpara(''))
    for p in doc['title']:
        B.append(wpara(p, jc='center', bold=True))
    for p in doc.get('after_title', []):
        B.append(wpara(p))
    B.append(wpara(''))
    bsz = st.get('border', 4)
    borders = ''.join('<w:%s w:val="single" w:sz="%d" w:space="0" w:color="000000"/>' % (e, bsz)
                      for e in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    T = ['<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>%s</w:tblBorders><w:tblLayout w:type="fixed"/>'
         '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
         '<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>%s</w:tblGrid>'
         % (sum(widths), borders, ''.join('<w:gridCol w:w="%d"/>' % w for w in widths))]
    hdr_rows = [[c[0] for c in doc['cols']]]
    if st.get('colnum_row'):
        hdr_rows.append([str(i + 1) for i in range(len(doc['cols']))])
    for hr in hdr_rows:
        T.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>%s</w:tr>' % ''.join(
            '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="%s"/><w:vAlign w:val="center"/></w:tcPr>%s</w:tc>'
            % (w, st.get('head_fill', 'FFFFFF'), wpara(t, jc='center', bold=True)) for w, t in zip(widths, hr)))
    n = len(doc['cols'])
    for i, r in enumerate(doc['rows']):
        if r['kind'] == 'sec':
            T.append('<w:tr><w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="%d"/></w:tcPr>%s</w:tc></w:tr>'
                     % (sum(widths), n, wpara(r['text'], jc=st.get('sec_jc', 'center'), bold=True)))
            continue
        tcs = []
        for w, c in zip(widths, doc['cols']):
            k = c[1]
            if (i, k) in sp:
                vm = '<w:vMerge w:val="restart"/>' if sp[(i, k)] > 1 else ''
                paras = ''.join(wpara(ptext(p), bullet=isinstance(p, dict) and p.get('bullet'),
                                      jc='center' if k in ('num', 'deadline') and st.get('center_deadline', True) else None,
                                      after=st.get('para_after', 0))
                                for p in cell_of(r, k)) or wpara('')
            else:
                vm = '<w:vMerge/>'
                paras = wpara('')
            tcs.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s</w:tcPr>%s</w:tc>' % (w, vm, paras))
        T.append('<w:tr>%s</w:tr>' % ''.join(tcs))
    T.append('</w:tbl>')
    B.append(''.join(T))
    B.append(wpara(''))
    for p in doc.get('sign', []):
        B.append(wpara(p, after=120))
    pw, ph = st['page']
    m = st['margins']
    sect = ('<w:sectPr><w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" '
            'w:header="425" w:footer="425" w:gutter="0"/></w:sectPr>'
            % (pw, ph, ' w:orient="landscape"' if pw > ph else '', m[0], m[1], m[2], m[3]))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s%s</w:body></w:document>'
                % (W, ''.join(B), sect))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles %s><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}" w:eastAsia="{f}"/><w:sz w:val="{s}"/><w:szCs w:val="{s}"/>'
              '<w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
              '</w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
              '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
              '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>' % W
              ).replace('{f}', st['font']).replace('{s}', str(st['size'] * 2))
    numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering %s><w:abstractNum w:abstractNumId="0">'
                 '<w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
                 '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="227" w:hanging="227"/></w:pPr>'
                 '<w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif"/></w:rPr></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % W)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
             '</Relationships>')
    with zipfile.ZipFile(os.path.join(OUT, name + '.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('word/document.xml', document)
        z.writestr('word/styles.xml', styles)
        z.writestr('word/numbering.xml', numbering)
        z.writestr('word/_rels/document.xml.rels', drels)


A4P = (11906, 16838)
A4L = (16838, 11906)

# ---------------------------------------------------------------- the documents
DOCS = []


def P(position, name):  # «Ответственный исполнитель»: position and name on two lines (two paragraphs)
    return [position, name]


# h1 — Chromium, portrait, Arial 10, CSS borders, municipal
def h1():
    mp = Pick(101, MUNI)
    dl = Pick(102, DEADLINES)
    ex = Pick(103, MUNI_EXEC)
    secs = ['1. Организационно-управленческие мероприятия', '2. Аналитическая и диагностическая деятельность',
            '3. Методическое сопровождение и повышение квалификации', '4. Работа с участниками образовательных отношений']
    counts = [7, 6, 7, 6]
    rows = []
    for s, (title, cnt) in enumerate(zip(secs, counts), 1):
        rows.append(sec(title))
        for j in range(1, cnt + 1):
            m, ind = mp()
            rows.append(item('%d.%d' % (s, j), [m], [dl()], [ex()], [ind]))
    # section 2: «Сроки» merged over items 2.2–2.4; section 3: «Ответственные» merged over 3.5–3.6
    def find(num):
        return next(r for r in rows if r.get('num') == num)
    find('2.2')['deadline'] = ['сентябрь – октябрь 2026 г.']
    find('2.3')['deadline'] = None
    find('2.4')['deadline'] = None
    find('3.5')['exec'] = ['МКУ «Информационно-методический центр», руководители ШНОР']
    find('3.6')['exec'] = None
    # one cell with two paragraphs in the result column
    find('1.3')['ind'] = ['Перечень школ утверждён приказом.', 'Сформированы рисковые профили школ']
    return dict(
        name='h1-verkhnekamsk-chromium', html_title='Дорожная карта ШНОР 2026-2027',
        before=['Приложение № 2 к приказу Управления образования администрации Верхнекамского муниципального округа от 14.09.2026 № 312-од'],
        title=['ДОРОЖНАЯ КАРТА', 'по организации адресной методической помощи общеобразовательным организациям с низкими образовательными результатами',
               'Верхнекамского муниципального округа на 2026-2027 учебный год'],
        cols=[('№ п/п', 'num', 6), ('Мероприятие', 'measure', 38), ('Сроки', 'deadline', 14), ('Ответственные', 'exec', 18),
              ('Ожидаемый результат', 'ind', 24)],
        rows=rows,
        sign=['Начальник Управления образования ________________ О.В. Зорина',
              'Исполнитель: Ведерникова Т.А., тел. 8 (34275) 2-41-07'],
        docx=dict(page=A4P, margins=(1134, 567, 1134, 1418), text_width=9921, font='Arial', size=10, head_fill='D9D9D9'),
    )


# h2 — Chromium, landscape, Times New Roman 11, browser header/footer kept, school level
def h2():
    mp = Pick(201, SCHOOL)
    dl = Pick(202, DEADLINES)
    pp = Pick(203, SCHOOL_PEOPLE)
    secs = ['I. Управленческие меры', 'II. Работа с педагогическими кадрами', 'III. Работа с обучающимися',
            'IV. Работа с родителями (законными представителями)']
    counts = [6, 7, 7, 4]
    rows = []
    k = 0
    for title, cnt in zip(secs, counts):
        rows.append(sec(title))
        for _ in range(cnt):
            k += 1
            m, ind = mp()
            pos, nm = pp()
            rows.append(item('%d.' % k, [m], [dl()], P(pos, nm), [ind], done=[]))
    its = [r for r in rows if r['kind'] == 'item']
    # multi-paragraph measure cells with a typed dash list
    its[1]['measure'] = ['Проведение заседаний методического совета по темам:',
                         '– «Анализ результатов оценочных процедур 2025-2026 учебного года»;',
                         '– «Единые требования к оцениванию письменных работ»;',
                         '– «Итоги реализации антирисковой программы за полугодие».']
    its[9]['measure'] = ['Организация взаимопосещения уроков в рамках методических недель:',
                         '– учителя начальных классов;', '– учителя русского языка и литературы;',
                         '– учителя математики и информатики.']
    its[16]['ind'] = ['Доля обучающихся, получивших по итогам года отметку «2», не более 1 %.',
                      'Отсутствие обучающихся, оставленных на повторное обучение']
    # «Срок исполнения» merged (rowspan) over items 11–13 and 21–22
    its[10]['deadline'] = ['в течение 2026-2027 уч. года']
    its[11]['deadline'] = None
    its[12]['deadline'] = None
    its[20]['deadline'] = ['сентябрь – октябрь 2026 г.']
    its[21]['deadline'] = None
    return dict(
        name='h2-licey4-severodolsk-chromium', html_title='План мероприятий - Лицей 4',
        before=['УТВЕРЖДАЮ', 'Директор МАОУ «Лицей № 4»', '________________ С.Н. Ермолаева', 'Приказ от 02.09.2026 № 147-о'],
        title=['План мероприятий («дорожная карта»)',
               'по реализации антирисковой программы «Повышение учебной мотивации обучающихся»',
               'МАОУ «Лицей № 4» г. Северодольска на 2026-2027 учебный год'],
        cols=[('№', 'num', 5), ('Содержание мероприятия', 'measure', 36), ('Срок исполнения', 'deadline', 13),
              ('Ответственный исполнитель', 'exec', 17), ('Планируемый результат', 'ind', 21), ('Отметка о выполнении', 'done', 8)],
        rows=rows,
        sign=['Заместитель директора по УВР ________________ А.Р. Хабибуллина'],
        docx=dict(page=A4L, margins=(851, 851, 851, 851), text_width=15136, font='Times New Roman', size=11),
    )


# h3 — spreadsheet (XLSX by exceljs → PDF by LibreOffice Calc), DOCX = same table in Writer (HTML import)
def h3():
    mp = Pick(301, MUNI)
    dl = Pick(302, DEADLINES)
    ex = Pick(303, MUNI_EXEC)
    secs = ['Раздел 1. Нормативно-правовое и организационное обеспечение', 'Раздел 2. Оценка и мониторинг',
            'Раздел 3. Кадровое и методическое обеспечение', 'Раздел 4. Поддержка обучающихся и семей']
    counts = [6, 6, 7, 5]
    rows = []
    k = 0
    for title, cnt in zip(secs, counts):
        rows.append(sec(title))
        for _ in range(cnt):
            k += 1
            m, ind = mp()
            rows.append(item(str(k), [m], [dl()], [ex()], [ind]))
    its = [r for r in rows if r['kind'] == 'item']
    its[7]['deadline'] = ['ежеквартально']
    its[8]['deadline'] = None
    its[9]['deadline'] = None
    its[2]['deadline'] = ['25.12.2026']  # a real date cell in the spreadsheet
    its[2]['date_cell'] = True
    its[15]['exec'] = ['Управление образования,', 'МКУ «ИМЦ»,', 'руководители ОО']  # line breaks inside a cell
    return dict(
        name='h3-sosnovoborsk-xlsx', html_title='Дорожная карта ШНСУ Сосновоборский район',
        before=['Утверждена приказом отдела образования администрации Сосновоборского района от 21.09.2026 № 205'],
        title=['Дорожная карта',
               'реализации муниципальной программы поддержки школ, функционирующих в неблагоприятных социальных условиях,',
               'Сосновоборского района на 2026-2027 учебный год'],
        cols=[('№ п/п', 'num', 5), ('Наименование мероприятия', 'measure', 37), ('Срок реализации', 'deadline', 13),
              ('Ответственный', 'exec', 19), ('Ожидаемый результат (показатель)', 'ind', 26)],
        rows=rows,
        sign=['Начальник отдела образования ________________ Р.М. Галиуллин'],
    )


# h4 — DOCX landscape A4, narrow margins, Arial 9, column-number row, «Форма отчётности», sub-items
def h4():
    mp = Pick(401, MUNI)
    dl = Pick(402, DEADLINES)
    ex = Pick(403, MUNI_EXEC)
    forms = Pick(404, ['Приказ', 'Протокол', 'Справка', 'Отчёт', 'Аналитическая справка', 'Информация на сайте',
                       'Протокол, список участников', 'Мониторинговая таблица'])
    secs = ['1. Организационно-управленческие мероприятия', '2. Информационно-аналитическое обеспечение',
            '3. Научно-методическое сопровождение', '4. Кадровое обеспечение',
            '5. Работа с обучающимися и родителями']
    counts = [6, 6, 6, 5, 5]
    rows = []
    for s, (title, cnt) in enumerate(zip(secs, counts), 1):
        rows.append(sec(title))
        for j in range(1, cnt + 1):
            m, ind = mp()
            rows.append(item('%d.%d.' % (s, j), [m], [dl()], [ex()], [ind], form=[forms()]))
            if (s, j) == (2, 3):
                rows.append(item('2.3.1.', ['по математике (5-8 классы)'], ['октябрь 2026 г.'], ['ИМЦ'],
                                 ['Справка по математике'], form=['Справка'], sub=True))
                rows.append(item('2.3.2.', ['по русскому языку (5-8 классы)'], ['ноябрь 2026 г.'], ['ИМЦ'],
                                 ['Справка по русскому языку'], form=['Справка'], sub=True))
    its = [r for r in rows if r['kind'] == 'item' and not r.get('sub')]
    its[13]['deadline'] = ['по графику']
    its[14]['deadline'] = None
    its[15]['deadline'] = None
    its[20]['exec'] = ['Отдел общего образования, руководители ОО']
    its[21]['exec'] = None
    its[8]['measure'] = ['Подготовка адресных аналитических справок по результатам ВПР для каждой ШНОР:']
    its[8]['ind'] = ['Справки направлены руководителям ШНОР, учтены при корректировке рабочих программ']
    its[10]['measure'] = ['Анализ результатов ВПР в ШНОР в сравнении со средними значениями по округу и региону с выделением '
                         'предметов, по которым доля отметок «2» превышает 15 %, и подготовка адресных рекомендаций '
                         'руководителям и учителям-предметникам по коррекции рабочих программ и планированию повторения']
    return dict(
        name='h4-zarechny-landscape9', html_title='ПЛАН МЕРОПРИЯТИЙ',
        before=['Приложение к постановлению администрации Зареченского городского округа от «28» сентября 2026 г. № 1184-па'],
        title=['ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА»)',
               'по повышению качества образования в общеобразовательных организациях,',
               'показавших низкие образовательные результаты,',
               'Зареченского городского округа на 2026-2027 учебный год'],
        cols=[('№ п/п', 'num', 5), ('Мероприятие', 'measure', 33), ('Сроки', 'deadline', 12), ('Ответственные', 'exec', 16),
              ('Ожидаемый результат', 'ind', 22), ('Форма отчётности', 'form', 12)],
        rows=rows,
        sign=['Заместитель главы администрации Зареченского городского округа по социальным вопросам ________________ П.А. Малахов'],
        docx=dict(page=A4L, margins=(720, 720, 720, 720), text_width=15398, font='Arial', size=9, colnum_row=True,
                  head_fill='F2F2F2', sec_jc='left'),
    )


# h5 — DOCX portrait, Times New Roman 12, wide measure column, multi-paragraph cells, two-line executors
def h5():
    mp = Pick(501, MUNI)
    dl = Pick(502, DEADLINES)
    pp = Pick(503, PEOPLE)
    secs = ['Организационно-управленческие мероприятия', 'Диагностика и мониторинг образовательных результатов',
            'Повышение профессиональной компетентности педагогов', 'Взаимодействие с семьями и социальными партнёрами']
    counts = [6, 6, 7, 5]
    rows = []
    k = 0
    for title, cnt in zip(secs, counts):
        rows.append(sec(title))
        for _ in range(cnt):
            k += 1
            m, ind = mp()
            pos, nm = pp()
            rows.append(item('%d.' % k, [m], [dl()], P(pos, nm), [ind]))
    its = [r for r in rows if r['kind'] == 'item']
    its[2]['measure'] = ['Проведение совещаний с руководителями ШНОР:',
                         '- по итогам верификации рисковых профилей;',
                         '- по согласованию программ антирисковых мер;',
                         '- по итогам первого полугодия.']
    its[9]['measure'] = ['Организация муниципальных диагностических работ.',
                         'Проверка работ проводится муниципальной предметной комиссией в течение трёх рабочих дней, результаты доводятся до школ в форме адресных справок.']
    its[15]['measure'] = ['Проведение обучающих семинаров для учителей ШНОР:',
                          '- «Работа с текстом на уроках естественнонаучного цикла»;',
                          '- «Организация групповой работы в разновозрастном классе»;',
                          '- «Объективность оценивания письменных работ».']
    its[15]['ind'] = ['Проведено 3 семинара.', 'Охват учителей ШНОР не менее 90 %']
    its[4]['deadline'] = ['ежеквартально']
    its[5]['deadline'] = None
    its[16]['deadline'] = ['в течение 2026-2027 уч. года']
    its[17]['deadline'] = None
    its[18]['deadline'] = None
    its[21]['exec'] = ['Начальник Управления образования', 'Зорина О.В.', 'Директор МКУ «ИМЦ»', 'Пташкина Л.Ю.']
    return dict(
        name='h5-ozyorsky-tnr12', html_title='Дорожная карта Озёрский район',
        before=['УТВЕРЖДЕНА', 'приказом Управления образования администрации Озёрского муниципального района',
                'от 05.10.2026 № 402'],
        title=['Дорожная карта', 'по реализации мероприятий, направленных на повышение качества образования',
               'в школах с низкими образовательными результатами', 'Озёрского муниципального района',
               'на 2026-2027 учебный год'],
        cols=[('№', 'num', 5), ('Мероприятие', 'measure', 43), ('Срок', 'deadline', 14),
              ('Ответственный исполнитель', 'exec', 20), ('Показатель', 'ind', 18)],
        rows=rows,
        sign=['Начальник Управления образования администрации Озёрского муниципального района ____________ О.В. Зорина',
              'Исп. Шестакова Н.Е.', 'тел. 8 (48535) 3-17-92'],
        docx=dict(page=A4P, margins=(1134, 850, 1134, 1701), text_width=9355, font='Times New Roman', size=12),
    )


# h6 — DOCX portrait, Times New Roman 11, no «№» column (items not numbered), auto-bullets in result cells
def h6():
    mp = Pick(601, SCHOOL)
    dl = Pick(602, DEADLINES)
    pp = Pick(603, SCHOOL_PEOPLE)
    secs = ['Направление 1. Повышение предметной и методической компетентности педагогов',
            'Направление 2. Снижение доли обучающихся с рисками учебной неуспешности',
            'Направление 3. Повышение учебной мотивации и вовлечённости родителей']
    counts = [8, 9, 7]
    rows = []
    for title, cnt in zip(secs, counts):
        rows.append(sec(title))
        for _ in range(cnt):
            m, ind = mp()
            pos, nm = pp()
            rows.append(item(None, [m], [dl()], ['%s %s' % (pos, nm)], [ind]))
    its = [r for r in rows if r['kind'] == 'item']
    its[3]['ind'] = [{'t': 'план-график курсовой подготовки;', 'bullet': True},
                     {'t': 'удостоверения о повышении квалификации', 'bullet': True}]
    its[11]['ind'] = [{'t': 'индивидуальные маршруты;', 'bullet': True}, {'t': 'журнал консультаций;', 'bullet': True},
                      {'t': 'динамика текущих отметок', 'bullet': True}]
    its[19]['ind'] = [{'t': 'протоколы собраний;', 'bullet': True}, {'t': 'листы регистрации родителей', 'bullet': True}]
    its[5]['exec'] = ['Заместитель директора по УВР Хабибуллина А.Р., руководители МО']
    its[6]['exec'] = None
    its[7]['exec'] = None
    its[14]['deadline'] = ['1 раз в четверть']
    its[15]['deadline'] = None
    return dict(
        name='h6-belorechenskaya-nonum', html_title='Дорожная карта Белореченская ООШ',
        before=['Приложение № 1', 'к приказу МБОУ «Белореченская ООШ»', 'от 31.08.2026 № 88'],
        title=['Дорожная карта', 'реализации программы антирисковых мер',
               'МБОУ «Белореченская основная общеобразовательная школа» Каменногорского района',
               'на 2026-2027 учебный год'],
        cols=[('Мероприятие', 'measure', 40), ('Сроки', 'deadline', 15), ('Ответственные', 'exec', 20),
              ('Ожидаемый результат', 'ind', 25)],
        rows=rows,
        sign=['Директор школы ________________ В.В. Лаптева'],
        docx=dict(page=A4P, margins=(1134, 850, 1134, 1418), text_width=9638, font='Times New Roman', size=11,
                  head_fill='E7E6E6', center_deadline=False),
    )


CSS_H1 = """
@page { size: A4 portrait; margin: 15mm 12mm 15mm 20mm; }
body { font-family: Arial, sans-serif; font-size: 10pt; }
p { margin: 0; }
p.right { margin-left: 50%; text-align: left; }
p.title { text-align: center; margin-top: 2pt; }
p.title:first-of-type { margin-top: 12pt; }
table { width: 100%; border-collapse: collapse; margin-top: 10pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
th { background: #d9d9d9; font-weight: bold; text-align: center; vertical-align: middle; }
td.num { text-align: center; }
tr.sec td { text-align: center; background: #f2f2f2; }
p.sign { margin-top: 14pt; }
"""
CSS_H2 = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: 'Times New Roman', serif; font-size: 11pt; }
p { margin: 0; }
p.right { margin-left: 65%; }
p.title { text-align: center; }
table { width: 100%; border-collapse: collapse; margin-top: 8pt; }
th, td { border: 0.5pt solid #333; padding: 3pt 5pt; vertical-align: top; }
th { font-weight: bold; text-align: center; }
tr.sec td { font-style: italic; }
ul { margin: 0; padding-left: 14pt; }
p.sign { margin-top: 16pt; }
"""
CSS_H3 = """
p { margin: 0; }
"""


def main():
    for mk in (h1, h2, h3, h4, h5, h6):
        d = mk()
        name = d['name']
        t = truth_of(d)
        with open(os.path.join(OUT, name + '.truth.json'), 'w', encoding='utf-8') as f:
            json.dump(t, f, ensure_ascii=False, indent=1)
        write_txt(d, name)
        if name.startswith('h1'):
            write_html(d, name, CSS_H1)
        elif name.startswith('h2'):
            write_html(d, name, CSS_H2)
        elif name.startswith('h3'):
            write_html(d, name, CSS_H3, writer_attrs=True)
            with open(os.path.join(OUT, name + '.model.json'), 'w', encoding='utf-8') as f:
                json.dump(d, f, ensure_ascii=False, indent=1)
        if 'docx' in d:
            write_docx(d, name)
        print(name, len(t['measures']), 'measures', sum(len(m.get('subItems', [])) for m in t['measures']), 'sub')


if __name__ == '__main__':
    main()
