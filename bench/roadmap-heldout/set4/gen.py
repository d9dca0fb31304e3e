#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Held-out roadmap set 4 generator. Writes for each document: docs/NAME.truth.json, docs/NAME.txt,
docs/NAME.model.json (input of gen-docx.mjs) and, by producer, docs/NAME.html (Chromium / Writer HTML import)
or docs/NAME.odt (OpenDocument written directly). All content synthetic."""
import json, random, os, zipfile, html
from pools import MUNI, SCHOOL, LONG_MUNI, LONG_SCHOOL, EXEC_MUNI, EXEC_SCHOOL, DEADLINES, SPLIT

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')
os.makedirs(OUT, exist_ok=True)

# ---------------------------------------------------------------- model helpers
def item(num, measure, deadline, exe, ind, **kw):
    d = dict(kind='item', num=num, measure=measure if isinstance(measure, list) else [measure],
             deadline=deadline, exec=exe if isinstance(exe, list) else [exe],
             ind=ind if isinstance(ind, list) else [ind])
    d.update(kw)
    return d

def section(text):
    return dict(kind='section', text=text)

class Picker:
    def __init__(self, seed, pairs, execs, longs):
        self.r = random.Random(seed)
        self.pairs = pairs[:]; self.r.shuffle(self.pairs)
        self.execs = execs; self.longs = longs[:]; self.i = 0
    def pair(self):
        p = self.pairs[self.i % len(self.pairs)]; self.i += 1; return p
    def dl(self): return self.r.choice(DEADLINES)
    def ex(self): return self.r.choice(self.execs)

def fill(doc, pk, plan, numfmt, merges=(), longs=(), subs=None, split=False):
    """plan: list of (section title or None, count). numfmt(sec_no, k, global_no) -> number string.
    merges: global measure numbers (1-based) starting an exec merge -> span. longs: global numbers with long measure.
    subs: {global_no: [subnum...]}."""
    rows = []; g = 0
    merges = dict(merges); cont = 0; sp = 0
    for s_no, (title, count) in enumerate(plan, 1):
        if title: rows.append(section(title))
        for k in range(1, count + 1):
            g += 1
            m, ind = pk.pair()
            if g in longs: m = pk.longs.pop(0)
            dl = SPLIT[pk.r.randrange(len(SPLIT))] if split else pk.dl()
            it = item(numfmt(s_no, k, g), m, dl, pk.ex(), ind)
            if g in merges:
                it['exec_span'] = merges[g]; cont = merges[g] - 1
            elif cont:
                it['exec_cont'] = True; cont -= 1
            rows.append(it)
            for sn in (subs or {}).get(g, []):
                sm, sind = pk.pair()
                rows.append(dict(item(sn, sm, pk.dl() if not split else SPLIT[pk.r.randrange(len(SPLIT))], pk.ex(), sind), kind='sub'))
    return rows

# ---------------------------------------------------------------- documents
DOCS = []

# k1 — DOCX by the `docx` npm package; PDF by LibreOffice Writer
pk = Picker(41, MUNI, EXEC_MUNI, LONG_MUNI)
k1 = dict(
    name='k1-tavrichansk-docxjs', producer='docxjs', orient='portrait', font='Times New Roman', size=11.5,
    pre=[dict(text='УТВЕРЖДАЮ', align='right', bold=True),
         dict(text='Начальник управления образования', align='right'),
         dict(text='администрации Тавричанского муниципального округа', align='right'),
         dict(text='____________ Н.В. Ермолаева', align='right'),
         dict(text='«__» ____________ 2026 г.', align='right'),
         dict(text='', align='left'),
         dict(text='Приложение № 2 к приказу управления образования от 08.09.2026 № 214-од', align='right')],
    title=['План мероприятий («дорожная карта»)',
           'по поддержке школ с низкими результатами обучения Тавричанского муниципального округа на 2026-2027 учебный год'],
    cols=['num', 'measure', 'deadline', 'exec', 'ind'], widths=[9, 28, 18, 20, 25],
    header=[[('№ п/п', 1, 1), ('Мероприятие', 1, 1), ('Сроки', 1, 1), ('Ответственные', 1, 1), ('Ожидаемый результат', 1, 1)]],
    post=[dict(text='', align='left'),
          dict(text='Исполнитель: Сабурова Д.И., ведущий специалист отдела общего образования, тел. 8 (42356) 2-18-40', align='left', size=10)],
)
k1['rows'] = fill(k1, pk, [('1. Организационно-управленческие меры', 7), ('2. Методическое сопровождение педагогов', 8),
                            ('3. Работа с обучающимися и родителями', 6), ('4. Мониторинг и подведение итогов', 5)],
                  lambda s, k, g: f'{s}.{k}.', merges={3: 4, 18: 3}, longs={9},
                  subs={8: ['2.1.1.', '2.1.2.', '2.1.3.']})
DOCS.append(k1)

# k2 — ODT written directly, DejaVu Serif, small margins, grey header; split «Срок выполнения»
pk = Picker(42, MUNI, EXEC_MUNI, LONG_MUNI)
k2 = dict(
    name='k2-pribrezhny-odt-split', producer='odt', orient='portrait', font='DejaVu Serif', size=9,
    margins_cm=(1.0, 1.0, 1.2, 1.0),
    pre=[dict(text='Приложение № 1', align='right'),
         dict(text='к постановлению администрации Прибрежного района', align='right'),
         dict(text='от 17.09.2026 № 633-па', align='right')],
    title=['Дорожная карта',
           'по повышению качества образования в общеобразовательных организациях Прибрежного района, показывающих низкие образовательные результаты, на 2026-2027 учебный год'],
    cols=['num', 'measure', 'exec', 'dstart', 'dend', 'ind', 'mark'], widths=[4, 23, 17, 12, 12, 18, 14],
    header=[[('№', 1, 2), ('Мероприятие', 1, 2), ('Ответственные', 1, 2), ('Срок выполнения', 2, 1),
             ('Ожидаемый результат', 1, 2), ('Отметка о выполнении', 1, 2)],
            [None, None, None, ('начало', 1, 1), ('окончание', 1, 1), None, None]],
    post=[dict(text='', align='left'),
          dict(text='Исп. Кочергина В.П.', align='left', size=9), dict(text='тел. 8 (81379) 5-02-64', align='left', size=9)],
)
k2['rows'] = fill(k2, pk, [('I. Нормативное и организационное обеспечение', 6), ('II. Кадровые условия', 7),
                            ('III. Образовательный процесс', 6), ('IV. Контроль и анализ', 5)],
                  lambda s, k, g: f'{g}.', merges={9: 3}, longs={14}, split=True)
DOCS.append(k2)

# k3 — Chromium PDF (A4 landscape, 3 pages); DOCX by docx npm; «Ожидаемый результат» second column
pk = Picker(43, MUNI, EXEC_MUNI, LONG_MUNI)
k3 = dict(
    name='k3-gornoozersk-chromium', producer='chromium+docxjs', orient='landscape', font='Arial', size=10,
    pre=[dict(text='Утверждена приказом комитета по образованию Горноозёрского городского округа от 02.10.2026 № 390', align='right')],
    title=['Комплекс мер («дорожная карта») по повышению качества образования в школах Горноозёрского городского округа, функционирующих в неблагоприятных социальных условиях, на 2026-2027 учебный год'],
    cols=['num', 'ind', 'measure', 'exec', 'deadline'], widths=[5, 25, 38, 17, 15],
    header=[[('№', 1, 1), ('Ожидаемый результат', 1, 1), ('Мероприятие', 1, 1), ('Ответственные', 1, 1), ('Сроки', 1, 1)]],
    post=[dict(text='', align='left'),
          dict(text='Председатель комитета по образованию ____________ С.А. Дробышев', align='left'),
          dict(text='Исполнитель: Латыпова Г.Ф., тел. 8 (35163) 7-44-19', align='left', size=9)],
)
k3['rows'] = fill(k3, pk, [('Задача 1. Создание условий для эффективного управления ШНСУ', 7),
                            ('Задача 2. Повышение профессиональной компетентности педагогов', 8),
                            ('Задача 3. Поддержка обучающихся и семей', 7), ('Задача 4. Оценка результатов', 6)],
                  lambda s, k, g: f'{s}.{k}', merges={9: 5}, longs={2, 17, 24})
DOCS.append(k3)

# k4 — HTML imported by LibreOffice Writer → DOCX → PDF; СОГЛАСОВАНО/УТВЕРЖДАЮ layout table; flat numbering with sub-items
pk = Picker(44, MUNI, EXEC_MUNI, LONG_MUNI)
k4 = dict(
    name='k4-medvezhye-writer-flat', producer='writer-html', orient='portrait', font='Liberation Serif', size=12,
    layout_table=[['СОГЛАСОВАНО', 'УТВЕРЖДАЮ'],
                  ['Председатель районного совета директоров школ', 'Начальник отдела образования администрации Медвежьегорского района'],
                  ['________ А.К. Зуева', '________ П.Р. Сидоренков'],
                  ['«05» сентября 2026 г.', '«07» сентября 2026 г.']],
    pre=[],
    title=['ДОРОЖНАЯ КАРТА', 'работы со школами с рисками учебной неуспешности Медвежьегорского района', 'на 2026-2027 учебный год'],
    cols=['num', 'measure', 'deadline', 'exec', 'ind'], widths=[7, 38, 15, 18, 22],
    header=[[('№', 1, 1), ('Содержание мероприятия', 1, 1), ('Срок', 1, 1), ('Исполнители', 1, 1), ('Показатель', 1, 1)]],
    post=[dict(text='', align='left'),
          dict(text='Начальник отдела образования ________ П.Р. Сидоренков', align='left')],
)
k4['rows'] = fill(k4, pk, [(None, 24)], lambda s, k, g: f'{g}.', merges={12: 5}, longs={5, 20},
                  subs={9: ['9.1.', '9.2.', '9.3.']})
DOCS.append(k4)

# k5 — school roadmap, DOCX by docx npm, long 3-paragraph title, «Ответственный за реализацию»
pk = Picker(45, SCHOOL, EXEC_SCHOOL, LONG_SCHOOL)
k5 = dict(
    name='k5-school-rassvet-docxjs', producer='docxjs', orient='portrait', font='Times New Roman', size=11,
    pre=[dict(text='УТВЕРЖДАЮ', align='right', bold=True),
         dict(text='Директор МБОУ «Рассветовская СОШ»', align='right'),
         dict(text='____________ Е.А. Корнилова', align='right'),
         dict(text='Приказ от 31.08.2026 № 118', align='right')],
    title=['Дорожная карта',
           'реализации программы перехода школы в эффективный режим работы и повышения качества образования обучающихся, в том числе обучающихся с трудностями в обучении и обучающихся из семей, находящихся в трудной жизненной ситуации,',
           'муниципального бюджетного общеобразовательного учреждения «Рассветовская средняя общеобразовательная школа» Ольховского района на 2026-2027 учебный год'],
    cols=['num', 'measure', 'deadline', 'exec', 'ind'], widths=[6, 38, 15, 19, 22],
    header=[[('№', 1, 1), ('Мероприятия', 1, 1), ('Сроки', 1, 1), ('Ответственный', 1, 1), ('Результат', 1, 1)]],
    post=[dict(text='', align='left'),
          dict(text='Ответственный за реализацию: заместитель директора по УВР Пташкина Марина Сергеевна, тел. 8 (47352) 4-16-83', align='left')],
)
k5['rows'] = fill(k5, pk, [('Организационно-управленческие мероприятия', 6), ('Работа с педагогами', 6),
                            ('Работа с обучающимися', 6), ('Работа с родителями', 4)],
                  lambda s, k, g: f'{g}', merges={13: 4}, longs={8, 15})
for r in k5['rows']:   # sections unnumbered, bold
    if r['kind'] == 'section': r['bold'] = True
DOCS.append(k5)

# k6 — ODT written directly, landscape, DejaVu Sans; executors before deadline; sub-items 4.2.1.
pk = Picker(46, MUNI, EXEC_MUNI, LONG_MUNI)
k6 = dict(
    name='k6-lesnogorsk-odt-landscape', producer='odt', orient='landscape', font='DejaVu Sans', size=9,
    margins_cm=(1.5, 1.5, 2.0, 1.5),
    pre=[dict(text='Приложение № 3 к приказу МКУ «Управление образования Лесногорского района» от «21» сентября 2026 г. № 77/1', align='right')],
    title=['План-график мероприятий («дорожная карта»)',
           'по сопровождению общеобразовательных организаций Лесногорского района с низкими образовательными результатами',
           'на 2026-2027 учебный год'],
    cols=['num', 'measure', 'exec', 'deadline', 'ind', 'mark'], widths=[6, 34, 17, 12, 21, 10],
    header=[[('№ п/п', 1, 1), ('Наименование мероприятия', 1, 1), ('Ответственный исполнитель', 1, 1), ('Срок', 1, 1),
             ('Показатель результативности', 1, 1), ('Отметка о выполнении', 1, 1)]],
    post=[dict(text='', align='left'),
          dict(text='Директор МКУ «Управление образования Лесногорского района» ____________ И.В. Туманов', align='left')],
)
k6['rows'] = fill(k6, pk, [('1. Управленческие решения', 6), ('2. Кадровое обеспечение', 6),
                            ('3. Методическая поддержка', 5), ('4. Работа с обучающимися', 5), ('5. Итоги', 4)],
                  lambda s, k, g: f'{s}.{k}.', merges={7: 4}, longs={13},
                  subs={19: ['4.2.1.', '4.2.2.']})
DOCS.append(k6)
# no grey header in k6; k2 has it
k2['header_bg'] = '#d9d9d9'

# ---------------------------------------------------------------- derived: cells, truth, txt
def sp(paras): return ' '.join(p for p in paras if p)

def cell_paras(r, key):
    if key == 'num': return [r['num']]
    if key == 'measure': return r['measure']
    if key == 'deadline': return [r['deadline']]
    if key == 'dstart': return [r['deadline'][0]] if r['deadline'][0] else []
    if key == 'dend': return [r['deadline'][1]]
    if key == 'exec': return r['exec']
    if key == 'ind': return r['ind']
    if key == 'mark': return []
    raise KeyError(key)

def deadline_text(r):
    d = r['deadline']
    if isinstance(d, (tuple, list)): return '; '.join(x for x in d if x)
    return d

def truth_of(doc):
    ms = []; overrides = {}; last_exec = None
    for r in doc['rows']:
        if r['kind'] == 'section': continue
        t = dict(measure=sp(r['measure']), deadline=deadline_text(r), executors=sp(r['exec']), indicator=sp(r['ind']))
        if r.get('exec_span'): last_exec = t['executors']
        if r.get('exec_cont'):
            t['executors'] = last_exec
        if r['kind'] == 'sub':
            ms[-1].setdefault('subItems', []).append(t)
            continue
        if r.get('exec_cont'):
            overrides[str(len(ms))] = dict(executors='')
        ms.append(t)
    out = dict(title=sp(doc['title']), synthetic=True, measures=ms)
    if overrides: out['overrides'] = dict(txt=overrides)
    return out

def txt_of(doc):
    L = []
    for row in doc.get('layout_table', []):
        L.append('\t'.join(row))
    for p in doc['pre']: L.append(p['text'])
    for t in doc['title']: L.append(t)
    L.append('')
    for hr in doc['header']:
        cells = []
        for c in hr:
            cells.append('' if c is None else c[0])
        # a cell spanning columns is one cell; a cell continued from above is an empty cell
        L.append('\t'.join(cells))
    for r in doc['rows']:
        if r['kind'] == 'section': L.append(r['text']); continue
        cells = []
        for key in doc['cols']:
            if key == 'exec' and r.get('exec_cont'): cells.append(''); continue
            cells.append(sp(cell_paras(r, key)))
        L.append('\t'.join(cells))
    for p in doc['post']: L.append(p['text'])
    return '\n'.join(L) + '\n'

# ---------------------------------------------------------------- HTML (k3 for Chromium, k4 for Writer)
def esc(s): return html.escape(s, quote=False)

def html_table_rows(doc, cell_attr=''):
    out = ['<thead>']
    for hr in doc['header']:
        out.append('<tr>' + ''.join(
            f'<th{cell_attr}' + (f' colspan="{c[1]}"' if c[1] > 1 else '') + (f' rowspan="{c[2]}"' if c[2] > 1 else '') + f'>{esc(c[0])}</th>'
            for c in hr if c is not None) + '</tr>')
    out.append('</thead><tbody>')
    n = len(doc['cols'])
    for r in doc['rows']:
        if r['kind'] == 'section':
            out.append(f'<tr class="sec"><td{cell_attr} colspan="{n}"><b>{esc(r["text"])}</b></td></tr>'); continue
        tds = []
        for key in doc['cols']:
            if key == 'exec' and r.get('exec_cont'): continue
            rs = f' rowspan="{r["exec_span"]}"' if key == 'exec' and r.get('exec_span') else ''
            cls = f' class="{key}"'
            paras = cell_paras(r, key)
            inner = ''.join(f'<p>{esc(p)}</p>' for p in paras) if len(paras) > 1 else esc(paras[0]) if paras else ''
            tds.append(f'<td{cell_attr}{cls}{rs}>{inner}</td>')
        out.append('<tr>' + ''.join(tds) + '</tr>')
    out.append('</tbody>')
    return '\n'.join(out)

def html_k3(doc):
    cols = ''.join(f'<col style="width:{w}%">' for w in doc['widths'])
    pre = ''.join(f'<p class="r">{esc(p["text"])}</p>' for p in doc['pre'])
    title = ''.join(f'<p class="t">{esc(t)}</p>' for t in doc['title'])
    post = ''.join(f'<p class="s">{esc(p["text"]) or "&nbsp;"}</p>' for p in doc['post'])
    return f'''<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Комплекс мер – Горноозёрский ГО</title>
<style>
@page {{ size: A4 landscape; margin: 12mm 10mm 12mm 15mm; }}
body {{ font-family: Arial, "Liberation Sans", sans-serif; font-size: 10pt; color: #000; }}
p {{ margin: 0; }}
p.r {{ text-align: right; margin-left: 55%; font-size: 10pt; }}
p.t {{ text-align: center; font-weight: bold; font-size: 12.5pt; margin: 10pt 8% 10pt 8%; }}
p.s {{ margin-top: 4pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
th, td {{ border: 0.75pt solid #333; padding: 3pt 5pt; vertical-align: top; text-align: left; }}
th {{ text-align: center; vertical-align: middle; background: #eef1f5; font-weight: bold; }}
td p {{ margin: 0 0 3pt 0; }}
td p:last-child {{ margin-bottom: 0; }}
td.num {{ text-align: center; }}
tr.sec td {{ background: #f7f7f7; }}
</style></head><body>
{pre}{title}
<table><colgroup>{cols}</colgroup>
{html_table_rows(doc)}
</table>
{post}
</body></html>
'''

def html_k4(doc):
    # for LibreOffice Writer's HTML import: borders from the table attributes
    lt = '<table width="100%" border="0" cellpadding="2">' + ''.join(
        '<tr>' + ''.join(f'<td width="50%" valign="top">' + (f'<b>{esc(c)}</b>' if i == 0 else esc(c)) + '</td>' for c in row) + '</tr>'
        for i, row in enumerate(doc['layout_table'])) + '</table>'
    title = ''.join(f'<p align="center"><b>{esc(t)}</b></p>' for t in doc['title'])
    cols = ''.join(f'<col width="{w * 6}">' for w in doc['widths'])
    post = ''.join(f'<p>{esc(p["text"]) or "&nbsp;"}</p>' for p in doc['post'])
    return f'''<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Дорожная карта</title>
<style>body {{ font-family: "Liberation Serif", "Times New Roman", serif; font-size: 12pt; }}</style></head><body>
{lt}
<p>&nbsp;</p>
{title}
<p>&nbsp;</p>
<table width="100%" border="1" cellspacing="0" cellpadding="4" frame="box" rules="all">{cols}
{html_table_rows(doc)}
</table>
{post}
</body></html>
'''

# ---------------------------------------------------------------- ODT written directly (k2, k6)
def odt(doc, path):
    P = []
    W, H = (21.0, 29.7) if doc['orient'] == 'portrait' else (29.7, 21.0)
    mt, mb, ml, mr = doc['margins_cm']
    font = doc['font']; size = doc['size']
    total_w = W - ml - mr
    n = len(doc['cols'])
    bg = doc.get('header_bg')
    col_styles = ''.join(
        f'<style:style style:name="T1.C{i}" style:family="table-column"><style:table-column-properties style:column-width="{total_w * w / 100:.3f}cm"/></style:style>'
        for i, w in enumerate(doc['widths']))
    border = 'fo:border="0.5pt solid #000000"'
    auto = f'''
<style:style style:name="T1" style:family="table"><style:table-properties style:width="{total_w:.3f}cm" table:align="margins"/></style:style>
{col_styles}
<style:style style:name="T1.H" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle" fo:padding-top="0.08cm" fo:padding-bottom="0.08cm" fo:padding-left="0.1cm" fo:padding-right="0.1cm" {border}{f' fo:background-color="{bg}"' if bg else ''}/></style:style>
<style:style style:name="T1.B" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:padding-left="0.1cm" fo:padding-right="0.1cm" {border}/></style:style>
<style:style style:name="T1.S" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:padding="0.08cm" {border}/></style:style>
<style:style style:name="PH" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="{size - 0.5}pt" fo:font-weight="bold"/></style:style>
<style:style style:name="PS" style:family="paragraph" style:parent-style-name="Cell"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="PN" style:family="paragraph" style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="PR" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="PT" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties fo:font-size="{size + 2.5}pt" fo:font-weight="bold"/></style:style>
<style:style style:name="PSm" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="{size - 0.5}pt"/></style:style>
'''
    def para(style, text):
        return f'<text:p text:style-name="{style}">{esc(text)}</text:p>'
    body = []
    for p in doc['pre']: body.append(para('PR' if p['align'] == 'right' else 'Standard', p['text']))
    body.append(para('Standard', ''))
    for t in doc['title']: body.append(para('PT', t))
    body.append(para('Standard', ''))
    body.append('<table:table table:name="Таблица1" table:style-name="T1">')
    for i in range(n): body.append(f'<table:table-column table:style-name="T1.C{i}"/>')
    body.append('<table:table-header-rows>')
    for hr in doc['header']:
        body.append('<table:table-row>')
        ci = 0
        for c in hr:
            if c is None:
                body.append('<table:covered-table-cell/>'); continue
            a = f' table:number-columns-spanned="{c[1]}"' if c[1] > 1 else ''
            a += f' table:number-rows-spanned="{c[2]}"' if c[2] > 1 else ''
            body.append(f'<table:table-cell table:style-name="T1.H" office:value-type="string"{a}>{para("PH", c[0])}</table:table-cell>')
            for _ in range(c[1] - 1): body.append('<table:covered-table-cell/>')
        body.append('</table:table-row>')
    body.append('</table:table-header-rows>')
    for r in doc['rows']:
        body.append('<table:table-row>')
        if r['kind'] == 'section':
            body.append(f'<table:table-cell table:style-name="T1.S" table:number-columns-spanned="{n}" office:value-type="string">{para("PS", r["text"])}</table:table-cell>')
            body.append('<table:covered-table-cell/>' * (n - 1))
        else:
            for key in doc['cols']:
                if key == 'exec' and r.get('exec_cont'):
                    body.append('<table:covered-table-cell/>'); continue
                a = f' table:number-rows-spanned="{r["exec_span"]}"' if key == 'exec' and r.get('exec_span') else ''
                ps = cell_paras(r, key) or ['']
                st = 'PN' if key == 'num' else 'Cell'
                body.append(f'<table:table-cell table:style-name="T1.B" office:value-type="string"{a}>' + ''.join(para(st, p) for p in ps) + '</table:table-cell>')
        body.append('</table:table-row>')
    body.append('</table:table>')
    for p in doc['post']: body.append(para('PSm' if p.get('size') else 'Standard', p['text']))

    NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')
    fontdecl = f'<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="&apos;{font}&apos;" style:font-pitch="variable"/></office:font-face-decls>'
    content = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS}>{fontdecl}<office:automatic-styles>{auto}</office:automatic-styles>
<office:body><office:text>{''.join(body)}</office:text></office:body></office:document-content>'''
    styles = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>{fontdecl}
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="{font}" fo:font-size="{size}pt" fo:language="ru" fo:country="RU" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties style:font-name="{font}" fo:font-size="{size + 1}pt"/></style:style>
<style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.05cm" fo:line-height="110%"/><style:text-properties fo:font-size="{size}pt"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{W}cm" fo:page-height="{H}cm" style:print-orientation="{doc['orient']}" fo:margin-top="{mt}cm" fo:margin-bottom="{mb}cm" fo:margin-left="{ml}cm" fo:margin-right="{mr}cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
</office:document-styles>'''
    meta = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NS}><office:meta><meta:generator>heldout4/gen.py</meta:generator><dc:title>{esc(sp(doc['title']))}</dc:title></office:meta></office:document-meta>'''
    manifest = '''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>'''
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text', compress_type=zipfile.ZIP_STORED)
        for nm, data in (('content.xml', content), ('styles.xml', styles), ('meta.xml', meta), ('META-INF/manifest.xml', manifest)):
            z.writestr(nm, data, compress_type=zipfile.ZIP_DEFLATED)

# ---------------------------------------------------------------- write
for doc in DOCS:
    n = doc['name']
    with open(os.path.join(OUT, n + '.truth.json'), 'w', encoding='utf-8') as f:
        json.dump(truth_of(doc), f, ensure_ascii=False, indent=2)
    with open(os.path.join(OUT, n + '.txt'), 'w', encoding='utf-8') as f:
        f.write(txt_of(doc))
    with open(os.path.join(OUT, n + '.model.json'), 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
    if n.startswith('k3'):
        open(os.path.join(OUT, n + '.html'), 'w', encoding='utf-8').write(html_k3(doc))
    if n.startswith('k4'):
        open(os.path.join(OUT, n + '.html'), 'w', encoding='utf-8').write(html_k4(doc))
    if doc['producer'] == 'odt':
        odt(doc, os.path.join(OUT, n + '.odt'))
    t = truth_of(doc)
    print(n, len(t['measures']), 'measures', sum(len(m.get('subItems', [])) for m in t['measures']), 'sub')
