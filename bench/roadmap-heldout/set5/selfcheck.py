#!/usr/bin/env python3
"""Self-check without the importer: every truth field (and the title) occurs in the document's own DOCX text
(cell paragraphs/line breaks joined by one space, soft hyphens removed) and in its TXT; PDF: the words of every
measure occur in the text layer after joining line-end hyphens (rough)."""
import json, re, zipfile, subprocess, glob, os, sys
def norm(s): return re.sub(r"\s+", " ", s.replace("\u00ad", "")).strip()
def docx_text(p):
    x = zipfile.ZipFile(p).read("word/document.xml").decode()
    x = re.sub(r"<w:br/>|<w:tab/>", " ", x); x = re.sub(r"</w:p>", " ", x); x = re.sub(r"<w:softHyphen/>", "", x)
    x = re.sub(r"<[^>]+>", "", x)
    import html; return norm(html.unescape(x))
bad = 0; total = 0
for tj in sorted(glob.glob("docs/*.truth.json")):
    n = tj[:-len(".truth.json")]; t = json.load(open(tj))
    D = docx_text(n + ".docx"); T = norm(open(n + ".txt").read())
    P = subprocess.run(["pdftotext", n + ".pdf", "-"], capture_output=True, text=True).stdout
    P = norm(re.sub(r"-\n", "", P).replace("\n", " "))
    for src, txt in (("docx", D), ("txt", T)):
        if norm(t["title"]) not in txt and src == "docx": print(n, src, "TITLE missing"); bad += 1
    for i, m in enumerate(t["measures"]):
        total += 1
        for f in ("measure", "deadline", "executors", "indicator"):
            for src, txt in (("docx", D), ("txt", T)):
                if norm(m[f]) not in txt: print(n, src, i + 1, f, "missing:", m[f]); bad += 1
        w = [x for x in re.findall(r"[А-Яа-яЁё]{4,}", m["measure"])]
        miss = [x for x in w if x not in P]
        if miss: print(n, "pdf", i + 1, "words not in text layer:", miss[:5])
    print(f"{os.path.basename(n)}: {len(t['measures'])} measures checked")
print("total", total, "problems", bad); sys.exit(1 if bad else 0)
