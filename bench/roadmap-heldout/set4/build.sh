#!/bin/sh
# Builds held-out set 4 from scratch (see README.md). Needs python3, node (+ `npm install` for docx), soffice, chromium.
set -e
cd "$(dirname "$0")"
export HOME=${HOME:-/tmp}
python3 gen.py                                   # truth, txt, model.json; k3/k4 html; k2/k6 odt
node gen-docx.mjs k1-tavrichansk-docxjs k3-gornoozersk-chromium k5-school-rassvet-docxjs   # docx npm package
cd docs
# ODT (written directly) -> PDF and DOCX by LibreOffice Writer
soffice --headless --convert-to pdf k2-pribrezhny-odt-split.odt k6-lesnogorsk-odt-landscape.odt
soffice --headless --convert-to docx:"MS Word 2007 XML" k2-pribrezhny-odt-split.odt k6-lesnogorsk-odt-landscape.odt
# HTML -> Writer (HTML import) -> DOCX -> PDF
soffice --headless --convert-to docx:"MS Word 2007 XML" k4-medvezhye-writer-flat.html
soffice --headless --convert-to pdf k4-medvezhye-writer-flat.docx
# DOCX from the docx npm package -> PDF by LibreOffice Writer
soffice --headless --convert-to pdf k1-tavrichansk-docxjs.docx k5-school-rassvet-docxjs.docx
# Chromium print (A4 landscape from @page)
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=k3-gornoozersk-chromium.pdf "file://$PWD/k3-gornoozersk-chromium.html"
cd ..
python3 selfcheck.py
