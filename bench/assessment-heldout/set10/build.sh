#!/bin/sh
# Rebuild set 10: draw + data + CSV + hand-written XLSX + HTML; make.py itself runs LibreOffice (private profile /tmp/as10lo)
# for HTML → ODS (file 1, sheet renamed afterwards) and HTML → XLSX (file 4); then check.
set -e
cd "$(dirname "$0")"
python3 make.py
python3 check.py
