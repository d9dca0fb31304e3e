#!/bin/sh
# Rebuild set 15 from scratch: generator (HTML -> ODT -> DOCX via LibreOffice, PDFs, TXT from the DOCX, truth),
# 50 dpi previews, self-check.
set -e
cd "$(dirname "$0")"
rm -rf build docs
python3 gen.py
mkdir -p docs/png
for f in docs/*.pdf; do b=$(basename "$f" .pdf); pdftoppm -r 50 -png "$f" "docs/png/$b"; done
rm -rf build
python3 selfcheck.py
