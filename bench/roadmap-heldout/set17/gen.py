# -*- coding: utf-8 -*-
"""Generator of held-out set 17 (seed 1717). ALL CONTENT IS SYNTHETIC. Writes docs/NAME.{html,docx,pdf,txt,truth.json}, docs/draws.json."""
import json, os, random, re, shutil, subprocess, sys, zipfile, html as H
from pools import *
import docxread

RNG = random.Random(1717)
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docs")
LO = ["soffice", "-env:UserInstallation=file:///tmp/set17lo", "--headless"]
N = 5

class Decks:
    def __init__(self): self.d = {}
    def deal(self, key, values):
        if not self.d.get(key):
            v = list(values); RNG.shuffle(v); self.d[key] = v
        return self.d[key].pop()
K = Decks()

PREP = {"Черноольховская область": "Черноольховской области", "Медвежьегорная республика (условная)": "Медвежьегорной республике (условной)",
        "Клюквенноборский муниципальный округ": "Клюквенноборском муниципальном округе", "Пескозёрский муниципальный район": "Пескозёрском муниципальном районе"}
ROMAN = ["I", "II", "III", "IV", "V", "VI"]

def draw(i):
    a = {}
    a["level"] = K.deal("level", ["region", "municipality", "school", "school", "municipality"])
    pl = K.deal("place_" + a["level"], PLACES[a["level"]])
    a["place"], a["org"], a["act"], a["actno"] = pl
    a["numbering"] = K.deal("num", ["1.", "1.1.", "1)", "none", "typed"])
    a["sections"] = K.deal("sec", ["merged", "bold", "roman", "razdel", "none"])
    if a["numbering"] == "1.1." and a["sections"] == "none": a["sections"] = "merged"
    a["two_part"] = K.deal("two", [True, False, False, True, False])
    a["extra"] = K.deal("extra", [None, "Форма отчётности", "Источник финансирования", "Примечание", "Участники"])
    a["orientation"] = K.deal("ori", ["landscape", "portrait", "landscape", "portrait", "landscape"])
    a["font"] = K.deal("font", ["Liberation Serif", "Times New Roman", "Arial", "DejaVu Sans", "DejaVu Serif"])
    a["size"] = K.deal("size", [10, 11, 12, 12, 14])
    a["merge"] = K.deal("merge", ["deadline", "executors", "both", "none", "executors"])
    a["cut"] = K.deal("cut", [True, True, False, True, False])
    a["before"] = K.deal("before", ["utv", "prilozh", "order", "none", "utv"])
    a["title_paras"] = K.deal("tp", [1, 2, 3, 2, 3])
    a["title"] = K.deal("title", list(range(len(TITLES))))
    a["signature"] = K.deal("sig", [True, False, True, True, False])
    a["multi_exec"] = K.deal("mex", [True, False, True, False, False])
    a["pdf"] = K.deal("pdf", ["lo", "lo", "gs", "chromium", "lo"])
    a["n"] = RNG.randint(15, 25)
    a["hdr"] = {k: RNG.choice(v) for k, v in HEADERS.items()}
    if a["two_part"]:
        a["hdr"]["start"], a["hdr"]["end"] = RNG.choice(list(zip(HEADERS["start"], HEADERS["end"])))
    cols = ["indicator", "executors", "deadline"] + ([a["extra"]] if a["extra"] else [])
    RNG.shuffle(cols)
    if a["extra"] == "Форма отчётности":
        cols.remove("Форма отчётности"); cols.insert(cols.index("indicator") + 1, "Форма отчётности")
    a["cols"] = (["num"] if a["numbering"] in ("1.", "1.1.", "1)") else []) + ["measure"] + cols
    return a

def build_model(a):
    secs = list(range(len(SECTIONS))); RNG.shuffle(secs); secs = sorted(secs[:RNG.randint(3, 4)]) if a["sections"] != "none" else [None]
    pool = [m for m in MEASURES if secs == [None] or m[0] in secs]
    RNG.shuffle(pool)
    pool = pool[:a["n"]]
    if secs != [None]: pool.sort(key=lambda m: secs.index(m[0]))
    rows = []
    execs = EXECUTORS[a["level"]]
    for m in pool:
        r = {"sec": m[0] if secs != [None] else None, "measure": [m[1]], "indicator": m[2], "form": m[3]}
        if a["two_part"]: r["dl"] = list(RNG.choice(TWO_PART))
        else: r["dl"] = RNG.choice(DEADLINES)
        if a["multi_exec"] and RNG.random() < 0.45:
            r["ex"] = RNG.sample(PERSONS, RNG.randint(2, 3))
        else:
            r["ex"] = [RNG.choice(execs)]
        if a["extra"] and a["extra"] != "Форма отчётности": r["extra"] = RNG.choice(EXTRA[a["extra"]])
        elif a["extra"]: r["extra"] = m[3]
        r["span"] = {}
        rows.append(r)
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
    out = []; sn = 0; k = 0; last = "x"
    for r in rows:
        if r["sec"] != last: sn += 1; k = 0; last = r["sec"]
        k += 1; out.append(k)
    # continuous
    cont = list(range(1, len(rows) + 1))
    secn = []; sn = 0; last = "x"
    for r in rows:
        if r["sec"] != last: sn += 1; last = r["sec"]
        secn.append(sn)
    return [{"1.": f"{c}.", "1)": f"{c})", "1.1.": f"{s}.{k}.", "typed": f"{c}) ", "none": ""}[a["numbering"]] for c, s, k in zip(cont, secn, out)]

def esc(s): return H.escape(s, quote=False)

def head_name(a, c):
    if c in ("num", "measure", "deadline", "executors", "indicator"): return a["hdr"][c]
    return c

def write_html(name, a, rows):
    if a["orientation"] == "portrait" and len(a["cols"]) + a["two_part"] >= 6: a["size_used"] = min(a["size"], 10)
    elif a["orientation"] == "portrait": a["size_used"] = min(a["size"], 12)
    else: a["size_used"] = a["size"]
    land = a["orientation"] == "landscape"
    W, Hh = ("297mm", "210mm") if land else ("210mm", "297mm")
    ps = []
    sig_person = RNG.choice(PERSONS)
    if a["before"] == "utv":
        who_act = {"school": f"приказом директора {a['place']}", "municipality": "приказом " + {"Управление": "Управления", "Отдел": "Отдела"}.get(a["org"].split()[0], "") + " образования",
                   "region": ("распоряжением" if a["act"] == "распоряжение" else "приказом") + " министерства"}[a["level"]]
        for t in ["УТВЕРЖДЕНА", who_act, f"от 28.08.2026 {a['actno']}"]:
            ps.append(f'<p style="text-align:right">{esc(t)}</p>')
    elif a["before"] == "prilozh":
        ps += [f'<p style="text-align:right">Приложение № 1</p>', f'<p style="text-align:right">к {a["act"]}у от 28.08.2026 {esc(a["actno"])}</p>']
    elif a["before"] == "order":
        ps += [f'<p style="text-align:center"><b>{esc(a["org"].upper())}</b></p>', f'<p style="text-align:center"><b>{"ПРИКАЗ" if a["act"]=="приказ" else "РАСПОРЯЖЕНИЕ"}</b></p>',
               f'<p>28.08.2026\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0{esc(a["actno"])}</p>',
               '<p><b>Об утверждении дорожной карты</b></p>',
               '<p>В целях реализации проекта адресной методической помощи школам с низкими образовательными результатами (синтетический документ)</p>',
               '<p>ПРИКАЗЫВАЮ:</p>', '<p>1. Утвердить дорожную карту (приложение).</p>', '<p>2. Назначить ответственных за исполнение мероприятий.</p>',
               '<p>3. Контроль исполнения приказа оставляю за собой.</p>', f'<p>Руководитель\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0{esc(sig_person)}</p>',
               f'<p style="text-align:right; page-break-before:always">Приложение</p>', f'<p style="text-align:right">к {a["act"]}у от 28.08.2026 {esc(a["actno"])}</p>']
    who = PREP.get(a["place"], a["place"])
    parts = [p.format(who=who) for p in TITLES[a["title"]]]
    while len(parts) > a["title_paras"]: parts[-2:] = [parts[-2] + " " + parts[-1]]
    for p in parts: ps.append(f'<p style="text-align:center"><b>{esc(p)}</b></p>')
    cols = a["cols"]
    hc = []
    for c in cols:
        if c == "deadline" and a["two_part"]: hc += [a["hdr"]["start"], a["hdr"]["end"]]
        else: hc.append(head_name(a, c))
    ncols = len(hc)
    t = ['<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse; width:100%">', "<thead><tr>"]
    t += [f"<th>{esc(h)}</th>" for h in hc] + ["</tr></thead><tbody>"]
    nums = numbers(a, rows); last = "x"; sn = 0
    for i, r in enumerate(rows):
        if r["sec"] != last and a["sections"] != "none":
            sn += 1; last = r["sec"]; st = SECTIONS[r["sec"]]
            if a["sections"] == "merged": t.append(f'<tr><td colspan="{ncols}" style="text-align:center"><b>{esc(st)}</b></td></tr>')
            elif a["sections"] == "roman": t.append(f'<tr><td colspan="{ncols}"><b>{ROMAN[sn-1]}. {esc(st)}</b></td></tr>')
            elif a["sections"] == "razdel": t.append(f'<tr><td colspan="{ncols}"><b>Раздел {sn}. {esc(st)}</b></td></tr>')
            elif a["sections"] == "bold":
                cells = []
                for c in cols:
                    n = 2 if (c == "deadline" and a["two_part"]) else 1
                    if c == "num": cells.append("<td></td>")
                    elif c == "measure": cells.append(f"<td><b>{esc(st)}</b></td>")
                    else: cells += ["<td></td>"] * n
                if cols[0] == "measure": pass
                t.append("<tr>" + "".join(cells) + "</tr>")
        cells = []
        for c in cols:
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
            elif c == "indicator": cells.append(f"<td>{esc(r['indicator'])}</td>")
            else: cells.append(f"<td>{esc(r['extra'])}</td>")
        t.append("<tr>" + "".join(cells) + "</tr>")
    t.append("</tbody></table>")
    if a["signature"]:
        t.append(f'<p>{"Заместитель директора по УВР" if a["level"]=="school" else "Начальник отдела"}\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0____________\u00a0\u00a0\u00a0{esc(RNG.choice(PERSONS))}</p>')
    css = (f'@page {{ size: {W} {Hh}; margin: 15mm 15mm 15mm 20mm; }} body {{ font-family: "{a["font"]}"; font-size: {a["size_used"]}pt; }} '
           f'td, th {{ font-family: "{a["font"]}"; font-size: {a["size_used"]}pt; vertical-align: top; border: 1px solid black; }} p {{ margin: 0; }}')
    doc = f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>{esc(name)} (синтетический)</title><style>{css}</style></head><body>\n' + "\n".join(ps + t) + "\n</body></html>\n"
    open(os.path.join(D, name + ".html"), "w", encoding="utf-8").write(doc)
    return parts, hc

WEIGHT = {"num": 1.0, "measure": 4.0, "deadline": 1.5, "executors": 2.0, "indicator": 3.0}

def fix_odt(path, a, hc):
    land = a["orientation"] == "landscape"
    pw, ph = (29.7, 21.0) if land else (21.0, 29.7)
    textw = pw - 3.5
    tmp = path + ".tmp"
    zin = zipfile.ZipFile(path); zout = zipfile.ZipFile(tmp, "w")
    ws = []
    for c in a["cols"]:
        if c == "deadline" and a["two_part"]: ws += [1.5, 1.5]
        else: ws.append(WEIGHT.get(c, 1.6))
    tot = sum(ws); cw = [textw * w / tot for w in ws]
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
            data = s.encode()
        if item.filename == "content.xml":
            s = data.decode()
            s = re.sub(r'(<style:table-properties[^>]*?)style:width="[^"]*"', rf'\1style:width="{textw:.2f}cm"', s)
            s = re.sub(r'(<style:table-properties[^>]*?)style:rel-width="[^"]*"', r'\1', s)
            s = re.sub(r'table:align="[^"]*"', 'table:align="margins"', s)
            newst = "".join(f'<style:style style:name="S17C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>' for i, w in enumerate(cw))
            s = s.replace("</office:automatic-styles>", newst + "</office:automatic-styles>", 1)
            def cols_repl(m):
                return "".join(f'<table:table-column table:style-name="S17C{i}"/>' for i in range(len(cw)))
            s = re.sub(r'(?:<table:table-column [^>]*/>)+', cols_repl, s, count=1)
            data = s.encode()
        zout.writestr(item, data)
    zout.close(); zin.close(); shutil.move(tmp, path)

def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180, **kw)

def convert(name, a, hc):
    html = os.path.join(D, name + ".html"); odt = os.path.join(D, name + ".odt")
    run(LO + ['--infilter=HTML (StarWriter)', "--convert-to", "odt", "--outdir", D, html])
    fix_odt(odt, a, hc)
    run(LO + ["--convert-to", 'docx:MS Word 2007 XML', "--outdir", D, odt])
    os.remove(odt)
    pdf = os.path.join(D, name + ".pdf")
    if a["pdf"] == "chromium":
        run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + html])
    else:
        run(LO + ["--convert-to", "pdf", "--outdir", D, os.path.join(D, name + ".docx")])
        if a["pdf"] == "gs":
            run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={pdf}.gs", pdf]); shutil.move(pdf + ".gs", pdf)

def squash(s): return re.sub(r"[\s\-‐‑‒–—―−\uf0b7•]+", "", s.replace("«", '"').replace("»", '"'))

def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    return [squash(p) for p in out.split("\f")]

def split_over_pages(v, pages):
    """True when v is not on one page but its beginning ends page k's text region and the rest is on page k+1."""
    v = squash(v)
    if not v or any(v in p for p in pages): return False
    return any(v[:s] in pages[k] and v[s:] in pages[k + 1] for k in range(len(pages) - 1) for s in range(3, len(v) - 2))

def row_cut(m, pages):
    return any(split_over_pages(p, pages) for f in ("measure", "deadline", "executors", "indicator") for p in (m[f].split(" – ") if f == "deadline" else [m[f]]))

def cut_rows(name, truth):
    pages = page_texts(os.path.join(D, name + ".pdf"))
    return [i for i, m in enumerate(truth["measures"]) if row_cut(m, pages)]

def make(i, a):
    name = f"s{i+1}-{ {'region':'reg','municipality':'mun','school':'sch'}[a['level']] }-{['chernool','medvezh','klyukv','peskoz','gusin','lunokam'][[p[0] for l in PLACES.values() for p in l].index(a['place'])]}"
    rows = build_model(a)
    order = list(range(len(rows))); RNG.shuffle(order)
    tries = order[:3] if a["cut"] else [None]
    state = RNG.getstate()
    for attempt, ci in enumerate(tries):
        RNG.setstate(state)
        rr = [dict(r, measure=list(r["measure"])) for r in rows]
        if ci is not None: rr[ci]["measure"] += CUT_TAIL
        parts, hc = write_html(name, a, rr)
        convert(name, a, hc)
        truth = {"title": " ".join(parts), "synthetic": True, "measures": []}
        ov = {}
        for j, r in enumerate(rr):
            dl = " – ".join(r["dl"]) if a["two_part"] else r["dl"]
            truth["measures"].append({"measure": " ".join(r["measure"]), "deadline": dl, "executors": " ".join(r["ex"]), "indicator": r["indicator"]})
            for f, key in (("dl", "deadline"), ("ex", "executors")):
                if r["span"].get(f) == 0: ov.setdefault(str(j), {})[key] = ""
        if ov: truth["overrides"] = {"txt": ov}
        cuts = cut_rows(name, truth)
        if ci is None or ci in cuts: break
    a["cut_row"] = ci; a["cut_attempts"] = attempt + 1; a["cut_rows_found"] = cuts; a["name"] = name
    json.dump(truth, open(os.path.join(D, name + ".truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    open(os.path.join(D, name + ".txt"), "w", encoding="utf-8").write(docxread.txt(os.path.join(D, name + ".docx")))
    return name

if __name__ == "__main__":
    os.makedirs(D, exist_ok=True)
    only = sys.argv[1:] 
    draws = [draw(i) for i in range(N)]
    for i, a in enumerate(draws):
        if only and str(i + 1) not in only: continue
        print(make(i, a), flush=True)
    json.dump(draws, open(os.path.join(D, "draws.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
