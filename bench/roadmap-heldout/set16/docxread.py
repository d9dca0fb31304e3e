"""Read a DOCX (zip + ElementTree) the way Word's «copy all» gives it as text. Part of set 16 (synthetic)."""
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _ptext(p):
    out = []
    for el in p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "tab" and el is not p:
            # w:tab inside a run (not a tab stop definition in w:tabs)
            out.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            # a line break -> one space; a page break (LibreOffice writes it into the paragraph before) -> nothing
            out.append("" if el.get(W + "type") == "page" else " ")
        elif el.tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def _para_text(p):
    # skip tab stop definitions in pPr
    ppr = p.find(W + "pPr")
    if ppr is not None:
        tabs = ppr.find(W + "tabs")
        if tabs is not None:
            ppr.remove(tabs)
    return _ptext(p)


def read(path):
    """Blocks: ('p', text) or ('tbl', rows); a row = list of cells {text, paras, vmerge, span};
    vmerge 'cont' cells get 'resolved' = text of the cell they continue."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    blocks = []
    for el in body:
        if el.tag == W + "p":
            blocks.append(("p", _para_text(el)))
        elif el.tag == W + "tbl":
            rows = []
            for tr in el.findall(W + "tr"):
                row = []
                col = 0
                for tc in tr.findall(W + "tc"):
                    tcpr = tc.find(W + "tcPr")
                    span, vm = 1, None
                    if tcpr is not None:
                        gs = tcpr.find(W + "gridSpan")
                        if gs is not None:
                            span = int(gs.get(W + "val"))
                        v = tcpr.find(W + "vMerge")
                        if v is not None:
                            vm = "restart" if v.get(W + "val") == "restart" else "cont"
                    paras = [_para_text(p) for p in tc.findall(W + "p")]
                    row.append({"paras": paras, "text": " ".join(paras), "vmerge": vm, "span": span, "col": col})
                    col += span
                rows.append(row)
            # resolve vMerge by grid column
            for ri, row in enumerate(rows):
                for c in row:
                    c["resolved"] = c["text"]
                    if c["vmerge"] == "cont":
                        for rj in range(ri - 1, -1, -1):
                            up = [x for x in rows[rj] if x["col"] == c["col"]]
                            if up:
                                c["resolved"] = up[0]["resolved"]
                                break
            blocks.append(("tbl", rows))
    return blocks


def to_txt(path):
    lines = []
    for kind, b in read(path):
        if kind == "p":
            lines.append(b)
        else:
            for row in b:
                lines.append("\t".join("" if c["vmerge"] == "cont" else c["text"] for c in row))
    return "\n".join(lines) + "\n"
