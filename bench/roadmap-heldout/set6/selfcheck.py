# -*- coding: utf-8 -*-
"""Self-check of set 6 (does not use the importer).
For every measure of every truth.json: its four fields must be whole cells of ONE row of the document's own DOCX
(vertically merged cells resolved to the text of their first cell) and of ONE row of its TXT (with overrides.txt
applied: the field's cell must be empty there). The title must occur in the DOCX text and in the TXT.
PDF: information only — words of the truth fields missing from the text layer (pdftotext)."""
import glob, json, os, re, subprocess, sys
import docxtext

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ['measure', 'deadline', 'executors', 'indicator']


def n(s):
    return ' '.join(s.replace('\u00a0', ' ').replace('\u2011', '-').replace('\u00ad', '').split())


def docx_rows(path):
    rows, paras = [], []
    for kind, b in docxtext.read(path):
        if kind == 'p':
            paras.append(docxtext.para_plain(b))
            continue
        above = {}
        for row in b:
            cells = []
            for ci, c in enumerate(row['cells']):
                if c['vmerge'] == 'continue':
                    cells.append(above.get(ci, ''))
                else:
                    t = ' '.join(x for x in (docxtext.plain(p['text']).strip() for p in c['paras']) if x)
                    cells.append(t)
                    if c['vmerge'] == 'restart':
                        above[ci] = t
            rows.append([n(x) for x in cells])
    return rows, n(' '.join(paras))


def strip_tags(s):
    s = re.sub(r'</?(p|b|i|ul|li)( [^>]*)?>', ' ', s)
    return s.replace('**', '')


def txt_rows(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    rows = []
    prev_blank = False
    for ln in lines:
        if not ln.strip():
            prev_blank = True
            continue
        cells = ln.split('\t')
        # seeds convention: a continuation line after an empty line (first cells empty) continues the row above
        if prev_blank and rows and len(cells) > 1 and cells[0] == '' and len(cells) == len(rows[-1]):
            rows[-1] = [(a + ' ' + strip_tags(b)).strip() for a, b in zip(rows[-1], cells)]
        else:
            rows.append([strip_tags(c) for c in cells])
        prev_blank = False
    return [[n(c) for c in r] for r in rows], n(strip_tags(' '.join(lines)))


def find_row(rows, rec):
    for r in rows:
        if rec['measure'] in r:
            return r
    return None


def main():
    problems, total = 0, 0
    for tpath in sorted(glob.glob(os.path.join(HERE, 'docs', '*.truth.json'))):
        name = os.path.basename(tpath)[:-len('.truth.json')]
        truth = json.load(open(tpath, encoding='utf-8'))
        ov = truth.get('overrides', {}).get('txt', {})
        base = os.path.join(HERE, 'docs', name)
        drows, dtext = docx_rows(base + '.docx')
        trows, ttext = txt_rows(base + '.txt')
        pdf = subprocess.run(['pdftotext', base + '.pdf', '-'], capture_output=True, text=True).stdout
        pdf = pdf.replace('\uf0b7', ' ')
        # words broken at a line-end hyphen: accept both the joined and the split form
        pwords = set(re.findall(r'\w+', n(pdf.replace('-\n', '')).lower())) | set(re.findall(r'\w+', n(pdf).lower()))
        title = n(truth['title'])
        for where, text in (('DOCX', dtext + ' ' + ' '.join(' '.join(r) for r in drows)), ('TXT', ttext)):
            if title not in text:
                print('%s %s: title not found' % (name, where)); problems += 1
        pdf_missing = []
        for i, m in enumerate(truth['measures']):
            total += 1
            rec = {k: n(m[k]) for k in FIELDS}
            for where, rows, o in (('DOCX', drows, {}), ('TXT', trows, ov.get(str(i), {}))):
                r = find_row(rows, rec)
                if r is None:
                    print('%s %s #%d: measure not a cell of any row: %s' % (name, where, i, rec['measure'][:70])); problems += 1
                    continue
                for k in FIELDS[1:]:
                    want = n(o[k]) if k in o else rec[k]
                    if want not in r or (want == '' and k not in o):
                        print('%s %s #%d: %s %r not in the row' % (name, where, i, k, want)); problems += 1
            miss = [w for k in FIELDS for w in re.findall(r'\w+', rec[k].lower()) if w not in pwords]
            if miss:
                pdf_missing.append((i, miss))
        print('%s: %d measures; PDF text layer: %d measures with words not found as such%s' % (
            name, len(truth['measures']), len(pdf_missing),
            (' — ' + '; '.join('#%d %s' % (i, ' '.join(sorted(set(ms)))) for i, ms in pdf_missing[:8])) if pdf_missing else ''))
    # w6: the working copy (tracked changes) read in the final view must equal the accepted copy the PDF comes from
    def flat(bl):
        out = []
        for k, x in bl:
            if k == 'p':
                out.append(docxtext.para_plain(x))
            else:
                out.extend('\t'.join(docxtext.cell_plain(c) for c in r['cells']) for r in x)
        return out
    w, f = [os.path.join(HERE, 'docs', s, 'w6-krasnoklyuch-revisions.docx') for s in ('', 'final')]
    if os.path.exists(f):
        same = flat(docxtext.read(w)) == flat(docxtext.read(f))
        print('w6 working copy (final view) == accepted copy:', same)
        problems += 0 if same else 1
    print('TOTAL %d measures, %d problems (DOCX/TXT)' % (total, problems))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
