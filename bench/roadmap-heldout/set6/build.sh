#!/bin/sh
# Rebuilds set 6 from scratch: DOCX (hand-written WordprocessingML) + truth -> PDF (LibreOffice Writer; w4, w5
# re-distilled with Ghostscript) -> TXT (from the DOCX; w3 in the seeds' convention, using its PDF for page breaks)
# -> PNG previews -> self-check.
set -e
cd "$(dirname "$0")"
python3 gen.py
cd docs
rm -f *.pdf *.txt; rm -rf png
soffice --headless --convert-to pdf *.docx >/dev/null 2>&1
# w6: the PDF is exported from the copy with all tracked changes accepted and comments removed (final/), as an author
# publishing the plan would; the DOCX and TXT are the working copy with the changes still tracked
rm -f w6-krasnoklyuch-revisions.pdf
soffice --headless --convert-to pdf final/w6-krasnoklyuch-revisions.docx >/dev/null 2>&1
for n in w4-berezovskaya-school-passport w5-kovylny-restart-arial; do
  gs -q -sDEVICE=pdfwrite -o $n.gs.pdf $n.pdf && mv $n.gs.pdf $n.pdf
done
for n in w1-ostrogorsk-multilevel w2-zarechensky-order-landscape w4-berezovskaya-school-passport w5-kovylny-restart-arial w6-krasnoklyuch-revisions; do
  python3 ../txtconv.py $n.docx $n.txt
done
# w3: seeds convention; 851 = left page margin (twips), then the table grid (twips) — as in gen.py
python3 ../txtconv.py w3-verkhovskaya-region-levels.docx w3-verkhovskaya-region-levels.txt \
  --seeds w3-verkhovskaya-region-levels.pdf 851 737,2098,3402,1984,1701,2268,2946
mkdir -p png
for f in *.pdf; do pdftoppm -r 50 -png $f png/${f%.pdf}; done
cd ..
python3 selfcheck.py
