#!/bin/sh
# Rebuild set 6: data + hand-written XLSX/CSV + html/F5.html, LibreOffice converts F5 (sequentially), then check.
set -e
cd "$(dirname "$0")"
python3 make.py
rm -rf /tmp/as6conv && mkdir -p /tmp/as6conv
soffice -env:UserInstallation=file:///tmp/as6lo --headless --infilter="HTML (StarCalc)" \
  --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir /tmp/as6conv html/F5.html >/dev/null
cp /tmp/as6conv/F5.xlsx "files/Результаты_по_предметам_сводная.xlsx"
python3 check.py
