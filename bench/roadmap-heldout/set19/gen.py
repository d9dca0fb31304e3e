# -*- coding: utf-8 -*-
"""Generator of held-out set 19 (seed 1919). ALL CONTENT IS SYNTHETIC.
Writes docs/NAME.{html,docx,pdf,txt,truth.json} and docs/draws.json.
The ODT fixing and the page-cut retry follow set 18's gen.py; pools, draw and document model are this set's own."""
import json, os, random, re, shutil, subprocess, sys, zipfile, html as H
from pools import *
import docxread

RNG = random.Random(1919)
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docs")
LO = ["soffice", "-env:UserInstallation=file:///tmp/set19lo", "--headless"]
N = 5
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


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
    a["place"], a["org"], a["act"], a["actno"], a["who"] = K.deal("place_" + a["level"], PLACES[a["level"]])
    a["before"] = K.deal("before", ["none", "utv", "prilozh", "order", "prilozh", "utv"])
    a["title"] = K.deal("title", list(range(len(TITLES))))
    a["title_paras"] = K.deal("title_paras", [1, 2, 3, 2, 3])
    a["numbering"] = K.deal("numbering", ["none", "1.", "1.1.", "1)", "typed", "hier"])
    a["sections"] = K.deal("sections", ["none", "colspan", "bold", "razdel", "roman"])
    if a["numbering"] == "1.1." and a["sections"] == "none":
        a["sections"] = "colspan"; a["sections_forced"] = "«1.1.» needs section rows"
    a["two_part"] = K.deal("two_part", [True, False, False, True, False, False])
    a["n_extra"] = K.deal("n_extra", [0, 1, 1, 2, 2])
    a["extra"] = RNG.sample(EXTRA_COLS[:4], a["n_extra"])
    a["exec_style"] = K.deal("exec_style", ["pos", "pos_name_after", "pos_name_before", "multi_para", "comma"])
    a["bullet"] = K.deal("bullet", ["–", "•", "–", "•", "–"])
    a["multipara_p"] = RNG.choice([0.2, 0.3, 0.4])
    a["merge"] = K.deal("merge", ["none", "deadline", "executors", "both", "deadline"])
    a["cut"] = K.deal("cut", [True, True, True, False, True])
    a["orientation"] = K.deal("orientation", ["portrait", "landscape", "landscape", "portrait", "landscape"])
    a["font"] = K.deal("font", ["DejaVu Sans", "DejaVu Serif", "Liberation Serif", "Liberation Sans", "Liberation Serif"])
    a["size"] = K.deal("size", [9, 10, 11, 12, 11])
    a["signature"] = K.deal("signature", [True, True, False, True, True])
    a["pdf"] = K.deal("pdf", ["lo", "gs", "chromium", "lo", "chromium"])
    a["n"] = RNG.randint(15, 25)
    a["hdr"] = {r: RNG.choice(HDR[r]) for r in ("num", "measure", "deadline", "executors", "indicator", "direction")}
    a["hdr"]["start"], a["hdr"]["end"] = RNG.choice(HDR["two_part"])
    a["names_spaced"] = RNG.random() < 0.7  # «Л. П.» or «Л.П.»
    return a


def draw_new_patterns(draws):
    """Each new pattern goes to 1-3 documents (count drawn), seed-form TXT to 2-3."""
    for key, lo in (("split", 1), ("direction", 1), ("marks", 1), ("coexec", 1), ("new_deadlines", 1), ("seed_txt", 2), ("colnum_repeat", 1)):
        k = RNG.randint(lo, 3)
        chosen = set(RNG.sample(range(N), k))
        for i, a in enumerate(draws): a[key] = i in chosen
    for a in draws:
        a["n_tables"] = RNG.choice([2, 3]) if a["split"] else 1
        a["hdr_repeat_tables"] = [True] + [RNG.random() < 0.5 for _ in range(a["n_tables"] - 1)]
        a["heading_bold"] = RNG.random() < 0.5
        a["direction_pos"] = RNG.choice(["first", "after_num"]) if a["direction"] else None
        if a["marks"] and "Отметка о выполнении" not in a["extra"]: a["extra"].append("Отметка о выполнении")
        # columns: № first when present, direction on the left, measure first of the content columns, the rest shuffled
        rest = ["deadline", "executors", "indicator"] + a["extra"]
        portrait_cap = 7
        ncols = lambda: (1 if has_num(a) else 0) + (1 if a["direction"] else 0) + 1 + len(rest) + (1 if a["two_part"] else 0)
        a["extra_dropped"] = []
        while a["orientation"] == "portrait" and ncols() > portrait_cap:
            x = [c for c in rest if c in a["extra"] and c != "Отметка о выполнении"][-1]
            rest.remove(x); a["extra"].remove(x); a["extra_dropped"].append(x)
        RNG.shuffle(rest)
        cols = (["num"] if has_num(a) else []) + ["measure"] + rest
        if a["direction"]:
            cols.insert(0 if a["direction_pos"] == "first" or not has_num(a) else 1, "direction")
        a["cols"] = cols


def has_num(a): return a["numbering"] in ("1.", "1.1.", "1)", "hier")


# ---------------- model ----------------
def fmt(a, p): return p.replace("{b}", a["bullet"] + " ")

def person_name(a):
    s, ini = RNG.choice(PERSONS)
    if not a["names_spaced"]: ini = ini.replace(". ", ".")
    return s, ini

def one_exec(a, style):
    pos = RNG.choice(POSITIONS[a["level"]])
    if style == "pos" or pos.startswith(GROUPS): return pos
    s, ini = person_name(a)
    if style == "pos_name_after": return f"{pos} {s} {ini}"
    if style == "pos_name_before": return f"{pos} {ini} {s}"
    return f"{pos} {s} {ini}" if RNG.random() < 0.5 else f"{pos} {ini} {s}"

def executors(a):
    st = a["exec_style"]
    if st in ("pos", "pos_name_after", "pos_name_before"):
        n = RNG.choice([1, 1, 2])
        paras = [", ".join(dict.fromkeys(one_exec(a, st) for _ in range(n)))]
    elif st == "multi_para":
        paras = list(dict.fromkeys(one_exec(a, "mixed") for _ in range(RNG.choice([2, 2, 3]))))
    else:
        paras = [", ".join(dict.fromkeys(one_exec(a, "mixed") for _ in range(RNG.choice([2, 3]))))]
    if a["coexec"] and RNG.random() < 0.45:
        co = RNG.choice(COEXEC[a["level"]])
        if co.startswith("совместно") and st != "multi_para": paras[-1] += " " + co
        elif st in ("multi_para",) or RNG.random() < 0.5: paras.append(co)
        else: paras[-1] += ", " + co
    return paras

def deadline(a):
    if a["two_part"]: return list(RNG.choice(TWO_PART))
    if a["new_deadlines"] and RNG.random() < 0.45: return RNG.choice(NEW_DEADLINES)
    return RNG.choice(DEADLINES)

def measure_paras(a, text):
    ps = [text]
    if RNG.random() < a["multipara_p"]:
        ps += [fmt(a, p) for p in RNG.choice(DETAILS)]
    return ps[:4]

def indicator_paras(a, text):
    ps = [text]
    if RNG.random() < a["multipara_p"] * 0.6: ps += [fmt(a, p) for p in RNG.choice(IND_DETAILS)]
    return ps

def leaf(a, text, ind):
    return {"measure": measure_paras(a, text), "ind": indicator_paras(a, ind), "dl": deadline(a), "ex": executors(a),
            "extra": {c: RNG.choice(EXTRA[c]) for c in a["extra"]}, "span": {}, "subs": []}

def build_model(a):
    """Sections -> rows (top-level measures with optional sub-items), directions, merges, table split."""
    n = a["n"]
    nsec = max(a["n_tables"], min(6, round(n / 4.5)))
    if a["sections"] == "none" and a["split"]: nsec = a["n_tables"]
    if a["sections"] == "none" and not a["split"]: nsec = min(nsec, 4)
    secs = sorted(RNG.sample(range(len(SECTIONS)), nsec))
    while sum(len(SECTIONS[s][2]) for s in secs) < n:  # not enough measures in the drawn sections: one more section
        secs = sorted(secs + [RNG.choice([s for s in range(len(SECTIONS)) if s not in secs])]); nsec += 1
    counts = [2] * nsec
    while sum(counts) < n:
        k = RNG.randrange(nsec)
        if counts[k] < len(SECTIONS[secs[k]][2]): counts[k] += 1
    rows = []
    for s, c in zip(secs, counts):
        for text, ind in RNG.sample(SECTIONS[s][2], c):
            r = leaf(a, text, ind); r["sec"] = s; rows.append(r)
    # sub-items (hierarchical numbering)
    if a["numbering"] == "hier":
        for k, j in enumerate(sorted(RNG.sample(range(1, n), RNG.choice([2, 3])))):
            rows[j]["subs"] = [leaf(a, t, i) for t, i in SUBS[k % len(SUBS)]]
    # direction groups: within a section 1 or 2 groups
    if a["direction"]:
        for s in secs:
            idx = [j for j, r in enumerate(rows) if r["sec"] == s]
            cut = RNG.randint(1, len(idx) - 1) if len(idx) >= 3 and RNG.random() < 0.7 else len(idx)
            dirs = SECTIONS[s][1]
            for g, part in enumerate([idx[:cut], idx[cut:]]):
                for m, j in enumerate(part):
                    rows[j]["dir"] = dirs[g % len(dirs)]; rows[j]["dir_span"] = len(part) if m == 0 else 0
    # tables: split at section boundaries
    starts = sorted(RNG.sample(secs[1:], a["n_tables"] - 1)) if a["split"] else []
    for r in rows: r["table"] = sum(1 for s in starts if r["sec"] >= s)
    a["table_starts"] = [SECTIONS[s][0] for s in starts]
    # merges (rowspan) over 2-3 consecutive top-level rows without sub-items, same section and table
    fields = {"none": [], "deadline": ["dl"], "executors": ["ex"], "both": ["dl", "ex"]}[a["merge"]]
    a["merged"] = []
    for f in fields:
        for _ in range(RNG.choice([2, 3])):
            L = RNG.choice([2, 3]); j = RNG.randrange(0, n - L + 1)
            grp = rows[j:j + L]
            if any(r["subs"] or r["span"] for r in grp) or len({(r["sec"], r["table"]) for r in grp}) > 1: continue
            if any(k in r["span"] for r in grp for k in ("dl", "ex")): continue
            for m, r in enumerate(grp):
                r["span"][f] = L if m == 0 else 0
                if m: r[f] = grp[0][f]
            a["merged"].append({"field": f, "first": j, "rows": L})
    for r in rows:  # marks: first rows done, then «в работе», later empty
        if "Отметка о выполнении" in a["extra"]:
            r["extra"]["Отметка о выполнении"] = ""
    if a["marks"]:
        k = RNG.randint(n // 4, n // 2)
        for j in range(k): rows[j]["extra"]["Отметка о выполнении"] = RNG.choice(MARKS)
        a["marks_rows"] = k
    return rows


def numbers(a, rows):
    """Number of each row (and of its sub-items)."""
    out = []; sec_no = 0; last = None; k = 0; kk = 0
    for r in rows:
        if r["sec"] != last: sec_no += 1; last = r["sec"]; kk = 0
        k += 1; kk += 1
        nb = a["numbering"]
        if nb == "1.1.": out.append((f"{sec_no}.{kk}.", []))
        elif nb == "1)": out.append((f"{k})", []))
        elif nb == "hier": out.append((f"{k}.", [f"{k}.{m + 1}." for m in range(len(r["subs"]))]))
        else: out.append((f"{k}.", []))
    return out


# ---------------- document blocks ----------------
def P(text, bold=False, align="left", kind="p", pb=False): return {"t": "p", "text": text, "bold": bold, "align": align, "kind": kind, "pb": pb}
def C(paras, rs=1, cs=1, bold=False, align=None, th=False):
    return {"paras": paras if isinstance(paras, list) else [paras], "rs": rs, "cs": cs, "bold": bold, "align": align, "th": th}

def by_whom(a, case):
    act = {"ins": {"приказ": "приказом", "распоряжение": "распоряжением"}, "dat": {"приказ": "к приказу", "распоряжение": "к распоряжению"}}[case][a["act"]]
    if a["level"] == "school": return f"{act} директора {a['place']}" if case == "ins" else f"{act} директора школы"
    w = a["org"].split()[0]
    org = {"Министерство": "министерства", "Отдел": "отдела образования", "Управление": "управления образования", "Комитет": "комитета по образованию"}[w]
    return f"{act} {org}"

def leaf_cols(a):
    out = []
    for c in a["cols"]:
        out += ["start", "end"] if (c == "deadline" and a["two_part"]) else [c]
    return out

def header_name(a, c):
    return a["hdr"].get(c, c)

def build_blocks(a, rows):
    blocks = []; sig_s, sig_i = person_name(a)
    date = "28.08.2026"
    if a["before"] == "utv":
        for t in ["УТВЕРЖДЕНА", by_whom(a, "ins"), f"от {date} {a['actno']}"]: blocks.append(P(t, align="right", kind="appr"))
    elif a["before"] == "prilozh":
        a["prilozh_no"] = RNG.choice(["1", "2", "3"])
        for t in [f"Приложение № {a['prilozh_no']}", by_whom(a, "dat"), f"от {date} {a['actno']}"]: blocks.append(P(t, align="right", kind="appr"))
    elif a["before"] == "order":
        blocks += [P(a["org"].upper(), True, "center"), P("", kind="empty"),
                   P("П Р И К А З" if a["act"] == "приказ" else "РАСПОРЯЖЕНИЕ", True, "center"), P("", kind="empty"),
                   P(f"{date}" + "\u00a0" * 24 + a["actno"]), P("", kind="empty"),
                   P("Об утверждении дорожной карты по работе со школами с низкими образовательными результатами", True),
                   P("", kind="empty"),
                   P("В целях реализации мер адресной поддержки общеобразовательных организаций с низкими образовательными результатами "
                     "и организаций, функционирующих в неблагоприятных социальных условиях (синтетический документ),"),
                   P("ПРИКАЗЫВАЮ:" if a["act"] == "приказ" else "ОБЯЗЫВАЮ:"),
                   P("1. Утвердить дорожную карту (приложение)."),
                   P("2. Ответственным исполнителям обеспечить выполнение мероприятий в установленные сроки."),
                   P("3. Контроль за исполнением оставляю за собой."), P("", kind="empty"),
                   P("Руководитель" + "\u00a0" * 30 + f"{sig_i} {sig_s}")]
        blocks += [P("Приложение", align="right", kind="appr", pb=True),
                   P(f"{by_whom(a, 'dat')} от {date} {a['actno']}", align="right", kind="appr")]
    parts = [p.format(who=a["who"]) for p in TITLES[a["title"]]]
    while len(parts) > a["title_paras"]: parts[-2:] = [parts[-2] + " " + parts[-1]]
    if a["before"] != "none": blocks.append(P("", kind="empty"))
    for p in parts: blocks.append(P(p, True, "center", kind="title"))
    blocks.append(P("", kind="empty"))
    lc = leaf_cols(a); nc = len(lc)
    nums = numbers(a, rows)
    hdr_rows = [{"kind": "hdr", "cells": [C(header_name(a, c), th=True) for c in lc]}]
    if a["colnum_repeat"]: hdr_rows.append({"kind": "colnum", "cells": [C(str(k + 1), align="center") for k in range(nc)]})
    tables = []; cur = None; last_sec = None; sec_no = 0
    for i, r in enumerate(rows):
        new_sec = r["sec"] != last_sec
        if new_sec: sec_no += 1; last_sec = r["sec"]
        st = SECTIONS[r["sec"]][0]
        if cur is None or r["table"] != cur["no"]:
            if a["split"]:
                hn = r["table"] + 1 if a["sections"] == "none" else sec_no  # no section rows: the headings count the tables
                blocks.append(P(f"Раздел {hn}. {st}", a["heading_bold"], "left" if RNG.random() < 0.5 else "center", kind="heading"))
            rep = a["hdr_repeat_tables"][r["table"]]
            cur = {"t": "table", "no": r["table"], "rows": [dict(h) for h in hdr_rows] if rep else [], "nhdr": len(hdr_rows) if rep else 0}
            blocks.append(cur); tables.append(cur)
            if a["split"]: new_sec = False  # the section heading is the paragraph above the table
        if new_sec and a["sections"] != "none":
            s = a["sections"]
            pref = f"{sec_no}. " if a["numbering"] == "1.1." else ""
            if s == "colspan": cur["rows"].append({"kind": "sec", "cells": [C(pref + st, cs=nc, bold=True, align="center")]})
            elif s == "roman": cur["rows"].append({"kind": "sec", "cells": [C(f"{ROMAN[sec_no - 1]}. {st}", cs=nc, bold=True)]})
            elif s == "razdel": cur["rows"].append({"kind": "sec", "cells": [C(f"Раздел {sec_no}. {st}", cs=nc, bold=True, align="center")]})
            elif s == "bold":
                cells = []
                for c in lc:
                    if c == "num": cells.append(C(f"{sec_no}." if a["numbering"] == "1.1." else "", bold=True))
                    elif c == "measure": cells.append(C(st, bold=True))
                    else: cells.append(C(""))
                cur["rows"].append({"kind": "sec", "cells": cells})
        # the measure row and its sub-item rows
        for sub, (rr, nb) in enumerate([(r, nums[i][0])] + list(zip(r["subs"], nums[i][1]))):
            cells = []
            for c in a["cols"]:
                if c == "num": cells.append(C(nb))
                elif c == "direction":
                    if sub == 0 and r.get("dir_span"): cells.append(C(r["dir"], rs=r["dir_span"] + sum(len(x["subs"]) for x in rows[i:i + r["dir_span"]])))
                    else: cells.append(None)
                elif c == "measure":
                    ms = list(rr["measure"])
                    if a["numbering"] == "typed": ms[0] = nb + " " + ms[0]
                    cells.append(C(ms))
                elif c in ("deadline", "executors"):
                    f = "dl" if c == "deadline" else "ex"
                    sp = rr["span"].get(f)
                    if sp == 0: cells += [None, None] if (c == "deadline" and a["two_part"]) else [None]; continue
                    val = rr[f]
                    if c == "deadline" and a["two_part"]: cells += [C(val[0], rs=sp or 1), C(val[1], rs=sp or 1)]
                    elif c == "deadline": cells.append(C(val, rs=sp or 1))
                    else: cells.append(C(list(val), rs=sp or 1))
                elif c == "indicator": cells.append(C(rr["ind"]))
                else: cells.append(C(rr["extra"][c]))
            cur["rows"].append({"kind": "m" if sub == 0 else "sub", "cells": cells, "idx": i, "sub": sub - 1})
    blocks.append(P("", kind="empty"))
    if a["signature"]:
        role = {"school": "Директор школы", "municipality": "Начальник отдела образования" if "Отдел" in a["org"] else "Руководитель органа управления образованием",
                "region": "Заместитель министра"}[a["level"]]
        blocks.append(P(role + "\u00a0" * 8 + "____________" + "\u00a0" * 4 + f"{sig_i} {sig_s}", kind="sig"))
    if a["before"] != "order": blocks.append(P("(синтетический документ)", kind="note"))
    return blocks, parts


# ---------------- HTML ----------------
def esc(s): return H.escape(s, quote=False)

WEIGHT = {"num": 0.8, "direction": 2.0, "measure": 4.2, "deadline": 2.0, "start": 1.4, "end": 1.4, "executors": 2.6, "indicator": 2.6,
          "Источник финансирования": 1.9, "Отметка о выполнении": 1.6}

def col_weights(a): return [WEIGHT.get(c, 1.8) for c in leaf_cols(a)]

def cell_html(c, tag="td"):
    attrs = ""
    if c["rs"] > 1: attrs += f' rowspan="{c["rs"]}"'
    if c["cs"] > 1: attrs += f' colspan="{c["cs"]}"'
    if c["align"]: attrs += f' style="text-align:{c["align"]}"'
    if c["th"]: tag = "th"
    inner = "".join(f"<p>{'<b>' if c['bold'] else ''}{esc(p)}{'</b>' if c['bold'] else ''}</p>" for p in c["paras"] if p != "")
    return f"<{tag}{attrs}>{inner}</{tag}>"

def write_html(name, a, blocks):
    nc = len(leaf_cols(a))
    a["size_used"] = min(a["size"], 9) if (a["orientation"] == "portrait" and nc >= 6) else min(a["size"], 10) if nc >= 8 else a["size"]
    sz = a["size_used"]
    W, Hh = ("297mm", "210mm") if a["orientation"] == "landscape" else ("210mm", "297mm")
    ws = col_weights(a); tot = sum(ws)
    body = []
    for b in blocks:
        if b["t"] == "p":
            st = f"text-align:{b['align']}" + ("; page-break-before:always" if b["pb"] else "")
            txt = esc(b["text"]) if b["text"] else "&nbsp;"
            if b["bold"]: txt = f"<b>{txt}</b>"
            body.append(f'<p style="{st}">{txt}</p>')
            continue
        t = ['<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse; width:100%">', "<colgroup>"]
        t += [f'<col style="width:{100 * w / tot:.1f}%">' for w in ws] + ["</colgroup>"]
        hdr = b["rows"][:b["nhdr"]]; rest = b["rows"][b["nhdr"]:]
        if hdr:
            # <thead> only where the header is meant to repeat on every page (pattern colnum_repeat)
            t.append("<thead>" if a["colnum_repeat"] else "<tbody>")
            for r in hdr: t.append("<tr>" + "".join(cell_html(c) for c in r["cells"]) + "</tr>")
            t.append("</thead><tbody>" if a["colnum_repeat"] else "")
        else: t.append("<tbody>")
        for r in rest: t.append("<tr>" + "".join(cell_html(c) for c in r["cells"] if c is not None) + "</tr>")
        t.append("</tbody></table>")
        body += t
    css = (f'@page {{ size: {W} {Hh}; margin: 15mm 15mm 15mm 20mm; }} body {{ font-family: "{a["font"]}"; font-size: {sz}pt; }} '
           f'td, th {{ font-family: "{a["font"]}"; font-size: {sz}pt; vertical-align: top; border: 1px solid black; }} th {{ font-weight: bold; }} '
           f'p {{ margin: 0; }} table {{ margin: 0; }}')
    doc = (f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>{esc(name)} (синтетический)</title><style>{css}</style></head><body>\n'
           + "\n".join(x for x in body if x) + "\n</body></html>\n")
    open(os.path.join(D, name + ".html"), "w", encoding="utf-8").write(doc)


# ---------------- ODT / DOCX / PDF ----------------
def fix_odt(path, a):
    land = a["orientation"] == "landscape"
    pw, ph = (29.7, 21.0) if land else (21.0, 29.7)
    tw = pw - 3.5
    ws = col_weights(a); tot = sum(ws); cw = [tw * w / tot for w in ws]
    tmp = path + ".tmp"
    zin = zipfile.ZipFile(path); zout = zipfile.ZipFile(tmp, "w")
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
            newst = "".join(f'<style:style style:name="S19C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>' for i, w in enumerate(cw))
            s = s.replace("</office:automatic-styles>", newst + "</office:automatic-styles>", 1)
            s = re.sub(r'(?:<table:table-column [^>]*/>)+', lambda m: "".join(f'<table:table-column table:style-name="S19C{i}"/>' for i in range(len(cw))), s)
            data = s.encode()
        zout.writestr(item, data)
    zout.close(); zin.close(); shutil.move(tmp, path)


def fix_docx(path, a, blocks):
    """<w:tblHeader/> exactly on the header rows of the tables that show one, when the pattern «colnum_repeat» is drawn; none elsewhere."""
    tabs = [b for b in blocks if b["t"] == "table"]
    tmp = path + ".tmp"
    zin = zipfile.ZipFile(path); zout = zipfile.ZipFile(tmp, "w")
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/document.xml":
            s = data.decode()
            s = s.replace("<w:tblHeader/>", "").replace('<w:tblHeader w:val="true"/>', "").replace("<w:trPr></w:trPr>", "")
            if a["colnum_repeat"]:
                out = []; pos = 0
                for k, m in enumerate(re.finditer(r"<w:tbl>.*?</w:tbl>", s, re.S)):
                    out.append(s[pos:m.start()]); tx = m.group(0); pos = m.end()
                    nh = tabs[k]["nhdr"] if k < len(tabs) else 0
                    parts = re.split(r"(<w:tr(?:\s[^>]*)?>)", tx)
                    # parts: [pre, tr1, body1, tr2, body2, ...]
                    for h in range(nh):
                        bi = 2 + 2 * h
                        if bi >= len(parts): break
                        if parts[bi].startswith("<w:trPr>"): parts[bi] = parts[bi].replace("<w:trPr>", "<w:trPr><w:tblHeader/>", 1)
                        else: parts[bi] = "<w:trPr><w:tblHeader/></w:trPr>" + parts[bi]
                    out.append("".join(parts))
                out.append(s[pos:]); s = "".join(out)
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


# ---------------- page texts, cuts ----------------
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
    for j, r in enumerate(rows):
        m = fields(r)
        if r["subs"]: m["subItems"] = [fields(s) for s in r["subs"]]
        truth["measures"].append(m)
        for f, key in (("dl", "deadline"), ("ex", "executors")):
            if r["span"].get(f) == 0: ov.setdefault(str(j), {})[key] = ""
    if ov: truth["overrides"] = {"txt": ov}
    return truth


# ---------------- TXT in the seeds' form ----------------
def seed_wrap(text, width=95):
    """Long bold paragraphs in the seeds come as lines ending in two spaces (hard line breaks)."""
    if len(text) <= width: return text
    words = text.split(" "); lines = [""]
    for w in words:
        if lines[-1] and len(lines[-1]) + 1 + len(w) > width: lines.append(w)
        else: lines[-1] = (lines[-1] + " " + w).strip()
    return "  \n".join(lines)

def seed_txt(name, a, blocks):
    """Imitates /work/shared/seeds/penza-district-2022-2023.txt: two empty lines at the top, paragraphs as lines with an empty
    line after each, bold paragraphs as **…** (long ones broken by «  \\n»), the approval block as one paragraph with «  \\n»,
    table rows as TAB-joined cells (cell paragraphs joined by a space, merged cells empty after their first row, a colspan row =
    its text in the first cell and empty cells up to the width), an empty line where a page ends, a row cut by a page as two
    rows (the continuation with an empty «№» cell) when there is a «№» column (first, or second after the direction)."""
    pages = page_texts(os.path.join(D, name + ".pdf"))
    out = ["", ""]; i = 0; page = 0; split_rows = []
    nc = len(leaf_cols(a))
    while i < len(blocks):
        b = blocks[i]
        if b["t"] == "p":
            if b["kind"] == "appr":
                grp = []
                while i < len(blocks) and blocks[i]["t"] == "p" and blocks[i]["kind"] == "appr" and (not grp or not blocks[i]["pb"]):
                    grp.append(blocks[i]["text"]); i += 1
                out += ["  \n".join(grp), ""]; continue
            if b["kind"] == "empty": out.append("")
            elif b["bold"]: out += ["**" + seed_wrap(b["text"]) + "**", ""]
            else: out += [b["text"], ""]
            i += 1; continue
        for r in b["rows"]:
            texts = []
            for c in r["cells"]:
                if c is None: texts.append(""); continue
                texts.append(" ".join(p for p in c["paras"] if p != ""))
                texts += [""] * (c["cs"] - 1)
            key = ""
            if r["kind"] == "hdr":  # the page where the table starts (no empty line there)
                kk = squash(" ".join(texts))[:30]
                page = next((p for p in range(page, len(pages)) if kk in pages[p]), page)
            if r["kind"] in ("m", "sub", "sec"):
                key = max(texts, key=len)
                kk = squash(key)[:30]
                for p in range(page, len(pages)):
                    if kk and kk in pages[p]:
                        if p > page and out[-1] != "": out.append("")
                        page = p; break
            # a row cut by the page: split each cell where its text leaves the page
            lcs = leaf_cols(a)
            if r["kind"] in ("m", "sub") and "num" in lcs[:2] and page + 1 < len(pages):
                p1, p2 = [], []
                for t in texts:
                    w = t.split(" ") if t else []
                    lo, hi = 0, len(w)
                    while lo < hi:
                        mid = (lo + hi + 1) // 2
                        if squash(" ".join(w[:mid])) in pages[page]: lo = mid
                        else: hi = mid - 1
                    if lo == 0 and w and squash(t) not in pages[page + 1]: lo = len(w)
                    p1.append(" ".join(w[:lo])); p2.append(" ".join(w[lo:]))
                real = any(0 < len(x.split(" ")) < len(t.split(" ")) for x, t in zip(p1, texts) if x and t)
                if real and any(p2[1:]) and all(squash(x) in pages[page + 1] for x in p2 if x):
                    for k, c in enumerate(lcs):
                        if c in ("num", "direction"): p2[k] = ""
                    out += ["\t".join(p1), "", "\t".join(p2)]; page += 1
                    split_rows.append(r.get("idx") if r["kind"] == "m" else (r["idx"], r["sub"]))
                    continue
            out.append("\t".join(texts))
        out.append(""); i += 1
    a["seed_split_rows"] = split_rows
    return "\n".join(out) + "\n"


# ---------------- make ----------------
def make(i, a):
    name = f"s{i + 1}-{ {'region': 'reg', 'municipality': 'mun', 'school': 'sch'}[a['level']] }-{SHORT[a['place']]}"
    rows = build_model(a)
    order = list(range(2, len(rows) - 1)); RNG.shuffle(order)
    order.sort(key=lambda j: bool(rows[j]["span"]) or bool(rows[j]["subs"]) or rows[j].get("dir_span", 1) != 1)
    state = RNG.getstate()
    ci = order[0] if a["cut"] else None; tried = []
    for attempt in range(6):
        tried.append(ci)
        RNG.setstate(state)
        rr = [dict(r, measure=list(r["measure"])) for r in rows]
        if ci is not None: rr[ci]["measure"] = rr[ci]["measure"][:1] + [fmt(a, p) for p in LONG_TAIL]
        blocks, parts = build_blocks(a, rr)
        write_html(name, a, blocks)
        convert(name, a, blocks)
        truth = truth_of(a, rr, parts)
        cuts = cut_rows(name, truth)
        if ci is None or ci in cuts: break
        # next try: a row the page cut just now (without the tail), else the next row of the shuffled order
        nxt = [j for j in cuts if j not in tried and 2 <= j < len(rows) - 1] + [j for j in order if j not in tried]
        ci = nxt[0]
    a["cut_row"] = ci; a["cut_attempts"] = attempt + 1; a["cut_rows_found"] = cuts; a["name"] = name
    a["n_measures"] = len(truth["measures"]); a["n_sub_items"] = sum(len(m.get("subItems", [])) for m in truth["measures"])
    a["pages"] = len(page_texts(os.path.join(D, name + ".pdf"))) - 1
    json.dump(truth, open(os.path.join(D, name + ".truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    if a["seed_txt"]: txt = seed_txt(name, a, blocks)
    else: txt = docxread.txt(os.path.join(D, name + ".docx"))
    open(os.path.join(D, name + ".txt"), "w", encoding="utf-8").write(txt)
    return name


if __name__ == "__main__":
    os.makedirs(D, exist_ok=True)
    draws = [draw(i) for i in range(N)]
    draw_new_patterns(draws)
    for i, a in enumerate(draws):
        print(make(i, a), "cut", a["cut_row"], a["cut_attempts"], a["cut_rows_found"], flush=True)
    json.dump(draws, open(os.path.join(D, "draws.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
