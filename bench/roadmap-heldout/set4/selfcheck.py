#!/usr/bin/env python3
"""Self-check of set 4 without the importer: every truth field (measure, deadline, executors, indicator, and the
sub-items' fields) must occur in the document's own DOCX text and TXT; in the TXT, on the same table row as its
measure (with overrides.txt applied). Roughly: the words of each truth field must be in the PDF text layer."""
import json, os, re, subprocess, sys, zipfile, glob
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')

def norm(s):
    s = re.sub(r'[«»“”„"]', '"', s or '')
    s = re.sub(r'[‐‑‒–—―−]', '-', s)
    s = re.sub(r'\s*-\s*', '-', s)
    return re.sub(r'\s+', ' ', s).strip()

def docx_text(p):
    x = zipfile.ZipFile(p).read('word/document.xml').decode('utf-8')
    paras = []
    for pm in re.finditer(r'<w:p[ >].*?</w:p>', x, re.S):
        paras.append(''.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', pm.group(0))))
    import html
    return html.unescape(' '.join(paras))

bad = 0; total = 0
for tf in sorted(glob.glob(os.path.join(D, '*.truth.json'))):
    name = os.path.basename(tf)[:-len('.truth.json')]
    t = json.load(open(tf, encoding='utf-8'))
    dx = norm(docx_text(os.path.join(D, name + '.docx')))
    txt = open(os.path.join(D, name + '.txt'), encoding='utf-8').read()
    lines = [l.split('\t') for l in txt.split('\n')]
    pdf = subprocess.run(['pdftotext', os.path.join(D, name + '.pdf'), '-'], capture_output=True, text=True).stdout
    pdfl = pdf.lower()   # substring test: raw pdftotext may glue words of neighbouring cells
    ov = t.get('overrides', {}).get('txt', {})
    errs = []
    if norm(t['title']) not in dx: errs.append('title not in DOCX')
    if norm(t['title']) not in norm(txt.replace('\n', ' ')): errs.append('title not in TXT')
    entries = []
    for i, m in enumerate(t['measures']):
        entries.append((str(i + 1), m, ov.get(str(i), {})))
        for j, s in enumerate(m.get('subItems', [])): entries.append((f'{i + 1}.sub{j + 1}', s, {}))
    for label, m, o in entries:
        total += 1
        for f in ('measure', 'deadline', 'executors', 'indicator'):
            v = m[f]
            if not v: errs.append(f'#{label} {f} empty in truth')
            for part in v.split('; '):   # a split «начало / окончание» deadline is «начало; окончание»
                if norm(part) not in dx: errs.append(f'#{label} {f} not in DOCX: {v[:50]}')
            # pdftotext joins a word hyphenated at a line end («психолого-» + «педагогического»): accept the joined form
            joined = set(re.findall(r'\w+', re.sub(r'(\w)-(\w)', r'\1\2', v.lower())))
            missing = [w for w in re.findall(r'\w+', v.lower()) if w not in pdfl and len(w) > 3
                       and not any(w in j and j in pdfl for j in joined)]
            if missing: errs.append(f'#{label} {f} words not in PDF text: {missing[:4]}')
        # TXT: the row whose measure cell equals the measure holds the other fields as cells
        rows = [c for c in lines if len(c) > 2 and any(norm(x) == norm(m['measure']) for x in c)]
        if len(rows) != 1: errs.append(f'#{label} measure on {len(rows)} TXT rows'); continue
        cells = [norm(x) for x in rows[0]]
        for f in ('deadline', 'executors', 'indicator'):
            v = o.get(f, m[f])
            if v == '':
                continue
            parts = v.split('; ') if f == 'deadline' else [v]
            if not all(norm(p) in cells for p in parts): errs.append(f'#{label} {f} not a cell of its TXT row: {v[:50]}')
        for f, v in o.items():   # overridden (empty in TXT) field: the row really has no such text
            if norm(m[f]) in cells: errs.append(f'#{label} override {f} but text is on the row')
    print(f'{name:32} measures {len(t["measures"]):3}  sub-items {sum(len(m.get("subItems", [])) for m in t["measures"])}  '
          f'txt-overrides {len(ov)}  ' + ('OK' if not errs else f'{len(errs)} problems'))
    for e in errs[:20]: print('   ', e)
    bad += len(errs)
print(f'checked {total} truth rows; problems: {bad}')
sys.exit(1 if bad else 0)
