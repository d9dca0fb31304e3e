#!/usr/bin/env python3
"""LibreOffice's HTML import keeps style:print-orientation="portrait" for a landscape @page size; set it to landscape
when the page is wider than high. Nothing else is touched."""
import sys, zipfile, re, shutil, os
p = sys.argv[1]; tmp = p + ".tmp"
with zipfile.ZipFile(p) as zi, zipfile.ZipFile(tmp, "w") as zo:
    for it in zi.infolist():
        data = zi.read(it.filename)
        if it.filename == "styles.xml":
            s = data.decode("utf-8")
            def fix(m):
                t = m.group(0)
                w = re.search(r'fo:page-width="([\d.]+)cm"', t); h = re.search(r'fo:page-height="([\d.]+)cm"', t)
                if w and h and float(w.group(1)) > float(h.group(1)):
                    t = t.replace('style:print-orientation="portrait"', 'style:print-orientation="landscape"')
                return t
            s = re.sub(r'<style:page-layout-properties[^>]*>', fix, s); data = s.encode("utf-8")
        zo.writestr(it, data)
shutil.move(tmp, p)
