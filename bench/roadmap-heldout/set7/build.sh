#!/bin/sh
# Rebuilds set 7 from scratch. Needs python3, LibreOffice 7.4, Chromium, ghostscript, node + pdfkit in /tmp/s7pdfkit.
set -e
cd "$(dirname "$0")"
python3 gen.py
cd docs
CH="chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer"
for n in r1-ustkamensk-order-3level r2-sosnovka-terms-first r3-verkhovazhsk-tasks-9col-gs r4-pribrezhnoe-pdfkit r5-school-berezki-noborders; do  # r6: no HTML
  soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" $n.html >/dev/null
done
python3 ../fixdocx.py r1-ustkamensk-order-3level.docx --widths 8,38,14,18,22
python3 ../fixdocx.py r2-sosnovka-terms-first.docx --landscape --widths 5,14,39,26,16
python3 ../fixdocx.py r3-verkhovazhsk-tasks-9col-gs.docx --landscape --widths 11,4,22,9,13,15,9,10,7
python3 ../fixdocx.py r4-pribrezhnoe-pdfkit.docx --widths 6,42,13,20,19
python3 ../fixdocx.py r5-school-berezki-noborders.docx --widths 7,35,22,16,20
# Chromium print (r1 portrait, r2 landscape via @page)
for n in r1-ustkamensk-order-3level r2-sosnovka-terms-first; do
  $CH --print-to-pdf=$n.pdf "file://$PWD/$n.print.html" 2>/dev/null
done
# r3: Writer PDF of the DOCX, then re-distilled by ghostscript
mkdir -p tmp
soffice --headless --convert-to pdf --outdir tmp r3-verkhovazhsk-tasks-9col-gs.docx >/dev/null
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dCompatibilityLevel=1.4 -dPDFSETTINGS=/printer \
   -sOutputFile=r3-verkhovazhsk-tasks-9col-gs.pdf tmp/r3-verkhovazhsk-tasks-9col-gs.pdf
rm -rf tmp
# r4: drawn with pdfkit
cd .. && NODE_PATH=/tmp/s7pdfkit/node_modules node gen-pdfkit.mjs r4-pribrezhnoe-pdfkit && cd docs
# r5: Writer PDF of the DOCX
soffice --headless --convert-to pdf r5-school-berezki-noborders.docx >/dev/null
# r6: hand-written OOXML (Word auto-numbered «№» column), Writer PDF of it
cd .. && python3 gen-ooxml.py r6-lugovoe-word-autonum && cd docs
soffice --headless --convert-to pdf r6-lugovoe-word-autonum.docx >/dev/null
cd .. && python3 selfcheck.py
