#!/usr/bin/env python3
"""Held-out set 9 generator: official orders with roadmap appendices (СЭД-style). All content synthetic.
Builds a row model per document, then writes docs/NAME.txt, docs/NAME.truth.json and either
docs/NAME.docx (hand-written WordprocessingML, producer 'ooxml') or docs/NAME.html (source for LibreOffice)."""
import json, random, zipfile, html, os
from pools import SECTIONS, DEADLINES, PAIRS

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')
rnd = random.Random(909)

EXEC = ["Управление образования (Гусева Т. Н.)", "муниципальный координатор", "руководители ОО", "ММС (Дронова Е. А., методист)",
        "кураторы ШНОР", "педагоги-психологи ОО", "заместители директоров по УВР", "ЦППМСП (Лаптева О. В.)",
        "руководители ММО", "классные руководители", "рабочая группа", "Отдел общего образования (Сафонов И. Р.)"]

def pick_exec():
    k = rnd.choice([1, 1, 2, 2, 3])
    return ", ".join(rnd.sample(EXEC, k))

# ---------------------------------------------------------------- document specs
DOCS = [
 dict(name="r1-krasnoberezhny-delo-order", producer="ooxml", n=24, secs=[0, 1, 2, 3, 5], numstyle="dotted",
      org=["АДМИНИСТРАЦИЯ КРАСНОБЕРЕЖНОГО МУНИЦИПАЛЬНОГО ОКРУГА", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ"],
      kind="ПРИКАЗ", date="14.09.2026", num="512-о", city="г. Краснобережье",
      reg="Приказ от 14.09.2026 № 512-о", barcode="ШК 2609145120047181",
      order_title="Об утверждении дорожной карты по адресной поддержке школ с низкими образовательными результатами на 2026–2027 учебный год",
      preamble="В целях повышения качества образования в общеобразовательных организациях Краснобережного муниципального округа, показывающих низкие образовательные результаты, и во исполнение приказа министерства образования Северо-Камской области от 21.08.2026 № 1144",
      items=["Утвердить дорожную карту по адресной поддержке школ с низкими образовательными результатами Краснобережного муниципального округа на 2026–2027 учебный год (приложение).",
             "Руководителям общеобразовательных организаций обеспечить выполнение мероприятий дорожной карты в установленные сроки.",
             "Контроль за исполнением настоящего приказа оставляю за собой."],
      signer=("Начальник управления образования", "Т. Н. Гусева"),
      appendix=["Приложение", "к приказу управления образования", "от 14.09.2026 № 512-о"],
      title=["Дорожная карта", "по адресной поддержке школ с низкими образовательными результатами", "Краснобережного муниципального округа на 2026–2027 учебный год"],
      cols=[("num", "№\nп/п", 800), ("measure", "Наименование мероприятия", 5200), ("deadline", "Срок", 1900),
            ("executors", "Ответствен-\nные исполни-\nтели", 2870), ("indicator", "Ожидаемый результат", 3800)],
      landscape=True, sz_order=28, sz_table=24, chunks=[5, 8], cont_line="Продолжение таблицы",
      exec_merge_secs=[0], dl_merge=(2, 1, 3, "в течение учебного года"), section_style="span",
      after="soglas", esign=("01A2F3C40097B1E2D5006B8E4C31F27A", "Гусева Татьяна Николаевна", "12.03.2026", "05.06.2027"),
      txt="word"),
 dict(name="r2-yasnogorsk-school-directum", producer="ooxml", n=20, secs=[0, 3, 4, 5], numstyle="plain",
      org=["МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ", "«ЯСНОГОРСКАЯ СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 3»", "ЗАРЕЧНО-ОЛЬХОВСКОГО РАЙОНА"],
      kind="ПРИКАЗ", date="02.09.2026", num="118/01-07", city="пос. Ясногорский",
      reg="Приказ № 118/01-07 от 02.09.2026", barcode="Документ создан в электронной форме. № 118/01-07 от 02.09.2026. Исполнитель: Ковригина Л. П.",
      order_title="Об утверждении плана мероприятий («дорожной карты») по повышению качества образования на 2026/2027 учебный год",
      preamble="На основании решения педагогического совета (протокол от 29.08.2026 № 1), в целях реализации программы антирисковых мер школы",
      items=["Утвердить план мероприятий («дорожную карту») по повышению качества образования в МБОУ «Ясногорская СОШ № 3» на 2026/2027 учебный год (приложение).",
             "Заместителю директора по УВР Ковригиной Л. П. ежеквартально представлять информацию о выполнении плана мероприятий.",
             "Контроль за исполнением настоящего приказа оставляю за собой."],
      signer=("Директор", "С. В. Мельникова"),
      appendix=["Приложение к приказу", "МБОУ «Ясногорская СОШ № 3»", "от 02.09.2026 № 118/01-07"],
      title=["План мероприятий («дорожная карта»)", "по повышению качества образования в МБОУ «Ясногорская СОШ № 3» на 2026/2027 учебный год"],
      cols=[("num", "№", 450), ("measure", "Наименование мероприятия", 2700), ("start", "начало", 1300), ("end", "окончание", 1300),
            ("executors", "Ответствен-\nный", 1800), ("indicator", "Форма заверше-\nния", 1805)],
      landscape=False, sz_order=28, sz_table=24, chunks=[4, 6], cont_line=None,
      exec_merge_secs=[3], dl_merge=(1, 0, 3, None), section_style="span", twohead=True, end_label="оконча-\nние",
      after="oznak", esign=("7C00E51F2A0D4B9300A1B2C3D4E5F60718293A4B", "Мельникова Светлана Викторовна", "20.01.2026", "20.04.2027"),
      txt="word"),
 dict(name="r3-severokamsk-region-praktika", producer="ooxml", n=28, secs=[0, 1, 2, 3, 4, 5], numstyle="plain11",
      org=["МИНИСТЕРСТВО ОБРАЗОВАНИЯ СЕВЕРО-КАМСКОЙ ОБЛАСТИ"],
      kind="П Р И К А З", date="21.09.2026", num="1307", city="г. Камскоозёрск",
      reg="Приказ Министерства образования Северо-Камской области от 21.09.2026 № 1307", barcode="Рег. № 1307 от 21.09.2026 · 0000-4417-2609",
      order_title="Об утверждении регионального плана мероприятий («дорожной карты») по поддержке школ с низкими результатами обучения и школ, функционирующих в неблагоприятных социальных условиях",
      preamble="В соответствии с государственной программой Северо-Камской области «Развитие образования», в целях организации адресной поддержки общеобразовательных организаций",
      items=["Утвердить региональный план мероприятий («дорожную карту») по поддержке школ с низкими результатами обучения и школ, функционирующих в неблагоприятных социальных условиях, на 2026–2027 учебный год (приложение 1).",
             "Органам местного самоуправления, осуществляющим управление в сфере образования, обеспечить реализацию плана мероприятий на муниципальном уровне.",
             "Контроль за исполнением приказа оставляю за собой."],
      signer=("Министр", "Р. А. Шубин"),
      appendix=["Приложение 1", "к приказу Министерства образования", "Северо-Камской области", "от 21.09.2026 № 1307"],
      title=["Региональный план мероприятий («дорожная карта»)", "по поддержке школ с низкими результатами обучения и школ, функционирующих в неблагоприятных социальных условиях, на 2026–2027 учебный год"],
      cols=[("num", "№ п/п", 750), ("measure", "Мероприятие", 4100), ("level", "Уровень реализа-\nции", 2000), ("deadline", "Срок реализации", 1800),
            ("executors", "Ответствен-\nные исполни-\nтели", 2600), ("indicator", "Показатель результа-\nтивности", 3320)],
      landscape=True, sz_order=28, sz_table=24, chunks=[5, 8], cont_line="Продолжение приложения 1",
      exec_merge_secs=[1, 4], dl_merge=(3, 2, 4, "в течение учебного года"), section_style="seeds",
      after="soglas", esign=("3F9D0A7711C2E4B58860D1A2F0C39E41", "Шубин Роман Анатольевич", "02.02.2026", "02.05.2027"),
      txt="seeds"),
 dict(name="r4-olkhovka-district-lo-html", producer="html", n=22, secs=[0, 1, 2, 3, 5], numstyle="dot1",
      org=["АДМИНИСТРАЦИЯ ЗАРЕЧНО-ОЛЬХОВСКОГО РАЙОНА", "ОТДЕЛ ОБРАЗОВАНИЯ"],
      kind="ПРИКАЗ", date="05.10.2026", num="233-од", city="с. Ольховка",
      reg="Приказ от 05.10.2026 № 233-од", barcode="*2610052330*  ШК 4600-233-05102026",
      order_title="Об утверждении муниципальной дорожной карты по повышению качества образования в школах с низкими результатами обучения",
      preamble="В целях реализации региональной программы поддержки школ с низкими результатами обучения и на основании результатов мониторинга 2026 года",
      items=["Утвердить муниципальную дорожную карту по повышению качества образования в школах с низкими результатами обучения на 2026–2027 учебный год (приложение).",
             "Муниципальному координатору Лаптевой О. В. обеспечить методическое сопровождение реализации дорожной карты.",
             "Контроль за исполнением приказа оставляю за собой."],
      signer=("Начальник отдела образования", "А. Г. Вершинин"),
      appendix=["Приложение", "к приказу отдела образования", "от 05.10.2026 № 233-од"],
      title=["Муниципальная дорожная карта", "по повышению качества образования в школах с низкими результатами обучения Заречно-Ольховского района на 2026–2027 учебный год"],
      cols=[("num", "№ п/п", 6), ("measure", "Мероприятие", 36), ("deadline", "Сроки исполне-\nния", 14),
            ("executors", "Ответствен-\nные исполни-\nтели", 19), ("indicator", "Индикаторы / ожидаемый результат", 25)],
      landscape=False, sz_order=28, sz_table=24, chunks=[4, 6], cont_line="Продолжение таблицы",
      exec_merge_secs=[2], dl_merge=(1, 1, 3, "в течение учебного года"), section_style="span",
      after="soglas", esign=("00B7E2A95C4410D6F3A8E1902C7D5B66", "Вершинин Алексей Геннадьевич", "15.05.2026", "08.08.2027"),
      txt="word"),
 dict(name="r5-lesnoozersk-lo-gs", producer="html", n=22, secs=[1, 2, 3, 4, 5], numstyle="plain",
      org=["МУНИЦИПАЛЬНОЕ КАЗЁННОЕ УЧРЕЖДЕНИЕ", "«УПРАВЛЕНИЕ ОБРАЗОВАНИЯ ЛЕСНООЗЁРСКОГО ГОРОДСКОГО ОКРУГА»"],
      kind="ПРИКАЗ", date="28.09.2026", num="74/1-п", city="г. Лесноозёрск",
      reg="Приказ от 28.09.2026 № 74/1-п", barcode="Рег. номер: 74/1-п · ID 5530-2609-2874",
      order_title="Об утверждении плана мероприятий по сопровождению школ с рисками учебной неуспешности",
      preamble="В целях снижения доли общеобразовательных организаций с низкими результатами обучения в Лесноозёрском городском округе",
      items=["Утвердить план мероприятий («дорожную карту») по сопровождению школ с рисками учебной неуспешности на 2026–2027 учебный год (приложение 1).",
             "Руководителям общеобразовательных организаций назначить ответственных за реализацию плана мероприятий в срок до 09.10.2026.",
             "Контроль за исполнением настоящего приказа оставляю за собой."],
      signer=("Начальник МКУ «Управление образования»", "Н. П. Ордынцева"),
      appendix=["Приложение 1", "к приказу МКУ «Управление образования»", "от 28.09.2026 № 74/1-п"],
      title=["План мероприятий («дорожная карта»)", "по сопровождению школ с рисками учебной неуспешности Лесноозёрского городского округа на 2026–2027 учебный год"],
      cols=[("num", "№ п/п", 5), ("measure", "Содержание мероприятия", 33), ("start", "начало", 10), ("end", "окончание", 10),
            ("executors", "Исполни-\nтели", 17), ("indicator", "Результат (форма заверше-\nния)", 25)],
      landscape=True, sz_order=28, sz_table=24, chunks=[3, 5], cont_line="Продолжение приложения 1",
      exec_merge_secs=[0], dl_merge=(2, 0, 3, None), section_style="span", twohead=True,
      after="oznak", esign=("5A11C0DE0F3B6A2E77D4091B8C2E3F10", "Ордынцева Наталья Петровна", "01.04.2026", "01.07.2027"),
      txt="word"),
]

def numfmt(style, si, mi, run):
    if style == "dotted": return f"{si}.{mi}.", f"{si}."
    if style == "plain11": return f"{si}.{mi}", f"{si}"
    if style == "dot1": return f"{run}.", ""
    return f"{run}", ""

def build_model(d):
    n = d["n"]; secs = d["secs"]
    # distribute n measures over sections
    base = [n // len(secs)] * len(secs)
    for i in range(n - sum(base)): base[i % len(secs)] += 1
    rows = []; run = 0
    for k, (si, cnt) in enumerate(zip(secs, base)):
        stitle, pool = SECTIONS[si]
        items = rnd.sample(pool, min(cnt, len(pool)))
        while len(items) < cnt: items.append(rnd.choice([p for p in SECTIONS[(si + 1) % 6][1] if p not in items]))
        n1, s1 = numfmt(d["numstyle"], k + 1, 0, 0)
        rows.append(dict(kind="sec", num=s1, text=stitle, sec=k))
        sec_exec = pick_exec() if k in d["exec_merge_secs"] else None
        for mi, (m, ind) in enumerate(items):
            run += 1
            num, _ = numfmt(d["numstyle"], k + 1, mi + 1, run)
            r = dict(kind="m", num=num, measure=m, indicator=ind, sec=k, mk={})
            r["executors"] = sec_exec or pick_exec()
            if sec_exec: r["mk"]["executors"] = ("ex", k)
            if d.get("twohead"):
                r["start"], r["end"] = rnd.choice(PAIRS)
            else:
                r["deadline"] = rnd.choice(DEADLINES)
            if "level" in [c[0] for c in d["cols"]]:
                r["level"] = rnd.choice(["региональный", "муниципальный", "региональный, муниципальный", "уровень ОО"])
            rows.append(r)
    # deadline merge: section index, first measure offset, count
    ds, off, cnt, text = d["dl_merge"]
    ms = [r for r in rows if r["kind"] == "m" and r["sec"] == ds][off:off + cnt]
    if d.get("twohead"):
        st, en = rnd.choice(PAIRS)
        for r in ms: r["start"], r["end"] = st, en; r["mk"]["deadline"] = ("dl", ds)
    else:
        for r in ms: r["deadline"] = text; r["mk"]["deadline"] = ("dl", ds)
    for r in rows:
        if r["kind"] == "m" and d.get("twohead"):
            r["deadline"] = f'{r["start"]} – {r["end"]}'
    # chunks (manual page breaks; continuation tables start with the column-numbers row)
    first, rest = d["chunks"]; chunks = []; i = 0; size = first
    while i < len(rows):
        chunks.append(rows[i:i + size]); i += size; size = rest
    # merge states per chunk
    for ch in chunks:
        prev = {}
        for r in ch:
            r["vm"] = {}
            if r["kind"] != "m": prev = {}; continue
            for f, key in r["mk"].items():
                r["vm"][f] = "cont" if prev.get(f) == key else "restart"
            prev = dict(r["mk"])
    # a section row between two rows of one merged executors group would break the merge: sections reset prev (fine,
    # every merge group lies within one section)
    return rows, chunks

def cell_fields(d):
    return [c[0] for c in d["cols"]]

def merged_field(f):
    return "deadline" if f in ("start", "end", "deadline") else f

def row_cells(d, r):
    """list of (text, vm) per column for a measure row."""
    out = []
    for f in cell_fields(d):
        vm = r["vm"].get(merged_field(f)) if f != "num" else None
        txt = r.get(f, "")
        out.append((txt, vm))
    return out

# ---------------------------------------------------------------- TXT (as copied from Word)
def oneline(s): return " ".join(s.split())

def build_txt(d, rows, chunks):
    L = []; seeds = d["txt"] == "seeds"
    B = (lambda s: f"**{s}**") if seeds else (lambda s: s)
    for o in d["org"]: L.append(o)
    L.append(""); L.append(d["kind"]); L.append("")
    L.append(f'{d["date"]}\t\t\t\t№ {d["num"]}'); L.append(d["city"]); L.append("")
    L.append(B(d["order_title"])); L.append("")
    L.append(d["preamble"] + ","); L.append("ПРИКАЗЫВАЮ:" if not seeds else "п р и к а з ы в а ю:")
    for i, it in enumerate(d["items"]): L.append(f"{i+1}. {it}")
    L.append(""); L.append(f'{d["signer"][0]}\t\t\t{d["signer"][1]}'); L.append("")
    for a in d["appendix"]: L.append(a)
    L.append("")
    if seeds: L.append(B(" ".join(d["title"])))
    else: L.extend(d["title"])
    L.append("")
    ncol = len(d["cols"])
    overrides = {}
    midx = -1
    for ci, ch in enumerate(chunks):
        if ci == 0:
            if d.get("twohead"):
                h1 = []; h2 = []
                for f, h, w in d["cols"]:
                    if f == "start": h1.append("Срок исполнения"); h2.append("начало")
                    elif f == "end": h2.append(oneline(d.get("end_label", "окончание")))
                    else: h1.append(oneline(h)); h2.append("")
                L.append("\t".join(h1)); L.append("\t".join(h2))
            else:
                L.append("\t".join(oneline(h) for f, h, w in d["cols"]))
        else:
            if d["cont_line"]: L.append(d["cont_line"])
        L.append("\t".join(str(i + 1) for i in range(ncol)))
        for r in ch:
            if r["kind"] == "sec":
                if seeds: L.append(f'{r["num"]}\t{r["text"]}' + "\t" * (ncol - 2))
                else: L.append((r["num"] + " " if r["num"] else "") + r["text"])
                continue
            midx += 1
            cells = []
            for (txt, vm), f in zip(row_cells(d, r), cell_fields(d)):
                if vm == "cont":
                    cells.append("")
                    tf = merged_field(f)
                    if tf in ("deadline", "executors"): overrides.setdefault(str(midx), {})[tf] = ""
                else: cells.append(oneline(txt))
            L.append("\t".join(cells))
    L.append("")
    L.extend(after_txt(d))
    L.append("")
    L.extend(esign_lines(d))
    return "\n".join(L) + "\n", overrides

SOGLAS = [("Заместитель начальника управления", "Сафонов И. Р.", "11.09.2026", "Согласовано"),
          ("Начальник отдела общего образования", "Дронова Е. А.", "11.09.2026", "Согласовано"),
          ("Юрисконсульт", "Пименова К. С.", "12.09.2026", "Согласовано с замечаниями")]
OZNAK = [("Ковригина Л. П.", "заместитель директора по УВР", "02.09.2026", "ознакомлен(а)"),
         ("Тарасенко А. М.", "педагог-психолог", "03.09.2026", "ознакомлен(а)"),
         ("Белоусова Н. Ю.", "руководитель ШМО", "03.09.2026", "ознакомлен(а)"),
         ("Ефремов Д. С.", "учитель математики", "04.09.2026", "ознакомлен(а)")]

def after_table(d):
    if d["after"] == "soglas":
        return "ЛИСТ СОГЛАСОВАНИЯ", ["Должность", "Ф.И.О.", "Дата", "Результат согласования"], SOGLAS
    return "ЛИСТ ОЗНАКОМЛЕНИЯ", ["Ф.И.О.", "Должность", "Дата ознакомления", "Отметка"], OZNAK

def after_txt(d):
    h, hdr, rows = after_table(d)
    return [h, f'к приказу от {d["date"]} № {d["num"]}', "\t".join(hdr)] + ["\t".join(r) for r in rows]

def esign_lines(d):
    cert, owner, a, b = d["esign"]
    return ["ДОКУМЕНТ ПОДПИСАН", "ЭЛЕКТРОННОЙ ПОДПИСЬЮ", f"Сертификат: {cert}", f"Владелец: {owner}", f"Действителен с {a} по {b}"]

def truth(d, rows, overrides):
    ms = [dict(measure=oneline(r["measure"]), deadline=oneline(r["deadline"]), executors=oneline(r["executors"]),
               indicator=oneline(r["indicator"])) for r in rows if r["kind"] == "m"]
    t = dict(title=" ".join(d["title"]), synthetic=True, measures=ms)
    if overrides: t["overrides"] = {"txt": overrides}
    return t

# ---------------------------------------------------------------- OOXML writer
def esc(s): return html.escape(s, quote=False)

def runs(text, sz, b=False, i=False):
    rpr = f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>{"<w:b/>" if b else ""}{"<w:i/>" if i else ""}<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>'
    parts = text.split("\n"); out = []
    for k, p in enumerate(parts):
        if k: out.append(f'<w:r>{rpr}<w:br/></w:r>')
        if p: out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{esc(p)}</w:t></w:r>')
    return "".join(out)

def P(text="", sz=28, b=False, jc="both", ind=None, after=0, before=0, pbb=False, keep=False, sect=None, i=False, left=None):
    ppr = ""
    if keep: ppr += "<w:keepNext/>"
    if pbb: ppr += "<w:pageBreakBefore/>"
    ppr += f'<w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="auto"/>'
    if ind or left: ppr += f'<w:ind{" w:firstLine=%s" % chr(34) + str(ind) + chr(34) if ind else ""}{" w:left=%s" % chr(34) + str(left) + chr(34) if left else ""}/>'
    ppr += f'<w:jc w:val="{jc}"/>'
    if sect: ppr += sect
    return f'<w:p><w:pPr>{ppr}</w:pPr>{runs(text, sz, b, i)}</w:p>'

BORD = '<w:tblBorders>' + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + '</w:tblBorders>'

def TC(text, w, sz, span=1, vm=None, b=False, jc="left"):
    tcpr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
    if span > 1: tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vm == "restart": tcpr += '<w:vMerge w:val="restart"/>'
    elif vm == "cont": tcpr += '<w:vMerge/>'
    body = P("" if vm == "cont" else text, sz=sz, b=b, jc=jc)
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>'

def TR(cells, header=False):
    trpr = "<w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
    return f'<w:tr>{trpr}{"".join(cells)}</w:tr>'

def TBL(widths, rows_xml, jc=None, borders=BORD):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    tjc = f'<w:jc w:val="{jc}"/>' if jc else ""
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{tjc}{borders}<w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows_xml)}</w:tbl>')

def sectpr(landscape, final=False):
    if landscape: pg = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="850" w:left="1134" w:header="567" w:footer="454" w:gutter="0"/>'
    else: pg = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="454" w:gutter="0"/>'
    return (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="{"rIdF2" if landscape else "rIdF1"}"/>'
            f'{pg}<w:pgNumType w:start="1"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>') if not final else \
           (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="{"rIdF2" if landscape else "rIdF1"}"/>'
            f'{pg}<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')

def table_chunk_xml(d, ch, ci, sz):
    widths = [c[2] for c in d["cols"]]; ncol = len(widths); X = []
    if ci == 0:
        if d.get("twohead"):
            r1 = []; r2 = []
            for f, h, w in d["cols"]:
                if f == "start": r1.append(TC("Срок исполнения", widths[2] + widths[3], sz, span=2, b=True, jc="center")); r2.append(TC("начало", w, sz, b=True, jc="center"))
                elif f == "end": r2.append(TC(d.get("end_label", "окончание"), w, sz, b=True, jc="center"))
                else: r1.append(TC(h, w, sz, vm="restart", b=True, jc="center")); r2.append(TC("", w, sz, vm="cont"))
            X += [TR(r1), TR(r2)]
        else:
            X.append(TR([TC(h, w, sz, b=True, jc="center") for f, h, w in d["cols"]]))
    X.append(TR([TC(str(i + 1), w, sz, jc="center") for i, w in enumerate(widths)]))
    for r in ch:
        if r["kind"] == "sec":
            t = (r["num"] + ". " if d["numstyle"] == "dotted" else (r["num"] + " " if r["num"] else "")) + r["text"]
            t = (r["num"] + " " if r["num"] else "") + r["text"]
            X.append(TR([TC(t, sum(widths), sz, span=ncol, b=True, jc="center")]))
            continue
        cells = []
        for (txt, vm), (f, h, w) in zip(row_cells(d, r), d["cols"]):
            cells.append(TC(txt, w, sz, vm=vm, jc="center" if f in ("num", "start", "end", "deadline", "level") else "left"))
        X.append(TR(cells))
    return TBL(widths, X)

def esign_xml(d, width):
    cert, owner, a, b = d["esign"]
    bd = '<w:tblBorders>' + "".join(f'<w:{s} w:val="double" w:sz="6" w:space="0" w:color="1F3864"/>' for s in ("top", "left", "bottom", "right")) + '</w:tblBorders>'
    body = (P("ДОКУМЕНТ ПОДПИСАН\nЭЛЕКТРОННОЙ ПОДПИСЬЮ", sz=20, b=True, jc="center", after=60) +
            P(f"Сертификат: {cert}\nВладелец: {owner}\nДействителен с {a} по {b}", sz=18, jc="left"))
    row = f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc></w:tr>'
    return TBL([width], [row], jc="center", borders=bd)

def build_docx(d, rows, chunks):
    so, st = d["sz_order"], d["sz_table"]; B = []
    for o in d["org"]: B.append(P(o, sz=so, b=True, jc="center"))
    B.append(P("", sz=so)); B.append(P(d["kind"], sz=32, b=True, jc="center", after=240))
    # date / number line via a borderless 2-cell table
    nb = '<w:tblBorders>' + "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + '</w:tblBorders>'
    B.append(TBL([4677, 4678], [f'<w:tr>{TC(d["date"], 4677, so)}{TC("№ " + d["num"], 4678, so, jc="right")}</w:tr>'], borders=nb))
    B.append(P(d["city"], sz=so, jc="center", after=240))
    B.append(P(d["order_title"], sz=so, b=True, jc="left", after=240))
    B.append(P(d["preamble"] + ",", sz=so, ind=709))
    B.append(P("ПРИКАЗЫВАЮ:", sz=so, b=True, jc="left", before=120, after=120))
    for i, it in enumerate(d["items"]): B.append(P(f"{i+1}. {it}", sz=so, ind=709))
    B.append(P("", sz=so))
    B.append(TBL([5600, 3755], [f'<w:tr>{TC(d["signer"][0], 5600, so)}{TC(d["signer"][1], 3755, so, jc="right")}</w:tr>'], borders=nb))
    # section break: portrait order -> (landscape) appendix
    B.append(P("", sz=so, sect=sectpr(False)))
    for a in d["appendix"]: B.append(P(a, sz=st, jc="left", left=(10400 if d["landscape"] else 5600)))
    B.append(P("", sz=st))
    for k, t in enumerate(d["title"]): B.append(P(t, sz=so, b=True, jc="center", after=(240 if k == len(d["title"]) - 1 else 0)))
    for ci, ch in enumerate(chunks):
        if ci:
            if d["cont_line"]: B.append(P(d["cont_line"], sz=st, jc="right", pbb=True, i=True))
            else: B.append(P("", sz=8, pbb=True))
        B.append(table_chunk_xml(d, ch, ci, st))
    h, hdr, arows = after_table(d)
    B.append(P(h, sz=so, b=True, jc="center", pbb=True))
    B.append(P(f'к приказу от {d["date"]} № {d["num"]}', sz=st, jc="center", after=200))
    tw = 14570 if d["landscape"] else 9355
    ws = [tw * 3 // 10, tw * 3 // 10, tw * 15 // 100, tw - (tw * 3 // 10) * 2 - tw * 15 // 100]
    B.append(TBL(ws, [TR([TC(x, w, st, b=True, jc="center") for x, w in zip(hdr, ws)])] + [TR([TC(x, w, st) for x, w in zip(r, ws)]) for r in arows]))
    B.append(P("", sz=st, after=360))
    B.append(esign_xml(d, 5200))
    B.append(P("", sz=st))
    body = "".join(B) + sectpr(d["landscape"], final=True)
    NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>{body}</w:body></w:document>'
    fld = lambda instr, v: f'<w:fldSimple w:instr=" {instr} "><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>{v}</w:t></w:r></w:fldSimple>'
    rpr = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="18"/></w:rPr>'
    hdr_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NS}><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
               f'<w:r>{rpr}<w:t xml:space="preserve">{esc(d["reg"])}</w:t></w:r></w:p></w:hdr>')
    ftr = lambda tw: (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {NS}><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="{tw}"/></w:tabs></w:pPr>'
               f'<w:r>{rpr}<w:t xml:space="preserve">{esc(d["barcode"])}</w:t></w:r><w:r>{rpr}<w:tab/><w:t xml:space="preserve">стр. </w:t></w:r>{fld("PAGE", "1")}'
               f'<w:r>{rpr}<w:t xml:space="preserve"> из </w:t></w:r>{fld("NUMPAGES", "1")}</w:p></w:ftr>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>'
              '<w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
              '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
              '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
              '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
              '</w:styles>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
             '<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
             '<Relationship Id="rIdF2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(d["order_title"])}</dc:title><dc:creator>СЭД (синтетический документ)</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-01T08:00:00Z</dcterms:created></cp:coreProperties>')
    path = os.path.join(OUT, d["name"] + ".docx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for zi in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc), ("word/_rels/document.xml.rels", drels),
                   ("word/styles.xml", styles), ("word/header1.xml", hdr_xml), ("word/footer1.xml", ftr(9355)), ("word/footer2.xml", ftr(14570)), ("docProps/core.xml", core)]:
            info = zipfile.ZipInfo(zi[0], date_time=(2026, 9, 1, 8, 0, 0)); info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, zi[1])

# ---------------------------------------------------------------- HTML writer (source for LibreOffice)
def h(s): return html.escape(s).replace("\n", "<br>")

def compact(s, st):
    """LibreOffice's HTML import spaces paragraphs generously: set margins to 0 inline and put cell text into a
    12 pt paragraph (the <style> block alone is not applied to cells)."""
    import re
    def pfix(m):
        a = m.group(1) or ""
        if "style=" in a: a = a.replace('style="', 'style="margin-top:0; margin-bottom:0; ', 1)
        else: a += ' style="margin-top:0; margin-bottom:0"'
        return "<p" + a + ">"
    s = re.sub(r"<p(\s[^>]*)?>", pfix, s)
    def tdfix(m):
        inner = m.group(2)
        if "<p" in inner: return m.group(0)
        return f'{m.group(1)}<p style="margin-top:0; margin-bottom:0; font-size:{st}pt">{inner}</p></td>'
    s = re.sub(r"(<td[^>]*>)(.*?)</td>", tdfix, s, flags=re.S)
    return s

def build_html(d, rows, chunks):
    land = d["landscape"]; so = d["sz_order"] // 2; st = d["sz_table"] // 2
    css = (f'@page {{ size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 3cm }} '
           f'body {{ font-family: "Times New Roman"; font-size: {so}pt }} p {{ margin: 0 }} '
           f'table.g {{ border-collapse: collapse; width: 100% }} table.g td {{ border: 1px solid #000; padding: 2pt 3pt; vertical-align: top; font-size: {st}pt }}')
    H = [f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{h(d["order_title"])}</title><style>{css}</style></head><body>']
    H.append(f'<div title="header"><p align="right" style="font-size:9pt">{h(d["reg"])}</p></div>')
    H.append(f'<div title="footer"><p style="font-size:9pt">{h(d["barcode"])} &nbsp;&nbsp;&nbsp; стр. <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> из <sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield></p></div>')
    for o in d["org"]: H.append(f'<p align="center"><b>{h(o)}</b></p>')
    H.append(f'<p>&nbsp;</p><p align="center" style="font-size:16pt"><b>{h(d["kind"])}</b></p><p>&nbsp;</p>')
    H.append(f'<table width="100%" style="border:none"><tr><td style="font-size:{so}pt">{h(d["date"])}</td><td align="right" style="font-size:{so}pt">№ {h(d["num"])}</td></tr></table>')
    H.append(f'<p align="center">{h(d["city"])}</p><p>&nbsp;</p><p><b>{h(d["order_title"])}</b></p><p>&nbsp;</p>')
    H.append(f'<p align="justify" style="text-indent:1.25cm">{h(d["preamble"])},</p><p><b>ПРИКАЗЫВАЮ:</b></p>')
    for i, it in enumerate(d["items"]): H.append(f'<p align="justify" style="text-indent:1.25cm">{i+1}. {h(it)}</p>')
    H.append(f'<p>&nbsp;</p><table width="100%" style="border:none"><tr><td style="font-size:{so}pt">{h(d["signer"][0])}</td><td align="right" style="font-size:{so}pt">{h(d["signer"][1])}</td></tr></table>')
    H.append('<p style="page-break-before: always; margin-left: 60%; font-size:12pt">' + "<br>".join(h(a) for a in d["appendix"]) + '</p><p>&nbsp;</p>')
    for t in d["title"]: H.append(f'<p align="center"><b>{h(t)}</b></p>')
    H.append('<p>&nbsp;</p>')
    ncol = len(d["cols"])
    for ci, ch in enumerate(chunks):
        if ci:
            H.append(f'<p align="right" style="page-break-before: always; font-size:{st}pt"><i>{h(d["cont_line"])}</i></p>' if d["cont_line"] else '<p style="page-break-before: always; font-size:4pt">&nbsp;</p>')
        H.append('<table class="g" border="1" cellpadding="2" cellspacing="0" width="100%">')
        if ci == 0:
            if d.get("twohead"):
                r1 = []; r2 = []
                for f, hh, w in d["cols"]:
                    if f == "start": r1.append('<td colspan="2" align="center"><b>Срок исполнения</b></td>'); r2.append('<td align="center"><b>начало</b></td>')
                    elif f == "end": r2.append('<td align="center"><b>окончание</b></td>')
                    else: r1.append(f'<td rowspan="2" align="center" width="{w}%"><b>{h(hh)}</b></td>')
                H.append("<tr>" + "".join(r1) + "</tr><tr>" + "".join(r2) + "</tr>")
            else:
                H.append("<tr>" + "".join(f'<td align="center" width="{w}%"><b>{h(hh)}</b></td>' for f, hh, w in d["cols"]) + "</tr>")
        H.append("<tr>" + "".join(f'<td align="center" width="{c[2]}%">{i+1}</td>' for i, c in enumerate(d["cols"])) + "</tr>")
        # rowspans: count following cont rows
        for ri, r in enumerate(ch):
            if r["kind"] == "sec":
                H.append(f'<tr><td colspan="{ncol}" align="center"><b>{h((r["num"] + " " if r["num"] else "") + r["text"])}</b></td></tr>')
                continue
            cells = []
            for (txt, vm), (f, hh, w) in zip(row_cells(d, r), d["cols"]):
                if vm == "cont": continue
                span = 1
                if vm == "restart":
                    mf = merged_field(f)
                    for r2 in ch[ri + 1:]:
                        if r2["kind"] == "m" and r2["vm"].get(mf) == "cont": span += 1
                        else: break
                al = ' align="center"' if f in ("num", "start", "end", "deadline") else ""
                cells.append(f'<td valign="top" width="{w}%"{al}{" rowspan=%s" % chr(34) + str(span) + chr(34) if span > 1 else ""}>{h(txt)}</td>')
            H.append("<tr>" + "".join(cells) + "</tr>")
        H.append("</table>")
    hh, hdr, arows = after_table(d)
    H.append(f'<p align="center" style="page-break-before: always"><b>{hh}</b></p><p align="center" style="font-size:12pt">к приказу от {d["date"]} № {h(d["num"])}</p><p>&nbsp;</p>')
    H.append('<table class="g" border="1" cellpadding="3" cellspacing="0" width="100%"><tr>' + "".join(f'<td align="center"><b>{h(x)}</b></td>' for x in hdr) + "</tr>" +
             "".join("<tr>" + "".join(f"<td>{h(x)}</td>" for x in r) + "</tr>" for r in arows) + "</table><p>&nbsp;</p><p>&nbsp;</p>")
    e = esign_lines(d)
    H.append('<table align="center" width="45%" cellspacing="0" style="border: 3px double #1F3864"><tr><td style="border: 3px double #1F3864; padding: 4pt; font-size:10pt">'
             f'<p align="center"><b>{h(e[0])}<br>{h(e[1])}</b></p><p style="font-size:9pt">{"<br>".join(h(x) for x in e[2:])}</p></td></tr></table>')
    H.append("</body></html>")
    s = "\n".join(H)
    s = compact(s, st)
    if land: s = s.replace('<p style="margin-top:0; margin-bottom:0">&nbsp;</p>', '', 4)  # landscape order: fit on one page
    if land: s = s.replace("size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 3cm", "size: 29.7cm 21cm; margin: 2cm 1.5cm 1.5cm 2cm")
    with open(os.path.join(OUT, d["name"] + ".html"), "w", encoding="utf-8") as f: f.write(s)

def main():
    os.makedirs(OUT, exist_ok=True)
    for d in DOCS:
        rows, chunks = build_model(d)
        txt, ov = build_txt(d, rows, chunks)
        with open(os.path.join(OUT, d["name"] + ".txt"), "w", encoding="utf-8") as f: f.write(txt)
        with open(os.path.join(OUT, d["name"] + ".truth.json"), "w", encoding="utf-8") as f:
            json.dump(truth(d, rows, ov), f, ensure_ascii=False, indent=1)
        if d["producer"] == "ooxml": build_docx(d, rows, chunks)
        else: build_html(d, rows, chunks)
        print(d["name"], sum(1 for r in rows if r["kind"] == "m"), "measures,", len(chunks), "chunks, overrides", len(ov))

if __name__ == "__main__":
    main()
