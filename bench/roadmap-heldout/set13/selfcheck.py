#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Self-check of set 13 without the importer: truth vs DOCX cells, TXT cells, PDF words, page splits."""
import json, os, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET
from gen import DOCS, D, W, ptext

def n(s):
    s = (s or "").replace("\u00a0", " ").replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip()

def docx_rows(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    rows, paras, stats = [], [], dict(br=0, cellparas_max=0)
    above = {}
    for el in root.find(W + "body"):
        if el.tag == W + "p":
            paras.append(n(ptext(el)))
        elif el.tag == W + "tbl":
            for tr in el.findall(W + "tr"):
                cells, g = [], 0
                for tc in tr.findall(W + "tc"):
                    pr = tc.find(W + "tcPr")
                    span = int(pr.find(W + "gridSpan").get(W + "val")) if pr is not None and pr.find(W + "gridSpan") is not None else 1
                    vm = pr.find(W + "vMerge") if pr is not None else None
                    ps = tc.findall(W + "p")
                    stats["br"] += len(tc.findall(".//" + W + "br"))
                    txt = n(" ".join(ptext(p) for p in ps))
                    if vm is not None and vm.get(W + "val", "continue") == "continue":
                        txt = above.get(g, "")
                    else:
                        stats["cellparas_max"] = max(stats["cellparas_max"], len(ps))
                    above[g] = txt
                    cells.append(txt)
                    g += span
                rows.append(cells)
    return rows, paras, stats

NUM = re.compile(r"^\d+\.\d+\.$")
problems = []
def bad(doc, msg):
    problems.append(f"{doc}: {msg}")

total = 0
for d in DOCS:
    name = d["name"]
    t = json.load(open(os.path.join(D, name + ".truth.json"), encoding="utf-8"))
    ms = t["measures"]
    total += len(ms)
    ov = t.get("overrides", {}).get("txt", {})
    # DOCX
    rows, paras, st = docx_rows(os.path.join(D, name + ".docx"))
    mrows = [r for r in rows if r and NUM.match(r[0])]
    if len(mrows) != len(ms):
        bad(name, f"docx measure rows {len(mrows)} != truth {len(ms)}")
    for i, (r, m) in enumerate(zip(mrows, ms)):
        for k, f in enumerate(("measure", "deadline", "executors", "indicator")):
            if n(r[k + 1]) != n(m[f]):
                bad(name, f"docx #{i} {f}: {r[k+1]!r} != {m[f]!r}")
    title_lines = d["title"]
    if " ".join(n(x) for x in title_lines) != t["title"] or not all(n(x) in paras for x in title_lines):
        bad(name, "title not in docx paragraphs")
    secrows = [r for r in rows if len(r) == 1 and re.match(r"^\d+\. ", r[0])]
    # TXT
    lines = open(os.path.join(D, name + ".txt"), encoding="utf-8", newline="").read().split("\r\n")
    tr = [l.split("\t") for l in lines if re.match(r"^\d+\.\d+\.\t", l)]
    if len(tr) != len(ms):
        bad(name, f"txt measure rows {len(tr)} != truth {len(ms)}")
    for i, (r, m) in enumerate(zip(tr, ms)):
        for k, f in enumerate(("measure", "deadline", "executors", "indicator")):
            want = ov.get(str(i), {}).get(f, m[f])
            if n(r[k + 1]) != n(want):
                bad(name, f"txt #{i} {f}: {r[k+1]!r} != {want!r}")
    if not all(n(x) in [n(l) for l in lines] for x in title_lines):
        bad(name, "title not in txt")
    secl = [l for l in lines if re.match(r"^\d+\. \S", l) and "\t" not in l]
    # PDF
    pdf = os.path.join(D, name + ".pdf")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    producer = re.search(r"Producer:\s+(.*)", info).group(1)
    if d["gs"] != ("Ghostscript" in producer):
        bad(name, f"producer {producer}")
    lay = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    words = set(re.findall(r"\w+", lay.replace("\u00ad", "")))
    miss = [i for i, m in enumerate(ms) if any(w not in words for w in re.findall(r"\w+", m["measure"]))]
    # rows split by a page break: first words on page p, last words on page p+1 (per-page raw text, spaces removed)
    pt = []
    for p in range(1, pages + 1):
        s = subprocess.run(["pdftotext", "-raw", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
        pt.append(re.sub(r"[\s\-\u00ad]", "", s))
    split = []
    for i, m in enumerate(ms):
        w = re.sub(r"[\-\u00ad]", "", m["measure"]).split()
        a, b = "".join(w[:4]), "".join(w[-4:])
        pa = [p for p, s in enumerate(pt) if a in s]
        pb = [p for p, s in enumerate(pt) if b in s]
        if pa and pb and pb[-1] > pa[0] and not (set(pa) & set(pb)):
            split.append(f"#{i}({pa[0]+1}→{pb[-1]+1})")
    sub = sum(1 for m in ms if re.search(r" а\) .* б\) ", m["measure"]))
    colon = sum(1 for m in ms if re.search(r": [–\w]", m["measure"]) and len(m["measure"]) > 600)
    semi = sum(1 for m in ms if ";" in m["executors"])
    merged = sum(len(v) for v in ov.values())
    print(f"{name}: {len(ms)} measures; sections {len(secrows)} (txt {len(secl)}); pages {pages}, {d['orient']}, {d['pt']} pt, producer «{producer}»; "
          f"sub-items а)/б) {sub}; long colon lists {colon}; executors with «;» {semi}, w:br {st['br']}; merged continuations {merged}; "
          f"rows split by a page break {len(split)} {' '.join(split)}; measures with a word not in pdftotext -layout: {len(miss)}")
    if not split:
        bad(name, "no measure row split across pages")
    if sub == 0 and d["name"] != "x":
        bad(name, "no а)/б) sub-items")
print(f"TOTAL {total} measures, {len(problems)} problems")
for p in problems:
    print("  ", p)
sys.exit(1 if problems else 0)
