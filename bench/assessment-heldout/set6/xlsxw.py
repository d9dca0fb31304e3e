"""Minimal hand-written XLSX (SpreadsheetML) writer: inline strings, numbers, merges, hidden rows/cols, several sheets."""
import zipfile
from xml.sax.saxutils import escape

def col_letter(c):  # 1-based
    s = ""
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s

def ref(r, c):
    return f"{col_letter(c)}{r}"

def _sheet_xml(sh):
    cells = sh["cells"]  # {(r,c): value}
    rows = {}
    for (r, c), v in cells.items():
        rows.setdefault(r, {})[c] = v
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">']
    widths = sh.get("widths", {})
    hidden_cols = sh.get("hidden_cols", set())
    allc = sorted(set(widths) | set(hidden_cols))
    if allc:
        out.append("<cols>")
        for c in allc:
            h = ' hidden="1"' if c in hidden_cols else ""
            out.append(f'<col min="{c}" max="{c}" width="{widths.get(c, 12)}" customWidth="1"{h}/>')
        out.append("</cols>")
    out.append("<sheetData>")
    hidden_rows = sh.get("hidden_rows", set())
    for r in sorted(set(rows) | set(hidden_rows)):
        h = ' hidden="1"' if r in hidden_rows else ""
        out.append(f'<row r="{r}"{h}>')
        for c in sorted(rows.get(r, {})):
            v = rows[r][c]
            if v is None or v == "":
                continue
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out.append(f'<c r="{ref(r, c)}"><v>{v}</v></c>')
            else:
                t = escape(str(v))
                sp = ' xml:space="preserve"' if str(v) != str(v).strip() else ""
                out.append(f'<c r="{ref(r, c)}" t="inlineStr"><is><t{sp}>{t}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData>")
    merges = sh.get("merges", [])
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">')
        for m in merges:
            out.append(f'<mergeCell ref="{m}"/>')
        out.append("</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)

def write_xlsx(path, sheets):
    n = len(sheets)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
          + "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join(f'<sheet name="{escape(s["name"])}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1))
          + "</sheets></workbook>")
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
              + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
              "</Relationships>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
              '</styleSheet>')
    parts = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
             ("xl/_rels/workbook.xml.rels", wbrels), ("xl/styles.xml", styles)]
    parts += [(f"xl/worksheets/sheet{i}.xml", _sheet_xml(s)) for i, s in enumerate(sheets, 1)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(2026, 5, 20, 10, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
