#!/bin/sh
# Rebuild set 5: generate, convert the HTML tables to XLSX with LibreOffice, write files.json, check.
set -e
cd "$(dirname "$0")"
python3 make.py
P=/tmp/as5lo.$$
soffice -env:UserInstallation=file://$P/profile --headless --infilter="HTML (StarCalc)" \
  --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir $P/out html/F1.html html/F2.html html/F3.html html/F5.html >/dev/null 2>&1
python3 - "$P/out" <<'PY'
import json, shutil, sys
F = json.load(open('files.json.tmp'))
for f in F:
    src = f.pop('src', None)
    if src: shutil.copy(f"{sys.argv[1]}/{src}.xlsx", 'files/' + f['file'])
json.dump(F, open('files.json', 'w'), ensure_ascii=False, indent=2)
PY
rm -rf "$P" files.json.tmp
python3 check.py
