#!/bin/sh
# Rebuild set 9: draw + data + CSV + hand-written XLSX + HTML, then LibreOffice HTML → XLSX (files 3 and 4, private profile), then check.
set -e
cd "$(dirname "$0")"
python3 make.py
rm -rf /tmp/as9out && mkdir -p /tmp/as9out
soffice -env:UserInstallation=file:///tmp/as9lo --headless --infilter="HTML (StarCalc)" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir /tmp/as9out html/F3.html html/F4.html >/dev/null 2>&1
mv /tmp/as9out/F3.xlsx "files/Свод_по_ОО_форма_2.xlsx"
mv /tmp/as9out/F4.xlsx "files/ЕГЭ-2026_химия_биология_по_ОО.xlsx"
[ -f check.py ] && python3 check.py || true
