# -*- coding: utf-8 -*-
"""Held-out roadmap set 20 (seed 2020). Synthetic documents: HTML -> ODT -> DOCX (LibreOffice) -> PDF (LibreOffice / Ghostscript /
Chromium), TXT (Word «copy all» imitation from the DOCX), truth. Mechanics (ODT fixing, conversion, page-cut check) adapted from set 19;
draw, pools and document model written for this set."""
import json, os, random, re, shutil, subprocess, html as H
from pools import *
import docxread

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "docs")
LO = ["soffice", "-env:UserInstallation=file:///tmp/set20lo", "--headless"]
RNG = random.Random(2020)
N = 5


class Decks:
    """Every attribute dealt from its own shuffled deck so that 5 documents spread over the values."""
    def __init__(self): self.d = {}
    def deal(self, key, values):
        if not self.d.get(key):
            v = list(values); RNG.shuffle(v); self.d[key] = v
        return self.d[key].pop()

DECK = Decks()
NEW = ["urls", "units", "fullnames", "abbr", "ranges", "footnote", "itogo", "quotes", "hdr_break", "rowkeep"]


def draw(i):
    a = {}
    a["level"] = DECK.deal("level", ["region", "municipality", "school"] * 2)
    a["place"] = DECK.deal("place_" + a["level"], [p["short"] for p in PLACES[a["level"]]])
    a["before"] = DECK.deal("before", ["none", "utv", "pril", "order"])
    a["title_n"] = DECK.deal("title_n", [1, 2, 3])
    a["title_tpl"] = DECK.deal("title_tpl", list(range(len(TITLES))))
    a["numbering"] = DECK.deal("numbering", ["none", "1.", "1.1.", "1)", "typed", "hier"])
    a["sections"] = DECK.deal("sections", ["none", "colspan", "bold", "razdel", "roman"])
    a["two_part"] = DECK.deal("two_part", [True, False, False, True, False])
    a["n_extras"] = DECK.deal("n_extras", [0, 1, 1, 2, 2])
    a["exec_form"] = DECK.deal("exec_form", ["pos", "pos_name", "pos_name"])
    a["exec_multi"] = DECK.deal("exec_multi", ["para", "comma", "single"])
    a["initials"] = DECK.deal("initials", ["after", "before"])
    a["bullet"] = DECK.deal("bullet", ["–", "•"])
    a["merge"] = DECK.deal("merge", ["deadline", "executors", "none", "both"])
    a["cut"] = DECK.deal("cut", [True, True, True, False])
    a["orientation"] = DECK.deal("orientation", ["portrait", "landscape"])
    a["font"] = DECK.deal("font", ["DejaVu Sans", "DejaVu Serif", "Liberation Serif", "Liberation Sans"])
    a["size"] = DECK.deal("size", [9, 10, 11, 12])
    a["signature"] = DECK.deal("signature", [True, True, False])
    a["pdf"] = DECK.deal("pdf", ["lo", "gs", "chromium"])
    a["hdr_repeat"] = DECK.deal("hdr_repeat", [True, False])
    a["n"] = RNG.randint(15, 25)
    a["multi_share"] = round(RNG.uniform(0.25, 0.6), 2)
    a["dotted_initials"] = RNG.choice(["И. И.", "И.И."])
    # constraints (recorded)
    if a["numbering"] == "1.1." and a["sections"] == "none":
        a["sections"] = "colspan"; a["sections_adjusted"] = "none -> colspan (1.1. needs sections)"
    return a


def draw_new_patterns(draws):
    for p in NEW:
        k = RNG.randint(1, 3)
        for j in RNG.sample(range(N), k): draws[j].setdefault("new", []).append(p)
    for a in draws:
        a.setdefault("new", [])
        if "rowkeep" in a["new"]: a["hdr_repeat"] = False


# ---------------- text helpers ----------------
def place(a): return next(p for p in PLACES[a["level"]] if p["short"] == a["place"])
def fmt(a, p): return p.replace("{b}", a["bullet"] + " ").replace("{inst}", "ИРО" if a["level"] != "region" else "ЦНППМ").replace("{site}", place(a)["site"])

def name_of(a, person, full=False):
    f, n, o = person
    if full: return f"{f} {n} {o}"
    ini = f"{n[0]}. {o[0]}." if a["dotted_initials"] == "И. И." else f"{n[0]}.{o[0]}."
    return f"{f} {ini}" if a["initials"] == "after" else f"{ini} {f}"

def one_exec(a, mode):
    pos = RNG.choice(POSITIONS[a["level"]])
    if mode == "abbr": return RNG.choice(ABBR[a["level"]])
    if mode == "full":
        per = RNG.choice(PERSONS); return f"{name_of(a, per, True)}, {pos}"
    if a["exec_form"] == "pos" or pos.endswith("и ОО") or pos.split()[0].endswith("и"): return pos
    return f"{pos} {name_of(a, RNG.choice(PERSONS))}"

def executors(a, star=False):
    modes = []
    if "abbr" in a["new"]: modes.append("abbr")
    if "fullnames" in a["new"]: modes.append("full")
    mode = RNG.choice(modes) if modes and RNG.random() < 0.8 else "plain"
    k = 1 if a["exec_multi"] == "single" else RNG.choice([1, 2, 2, 3])
    if mode == "abbr": k = RNG.choice([1, 2, 2])
    items = []
    while len(items) < k:
        x = one_exec(a, mode)
        if not any(x.split()[0] in y or y.split()[0] in x or x.split()[-1] in y for y in items): items.append(x)
    if star: items[-1] += "*"
    if k == 1: return items
    if a["exec_multi"] == "para" and mode != "abbr": return items
    return [", ".join(items)]

def deadline(a):
    if a["two_part"]: return list(RNG.choice(TWO_PART))
    if "ranges" in a["new"] and RNG.random() < 0.45: return RNG.choice(RANGES)
    return RNG.choice(DEADLINES)


# ---------------- document model ----------------
def build_model(a):
    """rows: list of dicts {kind: 'sec'|'m'|'sub', ...}."""
    secs = list(SECTIONS); RNG.shuffle(secs)
    nsec = 1 if a["sections"] == "none" else RNG.choice([3, 4, 5])
    secs = secs[:nsec]
    if nsec == 1:  # no sections: one list drawn from all pools
        secs = [("", [m for _, pool in SECTIONS for m in pool])]
    items = []
    chosen = {t for t, _ in secs}
    reserve = [m for t, pool in SECTIONS if t not in chosen for m in pool]; RNG.shuffle(reserve)
    per = [a["n"] // nsec + (1 if k < a["n"] % nsec else 0) for k in range(nsec)]
    for (title, pool), cnt in zip(secs, per):
        pool = list(pool); RNG.shuffle(pool)
        while len(pool) < cnt: pool.append(reserve.pop())  # borrow from the sections not drawn
        items.append((title, pool[:cnt]))
    rows = []
    for s, (title, ms) in enumerate(items):
        if a["sections"] != "none": rows.append({"kind": "sec", "title": title, "s": s})
        for m, ind in ms:
            mp = list(m)
            if RNG.random() < a["multi_share"]:
                if RNG.random() < 0.4: mp += [fmt(a, p) for p in RNG.choice(BULLET_LISTS)][: RNG.choice([2, 3, 4])]
                else: mp.append(fmt(a, RNG.choice(DETAILS)))
            ip = list(ind)
            if RNG.random() < a["multi_share"] * 0.6: ip.append(RNG.choice(IND_DETAILS))
            rows.append({"kind": "m", "measure": mp, "ind": ip, "dl": deadline(a), "ex": executors(a), "s": s, "span": {}})
    ms = [r for r in rows if r["kind"] == "m"]
    # new patterns in texts
    if "quotes" in a["new"]:
        for r, q in zip(RNG.sample(ms, 3), RNG.sample(QUOTES, 3)): r["measure"][0] = q
    if "footnote" in a["new"]:
        r = RNG.choice(ms[1:-1]); r["measure"][0] = RNG.choice(FOOTNOTE_MEASURES); a["footnote_row"] = ms.index(r)
        for r in RNG.sample(ms, 2):
            r["ex"] = executors(a, star=True)
    if "urls" in a["new"]:
        for r in RNG.sample(ms, RNG.randint(3, 5)):
            u = fmt(a, RNG.choice(URLS))
            if RNG.random() < 0.5: r["ind"].append(u)
            else: r["ind"][-1] = r["ind"][-1] + "; " + u
    if "units" in a["new"]:
        for r in RNG.sample(ms, RNG.randint(4, 6)):
            u = RNG.choice(UNITS)
            if RNG.random() < 0.5: r["ind"].append(u[0].upper() + u[1:])
            else: r["ind"][0] = r["ind"][0] + ": " + u
    # hierarchical sub-items
    a["sub_parents"] = []
    if a["numbering"] == "hier":
        for r in RNG.sample(ms[1:-1], 3):
            subs = RNG.choice(SUB_ITEMS)
            r["subs"] = [{"kind": "sub", "measure": [t], "ind": [ind], "dl": deadline(a), "ex": executors(a), "span": {}} for t, ind in subs]
            a["sub_parents"].append(ms.index(r))
        out = []
        for r in rows:
            out.append(r); out += r.get("subs", [])
        rows = out
    # extras values
    for r in rows:
        if r["kind"] != "sec": r["extra"] = {}
    # merges (rowspan) over 2-4 consecutive measures of one section, none containing sub-items
    a["merges"] = []
    fields = {"deadline": ["dl"], "executors": ["ex"], "both": ["dl", "ex"], "none": []}[a["merge"]]
    for f in fields:
        done = 0
        for _ in range(40):
            if done == 2: break
            L = RNG.choice([2, 3, 4]); start = RNG.randrange(0, len(rows) - L)
            grp = rows[start:start + L]
            if any(r["kind"] != "m" or r.get("subs") or r["span"] for r in grp): continue
            if start + L < len(rows) and rows[start + L]["kind"] == "sub": continue
            done += 1
            for k, r in enumerate(grp):
                r[f] = grp[0][f]; r["span"][f] = L if k == 0 else 0
            a["merges"].append({"field": f, "rows": [ms.index(r) for r in grp]})
    return rows


def cols(a):
    """leaf columns: num? measure, then shuffled (deadline|start,end), executors, indicator, extras."""
    if "_cols" in a: return a["_cols"]
    ex = list(EXTRAS); RNG.shuffle(ex)
    extras = ex[:a["n_extras"]]
    if "itogo" in a["new"]:
        extras = [e for e in extras if e != "Объём финансирования, тыс. руб."][: max(0, a["n_extras"] - 1)] + ["Объём финансирования, тыс. руб."]
    rest = (["start", "end"] if a["two_part"] else ["deadline"]) + ["executors", "indicator"] + extras
    RNG.shuffle(rest)
    if a["two_part"]:  # keep start directly before end
        rest.remove("end"); rest.insert(rest.index("start") + 1, "end")
    c = (["num"] if a["numbering"] in ("1.", "1.1.", "1)", "hier") else []) + ["measure"] + rest
    if a["orientation"] == "portrait" and len(c) > 7:
        drop = [x for x in c if x in EXTRAS and x != "Объём финансирования, тыс. руб."][: len(c) - 7]
        a["extra_dropped"] = drop; c = [x for x in c if x not in drop]
    a["_cols"] = c
    a["columns"] = c
    a["headers"] = {}
    for x in c:
        if x in HEADERS: a["headers"][x] = RNG.choice(HEADERS[x])
        else: a["headers"][x] = x
    if "hdr_break" in a["new"]:
        role = RNG.choice([x for x in c if x in HDR_BREAK])
        a["headers"][role] = "\n".join(HDR_BREAK[role]); a["hdr_break_role"] = role
    return c


def P(text, bold=False, align="left", pb=False): return {"t": "p", "text": text, "bold": bold, "align": align, "pb": pb}
def C(paras, rs=1, cs=1, bold=False, th=False, align=None): return {"paras": paras, "rs": rs, "cs": cs, "bold": bold, "th": th, "align": align}

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]
ORDERNO = {"region": "1432-о", "municipality": "218-од", "school": "93/2-о"}


def build_blocks(a, rows):
    pl = place(a); c = cols(a)
    blocks = []
    order_no = ORDERNO[a["level"]]; date = "28.08.2026"
    if a["before"] == "order":
        blocks += [P(pl["org"].upper(), True, "center"), P("ПРИКАЗ", True, "center"), P(f"{date}\t\t\t\t\t\t№ {order_no}"),
                   P("Об утверждении дорожной карты по работе со школами с низкими образовательными результатами", True),
                   P(f"В целях реализации мер адресной поддержки школ с низкими образовательными результатами {pl['gen']} (синтетический документ)"),
                   P("ПРИКАЗЫВАЮ:"), P("1. Утвердить дорожную карту (приложение)."),
                   P("2. Руководителям общеобразовательных организаций обеспечить исполнение мероприятий дорожной карты."),
                   P("3. Контроль за исполнением приказа оставляю за собой."),
                   P(f"{pl['head']}\t\t\t\t{pl['head_name']}"),
                   P("Приложение", align="right", pb=True), P(f"к приказу {pl['org_gen']}", align="right"), P(f"от {date} № {order_no}", align="right")]
    elif a["before"] == "utv":
        blocks += [P("УТВЕРЖДЕНА", align="right"), P(f"приказом {pl['org_gen']}", align="right"), P(f"от {date} № {order_no}", align="right"),
                   P("(синтетический документ)", align="right")]
    elif a["before"] == "pril":
        k = RNG.randint(1, 4); a["pril_no"] = k
        blocks += [P(f"Приложение № {k}", align="right"), P(f"к приказу {pl['org_gen']} от {date} № {order_no}", align="right"),
                   P("(синтетический документ)", align="right")]
    t = [x.replace("{where}", pl["gen"]) for x in TITLES[a["title_tpl"]]]
    parts = {1: [" ".join(t)], 2: [t[0], " ".join(t[1:])], 3: t}[a["title_n"]]
    blocks += [P(x, True, "center") for x in parts]
    if a["before"] == "none": blocks.append(P("(синтетический документ)", align="center"))
    # header
    hdr = [C(a["headers"][x].split("\n") if False else [a["headers"][x]], th=True, align="center") for x in c]
    trs = [{"cells": hdr, "kind": "hdr"}]
    # body
    num = 0; sub = 0; secno = 0; inner = 0
    for r in rows:
        if r["kind"] == "sec":
            secno += 1; inner = 0
            st = a["sections"]
            if a["numbering"] == "1.1.": label = f"{secno}. {r['title']}"
            elif st == "razdel": label = f"Раздел {secno}. {r['title']}"
            elif st == "roman": label = f"{ROMAN[secno - 1]}. {r['title']}"
            else: label = r["title"]
            if st == "bold":
                cells = []
                for x in c:
                    if x == "num": cells.append(C([f"{secno}." if a['numbering'] == '1.1.' else ""]))
                    elif x == "measure": cells.append(C([label if a["numbering"] != "1.1." else r["title"]], bold=True))
                    else: cells.append(C([""]))
                trs.append({"cells": cells, "kind": "sec"})
            else:
                if a["numbering"] == "1.1." and "num" in c:
                    trs.append({"cells": [C([f"{secno}."], bold=True), C([r["title"]], cs=len(c) - 1, bold=True)], "kind": "sec"})
                else:
                    trs.append({"cells": [C([label], cs=len(c), bold=True, align="center")], "kind": "sec"})
            continue
        if r["kind"] == "m":
            num += 1; inner += 1; sub = 0
            no = {"1.": f"{num}.", "1)": f"{num})", "1.1.": f"{secno}.{inner}.", "hier": f"{num}.", "typed": f"{num}. ", "none": ""}[a["numbering"]]
        else:
            sub += 1; no = f"{num}.{sub}."
        r["no"] = no
        cells = []
        for x in c:
            if x == "num": cells.append(C([no], align="center"))
            elif x == "measure":
                mp = list(r["measure"])
                if a["numbering"] == "typed": mp[0] = no + mp[0]
                cells.append(C(mp))
            elif x in ("deadline", "start", "end", "executors"):
                f = "ex" if x == "executors" else "dl"
                sp = r["span"].get(f, 1)
                if sp == 0: cells.append(None); continue
                if x == "deadline": v = [r["dl"]]
                elif x == "start": v = [r["dl"][0]]
                elif x == "end": v = [r["dl"][1]]
                else: v = r["ex"]
                cells.append(C(v, rs=sp, align="center" if f == "dl" else None))
            elif x == "indicator": cells.append(C(r["ind"]))
            else:
                v = r["extra"].setdefault(x, RNG.choice(EXTRAS[x]))
                cells.append(C([v], align="center" if x.startswith("Объём") else None))
        trs.append({"cells": cells, "kind": r["kind"], "row": r})
    if "itogo" in a["new"]:
        col = "Объём финансирования, тыс. руб."
        tot = sum(float(r["extra"][col].replace(",", ".")) for r in rows if r["kind"] != "sec" and col in r["extra"] and r["extra"][col] != "—")
        word = RNG.choice(["Итого", "Итого:", "Всего по программе:"]); a["itogo_word"] = word
        a["itogo_sum"] = f"{tot:.1f}".replace(".", ",")
        cells = [C([word] if x == "measure" else [a["itogo_sum"]] if x == col else [""], bold=True) for x in c]
        trs.append({"cells": cells, "kind": "itogo"})
    if "footnote" in a["new"]:
        trs.append({"cells": [C([NOTE_ROW], cs=len(c))], "kind": "note"})
    blocks.append({"t": "table", "rows": trs})
    if "footnote" in a["new"]: blocks.append(P(FOOTNOTE_TEXT))
    if a["signature"]:
        sp, sn = SIGNATURES[a["level"]]
        blocks += [P(""), P(f"{sp}\t\t\t\t\t{sn}")]
    return blocks, parts


# ---------------- HTML ----------------
def esc(s): return H.escape(s, quote=False)
WEIGHT = {"num": 1.0, "measure": 4.2, "deadline": 2.0, "start": 1.8, "end": 1.8, "executors": 2.8, "indicator": 2.8,
          "Объём финансирования, тыс. руб.": 1.7, "Отметка о выполнении": 1.6, "Примечание": 1.6}
def col_weights(a): return [WEIGHT.get(x, 1.8) for x in cols(a)]

def cell_html(c, tag="td"):
    attrs = ""
    if c["rs"] > 1: attrs += f' rowspan="{c["rs"]}"'
    if c["cs"] > 1: attrs += f' colspan="{c["cs"]}"'
    if c["align"]: attrs += f' style="text-align:{c["align"]}"'
    if c["th"]: tag = "th"
    inner = "".join(f"<p>{'<b>' if c['bold'] else ''}{esc(p).replace(chr(10), '<br>')}{'</b>' if c['bold'] else ''}</p>" for p in c["paras"] if p != "")
    return f"<{tag}{attrs}>{inner}</{tag}>"

def write_html(name, a, blocks):
    nc = len(cols(a))
    a["size_used"] = min(a["size"], 9) if (a["orientation"] == "portrait" and nc >= 6) else min(a["size"], 10) if (nc >= 7 or (a["orientation"] == "portrait" and nc >= 5)) else a["size"]
    sz = a["size_used"]
    W, Hh = ("297mm", "210mm") if a["orientation"] == "landscape" else ("210mm", "297mm")
    ws = col_weights(a); tot = sum(ws)
    body = []
    for b in blocks:
        if b["t"] == "p":
            st = f"text-align:{b['align']}" + ("; page-break-before:always" if b["pb"] else "")
            txt = esc(b["text"]).replace("\t", " &nbsp; &nbsp; &nbsp; ") if b["text"] else "&nbsp;"
            if b["bold"]: txt = f"<b>{txt}</b>"
            body.append(f'<p style="{st}">{txt}</p>'); continue
        t = ['<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse; width:100%">', "<colgroup>"]
        t += [f'<col style="width:{100 * w / tot:.1f}%">' for w in ws] + ["</colgroup>"]
        rows = b["rows"]
        t.append("<thead>" if a["hdr_repeat"] else "<tbody>")
        t.append("<tr>" + "".join(cell_html(c) for c in rows[0]["cells"]) + "</tr>")
        t.append("</thead><tbody>" if a["hdr_repeat"] else "")
        for r in rows[1:]:
            keep = ' style="page-break-inside:avoid"' if r.get("keep") else ""
            t.append(f"<tr{keep}>" + "".join(cell_html(c) for c in r["cells"] if c is not None) + "</tr>")
        t.append("</tbody></table>")
        body += t
    css = (f'@page {{ size: {W} {Hh}; margin: 15mm 15mm 15mm 20mm; }} body {{ font-family: "{a["font"]}"; font-size: {sz}pt; }} '
           f'td, th {{ font-family: "{a["font"]}"; font-size: {sz}pt; vertical-align: top; border: 1px solid black; }} th {{ font-weight: bold; }} '
           f'p {{ margin: 0; }} table {{ margin: 0; }}')
    doc = (f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>{esc(name)} (синтетический)</title><style>{css}</style></head><body>\n'
           + "\n".join(x for x in body if x) + "\n</body></html>\n")
    open(os.path.join(D, name + ".html"), "w", encoding="utf-8").write(doc)


# ---------------- ODT / DOCX / PDF (mechanics after set 19) ----------------
def fix_odt(path, a):
    land = a["orientation"] == "landscape"
    pw, ph = (29.7, 21.0) if land else (21.0, 29.7)
    tw = pw - 3.5
    ws = col_weights(a); tot = sum(ws); cw = [tw * w / tot for w in ws]
    tmp = path + ".tmp"
    zin = zipfile_open(path); zout = zipfile.ZipFile(tmp, "w")
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "styles.xml":
            s = data.decode()
            def pl(m):
                x = m.group(0)
                x = re.sub(r'fo:page-width="[^"]*"', f'fo:page-width="{pw}cm"', x)
                x = re.sub(r'fo:page-height="[^"]*"', f'fo:page-height="{ph}cm"', x)
                x = re.sub(r'style:print-orientation="[^"]*"', "", x)
                x = x.replace("<style:page-layout-properties", f'<style:page-layout-properties style:print-orientation="{a["orientation"]}"', 1)
                for k, v in (("top", 1.5), ("bottom", 1.5), ("left", 2.0), ("right", 1.5)):
                    x = re.sub(rf'fo:margin-{k}="[^"]*"', f'fo:margin-{k}="{v}cm"', x)
                return x
            s = re.sub(r"<style:page-layout-properties[^>]*>", pl, s)
            s = re.sub(r'(<style:style style:name="Text_20_body"[^>]*>\s*<style:paragraph-properties[^>]*?)fo:margin-bottom="[^"]*"', r'\1fo:margin-bottom="0.1cm"', s)
            data = s.encode()
        if item.filename == "content.xml":
            s = data.decode()
            s = re.sub(r'(<style:table-properties[^>]*?)style:width="[^"]*"', rf'\1style:width="{tw:.2f}cm"', s)
            s = re.sub(r'(<style:table-properties[^>]*?)style:rel-width="[^"]*"', r'\1', s)
            s = re.sub(r'table:align="[^"]*"', 'table:align="margins"', s)
            s = re.sub(r'fo:font-size="2pt" style:font-size-asian="2pt" style:font-size-complex="2pt"', f'fo:font-size="{a["size_used"]}pt"', s)
            s = re.sub(r'(style:parent-style-name="Table_20_(?:Contents|Heading)"><style:paragraph-properties[^>]*?)fo:margin-bottom="[^"]*"', r'\1fo:margin-bottom="0cm"', s)
            s = s.replace('fo:margin-bottom="0.1965in"', 'fo:margin-bottom="0.1cm"')
            newst = "".join(f'<style:style style:name="S20C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>' for i, w in enumerate(cw))
            s = s.replace("</office:automatic-styles>", newst + "</office:automatic-styles>", 1)
            s = re.sub(r'(?:<table:table-column [^>]*/>)+', lambda m: "".join(f'<table:table-column table:style-name="S20C{i}"/>' for i in range(len(cw))), s)
            data = s.encode()
        zout.writestr(item, data)
    zout.close(); zin.close(); shutil.move(tmp, path)

import zipfile
def zipfile_open(p): return zipfile.ZipFile(p)


def fix_docx(path, a, blocks):
    """<w:tblHeader/> on the header row iff hdr_repeat; <w:cantSplit/> on the rows marked keep (pattern rowkeep)."""
    tab = [b for b in blocks if b["t"] == "table"][0]
    tmp = path + ".tmp"
    zin = zipfile.ZipFile(path); zout = zipfile.ZipFile(tmp, "w")
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode()
            s = s.replace("<w:tblHeader/>", "").replace('<w:tblHeader w:val="true"/>', "").replace("<w:cantSplit/>", "").replace("<w:trPr></w:trPr>", "")
            m = re.search(r"<w:tbl>.*?</w:tbl>", s, re.S)
            parts = re.split(r"(<w:tr(?:\s[^>]*)?>)", m.group(0))
            for k, r in enumerate(tab["rows"]):
                bi = 2 + 2 * k
                add = ("<w:tblHeader/>" if (k == 0 and a["hdr_repeat"]) else "") + ("<w:cantSplit/>" if r.get("keep") else "")
                if not add: continue
                if parts[bi].startswith("<w:trPr>"): parts[bi] = parts[bi].replace("<w:trPr>", "<w:trPr>" + add, 1)
                else: parts[bi] = "<w:trPr>" + add + "</w:trPr>" + parts[bi]
            s = s[:m.start()] + "".join(parts) + s[m.end():]
            data = s.encode()
        zout.writestr(item, data)
    zout.close(); zin.close(); shutil.move(tmp, path)


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300, **kw)

def convert(name, a, blocks):
    html = os.path.join(D, name + ".html"); odt = os.path.join(D, name + ".odt")
    run(LO + ['--infilter=HTML (StarWriter)', "--convert-to", "odt", "--outdir", D, html])
    fix_odt(odt, a)
    run(LO + ["--convert-to", 'docx:MS Word 2007 XML', "--outdir", D, odt])
    os.remove(odt)
    fix_docx(os.path.join(D, name + ".docx"), a, blocks)
    pdf = os.path.join(D, name + ".pdf")
    if a["pdf"] == "chromium":
        run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + html])
    else:
        run(LO + ["--convert-to", "pdf", "--outdir", D, os.path.join(D, name + ".docx")])
        if a["pdf"] == "gs":
            run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={pdf}.gs", pdf]); shutil.move(pdf + ".gs", pdf)


# ---------------- page texts, cuts (after set 19) ----------------
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
    v = squash(v)
    if not v: return None
    for k, p in enumerate(pages):
        if v in p: return [k]
    for k in range(len(pages) - 1):
        rest = v; ks = []; kk = k
        while rest and kk < len(pages):
            L = longest_prefix(rest, pages[kk])
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


# ---------------- truth ----------------
def truth_of(a, rows, parts):
    def fields(r):
        dl = " – ".join(r["dl"]) if a["two_part"] else r["dl"]
        return {"measure": " ".join(r["measure"]), "deadline": dl, "executors": " ".join(r["ex"]), "indicator": " ".join(r["ind"])}
    truth = {"title": " ".join(parts), "synthetic": True, "measures": []}
    ov = {}
    ms = [r for r in rows if r["kind"] == "m"]
    for j, r in enumerate(ms):
        m = fields(r)
        if r.get("subs"): m["subItems"] = [fields(s) for s in r["subs"]]
        truth["measures"].append(m)
        for f, key in (("dl", "deadline"), ("ex", "executors")):
            if r["span"].get(f) == 0: ov.setdefault(str(j), {})[key] = ""
    if ov: truth["overrides"] = {"txt": ov}
    return truth


def make(i, a):
    name = f"s{i + 1}-{ {'region': 'reg', 'municipality': 'mun', 'school': 'sch'}[a['level']] }-{a['place']}"
    rows = build_model(a)
    cols(a)
    ms = [r for r in rows if r["kind"] == "m"]
    order = list(range(2, len(ms) - 1)); RNG.shuffle(order)
    order.sort(key=lambda j: bool(ms[j]["span"]) or bool(ms[j].get("subs")) or j == a.get("footnote_row"))
    state = RNG.getstate()
    ci = order[0] if a["cut"] else None; tried = []
    for attempt in range(6):
        tried.append(ci)
        RNG.setstate(state)
        rr = [dict(r, measure=list(r["measure"])) if r["kind"] != "sec" else r for r in rows]
        mm = [r for r in rr if r["kind"] == "m"]
        if ci is not None: mm[ci]["measure"] = mm[ci]["measure"][:1] + [fmt(a, p) for p in LONG_TAIL]
        blocks, parts = build_blocks(a, rr)
        if "rowkeep" in a["new"]:
            trs = blocks[[k for k, b in enumerate(blocks) if b["t"] == "table"][0]]["rows"]
            keep = []
            for k, tr in enumerate(trs[1:], 1):
                if tr["kind"] in ("m", "sub") and tr["row"] is not (mm[ci] if ci is not None else None) and (RNG.random() < 0.6 or sum(len(c["paras"]) for c in tr["cells"] if c) > 6):
                    tr["keep"] = True
                    if tr["kind"] == "m": keep.append(mm.index(tr["row"]))
            a["keep_rows"] = keep
        write_html(name, a, blocks)
        convert(name, a, blocks)
        truth = truth_of(a, rr, parts)
        cuts = cut_rows(name, truth)
        if ci is None or ci in cuts: break
        nxt = [j for j in cuts if j not in tried and 2 <= j < len(ms) - 1 and j not in a.get("keep_rows", [])] + [j for j in order if j not in tried]
        ci = nxt[0]
    a["cut_ok"] = ci is None or ci in cuts
    a["cut_row"] = ci; a["cut_attempts"] = attempt + 1; a["cut_rows_found"] = cuts; a["name"] = name
    a["n_measures"] = len(truth["measures"]); a["n_sub_items"] = sum(len(m.get("subItems", [])) for m in truth["measures"])
    a["pages"] = len(page_texts(os.path.join(D, name + ".pdf"))) - 1
    json.dump(truth, open(os.path.join(D, name + ".truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    open(os.path.join(D, name + ".txt"), "w", encoding="utf-8").write(docxread.txt(os.path.join(D, name + ".docx")))
    return name


if __name__ == "__main__":
    os.makedirs(D, exist_ok=True)
    draws = [draw(i) for i in range(N)]
    draw_new_patterns(draws)
    for i, a in enumerate(draws):
        print(make(i, a), "cut", a["cut_row"], a["cut_attempts"], a["cut_rows_found"], a["new"], flush=True)
    for a in draws: a.pop("_cols", None)
    json.dump(draws, open(os.path.join(D, "draws.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
