#!/bin/sh
# Rebuild set 17: gen.py (HTML -> ODT -> DOCX -> PDF, TXT, truth) -> 50 dpi PNG previews -> selfcheck. Sequential (shared machine).
set -e
cd "$(dirname "$0")"
python3 gen.py
rm -f docs/png/*.png
for f in docs/*.pdf; do n=$(basename "$f" .pdf); pdftoppm -r 50 -png "$f" "docs/png/$n"; done
python3 selfcheck.py
