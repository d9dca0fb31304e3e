#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Set 13: long regional/municipal roadmaps in the seeds' manner. ALL CONTENT IS SYNTHETIC.
Writes docs/NAME.html (source), docs/NAME.truth.json. build.sh converts HTML->ODT->DOCX->PDF (LibreOffice),
re-distils some PDFs with ghostscript, then `gen.py txt` makes NAME.txt from the DOCX (as copied from Word)."""
import html, json, random, re, sys, zipfile, os
import xml.etree.ElementTree as ET
from pools import SECTIONS, MEASURES, LONG_MEASURE, DEADLINES

NB = "\u00a0"
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docs")

REG_EXEC = [
 ["ГАУ ДПО «Лесогорский институт развития образования» (ИРО)", "ЦНППМ"],
 ["Министерство образования Лесогорской области; ИРО"],
 ["ИРО (кафедра управления образованием); муниципальные координаторы"],
 ["Региональный центр оценки качества образования (РЦОКО)", "органы местного самоуправления, осуществляющие управление в сфере образования (далее – ОМСУ)"],
 ["ОМСУ; руководители ШНОР; кураторы"],
 ["ЦНППМ; школы-наставники"],
 ["Отдел общего образования министерства (Н.\u00a0А. Ветлугина); ИРО (С.\u00a0П. Курочкин)"],
 ["ИРО", "ЦНППМ", "ОМСУ"],
 ["Руководители общеобразовательных организаций; муниципальные методические службы"],
 ["РЦОКО; ОМСУ; руководители ОО"],
 ["Центр психолого-педагогической, медицинской и социальной помощи; ОМСУ"],
 ["Министерство образования Лесогорской области (пресс-служба); ИРО; ОМСУ"],
]
MUN_EXEC = [
 ["Управление образования администрации Рябиновского района"],
 ["МКУ «Информационно-методический центр» (ИМЦ); руководители ОО"],
 ["Управление образования (О.\u00a0В. Крестинина)", "ИМЦ (Л.\u00a0Г. Бахметьева)"],
 ["ИМЦ; руководители районных методических объединений (РМО)"],
 ["Руководители ШНОР; школы-наставники"],
 ["Муниципальный координатор (Т.\u00a0И. Звягина); кураторы ИРО"],
 ["Управление образования; ИМЦ; руководители ОО"],
 ["Руководители ОО", "педагоги-психологи", "социальные педагоги"],
 ["ИМЦ", "МБОУ «Рябиновская СОШ № 2» (школа-наставник)"],
 ["Заместители директоров по УВР; руководители ШМО"],
 ["Управление образования; КДНиЗП администрации района"],
]

DOCS = [
 dict(name="r1-lesogorsk-region-order", seed=1313, level="reg", n=32, orient="landscape", pt=12, gs=False,
      order=True, approve="order", region="Лесогорской области",
      title=["ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА»)", "по организации адресной поддержки школ с низкими результатами обучения и школ, функционирующих в неблагоприятных социальных условиях, в Лесогорской области на 2025/2026 учебный год"],
      cols=["№ п/п", "Наименование мероприятия", "Срок исполнения", "Ответственные исполнители", "Показатели (индикаторы) результативности"],
      widths=[6, 40, 14, 20, 20], merges=[("deadline", 3), ("executors", 2), ("executors", 3)]),
 dict(name="m2-ryabinovsk-district-approve", seed=1314, level="mun", n=28, orient="portrait", pt=12, gs=True,
      order=False, approve="utv",
      title=["Дорожная карта", "по повышению качества образования в общеобразовательных организациях Рябиновского муниципального района, показывающих низкие образовательные результаты,", "на 2025–2026 годы"],
      cols=["№", "Мероприятие", "Сроки", "Исполнители", "Индикативные показатели"],
      widths=[7, 39, 16, 19, 19], merges=[("deadline", 2), ("deadline", 3), ("executors", 2)]),
 dict(name="r3-zaozersk-region-gs", seed=1315, level="reg", n=38, orient="landscape", pt=12, gs=True,
      order=True, approve="order", region="Заозёрского края",
      title=["Дорожная карта", "реализации региональной программы поддержки школ с низкими результатами обучения и школ в зоне риска снижения образовательных результатов в Заозёрском крае на 2025–2026 годы"],
      cols=["№ п/п", "Содержание мероприятия", "Срок", "Исполнители", "Целевой показатель", "Форма завершения"],
      widths=[6, 36, 13, 18, 17, 10], merges=[("executors", 3), ("deadline", 2)]),
 dict(name="m4-krutoyarsk-okrug-14pt", seed=1316, level="mun", n=25, orient="portrait", pt=14, gs=False,
      order=True, approve="order", region=None,
      title=["План мероприятий («дорожная карта»)", "по работе со школами с низкими образовательными результатами Крутоярского муниципального округа в 2025/2026 учебном году"],
      cols=["№ п/п", "Мероприятия", "Срок", "Ответственные", "Ожидаемый результат"],
      widths=[8, 38, 16, 18, 20], merges=[("executors", 2), ("deadline", 2)]),
]
FORMS = ["Приказ", "Протокол", "Аналитическая справка", "Отчёт", "Информация", "План", "Программа"]

def clean(s):  # what a person types: NBSP -> space
    return re.sub(r"\s+", " ", s.replace(NB, " ")).strip()

def localize(text, doc):
    if doc["level"] == "mun":
        text = text.replace("региональн", "муниципальн").replace("Региональн", "Муниципальн")
        for a, b in (("в министерство", "в управление образования"), ("министерства", "управления образования"), ("региона", "района"), ("по региону", "по району"),
                     ("(РДР)", "(МДР)"), ("РДР проведены", "МДР проведены"), ("муниципальных «дорожных карт»", "школьных «дорожных карт»"),
                     ("Дорожные карты утверждены в 18 из 18 муниципальных образований (100 %)", "Школьные дорожные карты утверждены в 7 из 7 ШНОР (100 %)"),
                     ("для муниципальных образований:", "для общеобразовательных организаций:"),
                     ("в 100 % муниципальных образований", "в 100 % ОО"), ("школ, муниципальных образований и заданий", "школ, классов и заданий")):
            text = text.replace(a, b)
    if doc["name"].startswith("r3"):
        text = text.replace("Лесогорск", "Заозёрск").replace("Лесогорской области", "Заозёрского края")
    return text

def build(doc):
    rnd = random.Random(doc["seed"])
    pool = list(MEASURES)
    rnd.shuffle(pool)
    chosen = pool[: doc["n"] - 1] + [LONG_MEASURE]
    nsec = 5 if doc["n"] < 34 else 6
    secs = sorted(set(m[0] for m in chosen))[:nsec]
    chosen = [(m[0] if m[0] in secs else secs[-1], m[1], m[2]) for m in chosen]
    # order: by section, keep shuffled order within section; the long measure in the middle of its section
    rows = []
    for s in secs:
        items = [m for m in chosen if m[0] == s]
        if LONG_MEASURE[1] in [m[1] for m in items]:
            items = [m for m in items if m[1] is not LONG_MEASURE[1]]
            items.insert(len(items) // 2, (s,) + LONG_MEASURE[1:])
        rows.append((s, items))
    execs = REG_EXEC if doc["level"] == "reg" else MUN_EXEC
    if doc["name"].startswith("r3"):
        execs = [[e.replace("Лесогорский", "Заозёрский").replace("Лесогорской области", "Заозёрского края") for e in ex] for ex in execs]
    if doc["name"].startswith("m4"):
        rep = (("Рябиновского района", "Крутоярского муниципального округа"), ("Рябиновск", "Крутоярск"),
               ("О.\u00a0В. Крестинина", "Н.\u00a0М. Гладких"), ("Л.\u00a0Г. Бахметьева", "Р.\u00a0А. Зимина"),
               ("Т.\u00a0И. Звягина", "В.\u00a0С. Лыкова"), ("района", "округа"))
        def fx(e):
            for a, b in rep:
                e = e.replace(a, b)
            return e
        execs = [[fx(e) for e in ex] for ex in execs]
    measures = []
    for si, (s, items) in enumerate(rows):
        for mi, (sec, paras, ind) in enumerate(items):
            measures.append(dict(sec=si, num=f"{si+1}.{mi+1}.", paras=[localize(p, doc) for p in paras],
                                 deadline=rnd.choice(DEADLINES), executors=list(rnd.choice(execs)),
                                 indicator=localize(ind, doc), form=rnd.choice(FORMS), span={}))
    # vertical merges: (field, length) inside one section, non-overlapping
    used = set()
    for field, ln in doc["merges"]:
        for _ in range(200):
            i = rnd.randrange(len(measures) - ln)
            rng = range(i, i + ln)
            if len({measures[j]["sec"] for j in rng}) == 1 and not any((j, f) in used for j in rng for f in ("deadline", "executors")):
                break
        for j in rng:
            used.add((j, field))
            measures[j]["span"][field] = (j == i, ln)
            if j != i:
                measures[j][field] = measures[i][field]
    return [SECTIONS[s] for s, _ in rows], measures

def cell_html(paras):
    return "".join(f"<p>{html.escape(p)}</p>" for p in paras)

def exec_html(ex):
    # several bodies: either one paragraph with «;», or several lines separated by <br>
    return "<p>" + "<br>".join(html.escape(e) for e in ex) + "</p>"

def write(doc):
    secs, ms = build(doc)
    ncol = len(doc["cols"])
    pt = doc["pt"]
    h = [f"""<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{html.escape(doc['title'][0])}</title>
<style>body,p,td,th{{font-family:'Times New Roman';font-size:{pt}pt}} p{{margin:0}}
td,th{{vertical-align:top}} .c{{text-align:center}} .r{{text-align:right}} .j{{text-align:justify}}</style></head><body>"""]
    year_order = ("№ 1187-р", "12.08.2025") if doc["name"].startswith("r1") else ("№ 644", "27.08.2025") if doc["name"].startswith("r3") else ("№ 312-од", "01.09.2025")
    if doc["order"]:
        if doc["level"] == "reg":
            body = "МИНИСТЕРСТВО ОБРАЗОВАНИЯ ЛЕСОГОРСКОЙ ОБЛАСТИ" if doc["name"].startswith("r1") else "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ ЗАОЗЁРСКОГО КРАЯ"
        else:
            body = "АДМИНИСТРАЦИЯ КРУТОЯРСКОГО МУНИЦИПАЛЬНОГО ОКРУГА<br>УПРАВЛЕНИЕ ОБРАЗОВАНИЯ"
        h.append(f'<p class="c"><b>{body}</b></p><p class="c">&nbsp;</p><p class="c"><b>П Р И К А З</b></p><p class="c">&nbsp;</p>')
        h.append(f'<p>{year_order[1]}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{year_order[0]}</p><p>&nbsp;</p>')
        h.append(f'<p class="c"><b>Об утверждении {html.escape("плана мероприятий («дорожной карты»)" if not doc["name"].startswith("r3") else "дорожной карты")} по работе со школами с низкими результатами обучения</b></p><p>&nbsp;</p>')
        h.append('<p class="j">В целях реализации мер по повышению качества общего образования, обеспечения адресной методической помощи общеобразовательным организациям с низкими результатами обучения и общеобразовательным организациям, функционирующим в неблагоприятных социальных условиях, по итогам мониторинга результатов оценочных процедур 2024/2025 учебного года</p>')
        h.append('<p>п р и к а з ы в а ю:</p>')
        pts = [f"1. Утвердить {'план мероприятий («дорожную карту»)' if not doc['name'].startswith('r3') else 'дорожную карту'} по работе со школами с низкими результатами обучения (далее – дорожная карта) (приложение).",
               "2. Руководителям общеобразовательных организаций обеспечить выполнение мероприятий дорожной карты в части, касающейся, и представлять информацию о ходе её реализации ежеквартально, до 5 числа месяца, следующего за отчётным кварталом.",
               "3. Контроль за исполнением настоящего приказа оставляю за собой."]
        if doc["level"] == "reg":
            pts.insert(2, "3. ГАУ ДПО «Институт развития образования» (далее – ИРО) обеспечить методическое сопровождение реализации дорожной карты.")
            pts[-1] = "4. Контроль за исполнением настоящего приказа возложить на заместителя министра Г. Ф. Сомову."
        for p in pts:
            h.append(f'<p class="j">{html.escape(p)}</p>')
        sign = "Министр" if doc["level"] == "reg" else "Начальник управления образования"
        who = "Е. Р. Долгова" if doc["name"].startswith("r1") else "А. Н. Шуваев" if doc["name"].startswith("r3") else "И. С. Пономарёва"
        h.append(f'<p>&nbsp;</p><p>{sign}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{who}</p>')
        if doc["name"].startswith("r3"):  # approval stamp instead of «Приложение»
            h.append('<p style="page-break-before:always; margin-left:17cm">УТВЕРЖДЕНА</p>')
            h.append(f'<p style="margin-left:17cm">приказом министерства образования и науки Заозёрского края</p><p style="margin-left:17cm">от {year_order[1]} {year_order[0]}</p><p>&nbsp;</p>')
        else:
            h.append('<p style="page-break-before:always" class="r">Приложение</p>')
        org = {"r1": "министерства образования Лесогорской области", "r3": "министерства образования и науки Заозёрского края", "m4": "управления образования администрации Крутоярского муниципального округа"}[doc["name"][:2]]
        if not doc["name"].startswith("r3"):
            h.append(f'<p class="r">к приказу {org}</p><p class="r">от {year_order[1]} {year_order[0]}</p><p>&nbsp;</p>')
    else:
        h.append('<p style="margin-left:9cm">УТВЕРЖДАЮ</p><p style="margin-left:9cm">Начальник управления образования администрации Рябиновского муниципального района</p>'
                 '<p style="margin-left:9cm">_____________ О. В. Крестинина</p><p style="margin-left:9cm">«01» сентября 2025 г.</p><p>&nbsp;</p>')
    for i, t in enumerate(doc["title"]):
        h.append(f'<p class="c"><b>{html.escape(t)}</b></p>')
    h.append('<p>&nbsp;</p>')
    h.append('<p class="j">Цель: создание условий для перехода общеобразовательных организаций с низкими результатами обучения в эффективный режим функционирования и снижение доли обучающихся, не достигающих базового уровня подготовки.</p><p>&nbsp;</p>')
    h.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    for w in doc["widths"]:
        h.append(f'<col width="{w}%">')
    h.append("<thead><tr>" + "".join(f'<th class="c"><p><b>{html.escape(c)}</b></p></th>' for c in doc["cols"]) + "</tr></thead><tbody>")
    cur = -1
    for m in ms:
        if m["sec"] != cur:
            cur = m["sec"]
            h.append(f'<tr><td colspan="{ncol}" class="c"><p><b>{cur+1}. {html.escape(secs[cur])}</b></p></td></tr>')
        tds = [f'<td class="c"><p>{m["num"]}</p></td>', f'<td class="j">{cell_html(m["paras"])}</td>']
        for f in ("deadline", "executors"):
            sp = m["span"].get(f)
            if sp and not sp[0]:
                continue
            rs = f' rowspan="{sp[1]}"' if sp else ""
            content = f'<p>{html.escape(m[f])}</p>' if f == "deadline" else exec_html(m[f])
            tds.append(f'<td class="c"{rs}>{content}</td>')
        tds.append(f'<td>{html.escape(m["indicator"])}</td>')
        if ncol == 6:
            tds.append(f'<td class="c">{m["form"]}</td>')
        h.append("<tr>" + "".join(tds) + "</tr>")
    h.append("</tbody></table><p>&nbsp;</p>")
    h.append('<p>Используемые сокращения: ИРО – институт развития образования; ЦНППМ – центр непрерывного повышения профессионального мастерства педагогических работников; ФИС ОКО – федеральная информационная система оценки качества образования; ВПР – всероссийские проверочные работы; ГИА-9 – государственная итоговая аттестация по образовательным программам основного общего образования; ШНОР – школы с низкими образовательными результатами; ОО – общеобразовательные организации.</p>')
    h.append("</body></html>")
    with open(os.path.join(D, doc["name"] + ".html"), "w", encoding="utf-8") as f:
        f.write("\n".join(h))
    truth = dict(title=clean(" ".join(doc["title"])), synthetic=True, measures=[])
    over = {}
    for i, m in enumerate(ms):
        truth["measures"].append(dict(measure=clean(" ".join(m["paras"])), deadline=clean(m["deadline"]),
                                      executors=clean(" ".join(m["executors"])), indicator=clean(m["indicator"])))
        for f in ("deadline", "executors"):
            sp = m["span"].get(f)
            if sp and not sp[0]:
                over.setdefault(str(i), {})[f] = ""
    if over:
        truth["overrides"] = {"txt": over}
    with open(os.path.join(D, doc["name"] + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)

# ---- page setup of the ODT (Writer's HTML import ignores @page) ----
def patch_odt(path, orient, pt, widths):
    zin = zipfile.ZipFile(path)
    items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    zin.close()
    w, hgt = ("29.7cm", "21cm") if orient == "landscape" else ("21cm", "29.7cm")
    out = zipfile.ZipFile(path + ".tmp", "w")
    for info, data in items:
        if info.filename == "styles.xml":
            s = data.decode("utf-8")
            def fix(mo):
                t = mo.group(0)
                t = re.sub(r'fo:page-width="[^"]*"', f'fo:page-width="{w}"', t)
                t = re.sub(r'fo:page-height="[^"]*"', f'fo:page-height="{hgt}"', t)
                t = re.sub(r'style:print-orientation="[^"]*"', f'style:print-orientation="{orient}"', t)
                for k, v in (("top", "2cm"), ("bottom", "1.5cm"), ("left", "2cm" if orient == "landscape" else "2.5cm"), ("right", "1.5cm")):
                    t = re.sub(rf'fo:margin-{k}="[^"]*"', f'fo:margin-{k}="{v}"', t)
                return t
            s = re.sub(r"<style:page-layout-properties[^>]*>", fix, s)
            data = s.encode("utf-8")
        if info.filename == "content.xml":
            s = data.decode("utf-8")
            tw = 26.2 if orient == "landscape" else 17.0
            s = re.sub(r'(<style:style style:name="Table1" style:family="table"><style:table-properties style:width=")[^"]*"',
                       lambda mo: mo.group(1) + f'{tw}cm"', s)
            # Writer's HTML import shares column styles between columns of equal width; give each column its own
            s = re.sub(r'<style:style style:name="Table1\.[A-Z]" style:family="table-column">.*?</style:style>', "", s)
            cols = "".join(f'<style:style style:name="Table1.{"ABCDEFG"[k]}" style:family="table-column"><style:table-column-properties style:column-width="{tw * wpc / sum(widths):.3f}cm"/></style:style>'
                           for k, wpc in enumerate(widths))
            s = s.replace('<style:style style:name="Table1" style:family="table">', cols + '<style:style style:name="Table1" style:family="table">', 1)
            it = iter(range(len(widths)))
            s = re.sub(r'<table:table-column table:style-name="Table1\.[A-Z]"/>', lambda mo: f'<table:table-column table:style-name="Table1.{"ABCDEFG"[next(it)]}"/>', s)
            s = s.replace('style:vertical-align="middle"', 'style:vertical-align="top"')
            data = s.encode("utf-8")
        out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED if info.filename != "mimetype" else zipfile.ZIP_STORED)
    out.close()
    os.replace(path + ".tmp", path)

# ---- TXT as copied from Word (set 6 conventions) ----
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
def ptext(p):
    out = []
    for el in p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "tab":
            out.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            out.append(" ")
        elif el.tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)

def docx_blocks(path):
    """Yields ('p', text) and ('row', [cells]) with vMerge continuation cells as None."""
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    body = root.find(W + "body")
    for el in body:
        if el.tag == W + "p":
            yield ("p", ptext(el))
        elif el.tag == W + "tbl":
            for tr in el.findall(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    pr = tc.find(W + "tcPr")
                    vm = pr.find(W + "vMerge") if pr is not None else None
                    cont = vm is not None and vm.get(W + "val", "continue") == "continue"
                    txt = " ".join(ptext(p) for p in tc.findall(W + "p"))
                    cells.append(None if cont else txt)
                yield ("row", cells)

def make_txt(name):
    lines = []
    for kind, v in docx_blocks(os.path.join(D, name + ".docx")):
        if kind == "p":
            lines.append(v)
        else:
            lines.append("\t".join(c or "" for c in v))
    with open(os.path.join(D, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("\r\n".join(lines) + "\r\n")

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "patch":
        for d in DOCS:
            patch_odt(os.path.join(D, d["name"] + ".odt"), d["orient"], d["pt"], d["widths"])
    elif len(sys.argv) > 1 and sys.argv[1] == "txt":
        for d in DOCS:
            make_txt(d["name"])
    elif len(sys.argv) > 1 and sys.argv[1] == "list":
        for d in DOCS:
            print(d["name"], "gs" if d["gs"] else "lo")
    else:
        for d in DOCS:
            write(d)
