#!/usr/bin/env python3
"""Held-out set 7 generator: row models -> HTML (LibreOffice source / Chromium print), pdfkit model JSON, TXT, truth.
All content synthetic (invented municipalities, schools, people, phones, order numbers)."""
import html, json, os, random
from pools import MEASURES, LONG, DEADLINES, EXECUTORS, SCHOOL_EXEC

R = random.Random(7707)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')
os.makedirs(OUT, exist_ok=True)
E = html.escape

def pick_measures(n, long_n=0):
    base = R.sample(MEASURES, n - long_n)
    longs = R.sample(LONG, long_n)
    items = base[:]
    for l in longs:
        items.insert(R.randrange(len(items) + 1), l)
    return items

def pick_deadlines(n):
    d = DEADLINES[:]; R.shuffle(d)
    while len(d) < n:
        extra = DEADLINES[:]; R.shuffle(extra); d += extra
    return d[:n]

def lines(c):
    return c if isinstance(c, list) else [c]

def flat(c):
    return ' '.join(x.strip() for x in lines(c)).strip()

# A document = dict(name, pre=[(kind, text, style)], title=[..], header=[..], rows=[...], post=[...], cols=mapping)
# rows: ('sec', text) or ('item', [cells...], truthdict)

def item(cells, measure_i, deadline_i, exec_i, ind_i):
    t = {'measure': flat(cells[measure_i]), 'deadline': flat(cells[deadline_i]),
         'executors': flat(cells[exec_i]), 'indicator': flat(cells[ind_i]) if ind_i is not None else None}
    return ('item', cells, t)

docs = []
SPLIT_AT = [int(x) for x in os.environ.get('R4_SPLIT', '9,19').split(',')]

# ---------------------------------------------------------------- r1: order text + 3-level numbering (Chromium)
def r1():
    ms = pick_measures(26, 2); dl = pick_deadlines(26)
    secs = [("1. Организационно-управленческое обеспечение", [("1.1. Нормативное и аналитическое обеспечение", 5), ("1.2. Управление реализацией программ антирисковых мер", 4)]),
            ("2. Кадровое и методическое обеспечение", [("2.1. Повышение квалификации педагогов", 5), ("2.2. Методическое сопровождение и сетевое взаимодействие", 4)]),
            ("3. Работа с обучающимися и родителями", [("3.1. Поддержка обучающихся с трудностями в обучении", 4), ("3.2. Мониторинг и подведение итогов", 4)])]
    rows = []; k = 0
    for si, (s, subs) in enumerate(secs, 1):
        rows.append(('sec', s))
        for sj, (ss, n) in enumerate(subs, 1):
            rows.append(('sub', ss))
            for q in range(1, n + 1):
                m, ind, _ = ms[k]
                cells = [f"{si}.{sj}.{q}.", m, dl[k], R.choice(EXECUTORS), ind]
                rows.append(item(cells, 1, 2, 3, 4)); k += 1
    pre = [('c', 'АДМИНИСТРАЦИЯ УСТЬ-КАМЕНСКОГО МУНИЦИПАЛЬНОГО ОКРУГА', 'b'),
           ('c', 'УПРАВЛЕНИЕ ОБРАЗОВАНИЯ', 'b'), ('c', 'ПРИКАЗ', 'b'),
           ('two', '14.09.2026\t№ 428-од', ''),
           ('c', 'г. Усть-Каменск', ''),
           ('c', 'Об утверждении плана мероприятий («дорожной карты») по поддержке школ с низкими образовательными результатами на 2026/2027 учебный год', 'b'),
           ('j', 'В целях реализации мер по повышению качества образования в общеобразовательных организациях Усть-Каменского муниципального округа, в соответствии с приказом министерства образования области от 01.09.2026 № 1190 «Об организации работы со школами с низкими образовательными результатами»', ''),
           ('l', 'ПРИКАЗЫВАЮ:', ''),
           ('j', '1. Утвердить план мероприятий («дорожную карту») по поддержке школ с низкими образовательными результатами Усть-Каменского муниципального округа на 2026/2027 учебный год (приложение).', ''),
           ('j', '2. Назначить ответственным за координацию реализации дорожной карты заместителя начальника управления образования Бельскую И. В.', ''),
           ('j', '3. Муниципальной методической службе (Головлёва Т. А.) обеспечить методическое сопровождение школ, включённых в перечень, в сроки, установленные дорожной картой.', ''),
           ('j', '4. Руководителям общеобразовательных организаций:', ''),
           ('j', '4.1. обеспечить выполнение мероприятий дорожной карты;', ''),
           ('j', '4.2. представлять информацию о ходе реализации мероприятий ежеквартально, до 5 числа месяца, следующего за отчётным кварталом.', ''),
           ('j', '5. Контроль за исполнением настоящего приказа оставляю за собой.', ''),
           ('two', 'Начальник управления образования\t__________ О. Н. Старцева', 'sig'),
           ('r', 'Приложение', ''), ('r', 'к приказу управления образования', ''), ('r', 'от 14.09.2026 № 428-од', '')]
    title = ['План мероприятий («дорожная карта»)', 'по поддержке школ с низкими образовательными результатами', 'Усть-Каменского муниципального округа на 2026/2027 учебный год']
    post = [('table', 'Лист согласования', [['Должность', 'Ф. И. О.', 'Подпись', 'Дата'],
              ['Заместитель начальника управления образования', 'Бельская И. В.', '', ''],
              ['Директор МКУ «ИМЦ»', 'Шамсутдинов И. Р.', '', ''],
              ['Главный специалист (юрисконсульт)', 'Латыпова Г. Ф.', '', '']]),
            ('l', 'Исполнитель: Головлёва Татьяна Андреевна, методист ММС, тел. 8 (38511) 4-27-90', '')]
    return dict(name='r1-ustkamensk-order-3level', pre=pre, title=title,
                header=['№ п/п', 'Мероприятие', 'Срок исполнения', 'Ответственные', 'Ожидаемый результат'],
                widths=[8, 38, 14, 18, 22], rows=rows, post=post)

# ---------------------------------------------------------------- r2: deadline first, executors last, restart numbering, horizontal rules
def r2():
    ms = pick_measures(28, 1); dl = pick_deadlines(28)
    secs = [('Раздел 1. Нормативное правовое и аналитическое обеспечение', 7), ('Раздел 2. Развитие кадрового потенциала', 7),
            ('Раздел 3. Организация образовательной деятельности', 7), ('Раздел 4. Мониторинг и информационное сопровождение', 7)]
    rows = []; k = 0
    for s, n in secs:
        rows.append(('sec', s))
        for q in range(1, n + 1):
            m, ind, _ = ms[k]
            cells = [f"{q}.", dl[k], m, ind, R.choice(EXECUTORS)]
            rows.append(item(cells, 2, 1, 4, 3)); k += 1
    pre = [('r', 'УТВЕРЖДЁН', ''), ('r', 'распоряжением отдела образования', ''), ('r', 'администрации Сосновского района', ''), ('r', 'от 22.09.2026 № 73-р', '')]
    title = ['Комплекс мер («дорожная карта») по переводу школ Сосновского района в эффективный режим работы на 2026–2027 годы']
    post = [('l', 'Исп.: Корягина Наталья Сергеевна, начальник отдела общего образования, тел. 8 (35145) 2-60-17', '')]
    return dict(name='r2-sosnovka-terms-first', pre=pre, title=title,
                header=['№', 'Сроки', 'Мероприятие', 'Результат', 'Ответственные'],
                widths=[5, 14, 39, 26, 16], rows=rows, post=post)

# ---------------------------------------------------------------- r3: task column filled on first row only, 9 columns, 8 pt, gs
def r3():
    ms = pick_measures(30, 2); dl = pick_deadlines(30)
    tasks = [('Задача 1. Выявление школ с рисками низких результатов и анализ причин', 6),
             ('Задача 2. Обеспечение адресной методической поддержки', 7),
             ('Задача 3. Повышение профессиональной компетентности педагогов', 6),
             ('Задача 4. Создание условий для успешного обучения каждого ребёнка', 6),
             ('Задача 5. Оценка эффективности реализации дорожной карты', 5)]
    fin = ['не требуется', 'муниципальный бюджет', 'в рамках текущего финансирования', 'областной бюджет (субсидия)']
    rows = []; k = 0
    for t, n in tasks:
        for q in range(n):
            m, ind, form = ms[k]
            cells = [t if q == 0 else '', str(k + 1), m, dl[k], R.choice(EXECUTORS), ind, form, R.choice(fin), '']
            rows.append(item(cells, 2, 3, 4, 5)); k += 1
    pre = [('r', 'Приложение 2', ''), ('r', 'к постановлению администрации', ''), ('r', 'Верховажского муниципального округа', ''), ('r', 'от «05» октября 2026 г. № 1312', '')]
    title = ['ДОРОЖНАЯ КАРТА', 'реализации муниципального проекта «Каждая школа — эффективная» в Верховажском муниципальном округе на 2026–2027 годы']
    post = [('l', 'Исполнитель: Ермакова С. П., тел. 8 (81759) 3-14-62', '')]
    return dict(name='r3-verkhovazhsk-tasks-9col-gs', pre=pre, title=title,
                header=['Задача', '№ п/п', 'Мероприятие', 'Срок', 'Ответственный исполнитель', 'Контрольная точка', 'Форма подтверждения', 'Источник финансирования', 'Отметка о выполнении'],
                widths=[11, 4, 22, 9, 13, 15, 9, 10, 7], rows=rows, post=post)

# ---------------------------------------------------------------- r4: pdfkit report generator, long measures, rows split over pages
def r4():
    ms = pick_measures(22, 7); dl = pick_deadlines(22)
    # put long measures where the pdfkit page breaks fall, so that a measure cell runs across a page break
    longs = [i for i, x in enumerate(ms) if x in LONG]
    for want, have in zip(SPLIT_AT, longs[-len(SPLIT_AT):]):
        ms[want], ms[have] = ms[have], ms[want]
    execs_long = [["Бельская Ирина Викторовна,", "заместитель начальника", "управления образования"],
                  ["Шамсутдинов Ильдар Рашитович,", "директор МКУ «ИМЦ»,", "Головлёва Татьяна Андреевна,", "методист ММС"],
                  ["Ермакова Светлана Петровна,", "главный специалист отдела", "общего образования"],
                  ["Руководители ОО", "(по списку перечня)"],
                  ["Лопатина Валентина Геннадьевна,", "директор ППМС-центра"],
                  ["Корягина Наталья Сергеевна,", "начальник отдела", "общего образования;", "кураторы ШНОР"]]
    secs = [('I. Анализ и планирование', 6), ('II. Методическое сопровождение и кадры', 8), ('III. Работа с обучающимися, оценка результатов', 8)]
    rows = []; k = 0
    for s, n in secs:
        rows.append(('sec', s))
        for q in range(n):
            m, ind, _ = ms[k]
            ex = R.choice(execs_long) if R.random() < 0.7 else R.choice(EXECUTORS)
            cells = [f"{k + 1}.", m, dl[k], ex, ind]
            rows.append(item(cells, 1, 2, 3, 4)); k += 1
    pre = [('r', 'Приложение № 1', ''), ('r', 'к приказу МКУ «Управление образования', ''), ('r', 'Прибрежненского района»', ''), ('r', 'от 30.09.2026 № 512', '')]
    title = ['План мероприятий («дорожная карта»)', 'по повышению качества образования в школах с низкими результатами обучения Прибрежненского района в 2026–2027 учебном году']
    post = [('l', 'Начальник МКУ «Управление образования Прибрежненского района»  ____________  Р. М. Хайруллин', ''),
            ('l', 'Исполнитель: Ермакова Светлана Петровна, тел. 8 (42372) 5-08-31', '')]
    return dict(name='r4-pribrezhnoe-pdfkit', pre=pre, title=title,
                header=['№ п/п', 'Наименование мероприятия', 'Срок', 'Ответственный исполнитель', 'Показатель выполнения'],
                widths=[6, 42, 13, 20, 19], rows=rows, post=post)

# ---------------------------------------------------------------- r5: school, no borders, result before deadline, executor last, seeds TXT
def r5():
    ms = pick_measures(20, 1); dl = pick_deadlines(20)
    secs = [('1. Управленческие меры', 5), ('2. Работа с педагогическим коллективом', 5), ('3. Работа с обучающимися', 6), ('4. Работа с родителями (законными представителями)', 4)]
    rows = []; k = 0
    for si, (s, n) in enumerate(secs, 1):
        rows.append(('sec', s))
        for q in range(1, n + 1):
            m, ind, _ = ms[k]
            m = m.replace('школ перечня', 'школы').replace('школах перечня', 'школе').replace('каждой школы перечня', 'школы')
            cells = [f"{si}.{q}.", m, ind, dl[k], R.choice(SCHOOL_EXEC)]
            rows.append(item(cells, 1, 3, 4, 2)); k += 1
    pre = [('r', 'УТВЕРЖДАЮ', ''), ('r', 'Директор МБОУ «Берёзковская ООШ»', ''), ('r', '__________ Л. Р. Сафонова', ''), ('r', 'Приказ от 01.09.2026 № 96/1', '')]
    title = ['Дорожная карта', 'по реализации программы антирисковых мер', 'МБОУ «Берёзковская основная общеобразовательная школа»', 'на 2026/2027 учебный год']
    post = [('l', 'Ответственный за реализацию: заместитель директора по УВР Деменко О. Ю., тел. 8 (49234) 3-51-06', '')]
    return dict(name='r5-school-berezki-noborders', pre=pre, title=title,
                header=['№', 'Мероприятие', 'Результат', 'Сроки', 'Ответственный'],
                widths=[7, 35, 22, 16, 20], rows=rows, post=post, seeds_txt=True)

# ---------------------------------------------------------------- r6: hand-written OOXML, Word auto-numbered «№» column
def r6():
    ms = pick_measures(24, 2); dl = pick_deadlines(24)
    secs = [('Организационно-управленческие меры', 6), ('Кадровое обеспечение и методическая поддержка', 7),
            ('Работа с обучающимися и родителями', 6), ('Мониторинг и оценка результатов', 5)]
    ex6 = [["Отдел общего образования", "(Ковалишина М. Д., начальник отдела)"], ["МКУ «Центр обеспечения»", "(Тихонравов А. С., директор)"],
           ["Руководители ОО"], ["Методисты МКУ «ЦОО»,", "руководители ОО"], ["Комиссия по оценке", "эффективности"]]
    rows = []; k = 0
    for s, n in secs:
        rows.append(('sec', s))
        for q in range(n):
            m, ind, _ = ms[k]
            d = dl[k]
            if d.startswith('до ') and R.random() < 0.7:
                d = ['до', d[3:]]
            cells = ['', m, R.choice(EXECUTORS + ex6), d, ind]
            rows.append(item(cells, 1, 3, 2, 4)); k += 1
    pre = [('r', 'Приложение', ''), ('r', 'к приказу отдела образования администрации', ''), ('r', 'Луговского муниципального района', ''), ('r', 'от 11.09.2026 № 209', '')]
    title = ['Дорожная карта', 'по организации работы со школами, показывающими низкие образовательные результаты, и школами, функционирующими в неблагоприятных социальных условиях, Луговского муниципального района на 2026–2027 учебный год']
    post = [('l', 'Начальник отдела образования                                          Е. В. Прохорчук', ''),
            ('l', 'Ковалишина Марина Дмитриевна', ''), ('l', '8 (86137) 2-19-74', '')]
    return dict(name='r6-lugovoe-word-autonum', pre=pre, title=title,
                header=['№ п/п', 'Содержание мероприятия', 'Ответственные исполнители', 'Срок', 'Ожидаемый результат'],
                widths=[7, 32, 19, 20, 22], rows=rows, post=post, autonum=True)

docs = [r1(), r2(), r3(), r4(), r5(), r6()]

# ---------------------------------------------------------------- renderers
def cell_html(c):
    return '<br>'.join(E(x) for x in lines(c))

def para_html(kind, text, style, chrome):
    al = {'c': 'center', 'r': 'right', 'l': 'left', 'j': 'justify'}.get(kind, 'left')
    t = E(text)
    if style == 'b': t = f'<b>{t}</b>'
    if kind == 'two':
        a, b = text.split('\t')
        mg = 'margin-top:18pt;margin-bottom:18pt' if style == 'sig' else 'margin-bottom:6pt'
        return (f'<table width="100%" border="0" cellspacing="0" cellpadding="0" style="{mg}"><tr>'
                f'<td width="60%"><p>{E(a)}</p></td><td width="40%" align="right"><p align="right" style="text-align:right">{E(b)}</p></td></tr></table>')
    return f'<p align="{al}" style="text-align:{al};margin:0 0 4pt 0">{t}</p>'

STYLES = {
 'r1-ustkamensk-order-3level': dict(page='A4', margin='20mm 15mm 20mm 25mm', font='"Liberation Serif", "Times New Roman", serif', size='11pt', lo_border='border="1" cellspacing="0" cellpadding="4"', css_border='border:0.5pt solid #000'),
 'r2-sosnovka-terms-first': dict(page='A4 landscape', margin='15mm 15mm 15mm 20mm', font='"Liberation Sans", Arial, sans-serif', size='9pt', lo_border='frame="hsides" rules="rows" cellspacing="0" cellpadding="3"', css_border='hrules'),
 'r3-verkhovazhsk-tasks-9col-gs': dict(page='A4 landscape', margin='12mm', font='"Liberation Sans", Arial, sans-serif', size='8pt', lo_border='border="1" cellspacing="0" cellpadding="2"', css_border=''),
 'r4-pribrezhnoe-pdfkit': dict(page='A4', margin='20mm 10mm 20mm 20mm', font='"DejaVu Sans", sans-serif', size='9pt', lo_border='border="1" cellspacing="0" cellpadding="3"', css_border=''),
 'r5-school-berezki-noborders': dict(page='A4', margin='20mm 15mm 20mm 25mm', font='"Times New Roman", serif', size='12pt', lo_border='border="0" cellspacing="0" cellpadding="4"', css_border=''),
}

def render_html(d, chrome):
    st = STYLES[d['name']]; n = len(d['header'])
    css = [f"@page {{ size: {st['page']}; margin: {st['margin']}; }}",
           f"body {{ font-family: {st['font']}; font-size: {st['size']}; }}",
           f"table.rm td, table.rm th {{ font-size: {st['size']}; vertical-align: top; }}"]
    if chrome:
        css.append("table.rm { border-collapse: collapse; width: 100%; } table.rm thead { display: table-header-group; }")
        if st['css_border'] == 'hrules':
            css.append("table.rm td, table.rm th { border-top: 0.6pt solid #000; border-bottom: 0.6pt solid #000; padding: 2pt 4pt; }")
            css.append("table.rm th { border-bottom: 1.2pt solid #000; }")
        else:
            css.append(f"table.rm td, table.rm th {{ {st['css_border']}; padding: 2pt 4pt; }}")
        css.append("table.small { border-collapse: collapse; } table.small td { border: 0.5pt solid #000; padding: 2pt 6pt; }")
    out = ['<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">', f"<title>{E(d['title'][0])}</title>",
           '<style>' + '\n'.join(css) + '</style></head><body>']
    for kind, text, style in d['pre']:
        out.append(para_html(kind, text, style, chrome))
    for t in d['title']:
        out.append(f'<p align="center" style="text-align:center;margin:0"><b>{E(t)}</b></p>')
    out.append('<p></p>')
    tb = '' if chrome else st['lo_border']
    out.append(f'<table class="rm" width="100%" {tb}>')
    out.append('<colgroup>' + ''.join(f'<col width="{w}%">' for w in d['widths']) + '</colgroup>')
    out.append('<thead><tr>' + ''.join(f'<th width="{w}%">{E(h)}</th>' for h, w in zip(d['header'], d['widths'])) + '</tr></thead><tbody>')
    for r in d['rows']:
        if r[0] in ('sec', 'sub'):
            inner = f'<b>{E(r[1])}</b>' if r[0] == 'sec' else f'<i>{E(r[1])}</i>'
            out.append(f'<tr><td colspan="{n}">{inner}</td></tr>')
        else:
            out.append('<tr>' + ''.join(f'<td>{cell_html(c)}</td>' for c in r[1]) + '</tr>')
    out.append('</tbody></table>')
    for p in d['post']:
        if p[0] == 'table':
            out.append(f'<p style="margin-top:14pt"><b>{E(p[1])}</b></p>')
            tb2 = 'class="small"' if chrome else 'border="1" cellspacing="0" cellpadding="3"'
            out.append(f'<table {tb2}>' + ''.join('<tr>' + ''.join(f'<td>{E(c)}</td>' for c in row) + '</tr>' for row in p[2]) + '</table>')
        else:
            out.append(para_html(p[0], p[1], p[2], chrome))
    out.append('</body></html>')
    return '\n'.join(out)

def render_txt(d):
    o = []
    seeds = d.get('seeds_txt')
    for kind, text, style in d['pre']:
        o.append(text)
    if seeds:
        o.append(''); o.append('**' + ' '.join(d['title']) + '**'); o.append('')
    else:
        o += d['title']
    o.append('\t'.join(d['header']))
    n = len(d['header']); secn = itn = 0
    for r in d['rows']:
        if d.get('autonum') and r[0] == 'sec':
            secn += 1; itn = 0
            o.append(f'{secn}. {r[1]}')
        elif d.get('autonum'):
            itn += 1
            o.append('\t'.join([f'{secn}.{itn}.'] + [flat(c) for c in r[1][1:]]))
        elif r[0] in ('sec', 'sub'):
            o.append(f'<b>{r[1]}</b>' + '\t' * (n - 1) if seeds else r[1])
        else:
            o.append('\t'.join(flat(c) for c in r[1]))
    for p in d['post']:
        if p[0] == 'table':
            o.append(p[1])
            for row in p[2]: o.append('\t'.join(row))
        else:
            o.append(p[1])
    return '\n'.join(o) + '\n'

for d in docs:
    name = d['name']
    if name in STYLES:  # r6 has no HTML: its DOCX is hand-written OOXML (gen-ooxml.py)
        with open(os.path.join(OUT, name + '.html'), 'w') as f: f.write(render_html(d, False))
    if name.startswith(('r1-', 'r2-')):
        with open(os.path.join(OUT, name + '.print.html'), 'w') as f: f.write(render_html(d, True))
    with open(os.path.join(OUT, name + '.txt'), 'w') as f: f.write(render_txt(d))
    truth = {'title': ' '.join(d['title']), 'synthetic': True, 'measures': [r[2] for r in d['rows'] if r[0] == 'item']}
    with open(os.path.join(OUT, name + '.truth.json'), 'w') as f: json.dump(truth, f, ensure_ascii=False, indent=1)
    print(name, len(truth['measures']))
    if not name.startswith(('r4-', 'r6-')): continue
    model = {k: d[k] for k in ('name', 'pre', 'title', 'header', 'widths', 'post')}
    model['rows'] = [[r[0], r[1]] for r in d['rows']]
    with open(os.path.join(OUT, name + '.model.json'), 'w') as f: json.dump(model, f, ensure_ascii=False)
