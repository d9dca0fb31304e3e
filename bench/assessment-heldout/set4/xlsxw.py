"""Minimal hand-written SpreadsheetML writer for set 4 (stdlib only).

Shared strings, numeric and text cells, a few styles, merged cells, column widths, HIDDEN columns and rows,
an autoFilter with its hidden _FilterDatabase name, and an optional CHARTSHEET (a bar chart with literal data)
placed before the worksheets. Fixed zip timestamps, so a rebuild is byte-identical.
"""
import zipfile
from xml.sax.saxutils import escape

# style ids (cellXfs order below)
S_DEFAULT, S_HEAD, S_TEXT, S_D1, S_D2, S_D3, S_BOLD, S_TITLE, S_INT, S_TEXTB = range(10)

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="0.000"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="13"/><name val="Times New Roman"/><family val="1"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="10">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
<xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>
"""

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def col_letter(c):  # 1-based
    s = ''
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ref(r, c):
    return f'{col_letter(c)}{r}'


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}  # (r, c) -> (value, style, forced_text)
        self.merges = []
        self.widths = {}
        self.hidden_cols = set()
        self.hidden_rows = set()
        self.autofilter = None  # (ref, colId, val)
        self.freeze = None

    def set(self, r, c, v, style=S_DEFAULT):
        self.cells[(r, c)] = (v, style)

    def merge(self, r1, c1, r2, c2):
        self.merges.append(f'{ref(r1, c1)}:{ref(r2, c2)}')

    def xml(self, sst):
        rows = {}
        for (r, c), v in self.cells.items():
            rows.setdefault(r, {})[c] = v
        for r in self.hidden_rows:
            rows.setdefault(r, {})
        out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}>']
        if self.autofilter:
            out.append('<sheetPr filterMode="1"/>')
        maxr = max(rows) if rows else 1
        maxc = max((c for rr in rows.values() for c in rr), default=1)
        out.append(f'<dimension ref="A1:{ref(maxr, maxc)}"/>')
        if self.freeze:
            fr = self.freeze
            out.append(f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{fr - 1}" topLeftCell="A{fr}" '
                       f'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>')
        else:
            out.append('<sheetViews><sheetView workbookViewId="0"/></sheetViews>')
        out.append('<sheetFormatPr defaultRowHeight="15"/>')
        cols = sorted(set(self.widths) | self.hidden_cols)
        if cols:
            out.append('<cols>')
            for c in cols:
                w = self.widths.get(c, 10)
                h = ' hidden="1"' if c in self.hidden_cols else ''
                out.append(f'<col min="{c}" max="{c}" width="{w}" customWidth="1"{h}/>')
            out.append('</cols>')
        out.append('<sheetData>')
        for r in sorted(rows):
            h = ' hidden="1"' if r in self.hidden_rows else ''
            out.append(f'<row r="{r}"{h}>')
            for c in sorted(rows[r]):
                v, st = rows[r][c]
                s = f' s="{st}"' if st else ''
                if v is None or v == '':
                    out.append(f'<c r="{ref(r, c)}"{s}/>')
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    out.append(f'<c r="{ref(r, c)}"{s}><v>{num(v)}</v></c>')
                else:
                    out.append(f'<c r="{ref(r, c)}"{s} t="s"><v>{sst.idx(str(v))}</v></c>')
            out.append('</row>')
        out.append('</sheetData>')
        if self.autofilter:
            rng, colid, val = self.autofilter
            out.append(f'<autoFilter ref="{rng}"><filterColumn colId="{colid}"><customFilters>'
                       f'<customFilter operator="notEqual" val="{escape(val)}"/></customFilters></filterColumn></autoFilter>')
        if self.merges:
            out.append(f'<mergeCells count="{len(self.merges)}">')
            out += [f'<mergeCell ref="{m}"/>' for m in self.merges]
            out.append('</mergeCells>')
        out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
        out.append('</worksheet>')
        return ''.join(out)


def num(v):
    if isinstance(v, int):
        return str(v)
    s = repr(float(v))
    return s[:-2] if s.endswith('.0') else s


class SST:
    def __init__(self):
        self.items, self.map, self.count = [], {}, 0

    def idx(self, s):
        self.count += 1
        if s not in self.map:
            self.map[s] = len(self.items)
            self.items.append(s)
        return self.map[s]

    def xml(self):
        def si(s):
            sp = ' xml:space="preserve"' if s != s.strip() or '\n' in s or '  ' in s else ''
            return f'<si><t{sp}>{escape(s)}</t></si>'
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
                f'spreadsheetml/2006/main" count="{self.count}" uniqueCount="{len(self.items)}">'
                + ''.join(si(s) for s in self.items) + '</sst>')


class Chart:
    """A clustered column chart with literal categories/values (a chartsheet of its own)."""

    def __init__(self, name, title, series_name, cats, vals):
        self.name, self.title, self.series_name, self.cats, self.vals = name, title, series_name, cats, vals

    def chartsheet(self):
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet {NS}><sheetPr/>'
                '<sheetViews><sheetView zoomScale="100" workbookViewId="0" zoomToFit="1"/></sheetViews>'
                '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                '<drawing r:id="rId1"/></chartsheet>')

    def drawing(self):
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
                'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9294091" cy="6003636"/>'
                '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Диаграмма 1"/>'
                '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>'
                '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
                '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
                f'<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="{REL}" r:id="rId1"/>'
                '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>')

    def chart(self):
        n = len(self.cats)
        cats = ''.join(f'<c:pt idx="{i}"><c:v>{escape(c)}</c:v></c:pt>' for i, c in enumerate(self.cats))
        vals = ''.join(f'<c:pt idx="{i}"><c:v>{num(v)}</c:v></c:pt>' for i, v in enumerate(self.vals))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
                f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{REL}">'
                '<c:lang val="ru-RU"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>'
                f'{escape(self.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>'
                '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/>'
                '<c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>'
                f'<c:tx><c:v>{escape(self.series_name)}</c:v></c:tx>'
                '<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>'
                '<c:dLbls><c:numFmt formatCode="0.0" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
                '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
                f'<c:cat><c:strLit><c:ptCount val="{n}"/>{cats}</c:strLit></c:cat>'
                f'<c:val><c:numLit><c:formatCode>0.0</c:formatCode><c:ptCount val="{n}"/>{vals}</c:numLit></c:val>'
                '</c:ser><c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>'
                '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
                '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>'
                '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
                '<c:lblOffset val="100"/></c:catAx><c:valAx><c:axId val="50010002"/><c:scaling>'
                '<c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>'
                '<c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/>'
                '<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>'
                '<c:plotVisOnly val="1"/></c:chart></c:chartSpace>')


def save(path, sheets, chart=None, title='', active=None):
    """sheets: worksheets in order; chart (if any) becomes the FIRST sheet of the book (a chartsheet)."""
    sst = SST()
    entries = []  # (name, kind, target, xml)
    if chart:
        entries.append((chart.name, 'chartsheet', 'chartsheets/sheet1.xml', chart.chartsheet()))
    for i, sh in enumerate(sheets, 1):
        entries.append((sh.name, 'worksheet', f'worksheets/sheet{i}.xml', sh.xml(sst)))
    wb_sheets, wb_rels, defined = [], [], []
    for i, (name, kind, target, _) in enumerate(entries, 1):
        wb_sheets.append(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
        wb_rels.append(f'<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{target}"/>')
    for i, sh in enumerate(sheets):
        if sh.autofilter:
            li = i + (1 if chart else 0)
            a, b = sh.autofilter[0].split(':')
            absr = lambda x: '$' + ''.join(ch for ch in x if ch.isalpha()) + '$' + ''.join(ch for ch in x if ch.isdigit())
            defined.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{li}" hidden="1">'
                           f"'{escape(sh.name)}'!{absr(a)}:{absr(b)}</definedName>")
    n = len(entries)
    wb_rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>')
    wb_rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    act = 0 if active is None else active
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS}>'
                f'<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="{act}"/></bookViews>'
                f'<sheets>{"".join(wb_sheets)}</sheets>'
                + (f'<definedNames>{"".join(defined)}</definedNames>' if defined else '')
                + '<calcPr calcId="191029"/></workbook>')
    ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>']
    for name, kind, target, _ in entries:
        typ = 'chartsheet' if kind == 'chartsheet' else 'worksheet'
        ct.append(f'<Override PartName="/xl/{target}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.{typ}+xml"/>')
    if chart:
        ct.append('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>')
        ct.append('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>')
    ct.append('</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>Синтетические данные (демо)</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-20T09:00:00Z</dcterms:created></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Microsoft Excel</Application></Properties>')
    files = [('[Content_Types].xml', ''.join(ct)), ('_rels/.rels', root_rels), ('docProps/core.xml', core),
             ('docProps/app.xml', app), ('xl/workbook.xml', workbook),
             ('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + ''.join(wb_rels) + '</Relationships>'),
             ('xl/styles.xml', STYLES)]
    for name, kind, target, xml in entries:
        files.append((f'xl/{target}', xml))
    if chart:
        files.append(('xl/chartsheets/_rels/sheet1.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      f'<Relationship Id="rId1" Type="{REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>'))
        files.append(('xl/drawings/drawing1.xml', chart.drawing()))
        files.append(('xl/drawings/_rels/drawing1.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                      f'<Relationship Id="rId1" Type="{REL}/chart" Target="../charts/chart1.xml"/></Relationships>'))
        files.append(('xl/charts/chart1.xml', chart.chart()))
    files.append(('xl/sharedStrings.xml', sst.xml()))
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode('utf-8'))
