#!/usr/bin/env python3
"""Second pass for the Chromium print copies. This Chromium has no Russian hyphenation dictionary, so pass 1 prints
NAME.print.html with a soft hyphen at every syllable boundary. Chromium then keeps every U+00AD in the text layer,
which a real `hyphens: auto` print would not. Pass 2 reads which breaks Chromium actually used (fragments ending in
U+2010 at a line end) and keeps the soft hyphens only at those positions; unused break opportunities do not change
the greedy line breaking, so the layout stays the same and the text layer has hyphens only at line ends."""
import re, subprocess, sys
name = sys.argv[1]
txt = subprocess.run(["pdftotext", f"{name}.pdf", "-"], capture_output=True, text=True).stdout
frags = []
lines = txt.split("\n")
for i, ln in enumerate(lines):
    if ln.endswith("\u2010"):
        m = re.search(r"[А-Яа-яЁё\u00ad]+\u2010$", ln)
        if not m: continue
        nxt = next((x for x in lines[i + 1:] if x.strip()), "")
        c = re.match(r"[А-Яа-яЁё\u00ad]*", nxt.strip()).group(0)
        p = m.group(0)[:-1].replace("\u00ad", "")
        frags.append((p, p + c.replace("\u00ad", "")))
h = open(f"{name}.print.html").read()
head, body = h.split("<body>", 1)
words = list(re.finditer(r"[А-Яа-яЁё\u00ad]+", body))
keep = {}; ptr = 0
for p, full in frags:  # match the breaks to the word occurrences in document order (Chromium's text layer is in DOM order)
    for j in range(ptr, len(words)):
        plain = words[j].group(0).replace("\u00ad", "")
        if plain == full and "\u00ad" in words[j].group(0):
            keep.setdefault(j, set()).add(len(p)); ptr = j + 1; break
out = []; last = 0
for j, m in enumerate(words):
    plain = m.group(0).replace("\u00ad", "")
    w = "".join(("\u00ad" if i in keep.get(j, ()) else "") + ch for i, ch in enumerate(plain))
    out.append(body[last:m.start()]); out.append(w); last = m.end()
out.append(body[last:])
open(f"{name}.print.html", "w").write(head + "<body>" + "".join(out))
print(name, "breaks used:", txt.count("\u2010\n"), "matched:", sum(len(v) for v in keep.values()))
