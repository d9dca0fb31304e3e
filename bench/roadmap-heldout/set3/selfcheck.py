# Self-check of the truth against my own documents (not the importer): every truth field must appear in the
# DOCX text (paragraphs joined by spaces), in the TXT, and all its words must be in the PDF text layer.
import json, re, subprocess, sys, zipfile, glob, os
def norm(s):
    s = re.sub(r'[«»“”„"]', '"', s); s = re.sub(r'[‐‑‒–—―−]', '-', s); s = re.sub(r'\s*-\s*', '-', s)
    return re.sub(r'\s+', ' ', s).strip()
for tf in sorted(glob.glob('docs/*.truth.json')):
    name = tf[:-len('.truth.json')]
    t = json.load(open(tf))
    x = zipfile.ZipFile(name + '.docx').read('word/document.xml').decode()
    paras = [''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', p)) for p in re.findall(r'<w:p[ >].*?</w:p>', x)]
    import html
    dtext = norm(html.unescape(' '.join(paras)))
    ttext = norm(open(name + '.txt').read().replace('\t', ' '))
    ptext = subprocess.run(['pdftotext', name + '.pdf', '-'], capture_output=True, text=True).stdout
    pwords = set(re.findall(r'[\w]+', ptext.replace('-\n', '').lower()))
    bad = 0
    for i, m in enumerate(t['measures']):
        for f in ('measure', 'deadline', 'executors', 'indicator'):
            v = norm(m[f])
            if v not in dtext: print(name, i, f, 'not in DOCX:', v[:60]); bad += 1
            if v not in ttext: print(name, i, f, 'not in TXT:', v[:60]); bad += 1
            miss = [w for w in re.findall(r'\w+', v.lower()) if w not in pwords]
            if miss: print(name, i, f, 'words not in PDF:', miss[:5]); bad += 1
    print(os.path.basename(name), len(t['measures']), 'measures, problems:', bad)
