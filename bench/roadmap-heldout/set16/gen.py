#!/usr/bin/env python3
"""Held-out roadmap set 16 — a random draw (seed 1616). ALL CONTENT IS SYNTHETIC.

Per document: draws attributes (each from its own shuffled deck), writes HTML, converts
HTML -> ODT (LibreOffice, table width fixed in content.xml) -> DOCX -> PDF (LibreOffice / Ghostscript /
Chromium), writes TXT as Word's copy (from the DOCX) and the truth JSON.
Written without reading the importer or other sets' generators/pools/documents.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
import random

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pools as P  # noqa: E402
import docxread  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")
TMP = "/tmp/set16build"
LO = ["soffice", "-env:UserInstallation=file:///tmp/set16lo", "--headless"]
N_DOCS = 5

rng = random.Random(1616)


class Decks:
    def __init__(self, rng):
        self.rng = rng
        self.decks = {}

    def deal(self, name, values):
        d = self.decks.get(name)
        if not d:
            d = list(values)
            self.rng.shuffle(d)
            self.decks[name] = d
        return d.pop()


decks = Decks(rng)

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
WIDTH = {"num": 5, "measure": 33, "deadline": 13, "deadline_a": 9, "deadline_b": 9, "exec": 17, "ind": 22, "extra": 12}


def draw_doc(i):
    d = {}
    d["level"] = decks.deal("level", ["region", "municipality", "school", "municipality", "school"])
    places = P.PLACES[d["level"]]
    d["place"] = decks.deal("place_" + d["level"], list(range(len(places))))
    d["numbering"] = decks.deal("numbering", ["dot", "dotdot", "paren", "none", "typed"])
    d["sections"] = decks.deal("sections", ["merged", "bold-first", "roman", "razdel", "none"])
    d["two_part"] = decks.deal("two_part", [True, False, False, True, False])
    d["extra"] = decks.deal("extra", ["form", "fin", "note", "part", None])
    d["orientation"] = decks.deal("orientation", ["landscape", "portrait", "landscape", "portrait", "landscape"])
    d["font"] = decks.deal("font", ["Times New Roman", "Arial", "Liberation Serif", "DejaVu Sans", "DejaVu Serif"])
    d["size"] = decks.deal("size", [10, 11, 12, 12, 11])
    d["merge"] = decks.deal("merge", ["deadline", "executor", "both", "none", "both"])
    d["cut_row"] = decks.deal("cut_row", [True, True, False, True, True])
    d["block"] = decks.deal("block", ["utv", "pril", "order", "none", "utv"])
    d["title_paras"] = decks.deal("title_paras", [1, 2, 3, 2, 3])
    d["signature"] = decks.deal("signature", [True, True, False, True, False])
    d["multi_exec"] = decks.deal("multi_exec", [True, False, True, False, True])
    d["pdf"] = decks.deal("pdf", ["lo", "lo", "lo", "gs", "chromium"])
    d["n_measures"] = rng.randint(15, 25)
    if d["numbering"] == "typed":
        d["typed_style"] = rng.choice(["1) ", "1. "])
    # header words
    d["h_num"] = decks.deal("h_num", P.H_NUM)
    d["h_measure"] = decks.deal("h_measure", P.H_MEASURE)
    d["h_deadline"] = list(decks.deal("h_deadline2", P.H_DEADLINE2)) if d["two_part"] else decks.deal("h_deadline", P.H_DEADLINE)
    d["h_exec"] = decks.deal("h_exec", P.H_EXEC)
    d["h_ind"] = decks.deal("h_ind", P.H_IND)
    if d["extra"]:
        d["h_extra"] = rng.choice(P.H_EXTRA[d["extra"]])
    # column order: № first when present, measure first of the content columns, the rest shuffled
    rest = ["deadline", "exec", "ind"] + (["extra"] if d["extra"] else [])
    order = decks.deal("order", [("deadline", "exec", "ind"), ("ind", "deadline", "exec"), ("exec", "deadline", "ind"),
                                   ("deadline", "ind", "exec"), ("ind", "exec", "deadline")])
    cols = list(order)
    if d["extra"]:
        cols.insert(rng.randint(0, len(cols)), "extra")
        if d["extra"] == "form":  # reporting form stays next to the result column, as people write it
            cols.remove("extra")
            cols.insert(cols.index("ind") + 1, "extra")
    has_num = d["numbering"] in ("dot", "dotdot", "paren")
    d["columns"] = (["num"] if has_num else []) + ["measure"] + cols
    assert rest  # (kept for readability)
    return d


def make_model(d):
    lvl = d["level"]
    n = d["n_measures"]
    secs = [list(s) for s in P.SECTIONS]
    rng.shuffle(secs)
    items = []
    if d["sections"] == "none":
        allm = [m for s in secs for m in s[1]]
        rng.shuffle(allm)
        items.append((None, allm[:n]))
    else:
        n_secs = rng.randint(3, 5)
        while sum(len(s[1]) for s in secs[:n_secs]) < n:
            n_secs += 1
        chosen = secs[:n_secs]
        counts = [0] * n_secs
        k = 0
        while sum(counts) < n:
            if counts[k % n_secs] < len(chosen[k % n_secs][1]):
                counts[k % n_secs] += 1
            k += 1
        for (name, ms), c in zip(chosen, counts):
            ms = list(ms)
            rng.shuffle(ms)
            items.append((name, ms[:c]))
    deadlines = list(P.DEADLINES)
    rng.shuffle(deadlines)
    dl2 = list(P.DEADLINES2)
    rng.shuffle(dl2)
    execs = P.EXECUTORS[lvl]
    people = P.PEOPLE[lvl]
    sections = []
    gi = 0
    for si, (name, ms) in enumerate(items):
        rows = []
        for mi, (meas, ind, form) in enumerate(ms):
            if d["two_part"]:
                dl = dl2[gi % len(dl2)]
            else:
                dl = deadlines[gi % len(deadlines)]
            if d["multi_exec"] and rng.random() < 0.45:
                ex = rng.sample(people, rng.randint(2, 3))
            else:
                ex = [", ".join(rng.sample(execs, rng.randint(1, 2)))]
            extra = ""
            if d["extra"] == "form":
                extra = form
            elif d["extra"]:
                extra = rng.choice(P.EXTRA_VALUES[d["extra"]])
            rows.append({"measure": [meas], "ind": ind, "deadline": dl, "exec": ex, "extra": extra,
                         "span": {}})
            gi += 1
        sections.append({"name": name, "rows": rows})
    # merges (rowspan) inside a section
    fields = {"deadline": ["deadline"], "executor": ["exec"], "both": ["deadline", "exec"], "none": []}[d["merge"]]
    for f in fields:
        done = 0
        cand = [(s, k) for s in range(len(sections)) for k in range(len(sections[s]["rows"]) - 1)]
        rng.shuffle(cand)
        for s, k in cand:
            rows = sections[s]["rows"]
            L = rng.choice([2, 3])
            if k + L > len(rows):
                L = len(rows) - k
            if L < 2 or any(f in r["span"] for r in rows[k:k + L]):
                continue
            for j in range(k, k + L):
                rows[j][f] = rows[k][f]
                rows[j]["span"][f] = "first" if j == k else "cont"
            rows[k]["span"][f + "_n"] = L
            done += 1
            if done == 2:
                break
    return sections


def num_label(d, si, gi, mi):
    if d["numbering"] == "dot":
        return f"{gi + 1}."
    if d["numbering"] == "dotdot":
        return f"{si + 1}.{mi + 1}."
    if d["numbering"] == "paren":
        return f"{gi + 1})"
    return ""


def title_paras(d, place):
    variants = P.TITLES[d["level"]]
    t = variants[rng.randrange(len(variants))]
    words = " ".join(t).format(gen=place["gen"])
    n = d["title_paras"]
    if n == 1:
        return [words]
    parts = [x.format(gen=place["gen"]) for x in t]
    if len(parts) >= n:
        while len(parts) > n:
            parts[-2:] = [parts[-2] + " " + parts[-1]]
        return parts
    # split the longest part at a word boundary near the middle
    while len(parts) < n:
        k = max(range(len(parts)), key=lambda j: len(parts[j]))
        w = parts[k].split(" ")
        cut = len(w) // 2
        for j in range(cut, len(w)):
            if w[j] in ("по", "на", "в", "с"):
                cut = j
                break
        parts[k:k + 1] = [" ".join(w[:cut]), " ".join(w[cut:])]
    return parts


def esc(s):
    return html.escape(s, quote=False)


def build_html(d, sections, place, title):
    lvl = d["level"]
    cols = d["columns"]
    ncols = len(cols) + (1 if d["two_part"] else 0)
    page = "A4 landscape" if d["orientation"] == "landscape" else "A4 portrait"
    font = d["font"]
    sz = d["size"]
    out = []
    out.append('<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">')
    out.append(f"<title>{esc(title[0])}</title>")
    out.append("<style>\n"
               f"@page {{ size: {page}; margin: 1.5cm 1cm 1.5cm 2cm; }}\n"
               f"body {{ font-family: '{font}'; font-size: {sz}pt; }}\n"
               "p { margin: 0; }\n"
               "table { border-collapse: collapse; width: 100%; }\n"
               "td, th { border: 1px solid #000; vertical-align: top; padding: 2px 4px; }\n"
               "th { font-weight: bold; text-align: center; vertical-align: middle; }\n"
               ".r { text-align: right; } .c { text-align: center; }\n"
               "</style></head>")
    out.append(f'<body style="font-family: \'{font}\'; font-size: {sz}pt">')

    def P_(text, cls=None, bold=False, extra_style=""):
        t = esc(text)
        if bold:
            t = f"<b>{t}</b>"
        a = f' class="{cls}"' if cls else ""
        align = {"r": "right", "c": "center"}.get(cls)
        st = f"margin:0; font-family: '{font}'; font-size: {sz}pt" + (f"; text-align:{align}" if align else "") + extra_style
        return f'<p{a} style="{st}"{" align=" + chr(34) + align + chr(34) if align else ""}>{t}</p>'

    blk = d["block"]
    order_word = place["order"]
    if blk == "order":
        out.append(P_(place["body"].upper(), "c", bold=True))
        out.append(P_("ПРИКАЗ" if order_word == "приказ" else "РАСПОРЯЖЕНИЕ", "c", bold=True))
        out.append(P_("28.08.2026" + "\u00a0" * 12 + f"№ {place['num']}", "c"))
        out.append(P_(f"Об утверждении {'дорожной карты' if 'орож' in title[0] + ' '.join(title) else 'плана мероприятий'} на 2026/2027 учебный год", "c", bold=True))
        out.append(P_("В целях организации адресной поддержки общеобразовательных организаций, показывающих низкие образовательные результаты, и в соответствии с планом работы на 2026/2027 учебный год"))
        out.append(P_("ПРИКАЗЫВАЮ:", bold=True))
        out.append(P_("1. Утвердить прилагаемый план мероприятий («дорожную карту») (приложение)."))
        out.append(P_("2. Ответственным исполнителям обеспечить выполнение мероприятий в установленные сроки."))
        out.append(P_("3. Контроль за исполнением настоящего приказа оставляю за собой."))
        out.append(P_(P.SIGNERS[lvl]))
        out.append(P_("Приложение", "r", extra_style="; page-break-before: always").replace("<p ", '<p ', 1))
        out.append(P_(f"к приказу от 28.08.2026 № {place['num']}", "r"))
    elif blk == "utv":
        out.append(P_("УТВЕРЖДЕНА", "r"))
        out.append(P_(f"{order_word}ом {place['body_gen']}" if order_word == "приказ" else f"распоряжением {place['body_gen']}", "r"))
        out.append(P_(f"от 28.08.2026 № {place['num']}", "r"))
    elif blk == "pril":
        out.append(P_("Приложение № 2", "r"))
        out.append(P_(f"к {'приказу' if order_word == 'приказ' else 'распоряжению'} {place['body_gen'] if lvl != 'school' else ''}".rstrip(), "r"))
        out.append(P_(f"от 31.08.2026 № {place['num']}", "r"))
    for t in title:
        out.append(P_(t, "c", bold=True))
    # table
    out.append('<table border="1" cellspacing="0" cellpadding="3" width="100%" style="border-collapse: collapse">')
    out.append("<thead><tr>")
    for c in cols:
        if c == "num":
            out.append(f"<th>{esc(d['h_num'])}</th>")
        elif c == "measure":
            out.append(f"<th>{esc(d['h_measure'])}</th>")
        elif c == "deadline":
            if d["two_part"]:
                out.append(f"<th>{esc(d['h_deadline'][0])}</th><th>{esc(d['h_deadline'][1])}</th>")
            else:
                out.append(f"<th>{esc(d['h_deadline'])}</th>")
        elif c == "exec":
            out.append(f"<th>{esc(d['h_exec'])}</th>")
        elif c == "ind":
            out.append(f"<th>{esc(d['h_ind'])}</th>")
        elif c == "extra":
            out.append(f"<th>{esc(d['h_extra'])}</th>")
    out.append("</tr></thead><tbody>")
    gi = 0
    for si, sec in enumerate(sections):
        st = d["sections"]
        if st != "none":
            name = sec["name"]
            if st == "roman":
                txt = f"{ROMAN[si]}. {name}"
            elif st == "razdel":
                txt = f"Раздел {si + 1}. {name}"
            else:
                txt = name
            if st == "bold-first":
                if cols[0] == "num":
                    lab = f"{si + 1}." if d["numbering"] != "paren" else f"{ROMAN[si]}."
                    out.append(f"<tr><td><b>{esc(lab)}</b></td><td><b>{esc(txt)}</b></td>" + "<td></td>" * (ncols - 2) + "</tr>")
                else:
                    out.append(f"<tr><td><b>{esc(txt)}</b></td>" + "<td></td>" * (ncols - 1) + "</tr>")
            else:
                inner = f"<b>{esc(txt)}</b>" if st != "merged" else esc(txt)
                out.append(f'<tr><td colspan="{ncols}" align="center">{inner}</td></tr>')
        for mi, r in enumerate(sec["rows"]):
            r["label"] = num_label(d, si, gi, mi)
            if d["numbering"] == "typed":
                r["typed"] = d["typed_style"].replace("1", str(gi + 1))
            out.append("<tr>")
            for c in cols:
                if c == "num":
                    out.append(f"<td>{esc(r['label'])}</td>")
                elif c == "measure":
                    paras = list(r["measure"])
                    if r.get("typed"):
                        paras[0] = r["typed"] + paras[0]
                    out.append("<td>" + "".join(f"<p>{esc(p)}</p>" for p in paras) + "</td>")
                elif c == "deadline":
                    sp = r["span"].get("deadline")
                    if sp == "cont":
                        continue
                    rs = f' rowspan="{r["span"]["deadline_n"]}"' if sp == "first" else ""
                    if d["two_part"]:
                        a, b2 = r["deadline"]
                        out.append(f"<td{rs}>{esc(a)}</td><td{rs}>{esc(b2)}</td>")
                    else:
                        out.append(f"<td{rs}>{esc(r['deadline'])}</td>")
                elif c == "exec":
                    sp = r["span"].get("exec")
                    if sp == "cont":
                        continue
                    rs = f' rowspan="{r["span"]["exec_n"]}"' if sp == "first" else ""
                    out.append(f"<td{rs}>" + "".join(f"<p>{esc(p)}</p>" for p in r["exec"]) + "</td>")
                elif c == "ind":
                    out.append(f"<td>{esc(r['ind'])}</td>")
                elif c == "extra":
                    out.append(f"<td>{esc(r['extra'])}</td>")
            out.append("</tr>")
            gi += 1
    out.append("</tbody></table>")
    longest = {}

    def note(key, text):
        for w in re.split(r"\s+", text):
            longest[key] = max(longest.get(key, 0), len(w))
    hdr = {"num": d["h_num"], "measure": d["h_measure"], "exec": d["h_exec"], "ind": d["h_ind"],
           "extra": d.get("h_extra", "")}
    if d["two_part"]:
        hdr["deadline_a"], hdr["deadline_b"] = d["h_deadline"]
    else:
        hdr["deadline"] = d["h_deadline"]
    for k, v in hdr.items():
        note(k, v)
    for sec in sections:
        for r in sec["rows"]:
            note("num", r["label"])
            for p in r["exec"]:
                note("exec", p)
            note("ind", r["ind"])
            note("extra", r["extra"])
            if d["two_part"]:
                note("deadline_a", r["deadline"][0])
                note("deadline_b", r["deadline"][1])
            else:
                note("deadline", r["deadline"])
    d["_longest"] = longest
    if d["signature"]:
        w = P.SIGNERS[lvl].split(" ")
        out.append(P_(" ".join(w[:-3] + ["________________"] + w[-3:])))
    out.append("</body></html>\n")
    return "\n".join(out)


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{cmd}: {r.stderr}")
    return r


def fix_odt(odt, d):
    """Set the table width to the text width and the column widths to the intended proportions;
    set the page size/orientation (Writer's HTML import ignores @page)."""
    land = d["orientation"] == "landscape"
    pw, ph = (29.7, 21.0) if land else (21.0, 29.7)
    text_w = pw - 2.0 - 1.0
    cols = []
    for c in d["columns"]:
        if c == "deadline" and d["two_part"]:
            cols += ["deadline_a", "deadline_b"]
        else:
            cols.append(c)
    # proportions, but never narrower than the column's longest word (so that words are not cut mid-word
    # where a person would have widened the column); the rest of the width goes to the others by proportion
    pt_cm = 2.54 / 72
    factor = 0.62 if d["font"] in ("Arial", "DejaVu Sans", "DejaVu Serif") else 0.55
    mins = [d["_longest"].get(c, 4) * d["size"] * factor * pt_cm + 0.35 for c in cols]
    mins = [m if c.startswith("deadline") else min(m, 0.19 * text_w) for m, c in zip(mins, cols)]
    mins = [max(m, 0.30 * text_w) if c == "measure" else m for m, c in zip(mins, cols)]
    if sum(mins) > 0.95 * text_w:  # crowded (portrait, 6-7 columns): give up width of the wordy columns first
        mins = [min(m, 0.22 * text_w) if c == "measure" else m for m, c in zip(mins, cols)]
    if sum(mins) > 0.95 * text_w:
        mins = [min(m, 0.14 * text_w) if c in ("exec", "ind", "extra") else m for m, c in zip(mins, cols)]
    if sum(mins) > 0.95 * text_w:  # last resort: all alike
        mins = [m * 0.95 * text_w / sum(mins) for m in mins]
    ws = [WIDTH[c] for c in cols]
    fixed = [False] * len(cols)
    while True:
        free = text_w - sum(m for m, f in zip(mins, fixed) if f)
        tot = sum(w for w, f in zip(ws, fixed) if not f)
        widths = [mins[i] if fixed[i] else free * ws[i] / tot for i in range(len(cols))]
        low = [i for i in range(len(cols)) if not fixed[i] and widths[i] < mins[i]]
        if not low:
            break
        for i in low:
            fixed[i] = True
    zin = zipfile.ZipFile(odt)
    files = {n: zin.read(n) for n in zin.namelist()}
    infos = zin.infolist()
    zin.close()
    c = files["content.xml"].decode("utf-8")
    # table style
    tname = re.search(r'<table:table table:name="([^"]+)" table:style-name="([^"]+)"', c)
    tstyle = tname.group(2)

    def set_table(m):
        s = m.group(0)
        s = re.sub(r'style:width="[^"]*"', f'style:width="{text_w:.3f}cm"', s)
        s = re.sub(r'style:rel-width="[^"]*"', 'style:rel-width="100%"', s)
        s = re.sub(r'table:align="[^"]*"', 'table:align="margins"', s)
        s = re.sub(r'fo:margin-left="[^"]*"', 'fo:margin-left="0cm"', s)
        s = re.sub(r'fo:margin-right="[^"]*"', 'fo:margin-right="0cm"', s)
        return s
    c = re.sub(r'<style:style style:name="%s" style:family="table">.*?</style:style>' % re.escape(tstyle), set_table, c,
               flags=re.S)
    # columns: table:table-column elements in order (may use number-columns-repeated)
    tstart = c.index('<table:table table:name="%s"' % tname.group(1))
    colels = []
    for m in re.finditer(r'<table:table-column table:style-name="([^"]+)"( table:number-columns-repeated="(\d+)")?/>',
                         c[tstart:]):
        colels.append(m)
        if sum(int(x.group(3) or 1) for x in colels) >= len(cols):
            break
    # rewrite the column declarations as one style per column
    first, last = colels[0], colels[-1]
    new_cols = "".join(f'<table:table-column table:style-name="{tstyle}.S16c{i}"/>' for i in range(len(cols)))
    c = c[:tstart + first.start()] + new_cols + c[tstart + last.end():]
    col_styles = "".join(
        f'<style:style style:name="{tstyle}.S16c{i}" style:family="table-column"><style:table-column-properties '
        f'style:column-width="{w:.3f}cm" style:rel-column-width="{int(round(w * 1000))}*"/></style:style>'
        for i, w in enumerate(widths))
    c = c.replace("</office:automatic-styles>", col_styles + "</office:automatic-styles>", 1)
    files["content.xml"] = c.encode("utf-8")
    # page size/orientation
    s = files["styles.xml"].decode("utf-8")

    def set_page(m):
        x = m.group(0)
        x = re.sub(r'fo:page-width="[^"]*"', f'fo:page-width="{pw}cm"', x)
        x = re.sub(r'fo:page-height="[^"]*"', f'fo:page-height="{ph}cm"', x)
        if "style:print-orientation" in x:
            x = re.sub(r'style:print-orientation="[^"]*"', f'style:print-orientation="{"landscape" if land else "portrait"}"', x)
        else:
            x = x.replace("<style:page-layout-properties", f'<style:page-layout-properties style:print-orientation="{"landscape" if land else "portrait"}"', 1)
        for k, v in (("fo:margin-top", "1.5cm"), ("fo:margin-bottom", "1.5cm"), ("fo:margin-left", "2cm"), ("fo:margin-right", "1cm")):
            if k in x:
                x = re.sub(k + r'="[^"]*"', f'{k}="{v}"', x)
            else:
                x = x.replace("<style:page-layout-properties", f'<style:page-layout-properties {k}="{v}"', 1)
        return x
    s = re.sub(r'<style:page-layout-properties[^>]*>', set_page, s)
    files["styles.xml"] = s.encode("utf-8")
    tmp = odt + ".new"
    with zipfile.ZipFile(tmp, "w") as z:
        for info in infos:
            z.writestr(info, files[info.filename], compress_type=zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)
    os.replace(tmp, odt)


def convert(name, d):
    work = os.path.join(TMP, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    src = os.path.join(DOCS, name + ".html")
    run(LO + ["--infilter=HTML (StarWriter)", "--convert-to", "odt", "--outdir", work, src])
    odt = os.path.join(work, name + ".odt")
    fix_odt(odt, d)
    run(LO + ["--convert-to", 'docx:MS Word 2007 XML', "--outdir", work, odt])
    shutil.copy(os.path.join(work, name + ".docx"), os.path.join(DOCS, name + ".docx"))
    pdf = os.path.join(DOCS, name + ".pdf")
    if d["pdf"] == "chromium":
        run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={pdf}", "file://" + src], timeout=180)
    else:
        run(LO + ["--convert-to", "pdf", "--outdir", work, os.path.join(DOCS, name + ".docx")])
        if d["pdf"] == "gs":
            run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", f"-sOutputFile={pdf}",
                 os.path.join(work, name + ".pdf")])
        else:
            shutil.copy(os.path.join(work, name + ".pdf"), pdf)


def squash(s):
    return re.sub(r"[\s\-‐‑–—\u00ad\uf0b7•]+", "", s)


def page_texts(pdf):
    n = int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", pdf]).stdout).group(1))
    return [squash(run(["pdftotext", "-raw", "-f", str(k), "-l", str(k), pdf, "-"]).stdout) for k in range(1, n + 1)]


def cut_rows(pdf, truth):
    """0-based truth indices of rows whose measure/indicator text starts on one page and ends on a later one."""
    pages = page_texts(pdf)
    res = []
    for i, m in enumerate(truth["measures"]):
        spans = set()
        for f in ("measure", "indicator"):
            t = squash(m[f])
            if not t:
                continue
            a = t[:12]
            pa = [k for k, p in enumerate(pages) if a in p]
            # cut: the text starts on a page but is whole on none (the rest is on the next page)
            if pa and not any(t in p for p in pages) and min(pa) + 1 < len(pages):
                res.append(i)
                break
    return res


def build_truth(d, sections, title):
    ms = []
    ov = {}
    i = 0
    for sec in sections:
        for r in sec["rows"]:
            dl = r["deadline"]
            dl = f"{dl[0]} – {dl[1]}" if isinstance(dl, tuple) else dl
            ms.append({"measure": " ".join(r["measure"]), "deadline": dl, "executors": " ".join(r["exec"]),
                       "indicator": r["ind"]})
            for f, tf in (("deadline", "deadline"), ("exec", "executors")):
                if r["span"].get(f) == "cont":
                    ov.setdefault(str(i), {})[tf] = ""
            i += 1
    t = {"title": " ".join(title), "synthetic": True, "measures": ms}
    if ov:
        t["overrides"] = {"txt": ov}
    return t


def main():
    os.makedirs(DOCS, exist_ok=True)
    os.makedirs(TMP, exist_ok=True)
    only = sys.argv[1:]
    draws = []
    names = []
    for i in range(N_DOCS):
        d = draw_doc(i)
        place = P.PLACES[d["level"]][d["place"]]
        short = {"region": "reg", "municipality": "mun", "school": "sch"}[d["level"]]
        slug = re.sub(r"[^a-z]", "", ["tumanoyar", "privetluzh", "kremnev", "sizobor", "svetlopeschansk",
                                      "cheremukhovoyar", "olkhobor"][
            {"region": 0, "municipality": 2, "school": 5}[d["level"]] + d["place"]])
        name = f"q{i + 1}-{short}-{slug}"
        d["name"] = name
        sections = make_model(d)
        title = title_paras(d, place)
        d["title"] = title
        allrows = [r for s in sections for r in s["rows"]]
        tries = []
        if d["cut_row"]:
            cand = list(range(len(allrows)))
            rng.shuffle(cand)
            tries = cand[:4]
        d["cut_tries"] = []
        names.append(name)
        draws.append(d)
        if only and name not in only and str(i + 1) not in only:
            continue
        attempt = 0
        while True:
            if d["cut_row"]:
                for r in allrows:
                    r["measure"] = r["measure"][:1]
                k = tries[attempt]
                allrows[k]["measure"] = allrows[k]["measure"][:1] + P.LONG_TAIL
                d["long_row"] = k
            h = build_html(d, sections, place, title)
            with open(os.path.join(DOCS, name + ".html"), "w", encoding="utf-8") as f:
                f.write(h)
            convert(name, d)
            truth = build_truth(d, sections, title)
            cuts = cut_rows(os.path.join(DOCS, name + ".pdf"), truth)
            d["cut_tries"].append({"long_row": d.get("long_row"), "cut_rows": cuts})
            if not d["cut_row"] or d["long_row"] in cuts or attempt + 1 >= len(tries):
                break
            attempt += 1
        d["cut_rows_found"] = cuts
        with open(os.path.join(DOCS, name + ".truth.json"), "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False, indent=2)
            f.write("\n")
        with open(os.path.join(DOCS, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(docxread.to_txt(os.path.join(DOCS, name + ".docx")))
        print(name, len(truth["measures"]), "cuts", cuts, "long", d.get("long_row"), flush=True)
    if not only:
        with open(os.path.join(DOCS, "draws.json"), "w", encoding="utf-8") as f:
            json.dump([{k: v for k, v in d.items() if not k.startswith("_")} for d in draws], f,
                      ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
