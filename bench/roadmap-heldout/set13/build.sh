#!/bin/sh
# Rebuild set 13 from scratch. Needs python3, LibreOffice (soffice), ghostscript (gs), poppler-utils.
set -e
cd "$(dirname "$0")"
python3 gen.py                                   # docs/NAME.html + NAME.truth.json
cd docs
soffice --headless --infilter="HTML (StarWriter)" --convert-to odt *.html >/dev/null
cd .. && python3 gen.py patch && cd docs          # page size/orientation/margins into the ODT
soffice --headless --convert-to docx:"MS Word 2007 XML" *.odt >/dev/null
soffice --headless --convert-to pdf *.docx >/dev/null
for n in $(cd .. && python3 gen.py list | awk '$2=="gs"{print $1}'); do
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o "$n.gs.pdf" "$n.pdf" && mv "$n.gs.pdf" "$n.pdf"
done
rm -f *.odt
cd .. && python3 gen.py txt                      # docs/NAME.txt from the DOCX (as copied from Word)
mkdir -p docs/png && rm -f docs/png/*.png
for f in docs/*.pdf; do b=$(basename "$f" .pdf); pdftoppm -r 50 -png "$f" "docs/png/$b"; done
python3 selfcheck.py
