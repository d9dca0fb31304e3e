"""Tiny stdlib XLSX writer/reader (SpreadsheetML written by hand; shared strings, merged cells, number formats)."""

import re
import zipfile
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

FIXED_DT = (2026, 12, 7, 9, 0, 0)


def col_letter(c):  # 1-based
    s = ""
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r, c):
    return f"{col_letter(c)}{r}"


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}  # (r, c) -> (value, style-key)
        self.merges = []
        self.widths = {}

    def set(self, r, c, v, fmt="General", bold=False, border=True, center=False, wrap=False, size=None):
        self.cells[(r, c)] = (v, (fmt, bold, border, center, wrap, size))

    def merge(self, r1, c1, r2, c2):
        self.merges.append((r1, c1, r2, c2))
        # give the covered cells the same border style so the merged box looks right
        _, st = self.cells.get((r1, c1), ("", ("General", False, True, True, True, None)))
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1) and (r, c) not in self.cells:
                    self.cells[(r, c)] = (None, st)


NUMFMT_IDS = {"General": 0, "0": 1, "0.00": 2}


def write_xlsx(path, sheets):
    styles = []  # style keys
    custom_fmts = {}
    strings, sidx = [], {}

    def style_id(key):
        if key not in styles:
            styles.append(key)
        return styles.index(key) + 1  # 0 = default

    def sst(s):
        if s not in sidx:
            sidx[s] = len(strings)
            strings.append(s)
        return sidx[s]

    sheet_xml = []
    for sh in sheets:
        rows = {}
        for (r, c), (v, st) in sh.cells.items():
            rows.setdefault(r, []).append((c, v, st))
        out = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        ]
        if sh.cells:
            maxr = max(r for r, _ in sh.cells)
            maxc = max(c for _, c in sh.cells)
            out.append(f'<dimension ref="A1:{ref(maxr, maxc)}"/>')
        if sh.widths:
            out.append("<cols>")
            for c in sorted(sh.widths):
                out.append(f'<col min="{c}" max="{c}" width="{sh.widths[c]}" customWidth="1"/>')
            out.append("</cols>")
        out.append("<sheetData>")
        for r in sorted(rows):
            out.append(f'<row r="{r}">')
            for c, v, st in sorted(rows[r], key=lambda x: x[0]):
                fmt = st[0]
                if fmt not in NUMFMT_IDS and fmt not in custom_fmts:
                    custom_fmts[fmt] = 164 + len(custom_fmts)
                s = style_id(st)
                a = f'r="{ref(r, c)}" s="{s}"'
                if v is None or v == "":
                    out.append(f"<c {a}/>")
                elif isinstance(v, str):
                    out.append(f'<c {a} t="s"><v>{sst(v)}</v></c>')
                else:
                    out.append(f"<c {a}><v>{v}</v></c>")
            out.append("</row>")
        out.append("</sheetData>")
        if sh.merges:
            out.append(f'<mergeCells count="{len(sh.merges)}">')
            for r1, c1, r2, c2 in sh.merges:
                out.append(f'<mergeCell ref="{ref(r1, c1)}:{ref(r2, c2)}"/>')
            out.append("</mergeCells>")
        out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
        out.append("</worksheet>")
        sheet_xml.append("".join(out))

    # styles.xml
    fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']
    font_ids = {(False, None): 0}
    xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
    for fmt, bold, border, center, wrap, size in styles:
        fk = (bold, size)
        if fk not in font_ids:
            font_ids[fk] = len(fonts)
            fonts.append(
                f'<font>{"<b/>" if bold else ""}<sz val="{size or 11}"/><name val="Calibri"/><family val="2"/></font>'
            )
        nid = NUMFMT_IDS.get(fmt, custom_fmts.get(fmt))
        align = ""
        if center or wrap:
            align = (
                "<alignment"
                + (' horizontal="center" vertical="center"' if center else "")
                + (' wrapText="1"' if wrap else "")
                + "/>"
            )
        anf = ' applyNumberFormat="1"' if nid else ""
        tail = ' applyAlignment="1">' + align + "</xf>" if align else "/>"
        xfs.append(
            f'<xf numFmtId="{nid}" fontId="{font_ids[fk]}" fillId="0" borderId="{1 if border else 0}" xfId="0"'
            f'{anf} applyFont="1" applyBorder="1"{tail}'
        )
    numfmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{escape(f)}"/>' for f, i in custom_fmts.items())
    thin = '<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>'
    styles_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + (f'<numFmts count="{len(custom_fmts)}">{numfmts}</numFmts>' if custom_fmts else "")
        + f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        f'<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>{thin}</border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    sst_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(
            "<si><t" + (' xml:space="preserve"' if s != s.strip() else "") + ">" + escape(s) + "</t></si>"
            for s in strings
        )
        + "</sst>"
    )
    ct = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(len(sheets))
        )
        + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    wb = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        + "".join(
            f'<sheet name="{escape(sh.name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, sh in enumerate(sheets)
        )
        + "</sheets></workbook>"
    )
    n = len(sheets)
    wbrels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(n)
        )
        + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    parts = [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", rels),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", wbrels),
        ("xl/styles.xml", styles_xml),
        ("xl/sharedStrings.xml", sst_xml),
    ] + [(f"xl/worksheets/sheet{i + 1}.xml", x) for i, x in enumerate(sheet_xml)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, FIXED_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))


# ---------------------------------------------------------------- reader (used by check.py)
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
RNS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _parse_ref(a):
    m = re.match(r"([A-Z]+)(\d+)", a)
    c = 0
    for ch in m.group(1):
        c = c * 26 + ord(ch) - 64
    return int(m.group(2)), c


def read_xlsx(path):
    """Return {sheet name: (cells {(r,c): value}, merges [(r1,c1,r2,c2)])}. Numbers come back as float."""
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for s in wb.find("m:sheets", NS):
        xml = ET.fromstring(z.read("xl/" + target[s.get(RNS)].lstrip("/").removeprefix("xl/")))
        cells = {}
        for c in xml.iter("{%s}c" % NS["m"]):
            t = c.get("t")
            v = c.find("m:v", NS)
            if t == "s":
                val = strings[int(v.text)]
            elif t == "inlineStr":
                val = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
            elif v is None:
                continue
            elif t == "str":
                val = v.text
            else:
                val = float(v.text)
            cells[_parse_ref(c.get("r"))] = val
        merges = []
        mc = xml.find("m:mergeCells", NS)
        if mc is not None:
            for m in mc:
                a, b = m.get("ref").split(":")
                merges.append(_parse_ref(a) + _parse_ref(b))
        out[s.get("name")] = (cells, merges)
    return out
