#!/bin/sh
# Rebuild set 7: data + CSV + HTML, then LibreOffice HTML → XLSX (sequential, private profile), then check.
set -e
cd "$(dirname "$0")"
python3 make.py
for pair in "F1:ВПР_2026_8_класс_русский_математика_проценты" "F3:ВПР_2026_математика_7_соответствие_журналу_по_классам" "F5:НИКО_2025_литература_6_и_8_классы"; do
  src=${pair%%:*}; dst=${pair#*:}
  rm -rf /tmp/as7out && mkdir -p /tmp/as7out
  soffice -env:UserInstallation=file:///tmp/as6lo --headless --infilter="HTML (StarCalc)" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir /tmp/as7out "html/$src.html" >/dev/null 2>&1
  mv "/tmp/as7out/$src.xlsx" "files/$dst.xlsx"
done
[ -f check.py ] && python3 check.py || true
