#!/usr/bin/env python3
"""Set 11 generator (ALL CONTENT SYNTHETIC). Builds a row model per document and writes
docs/NAME.txt, docs/NAME.truth.json and the source of the DOCX/PDF:
  u1, u4: docs/NAME.html (LibreOffice HTML import -> ODT -> DOCX -> PDF)
  u2, u5: docs/NAME.html (LibreOffice -> DOCX) and docs/NAME.print.html (Chromium print -> PDF)
  u3:     docs/NAME.docx written directly as WordprocessingML (ooxml.py)
Seed 1111."""
import html
import json
import os
import random
import re

import pools
from ooxml import write_docx

R = random.Random(1111)
HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')
os.makedirs(DOCS, exist_ok=True)

NBSP = '\u00a0'


def plain(p):
    """Cell paragraph as text: bold markers ** removed, footnote marker [[fn:...]] removed."""
    p = re.sub(r'\[\[fn:[^\]]*\]\]', '', p)
    return p.replace('**', '')


def join(paras):
    return ' '.join(plain(p) for p in paras)


def take(pool, n):
    items = pool[:]
    R.shuffle(items)
    return items[:n]


def bold_pool(n):
    out = []
    for lead, rest, ind in take(pools.BOLD_LEAD, n):
        out.append(([f'**{lead}**{rest}'], ind))
    return out


def mk(num, pair, deadline, execs, form=None):
    paras, ind = pair
    return {'num': num, 'm': list(paras), 'd': deadline, 'e': execs if isinstance(execs, list) else [execs],
            'i': list(ind), 'f': form}


def truth_of(doc):
    ms = []
    for r in doc['rows']:
        if r.get('kind') != 'm':
            continue
        ms.append({'measure': join(r['m']), 'deadline': join([r['d']]), 'executors': join(r['e']),
                   'indicator': join(r['i'])})
    t = {'title': doc['title'], 'synthetic': True, 'measures': ms}
    if doc.get('overrides'):
        t['overrides'] = doc['overrides']
    return t


def esc(s):
    return html.escape(s, quote=False)


def html_para(p, fn_html=None):
    s = esc(p)
    s = re.sub(r'\*\*(.+?)\*\*', r'<b>\1</b>', s)
    return s


def cell_html(paras, tag='td', attrs=''):
    if len(paras) == 1:
        inner = html_para(paras[0])
    else:
        inner = ''.join(f'<p>{html_para(p)}</p>' for p in paras)
    return f'<{tag}{attrs}>{inner}</{tag}>'


# ---------------------------------------------------------------- TXT (as copied from Word)
def txt_cell(paras):
    return ' '.join(p.replace('**', '') for p in paras)


def write(name, ext, text):
    with open(os.path.join(DOCS, f'{name}.{ext}'), 'w', encoding='utf-8') as f:
        f.write(text)


def deadlines_for(n):
    return [R.choice(pools.DEADLINES) for _ in range(n)]


# ================================================================ u1
def build_u1():
    name = 'u1-sevrechensk-two-row-header'
    pairs = take(pools.MUNI, 21) + take(pools.LETTERED, 3) + take(pools.TWO_PARA, 2)
    # put the multi-paragraph measures in spread positions
    base, extra = pairs[:21], pairs[21:]
    for k, e in enumerate(extra):
        base.insert(3 + k * 4, e)
    pairs = base
    plan = [
        ('Организационно-управленческое обеспечение', [('Нормативное обеспечение', 3), ('Координация работы', 4)]),
        ('Методическое сопровождение', [('Повышение квалификации педагогов', 4), ('Профессиональные сообщества', 3),
                                        ('Работа с обучающимися', 3)]),
        ('Мониторинг и оценка результатов', [('Мониторинг образовательных результатов', 5), ('Отчётность', 4)]),
    ]
    rows = []
    k = 0
    for si, (sec, groups) in enumerate(plan, 1):
        rows.append({'kind': 'sec', 'text': f'{si}. {sec}'})
        for gi, (grp, n) in enumerate(groups, 1):
            rows.append({'kind': 'grp', 'num': f'{si}.{gi}.', 'text': grp})
            for mi in range(1, n + 1):
                r = mk(f'{si}.{gi}.{mi}.', pairs[k], R.choice(pools.DEADLINES), R.choice(pools.MUNI_EXEC))
                r['kind'] = 'm'
                rows.append(r)
                k += 1
    assert k == 26
    approve = ['Утверждено', 'постановлением администрации', 'Северореченского муниципального округа',
               'от 21.09.2026 № 1207-па']
    title_lines = ['ДОРОЖНАЯ КАРТА',
                   'по повышению качества образования в общеобразовательных организациях',
                   'Северореченского муниципального округа, показывающих низкие образовательные результаты,',
                   'на 2026/2027 учебный год']
    doc = {'name': name, 'rows': rows, 'title': ' '.join(title_lines)}
    # HTML for LibreOffice
    h = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Дорожная карта</title><style>',
         'body{font-family:"Times New Roman";font-size:12pt} td,th{font-family:"Times New Roman";font-size:12pt;vertical-align:top}',
         'p{margin:0}</style></head><body>']
    for a in approve:
        h.append(f'<p style="margin-left:10cm">{esc(a)}</p>')
    h.append('<p>&nbsp;</p>')
    for i, t in enumerate(title_lines):
        h.append(f'<p align="center"><b>{esc(t)}</b></p>')
    h.append('<p>&nbsp;</p>')
    h.append('<table border="1" cellspacing="0" cellpadding="5" width="100%">')
    h.append('<col width="9%"><col width="40%"><col width="21%"><col width="13%"><col width="17%">')
    h.append('<thead><tr><th rowspan="2">№ п/п</th><th rowspan="2">Мероприятие</th><th rowspan="2">Показатель (индикатор)</th>'
             '<th colspan="2">Организация исполнения</th></tr><tr><th>Сроки</th><th>Ответственные</th></tr></thead><tbody>')
    for r in rows:
        if r['kind'] == 'sec':
            h.append(f'<tr><td colspan="5"><b>{esc(r["text"])}</b></td></tr>')
        elif r['kind'] == 'grp':
            h.append(f'<tr><td><b><i>{esc(r["num"])}</i></b></td><td><b><i>{esc(r["text"])}</i></b></td><td></td><td></td><td></td></tr>')
        else:
            h.append('<tr>' + cell_html([r['num']]) + cell_html(r['m']) + cell_html(r['i']) + cell_html([r['d']])
                     + cell_html(r['e']) + '</tr>')
    h.append('</tbody></table><p>&nbsp;</p>')
    # signature spaced out with non-breaking spaces (as typed in the Word original)
    sign = f'Начальник Управления образования{NBSP * 60}И.{NBSP}Г.{NBSP}Тарасевич'
    h.append(f'<p>{esc(sign)}</p></body></html>')
    write(name, 'html', '\n'.join(h))
    # TXT
    t = approve + [''] + title_lines + ['']
    t.append('№ п/п\tМероприятие\tПоказатель (индикатор)\tОрганизация исполнения')
    t.append('\t\t\tСроки\tОтветственные')
    for r in rows:
        if r['kind'] == 'sec':
            t.append(r['text'])
        elif r['kind'] == 'grp':
            t.append(f'{r["num"]}\t{r["text"]}\t\t\t')
        else:
            t.append('\t'.join([r['num'], txt_cell(r['m']), txt_cell(r['i']), r['d'], txt_cell(r['e'])]))
    t += ['', sign, '']
    write(name, 'txt', '\n'.join(t))
    return doc


# ================================================================ u2
def build_u2():
    name = 'u2-kamyshlovka-project-watermark'
    pairs = take(pools.MUNI, 17) + take(pools.DASHED, 4) + take(pools.TWO_PARA, 2) + take(pools.LETTERED, 2)
    R.shuffle(pairs)
    secs = [('Раздел 1. Аналитическая и диагностическая деятельность', 6),
            ('Раздел 2. Работа с педагогическими кадрами', 7),
            ('Раздел 3. Работа с обучающимися и родителями', 7),
            ('Раздел 4. Контроль и подведение итогов', 5)]
    rows = []
    k = 0
    for sec, n in secs:
        rows.append({'kind': 'sec', 'text': sec})
        for mi in range(1, n + 1):
            ex = R.choice(pools.MUNI_EXEC)
            r = mk(f'{mi}.', pairs[k], R.choice(pools.DEADLINES), ex, R.choice(pools.FORMS))
            r['kind'] = 'm'
            rows.append(r)
            k += 1
    assert k == 25
    title_lines = ['План мероприятий («дорожная карта»)',
                   'по поддержке школ с низкими результатами обучения и школ, функционирующих',
                   'в неблагоприятных социальных условиях, в Камышловском районе на 2026–2027 годы']
    head = ['Приложение 1', 'к приказу Отдела образования', 'администрации Камышловского района',
            'от «__» __________ 2026 г. № ____']
    doc = {'name': name, 'rows': rows, 'title': ' '.join(title_lines)}
    cols = ['№', 'Наименование мероприятия', 'Ответственный', 'Срок', 'Планируемый результат / продукт',
            'Форма представления результата']

    def body(print_mode):
        h = []
        for r in rows:
            if r['kind'] == 'sec':
                h.append(f'<tr class="sec"><td colspan="6"><b>{esc(r["text"])}</b></td></tr>')
            else:
                h.append('<tr>' + cell_html([r['num']]) + cell_html(r['m']) + cell_html(r['e']) + cell_html([r['d']])
                         + cell_html(r['i']) + cell_html([r['f']]) + '</tr>')
        return '\n'.join(h)

    thead = '<thead><tr>' + ''.join(f'<th>{esc(c)}</th>' for c in cols) + '</tr></thead>'
    # LibreOffice source (DOCX): «ПРОЕКТ» as a paragraph at the top right, no watermark
    h = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>План мероприятий</title><style>',
         'body,td,th{font-family:"DejaVu Sans";font-size:9pt} td,th{vertical-align:top} p{margin:0}</style></head><body>',
         '<p align="right"><b>ПРОЕКТ</b></p>']
    h += [f'<p align="right">{esc(x)}</p>' for x in head] + ['<p>&nbsp;</p>']
    h += [f'<p align="center"><b>{esc(x)}</b></p>' for x in title_lines] + ['<p>&nbsp;</p>']
    h.append('<table border="1" cellspacing="0" cellpadding="4" width="100%"><col width="5%"><col width="34%">'
             '<col width="16%"><col width="12%"><col width="21%"><col width="12%">' + thead + '<tbody>')
    h.append(body(False))
    h.append('</tbody></table><p>&nbsp;</p><p>Исполнитель: Шубникова Алла Викторовна, ведущий специалист, тел. 8 (34397) 2-18-64</p></body></html>')
    write(name, 'html', '\n'.join(h))
    # Chromium print copy: diagonal «ПРОЕКТ» watermark on every page (position:fixed)
    p = ['<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>План мероприятий</title><style>',
         '@page{size:A4;margin:14mm 12mm 16mm 18mm}',
         'body{font-family:"DejaVu Sans";font-size:9pt;margin:0}',
         '.wm{position:fixed;top:42%;left:0;width:100%;text-align:center;font-size:110pt;color:rgba(150,150,150,.28);'
         'transform:rotate(-45deg);z-index:-1;font-weight:bold;letter-spacing:8pt}',
         'table{border-collapse:collapse;width:100%} tr,td{break-inside:auto} td{orphans:1;widows:1} td,th{border:0.75pt solid #000;padding:3pt 4pt;vertical-align:top}',
         'th{background:#e8e8e8;font-weight:bold} td p{margin:0} .r{text-align:right;margin:0} .c{text-align:center;margin:0;font-weight:bold}',
         '.sec td{background:#f4f4f4}</style></head><body><div class="wm">ПРОЕКТ</div>']
    p += [f'<p class="r">{esc(x)}</p>' for x in head] + ['<br>']
    p += [f'<p class="c">{esc(x)}</p>' for x in title_lines] + ['<br>']
    p.append('<table><colgroup><col style="width:5%"><col style="width:34%"><col style="width:16%"><col style="width:12%">'
             '<col style="width:21%"><col style="width:12%"></colgroup>' + thead + '<tbody>')
    p.append(body(True))
    p.append('</tbody></table><br><p>Исполнитель: Шубникова Алла Викторовна, ведущий специалист, тел. 8 (34397) 2-18-64</p></body></html>')
    write(name, 'print.html', '\n'.join(p))
    t = ['ПРОЕКТ'] + head + [''] + title_lines + [''] + ['\t'.join(cols)]
    for r in rows:
        if r['kind'] == 'sec':
            t.append(r['text'])
        else:
            t.append('\t'.join([r['num'], txt_cell(r['m']), txt_cell(r['e']), r['d'], txt_cell(r['i']), r['f']]))
    t += ['', 'Исполнитель: Шубникова Алла Викторовна, ведущий специалист, тел. 8 (34397) 2-18-64', '']
    write(name, 'txt', '\n'.join(t))
    return doc


# ================================================================ u3 (hand-written WordprocessingML)
def build_u3():
    name = 'u3-lipovets-word-footnote-total'
    pairs = take(pools.MUNI, 17) + bold_pool(5) + take(pools.DASHED, 2)
    R.shuffle(pairs)
    # footnote marker in one measure
    secs = [('1. Организационные мероприятия', 7), ('2. Кадровое и методическое обеспечение', 9),
            ('3. Контроль и оценка результатов', 8)]
    rows = []
    k = 0
    n = 0
    for sec, cnt in secs:
        rows.append({'kind': 'sec', 'text': sec})
        for _ in range(cnt):
            n += 1
            r = mk(f'{n}.', pairs[k], R.choice(pools.DEADLINES), R.choice(pools.MUNI_EXEC))
            r['kind'] = 'm'
            rows.append(r)
            k += 1
    assert n == 24
    # the footnote: on measure 5
    fn_text = ('Перечень школ с низкими образовательными результатами определяется ежегодно по данным '
               'ФИОКО и регионального мониторинга (синтетический пример).')
    # the footnote: after the first «ШНОР» of the first plain measure that names ШНОР
    mrows = [r for r in rows if r['kind'] == 'm']
    target = next(r for r in mrows if 'ШНОР' in r['m'][0] and '**' not in r['m'][0])
    target['m'] = [target['m'][0].replace('ШНОР', 'ШНОР[[fn:1]]', 1)] + target['m'][1:]
    caption_rest = ('План мероприятий («дорожная карта») по повышению качества образования в общеобразовательных '
                    'организациях Липовецкого муниципального района, показывающих низкие образовательные результаты, '
                    'на 2026/2027 учебный год')
    approve = ['УТВЕРЖДЕНО', 'постановлением администрации', 'Липовецкого муниципального района',
               'от 18.09.2026 № 641-п']
    doc = {'name': name, 'rows': rows, 'title': caption_rest}
    cols = ['№ п/п', 'Мероприятие', 'Ответственный', 'Срок', 'Показатель (индикатор)']
    write_docx(os.path.join(DOCS, name + '.docx'), approve, caption_rest, cols, rows, fn_text, R)
    # TXT as copied from Word: footnote reference copied as «¹», footnote text after the document
    t = approve + ['', f'Таблица 1 – {caption_rest}', '\t'.join(cols)]
    for r in rows:
        if r['kind'] == 'sec':
            t.append(r['text'])
        else:
            mt = txt_cell(r['m']).replace('[[fn:1]]', '¹')
            t.append('\t'.join([r['num'], mt, txt_cell(r['e']), r['d'], txt_cell(r['i'])]))
    t += ['\t\t\t\t', '\t\t\t\t', 'Итого мероприятий: 24', '',
          'Глава Липовецкого муниципального района\t\t\tВ. С. Корчагин'.replace('В. С.', f'В.{NBSP}С.'), '',
          '¹ ' + fn_text, '']
    write(name, 'txt', '\n'.join(t))
    return doc


# ================================================================ u4 (school)
def build_u4():
    name = 'u4-school-ryabinovka-tagged'
    pairs = take(pools.SCHOOL, 20) + take(pools.LETTERED, 2) + take(pools.TWO_PARA, 2)
    R.shuffle(pairs)
    secs = [('Риск «Низкая учебная мотивация обучающихся»', 8),
            ('Риск «Высокая доля обучающихся с рисками учебной неуспешности»', 9),
            ('Риск «Недостаточная предметная и методическая компетентность педагогических работников»', 7)]
    rows = []
    n = 0
    for sec, cnt in secs:
        rows.append({'kind': 'sec', 'text': sec})
        for _ in range(cnt):
            ex = R.choice(pools.SCHOOL_EXEC)
            if R.random() < 0.3:
                ex2 = R.choice([e for e in pools.SCHOOL_EXEC if e != ex])
                ex = [ex + ',', ex2[0].lower() + ex2[1:]]
            r = mk(f'{n + 1}.', pairs[n], R.choice(pools.DEADLINES), ex, R.choice(pools.FORMS))
            r['kind'] = 'm'
            rows.append(r)
            n += 1
    assert n == 24
    approve = ['УТВЕРЖДАЮ', 'Директор МБОУ «Рябиновская СОШ»', '__________ Е. П. Лаврентьева'.replace('Е. П.', f'Е.{NBSP}П.'),
               'Приказ от 02.09.2026 № 155-о']
    title_lines = ['ДОРОЖНАЯ КАРТА', 'реализации среднесрочной программы развития',
                   'МБОУ «Рябиновская СОШ» Ольшанского муниципального округа', 'на 2026/2027 учебный год']
    doc = {'name': name, 'rows': rows, 'title': ' '.join(title_lines)}
    cols = ['№', 'Мероприятие', 'Срок', 'Ответственные', 'Целевой показатель', 'Форма представления результата']
    h = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Дорожная карта</title><style>',
         'body,td,th{font-family:"Liberation Serif";font-size:11pt} td,th{vertical-align:top} p{margin:0}</style></head><body>',
         '<div title="header"><p align="center">– <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> –</p></div>']
    h += [f'<p style="margin-left:10.5cm">{esc(x)}</p>' for x in approve] + ['<p>&nbsp;</p>']
    h += [f'<p align="center"><b>{esc(x)}</b></p>' for i, x in enumerate(title_lines)]
    h.append('<p>&nbsp;</p><table border="1" cellspacing="0" cellpadding="4" width="100%"><col width="6%"><col width="34%">'
             '<col width="12%"><col width="15%"><col width="20%"><col width="16%">')
    h.append('<thead><tr>' + ''.join(f'<th>{esc(c)}</th>' for c in cols) + '</tr></thead><tbody>')
    for r in rows:
        if r['kind'] == 'sec':
            h.append(f'<tr><td colspan="6"><p align="center"><b>{esc(r["text"])}</b></p></td></tr>')
        else:
            h.append('<tr>' + cell_html([r['num']]) + cell_html(r['m']) + cell_html([r['d']]) + cell_html(r['e'])
                     + cell_html(r['i']) + cell_html([r['f']]) + '</tr>')
    h.append('</tbody></table><p>&nbsp;</p><p>Заместитель директора по УВР ________ О. Н. Звягина</p></body></html>')
    write(name, 'html', '\n'.join(h))
    t = approve + [''] + title_lines + ['', '\t'.join(cols)]
    for r in rows:
        if r['kind'] == 'sec':
            t.append(r['text'])
        else:
            t.append('\t'.join([r['num'], txt_cell(r['m']), r['d'], txt_cell(r['e']), txt_cell(r['i']), r['f']]))
    t += ['', 'Заместитель директора по УВР ________ О. Н. Звягина', '']
    write(name, 'txt', '\n'.join(t))
    return doc


# ================================================================ u5 (landscape, rowspan executors, page header)
def build_u5():
    name = 'u5-belozerye-rowspan-pagehdr'
    pairs = take(pools.MUNI, 20) + take(pools.DASHED, 2) + bold_pool(1) + take(pools.LETTERED, 1)
    R.shuffle(pairs)
    secs = [('I. Управленческие механизмы', 6), ('II. Повышение профессиональной компетентности педагогов', 7),
            ('III. Сопровождение обучающихся', 6), ('IV. Мониторинг и контроль', 5)]
    rows = []
    k = 0
    overrides = {}
    for si, (sec, cnt) in enumerate(secs, 1):
        rows.append({'kind': 'sec', 'text': sec})
        for mi in range(1, cnt + 1):
            r = mk(f'{si}.{mi}', pairs[k], R.choice(pools.DEADLINES), R.choice(pools.MUNI_EXEC))
            r['kind'] = 'm'
            rows.append(r)
            k += 1
    assert k == 24
    mrows = [r for r in rows if r['kind'] == 'm']
    # executors merged (rowspan) over measures 2–4, 9–10, 20–22 (1-based)
    for a, b in [(2, 4), (9, 10), (20, 22)]:
        ex = mrows[a - 1]['e']
        mrows[a - 1]['span'] = b - a + 1
        for j in range(a, b):
            mrows[j]['e'] = ex
            mrows[j]['covered'] = True
            overrides[str(j)] = {'executors': ''}
    title_lines = ['Комплекс мер («дорожная карта»)',
                   'по повышению качества общего образования в Белозерском муниципальном округе на 2026–2027 годы']
    head = ['Приложение № 2', 'к распоряжению администрации', 'Белозерского муниципального округа',
            'от 30.09.2026 № 388-р']
    doc = {'name': name, 'rows': rows, 'title': ' '.join(title_lines), 'overrides': {'txt': overrides}}
    cols = ['№ п/п', 'Мероприятие', 'Ответственный', 'Показатель (индикатор)', 'Срок']

    def body():
        h = []
        for r in rows:
            if r['kind'] == 'sec':
                h.append(f'<tr><td colspan="5"><b>{esc(r["text"])}</b></td></tr>')
                continue
            ex = ''
            if not r.get('covered'):
                rs = f' rowspan="{r["span"]}"' if r.get('span') else ''
                ex = cell_html(r['e'], attrs=rs)
            h.append('<tr>' + cell_html([r['num']]) + cell_html(r['m']) + ex + cell_html(r['i']) + cell_html([r['d']]) + '</tr>')
        return '\n'.join(h)

    thead = '<thead><tr>' + ''.join(f'<th>{esc(c)}</th>' for c in cols) + '</tr></thead>'
    h = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Комплекс мер</title><style>',
         'body,td,th{font-family:"Liberation Sans";font-size:10pt} td,th{vertical-align:top} p{margin:0}</style></head><body>']
    h += [f'<p style="margin-left:10cm">{esc(x)}</p>' for x in head] + ['<p>&nbsp;</p>']
    h += [f'<p align="center"><b>{esc(x)}</b></p>' for x in title_lines] + ['<p>&nbsp;</p>']
    h.append('<table border="1" cellspacing="0" cellpadding="4" width="100%"><col width="7%"><col width="40%">'
             '<col width="18%"><col width="22%"><col width="13%">' + thead + '<tbody>' + body() + '</tbody></table>')
    h.append('<p>&nbsp;</p><p>Заместитель главы администрации по социальным вопросам ________ Р. Ф. Хабибуллина</p></body></html>')
    write(name, 'html', '\n'.join(h))
    p = ['<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Комплекс мер</title><style>',
         '@page{size:A4 landscape;margin:14mm 14mm 14mm 16mm;'
         '@top-right{content:"Страница " counter(page) " из " counter(pages);font-family:"Liberation Sans";font-size:8pt}}',
         'body{font-family:"Liberation Sans";font-size:10pt;margin:0}',
         'table{border-collapse:collapse;width:100%} tr,td{break-inside:auto} td{orphans:1;widows:1} td,th{border:1px solid #333;padding:3pt 5pt;vertical-align:top}',
         'th{font-weight:bold;text-align:center} td p{margin:0} .hd{margin:0 0 0 62%} .c{text-align:center;margin:0;font-weight:bold}',
         '</style></head><body>']
    p += [f'<p class="hd">{esc(x)}</p>' for x in head] + ['<br>']
    p += [f'<p class="c">{esc(x)}</p>' for x in title_lines] + ['<br>']
    p.append('<table><colgroup><col style="width:7%"><col style="width:40%"><col style="width:18%"><col style="width:22%">'
             '<col style="width:13%"></colgroup>' + thead + '<tbody>' + body() + '</tbody></table>')
    p.append('<br><p>Заместитель главы администрации по социальным вопросам ________ Р. Ф. Хабибуллина</p></body></html>')
    write(name, 'print.html', '\n'.join(p))
    t = head + [''] + title_lines + ['', '\t'.join(cols)]
    for r in rows:
        if r['kind'] == 'sec':
            t.append(r['text'])
        else:
            ex = '' if r.get('covered') else txt_cell(r['e'])
            t.append('\t'.join([r['num'], txt_cell(r['m']), ex, txt_cell(r['i']), r['d']]))
    t += ['', 'Заместитель главы администрации по социальным вопросам ________ Р. Ф. Хабибуллина', '']
    write(name, 'txt', '\n'.join(t))
    return doc


# ================================================================ u6 (Word «Save as Web Page, Filtered» HTML printed by Chromium)
def build_u6():
    name = 'u6-gorodishche-word-html-chromium'
    pairs = take(pools.MUNI, 16) + bold_pool(3) + take(pools.TWO_PARA, 2) + take(pools.DASHED, 1)
    R.shuffle(pairs)
    secs = [('I. Нормативно-правовое и организационное обеспечение', 5), ('II. Кадровые условия', 6),
            ('III. Учебно-методическое сопровождение', 6), ('IV. Контроль и мониторинг', 5)]
    rows = []
    n = 0
    for sec, cnt in secs:
        rows.append({'kind': 'sec', 'text': sec})
        for _ in range(cnt):
            r = mk(f'{n + 1}.', pairs[n], R.choice(pools.DEADLINES), R.choice(pools.MUNI_EXEC))
            r['kind'] = 'm'
            rows.append(r)
            n += 1
    assert n == 22
    head = ['Приложение', 'к постановлению администрации', 'городского округа Городище', 'от 25.09.2026 № 2184']
    title_lines = ['ПЛАН', 'мероприятий по повышению качества образования в школах городского округа Городище,',
                   'показывающих низкие образовательные результаты, на 2026–2027 годы']
    doc = {'name': name, 'rows': rows, 'title': ' '.join(title_lines)}
    cols = ['№ п/п', 'Мероприятие', 'Ответственный', 'Планируемый результат / продукт', 'Срок']
    widths = [46, 262, 125, 160, 92]

    def mso_p(p, align=None):
        al = f'text-align:{align};' if align else ''
        return f"<p class=MsoNormal style='margin:0cm;{al}'><span style='font-size:12.0pt'>{html_para(p)}</span></p>"

    def td(paras, w, align=None, span=None):
        cs = f' colspan={span}' if span else ''
        return (f"<td width={w} valign=top{cs} style='width:{w}pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>"
                + ''.join(mso_p(p, align) for p in paras) + '</td>')

    def table_html():
        h = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 width=685 "
             "style='width:685pt;border-collapse:collapse;border:none'>"]
        h.append('<thead><tr>' + ''.join(td([f'**{c}**'], widths[i], 'center') for i, c in enumerate(cols)) + '</tr></thead><tbody>')
        for r in rows:
            if r['kind'] == 'sec':
                h.append('<tr>' + td([f'**{r["text"]}**'], sum(widths), 'center', span=5) + '</tr>')
            else:
                h.append('<tr>' + td([r['num']], widths[0], 'center') + td(r['m'], widths[1]) + td(r['e'], widths[2])
                         + td(r['i'], widths[3]) + td([r['d']], widths[4], 'center') + '</tr>')
        h.append('</tbody></table>')
        return '\n'.join(h)

    page = ['<html><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">',
            '<meta name=Generator content="Microsoft Word 15 (filtered)"><title>ПЛАН</title><style>',
            '<!-- @font-face {font-family:"Times New Roman"} p.MsoNormal {margin:0cm;font-size:12.0pt;font-family:"Times New Roman",serif}',
            '@page WordSection1 {size:841.9pt 595.3pt;margin:42.5pt 42.5pt 42.5pt 56.7pt} div.WordSection1 {page:WordSection1}',
            '@page {size:841.9pt 595.3pt;margin:42.5pt 42.5pt 42.5pt 56.7pt} td p{orphans:1;widows:1} tr,td{break-inside:auto} -->',
            '</style></head><body lang=RU><div class=WordSection1>']
    for x in head:
        page.append(f"<p class=MsoNormal style='margin-left:496.2pt'>{esc(x)}</p>")
    page.append("<p class=MsoNormal>&nbsp;</p>")
    for x in title_lines:
        page.append(f"<p class=MsoNormal align=center style='text-align:center'><b>{esc(x)}</b></p>")
    page.append("<p class=MsoNormal>&nbsp;</p>")
    page.append(table_html())
    sign = f'Заместитель главы администрации{NBSP * 4}городского округа Городище'
    page.append("<p class=MsoNormal>&nbsp;</p>")
    page.append(f"<p class=MsoNormal>{esc(sign)}</p>")
    page.append(f"<p class=MsoNormal>по социальной политике{NBSP * 90}Н.{NBSP}А.{NBSP}Быстрова</p>")
    page.append('</div></body></html>')
    src = '\n'.join(page)
    write(name, 'html', src)          # the file as Word saved it: source of the DOCX (LibreOffice) and of the print
    write(name, 'print.html', src)
    t = head + title_lines + ['\t'.join(cols)]
    for r in rows:
        if r['kind'] == 'sec':
            t.append(r['text'])
        else:
            t.append('\t'.join([r['num'], txt_cell(r['m']), txt_cell(r['e']), txt_cell(r['i']), r['d']]))
    t += [sign, f'по социальной политике{NBSP * 90}Н.{NBSP}А.{NBSP}Быстрова', '']
    write(name, 'txt', '\n'.join(t))
    return doc


if __name__ == '__main__':
    for b in (build_u1, build_u2, build_u3, build_u4, build_u5, build_u6):
        d = b()
        tr = truth_of(d)
        with open(os.path.join(DOCS, d['name'] + '.truth.json'), 'w', encoding='utf-8') as f:
            json.dump(tr, f, ensure_ascii=False, indent=2)
            f.write('\n')
        print(d['name'], len(tr['measures']))
