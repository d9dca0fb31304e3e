#!/bin/sh
# Rebuilds set 8 from scratch. gen.py writes TXT/DOCX/truth (+ HTML for the Chromium document) and renders every PDF
# itself (LibreOffice from the DOCX, Chromium for s2), choosing per document the page-capacity factor at which the
# row model's page breaks are the PDF's real page breaks (see README). Then PNG previews and the self-check.
set -e
cd "$(dirname "$0")"
python3 gen.py --calibrate
mkdir -p docs/png && rm -f docs/png/*.png
for f in docs/*.pdf; do b=$(basename "$f" .pdf); pdftoppm -r 50 -png "$f" "docs/png/$b"; done
python3 selfcheck.py
