# -*- coding: utf-8 -*-
"""Self-check of set 20 (no importer): truth vs HTML tables, DOCX rows, TXT rows, PDF text, page cuts, orientation, DOCX row properties."""
import json, os, re, subprocess, zipfile
from html.parser import HTMLParser
import docxread
from pools import HEADERS, EXTRAS, HDR_BREAK, NOTE_ROW, FOOTNOTE_TEXT

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docs")
problems = []
def bad(name, msg): problems.append(f"{name}: {msg}")


class T(HTMLParser):
    """HTML tables -> rows of cells {text, rs, cs, bold, th}; cell paragraphs joined by one space, <br> = one space."""
    def __init__(self):
        super().__init__(); self.rows = []; self.cell = None; self.paras = []; self.buf = None; self.paras_out = []
    def handle_starttag(self, tag, at):
        at = dict(at)
        if tag == "tr": self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = {"rs": int(at.get("rowspan", 1)), "cs": int(at.get("colspan", 1)), "th": tag == "th", "paras": [], "bold": False}
        elif tag == "p" and self.cell is not None: self.buf = ""
        elif tag == "br" and self.buf is not None: self.buf += " "
        elif tag == "b" and self.cell is not None: self.cell["bold"] = True
        elif tag == "p": self.buf = ""
    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.cell["text"] = " ".join(self.cell["paras"]); self.rows[-1].append(self.cell); self.cell = None
        elif tag == "p" and self.buf is not None:
            if self.cell is not None: self.cell["paras"].append(self.buf)
            else: self.paras_out.append(self.buf)
            self.buf = None
    def handle_data(self, d):
        if self.buf is not None: self.buf += d


def grid(rows):
    """resolve rowspan/colspan: list of rows, each list of (text, origin_row, cs, bold) per leaf column."""
    out = []; pending = {}
    for ri, r in enumerate(rows):
        line = []; col = 0; it = iter(r)
        while True:
            if col in pending and pending[col][1] > 0:
                t, left, o = pending[col]; pending[col] = (t, left - 1, o); line.append((t, o, 1, False)); col += 1; continue
            c = next(it, None)
            if c is None: break
            for k in range(c["cs"]): line.append((c["text"], ri, c["cs"], c["bold"]))
            if c["rs"] > 1: pending[col] = (c["text"], c["rs"] - 1, ri)
            col += c["cs"]
        while col in pending and pending[col][1] > 0:
            t, left, o = pending[col]; pending[col] = (t, left - 1, o); line.append((t, o, 1, False)); col += 1
        out.append(line)
    return out


def flat(truth):
    out = []
    for m in truth["measures"]:
        out.append(("m", m))
        for s in m.get("subItems", []): out.append(("sub", s))
    return out

def strip_no(s): return re.sub(r"^\d+(\.\d+)*[.)]\s+", "", s)
def squash(s): return re.sub(r"[\s\-‐‑‒–—―−\uf0b7•*]+", "", s.replace("«", '"').replace("»", '"'))


def check_html(name, a, truth):
    p = T(); p.feed(open(os.path.join(D, name + ".html"), encoding="utf-8").read())
    g = grid(p.rows); c = a["columns"]
    hdr = [t for t, *_ in g[0]]
    for x, h in zip(c, hdr):
        want = a["headers"][x].replace("\n", " ")
        if h != want: bad(name, f"HTML header {x}: {h!r} != {want!r}")
    if a.get("hdr_break_role") and "<br>" not in open(os.path.join(D, name + ".html"), encoding="utf-8").read(): bad(name, "no <br> in header")
    got = []
    for r in g[1:]:
        if len(set(o for _, o, _, _ in r)) == 1 and r[0][2] == len(c): continue  # colspan section / note row
        d = dict(zip(c, r))
        ms = d["measure"][0]
        if d["measure"][3] or ms in ("Итого", "Итого:", "Всего по программе:"): continue  # bold section text / total row
        if any(cc[2] > 1 for cc in r): continue
        no = d["num"][0] if "num" in d else ""
        kind = "sub" if a["numbering"] == "hier" and re.fullmatch(r"\d+\.\d+\.", no) else "m"
        dl = f'{d["start"][0]} – {d["end"][0]}' if a["two_part"] else d["deadline"][0]
        meas = strip_no(ms) if a["numbering"] == "typed" else ms
        got.append((kind, {"measure": meas, "deadline": dl, "executors": d["executors"][0], "indicator": d["indicator"][0]}))
    want = [(k, {f: m[f] for f in ("measure", "deadline", "executors", "indicator")}) for k, m in flat(truth)]
    if len(got) != len(want): bad(name, f"HTML rows {len(got)} != truth {len(want)}")
    for i, (x, y) in enumerate(zip(got, want)):
        if x != y: bad(name, f"HTML row {i}: {x} != {y}")
    # title = consecutive paragraphs
    paras = p.paras_out
    tp = truth["title"]
    if not any(" ".join(paras[i:i + a["title_n"]]) == tp for i in range(len(paras))): bad(name, "HTML title not consecutive paragraphs")


def row_matches(cells, m, a, txt=False, ov=None):
    cells = [x.strip() for x in cells]
    meas = [strip_no(x) if a["numbering"] == "typed" else x for x in cells]
    if m["measure"] not in meas: return False
    need = []
    if a["two_part"]: need += m["deadline"].split(" – ") if not (ov and "deadline" in ov) else ["", ""]
    else: need.append("" if ov and "deadline" in ov else m["deadline"])
    need.append("" if ov and "executors" in ov else m["executors"])
    need.append(m["indicator"])
    return all(v in cells for v in need)


def check_rows(name, a, truth, rows, fmt):
    ov = truth.get("overrides", {}).get("txt", {}) if fmt == "TXT" else {}
    k = 0; idx = {id(m): i for i, m in enumerate(truth["measures"])}
    items = flat(truth)
    for kind, m in items:
        o = ov.get(str(idx[id(m)])) if kind == "m" else None
        while k < len(rows) and not row_matches(rows[k], m, a, fmt == "TXT", o): k += 1
        if k == len(rows): bad(name, f"{fmt}: no row for «{m['measure'][:50]}»"); return
        k += 1


def check_pdf(name, a, truth):
    pdf = os.path.join(D, name + ".pdf")
    raw = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    pages = [squash(p) for p in raw.split("\f")]
    whole = squash(raw).lower()
    for kind, m in flat(truth):
        for w in re.findall(r"[\wЁё]{3,}", m["measure"]):
            if w.lower() not in whole: bad(name, f"PDF: word {w!r} of «{m['measure'][:40]}» missing")
        for f in ("deadline", "executors", "indicator"):
            for part in (m[f].split(" – ") if f == "deadline" and a["two_part"] else [m[f]]):
                if not spread(part, pages): bad(name, f"PDF: {f} «{part[:40]}» not found")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    if (w > h) != (a["orientation"] == "landscape"): bad(name, "PDF orientation")
    if a["cut_row"] is not None:
        m = truth["measures"][a["cut_row"]]
        if a["cut_ok"] and not row_cut(m, pages): bad(name, f"PDF: drawn cut row {a['cut_row']} not cut")
    return pages


def longest_prefix(v, page):
    lo, hi = 0, len(v)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if v[:mid] in page: lo = mid
        else: hi = mid - 1
    return lo

def spread(v, pages):
    v = squash(v)
    if not v: return [0]
    for k, p in enumerate(pages):
        if v in p: return [k]
    for k in range(len(pages) - 1):
        rest = v; ks = []; kk = k
        while rest and kk < len(pages):
            L = longest_prefix(rest, pages[kk])
            if L < 3: break
            ks.append(kk); rest = rest[L:]; kk += 1
        if not rest and len(ks) > 1: return ks
    return None

def row_cut(m, pages):
    return any(len(spread(part, pages) or []) > 1 for f in ("measure", "deadline", "executors", "indicator")
               for part in (m[f].split(" – ") if f == "deadline" else [m[f]]))


def check_docx_props(name, a):
    s = zipfile.ZipFile(os.path.join(D, name + ".docx")).read("word/document.xml").decode()
    nh = s.count("<w:tblHeader/>"); nk = s.count("<w:cantSplit/>")
    if nh != (1 if a["hdr_repeat"] else 0): bad(name, f"DOCX tblHeader count {nh}")
    if "rowkeep" in a["new"]:
        if nk < len(a["keep_rows"]): bad(name, f"DOCX cantSplit {nk} < {len(a['keep_rows'])}")
    elif nk: bad(name, "DOCX cantSplit where not drawn")
    if a.get("hdr_break_role") and "<w:br/>" not in s: bad(name, "DOCX: no <w:br/> in header")


def main():
    draws = json.load(open(os.path.join(D, "draws.json"), encoding="utf-8"))
    tot = subs = 0
    for a in draws:
        name = a["name"]
        truth = json.load(open(os.path.join(D, name + ".truth.json"), encoding="utf-8"))
        tot += len(truth["measures"]); subs += sum(len(m.get("subItems", [])) for m in truth["measures"])
        if not truth.get("synthetic"): bad(name, "synthetic flag")
        check_html(name, a, truth)
        docx = os.path.join(D, name + ".docx")
        check_rows(name, a, truth, docxread.resolved_rows(docx), "DOCX")
        paras = docxread.paragraphs(docx)
        if not any(" ".join(paras[i:i + a["title_n"]]) == truth["title"] for i in range(len(paras))): bad(name, "DOCX title")
        txt = open(os.path.join(D, name + ".txt"), encoding="utf-8").read()
        lines = txt.split("\n")
        check_rows(name, a, truth, [l.split("\t") for l in lines], "TXT")
        if not any(" ".join(lines[i:i + a["title_n"]]) == truth["title"] for i in range(len(lines))): bad(name, "TXT title")
        hdr_lines = [l for l in lines if all(a["headers"][x].replace("\n", " ") in l.split("\t") for x in a["columns"])]
        if len(hdr_lines) != 1: bad(name, f"TXT header lines {len(hdr_lines)}")
        if "footnote" in a["new"]:
            if NOTE_ROW not in lines or FOOTNOTE_TEXT not in lines: bad(name, "TXT: footnote / note row")
            if "¹" not in truth["measures"][a["footnote_row"]]["measure"]: bad(name, "footnote mark not in measure")
        if "itogo" in a["new"] and not any(a["itogo_word"] in l.split("\t") and a["itogo_sum"] in l.split("\t") for l in lines): bad(name, "TXT: itogo row")
        check_docx_props(name, a)
        pages = check_pdf(name, a, truth)
        if "rowkeep" in a["new"] and a["pdf"] != "chromium":
            for j in a["keep_rows"]:
                m = truth["measures"][j]
                if row_cut(m, pages) and not any(j in mg["rows"] for mg in a["merges"]): bad(name, f"PDF: cantSplit row {j} cut")
        print(f"{name}: {len(truth['measures'])} measures (+{sum(len(m.get('subItems', [])) for m in truth['measures'])} sub), "
              f"cut row {a['cut_row']} ({'cut' if a['cut_ok'] else 'NOT cut'}), rows cut by pages {a['cut_rows_found']}")
    print(f"total {tot} measures (+{subs} sub-items); problems: {len(problems)}")
    for p in problems: print("  " + p)


if __name__ == "__main__":
    main()
