#!/bin/sh
# Rebuild set 14 from scratch. Needs python3, LibreOffice (soffice), Chromium, poppler-utils.
set -e
cd "$(dirname "$0")"
python3 gen.py
cd docs
W=$(mktemp -d)
for f in *.html; do
  n=${f%.html}
  # HTML -> ODT (Writer, not Writer/Web) -> DOCX
  soffice --headless -env:UserInstallation=file://$W/u --infilter="HTML (StarWriter)" --convert-to odt --outdir $W "$f" >/dev/null
  python3 ../odtfix.py "$W/$n.odt" $(cat "$n.page")
  soffice --headless -env:UserInstallation=file://$W/u --convert-to docx:"MS Word 2007 XML" --outdir . "$W/$n.odt" >/dev/null
  case "$n" in
    *chromium) chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$PWD/$n.pdf" "file://$PWD/$f" 2>/dev/null ;;
    *) soffice --headless -env:UserInstallation=file://$W/u --convert-to pdf --outdir . "$n.docx" >/dev/null ;;
  esac
done
rm -rf "$W"
mkdir -p png && rm -f png/*.png
for p in *.pdf; do pdftoppm -r 50 -png "$p" "png/${p%.pdf}"; done
cd ..
[ -f selfcheck.py ] && python3 selfcheck.py || true
