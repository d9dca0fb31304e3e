#!/bin/sh
# Rebuilds set 9 from scratch (python3 stdlib, LibreOffice, ghostscript, poppler-utils).
set -e
cd "$(dirname "$0")"
python3 gen.py
cd docs
rm -rf png; mkdir -p odt png
for n in r4-olkhovka-district-lo-html r5-lesnoozersk-lo-gs; do
  soffice --headless --infilter="HTML (StarWriter)" --convert-to odt:writer8 --outdir odt $n.html >/dev/null
  python3 ../fixodt.py odt/$n.odt
  soffice --headless --convert-to docx:"MS Word 2007 XML" odt/$n.odt >/dev/null
done
for n in r1-krasnoberezhny-delo-order r2-yasnogorsk-school-directum r3-severokamsk-region-praktika r4-olkhovka-district-lo-html r5-lesnoozersk-lo-gs; do
  soffice --headless --convert-to pdf $n.docx >/dev/null
done
# r5: the PDF as re-distilled by a document-management system (ghostscript pdfwrite)
mv r5-lesnoozersk-lo-gs.pdf r5-lesnoozersk-lo-gs.lo.pdf
gs -q -dBATCH -dNOPAUSE -dSAFER -sDEVICE=pdfwrite -dCompatibilityLevel=1.4 -dPDFSETTINGS=/printer \
   -sOutputFile=r5-lesnoozersk-lo-gs.pdf r5-lesnoozersk-lo-gs.lo.pdf
rm -f r5-lesnoozersk-lo-gs.lo.pdf
for f in *.pdf; do pdftoppm -r 50 -png $f png/${f%.pdf}; done
cd ..
python3 selfcheck.py
