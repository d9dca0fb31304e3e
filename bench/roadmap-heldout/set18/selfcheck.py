# -*- coding: utf-8 -*-
"""Self-check of set 18 without the importer: every truth field against the HTML table, DOCX rows, TXT rows, PDF text;
drawn patterns (page cut, orientation, second table, column-number row, footnote marker, empty rows)."""
import json, os, re, subprocess, sys
from html.parser import HTMLParser
import docxread
from gen import squash, page_texts, row_cut, spread_pages

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "docs")
DRAWS = json.load(open(os.path.join(D, "draws.json"), encoding="utf-8"))


def ws(s): return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


class Tables(HTMLParser):
    """All tables: rows of cells {paras, colspan, rowspan, head}."""
    def __init__(self):
        super().__init__(); self.tables = []; self.cell = None; self.head = False
    def handle_starttag(self, tag, at):
        at = dict(at)
        if tag == "table": self.tables.append([])
        elif tag == "thead": self.head = True
        elif tag == "tbody": self.head = False
        elif tag == "tr": self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = {"paras": [""], "colspan": int(at.get("colspan", 1)), "rowspan": int(at.get("rowspan", 1)), "head": self.head}
            self.tables[-1][-1].append(self.cell)
        elif tag == "p" and self.cell is not None: self.cell["paras"].append("")
    def handle_endtag(self, tag):
        if tag in ("td", "th"): self.cell = None
    def handle_data(self, d):
        if self.cell is not None: self.cell["paras"][-1] += d

def html_grid(rows):
    """Grid rows with rowspans resolved (text copied down) and colspans marked; returns [(head, [texts], single_span)]."""
    out = []; pending = {}
    for cells in rows:
        r = []; col = 0; it = iter(cells); single = len(cells) == 1 and cells[0]["colspan"] > 1
        while True:
            if col in pending:
                t, left = pending[col]; r.append(t)
                if left - 1 > 0: pending[col] = (t, left - 1)
                else: del pending[col]
                col += 1; continue
            c = next(it, None)
            if c is None: break
            t = ws(" ".join(ws(p) for p in c["paras"] if ws(p)))
            for k in range(c["colspan"]):
                r.append(t)
                if c["rowspan"] > 1: pending[col] = (t, c["rowspan"] - 1)
                col += 1
        out.append((cells[0]["head"] if cells else False, r, single))
    return out

def leaves(a):
    out = []
    for c in a["cols"]:
        if c == "deadline" and a["two_part"]: out += ["start", "end"]
        else: out.append(c)
    return out

def strip_num(s): return re.sub(r"^\d+(\.\d+)*[.)]\s+", "", s)


def check(a):
    name = a["name"]; P = []
    truth = json.load(open(os.path.join(D, name + ".truth.json"), encoding="utf-8"))
    ms = truth["measures"]; ov = truth.get("overrides", {}).get("txt", {})
    L = leaves(a); ix = {c: i for i, c in enumerate(L)}
    # ---- HTML ----
    p = Tables(); p.feed(open(os.path.join(D, name + ".html"), encoding="utf-8").read())
    grid = html_grid(p.tables[0])
    body = [(r, single) for head, r, single in grid if not head]
    mrows = [r for r, single in body if not single and any(r[i] for c, i in ix.items() if c not in ("num", "measure"))]
    if len(mrows) != len(ms): P.append(f"HTML: {len(mrows)} measure rows, truth {len(ms)}")
    for k, (r, m) in enumerate(zip(mrows, ms)):
        got = {"measure": strip_num(r[ix["measure"]]) if a["numbering"] == "typed" else r[ix["measure"]],
               "deadline": (r[ix["start"]] + " – " + r[ix["end"]]) if a["two_part"] else r[ix["deadline"]],
               "executors": r[ix["executors"]], "indicator": r[ix["indicator"]]}
        for f in got:
            if got[f] != m[f]: P.append(f"HTML #{k} {f}: {got[f]!r} != {m[f]!r}")
    if len(p.tables) != 1 + (1 if a["second_table"] else 0): P.append(f"HTML: {len(p.tables)} tables")
    # ---- DOCX ----
    docx = os.path.join(D, name + ".docx")
    rows = [[ws(c) for c in r] for r in docxread.resolved_rows(docx)]
    def find_row(rows, start, m, skip=()):
        for j in range(start, len(rows)):
            r = rows[j]; cells = set(r); cells |= {strip_num(c) for c in r}
            if m["measure"] not in cells: continue
            ok = True
            for f in ("deadline", "executors", "indicator"):
                if f in skip: continue
                v = m[f]
                if f == "deadline" and a["two_part"]:
                    s, e = v.split(" – ")
                    ok &= any(r[q] == s and r[q + 1] == e for q in range(len(r) - 1))
                else: ok &= v in cells
            if ok: return j
        return None
    ptr = 0
    for k, m in enumerate(ms):
        j = find_row(rows, ptr, m)
        if j is None: P.append(f"DOCX #{k}: row not found ({m['measure'][:40]})")
        else: ptr = j + 1
    paras = [ws(x) for x in docxread.paragraphs(docx)]
    if not any(" ".join(paras[i:i + n]) == truth["title"] for i in range(len(paras)) for n in (1, 2, 3)): P.append("DOCX: title not found")
    # ---- TXT ----
    lines = open(os.path.join(D, name + ".txt"), encoding="utf-8").read().split("\n")
    trows = [[ws(c) for c in l.split("\t")] for l in lines]
    ptr = 0
    for k, m in enumerate(ms):
        skip = tuple(ov.get(str(k), {}).keys())
        j = find_row(trows, ptr, m, skip)
        if j is None: P.append(f"TXT #{k}: row not found"); continue
        ptr = j + 1
        for f in skip:
            if m[f] in trows[j] and not (a["two_part"] and f == "deadline"): P.append(f"TXT #{k}: overridden {f} present")
            if a["two_part"] and f == "deadline" and " – ".join(trows[j]).find(m[f]) != -1: P.append(f"TXT #{k}: overridden deadline present")
    tl = [ws(l) for l in lines]
    if not any(" ".join(tl[i:i + n]) == truth["title"] for i in range(len(tl)) for n in (1, 2, 3)): P.append("TXT: title not found")
    # ---- PDF ----
    pdf = os.path.join(D, name + ".pdf")
    pages = page_texts(pdf); whole = "".join(pages)
    for k, m in enumerate(ms):
        miss = [w for w in re.split(r"[^\w]+", m["measure"]) if len(w) > 2 and squash(w) not in whole]
        if miss: P.append(f"PDF #{k}: measure words missing {miss[:5]}")
        for f in ("deadline", "executors", "indicator"):
            for part in (m[f].split(" – ") if (f == "deadline" and a["two_part"]) else [m[f]]):
                if spread_pages(part, pages) is None: P.append(f"PDF #{k}: {f} not found ({part[:40]})")
    cuts = [k for k, m in enumerate(ms) if row_cut(m, pages)]
    if a["cut_row"] is not None and a["cut_row"] not in cuts: P.append(f"PDF: drawn cut row {a['cut_row']} not cut (cut: {cuts})")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], capture_output=True, text=True).stdout
    sizes = [tuple(float(x) for x in re.findall(r"size:\s+([\d.]+) x ([\d.]+)", l)[0]) for l in info.splitlines() if re.match(r"Page\s+\d+ size", l)]
    orient = ["landscape" if w > h else "portrait" for w, h in sizes]
    if a["land_table"]:
        if orient[0] != "portrait" and a["before"] == "order" or "landscape" not in orient: P.append(f"PDF orientation {orient}")
    elif set(orient) != {a["orientation"]}: P.append(f"PDF orientation {orient}")
    # ---- drawn patterns visible in the TXT ----
    txt = "\n".join(lines)
    if a["colnum_row"] and "\t".join(str(i + 1) for i in range(len(L))) not in txt: P.append("TXT: column-number row missing")
    if a["second_table"] == "familiarization" and "ФИО\tДолжность\tПодпись\tДата" not in txt: P.append("TXT: familiarization table missing")
    if a["second_table"] == "targets" and "Показатель\t2025 (факт)\t2026\t2027" not in txt: P.append("TXT: targets table missing")
    if a["empty_rows"] and "\t" * (len(L) - 1) + "\n" not in txt: P.append("TXT: empty row missing")
    if a["footnote"]:
        h = a["hdr"]["group"] if (a["footnote"]["col"] == "deadline" and a["two_part"] and a["two_part_header"] == "grouped") else \
            (a["hdr"]["start"] if a["footnote"]["col"] == "deadline" and a["two_part"] else a["hdr"][a["footnote"]["col"]])
        mk = "*" if a["footnote"]["mark"] == "*" else "1"
        if (h + mk) not in txt: P.append(f"TXT: footnote marker missing ({h + mk})")
    return len(ms), cuts, orient, P


if __name__ == "__main__":
    total = 0; bad = 0
    for a in DRAWS:
        n, cuts, orient, P = check(a)
        total += n; bad += len(P)
        print(f"{a['name']}: {n} measures, cut rows {cuts} (drawn {a['cut_row']}), pages {len(orient)} {'/'.join(sorted(set(orient)))}, problems {len(P)}")
        for x in P: print("   ", x)
    print(f"TOTAL {total} measures, {bad} problems")
    sys.exit(1 if bad else 0)
