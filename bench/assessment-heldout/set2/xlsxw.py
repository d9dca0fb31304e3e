"""Minimal hand-written XLSX (SpreadsheetML) writer and reader, stdlib only.

Writer: several sheets, shared strings, merged cells, a few styles (header, 0 / 0.0 / 0.00 number formats, text "@"),
formulas with cached values, numbers stored as text. Fixed zip timestamps -> byte-identical rebuilds.
Reader: returns per sheet {(row, col): Cell} (1-based) and merged ranges.
"""

import re
import zipfile
from xml.sax.saxutils import escape

# styles: 0 default, 1 header (bold, wrap, border, centred), 2 int "0", 3 "0.0", 4 "0.00", 5 text "@", 6 bold text
STYLES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def col_letter(c):
    s = ""
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r, c):
    return f"{col_letter(c)}{r}"


def parse_ref(a):
    m = re.fullmatch(r"([A-Z]+)(\d+)", a)
    c = 0
    for ch in m.group(1):
        c = c * 26 + ord(ch) - 64
    return int(m.group(2)), c


class F:
    """A formula cell with its cached value."""

    def __init__(self, formula, value, style=None):
        self.formula, self.value, self.style = formula, value, style


class T:
    """A number stored as text (string cell, text format)."""

    def __init__(self, text):
        self.text = text


class S:
    """A value with an explicit style."""

    def __init__(self, value, style):
        self.value, self.style = value, style


def _num(v):
    if isinstance(v, int):
        return str(v)
    s = repr(float(v))
    return s[:-2] if s.endswith(".0") else s


def write_xlsx(path, sheets):
    """sheets: list of dicts {name, rows: list[list[value]], merges: ["A1:B2"], widths: {col: w}}.
    A value is None, str, int, float, F, T or S(value, style)."""
    sst, sst_idx = [], {}

    def si(s):
        if s not in sst_idx:
            sst_idx[s] = len(sst)
            sst.append(s)
        return sst_idx[s]

    sheet_xml = []
    n_refs = 0
    for sh in sheets:
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">']
        widths = sh.get("widths") or {}
        if widths:
            out.append("<cols>")
            for c in sorted(widths):
                out.append(f'<col min="{c}" max="{c}" width="{widths[c]}" customWidth="1"/>')
            out.append("</cols>")
        out.append("<sheetData>")
        for ri, row in enumerate(sh["rows"], start=1):
            cells = []
            for ci, v in enumerate(row, start=1):
                if v is None or v == "":
                    continue
                style = None
                if isinstance(v, S):
                    v, style = v.value, v.style
                a = ref(ri, ci)
                if v is None or v == "":
                    cells.append(f'<c r="{a}" s="{style}"/>')  # styled empty cell (e.g. covered by a merge)
                elif isinstance(v, F):
                    st = v.style if v.style is not None else (style or 0)
                    if isinstance(v.value, str):
                        cells.append(f'<c r="{a}" s="{st}" t="str"><f>{escape(v.formula)}</f><v>{escape(v.value)}</v></c>')
                    else:
                        cells.append(f'<c r="{a}" s="{st}"><f>{escape(v.formula)}</f><v>{_num(v.value)}</v></c>')
                    n_refs += 1
                elif isinstance(v, T):
                    cells.append(f'<c r="{a}" s="5" t="s"><v>{si(v.text)}</v></c>')
                elif isinstance(v, str):
                    cells.append(f'<c r="{a}" s="{style or 0}" t="s"><v>{si(v)}</v></c>')
                else:
                    st = style if style is not None else (2 if isinstance(v, int) else 0)
                    cells.append(f'<c r="{a}" s="{st}"><v>{_num(v)}</v></c>')
            out.append(f'<row r="{ri}">{"".join(cells)}</row>')
        out.append("</sheetData>")
        merges = sh.get("merges") or []
        if merges:
            out.append(f'<mergeCells count="{len(merges)}">')
            out.extend(f'<mergeCell ref="{m}"/>' for m in merges)
            out.append("</mergeCells>")
        out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')
        sheet_xml.append("".join(out))

    n = len(sheets)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
          + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join(f'<sheet name="{escape(sh["name"])}" sheetId="{i}" r:id="rId{i}"/>' for i, sh in enumerate(sheets, 1))
          + "</sheets>" + ('<calcPr calcId="191029" fullCalcOnLoad="0"/>' if n_refs else "") + "</workbook>")
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
              + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
              + f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              '</Relationships>')
    sstx = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(sst)}" uniqueCount="{len(sst)}">'
            + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in sst) + "</sst>")

    parts = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
             ("xl/_rels/workbook.xml.rels", wbrels), ("xl/styles.xml", STYLES_XML), ("xl/sharedStrings.xml", sstx)]
    parts += [(f"xl/worksheets/sheet{i}.xml", x) for i, x in enumerate(sheet_xml, 1)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 7, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))


# ---------------------------------------------------------------- reader
import xml.etree.ElementTree as ET  # noqa: E402

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


class Cell:
    def __init__(self, value, kind, formula=None, style=0):
        self.value, self.kind, self.formula, self.style = value, kind, formula, style

    def __repr__(self):
        return f"Cell({self.value!r},{self.kind},{self.formula!r})"


def read_xlsx(path):
    """-> list of (sheet name, {(r, c): Cell}, [merge ranges])"""
    z = zipfile.ZipFile(path)
    sst = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            sst.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = []
    for sh in wb.find("m:sheets", NS):
        rid = sh.get(f"{{{NS['r']}}}id")
        x = ET.fromstring(z.read("xl/" + target[rid]))
        cells = {}
        for c in x.iter(f"{{{NS['m']}}}c"):
            rc = parse_ref(c.get("r"))
            t = c.get("t", "n")
            v = c.find("m:v", NS)
            f = c.find("m:f", NS)
            st = int(c.get("s", "0"))
            if t == "s":
                cells[rc] = Cell(sst[int(v.text)], "s", None, st)
            elif t in ("str", "inlineStr"):
                cells[rc] = Cell(v.text if v is not None else "", "s", f.text if f is not None else None, st)
            else:
                cells[rc] = Cell(float(v.text) if v is not None else None, "n", f.text if f is not None else None, st)
        merges = [m.get("ref") for m in x.iter(f"{{{NS['m']}}}mergeCell")]
        out.append((sh.get("name"), cells, merges))
    return out
