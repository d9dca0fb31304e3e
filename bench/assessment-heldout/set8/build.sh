#!/bin/sh
# Rebuild set 8: draw + data + CSV + hand-written XLSX + HTML, then LibreOffice HTML → XLSX (file 4, private profile), then check.
set -e
cd "$(dirname "$0")"
python3 make.py
rm -rf /tmp/as8out && mkdir -p /tmp/as8out
soffice -env:UserInstallation=file:///tmp/as8lo --headless --infilter="HTML (StarCalc)" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir /tmp/as8out html/F4.html >/dev/null 2>&1
mv /tmp/as8out/F4.xlsx "files/ВПР_2026_русский_язык_5_класс_статистика.xlsx"
[ -f check.py ] && python3 check.py || true
