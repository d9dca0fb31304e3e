#!/bin/sh
# Rebuild set 20: gen.py (HTML -> ODT -> DOCX -> PDF, TXT, truth, draws.json) -> 50 dpi PNG previews -> selfcheck. Sequential.
set -e
cd "$(dirname "$0")"
mkdir -p docs/png
rm -f docs/*.html docs/*.docx docs/*.pdf docs/*.txt docs/*.truth.json docs/draws.json docs/png/*.png
python3 gen.py
for f in docs/*.pdf; do n=$(basename "$f" .pdf); pdftoppm -r 50 -png "$f" "docs/png/$n"; done
python3 selfcheck.py
