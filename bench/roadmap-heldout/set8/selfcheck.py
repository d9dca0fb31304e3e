#!/usr/bin/env python3
"""Self-check of set 8 (no importer): every truth field must occur in the document's DOCX text and its TXT, either
verbatim inside one cell/line, or — for a field continued on the next page — as two pieces split at a word boundary
(head and tail each found in a cell). Also reports measure words missing from the PDF text layer (pdftotext)."""
import glob
import json
import os
import re
import subprocess
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_cells(path):
    import xml.etree.ElementTree as ET
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        t = []
        for el in p.iter():
            if el.tag == W + "t":
                t.append(el.text or "")
            elif el.tag == W + "br" and el.get(W + "type") != "page":
                t.append(" ")
        out.append("".join(t))
    return out


def txt_cells(path):
    out = []
    for line in open(path, encoding="utf-8"):
        out += line.rstrip("\n").split("\t")
    return out


def find(value, cells, blob):
    if not value:
        return "empty"
    if value in blob:
        return "verbatim"
    w = value.split(" ")
    for i in range(1, len(w)):
        h, t = " ".join(w[:i]), " ".join(w[i:])
        if any(c.strip() == h for c in cells) and any(c.strip() == t for c in cells):
            return "split"
        if any(c.endswith(h) for c in cells) and any(c.strip() == t for c in cells):
            return "split"
    return "MISSING"


def main():
    total = problems = 0
    for tp in sorted(glob.glob(os.path.join(HERE, "docs", "*.truth.json"))):
        name = os.path.basename(tp)[: -len(".truth.json")]
        truth = json.load(open(tp, encoding="utf-8"))
        base = os.path.join(HERE, "docs", name)
        dc, tc = docx_cells(base + ".docx"), txt_cells(base + ".txt")
        dblob, tblob = "\n".join(dc), "\n".join(tc)
        stats = {}
        for i, m in enumerate(truth["measures"]):
            total += 1
            for f in ("measure", "deadline", "executors", "indicator"):
                for fmt, cells, blob in (("docx", dc, dblob), ("txt", tc, tblob)):
                    r = find(m[f], cells, blob)
                    stats[r] = stats.get(r, 0) + 1
                    if r in ("MISSING", "empty"):
                        problems += 1
                        print(f"  {name} #{i} {fmt} {f}: {r}: {m[f]!r}")
        if truth["title"] not in " ".join(dc):
            problems += 1
            print(f"  {name}: title not in DOCX")
        tx = " ".join(x.strip().strip("*") for x in open(base + ".txt", encoding="utf-8").read().split("\n"))
        if truth["title"] not in " ".join(tx.split()):
            problems += 1
            print(f"  {name}: title not in TXT")
        pdf = subprocess.run(["pdftotext", base + ".pdf", "-"], capture_output=True, text=True).stdout
        pdfw = set(re.sub(r"-\n", "", pdf).split())
        miss = sorted({w for m in truth["measures"] for w in m["measure"].split() if w not in pdfw})
        pages = pdf.count("\f")
        print(f"{name}: {len(truth['measures'])} measures; fields (docx+txt): {stats}; PDF {pages} pages, "
              f"measure words not in PDF text layer: {len(miss)} {miss[:6]}")
    print(f"TOTAL {total} measures, {problems} problems")


if __name__ == "__main__":
    main()
