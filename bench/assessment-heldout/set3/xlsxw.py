"""Minimal stdlib XLSX writer/reader (SpreadsheetML by hand): inline strings, numbers, merged cells, wrap, formats."""
import re
import zipfile
from xml.sax.saxutils import escape

FIXED = (2026, 12, 7, 0, 0, 0)
# style ids: 0 plain, 1 header (bold, wrap, centre, border), 2 num 0.0, 3 num 0.00, 4 bold title, 5 text cell, 6 bold
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
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
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs></styleSheet>"""


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Sheet:
    def __init__(self, name):
        self.name, self.cells, self.merges = name, {}, []

    def set(self, r, c, v, style=0):
        self.cells[(r, c)] = (v, style)

    def row(self, r, values, style=0, styles=None):
        for c, v in enumerate(values):
            if v is None:
                continue
            self.set(r, c, v, styles[c] if styles else style)

    def merge(self, r1, c1, r2, c2):
        self.merges.append((r1, c1, r2, c2))
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) not in self.cells:
                    self.cells[(r, c)] = ("", self.cells.get((r1, c1), ("", 0))[1])

    def xml(self):
        rows = {}
        for (r, c), v in self.cells.items():
            rows.setdefault(r, []).append((c, v))
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r in sorted(rows):
            out.append(f'<row r="{r + 1}">')
            for c, (v, st) in sorted(rows[r]):
                ref = f"{col_name(c)}{r + 1}"
                if v == "" or v is None:
                    out.append(f'<c r="{ref}" s="{st}"/>')
                elif isinstance(v, str):
                    out.append(f'<c r="{ref}" s="{st}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
                else:
                    out.append(f'<c r="{ref}" s="{st}"><v>{v}</v></c>')
            out.append("</row>")
        out.append("</sheetData>")
        if self.merges:
            out.append(f'<mergeCells count="{len(self.merges)}">')
            for r1, c1, r2, c2 in self.merges:
                out.append(f'<mergeCell ref="{col_name(c1)}{r1 + 1}:{col_name(c2)}{r2 + 1}"/>')
            out.append("</mergeCells>")
        out.append("</worksheet>")
        return "".join(out)


def write_xlsx(path, sheets):
    def add(z, name, data):
        zi = zipfile.ZipInfo(name, FIXED)
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data)

    with zipfile.ZipFile(path, "w") as z:
        ov = "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
        add(z, "[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' + ov + "</Types>")
        add(z, "_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        sh = "".join(f'<sheet name="{escape(s.name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, s in enumerate(sheets))
        add(z, "xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + sh + "</sheets></workbook>")
        rels = "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
        rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        add(z, "xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + "</Relationships>")
        add(z, "xl/styles.xml", STYLES)
        for i, s in enumerate(sheets):
            add(z, f"xl/worksheets/sheet{i + 1}.xml", s.xml())


def read_xlsx(path):
    """Returns [(sheet name, grid dict {(r,c): value}, merges [(r1,c1,r2,c2)], text cells set)] — independent parse."""
    import xml.etree.ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    out = []
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        names = [s.get("name") for s in wb.find("m:sheets", ns)]
        for i, name in enumerate(names):
            root = ET.fromstring(z.read(f"xl/worksheets/sheet{i + 1}.xml"))
            grid, texts = {}, set()
            for c in root.iter("{%s}c" % ns["m"]):
                m = re.match(r"([A-Z]+)(\d+)", c.get("r"))
                col = 0
                for ch in m.group(1):
                    col = col * 26 + ord(ch) - 64
                key = (int(m.group(2)) - 1, col - 1)
                if c.get("t") == "inlineStr":
                    grid[key] = "".join(t.text or "" for t in c.iter("{%s}t" % ns["m"]))
                    texts.add(key)
                else:
                    v = c.find("m:v", ns)
                    if v is not None:
                        f = float(v.text)
                        grid[key] = int(f) if f == int(f) else f
            merges = []
            for mc in root.iter("{%s}mergeCell" % ns["m"]):
                a, b = mc.get("ref").split(":")
                def rc(x):
                    m = re.match(r"([A-Z]+)(\d+)", x)
                    col = 0
                    for ch in m.group(1):
                        col = col * 26 + ord(ch) - 64
                    return int(m.group(2)) - 1, col - 1
                merges.append(rc(a) + rc(b))
            out.append((name, grid, merges, texts))
    return out
