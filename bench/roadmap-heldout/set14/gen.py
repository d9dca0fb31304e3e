#!/usr/bin/env python3
"""Set 14 generator: school anti-risk programmes / school roadmaps («500+» style). All content synthetic.
Writes docs/NAME.html (source for LibreOffice / Chromium), docs/NAME.txt (as copied from Word), docs/NAME.truth.json."""
import json, random, html, os
from pools import RISKS, DEADLINES

R = random.Random(1414)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docs")

# special multi-paragraph measures (cell paragraphs joined by one space in the truth)
MULTI = {
 "motiv": (["Проведение цикла классных часов по профориентации:", "– «Зачем учиться?» (5–7 классы);", "– «Моя будущая профессия» (8–11 классы)"], "Проведено не менее 2 классных часов в каждом классе"),
 "neusp": (["Организация работы «Школы успешного ученика».", "Занятия для обучающихся 5–6 классов по формированию навыков смыслового чтения и самоорганизации"], "Доля обучающихся, освоивших приёмы смыслового чтения, не менее 60 %"),
 "pk": (["Проведение педагогических советов:", "– «Профессиональные дефициты педагога: от диагностики к развитию»;", "– «Формирующее оценивание как ресурс повышения качества»"], "Протоколы педагогических советов"),
 "metod": (["Организация методического сопровождения учителей, имеющих низкие результаты обучающихся.", "Индивидуальные консультации руководителей ШМО"], "Положительная динамика результатов ВПР у обучающихся закреплённых учителей"),
 "roditeli": (["Проведение родительского всеобуча по темам:", "– «Как помочь ребёнку учиться»;", "– «Подготовка к ГИА: роль семьи»"], "Проведено 4 занятия всеобуча; охват не менее 50 % родителей"),
}

def esc(s): return html.escape(s, quote=False)

def pick_measures(risk, n, multi_at=None):
    pairs = R.sample(RISKS[risk]["pairs"], n)
    ms = [{"paras": [m], "indicator": ind} for m, ind in pairs]
    if multi_at is not None:
        p, ind = MULTI[risk]
        ms.insert(min(multi_at, len(ms)), {"paras": p, "indicator": ind})
    return ms

def deadline(): return R.choice(DEADLINES)

class Doc:
    def __init__(s, name): s.name = name; s.measures = []; s.overrides = {}

def build(doc, spec):
    """spec: approval (list), title (list), intro (list), header (list of col names), rows (list), sign (list), css.
    rows: ('sec', text) or ('row', cells) where cells = list of values; value = None (continuation of vertical merge),
    ('span', text, n) rowspan start, or plain text / list of paragraphs. doc.measures filled by caller."""
    # ---------- HTML ----------
    h = ['<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>%s</title><style>%s</style></head><body>' % (esc(" ".join(spec["title"])), spec["css"])]
    for p in spec["approval"]:
        h.append('<p class="appr" align="right">%s</p>' % esc(p))
    h.append('<p>&nbsp;</p>')
    for p in spec["title"]:
        h.append('<p class="title" align="center"><b>%s</b></p>' % esc(p))
    for p in spec["intro"]:
        h.append('<p class="intro">%s</p>' % esc(p))
    ncol = len(spec["header"])
    h.append('<table border="1" cellspacing="0" cellpadding="4" width="100%%">')
    h.append(''.join('<col width="%d%%">' % w for w in spec["widths"]))
    h.append('<thead><tr>' + ''.join('<th>%s</th>' % esc(c) for c in spec["header"]) + '</tr></thead><tbody>')
    for r in spec["rows"]:
        if r[0] == "sec":
            h.append('<tr><td colspan="%d" class="sec"><b>%s</b></td></tr>' % (ncol, esc(r[1])))
            continue
        tds = []
        for c in r[1]:
            if c is None: continue
            if isinstance(c, tuple) and c[0] == "span":
                tds.append('<td rowspan="%d" valign="top">%s</td>' % (c[2], cellhtml(c[1])))
            else:
                tds.append('<td valign="top">%s</td>' % cellhtml(c))
        h.append('<tr>' + ''.join(tds) + '</tr>')
    h.append('</tbody></table><p>&nbsp;</p>')
    for p in spec["sign"]:
        h.append('<p class="sign">%s</p>' % esc(p))
    h.append('</body></html>')
    open(os.path.join(OUT, doc.name + ".html"), "w", encoding="utf-8").write("\n".join(h))
    open(os.path.join(OUT, doc.name + ".page"), "w").write("%s %s\n" % (spec.get("orient", "portrait"), ",".join(map(str, spec["widths"]))))
    # ---------- TXT (as copied from Word: merged cell's text only on its first row) ----------
    t = list(spec["approval"]) + [""] + list(spec["title"]) + list(spec["intro"])
    t.append("\t".join(spec["header"]))
    for r in spec["rows"]:
        if r[0] == "sec": t.append(r[1]); continue
        cells = []
        for c in r[1]:
            if c is None: cells.append("")
            elif isinstance(c, tuple) and c[0] == "span": cells.append(celltxt(c[1]))
            else: cells.append(celltxt(c))
        t.append("\t".join(cells))
    t.append("")
    t += spec["sign"]
    open(os.path.join(OUT, doc.name + ".txt"), "w", encoding="utf-8").write("\n".join(t) + "\n")
    truth = {"title": " ".join(spec["title"]), "synthetic": True, "measures": doc.measures}
    if doc.overrides: truth["overrides"] = {"txt": {str(k): v for k, v in sorted(doc.overrides.items())}}
    json.dump(truth, open(os.path.join(OUT, doc.name + ".truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)

def cellhtml(c):
    if isinstance(c, list):
        if len(c) == 1: return esc(c[0])
        return ''.join('<p>%s</p>' % esc(p) for p in c)
    return esc(c)
def celltxt(c): return " ".join(c) if isinstance(c, list) else c
def flat(c): return " ".join(c) if isinstance(c, list) else c

def plan_merges(n, count, field_vals):
    """choose `count` non-overlapping runs of 2-3 measures among n (within one group) to share a value"""
    runs = []; used = set(); tries = 0
    while len(runs) < count and tries < 200:
        tries += 1
        L = R.choice([2, 2, 3]); s = R.randrange(0, n - L + 1)
        if any(i in used for i in range(s - 1, s + L + 1)): continue
        runs.append((s, L)); used.update(range(s, s + L))
    return sorted(runs)

CSS_LO = "body{font-family:'Times New Roman';font-size:11pt} table{border-collapse:collapse} td,th{vertical-align:top;font-size:10pt} th{font-weight:bold;text-align:center} p{margin:0}"
CSS_CHR = ("@page{size:A4 landscape;margin:14mm 12mm 14mm 12mm} body{font-family:'Times New Roman',serif;font-size:11pt} "
           "table{border-collapse:collapse;width:100%} td,th{border:1px solid #000;vertical-align:top;padding:3px 4px;font-size:10pt} "
           "th{background:#e7e7e7} p{margin:0} p.appr{text-align:right} p.title{text-align:center;font-size:12pt} thead{display:table-header-group} tr{break-inside:avoid}")

def group_rows(doc, ms, execs, merge_field=None, merge_count=0, lead=(), numfmt=None, num0=0):
    """turn measures of one group into rows; lead = cells before the measure (spans given by caller for first row only).
    returns list of rows. merge_field in ('deadline','executors')"""
    n = len(ms)
    dl = [deadline() for _ in range(n)]
    ex = [R.choice(execs) for _ in range(n)]
    runs = plan_merges(n, merge_count, None) if merge_field else []
    cont = set()
    for s, L in runs:
        for i in range(s + 1, s + L):
            cont.add(i)
            if merge_field == "deadline": dl[i] = dl[s]
            else: ex[i] = ex[s]
    rows = []
    for i, m in enumerate(ms):
        idx = len(doc.measures)
        doc.measures.append({"measure": " ".join(m["paras"]), "deadline": flat(dl[i]), "executors": flat(ex[i]), "indicator": m["indicator"]})
        def mcell(field, val):
            for s, L in runs:
                if merge_field == field:
                    if i == s: return ("span", val, L)
                    if s < i < s + L: return None
            return val
        if i in cont:
            doc.overrides[idx] = {merge_field: ""}
        cells = []
        if numfmt: cells.append(numfmt(num0 + i + 1))
        cells += [c if i == 0 else None for c in lead]
        cells += [m["paras"] if len(m["paras"]) > 1 else m["paras"][0], mcell("deadline", dl[i]), mcell("executors", ex[i]), m["indicator"]]
        rows.append(("row", cells))
    return rows

def a1():
    d = Doc("a1-verbnorechensk-risk-task")
    school = "МБОУ «Вербнореченская СОШ»"
    execs = ["Заместитель директора по УВР", "Педагог-психолог", "Классные руководители", "Руководители ШМО",
             ["Заместитель директора по УВР", "Галиева Н. Р."], "Учителя-предметники", "Заместитель директора по ВР, классные руководители",
             "Директор школы", "Социальный педагог, классные руководители"]
    rows = []
    for k, (risk, n, mi) in enumerate([("motiv", 5, 2), ("neusp", 6, None), ("pk", 5, None), ("roditeli", 4, None)]):
        ms = pick_measures(risk, n, mi)
        rk = RISKS[risk]
        rows += group_rows(d, ms, execs, "executors", 1 if k in (1, 2) else 0,
                           lead=[("span", rk["name"], len(ms)), ("span", rk["task"], len(ms))])
    build(d, {"approval": ["УТВЕРЖДАЮ", "Директор " + school, "_____________ О. А. Кузьмина", "Приказ от 29.08.2026 № 154-о"],
              "title": ["Антирисковая программа", school + " Верхнеольшанского муниципального района", "на 2026/2027 учебный год"],
              "intro": ["Рисковый профиль школы (по результатам верификации): низкая учебная мотивация обучающихся; высокая доля обучающихся с рисками учебной неуспешности; несформированность внутришкольной системы повышения квалификации; низкий уровень вовлечённости родителей."],
              "header": ["Риск", "Задача", "Мероприятие", "Сроки", "Ответственные", "Показатели"],
              "widths": [12, 15, 28, 11, 16, 18], "rows": rows, "css": CSS_LO,
              "sign": ["Заместитель директора по УВР _____________ Н. Р. Галиева"]})
    return d

def a2():
    d = Doc("a2-tikhorechinsk-direction-goal-chromium")
    school = "МБОУ «СОШ № 4 г. Тихоречинска»"
    execs = ["Заместитель директора по учебной работе Дроздова В. П.", "Педагог-психолог Чеснокова Л. Ю.", "Руководитель ШМО учителей математики",
             "Классные руководители 5–9 классов", "Учитель-логопед", "Заместитель директора по воспитательной работе",
             "Администрация школы", "Руководители ШМО, учителя-предметники"]
    rows = []; num = 0
    for risk, n, mi in [("neusp", 6, 3), ("metod", 6, None), ("motiv", 6, None)]:
        ms = pick_measures(risk, n, mi)
        rk = RISKS[risk]
        rows += group_rows(d, ms, execs, "deadline", 1, lead=[("span", rk["name"], len(ms)), ("span", rk["goal"], len(ms))],
                           numfmt=lambda k: "%d." % k, num0=num)
        num += len(ms)
    build(d, {"approval": ["Приложение 2", "к приказу " + school, "от 02.09.2026 № 211/3"],
              "title": ["Дорожная карта", "реализации антирисковых программ " + school, "на 2026–2027 годы"],
              "intro": [],
              "header": ["№ п/п", "Направление (риск)", "Цель", "Мероприятия", "Сроки реализации", "Ответственный", "Ожидаемый результат"],
              "widths": [5, 13, 17, 25, 10, 13, 17], "rows": rows, "css": CSS_CHR, "orient": "landscape",
              "sign": ["Директор школы _____________ В. П. Дроздова", "Исполнитель: Чеснокова Л. Ю., тел. 8 (48522) 4-31-06"]})
    return d

def a3():
    d = Doc("a3-ezhevichnaya-risk-sections")
    school = "МКОУ «Ежевичная ООШ»"
    execs = ["Директор", "Заместитель директора по УВР", "Педагог-психолог", "Классные руководители", "Учителя-предметники",
             "Руководитель МО", ["Заместитель директора по УВР", "Бурова А. Г."], "Педагог-наставник"]
    rows = []
    for k, (risk, n, mi) in enumerate([("pk", 6, 1), ("metod", 5, None), ("neusp", 6, None)]):
        rows.append(("sec", "Риск %d. %s" % (k + 1, RISKS[risk]["name"])))
        ms = pick_measures(risk, n, mi)
        rows += group_rows(d, ms, execs, "deadline", 1 if k != 1 else 0,
                           lead=[("span", RISKS[risk]["task"], len(ms))],
                           numfmt=lambda j, k=k: "%d.%d." % (k + 1, j))
    build(d, {"approval": ["Утверждена", "приказом директора " + school, "от 30.08.2026 № 72"],
              "title": ["Дорожная карта (антирисковая программа)", school + " Кедроборского района", "по выходу из зоны риска низких образовательных результатов на 2026–2027 годы"],
              "intro": [],
              "header": ["№ п/п", "Задача", "Мероприятие", "Сроки", "Ответственные", "Показатели результативности"],
              "widths": [6, 18, 30, 12, 14, 20], "rows": rows, "css": CSS_LO,
              "sign": ["Ответственный за реализацию программы: заместитель директора по УВР А. Г. Бурова"]})
    return d

def a4():
    d = Doc("a4-listvennoborsk-goal-tasks")
    school = "МАОУ «Лиственноборская СОШ»"
    execs = ["Заместитель директора по УВР Ситникова М. В.", "Педагог-психолог Кожемякина Е. С.", "Классные руководители",
             "Руководители ШМО", "Социальный педагог", "Заместитель директора по ВР Прохорова И. Л.", "Учителя начальных классов, учителя-предметники"]
    rows = []
    TASKS = {"motiv": ["Выявить причины низкой учебной мотивации обучающихся", "Расширить возможности для проявления познавательной активности обучающихся"],
             "roditeli": ["Изучить запросы родителей и повысить их информированность", "Организовать совместную деятельность школы и семьи"],
             "pk": ["Выявить профессиональные дефициты педагогов", "Обеспечить адресное повышение квалификации и методическую поддержку педагогов"]}
    for risk, n, mi in [("motiv", 6, 4), ("roditeli", 5, None), ("pk", 6, None)]:
        ms = pick_measures(risk, n, mi)
        split = len(ms) // 2
        grp1 = group_rows(d, ms[:split], execs, "executors", 0,
                          lead=[("span", RISKS[risk]["name"], len(ms)), ("span", RISKS[risk]["goal"], len(ms)), ("span", TASKS[risk][0], split)])
        grp2 = group_rows(d, ms[split:], execs, "executors", 1 if risk == "pk" else 0,
                          lead=[None, None, ("span", TASKS[risk][1], len(ms) - split)])
        # grp2's first row: risk and goal are continuations of the spans opened in grp1
        rows += grp1 + grp2
    build(d, {"approval": ["СОГЛАСОВАНО", "Куратор проекта «500+» Л. Ю. Чеснокова", "«28» августа 2026 г."],
              "title": ["Дорожная карта", "по реализации антирисковых программ", school + " Сухолужского муниципального округа", "на 2026/2027 учебный год"],
              "intro": ["Приоритетные риски: низкая учебная мотивация обучающихся, низкий уровень вовлечённости родителей, несформированность внутришкольной системы повышения квалификации."],
              "header": ["Направление (риск)", "Цель", "Задачи", "Мероприятия", "Сроки реализации", "Ответственный", "Ожидаемый результат"],
              "widths": [12, 14, 14, 22, 10, 12, 16], "rows": rows, "css": CSS_LO, "orient": "landscape",
              "sign": ["Директор " + school + " _____________ М. В. Ситникова"]})
    return d

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for f in (a1, a2, a3, a4):
        d = f(); print(d.name, len(d.measures), "measures,", len(d.overrides), "txt overrides")
