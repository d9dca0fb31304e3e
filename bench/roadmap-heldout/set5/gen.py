#!/usr/bin/env python3
"""Set 5 generator: writes docs/NAME.html, .txt, .truth.json (seeded, deterministic). All content synthetic."""
import json, random, html
from pools import M, LONG
R = random.Random(5505)
DL = ["2026–2027 уч. г.", "по отдельному графику", "постоянно", "до 01.09.2027", "сентябрь 2026 г.", "до 15.10.2026",
      "ежеквартально", "октябрь–ноябрь 2026", "в течение 2026–2027 учебного года", "декабрь 2026 г., май 2027 г.",
      "II полугодие 2026/2027 уч. г.", "по итогам каждой четверти", "март 2027 г.", "до 25 числа последнего месяца квартала",
      "январь 2027 г.", "июнь–август 2027 г.", "по запросу ОО", "апрель 2027 г."]
EX = [["УО (Петрова И. В., начальник отдела)"], ["ОО — руководители"], ["ММС"], ["ММС (Кузьмина Л. А., методист)", "ОО — руководители"],
      ["УО", "ММС"], ["Руководители ОО", "кураторы ШНОР"], ["УО (Гайнуллин Р. Ф., заместитель начальника)"],
      ["ММС (Сафонова Т. Е., руководитель ММС)", "руководители ММО"], ["ОО — заместители директоров по УВР"],
      ["УО (Петрова И. В., начальник отдела)", "ММС", "ОО — руководители"], ["ЦППМСП (Ларина О. Н.)", "педагоги-психологи ОО"],
      ["МРГ", "кураторы ШНОР"]]
FIN = ["не требуется", "не требуется", "не требуется", "муниципальный бюджет", "в рамках текущего финансирования", "муниципальный бюджет; областной бюджет"]
pool = M[:]; R.shuffle(pool)
pos = [0]
def take(n):  # cyclic over the shuffled pool: no repeat inside a document; measures recur across documents
    out = [pool[(pos[0] + i) % len(pool)] for i in range(n)]; pos[0] += n
    return out
def cell_html(v):
    if isinstance(v, list): return "<br>".join(html.escape(x) for x in v)
    return html.escape(v)
def cell_txt(v): return " ".join(v) if isinstance(v, list) else v

V = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
def shy_word(w):
    # simple Russian syllable rule: break after a vowel before a consonant that is followed (later) by a vowel;
    # never leave fewer than 2 letters on a side, never before ь/ъ/й
    if len(w) < 7 or not w.isalpha(): return w
    out = ""; 
    for i, ch in enumerate(w):
        out += ch
        rest = w[i+1:]
        if ch in V and 2 <= i+1 <= len(w)-3 and rest[0] not in V and rest[0] not in "ьъйЬЪЙ" and any(c in V for c in rest[1:]):
            out += "\u00ad"
    return out
def shy(t):
    import re
    return re.sub(r"[А-Яа-яЁё]+", lambda m: shy_word(m.group(0)), t)
def roman(i): return ["I","II","III","IV","V","VI"][i]

DOCS = []
def build(name, title_paras, pre, post, header, sections, kind, numstyle, longpos=None, goals=None, extra=False, n_per=None):
    """sections: list of section titles; n_per: measures per section."""
    rows = []; truth = []
    long_used = False
    k = 0
    for si, st in enumerate(sections):
        rows.append(("sec", st(si) if callable(st) else st))
        for j in range(n_per[si]):
            k += 1
            if longpos and (si, j) == longpos:
                m, ind = LONG.pop(0)
            else:
                m, ind = take(1)[0]
            dl = R.choice(DL); ex = R.choice(EX)
            num = numstyle(si, j, k)
            row = dict(num=num, m=m, dl=dl, ex=ex, ind=ind)
            if extra:
                isnum = ind.endswith("%") or ind.startswith("Количество") or ind.startswith("Число") or ind.startswith("Охват")
                if isnum:
                    b = R.randint(10, 60) if "%" in ind else R.randint(2, 30)
                    t = min(100, b + R.randint(10, 35)) if "%" in ind else b + R.randint(3, 20)
                    row["base"], row["target"] = str(b), str(t)
                else:
                    row["base"], row["target"] = "—", "—"
                row["fin"] = "муниципальный бюджет" if "оборудования" in m or "подвоза" in m or "смены" in m else R.choice(FIN)
            rows.append(("m", row))
            truth.append(dict(measure=m, deadline=dl, executors=" ".join(ex), indicator=ind))
    DOCS.append(dict(name=name, title=title_paras, pre=pre, post=post, header=header, rows=rows, truth=truth, kind=kind, goals=goals, extra=extra))

# q1: two tables, Roman sections, 1.1., a)b)c) in one cell; Writer, TNR 11, justified
build("q1-verkhnelugsk-two-tables",
      ["Дорожная карта", "по повышению качества образования в общеобразовательных организациях", "Верхнелужского муниципального округа с низкими образовательными результатами", "на 2026–2027 учебный год"],
      ["Приложение № 1", "к приказу Управления образования администрации", "Верхнелужского муниципального округа", "от 28.08.2026 № 311-од"],
      ["Начальник Управления образования _______________ С. П. Воронцова", "Исполнитель: Мальцева Д. А., ведущий специалист ММС, тел. 8 (48146) 2-57-31"],
      ["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Ожидаемый результат"],
      [lambda i: f"{roman(i)}. " + ["Организационно-управленческие мероприятия", "Методическое сопровождение педагогов", "Работа с обучающимися и родителями", "Мониторинг и контроль"][i] for i in range(4)],
      "writer", lambda si, j, k: f"{si+1}.{j+1}.", longpos=(1, 3),
      goals=[("Цель", "Повышение качества образования в ОО с низкими образовательными результатами и в ОО, функционирующих в неблагоприятных социальных условиях"),
             ("Задачи", "1) выявление рисковых профилей ОО; 2) адресная методическая помощь педагогам; 3) мониторинг динамики образовательных результатов"),
             ("Ожидаемые результаты", "снижение доли ОО с низкими результатами не менее чем на 30 %; положительная динамика результатов ВПР и ГИА")],
      n_per=[6, 7, 7, 6])
# q2: extra numeric columns + financing; Chromium landscape 10px, hyphens
build("q2-sosnogorsk-financing-chromium",
      ["План мероприятий («дорожная карта») по реализации муниципальной программы поддержки школ с низкими результатами обучения Сосногорского района на 2026–2027 годы"],
      ["УТВЕРЖДЕНО", "постановлением администрации Сосногорского района", "от 14.09.2026 № 902-п"],
      ["Исп. Орлова К. В., тел. 8 (82149) 6-33-05"],
      ["№", "Мероприятие", "Срок", "Ответственный", "Показатель", "Базовое значение (2025)", "Целевое значение (2027)", "Источник финансирования"],
      ["Нормативное и организационное обеспечение", "Кадровое и методическое обеспечение", "Образовательная деятельность", "Информационное сопровождение и отчётность"],
      "chromium-land", lambda si, j, k: f"{k}.", extra=True, n_per=[5, 7, 7, 5])
# q3: school; multi-line executors; Writer TNR 11 justified portrait
build("q3-school-ozerki-multiline-exec",
      ["Дорожная карта реализации программы антирисковых мер", "МБОУ «Озерковская СОШ имени Г. Т. Белова»", "на 2026–2027 учебный год"],
      ["УТВЕРЖДАЮ", "Директор МБОУ «Озерковская СОШ", "имени Г. Т. Белова»", "__________ А. Р. Шайхутдинова", "Приказ от 02.09.2026 № 147/2"],
      ["Ответственный за реализацию программы: заместитель директора по УВР Киселёва Н. М., тел. 8 (39158) 4-20-66"],
      ["№", "Содержание мероприятия", "Срок исполнения", "Ответственные исполнители", "Планируемый результат"],
      ["Риск «Низкая учебная мотивация обучающихся»", "Риск «Высокая доля обучающихся с рисками учебной неуспешности»", "Риск «Пониженный уровень качества школьной образовательной и воспитательной среды»"],
      "writer", lambda si, j, k: str(k), n_per=[8, 8, 8])
# q4: Chromium portrait, narrow columns, 10px, hyphens, Roman sections, a)b)c)
build("q4-kedrovy-narrow-hyphens",
      ["Дорожная карта", "по сопровождению школ с низкими образовательными результатами", "в Кедровском городском округе на 2026–2027 учебный год"],
      ["Приложение № 2", "к распоряжению Комитета по образованию", "Кедровского городского округа", "от 07.09.2026 № 58-р"],
      ["Председатель Комитета по образованию В. Н. Сидорчук"],
      ["№ п/п", "Мероприятия", "Сроки", "Исполнители", "Ожидаемый результат (показатель)", "Отметка о выполнении"],
      [lambda i: f"{roman(i)}. " + ["Аналитический этап", "Этап реализации программ антирисковых мер", "Итоговый этап"][i] for i in range(3)],
      "chromium-port", lambda si, j, k: f"{si+1}.{j+1}.", longpos=(1, 4), n_per=[6, 10, 7])
# q5: passport table + roadmap with base/target/financing; Writer landscape TNR 11 justified
build("q5-pribelsky-passport-extra",
      ["Комплекс мер («дорожная карта») по повышению качества образования", "в школах Прибельского муниципального района, показывающих низкие образовательные результаты,", "на 2026–2027 годы"],
      ["Утвержден", "приказом МКУ «Управление образования Прибельского района»", "от «19» августа 2026 г. № 274"],
      ["Исполнитель: Хабибова Л. Р., главный специалист, тел. 8 (34769) 2-11-48"],
      ["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Показатель", "Базовое значение (2025)", "Целевое значение (2027)", "Источник финансирования"],
      [lambda i: f"{roman(i)}. " + ["Управленческие меры", "Работа с педагогическими кадрами", "Работа с обучающимися и семьями"][i] for i in range(3)],
      "writer-land", lambda si, j, k: f"{si+1}.{j+1}.", longpos=(2, 2), extra=True,
      goals=[("Наименование показателя", "Значение 2025 / 2027"), ("Доля ШНОР в районе, %", "18 / 9"), ("Доля выпускников 9 классов ШНОР, не получивших аттестат, %", "4,1 / 1,5")],
      n_per=[7, 8, 8])

for d in DOCS:
    name = d["name"]; hdr = d["header"]; ncol = len(hdr); chrom = d["kind"].startswith("chromium")
    land = d["kind"].endswith("land")
    # ---------- HTML ----------
    if chrom:
        widths = ([4, 24, 9, 13, 17, 8, 8, 17] if ncol == 8 else [5, 25, 11, 14, 17, 12])
        css = f"""@page {{ size: A4 {'landscape' if land else 'portrait'}; margin: 15mm 15mm 15mm {'20mm' if land else '30mm'}; }}
body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10px; }}
.pre {{ margin-left: 62%; font-size: 10px; }} .pre p {{ margin: 0; }}
h1 {{ font-size: 13px; text-align: center; margin: 10px 0 2px 0; }} h1 + h1 {{ margin-top: 0; }}
table.rm {{ border-collapse: collapse; width: 100%; table-layout: fixed; margin-top: 10px; }}
table.rm td, table.rm th {{ border: 0.6px solid #000; padding: 2px 3px; vertical-align: top; hyphens: auto; -webkit-hyphens: auto; overflow-wrap: break-word; }}
table.rm th {{ font-weight: bold; text-align: center; }}
tr.sec td {{ font-weight: bold; text-align: center; }}
td p, th p {{ margin: 0; }} td p[align=justify] {{ text-align: justify; }}
thead {{ display: table-header-group; }} tr {{ break-inside: avoid; }}
.post {{ margin-top: 14px; }} .post p {{ margin: 2px 0; }}"""
        colg = "".join(f'<col style="width:{w}%">' for w in widths)
        tattr = 'class="rm" border="1" cellpadding="3"'
    else:
        css = f"""@page {{ size: {'29.7cm 21cm' if land else '21cm 29.7cm'}; margin: 2cm 1.5cm 2cm 2.5cm; }}
body, p, td, th {{ font-family: 'Times New Roman'; font-size: 11pt; }}
td p {{ text-align: justify; margin: 0; }}"""
        widths = ([5, 24, 10, 14, 18, 8, 8, 13] if ncol == 8 else [6, 36, 13, 18, 27])
        colg = "".join(f'<col width="{w}%">' for w in widths)
        tattr = 'border="1" cellspacing="0" cellpadding="4" width="100%" frame="box" rules="all"'
    H = [f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{html.escape(d["title"][0])}</title><style>{css}</style></head><body>']
    al = 'align="right"'
    H.append('<div class="pre">' + "".join(f'<p {al}><font face="Times New Roman">{html.escape(p)}</font></p>' if not chrom else f"<p>{html.escape(p)}</p>" for p in d["pre"]) + "</div>")
    for t in d["title"]:
        H.append(f'<h1>{html.escape(t)}</h1>' if chrom else f'<p align="center"><b><font face="Times New Roman">{html.escape(t)}</font></b></p>')
    if d["goals"]:
        gattr = tattr.replace('class="rm" ', '')
        H.append(f'<table {gattr} class="goals" style="border-collapse:collapse;margin-top:8px"><col width="28%"><col width="72%">')
        for a, b in d["goals"]:
            H.append(f'<tr><td width="28%"><p align="left"><b>{html.escape(a)}</b></p></td><td><p align="justify">{html.escape(b)}</p></td></tr>')
        H.append('</table><p align="center"><b>План мероприятий</b></p>' if not chrom else "</table><h1>План мероприятий</h1>")
    H.append(f"<table {tattr}>{colg}<thead><tr>" + "".join(f"<th><p align=\"center\">{html.escape(h)}</p></th>" for h in hdr) + "</tr></thead><tbody>")
    for kind, r in d["rows"]:
        if kind == "sec":
            H.append(f'<tr class="sec"><td colspan="{ncol}"><p align="center"><b>{html.escape(r)}</b></p></td></tr>')
        else:
            cells = [r["num"], r["m"], r["dl"], r["ex"], r["ind"]] + ([r["base"], r["target"], r["fin"]] if d["extra"] else []) + ([""] * (ncol - 5 - 3 * bool(d["extra"])))
            tds = []
            for ci, c in enumerate(cells):
                a = "center" if ci in (0, 2, 5, 6) else ("left" if ci in (3, 7) else "justify")
                tds.append(f'<td><p align="{a}">{cell_html(c)}</p></td>')
            H.append("<tr>" + "".join(tds) + "</tr>")
    H.append("</tbody></table>")
    H.append('<div class="post">' + "".join(f"<p>{html.escape(p)}</p>" for p in d["post"]) + "</div></body></html>")
    open(f"docs/{name}.html", "w").write("\n".join(H))
    if chrom:  # print copy: this Chromium has no Russian hyphenation dictionary, so line-end hyphens come from soft hyphens
        import re as _re
        P = "\n".join(H)
        P = _re.sub(r">([^<>]+)<", lambda m: ">" + shy(m.group(1)) + "<", P.split("<body>",1)[1])
        open(f"docs/{name}.print.html", "w").write("\n".join(H).split("<body>",1)[0] + "<body>" + P)
    # ---------- TXT (as copied from Word: paragraphs, then table rows tab-joined) ----------
    T = list(d["pre"]) + [""] + list(d["title"]) + [""]
    if d["goals"]:
        T += [f"{a}\t{b}" for a, b in d["goals"]] + ["План мероприятий"]
    T.append("\t".join(hdr))
    for kind, r in d["rows"]:
        if kind == "sec": T.append(r)
        else:
            cells = [r["num"], r["m"], r["dl"], r["ex"], r["ind"]] + ([r["base"], r["target"], r["fin"]] if d["extra"] else []) + ([""] * (ncol - 5 - 3 * bool(d["extra"])))
            T.append("\t".join(cell_txt(c) for c in cells))
    T += [""] + d["post"]
    open(f"docs/{name}.txt", "w").write("\n".join(T) + "\n")
    json.dump(dict(title=" ".join(d["title"]), synthetic=True, measures=d["truth"]), open(f"docs/{name}.truth.json", "w"), ensure_ascii=False, indent=1)
    print(name, len(d["truth"]), d["kind"])
