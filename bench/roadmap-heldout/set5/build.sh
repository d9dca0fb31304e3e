#!/bin/sh
# Set 5 from scratch. Producers: Writer docs via LibreOffice (HTML -> ODT -> DOCX -> PDF); Chromium docs: PDF by
# headless Chromium print from the HTML, DOCX by LibreOffice from the same HTML (as someone "saving the web page as Word").
set -e
cd "$(dirname "$0")"
python3 gen.py
cd docs; mkdir -p odt
for n in q1-verkhnelugsk-two-tables q3-school-ozerki-multiline-exec q5-pribelsky-passport-extra; do
  soffice --headless --infilter="HTML (StarWriter)" --convert-to odt:writer8 --outdir odt $n.html >/dev/null
  python3 ../fixodt.py odt/$n.odt
  soffice --headless --convert-to docx:"MS Word 2007 XML" odt/$n.odt >/dev/null
  soffice --headless --convert-to pdf $n.docx >/dev/null
done
for n in q2-sosnogorsk-financing-chromium q4-kedrovy-narrow-hyphens; do
  soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" $n.html >/dev/null
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=$n.pdf file://$PWD/$n.print.html 2>/dev/null
  python3 ../shy2.py $n
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=$n.pdf file://$PWD/$n.print.html 2>/dev/null
  pdftotext $n.pdf - | grep -c "$(printf '\342\200\220')\$" || true
done
cd .. && python3 selfcheck.py | tail -1
