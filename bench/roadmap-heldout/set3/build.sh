#!/bin/sh
# Rebuild the whole set 3 from gen.py / gen-xlsx.mjs (see README.md).
set -e
cd "$(dirname "$0")"
python3 gen.py
node gen-xlsx.mjs
cd docs
# h1, h2: PDF printed by Chromium headless from the HTML (h1 without, h2 with the browser's header/footer)
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf=h1-verkhnekamsk-chromium.pdf "file://$PWD/h1-verkhnekamsk-chromium.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu \
  --print-to-pdf=h2-licey4-severodolsk-chromium.pdf "file://$PWD/h2-licey4-severodolsk-chromium.html" 2>/dev/null
# h3: PDF printed by LibreOffice Calc from the XLSX; DOCX = the same table imported into Writer from HTML
soffice --headless --convert-to pdf h3-sosnovoborsk-xlsx.xlsx >/dev/null 2>&1
soffice --headless --convert-to docx:"MS Word 2007 XML" h3-sosnovoborsk-xlsx.html >/dev/null 2>&1
# h4, h5, h6: DOCX (written by gen.py) printed to PDF by LibreOffice Writer
for n in h4-zarechny-landscape9 h5-ozyorsky-tnr12 h6-belorechenskaya-nonum; do
  soffice --headless --convert-to pdf $n.docx >/dev/null 2>&1
done
for f in *.pdf; do echo "$f: $(pdfinfo $f | grep -E '^(Producer|Pages)' | tr -s ' ' | tr '\n' ' ')"; done
