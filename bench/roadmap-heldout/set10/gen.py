#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Set 10 generator: roadmaps born in Excel.

Every document is first a sheet model (rows x columns, merges, hidden columns, page setup). From it:
  docs/NAME.xlsx       - the workbook (openpyxl), the source of the PDF (LibreOffice Calc) and of the LO-route DOCX
  docs/NAME.txt        - what Excel gives: clipboard copy / «Текст Unicode» / CSV «;» (see README)
  docs/NAME.docx       - x1, x4, x5: hand-written WordprocessingML as Word pastes an Excel range
                         (x2, x3: made by build.sh from Calc's HTML export through Writer)
  docs/NAME.truth.json - the truth, from the model
All content synthetic. Run with /usr/bin/python3 (openpyxl from Debian).
"""
import datetime as dt
import json
import os
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

import pools

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')
R = random.Random(1010)
D = dt.datetime


def disp(v):
    """The text Excel displays for a cell (what it copies / saves as text)."""
    if v is None:
        return ''
    if isinstance(v, dt.datetime):
        return v.strftime('%d.%m.%Y')
    return str(v)


def flat(v):
    """Truth convention: the lines of a cell (Alt+Enter) joined by one space."""
    return ' '.join(x.strip() for x in disp(v).split('\n') if x.strip())


class Sheet:
    def __init__(self, name, ncols, widths, font, size):
        self.name = name
        self.ncols = ncols
        self.widths = widths  # Excel character widths
        self.font = font
        self.size = size
        self.rows = []  # list of dict(cells=[...], kind=..., meta=...)
        self.merges = []  # (r1, c1, r2, c2), 0-based inclusive
        self.hidden = set()  # hidden column indexes
        self.measures = []  # (row index, dict of truth column indexes / values)

    def add(self, cells, kind, **meta):
        cells = list(cells) + [None] * (self.ncols - len(cells))
        self.rows.append(dict(cells=cells, kind=kind, meta=meta))
        return len(self.rows) - 1

    def merge(self, r1, c1, r2, c2):
        self.merges.append((r1, c1, r2, c2))

    def covered(self):
        """cells hidden under a merge (not the top-left one)"""
        s = {}
        for (r1, c1, r2, c2) in self.merges:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        s[(r, c)] = (r1, c1)
        return s


def pick_measures(n, sections, rng):
    """choose n measures spread over the sections, keeping section order"""
    secs = [(t, list(items)) for t, items in sections]
    counts = [0] * len(secs)
    for i in range(n):
        counts[i % len(secs)] += 1
    out = []
    for (t, items), k in zip(secs, counts):
        k = min(k, len(items))
        chosen = sorted(rng.sample(range(len(items)), k))
        out.append((t, [items[j] for j in chosen]))
    return out


MUN_EXEC = [
    "Управление образования", "МКУ \"ИМЦ\"", "Руководители ШНОР", "Управление образования\nМКУ \"ИМЦ\"",
    "Кураторы ШНОР\nРуководители ШНОР", "Мельникова Т. А.,\nГладких О. В.", "МКУ \"ИМЦ\"\n(Гладких О. В.)",
    "Руководители ОО", "Управление образования,\nруководители ШНОР", "Заместитель начальника управления\nКозырева Н. С.",
    "Руководители ММО", "Педагоги-психологи ШНОР", "Управление образования (Мельникова Т. А.)",
]


def deadline_value(rng, as_date_share):
    if rng.random() < as_date_share:
        m = rng.choice([9, 10, 11, 12, 1, 2, 3, 4, 5])
        y = 2026 if m >= 9 else 2027
        d = rng.choice([1, 10, 15, 20, 25, 30]) if m != 2 else rng.choice([1, 15, 28])
        return D(y, m, d)
    return rng.choice(pools.DEADLINES_TEXT)


# ----------------------------------------------------------------------------------------------------------------
def build_x1():
    """Кедровский МО: landscape, fit to width, repeated header, footer «Страница N из M», hidden column C,
    УТВЕРЖДАЮ block top-right, title in 3 merged rows, section rows «1.» + merged B:H, numbers 1, 2, 3 typed."""
    rng = random.Random(1011)
    s = Sheet('x1-kedrovsky-calc-landscape', 8, [6.5, 52, 9, 14, 24, 34, 17, 13], 'Times New Roman', 11)
    s.hidden = {2}
    for i, line in enumerate(["УТВЕРЖДАЮ", "Начальник управления образования", "администрации Кедровского",
                              "муниципального округа", "____________ Л. А. Синицына", "«05» сентября 2026 г."]):
        r = s.add([None] * 6 + [line], 'approve')
        s.merge(r, 6, r, 7)
    s.add([], 'blank')
    for line in ["ДОРОЖНАЯ КАРТА",
                 "по поддержке школ с низкими образовательными результатами",
                 "Кедровского муниципального округа на 2026/2027 учебный год"]:
        r = s.add([line], 'title')
        s.merge(r, 0, r, 7)
    s.add([], 'blank')
    hdr = s.add(["№ п/п", "Наименование мероприятия", "Код мероприятия (РИС)", "Срок исполнения",
                 "Ответственные исполнители", "Ожидаемый результат", "Источник финансирования",
                 "Отметка о выполнении"], 'header')
    s.meta = dict(header=hdr, fit=True, landscape=True, footer=True, gridlines=False, borders=True)
    n = 0
    for si, (sec, items) in enumerate(pick_measures(26, pools.SECTIONS, rng), 1):
        r = s.add([f"{si}.", sec], 'section')
        s.merge(r, 1, r, 7)
        for k, (meas, ind) in enumerate(items, 1):
            n += 1
            dl = deadline_value(rng, 0.4)
            ex = rng.choice(MUN_EXEC)
            fin = rng.choice(["не требуется", "муниципальный бюджет", "в рамках текущего финансирования",
                              "не требуется", "региональный бюджет (субсидия)"])
            r = s.add([n, meas, f"ШН-{si:02d}.{k:02d}", dl, ex, ind, fin, None], 'measure')
            s.measures.append(dict(row=r, measure=1, deadline=3, executors=4, indicator=5))
    s.add([], 'blank')
    s.add([None, "Начальник управления образования", None, None, "____________", "Л. А. Синицына"], 'sign')
    s.title_rows = ['title']
    s.txt = 'clipboard'
    s.docx = 'word-paste'
    return s


def build_x2():
    """Ольховатский МР: title in one merged cell A1:F1; deadline column BEFORE the measure column; numbers «1.1»
    stored as text; sections in a merged row A:F; printed gridlines instead of borders; portrait; merged
    «Ответственный» over 2-3 rows; no footer. TXT = «Текст Unicode (*.txt)» (UTF-16 LE with BOM)."""
    rng = random.Random(1012)
    s = Sheet('x2-olkhovatsky-unicode-text', 6, [7, 14, 46, 20, 30, 16], 'Arial', 10)
    r = s.add(["План мероприятий («дорожная карта») по повышению качества образования в общеобразовательных "
               "организациях Ольховатского муниципального района, показавших низкие образовательные результаты, "
               "на 2026–2027 учебный год"], 'title')
    s.merge(r, 0, r, 5)
    s.add([], 'blank')
    hdr = s.add(["№ п/п", "Срок", "Мероприятие", "Ответственный", "Показатель результативности", "Примечание"],
                'header')
    s.meta = dict(header=hdr, fit=True, landscape=False, footer=False, gridlines=True, borders=False)
    execs = ["Отдел образования", "МКУ \"ИМЦ\"", "Руководители ШНОР", "Отдел образования,\nМКУ \"ИМЦ\"",
             "Сизова Л. П.,\nметодист МКУ \"ИМЦ\"", "Руководители ОО", "Заместители директоров по УВР"]
    notes = ["", "", "", "по согласованию", "", "перенос с мая", "", "совместно с ЦНППМ", "", "",
             "онлайн-формат", ""]
    merged_left = 0
    for si, (sec, items) in enumerate(pick_measures(24, pools.SECTIONS, rng), 1):
        r = s.add([f"{si}. {sec}"], 'section')
        s.merge(r, 0, r, 5)
        for k, (meas, ind) in enumerate(items, 1):
            dl = rng.choice(["до 01.10.2026", "до 15.11.2026", "до 25.12.2026", "до 20.09.2026", "до 30.05.2027",
                             "в течение года", "ежеквартально", "сентябрь 2026", "до 01.03.2027", "по графику"])
            if merged_left > 0:
                ex = None
                merged_left -= 1
            else:
                ex = rng.choice(execs)
            r = s.add([f"{si}.{k}", dl, meas, ex, ind, rng.choice(notes) or None], 'measure')
            s.measures.append(dict(row=r, measure=2, deadline=1, executors=3, indicator=4))
            plan = {(1, 2): 1, (3, 1): 2, (5, 2): 1}  # «Ответственный» merged over 2-3 measures here
            if ex is not None and merged_left == 0 and (si, k) in plan and k + plan[(si, k)] <= len(items):
                merged_left = plan[(si, k)]
                s.rows[r]['meta']['vstart'] = merged_left
    # vertical merges of «Ответственный»
    for i, row in enumerate(s.rows):
        k = row['meta'].get('vstart')
        if k:
            s.merge(i, 3, i + k, 3)
    s.add([], 'blank')
    s.add([None, None, "Начальник отдела образования", None, "____________ О. Н. Веретенникова"], 'sign')
    s.title_rows = ['title']
    s.txt = 'unicode'
    s.docx = 'lo'
    return s


def build_x3():
    """Заозёрный ГО: a sheet wider than one page (no fit-to-width): columns A–F on the first page, G–I
    (the result, the mark, the note) on the next one; column A and the header rows repeated; page order
    «left to right, then down». Two header rows. TXT = CSV «;» in Windows-1251 named .txt."""
    rng = random.Random(1013)
    s = Sheet('x3-zaozerny-wide-csv', 9, [6, 44, 14, 24, 20, 12, 40, 14, 22], 'Times New Roman', 12)
    for line in ["Дорожная карта", "по повышению качества образования в школах с низкими результатами обучения",
                 "Заозёрного городского округа на 2026–2027 годы"]:
        r = s.add([None, line], 'title')
        s.merge(r, 1, r, 3)
    s.add([], 'blank')
    h1 = s.add(["№ п/п", "Мероприятие", "Срок", "Ответственные исполнители", "Финансовое обеспечение", None,
                "Ожидаемый результат", "Отметка о выполнении", "Примечание"], 'header')
    h2 = s.add([None, None, None, None, "источник", "объём, тыс. руб.", None, None, None], 'header')
    for c in (0, 1, 2, 3, 6, 7, 8):
        s.merge(h1, c, h2, c)
    s.merge(h1, 4, h1, 5)
    s.meta = dict(header=h1, header2=h2, fit=False, landscape=True, footer=True, gridlines=False, borders=True,
                  repeat_col=True)
    execs = ["Комитет по образованию", "МКУ \"Центр развития образования\"", "Руководители ШНОР",
             "Комитет по образованию\nМКУ \"Центр развития образования\"", "Фомичёва Р. Г.\nАндронов К. С.",
             "Руководители ОО", "Андронов К. С., заведующий методическим отделом"]
    n = 0
    for si, (sec, items) in enumerate(pick_measures(25, pools.SECTIONS, rng), 1):
        r = s.add([f"{si}.", sec], 'section')
        s.merge(r, 1, r, 5)
        for k, (meas, ind) in enumerate(items, 1):
            n += 1
            dl = deadline_value(rng, 0.3)
            src = rng.choice(["не требуется", "бюджет округа", "не требуется", "внебюджетные средства"])
            vol = rng.choice([None, None, 15.0, 42.5, 120.0, 8.3]) if src != "не требуется" else None
            if vol is not None and src == "не требуется":
                vol = None
            r = s.add([n, meas, dl, rng.choice(execs), src, vol, ind, None,
                       rng.choice([None, None, None, "см. приложение 2", "по согласованию с ЦНППМ"])], 'measure')
            s.measures.append(dict(row=r, measure=1, deadline=2, executors=3, indicator=6))
    s.add([], 'blank')
    s.add([None, "Председатель комитета по образованию", None, "____________ В. Е. Пастухов"], 'sign')
    s.title_rows = ['title']
    s.txt = 'csv1251'
    s.docx = 'lo'
    return s


def build_x4():
    """МБОУ «Сосновская СОШ»: school roadmap, portrait, fit to width, borders, УТВЕРЖДАЮ top-right, title in 3
    merged rows, sections as a merged row over all columns with Roman numbers; numbers typed 1, 2, 3; deadlines
    as real date cells («01.09.2026»), «Срок» merged vertically over 2-3 rows; executors with Alt+Enter;
    footer «Страница N из M»; Arial 10."""
    rng = random.Random(1014)
    s = Sheet('x4-sosnovskaya-school-dates', 6, [6, 48, 13, 24, 32, 14], 'Arial', 10)
    for line in ["УТВЕРЖДАЮ", "Директор МБОУ «Сосновская СОШ»", "____________ Н. В. Лазарева",
                 "Приказ от 29.08.2026 № 87/2-о"]:
        r = s.add([None] * 4 + [line], 'approve')
        s.merge(r, 4, r, 5)
    s.add([], 'blank')
    for line in ["Дорожная карта", "реализации программы антирисковых мер",
                 "МБОУ «Сосновская СОШ» Листопадного района на 2026/2027 учебный год"]:
        r = s.add([line], 'title')
        s.merge(r, 0, r, 5)
    s.add([], 'blank')
    hdr = s.add(["№ п/п", "Мероприятие", "Срок", "Ответственный", "Планируемый результат",
                 "Отметка о выполнении"], 'header')
    s.meta = dict(header=hdr, fit=True, landscape=False, footer=True, gridlines=False, borders=True)
    execs = ["Директор\nЛазарева Н. В.", "Заместитель директора по УВР\nКоршунова Е. П.",
             "Руководитель ШМО\nБахтина О. И.", "Классные руководители", "Педагог-психолог\nЧернова А. А.",
             "Коршунова Е. П.,\nБахтина О. И.", "Учителя-предметники", "Социальный педагог\nЗуева Т. М.",
             "Руководитель центра \"Точка роста\"\nСавельев И. Г."]
    n = 0
    merged_left = 0
    roman = ["I", "II", "III", "IV"]
    for si, (sec, items) in enumerate(pick_measures(22, pools.SCHOOL_SECTIONS, rng), 1):
        r = s.add([f"{roman[si - 1]}. {sec}"], 'section')
        s.merge(r, 0, r, 5)
        for k, (meas, ind) in enumerate(items):
            n += 1
            if merged_left > 0:
                dl = None
                merged_left -= 1
            else:
                dl = deadline_value(rng, 0.75)
            r = s.add([n, meas, dl, rng.choice(execs), ind, None], 'measure')
            s.measures.append(dict(row=r, measure=1, deadline=2, executors=3, indicator=4))
            if dl is not None and merged_left == 0 and k < len(items) - 2 and rng.random() < 0.3:
                merged_left = rng.choice([1, 2])
                s.rows[r]['meta']['vstart'] = merged_left
    for i, row in enumerate(s.rows):
        k = row['meta'].get('vstart')
        if k:
            s.merge(i, 2, i + k, 2)
    s.add([], 'blank')
    s.add([None, "Директор школы", None, "____________", "Н. В. Лазарева"], 'sign')
    s.title_rows = ['title']
    s.txt = 'clipboard'
    s.docx = 'word-paste'
    return s


def build_x5():
    """Белогорский МО: two-level header «Срок исполнения» over «начало» / «окончание» (date cells, some a text
    merged over both), sections in a merged row over all visible columns («Раздел 1. …»), «Примечание», hidden
    column H «Статус (служебное)», title in 2 merged rows, landscape, fit to width, printed gridlines AND borders,
    footer «Страница N из M»."""
    rng = random.Random(1015)
    s = Sheet('x5-belogorsky-start-end', 8, [6, 50, 12, 12, 26, 34, 20, 14], 'Times New Roman', 11)
    for line in ["Дорожная карта по сопровождению школ с низкими образовательными результатами",
                 "в Белогорском муниципальном округе в 2026/2027 учебном году"]:
        r = s.add([line], 'title')
        s.merge(r, 0, r, 6)
    s.add([], 'blank')
    h1 = s.add(["№ п/п", "Мероприятие", "Срок исполнения", None, "Ответственный исполнитель",
                "Показатель / результат", "Примечание", "Статус (служебное)"], 'header')
    h2 = s.add([None, None, "начало", "окончание", None, None, None, None], 'header')
    for c in (0, 1, 4, 5, 6, 7):
        s.merge(h1, c, h2, c)
    s.merge(h1, 2, h1, 3)
    s.hidden = {7}
    s.meta = dict(header=h1, header2=h2, fit=True, landscape=True, footer=True, gridlines=True, borders=True)
    execs = ["Управление образования", "МКУ \"ИМЦ\"\nКудрявцева Е. Л.", "Руководители ШНОР",
             "Управление образования\nМКУ \"ИМЦ\"", "Кураторы ШНОР", "Лыкова С. Д.,\nКудрявцева Е. Л.",
             "Руководители ОО", "Руководители ММО"]
    n = 0
    for si, (sec, items) in enumerate(pick_measures(24, pools.SECTIONS, rng), 1):
        r = s.add([f"Раздел {si}. {sec}"], 'section')
        s.merge(r, 0, r, 6)
        for k, (meas, ind) in enumerate(items):
            n += 1
            rec = dict(measure=1, executors=4, indicator=5)
            if rng.random() < 0.75:
                m = rng.choice([9, 10, 11, 12, 1, 2, 3, 4])
                y = 2026 if m >= 9 else 2027
                a = D(y, m, 1)
                b = rng.choice([a + dt.timedelta(days=rng.choice([14, 29, 60, 90])), D(2027, 5, 31), D(2027, 6, 30)])
                r = s.add([n, meas, a, b, rng.choice(execs), ind,
                           rng.choice([None, None, None, "по согласованию", "дистанционно", "отчёт в МОиН"]),
                           rng.choice(["план", "в работе", "план"])], 'measure')
                rec['deadline'] = (2, 3)
            else:
                txt = rng.choice(["в течение учебного года", "постоянно", "ежемесячно", "по графику ИМЦ"])
                r = s.add([n, meas, txt, None, rng.choice(execs), ind, None, "в работе"], 'measure')
                s.merge(r, 2, r, 3)
                rec['deadline'] = 2
            rec['row'] = r
            s.measures.append(rec)
    s.add([], 'blank')
    s.add([None, "Начальник управления образования", None, None, "____________", "Г. П. Ермолаева"], 'sign')
    s.title_rows = ['title']
    s.txt = 'clipboard'
    s.docx = 'word-paste'
    return s


def build_x6():
    """Рябиновский МР: no section rows - a column «Направление деятельности» merged vertically over each section's
    measures; hidden column F «Контакт (e-mail)»; «УТВЕРЖДЕНО» top-right; autofilter and frozen header; landscape,
    fit to width, footer «Страница N из M»; DOCX through Calc's HTML export (the hidden column disappears)."""
    rng = random.Random(1016)
    s = Sheet('x6-ryabinovsky-direction-column', 8, [6, 22, 46, 14, 24, 22, 34, 14], 'Arial', 10)
    for line in ["УТВЕРЖДЕНО", "приказом управления образования", "от 10.09.2026 № 312-од"]:
        r = s.add([None] * 6 + [line], 'approve')
        s.merge(r, 6, r, 7)
    s.add([], 'blank')
    for line in ["Дорожная карта по организации работы со школами с низкими образовательными результатами",
                 "в Рябиновском муниципальном районе на 2026/2027 учебный год"]:
        r = s.add([line], 'title')
        s.merge(r, 0, r, 7)
    s.add([], 'blank')
    hdr = s.add(["№ п/п", "Направление деятельности", "Мероприятие", "Срок реализации", "Ответственные",
                 "Контакт (e-mail)", "Ожидаемый результат", "Отметка о выполнении"], 'header')
    s.hidden = {5}
    s.meta = dict(header=hdr, fit=True, landscape=True, footer=True, gridlines=False, borders=True,
                  autofilter=True, freeze=True)
    execs = [("Управление образования", "uo@ryabinovsky.example.ru"),
             ("МБУ \"Методический центр\"", "mc@ryabinovsky.example.ru"),
             ("Руководители ШНОР", ""),
             ("Шилова Н. К.,\nглавный специалист управления образования", "shilova@ryabinovsky.example.ru"),
             ("Тарасевич Д. Ю.\n(МБУ \"Методический центр\")", "tarasevich@ryabinovsky.example.ru"),
             ("Руководители ОО", ""), ("Управление образования\nРуководители ШНОР", "uo@ryabinovsky.example.ru")]
    n = 0
    for si, (sec, items) in enumerate(pick_measures(28, pools.SECTIONS, rng), 1):
        first = None
        for k, (meas, ind) in enumerate(items):
            n += 1
            ex, mail = rng.choice(execs)
            r = s.add([n, sec if k == 0 else None, meas, deadline_value(rng, 0.35), ex, mail or None, ind, None],
                      'measure')
            first = r if first is None else first
            s.measures.append(dict(row=r, measure=2, deadline=3, executors=4, indicator=6))
        s.merge(first, 1, r, 1)
    s.add([], 'blank')
    s.add([None, "Начальник управления образования", None, None, "____________", None, "Е. В. Корнилова"], 'sign')
    s.title_rows = ['title']
    s.txt = 'clipboard'
    s.docx = 'lo'
    return s


# ----------------------------------------------------------------------------------------------------------------
def write_xlsx(s, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Лист1'
    thin = Side(style='thin', color='000000')
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    base = Font(name=s.font, size=s.size)
    bold = Font(name=s.font, size=s.size, bold=True)
    for c, w in enumerate(s.widths):
        cd = ws.column_dimensions[get_column_letter(c + 1)]
        cd.width = w
        if c in s.hidden:
            cd.hidden = True
    hdr_rows = [s.meta['header']] + ([s.meta['header2']] if 'header2' in s.meta else [])
    first_tab = s.meta['header']
    last_tab = max(m['row'] for m in s.measures)
    for r, row in enumerate(s.rows):
        for c, v in enumerate(row['cells']):
            cell = ws.cell(row=r + 1, column=c + 1)
            if v is not None:
                cell.value = v
            kind = row['kind']
            if isinstance(v, dt.datetime):
                cell.number_format = 'DD.MM.YYYY'
            if kind == 'measure' and c == 0 and isinstance(v, str):
                cell.number_format = '@'  # «1.1» stored as text
            if kind == 'title':
                cell.font = Font(name=s.font, size=s.size + 2, bold=True)
                cell.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
            elif kind == 'approve':
                cell.font = base
                cell.alignment = Alignment(horizontal='left')
            elif kind == 'header':
                cell.font = bold
                cell.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
            elif kind == 'section':
                cell.font = bold
                cell.alignment = Alignment(horizontal='left' if c else 'center', vertical='center', wrap_text=True)
            elif kind == 'measure':
                cell.font = base
                cell.alignment = Alignment(horizontal='center' if c in (0,) or isinstance(v, dt.datetime) else 'left',
                                           vertical='top', wrap_text=True)
            else:
                cell.font = base
            if s.meta['borders'] and first_tab <= r <= last_tab:
                cell.border = box
    for (r1, c1, r2, c2) in s.merges:
        ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    # row heights as Excel stores them after autofit (Calc does not re-fit rows of an imported xlsx)
    for r, h in row_heights(s).items():
        ws.row_dimensions[r + 1].height = h
    last = len(s.rows)
    ws.print_area = f"A1:{get_column_letter(s.ncols)}{last}"
    hr2 = (s.meta.get('header2', first_tab)) + 1
    ws.print_title_rows = f"{first_tab + 1}:{hr2}"
    if s.meta.get('repeat_col'):
        ws.print_title_cols = 'A:A'
        ws.page_setup.pageOrder = 'overThenDown'
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = 'landscape' if s.meta['landscape'] else 'portrait'
    if s.meta['fit']:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    ws.print_options.gridLines = s.meta['gridlines']
    if s.meta.get('autofilter'):
        ws.auto_filter.ref = f"A{first_tab + 1}:{get_column_letter(s.ncols)}{last_tab + 1}"
    if s.meta.get('freeze'):
        ws.freeze_panes = f"A{first_tab + 2}"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if s.meta['footer']:
        if s.name.startswith('x6'):
            ws.oddFooter.left.text = "Дорожная карта ШНОР, Рябиновский МР"
            ws.oddFooter.left.size = 8
            ws.oddFooter.right.text = "Страница &P из &N"
            ws.oddFooter.right.size = 8
        else:
            ws.oddFooter.center.text = "Страница &P из &N"
            ws.oddFooter.center.size = 9
    wb.properties.creator = 'Синтетический пример (set 10)'
    wb.save(path)
    # Excel writes print titles as 'Лист1'!$A:$A,'Лист1'!$5:$6 (columns first, absolute); openpyxl 3.0 writes
    # relative refs, which Calc ignores for the columns part - rewrite the defined name the way Excel has it
    cols = "'Лист1'!$A:$A," if s.meta.get('repeat_col') else ''
    new = f"{cols}'Лист1'!${first_tab + 1}:${hr2}"
    tmp = path + '.tmp'
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'xl/workbook.xml':
                t = data.decode('utf-8')
                a = t.index('<definedName name="_xlnm.Print_Titles"')
                a = t.index('>', a) + 1
                b = t.index('</definedName>', a)
                data = (t[:a] + escape(new) + t[b:]).encode('utf-8')
            zout.writestr(item, data)
    os.replace(tmp, path)


def wrap_lines(text, width_chars, size, bold=False, arial=False):
    px = width_chars * 7 - 6
    cw = size * (0.56 if arial else 0.50) * (1.08 if bold else 1.0) * 96 / 72
    per = max(4, int(px / cw))
    n = 0
    for part in text.split('\n'):
        words, line = part.split(' '), 0
        cur = 0
        lines = 1
        for w in words:
            add = len(w) + (1 if cur else 0)
            if cur and cur + add > per:
                lines += 1
                cur = len(w)
            else:
                cur += add
        n += lines
    return n


def row_heights(s):
    cov = s.covered()
    spans = {(r1, c1): (r2, c2) for (r1, c1, r2, c2) in s.merges}
    out = {}
    for r, row in enumerate(s.rows):
        kind = row['kind']
        if kind in ('blank', 'approve', 'sign'):
            continue
        size = s.size + 2 if kind == 'title' else s.size
        best = 1
        for c, v in enumerate(row['cells']):
            if v is None or (r, c) in cov:
                continue
            r2, c2 = spans.get((r, c), (r, c))
            if r2 > r:
                continue
            w = sum(s.widths[x] for x in range(c, c2 + 1))
            best = max(best, wrap_lines(disp(v), w, size, kind in ('title', 'header', 'section'), s.font == 'Arial'))
        if kind == 'header' and 'header2' in s.meta and r == s.meta['header']:
            best = max(1, best - 1)
        out[r] = round(best * size * 1.2 + 3, 1)
    return out


# ------------------------------------------------------------------------------------------------ TXT
def cell_text_rows(s):
    """rows of displayed texts as Excel would give them (merged cells: value in the top-left cell only)."""
    out = []
    for row in s.rows:
        out.append([disp(v) for v in row['cells']])
    return out


def q_clip(t):
    # Excel clipboard (CF_UNICODETEXT): a cell with a line break (or TAB) is quoted, inner quotes doubled
    if '\n' in t or '\t' in t:
        return '"' + t.replace('"', '""') + '"'
    return t


def q_unicode(t):
    # Excel «Текст Unicode»: quotes a cell that holds a line break, a quote or a comma (see README: believed)
    if '\n' in t or '\t' in t or '"' in t or ',' in t:
        return '"' + t.replace('"', '""') + '"'
    return t


def q_csv(t):
    if '\n' in t or ';' in t or '"' in t:
        return '"' + t.replace('"', '""') + '"'
    return t


def write_txt(s, path):
    rows = cell_text_rows(s)
    if s.txt == 'clipboard':
        # the whole used range A1:…, copied with Ctrl+C (hidden columns are copied too) and pasted into Notepad,
        # saved as UTF-8; rows end with CRLF, line breaks inside a cell are LF
        text = ''.join('\t'.join(q_clip(t) for t in r) + '\r\n' for r in rows)
        open(path, 'wb').write(text.encode('utf-8'))
    elif s.txt == 'unicode':
        text = ''.join('\t'.join(q_unicode(t) for t in r) + '\r\n' for r in rows)
        open(path, 'wb').write(b'\xff\xfe' + text.encode('utf-16-le'))
    elif s.txt == 'csv1251':
        def num(t):
            # a number shown with the Russian decimal comma (42,5); dates «20.05.2027» stay as they are
            return t.replace('.', ',') if re.fullmatch(r'\d+\.\d+', t or '') else t
        text = ''.join(';'.join(q_csv(num(t)) for t in r) + '\r\n' for r in rows)
        open(path, 'wb').write(text.encode('cp1251'))


# ------------------------------------------------------------------------------------------------ DOCX (Word paste)
def twips(w):
    return int(round((w * 7 + 5) * 15))


def write_docx_paste(s, path):
    """The range A1:last pasted into a new Word document (Ctrl+V, «Сохранить исходное форматирование»)."""
    vis = [c for c in range(s.ncols) if c not in s.hidden]
    cov = s.covered()
    spans = {(r1, c1): (r2, c2) for (r1, c1, r2, c2) in s.merges}
    font = 'Calibri' if s.font == 'Calibri' else s.font
    sz = s.size * 2
    first_tab = s.meta['header']
    last_tab = max(m['row'] for m in s.measures)
    rpr_base = (f'<w:rFonts w:ascii="{font}" w:eastAsia="Times New Roman" w:hAnsi="{font}" w:cs="{font}"/>'
                f'<w:color w:val="000000"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/><w:lang w:eastAsia="ru-RU"/>')
    body = []
    grid = ''.join(f'<w:gridCol w:w="{twips(s.widths[c])}"/>' for c in vis)
    total = sum(twips(s.widths[c]) for c in vis)
    body.append(f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="-5" w:type="dxa"/>'
                '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
                'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
                f'<w:tblGrid>{grid}</w:tblGrid>')
    for r, row in enumerate(s.rows):
        kind = row['kind']
        body.append('<w:tr w:rsidR="00A31F5C" w:rsidRPr="00A31F5C" w:rsidTr="00A31F5C">'
                    '<w:trPr><w:trHeight w:val="300"/></w:trPr>')
        c = 0
        while c < s.ncols:
            if c in s.hidden:
                c += 1
                continue
            key = (r, c)
            if key in cov and cov[key][0] == r:
                c += 1  # horizontally covered: handled by gridSpan
                continue
            vm = ''
            if key in cov:  # vertically covered
                top = cov[key]
                r2, c2 = spans[top]
                vm = '<w:vMerge/>'
                span_cols = [x for x in range(top[1], c2 + 1) if x not in s.hidden]
                v = None
            else:
                v = row['cells'][c]
                r2, c2 = spans.get(key, (r, c))
                span_cols = [x for x in range(c, c2 + 1) if x not in s.hidden]
                if r2 > r:
                    vm = '<w:vMerge w:val="restart"/>'
            w = sum(twips(s.widths[x]) for x in span_cols)
            gs = f'<w:gridSpan w:val="{len(span_cols)}"/>' if len(span_cols) > 1 else ''
            bordered = s.meta['borders'] and first_tab <= r <= last_tab
            b = ('<w:tcBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                 '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                 '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                 '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tcBorders>') if bordered else (
                '<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                '<w:right w:val="nil"/></w:tcBorders>')
            wrap = kind in ('measure', 'header', 'section', 'title')
            valign = 'top' if kind == 'measure' else ('center' if kind in ('header', 'title', 'section') else 'bottom')
            jc = ''
            if kind in ('title', 'header') or (kind == 'measure' and (c == 0 or isinstance(v, dt.datetime))):
                jc = '<w:jc w:val="center"/>'
            bold = '<w:b/><w:bCs/>' if kind in ('title', 'header', 'section') else ''
            szx = f'<w:sz w:val="{sz + 4}"/><w:szCs w:val="{sz + 4}"/>' if kind == 'title' else ''
            rpr = rpr_base if not szx else rpr_base.replace(f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>', szx)
            rpr = rpr.replace('<w:color ', bold + '<w:color ', 1)  # CT_RPr order: rFonts, b, bCs, color, sz, lang
            tcpr = (f'<w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{gs}{vm}{b}'
                    f'{"" if wrap else "<w:noWrap/>"}<w:vAlign w:val="{valign}"/><w:hideMark/></w:tcPr>')
            runs = ''
            t = disp(v)
            if t:
                parts = t.split('\n')
                for i, p in enumerate(parts):
                    if i:
                        runs += f'<w:r><w:rPr>{rpr}</w:rPr><w:br/></w:r>'
                    runs += f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{escape(p)}</w:t></w:r>'
            para = (f'<w:p w:rsidR="00A31F5C" w:rsidRPr="00A31F5C" w:rsidRDefault="00A31F5C" w:rsidP="00A31F5C">'
                    f'<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>{jc}'
                    f'<w:rPr>{rpr}</w:rPr></w:pPr>{runs}</w:p>')
            body.append(f'<w:tc>{tcpr}{para}</w:tc>')
            c = (c2 + 1) if not key in cov else (c2 + 1)
        body.append('</w:tr>')
    body.append('</w:tbl>')
    land = s.meta['landscape']
    pg = ('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if land else '<w:pgSz w:w="11906" w:h="16838"/>')
    body.append('<w:p w:rsidR="00A31F5C" w:rsidRDefault="00A31F5C"/>')
    body.append(f'<w:sectPr w:rsidR="00A31F5C">{pg}<w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
                'w:left="1134" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/>'
                '<w:docGrid w:linePitch="360"/></w:sectPr>')
    W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
           + ''.join(body) + '</w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
              '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" '
              'w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
              '<w:lang w:val="ru-RU" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
              '<w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>'
              '<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/>'
              '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/>'
              '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
              '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
              '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
              '</w:styles>')
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}">'
                '<w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>'
                '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
                'w:val="15"/></w:compat><w:rsids><w:rsidRoot w:val="00A31F5C"/><w:rsid w:val="00A31F5C"/></w:rsids>'
                '<w:themeFontLang w:val="ru-RU"/></w:settings>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title>'
            '<dc:creator>Синтетический пример (set 10)</dc:creator><cp:revision>1</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-07T06:12:00Z</dcterms:created></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Template>Normal.dotm</Template><Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in [('[Content_Types].xml', ct), ('_rels/.rels', rels), ('word/document.xml', doc),
                           ('word/_rels/document.xml.rels', drels), ('word/styles.xml', styles),
                           ('word/settings.xml', settings), ('docProps/core.xml', core), ('docProps/app.xml', app)]:
            zi = zipfile.ZipInfo(name, date_time=(2026, 9, 7, 9, 12, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ------------------------------------------------------------------------------------------------ truth
def truth(s):
    cov = s.covered()

    def val(r, c):
        if (r, c) in cov:
            r0, c0 = cov[(r, c)]
            return s.rows[r0]['cells'][c0], True
        return s.rows[r]['cells'][c], False

    title = ' '.join(flat(x) for row in s.rows if row['kind'] in s.title_rows for x in row['cells'] if x)
    ms, over = [], {}
    for i, m in enumerate(s.measures):
        r = m['row']
        rec = {}
        for f in ('measure', 'deadline', 'executors', 'indicator'):
            c = m[f]
            if isinstance(c, tuple):
                a, b = flat(s.rows[r]['cells'][c[0]]), flat(s.rows[r]['cells'][c[1]])
                rec[f] = f"{a} – {b}"
                continue
            v, covered = val(r, c)
            rec[f] = flat(v)
            if covered and cov[(r, c)][0] != r:
                over.setdefault(str(i), {})[f] = ''
        ms.append(rec)
    t = {"title": title, "synthetic": True, "measures": ms}
    if over:
        t["overrides"] = {"txt": over}
    return t


BUILDERS = [build_x1, build_x2, build_x3, build_x4, build_x5, build_x6]

if __name__ == '__main__':
    os.makedirs(DOCS, exist_ok=True)
    summary = {}
    for b in BUILDERS:
        s = b()
        write_xlsx(s, os.path.join(DOCS, s.name + '.xlsx'))
        write_txt(s, os.path.join(DOCS, s.name + '.txt'))
        if s.docx == 'word-paste':
            write_docx_paste(s, os.path.join(DOCS, s.name + '.docx'))
        t = truth(s)
        json.dump(t, open(os.path.join(DOCS, s.name + '.truth.json'), 'w', encoding='utf-8'), ensure_ascii=False,
                  indent=2)
        summary[s.name] = dict(measures=len(t['measures']), docx=s.docx, txt=s.txt,
                               overrides=sum(len(v) for v in t.get('overrides', {}).get('txt', {}).values()))
    json.dump(summary, open(os.path.join(DOCS, 'summary.json'), 'w'), indent=1)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
