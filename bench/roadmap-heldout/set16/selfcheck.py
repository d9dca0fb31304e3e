#!/usr/bin/env python3
"""Self-check of set 16 (synthetic) without the importer.

Every truth field must be a whole cell of ONE row of the DOCX (vMerge resolved) and of the same row in the TXT
(overridden fields: that cell empty); the title must be consecutive paragraphs of the DOCX and consecutive TXT lines;
each field's text must occur in `pdftotext -raw` output (whitespace/hyphens squashed) unless its row is cut by a page;
orientation must match the draw; a drawn page cut must be found.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import docxread  # noqa: E402
from gen import squash, cut_rows  # noqa: E402

DOCS = os.path.join(HERE, "docs")
TYPED = re.compile(r"^\d+[.)]\s+")
FIELDS = ("measure", "deadline", "executors", "indicator")


def field_cells(row, m, key="resolved"):
    """Return {field: [column indices]} if every field is a whole cell of this row, else None."""
    texts = [c[key] for c in row]
    res = {}
    for f in FIELDS:
        v = m[f]
        idx = None
        for j, t in enumerate(texts):
            if t == v or (f == "measure" and TYPED.sub("", t, count=1) == v and TYPED.match(t)):
                idx = [j]
                break
        if idx is None and f == "deadline" and " – " in v:
            a, b = v.split(" – ", 1)
            for j in range(len(texts) - 1):
                if texts[j] == a and texts[j + 1] == b:
                    idx = [j, j + 1]
                    break
        if idx is None:
            return None
        res[f] = idx
    return res


def main():
    draws = {d["name"]: d for d in json.load(open(os.path.join(DOCS, "draws.json"), encoding="utf-8"))}
    problems = []
    notes = []
    total = 0
    for name, d in draws.items():
        truth = json.load(open(os.path.join(DOCS, name + ".truth.json"), encoding="utf-8"))
        ov = truth.get("overrides", {}).get("txt", {})
        blocks = docxread.read(os.path.join(DOCS, name + ".docx"))
        paras = [b for k, b in blocks if k == "p"]
        rows = [r for k, b in blocks if k == "tbl" for r in b]
        txt = open(os.path.join(DOCS, name + ".txt"), encoding="utf-8").read().split("\n")
        pdf = os.path.join(DOCS, name + ".pdf")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        producer = re.search(r"Producer:\s+(.*)", info).group(1).strip()
        w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        raw = squash(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout)
        cuts = cut_rows(pdf, truth)
        vm = sum(1 for r in rows for c in r if c["vmerge"] == "cont")
        ms = truth["measures"]
        total += len(ms)
        print(f"{name}: {len(ms)} measures, {pages} pp., {producer}, {'landscape' if w > h else 'portrait'}, "
              f"vMerge continuations {vm}, TXT overrides {sum(len(v) for v in ov.values())}, page-cut rows {cuts}")
        if (w > h) != (d["orientation"] == "landscape"):
            problems.append(f"{name}: orientation")
        if d["cut_row"] and d.get("long_row") not in cuts:
            problems.append(f"{name}: drawn page cut (row {d.get('long_row')}) not found")
        # title
        tt = truth["title"]
        for label, seq in (("DOCX", paras), ("TXT", txt)):
            ok = any(" ".join(seq[k:k + n]) == tt for k in range(len(seq)) for n in range(1, 4))
            if not ok:
                problems.append(f"{name}: title not consecutive paragraphs in {label}")
        last = -1
        for i, m in enumerate(ms):
            hit = None
            for ri in range(last + 1, len(rows)):
                fc = field_cells(rows[ri], m)
                if fc:
                    hit = (ri, fc)
                    break
            if not hit:
                problems.append(f"{name} #{i}: not a DOCX row")
                continue
            ri, fc = hit
            last = ri
            # TXT: the same row (header counted once, paragraphs before the table)
            line = None
            cells_docx = [c["text"] for c in rows[ri]]
            for ln in txt:
                cells = ln.split("\t")
                if len(cells) == len(rows[ri]) and cells[fc["measure"][0]] == cells_docx[fc["measure"][0]]:
                    line = cells
                    break
            if line is None:
                problems.append(f"{name} #{i}: no TXT row")
                continue
            for f in FIELDS:
                exp = ov.get(str(i), {}).get(f, m[f])
                idx = fc[f]
                got = " – ".join(line[j] for j in idx) if len(idx) == 2 else line[idx[0]]
                if f == "measure":
                    got = TYPED.sub("", got, count=1)
                if len(idx) == 2 and exp == "":
                    got = got.replace(" – ", "") if got == " – " else got
                if got != exp:
                    problems.append(f"{name} #{i}: TXT {f} {got!r} != {exp!r}")
            # PDF
            if i in cuts:
                continue
            for f in FIELDS:
                v = m[f]
                if squash(v) not in raw:
                    words = [x for x in re.split(r"[\s\-–]+", v) if x]
                    miss = [x for x in words if squash(x) not in raw]
                    if miss:
                        problems.append(f"{name} #{i}: PDF {f}: missing words {miss}")
                    else:
                        notes.append(f"{name} #{i}: PDF {f} words present, not contiguous in -raw order")
    print(f"TOTAL {total} measures, {len(problems)} problems")
    for p in problems:
        print("  ", p)
    print(f"info: {len(notes)} fields whose words are all in the PDF text but not as one run (-raw order)")
    for p in notes:
        print("  ", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
