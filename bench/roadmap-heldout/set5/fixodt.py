#!/usr/bin/env python3
"""Post-fix of LibreOffice's HTML->ODT: the page style's print-orientation says portrait even for a landscape
@page size; set it to landscape when width > height (as a person would via Format > Page). Nothing else changed."""
import sys, zipfile, re, shutil
p = sys.argv[1]; tmp = p + ".tmp"
zin = zipfile.ZipFile(p); zout = zipfile.ZipFile(tmp, "w")
for it in zin.infolist():
    data = zin.read(it.filename)
    if it.filename == "styles.xml":
        s = data.decode()
        def fix(m):
            t = m.group(0)
            w = float(re.search(r'fo:page-width="([\d.]+)in"', t).group(1)); h = float(re.search(r'fo:page-height="([\d.]+)in"', t).group(1))
            return t.replace('print-orientation="portrait"', 'print-orientation="landscape"') if w > h else t
        s = re.sub(r'<style:page-layout-properties[^>]*>', fix, s); data = s.encode()
    zout.writestr(it, data, compress_type=zipfile.ZIP_STORED if it.filename == "mimetype" else zipfile.ZIP_DEFLATED)
zout.close(); shutil.move(tmp, p)
