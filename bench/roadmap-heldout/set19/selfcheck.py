# -*- coding: utf-8 -*-
"""Self-check of set 19 (no importer): truth vs HTML (exact fields), DOCX and TXT (whole cells, in order), PDF (words),
page cuts, drawn patterns. Prints problems and a total."""
import json, os, re, subprocess, sys, zipfile
from html.parser import HTMLParser
import docxread
from gen import spread_pages
from pools import SECTIONS

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docs")
PROBLEMS = []
def bad(name, msg): PROBLEMS.append(f"{name}: {msg}")

def sp(s): return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()
def squash(s): return re.sub(r"[\s\-‐‑‒–—―−\uf0b7•*]+", "", s.replace("«", '"').replace("»", '"'))
def leaf_cols(a):
    out = []
    for c in a["cols"]: out += ["start", "end"] if (c == "deadline" and a["two_part"]) else [c]
    return out
SEC_TITLES = {s[0] for s in SECTIONS}
NUM_RE = re.compile(r"^\d+(\.\d+)*[.)]?$")


class TP(HTMLParser):
    """Tables of the HTML: rows of cells {paras, rs, cs, th, bold}."""
    def __init__(self):
        super().__init__(); self.tables = []; self.cell = None; self.para = None; self.bold = False
    def handle_starttag(self, tag, at):
        at = dict(at)
        if tag == "table": self.tables.append([])
        elif tag == "tr": self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = {"paras": [], "rs": int(at.get("rowspan", 1)), "cs": int(at.get("colspan", 1)), "th": tag == "th", "bold": False}
        elif tag == "p" and self.cell is not None: self.para = ""
        elif tag == "b" and self.cell is not None: self.cell["bold"] = True
    def handle_endtag(self, tag):
        if tag == "p" and self.cell is not None and self.para is not None: self.cell["paras"].append(sp(self.para)); self.para = None
        elif tag in ("td", "th"): self.tables[-1][-1].append(self.cell); self.cell = None
    def handle_data(self, d):
        if self.para is not None: self.para += d


def grid(rows, nc):
    """Resolve rowspans: each row -> list of nc texts (None for a colspan row), plus flags."""
    out = []; carry = {}
    for cells in rows:
        r = [None] * nc; col = 0; it = iter(cells); flags = {"th": False, "colspan": False, "bold_only": False}
        for k in range(nc):
            if k in carry:
                t, left = carry[k]; r[k] = t
                if left <= 1: del carry[k]
                else: carry[k] = (t, left - 1)
        k = 0
        for c in cells:
            while k < nc and r[k] is not None: k += 1
            if k >= nc: break
            t = " ".join(c["paras"])
            flags["th"] |= c["th"]
            if c["cs"] > 1: flags["colspan"] = True
            for j in range(c["cs"]):
                if k + j < nc: r[k + j] = t if j == 0 else ""
            if c["rs"] > 1: carry[k] = (t, c["rs"] - 1)
            k += c["cs"]
        out.append((r, flags, cells))
    return out


def flat(truth):
    """(index label, fields, is_sub) in document order."""
    out = []
    for i, m in enumerate(truth["measures"]):
        out.append((str(i), m, False))
        for j, s in enumerate(m.get("subItems", [])): out.append((f"{i}.{j}", s, True))
    return out


def row_fields(a, r):
    lc = leaf_cols(a); g = dict(zip(lc, r))
    meas = g["measure"]
    if a["numbering"] == "typed": meas = re.sub(r"^\d+\.\s", "", meas)
    dl = f'{g["start"]} – {g["end"]}' if a["two_part"] else g["deadline"]
    if a["two_part"] and not g["start"] and not g["end"]: dl = ""
    return {"measure": meas, "deadline": dl, "executors": g["executors"], "indicator": g["indicator"], "num": g.get("num", "")}


def is_section_row(a, r):
    lc = leaf_cols(a); g = dict(zip(lc, r))
    if g["measure"] in SEC_TITLES and not g["indicator"] and not g["executors"]: return True
    nonempty = [x for x in r if x]
    return len(nonempty) == 1 and any(t in nonempty[0] for t in SEC_TITLES)


def check_html(name, a, truth):
    p = TP(); p.feed(open(os.path.join(D, name + ".html"), encoding="utf-8").read())
    nc = len(leaf_cols(a)); data = []
    if len(p.tables) != a["n_tables"]: bad(name, f"HTML has {len(p.tables)} tables, drawn {a['n_tables']}")
    for t in p.tables:
        for r, fl, cells in grid(t, nc):
            if fl["th"] or fl["colspan"]: continue
            if all(re.fullmatch(r"\d+", x or "") for x in r) and [int(x) for x in r] == list(range(1, nc + 1)): continue
            if is_section_row(a, r): continue
            data.append(r)
    fl_ = flat(truth)
    if len(data) != len(fl_): bad(name, f"HTML data rows {len(data)} != truth rows {len(fl_)}"); return
    for (lab, m, is_sub), r in zip(fl_, data):
        f = row_fields(a, r)
        if a["numbering"] == "hier" and is_sub != bool(re.fullmatch(r"\d+\.\d+\.", f["num"])): bad(name, f"HTML row {lab}: sub-item flag vs «{f['num']}»")
        for k in ("measure", "deadline", "executors", "indicator"):
            if sp(f[k]) != sp(m[k]): bad(name, f"HTML row {lab} {k}: «{f[k]}» != «{m[k]}»")


def match_rows(name, fmt, a, truth, rows, overrides=None):
    """Each truth row has, in order, a row whose cells give exactly its fields (overridden fields: empty)."""
    pos = 0
    for lab, m, is_sub in flat(truth):
        want = dict(m)
        if overrides and not is_sub and lab in overrides: want.update(overrides[lab])
        found = False
        while pos < len(rows):
            r = rows[pos]; pos += 1
            if len(r) != len(leaf_cols(a)): continue
            f = row_fields(a, r)
            if all(sp(f[k]) == sp(want[k]) for k in ("measure", "deadline", "executors", "indicator")): found = True; break
        if not found: bad(name, f"{fmt}: no row for truth {lab} «{m['measure'][:50]}»"); return


def seed_rows(a, text):
    """Rows of a seeds-form TXT; a row after an empty line with an empty «№» cell (not a section row) continues the row above."""
    lc = leaf_cols(a); ni = lc.index("num") if "num" in lc else None
    rows = []; blank = False; joined = 0
    for line in text.split("\n"):
        if line == "": blank = True; continue
        cells = line.split("\t")
        if (ni is not None and blank and rows and len(cells) == len(lc) == len(rows[-1]) and cells[ni] == ""
                and any(cells) and not is_section_row(a, cells)):
            rows[-1] = [sp(x + " " + y) for x, y in zip(rows[-1], cells)]; joined += 1
        else: rows.append(cells)
        blank = False
    return rows, joined


def check_title(name, fmt, lines, title):
    lines = [sp(re.sub(r"\*\*", "", l)) for l in lines]
    for i in range(len(lines)):
        acc = ""
        for j in range(i, min(i + 8, len(lines))):
            if not lines[j]: continue
            acc = sp(acc + " " + lines[j])
            if acc == sp(title): return
            if not sp(title).startswith(acc): break
    bad(name, f"{fmt}: title not found as consecutive paragraphs")


def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    return out.split("\f")


def main():
    draws = json.load(open(os.path.join(D, "draws.json"), encoding="utf-8"))
    total = 0; subs = 0
    for a in draws:
        name = a["name"]
        truth = json.load(open(os.path.join(D, name + ".truth.json"), encoding="utf-8"))
        total += len(truth["measures"]); subs += sum(len(m.get("subItems", [])) for m in truth["measures"])
        if not (15 <= len(truth["measures"]) <= 25): bad(name, f"{len(truth['measures'])} measures")
        check_html(name, a, truth)
        docx = os.path.join(D, name + ".docx")
        match_rows(name, "DOCX", a, truth, docxread.resolved_rows(docx))
        check_title(name, "DOCX", docxread.paragraphs(docx), truth["title"])
        xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
        ntbl = xml.count("<w:tbl>")
        if ntbl != a["n_tables"]: bad(name, f"DOCX has {ntbl} tables, drawn {a['n_tables']}")
        if a["colnum_repeat"] != ("<w:tblHeader/>" in xml): bad(name, "tblHeader presence differs from the draw")
        txt = open(os.path.join(D, name + ".txt"), encoding="utf-8").read()
        ov = truth.get("overrides", {}).get("txt", {})
        if a["seed_txt"]:
            if not txt.startswith("\n\n"): bad(name, "seed TXT does not start with two empty lines")
            if "**" not in txt: bad(name, "seed TXT has no bold paragraphs")
            rows, joined = seed_rows(a, txt)
            if joined != len(a.get("seed_split_rows", [])): bad(name, f"seed TXT: {joined} continuation rows joined, gen split {a.get('seed_split_rows')}")
            match_rows(name, "TXT", a, truth, rows, ov)
            check_title(name, "TXT", [x for l in txt.split("\n") for x in l.split("  \n")], truth["title"])
        else:
            rows = [l.split("\t") for l in txt.split("\n")]
            match_rows(name, "TXT", a, truth, rows, ov)
            check_title(name, "TXT", txt.split("\n"), truth["title"])
        if a["colnum_repeat"] and "\t".join(str(k + 1) for k in range(len(leaf_cols(a)))) not in txt: bad(name, "column-number row missing in TXT")
        if a["marks"] and not re.search(r"\t(выполнено|в работе)(\t|\n)", txt): bad(name, "marks missing in TXT")
        if a["direction"] and a["hdr"]["direction"] not in txt: bad(name, "direction header missing")
        # PDF: words of every measure, other fields on a page or spread over consecutive pages
        pages = page_texts(os.path.join(D, name + ".pdf"))
        whole = squash(" ".join(pages)); sq = [squash(p) for p in pages]
        for lab, m, _ in flat(truth):
            for w in re.findall(r"[А-Яа-яЁёA-Za-z]{3,}", m["measure"]):
                if w not in whole: bad(name, f"PDF: word «{w}» of {lab} missing")
            for k in ("deadline", "executors", "indicator"):
                for part in (m[k].split(" – ") if k == "deadline" else [m[k]]):
                    if part and not spread_pages(part, sq):
                        bad(name, f"PDF: {k} of {lab} not found")
        if a["cut"] and a["cut_row"] not in a["cut_rows_found"]: bad(name, f"drawn cut row {a['cut_row']} not cut")
        info = subprocess.run(["pdfinfo", os.path.join(D, name + ".pdf")], capture_output=True, text=True).stdout
        w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        if (w > h) != (a["orientation"] == "landscape"): bad(name, "page orientation differs from the draw")
        print(f"{name}: {len(truth['measures'])} measures (+{sum(len(m.get('subItems', [])) for m in truth['measures'])} sub-items), "
              f"{len(pages) - 1} pp., cut rows {a['cut_rows_found']}, seed split {a.get('seed_split_rows')}")
    for p in PROBLEMS: print("PROBLEM", p)
    print(f"{total} measures (+{subs} sub-items), {len(PROBLEMS)} problems")
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
