#!/bin/sh
# Rebuild set 16 (synthetic): gen.py (HTML -> ODT -> DOCX -> PDF, TXT, truth, draws.json),
# 50 dpi previews, self-check. LibreOffice runs sequentially with a private profile (/tmp/set16lo).
set -e
cd "$(dirname "$0")"
python3 gen.py
rm -f docs/png/*.png
mkdir -p docs/png
for f in docs/*.pdf; do
  n=$(basename "$f" .pdf)
  pdftoppm -r 50 -png "$f" "docs/png/$n"
done
python3 selfcheck.py
