#!/usr/bin/env python3
"""Post-process the ODT that LibreOffice made from the HTML, as a person would in Writer before saving as DOCX:
page orientation (Формат → Страница) and the table's column widths (the HTML import ignores the <col> percentages).
usage: odtfix.py FILE.odt portrait|landscape W1,W2,... (percent)"""
import sys, re, zipfile, shutil, os
odt, orient, widths = sys.argv[1], sys.argv[2], [float(x) for x in sys.argv[3].split(',')]
if orient == "landscape":
    pw, ph, ml, mr, mt, mb = 29.7, 21.0, 1.5, 1.5, 1.5, 1.2
else:
    pw, ph, ml, mr, mt, mb = 21.0, 29.7, 2.0, 1.0, 1.5, 1.5
tw = pw - ml - mr
tot = sum(widths)
cols = [round(tw * w / tot, 3) for w in widths]
zin = zipfile.ZipFile(odt); tmp = odt + ".tmp"
zout = zipfile.ZipFile(tmp, "w")
for item in zin.infolist():
    data = zin.read(item.filename)
    if item.filename == "styles.xml":
        s = data.decode()
        def pl(m):
            t = m.group(0)
            for k, v in (("fo:page-width", pw), ("fo:page-height", ph), ("fo:margin-left", ml), ("fo:margin-right", mr), ("fo:margin-top", mt), ("fo:margin-bottom", mb)):
                t = re.sub(k + r'="[^"]*"', '%s="%.3fcm"' % (k, v), t)
            return re.sub(r'style:print-orientation="[^"]*"', 'style:print-orientation="%s"' % orient, t)
        s = re.sub(r'<style:page-layout-properties[^>]*>', pl, s)
        data = s.encode()
    elif item.filename == "content.xml":
        s = data.decode()
        s = re.sub(r'(<style:style style:name="Table1" style:family="table"><style:table-properties) [^>]*?(/?>)',
                   lambda m: m.group(1) + ' style:width="%.3fcm" table:align="left"' % tw + m.group(2), s, count=1)
        for i, c in enumerate(cols):
            L = chr(ord('A') + i)
            s = re.sub(r'(<style:style style:name="Table1\.%s" style:family="table-column"><style:table-column-properties) [^>]*?(/>)' % L,
                       lambda m: m.group(1) + ' style:column-width="%.3fcm"' % c + m.group(2), s, count=1)
        data = s.encode()
    zout.writestr(item, data)
zout.close(); zin.close(); shutil.move(tmp, odt)
