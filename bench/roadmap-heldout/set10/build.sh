#!/bin/sh
# Rebuild set 10 from scratch. Needs /usr/bin/python3 with python3-openpyxl (Debian), LibreOffice 7.4, poppler-utils.
set -e
cd "$(dirname "$0")"
PROFILE="-env:UserInstallation=file:///tmp/s10_lo_profile"
/usr/bin/python3 gen.py
cd docs
# PDF: every workbook printed by LibreOffice Calc (print area, rows/columns to repeat, fit to width, footer)
soffice $PROFILE --headless --convert-to pdf *.xlsx >/dev/null 2>&1
# DOCX of x2, x3: «LibreOffice converting the sheet» - Calc's HTML export, opened by Writer, saved as Word 2007
mkdir -p lo-html
for n in x2-olkhovatsky-unicode-text x3-zaozerny-wide-csv x6-ryabinovsky-direction-column; do
  soffice $PROFILE --headless --convert-to html --outdir lo-html $n.xlsx >/dev/null 2>&1
  soffice $PROFILE --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' lo-html/$n.html >/dev/null 2>&1
done
# previews
rm -rf png && mkdir png
for f in *.pdf; do pdftoppm -r 50 -png "$f" "png/${f%.pdf}"; done
cd ..
/usr/bin/python3 selfcheck.py
