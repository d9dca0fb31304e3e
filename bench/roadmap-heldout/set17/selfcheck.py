# -*- coding: utf-8 -*-
"""Self-check of set 17 without the importer: truth fields vs DOCX rows, TXT rows, title paragraphs, pdftotext -raw."""
import json, os, re, subprocess
import docxread
from gen import squash, D, row_cut

def ws(s): return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()
NUM = re.compile(r"^\d+[.)]\s+")

def row_ok(cells, m, ovr):
    cells = [ws(c) for c in cells]
    def has(v, allow_num=False):
        v = ws(v)
        return any(c == v or (allow_num and NUM.sub("", c) == v) for c in cells)
    def has_dl(v):
        if has(v): return True
        if " – " in v:
            a, b = v.split(" – ", 1)
            return any(cells[i] == ws(a) and cells[i + 1] == ws(b) for i in range(len(cells) - 1))
        return False
    ok = has(m["measure"], True) and has(m["indicator"])
    for f in ("deadline", "executors"):
        if f in ovr: ok = ok and ("" in cells)
        else: ok = ok and (has_dl(m[f]) if f == "deadline" else has(m[f]))
    return ok

total = 0; problems = 0
for fn in sorted(os.listdir(D)):
    if not fn.endswith(".truth.json"): continue
    name = fn[:-11]; t = json.load(open(os.path.join(D, fn), encoding="utf-8"))
    dx = os.path.join(D, name + ".docx"); pdf = os.path.join(D, name + ".pdf")
    drows = docxread.resolved_rows(dx)
    trows = [l.split("\t") for l in open(os.path.join(D, name + ".txt"), encoding="utf-8").read().split("\n")]
    ov = t.get("overrides", {}).get("txt", {})
    out = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    pages = [squash(p) for p in out.split("\f")]; whole = "".join(pages)
    cuts = [i for i, m in enumerate(t["measures"]) if row_cut(m, pages)]
    # rows whose measure is not on one page (cut) are exempt from the pdf field check
    prob = []
    paras = [ws(p) for p in docxread.paragraphs(dx) if ws(p)]
    tl = ws(t["title"])
    if not any(" ".join(paras[i:j]) == tl for i in range(len(paras)) for j in range(i + 1, min(i + 4, len(paras)) + 1)): prob.append("title not consecutive DOCX paragraphs")
    lines = [ws(l) for l in open(os.path.join(D, name + ".txt"), encoding="utf-8").read().split("\n")]
    if not any(" ".join(lines[i:j]) == tl for i in range(len(lines)) for j in range(i + 1, min(i + 4, len(lines)) + 1)): prob.append("title not consecutive TXT lines")
    if squash(tl) not in whole: prob.append("title not in PDF")
    for i, m in enumerate(t["measures"]):
        if not any(row_ok(r, m, {}) for r in drows): prob.append(f"#{i} not one DOCX row")
        if not any(row_ok(r, m, ov.get(str(i), {})) for r in trows): prob.append(f"#{i} not one TXT row")
        if i in cuts: continue
        for f in ("measure", "deadline", "executors", "indicator"):
            v = m[f]
            parts = v.split(" – ") if f == "deadline" else [v]
            if not all(squash(p) in whole for p in parts): prob.append(f"#{i} {f} not in PDF: {v[:50]}")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pg = re.search(r"Pages:\s+(\d+)", info).group(1); prod = re.search(r"Producer:\s+(.*)", info).group(1)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info); land = float(size.group(1)) > float(size.group(2))
    dr = {d["name"]: d for d in json.load(open(os.path.join(D, "draws.json"), encoding="utf-8"))}.get(name)
    if dr:
        if land != (dr["orientation"] == "landscape"): prob.append("orientation differs from draw")
        if dr["cut"] and dr["cut_row"] not in cuts: prob.append(f"drawn cut row #{dr['cut_row']} not cut")
    vm = sum(1 for _ in ov.values())
    print(f"{name}: {len(t['measures'])} measures, {pg} pp., {prod}, cut rows {cuts}, TXT overrides {sum(len(v) for v in ov.values())}, problems {len(prob)}")
    for p in prob: print("   ", p)
    total += len(t["measures"]); problems += len(prob)
print(f"TOTAL {total} measures, {problems} problems")
