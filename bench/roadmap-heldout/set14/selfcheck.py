#!/usr/bin/env python3
"""Set 14 self-check, independent of Opora: every truth measure's four fields are whole cells of one table row of
the DOCX (vertical merges resolved) and of one TXT row (overrides applied); the title occurs in DOCX and TXT; the
claimed patterns are present (vertical merges of the risk/task/goal columns, section rows in a3, producers, page
orientation); words of every field found in `pdftotext` output (information)."""
import json, os, re, subprocess, sys, zipfile, glob
import xml.etree.ElementTree as ET
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docs")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def norm(s):
    s = re.sub(r'[«»“”„‟"]', '"', s or ""); s = re.sub(r"[‐‑‒–—―−]", "-", s)
    s = re.sub(r"\s*-\s*", "-", s); s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"[\s.,;:]+$", "", s).strip()

# column header of each truth field, per document
COLS = {
 "a1": ("Мероприятие", "Сроки", "Ответственные", "Показатели"),
 "a2": ("Мероприятия", "Сроки реализации", "Ответственный", "Ожидаемый результат"),
 "a3": ("Мероприятие", "Сроки", "Ответственные", "Показатели результативности"),
 "a4": ("Мероприятия", "Сроки реализации", "Ответственный", "Ожидаемый результат"),
}
NOTFIELD = {"a1": ("Риск", "Задача"), "a2": ("Направление (риск)", "Цель"), "a3": ("Задача",), "a4": ("Направление (риск)", "Цель", "Задачи")}
FIELDS = ("measure", "deadline", "executors", "indicator")

def ptext(p):
    out = []
    for el in p.iter():
        if el.tag == W + "t": out.append(el.text or "")
        elif el.tag == W + "tab": out.append("\t")
        elif el.tag in (W + "br", W + "cr"): out.append(" ")
    return "".join(out)

def docx_read(path):
    z = zipfile.ZipFile(path); root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    paras = [ptext(p) for p in body.findall(W + "p")]
    tables = []; stats = {"restart": 0, "continue": 0, "span_rows": 0, "landscape": False}
    sz = root.find(".//" + W + "sectPr/" + W + "pgSz")
    if sz is not None and sz.get(W + "orient") == "landscape": stats["landscape"] = True
    for tbl in body.findall(W + "tbl"):
        rows = []; above = {}
        for tr in tbl.findall(W + "tr"):
            row = []; col = 0; spanned = False
            for tc in tr.findall(W + "tc"):
                pr = tc.find(W + "tcPr"); span = 1; vm = None
                if pr is not None:
                    g = pr.find(W + "gridSpan"); span = int(g.get(W + "val")) if g is not None else 1
                    v = pr.find(W + "vMerge")
                    if v is not None: vm = v.get(W + "val") or "continue"
                text = " ".join(x for x in (ptext(p).strip() for p in tc.findall(W + "p")) if x)
                text = re.sub(r"\s+", " ", text).strip()
                if vm == "continue": text = above.get(col, ""); stats["continue"] += 1
                elif vm == "restart": stats["restart"] += 1
                above[col] = text
                if span > 1: spanned = True
                row.append(text); col += span
            if spanned and len(row) == 1: stats["span_rows"] += 1
            rows.append(row)
        tables.append(rows)
    return paras, tables, stats

problems = []; total = 0
def bad(doc, msg): problems.append("%s: %s" % (doc, msg))

def match_rows(doc, fmt, header, rows, truth):
    cols = COLS[doc[:2]]
    try: idx = [header.index(c) for c in cols]
    except ValueError: bad(doc, "%s header %r lacks a field column" % (fmt, header)); return
    ov = truth.get("overrides", {}).get(fmt, {}) if fmt == "txt" else {}
    pos = 0
    for i, m in enumerate(truth["measures"]):
        m = dict(m, **ov.get(str(i), {}))
        found = False
        while pos < len(rows):
            r = rows[pos]; pos += 1
            if len(r) > max(idx) and norm(r[idx[0]]) == norm(m["measure"]):
                found = True
                for f, k in zip(FIELDS, idx):
                    if norm(r[k]) != norm(m[f]): bad(doc, "%s #%d %s: %r != %r" % (fmt, i, f, r[k], m[f]))
                break
        if not found: bad(doc, "%s #%d measure not found in order: %s" % (fmt, i, m["measure"][:60])); pos = 0

info = []; PAT = []
def toks_of(s): return re.findall(r"[\wё]+", s)
def page_lines(pdf):
    """(page, line) list of `pdftotext -layout` text: a cell's line keeps its words joined by single spaces"""
    out = []
    for pg, t in enumerate(subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout.split("\f"), 1):
        out += [(pg, l) for l in t.split("\n")]
    return out
def locate(pl, text, start, head):
    """index of the first line at/after start holding the first (head) or last two words of text"""
    ch = text.split()
    for k in (2, 1):
        frag = " ".join(ch[:k] if head else ch[-k:])
        if len(frag) < 6: continue
        for i in range(start, len(pl)):
            if frag in pl[i][1]: return i
    return None
def group_sizes(rows, k):
    """sizes of the vertical-merge groups of column k in the TXT rows (non-empty cell starts a group)"""
    g = []
    for r in rows:
        if r[k] != "": g.append(1)
        else: g[-1] += 1
    return g
for tp in sorted(glob.glob(os.path.join(D, "*.truth.json"))):
    name = os.path.basename(tp)[:-11]; truth = json.load(open(tp, encoding="utf-8")); n = len(truth["measures"])
    total += n
    if not (15 <= n <= 25): bad(name, "measure count %d outside 15–25" % n)
    if truth.get("synthetic") is not True: bad(name, "not marked synthetic")
    # DOCX
    paras, tables, st = docx_read(os.path.join(D, name + ".docx"))
    if len(tables) != 1: bad(name, "expected one table, got %d" % len(tables))
    t = tables[0]; header = t[0]
    match_rows(name, "docx", header, t[1:], truth)
    if norm(truth["title"]) not in norm(" ".join(paras)): bad(name, "title not in DOCX paragraphs")
    for c in NOTFIELD[name[:2]]:
        if c not in header: bad(name, "column %r missing" % c)
    # TXT
    lines = open(os.path.join(D, name + ".txt"), encoding="utf-8").read().split("\n")
    hi = [i for i, l in enumerate(lines) if "\t" in l][0]
    match_rows(name, "txt", lines[hi].split("\t"), [l.split("\t") for l in lines[hi + 1:]], truth)
    if norm(truth["title"]) not in norm(" ".join(lines[:hi])): bad(name, "title not in TXT")
    # merged non-field columns: their text only on the first row in the TXT, vMerge continue in the DOCX
    txt_rows = [l.split("\t") for l in lines[hi + 1:] if "\t" in l]
    for c in NOTFIELD[name[:2]]:
        k = lines[hi].split("\t").index(c); empties = sum(1 for r in txt_rows if r[k] == "")
        if empties == 0: bad(name, "TXT column %r never empty (no merge?)" % c)
    exp_cont = sum(1 for r in txt_rows for k in range(len(r)) if r[k] == "")
    if st["continue"] != exp_cont: bad(name, "DOCX vMerge continue cells %d != TXT empty cells %d" % (st["continue"], exp_cont))
    if name.startswith("a3") and st["span_rows"] != 3: bad(name, "a3 expects 3 section rows, got %d" % st["span_rows"])
    if name.startswith("a3"):
        secs = [l for l in lines[hi + 1:] if l.startswith("Риск ") and "\t" not in l]
        if len(secs) != 3: bad(name, "a3 TXT section lines %d" % len(secs))
    # PDF
    pdf = os.path.join(D, name + ".pdf")
    pi = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    prod = re.search(r"Producer:\s*(.*)", pi).group(1); pages = int(re.search(r"Pages:\s*(\d+)", pi).group(1))
    w, h = map(float, re.search(r"Page size:\s*([\d.]+) x ([\d.]+)", pi).groups())
    want = "Skia" if "chromium" in name else "LibreOffice"
    if want not in prod: bad(name, "PDF producer %r" % prod)
    if st["landscape"] != (w > h) and "chromium" not in name: bad(name, "DOCX/PDF orientation differ")
    pt = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    toks = set(re.findall(r"[\wё]+", re.sub(r"-\n\s*", "", pt).lower())) | set(re.findall(r"[\wё]+", pt.lower()))
    miss = 0
    for i, m in enumerate(truth["measures"]):
        ws = [x for f in FIELDS for x in re.findall(r"[\wё]+", m[f].lower()) if len(x) > 2]
        lost = [x for x in ws if x not in toks]
        if lost: miss += 1; info.append("%s #%d words not in pdftotext: %s" % (name, i, lost[:4]))
    if norm(" ".join(truth["title"].split())).lower()[:30] not in norm(pt.replace("\n", " ")).lower(): info.append("%s: title start not found in pdftotext" % name)
    # pages of the measures (bbox words): merged risk/task cells crossing a page break, rows split by a page break
    pl = page_lines(pdf); pos = 0; first = []; last = []
    for j, m in enumerate(truth["measures"]):
        i1 = locate(pl, m["measure"], pos, True); i2 = locate(pl, m["measure"], i1 if i1 is not None else pos, False)
        if i1 is None or i2 is None: info.append("%s #%d: measure start/end not located in pdftotext -layout" % (name, j))
        first.append(pl[i1][0] if i1 is not None else None); last.append(pl[i2][0] if i2 is not None else None)
        if i1 is not None: pos = i1 + 1
    split_rows = sum(1 for a, b in zip(first, last) if a and b and a != b)
    groups = group_sizes(txt_rows, lines[hi].split("\t").index(NOTFIELD[name[:2]][0]))
    crossing = 0; k = 0
    for g in groups:
        pg = {first[j] for j in range(k, k + g)} | {last[j] for j in range(k, k + g)}
        if len(pg - {None}) > 1: crossing += 1
        k += g
    hdr_pages = sum(1 for pg in range(1, pages + 1) if any(p == pg and re.search(r"(^|\s)%s(\s|$)" % COLS[name[:2]][0], l) for p, l in pl))
    PAT.append((name, split_rows, crossing, hdr_pages, pages))
    print("%-42s %2d measures  txt-overrides %d  pdf %d pp %s %s  docx vMerge restart/continue %d/%d  span rows %d  pdf-missing %d" % (
        name, n, len(truth.get("overrides", {}).get("txt", {})), pages, "landscape" if w > h else "portrait", prod, st["restart"], st["continue"], st["span_rows"], miss))
print("total measures: %d" % total)
for name, sr, cr, hp, pages in PAT:
    print("patterns %-42s rows split by a page break: %d; merged «%s» groups crossing a page break: %d; header on %d of %d pages" % (name, sr, NOTFIELD[name[:2]][0], cr, hp, pages))
for x in info: print("info:", x)
print("problems: %d" % len(problems))
for p in problems: print("  " + p)
sys.exit(1 if problems else 0)
