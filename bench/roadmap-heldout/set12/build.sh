#!/bin/sh
# Rebuild set 12 from scratch: DOCX/TXT/truth/HTML (gen.py), PDFs (LibreOffice for the DOCX; Chromium for g2's HTML export), PNG previews, self-check.
set -e
cd "$(dirname "$0")"
python3 gen.py
cd docs
for n in r1-sukhorechensk-r7-tasks r2-klyuchevskaya-onlyoffice-school g1-belovodsk-gdocs-directions m1-verkhnekamsk-myoffice-measure-late; do
  soffice --headless --convert-to pdf --outdir . "$n.docx" >/dev/null 2>&1
done
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf=g2-kamyshinka-gdocs-html-school.pdf "file://$PWD/html/g2-kamyshinka-gdocs-html-school.html" >/dev/null 2>&1
mkdir -p png && rm -f png/*.png
for f in *.pdf; do pdftoppm -r 50 -png "$f" "png/${f%.pdf}"; done
cd ..
[ -f selfcheck.py ] && python3 selfcheck.py
