# -*- coding: utf-8 -*-
"""Generator of held-out set 18 (seed 1818). ALL CONTENT IS SYNTHETIC.
Writes docs/NAME.{html,docx,pdf,txt,truth.json} and docs/draws.json. The ODT fixing follows set 17's gen.py."""
import json, os, random, re, shutil, subprocess, sys, zipfile, html as H
from pools import *
import docxread

RNG = random.Random(1818)
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docs")
LO = ["soffice", "-env:UserInstallation=file:///tmp/set18lo", "--headless"]
N = 5
ROMAN = ["I", "II", "III", "IV", "V", "VI"]
SHORT = {"Сосновоярская область": "sosn", "Кряжевской край (условный)": "kryazh", "Бобровореченский муниципальный район": "bobr",
         "городской округ Светлоключ": "svetl", "Тальниковский муниципальный округ": "taln", "МБОУ «Кедровская СОШ»": "kedr",
         "МКОУ «Ольшанская ООШ»": "olsh", "МАОУ «СОШ № 4 г. Светлоключ»": "sosh4"}


class Decks:
    """Each attribute has its own shuffled deck, so the 5 documents spread over the values."""
    def __init__(self): self.d = {}
    def deal(self, key, values):
        if not self.d.get(key):
            v = list(values); RNG.shuffle(v); self.d[key] = v
        return self.d[key].pop()
K = Decks()


def draw(i):
    a = {}
    a["level"] = K.deal("level", ["region", "municipality", "municipality", "school", "school"])
    pl = K.deal("place_" + a["level"], PLACES[a["level"]])
    a["place"], a["org"], a["act"], a["actno"], a["who"] = pl
    a["before"] = K.deal("before", ["none", "utv", "prilozh", "order", "prilozh"])
    a["title_paras"] = K.deal("tp", [1, 2, 3, 2, 3])
    a["title"] = K.deal("title", list(range(len(TITLES))))
    a["numbering"] = K.deal("num", ["none", "1.", "1.1.", "1)", "typed", "hier"])
    a["sections"] = K.deal("sec", ["none", "colspan", "bold", "razdel", "roman"])
    if a["numbering"] == "1.1." and a["sections"] == "none": a["sections"] = "colspan"; a["sections_forced"] = True
    a["two_part"] = K.deal("two", [True, False, False, True, False])
    a["two_part_header"] = RNG.choice(["flat", "grouped"]) if a["two_part"] else None
    a["extra"] = K.deal("extra", [[], ["Участники"], ["Форма отчётности"], ["Примечание", "Источник финансирования"], ["Отметка о выполнении"]])
    a["exec_style"] = K.deal("exs", ["pos", "pos_name_after", "pos_name_before", "multi_para", "multi_comma"])
    a["initials"] = RNG.choice(["spaced", "tight"])
    a["bullet"] = K.deal("bul", ["–", "•", "–", "•", None])
    a["multipara_p"] = RNG.choice([0.15, 0.3, 0.45])
    a["merge"] = K.deal("merge", ["deadline", "executors", "both", "none", "executors"])
    a["cut"] = K.deal("cut", [True, True, False, True, False])
    a["orientation"] = K.deal("ori", ["portrait", "landscape", "portrait", "landscape", "portrait"])
    a["font"] = K.deal("font", ["DejaVu Serif", "DejaVu Sans", "Liberation Serif", "Liberation Sans", "Liberation Serif"])
    a["size"] = K.deal("size", [9, 10, 11, 12, 11])
    a["signature"] = K.deal("sig", [True, True, False, True, False])
    a["pdf"] = K.deal("pdf", ["lo", "lo", "gs", "chromium", "chromium"])
    a["n"] = RNG.randint(15, 25)
    a["hdr"] = {k: RNG.choice(v) for k, v in HEADERS.items()}
    if a["two_part"]:
        a["hdr"]["start"], a["hdr"]["end"] = RNG.choice(TWO_PART_HEADERS)
        a["hdr"]["group"] = RNG.choice(TWO_PART_GROUP)
    cols = ["indicator", "executors", "deadline"] + a["extra"]
    RNG.shuffle(cols)
    a["cols"] = (["num"] if a["numbering"] in ("1.", "1.1.", "1)", "hier") else []) + ["measure"] + cols
    return a


def draw_new_patterns(draws):
    """New patterns of set 18, each for 1-2 documents (count drawn), among the documents where it makes sense."""
    def pick(key, eligible):
        k = min(RNG.choice([1, 2]), len(eligible))
        return sorted(RNG.sample(eligible, k))
    idx = list(range(N))
    st = pick("second_table", idx)
    for j, i in enumerate(st): draws[i]["second_table"] = RNG.choice(["familiarization", "targets"]) if j == 0 else ("targets" if draws[st[0]]["second_table"] == "familiarization" else "familiarization")
    for i in pick("colnum_row", idx): draws[i]["colnum_row"] = True
    for i in pick("footnote", idx):
        draws[i]["footnote"] = {"col": RNG.choice(["deadline", "executors", "indicator"]), "mark": RNG.choice(["*", "sup1"]), "text": RNG.choice(FOOTNOTES)}
    portrait = [i for i in idx if draws[i]["orientation"] == "portrait"]
    # landscape table inside a portrait document: prefer documents that have portrait content around the table
    good = [i for i in portrait if draws[i]["before"] == "order" or draws[i].get("second_table")] or portrait
    for i in pick("land_table", good): draws[i]["land_table"] = True
    sec = [i for i in idx if draws[i]["sections"] != "none"]
    for i in pick("empty_rows", sec): draws[i]["empty_rows"] = True
    for i in pick("long_measure", idx): draws[i]["long_measure"] = True
    # title 3 («... перехода в эффективный режим работы {школа}») fits schools only: swap with a school's title
    for a in draws:
        if a["title"] == 3 and a["level"] != "school":
            b = next(b for b in draws if b["level"] == "school")
            a["title"], b["title"] = b["title"], a["title"]; a["title_swapped"] = b["title_swapped"] = True
    for a in draws:
        for k in ("second_table", "colnum_row", "footnote", "land_table", "empty_rows", "long_measure"): a.setdefault(k, None if k in ("second_table", "footnote") else False)


def initials(a, ini): return ini if a["initials"] == "spaced" else ini.replace(". ", ".")

def person(a, before=False):
    s, ini = RNG.choice(PERSONS); ini = initials(a, ini)
    return f"{ini} {s}" if before else f"{s} {ini}"

def executors(a):
    pos = POSITIONS[a["level"]]; st = a["exec_style"]
    if st == "pos": return [RNG.choice(pos)]
    if st == "pos_name_after": return [f"{RNG.choice(pos)} {person(a)}"]
    if st == "pos_name_before": return [f"{RNG.choice(pos)} {person(a, True)}"]
    if st == "multi_para":
        if RNG.random() < 0.6:
            return [f"{p} {person(a)}" if RNG.random() < 0.5 else p for p in RNG.sample(pos, RNG.randint(2, 3))]
        return [RNG.choice(pos)]
    if st == "multi_comma":
        if RNG.random() < 0.6: return [", ".join(RNG.sample(pos, RNG.randint(2, 3)))]
        return [RNG.choice(pos)]


def measure_paras(a, base):
    ps = list(base)
    if RNG.random() < a["multipara_p"]:
        if a["bullet"] and RNG.random() < 0.6:
            ps[-1] = ps[-1] + ":"
            ps += [f"{a['bullet']} {b}" for b in RNG.choice(BULLETS)]
        else:
            ps.append(RNG.choice(DETAILS))
    return ps

def indicator_paras(a, base):
    ps = list(base)
    if RNG.random() < 0.2: ps.append(RNG.choice([x for x in IND_EXTRA if x not in ps]))
    if a["bullet"] and len(ps) >= 2 and RNG.random() < 0.35: ps = [f"{a['bullet']} {p}" for p in ps]
    return ps


def build_model(a):
    """Rows of the roadmap: dicts with sec, num, measure (paragraphs), dl (str or pair), ex, ind (paragraphs), extra, span."""
    if a["sections"] != "none":
        secs = sorted(RNG.sample(range(len(SECTIONS)), RNG.randint(4, 5)))
    else:
        secs = list(range(len(SECTIONS)))
    pool = [m for m in MEASURES if m[0] in secs]; RNG.shuffle(pool)
    if a["numbering"] == "hier":   # make sure sub-items appear: up to two parents with children first
        par = [m for m in pool if m[3]][:2]; pool = par + [m for m in pool if m not in par]
    rows = []; chosen = []
    for m in pool:
        add = 1 + (len(m[3]) if (a["numbering"] == "hier" and m[3]) else 0)
        if len(chosen) and sum(1 + (len(x[3]) if (a["numbering"] == "hier" and x[3]) else 0) for x in chosen) + add > a["n"]: continue
        chosen.append(m)
    if a["sections"] != "none": chosen.sort(key=lambda m: secs.index(m[0]))
    else: chosen.sort(key=lambda m: m[0])   # keep a logical order even without section rows
    def row(sec, mps, ips, parent=None):
        r = {"sec": sec if a["sections"] != "none" else None, "measure": mps, "ind": ips, "parent": parent, "span": {}}
        r["dl"] = list(RNG.choice(TWO_PART)) if a["two_part"] else RNG.choice(DEADLINES)
        r["ex"] = executors(a)
        r["extra"] = {c: RNG.choice(EXTRA[c]) for c in a["extra"]}
        return r
    for m in chosen:
        rows.append(row(m[0], measure_paras(a, m[1]), indicator_paras(a, m[2])))
        if a["numbering"] == "hier" and m[3]:
            p = len(rows) - 1
            for cm, ci in m[3]: rows.append(row(m[0], [cm], [ci], parent=p))
    # merges: runs of 2-3 rows within a section share deadline / executors
    fields = {"deadline": ["dl"], "executors": ["ex"], "both": ["dl", "ex"], "none": []}[a["merge"]]
    for f in fields:
        i = RNG.randint(0, 2); made = 0
        while i < len(rows) - 1 and made < 3:
            L = RNG.choice([2, 3])
            grp = [j for j in range(i, min(i + L, len(rows))) if rows[j]["sec"] == rows[i]["sec"]]
            if len(grp) >= 2 and all(f not in rows[j]["span"] for j in grp):
                rows[i]["span"][f] = len(grp)
                for j in grp[1:]: rows[j][f] = rows[i][f]; rows[j]["span"][f] = 0
                made += 1
            i += len(grp) + RNG.randint(2, 5)
    return rows


def numbers(a, rows):
    out = []; c = 0; s = 0; k = 0; last = "x"; sub = 0
    for r in rows:
        if r["sec"] != last: s += 1; k = 0; last = r["sec"]
        if r["parent"] is None: c += 1; k += 1; sub = 0
        else: sub += 1
        n = a["numbering"]
        out.append({"1.": f"{c}.", "1)": f"{c})", "1.1.": f"{s}.{k}.", "typed": f"{c}. ", "none": "",
                    "hier": f"{c}." if r["parent"] is None else f"{c}.{sub}."}[n])
    return out


def esc(s): return H.escape(s, quote=False)

def leaf_headers(a):
    hc = []
    for c in a["cols"]:
        if c == "deadline" and a["two_part"]: hc += ["start", "end"]
        else: hc.append(c)
    return hc

def hname(a, c):
    return a["hdr"][c] if c in a["hdr"] else c

def fn_mark(a, c):
    f = a.get("footnote")
    if not f or f["col"] != c: return ""
    return "*" if f["mark"] == "*" else "<sup>1</sup>"

WEIGHT = {"Источник финансирования": 2.5, "Отметка о выполнении": 1.7, "num": 0.9, "measure": 4.2, "deadline": 1.7, "start": 1.4, "end": 1.4, "executors": 2.3, "indicator": 2.8}

def col_weights(a):
    return [WEIGHT.get(c, 1.9) for c in leaf_headers(a)]

def table_is_landscape(a): return a["orientation"] == "landscape" or a["land_table"]

def by_whom(a, case):
    """«приказом отдела образования» (ins) / «к приказу отдела образования» (dat)."""
    act = {"ins": {"приказ": "приказом", "распоряжение": "распоряжением"}, "dat": {"приказ": "к приказу", "распоряжение": "к распоряжению"}}[case][a["act"]]
    if a["level"] == "school": return f"{act} директора {a['place']}" if case == "ins" else f"{act} директора школы"
    w = a["org"].split()[0]
    org = {"Министерство": "министерства " + " ".join(a["org"].split()[1:2]), "Отдел": "отдела образования", "Управление": "управления образования",
           "Комитет": "комитета по образованию"}[w]
    return f"{act} {org}"

def write_html(name, a, rows):
    leaves = leaf_headers(a); ncols = len(leaves)
    land_t = table_is_landscape(a)
    if not land_t and ncols >= 6: a["size_used"] = min(a["size"], 10)
    elif ncols >= 8: a["size_used"] = min(a["size"], 10)
    else: a["size_used"] = a["size"]
    sz = a["size_used"]
    land = a["orientation"] == "landscape"
    W, Hh = ("297mm", "210mm") if land else ("210mm", "297mm")
    pre = []; app = []; post = []
    sig_person = person(a)
    act_gen = {"приказ": "приказу", "распоряжение": "распоряжению"}[a["act"]]
    if a["before"] == "utv":
        for t in ["УТВЕРЖДЕНА", by_whom(a, "ins"), f"от 28.08.2026 {a['actno']}"]:
            app.append(f'<p style="text-align:right">{esc(t)}</p>')
    elif a["before"] == "prilozh":
        nn = RNG.choice(["1", "2"])
        app += [f'<p style="text-align:right">Приложение № {nn}</p>', f'<p style="text-align:right">{esc(by_whom(a, "dat"))}</p>',
                f'<p style="text-align:right">от 28.08.2026 {esc(a["actno"])}</p>']
    elif a["before"] == "order":
        pre += [f'<p style="text-align:center"><b>{esc(a["org"].upper())}</b></p>', '<p style="text-align:center">&nbsp;</p>',
                f'<p style="text-align:center"><b>{"П Р И К А З" if a["act"] == "приказ" else "РАСПОРЯЖЕНИЕ"}</b></p>', '<p>&nbsp;</p>',
                f'<p>28.08.2026\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0{esc(a["actno"])}</p>', '<p>&nbsp;</p>',
                f'<p><b>Об утверждении дорожной карты по работе со школами с низкими образовательными результатами на 2026/2027 учебный год</b></p>', '<p>&nbsp;</p>',
                '<p>В целях реализации мер адресной поддержки общеобразовательных организаций с низкими образовательными результатами и функционирующих в неблагоприятных социальных условиях (синтетический документ)</p>',
                f'<p>{"ПРИКАЗЫВАЮ" if a["act"] == "приказ" else "ОБЯЗЫВАЮ"}:</p>', '<p>1. Утвердить дорожную карту (приложение).</p>',
                '<p>2. Ответственным исполнителям обеспечить выполнение мероприятий в установленные сроки.</p>',
                '<p>3. Контроль за исполнением оставляю за собой.</p>', '<p>&nbsp;</p>',
                f'<p>Руководитель\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0{esc(sig_person)}</p>']
        br = "" if a["land_table"] else "; page-break-before:always"
        app += [f'<p style="text-align:right{br}">Приложение</p>', f'<p style="text-align:right">к {act_gen} от 28.08.2026 {esc(a["actno"])}</p>']
    parts = [p.format(who=a["who"]) for p in TITLES[a["title"]]]
    while len(parts) > a["title_paras"]: parts[-2:] = [parts[-2] + " " + parts[-1]]
    for p in parts: app.append(f'<p style="text-align:center"><b>{esc(p)}</b></p>')
    app.append("<p>&nbsp;</p>")
    ws = col_weights(a); tot = sum(ws)
    t = ['<table class="rm" border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse; width:100%">', "<colgroup>"]
    t += [f'<col style="width:{100 * w / tot:.1f}%">' for w in ws] + ["</colgroup>", "<thead>"]
    grouped = a["two_part"] and a["two_part_header"] == "grouped"
    row1 = []
    for c in a["cols"]:
        if c == "deadline" and a["two_part"]:
            if grouped: row1.append(f'<th colspan="2">{esc(a["hdr"]["group"])}{fn_mark(a, c)}</th>')
            else: row1 += [f'<th>{esc(a["hdr"]["start"])}{fn_mark(a, c)}</th>', f'<th>{esc(a["hdr"]["end"])}</th>']
        else:
            rs = ' rowspan="2"' if grouped else ""
            row1.append(f"<th{rs}>{esc(hname(a, c))}{fn_mark(a, c)}</th>")
    t.append("<tr>" + "".join(row1) + "</tr>")
    if grouped: t.append(f'<tr><th>{esc(a["hdr"]["start"])}</th><th>{esc(a["hdr"]["end"])}</th></tr>')
    if a["colnum_row"]: t.append("<tr>" + "".join(f'<td style="text-align:center">{k + 1}</td>' for k in range(ncols)) + "</tr>")
    t.append("</thead><tbody>")
    nums = numbers(a, rows); last = "x"; sn = 0
    for i, r in enumerate(rows):
        if r["sec"] != last and a["sections"] != "none":
            if a["empty_rows"] and sn > 0: t.append("<tr>" + "<td></td>" * ncols + "</tr>")
            sn += 1; last = r["sec"]; st = SECTIONS[r["sec"]]
            pref = f"{sn}. " if a["numbering"] == "1.1." else ""
            if a["sections"] == "colspan": t.append(f'<tr><td colspan="{ncols}" style="text-align:center"><b>{pref}{esc(st)}</b></td></tr>')
            elif a["sections"] == "roman": t.append(f'<tr><td colspan="{ncols}"><b>{ROMAN[sn - 1]}. {esc(st)}</b></td></tr>')
            elif a["sections"] == "razdel": t.append(f'<tr><td colspan="{ncols}" style="text-align:center"><b>Раздел {sn}. {esc(st)}</b></td></tr>')
            elif a["sections"] == "bold":
                cells = []
                for c in leaves:
                    if c == "num": cells.append(f"<td><b>{sn}.</b></td>" if a["numbering"] == "1.1." else "<td></td>")
                    elif c == "measure": cells.append(f"<td><b>{esc(st)}</b></td>")
                    else: cells.append("<td></td>")
                t.append("<tr>" + "".join(cells) + "</tr>")
        cells = []
        for c in a["cols"]:
            if c == "num": cells.append(f"<td>{esc(nums[i])}</td>")
            elif c == "measure":
                ms = list(r["measure"])
                if a["numbering"] == "typed": ms[0] = nums[i] + ms[0]
                cells.append("<td>" + "".join(f"<p>{esc(m)}</p>" for m in ms) + "</td>")
            elif c == "deadline":
                sp = r["span"].get("dl")
                if sp == 0: continue
                rs = f' rowspan="{sp}"' if sp else ""
                if a["two_part"]: cells += [f"<td{rs}>{esc(r['dl'][0])}</td>", f"<td{rs}>{esc(r['dl'][1])}</td>"]
                else: cells.append(f"<td{rs}>{esc(r['dl'])}</td>")
            elif c == "executors":
                sp = r["span"].get("ex")
                if sp == 0: continue
                rs = f' rowspan="{sp}"' if sp else ""
                cells.append(f"<td{rs}>" + "".join(f"<p>{esc(e)}</p>" for e in r["ex"]) + "</td>")
            elif c == "indicator": cells.append("<td>" + "".join(f"<p>{esc(p)}</p>" for p in r["ind"]) + "</td>")
            else: cells.append(f"<td>{esc(r['extra'][c])}</td>")
        t.append("<tr>" + "".join(cells) + "</tr>")
    t.append("</tbody></table>")
    if a["footnote"]:
        mk = "*" if a["footnote"]["mark"] == "*" else "<sup>1</sup>"
        t.append(f'<p style="font-size:{max(sz - 2, 8)}pt">{mk} {esc(a["footnote"]["text"])}</p>')
    # second, non-roadmap table
    second = []
    if a["second_table"] == "targets":
        second += ["<p>&nbsp;</p>", '<p style="text-align:center"><b>Целевые показатели реализации дорожной карты</b></p>',
                   '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse; width:100%"><colgroup><col style="width:64%"><col style="width:12%"><col style="width:12%"><col style="width:12%"></colgroup>',
                   "<thead><tr><th>Показатель</th><th>2025 (факт)</th><th>2026</th><th>2027</th></tr></thead><tbody>"]
        for row in RNG.sample(TARGETS, 4): second.append("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in row) + "</tr>")
        second.append("</tbody></table>")
    sig = []
    if a["signature"]:
        role = {"school": "Директор", "municipality": "Начальник отдела образования" if "Отдел" in a["org"] else "Руководитель", "region": "Заместитель министра"}[a["level"]]
        sig = ["<p>&nbsp;</p>", f'<p>{role}\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0____________\u00a0\u00a0\u00a0\u00a0{esc(person(a))}</p>']
    fam = []
    if a["second_table"] == "familiarization":
        fam += ['<p style="page-break-before:always; text-align:center"><b>Лист ознакомления с дорожной картой</b></p>', "<p>&nbsp;</p>",
                '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse; width:100%"><colgroup><col style="width:7%"><col style="width:33%"><col style="width:30%"><col style="width:15%"><col style="width:15%"></colgroup>',
                "<thead><tr><th>№</th><th>ФИО</th><th>Должность</th><th>Подпись</th><th>Дата</th></tr></thead><tbody>"]
        for k, (s, ini) in enumerate(RNG.sample(PERSONS, 6)):
            fam.append(f"<tr><td>{k + 1}</td><td>{esc(s)} {esc(initials(a, ini))}</td><td>{esc(RNG.choice(POSITIONS[a['level']]))}</td><td></td><td></td></tr>")
        fam.append("</tbody></table>")
    css = (f'@page {{ size: {W} {Hh}; margin: 15mm 15mm 15mm 20mm; }} @page land {{ size: 297mm 210mm; margin: 15mm 15mm 15mm 20mm; }} '
           f'div.land {{ page: land; }} body {{ font-family: "{a["font"]}"; font-size: {sz}pt; }} '
           f'td, th {{ font-family: "{a["font"]}"; font-size: {sz}pt; vertical-align: top; border: 1px solid black; }} p {{ margin: 0; }}')
    if a["land_table"]:
        second = [x for x in second if x != "<p>&nbsp;</p>"]
        body = pre + ['<div class="land">'] + app + t + sig + ["</div>"] + second + fam
    else:
        body = pre + app + t + second + sig + fam
    doc = (f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>{esc(name)} (синтетический)</title><style>{css}</style></head><body>\n'
           + "\n".join(body) + "\n</body></html>\n")
    open(os.path.join(D, name + ".html"), "w", encoding="utf-8").write(doc)
    a["land_start_text"] = re.sub(r"<[^>]+>", "", app[0]) if a["land_table"] else None
    after = [re.sub(r"<[^>]+>", "", x) for x in second + fam if x.startswith("<p")]
    a["land_back_text"] = after[0] if a["land_table"] and after else None
    return parts


def fix_odt(path, a):
    land = a["orientation"] == "landscape"
    pw, ph = (29.7, 21.0) if land else (21.0, 29.7)
    tw_doc = pw - 3.5
    tw_tab = (29.7 - 3.5) if table_is_landscape(a) else tw_doc
    ws = col_weights(a); tot = sum(ws); cw = [tw_tab * w / tot for w in ws]
    tmp = path + ".tmp"
    zin = zipfile.ZipFile(path); zout = zipfile.ZipFile(tmp, "w")
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "styles.xml":
            s = data.decode()
            def pl(m, o=a["orientation"], w=pw, h=ph):
                x = m.group(0)
                x = re.sub(r'fo:page-width="[^"]*"', f'fo:page-width="{w}cm"', x)
                x = re.sub(r'fo:page-height="[^"]*"', f'fo:page-height="{h}cm"', x)
                x = re.sub(r'style:print-orientation="[^"]*"', "", x)
                x = x.replace("<style:page-layout-properties", f'<style:page-layout-properties style:print-orientation="{o}"', 1)
                for k, v in (("top", 1.5), ("bottom", 1.5), ("left", 2.0), ("right", 1.5)):
                    x = re.sub(rf'fo:margin-{k}="[^"]*"', f'fo:margin-{k}="{v}cm"', x)
                return x
            s = re.sub(r"<style:page-layout-properties[^>]*>", pl, s)
            # body paragraphs: small gap (LibreOffice's «Text body» has 0.5 cm after each paragraph)
            s = re.sub(r'(<style:style style:name="Text_20_body"[^>]*>\s*<style:paragraph-properties[^>]*?)fo:margin-bottom="[^"]*"', r'\1fo:margin-bottom="0.1cm"', s)
            if a["land_table"]:
                m = re.search(r'<style:page-layout style:name="Mpm2">.*?</style:page-layout>', s)
                lp = m.group(0).replace('style:name="Mpm2"', 'style:name="S18LandPL"')
                lp = re.sub(r"<style:page-layout-properties[^>]*>", lambda mm: pl(mm, "landscape", 29.7, 21.0), lp)
                s = s.replace("</office:automatic-styles>", lp + "</office:automatic-styles>", 1)
                s = s.replace("</office:master-styles>", '<style:master-page style:name="S18Land" style:page-layout-name="S18LandPL"/></office:master-styles>', 1)
            data = s.encode()
        if item.filename == "content.xml":
            s = data.decode()
            s = re.sub(r'(<style:table-properties[^>]*?)style:width="[^"]*"', rf'\1style:width="{tw_doc:.2f}cm"', s)
            s = re.sub(r'(<style:style style:name="Table1" style:family="table"><style:table-properties[^>]*?)style:width="[^"]*"', rf'\1style:width="{tw_tab:.2f}cm"', s)
            s = re.sub(r'(<style:table-properties[^>]*?)style:rel-width="[^"]*"', r'\1', s)
            s = re.sub(r'table:align="[^"]*"', 'table:align="margins"', s)
            # empty cells: LibreOffice's HTML import gives them 2 pt paragraphs; Word-like documents have normal empty lines
            s = re.sub(r'fo:font-size="2pt" style:font-size-asian="2pt" style:font-size-complex="2pt"', f'fo:font-size="{a["size_used"]}pt"', s)
            # paragraphs inside cells: no 5 mm gap after each <p>
            s = re.sub(r'(style:parent-style-name="Table_20_(?:Contents|Heading)"><style:paragraph-properties[^>]*?)fo:margin-bottom="[^"]*"', r'\1fo:margin-bottom="0cm"', s)
            s = s.replace('fo:margin-bottom="0.1965in"', 'fo:margin-bottom="0.1cm"')
            newst = "".join(f'<style:style style:name="S18C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>' for i, w in enumerate(cw))
            s = s.replace("</office:automatic-styles>", newst + "</office:automatic-styles>", 1)
            s = re.sub(r'(?:<table:table-column [^>]*/>)+', lambda m: "".join(f'<table:table-column table:style-name="S18C{i}"/>' for i in range(len(cw))), s, count=1)
            if a["land_table"]:
                s = land_section(s, a)
            data = s.encode()
        zout.writestr(item, data)
    zout.close(); zin.close(); shutil.move(tmp, path)


def land_section(s, a):
    """Landscape page style from the appendix block through the roadmap table, portrait (HTML master) after it."""
    def restyle(s, pos, master, newname):
        m = re.compile(r'<text:p text:style-name="([^"]+)"').search(s, pos)
        old = m.group(1)
        sm = re.search(rf'<style:style style:name="{re.escape(old)}" style:family="paragraph"[^>]*?(/>|>.*?</style:style>)', s)
        if sm:
            st = sm.group(0).replace(f'style:name="{old}"', f'style:name="{newname}"', 1)
            st = re.sub(r' style:master-page-name="[^"]*"', "", st)
            st = st.replace(f'style:name="{newname}"', f'style:name="{newname}" style:master-page-name="{master}"', 1)
        else:
            st = f'<style:style style:name="{newname}" style:family="paragraph" style:parent-style-name="{old}" style:master-page-name="{master}"/>'
        s = s[:m.start(1)] + newname + s[m.end(1):]
        return s.replace("</office:automatic-styles>", st + "</office:automatic-styles>", 1)
    txt = esc(a["land_start_text"])
    i = s.find(">" + txt + "<")
    i = s.rfind("<text:p ", 0, i)
    s = restyle(s, i, "S18Land", "S18LandP")
    if a["land_back_text"]:
        j = s.find(">" + esc(a["land_back_text"]) + "<")
        j = s.rfind("<text:p ", 0, j)
        s = restyle(s, j, "HTML", "S18BackP")
    return s


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240, **kw)

def convert(name, a):
    html = os.path.join(D, name + ".html"); odt = os.path.join(D, name + ".odt")
    run(LO + ['--infilter=HTML (StarWriter)', "--convert-to", "odt", "--outdir", D, html])
    fix_odt(odt, a)
    run(LO + ["--convert-to", 'docx:MS Word 2007 XML', "--outdir", D, odt])
    os.remove(odt)
    pdf = os.path.join(D, name + ".pdf")
    if a["pdf"] == "chromium":
        run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + html])
    else:
        run(LO + ["--convert-to", "pdf", "--outdir", D, os.path.join(D, name + ".docx")])
        if a["pdf"] == "gs":
            run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={pdf}.gs", pdf]); shutil.move(pdf + ".gs", pdf)


# ---- page-cut detection (textual, pdftotext -raw per page) ----
def squash(s): return re.sub(r"[\s\-‐‑‒–—―−\uf0b7•*]+", "", s.replace("«", '"').replace("»", '"'))

def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    return [squash(p) for p in out.split("\f")]

def longest_prefix(v, page):
    lo, hi = 0, len(v)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if v[:mid] in page: lo = mid
        else: hi = mid - 1
    return lo

def spread_pages(v, pages):
    """Pages over which squashed v is spread (one page when whole on it), or None when not found."""
    v = squash(v)
    if not v: return None
    for k, p in enumerate(pages):
        if v in p: return [k]
    for k in range(len(pages) - 1):
        rest = v; ks = []; kk = k
        while rest and kk < len(pages):
            L = longest_prefix(rest, pages[kk])
            if L < 3 and ks: break
            if L < 3: break
            ks.append(kk); rest = rest[L:]; kk += 1
        if not rest and len(ks) > 1: return ks
    return None

def row_cut(m, pages):
    for f in ("measure", "deadline", "executors", "indicator"):
        for part in (m[f].split(" – ") if f == "deadline" else [m[f]]):
            sp = spread_pages(part, pages)
            if sp and len(sp) > 1: return True
    return False

def cut_rows(name, truth):
    pages = page_texts(os.path.join(D, name + ".pdf"))
    return [i for i, m in enumerate(truth["measures"]) if row_cut(m, pages)]


def make(i, a):
    name = f"s{i + 1}-{ {'region': 'reg', 'municipality': 'mun', 'school': 'sch'}[a['level']] }-{SHORT[a['place']]}"
    rows = build_model(a)
    # LibreOffice does not split rows inside a vertical merge: try rows outside merges first
    order = [j for j in range(len(rows)) if j >= 2]; RNG.shuffle(order)
    order.sort(key=lambda j: bool(rows[j]["span"]))
    tries = order[:8] if (a["cut"] or a["long_measure"]) else [None]
    state = RNG.getstate()
    for attempt, ci in enumerate(tries):
        RNG.setstate(state)
        rr = [dict(r, measure=list(r["measure"])) for r in rows]
        if ci is not None:
            if a["long_measure"]:
                lm = {"sec": rr[ci]["sec"], "measure": list(LONG_MEASURE), "ind": ["Банк заданий", "Сборник лучших практик"], "parent": None, "span": {},
                      "dl": list(RNG.choice(TWO_PART)) if a["two_part"] else "в течение 2026/2027 учебного года", "ex": executors(a),
                      "extra": {c: RNG.choice(EXTRA[c]) for c in a["extra"]}}
                # insert before row ci, where no merge or sub-item run is broken
                while ci < len(rr) and (rr[ci]["parent"] is not None or rr[ci]["span"].get("dl") == 0 or rr[ci]["span"].get("ex") == 0): ci += 1
                rr.insert(ci, lm)
            else:
                rr[ci]["measure"] += CUT_TAIL
        parts = write_html(name, a, rr)
        convert(name, a)
        truth = {"title": " ".join(parts), "synthetic": True, "measures": []}
        ov = {}
        for j, r in enumerate(rr):
            dl = " – ".join(r["dl"]) if a["two_part"] else r["dl"]
            truth["measures"].append({"measure": " ".join(r["measure"]), "deadline": dl, "executors": " ".join(r["ex"]), "indicator": " ".join(r["ind"])})
            for f, key in (("dl", "deadline"), ("ex", "executors")):
                if r["span"].get(f) == 0: ov.setdefault(str(j), {})[key] = ""
        if ov: truth["overrides"] = {"txt": ov}
        cuts = cut_rows(name, truth)
        if ci is None or ci in cuts: break
    a["cut_row"] = ci; a["cut_attempts"] = attempt + 1; a["cut_rows_found"] = cuts; a["name"] = name; a["n_measures"] = len(truth["measures"])
    json.dump(truth, open(os.path.join(D, name + ".truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    open(os.path.join(D, name + ".txt"), "w", encoding="utf-8").write(docxread.txt(os.path.join(D, name + ".docx")))
    return name


if __name__ == "__main__":
    os.makedirs(D, exist_ok=True)
    only = sys.argv[1:]
    draws = [draw(i) for i in range(N)]
    draw_new_patterns(draws)
    for i, a in enumerate(draws):
        if only and str(i + 1) not in only: continue
        print(make(i, a), a["cut_row"], a["cut_attempts"], a["cut_rows_found"], flush=True)
    if not only:
        json.dump(draws, open(os.path.join(D, "draws.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
