#!/usr/bin/env python3
"""Self-check of set 9 without the importer: every truth field occurs verbatim in the document's DOCX text
(paragraphs / w:br / cell ends -> space) and in its TXT; reports truth words missing from the PDF text layer."""
import json, os, re, subprocess, zipfile, glob, html
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')
def sp(s): return " ".join(s.split())
def docx_text(p):
    z = zipfile.ZipFile(p); x = z.read("word/document.xml").decode("utf-8")
    x = re.sub(r"<w:softHyphen/>", "", x)
    x = re.sub(r"<w:br[^>]*/>|<w:tab/>|</w:p>|</w:tc>", " ", x)
    x = re.sub(r"<[^>]+>", "", x)
    return sp(html.unescape(x))
tot = probs = 0
for tp in sorted(glob.glob(os.path.join(D, "*.truth.json"))):
    name = os.path.basename(tp)[:-11]; t = json.load(open(tp, encoding="utf-8"))
    dx = docx_text(os.path.join(D, name + ".docx"))
    txt = open(os.path.join(D, name + ".txt"), encoding="utf-8").read()
    txt_cells = set()
    for line in txt.splitlines():
        for c in line.split("\t"): txt_cells.add(sp(c))
    txtflat = sp(txt.replace("\t", " "))
    pdf = subprocess.run(["pdftotext", "-layout", os.path.join(D, name + ".pdf"), "-"], capture_output=True, text=True).stdout
    pdfw = set(re.findall(r"\w+", re.sub(r"-\n\s*", "", pdf).lower()))
    ov = t.get("overrides", {}).get("txt", {})
    if sp(t["title"]) not in dx: print(name, "title not in DOCX"); probs += 1
    if sp(t["title"]) not in txtflat: print(name, "title not in TXT"); probs += 1
    miss_pdf = set()
    for i, m in enumerate(t["measures"]):
        tot += 1
        for f in ("measure", "deadline", "executors", "indicator"):
            v = m[f]
            if f == "deadline" and " – " in v and v not in dx:
                if not all(h in dx for h in v.split(" – ")): print(name, i, "deadline halves not in DOCX:", v); probs += 1
            elif v not in dx: print(name, i, f, "not in DOCX:", v); probs += 1
            tv = ov.get(str(i), {}).get(f, v)
            if f == "deadline" and " – " in v and str(i) not in ov:
                # two-column deadline (начало | окончание): both halves must be cells of the TXT
                a, b = v.split(" – ")
                if a not in txt_cells or b not in txt_cells: print(name, i, "deadline halves not in TXT"); probs += 1
            elif f == "deadline" and " – " in v:
                pass
            elif tv and tv not in txt_cells: print(name, i, f, "not a TXT cell:", tv); probs += 1
            for w in re.findall(r"\w+", v.lower()):
                if w not in pdfw: miss_pdf.add(w)
    print(f"{name}: {len(t['measures'])} measures, txt overrides {len(ov)}; PDF text layer lacks {len(miss_pdf)} words"
          + (f": {sorted(miss_pdf)[:12]}" if miss_pdf else ""))
print(f"TOTAL {tot} measures, {probs} problems")
