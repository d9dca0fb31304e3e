#!/bin/sh
# Rebuild set 11 from scratch. LibreOffice 7.4, Chromium 156, GPL Ghostscript 10.00, poppler-utils.
set -e
cd "$(dirname "$0")"
python3 gen.py
cd docs
mkdir -p odt png tmp
SO="soffice -env:UserInstallation=file:///tmp/s11_lo_profile --headless"
# HTML -> ODT -> DOCX (LibreOffice Writer's HTML import) for u1, u2, u4, u5
for n in u1-sevrechensk-two-row-header u2-kamyshlovka-project-watermark u4-school-ryabinovka-tagged u5-belozerye-rowspan-pagehdr u6-gorodishche-word-html-chromium; do
  $SO --infilter="HTML (StarWriter)" --convert-to odt:writer8 --outdir odt $n.html >/dev/null
  $SO --convert-to docx:"MS Word 2007 XML" --outdir . odt/$n.odt >/dev/null
done
python3 ../fixdocx.py u1-sevrechensk-two-row-header.docx portrait 8,42,20,13,17
python3 ../fixdocx.py u2-kamyshlovka-project-watermark.docx portrait 5,34,16,12,21,12
python3 ../fixdocx.py u4-school-ryabinovka-tagged.docx portrait 5,32,12,15,20,16
python3 ../fixdocx.py u5-belozerye-rowspan-pagehdr.docx landscape 7,40,18,22,13
python3 ../fixdocx.py u6-gorodishche-word-html-chromium.docx landscape 46,262,125,160,92
# u1: PDF/A-2b from the DOCX
$SO --convert-to 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}' --outdir . u1-sevrechensk-two-row-header.docx >/dev/null
# u4: tagged PDF from the DOCX (page number «– N –» in the page header)
$SO --convert-to 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' --outdir . u4-school-ryabinovka-tagged.docx >/dev/null
# u2, u5: Chromium print of the HTML (watermark / CSS page header)
for n in u2-kamyshlovka-project-watermark u5-belozerye-rowspan-pagehdr u6-gorodishche-word-html-chromium; do
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=$n.pdf "file://$PWD/$n.print.html" 2>/dev/null
done
# u3: hand-written DOCX -> Writer PDF -> re-written by ghostscript
$SO --convert-to pdf --outdir tmp u3-lipovets-word-footnote-total.docx >/dev/null
gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -dPDFSETTINGS=/printer -dCompatibilityLevel=1.5 -sOutputFile=u3-lipovets-word-footnote-total.pdf tmp/u3-lipovets-word-footnote-total.pdf
rm -rf tmp
rm -f png/*.png
for f in *.pdf; do pdftoppm -r 50 -png "$f" "png/${f%.pdf}"; done
cd ..
python3 selfcheck.py
