# -*- coding: utf-8 -*-
"""(Copied from set 19 = set 18 = set 17; set 20 adds: a manual line break <w:br/> inside a paragraph reads as one space.) Reads a DOCX (zip + XML): body paragraphs and tables. txt() imitates Word's copy of the whole document."""
import zipfile, xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def ptext(p):
    out = []
    for el in p.iter():
        if el.tag == W + "t": out.append(el.text or "")
        elif el.tag == W + "tab": out.append("\t")
        elif el.tag == W + "br" and el.get(W + "type") in (None, "textWrapping"): out.append(" ")
    return "".join(out)

def blocks(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    body = root.find(W + "body")
    for el in body:
        if el.tag == W + "p": yield ("p", ptext(el))
        elif el.tag == W + "tbl":
            rows = []
            for tr in el.findall(W + "tr"):
                cells = []
                for tc in tr.findall(W + "tc"):
                    pr = tc.find(W + "tcPr"); span = 1; vm = None
                    if pr is not None:
                        g = pr.find(W + "gridSpan")
                        if g is not None: span = int(g.get(W + "val"))
                        v = pr.find(W + "vMerge")
                        if v is not None: vm = v.get(W + "val") or "continue"
                    text = " ".join(t for t in (ptext(p) for p in tc.findall(W + "p")) if t.strip() != "" or True).strip()
                    text = " ".join(ptext(p) for p in tc.findall(W + "p") if ptext(p) != "")
                    cells.append({"text": text, "span": span, "vm": vm})
                rows.append(cells)
            yield ("t", rows)

def resolved_rows(path):
    """Table rows with vertically merged cells resolved (continuation gets the first row's text)."""
    out = []
    for kind, b in blocks(path):
        if kind != "t": continue
        above = {}
        for cells in b:
            col = 0; r = []
            for c in cells:
                t = c["text"]
                if c["vm"] == "continue": t = above.get(col, "")
                else: above[col] = t
                r.append(t); col += c["span"]
            out.append(r)
    return out

def txt(path):
    lines = []
    for kind, b in blocks(path):
        if kind == "p":
            if b != "": lines.append(b)
        else:
            for cells in b:
                lines.append("\t".join("" if c["vm"] == "continue" else c["text"] for c in cells))
    return "\n".join(lines) + "\n"

def paragraphs(path):
    return [b for k, b in blocks(path) if k == "p"]
