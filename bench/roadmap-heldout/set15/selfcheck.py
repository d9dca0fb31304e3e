#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Self-check of set 15 without the importer: truth vs DOCX (docxtxt reader), TXT, PDF (pdftotext), claimed patterns."""
import json, os, re, subprocess, sys
import docxtxt
from gen import cut_rows, squash

D = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'docs')
FIELDS = ('measure', 'deadline', 'executors', 'indicator')


def norm(s):
    s = re.sub(r'[«»“”„"]', '"', s or '')
    s = re.sub(r'[‐‑‒–—―−]', '-', s)
    s = re.sub(r'\s*-\s*', '-', s)
    s = re.sub(r'[\s\u00a0]+', ' ', s).strip()
    return re.sub(r'[\s.,;:]+$', '', s)


def strip_no(s):
    return re.sub(r'^\d+\)\s+', '', s)          # «1) » typed inside the measure cell is not part of the measure


def row_ok(rows, m, ov):
    want = {f: norm(ov.get(f, m[f])) for f in FIELDS}
    for r in rows:
        cells = [norm(c) for c in r]
        cells2 = cells + [norm(strip_no(c)) for c in r]
        if want['measure'] not in cells2:
            continue
        ok = True
        for f in ('deadline', 'executors', 'indicator'):
            w = want[f]
            if w == '':
                # override: that cell must be empty -> at least one empty cell exists in the row
                ok &= '' in cells
            elif w in cells:
                pass
            elif f == 'deadline' and ' - ' in m['deadline'].replace('–', '-'):
                a, b = [norm(x) for x in m['deadline'].replace('–', '-').split(' - ')]
                ok &= any(cells[k] == a and cells[k + 1] == b for k in range(len(cells) - 1))
            else:
                ok = False
        if ok:
            return True
    return False


def main():
    problems = 0
    total = 0
    draws = {d['name']: d for d in json.load(open(os.path.join(D, 'draws.json'), encoding='utf-8'))}
    for name, dr in draws.items():
        t = json.load(open(os.path.join(D, name + '.truth.json'), encoding='utf-8'))
        ms = t['measures']
        total += len(ms)
        probs = []
        # DOCX rows (merged resolved)
        blocks = docxtxt.read(os.path.join(D, name + '.docx'))
        drows, dparas = [], []
        for k, x in blocks:
            if k == 'p':
                dparas.append(x)
            else:
                drows += docxtxt.resolved_rows(x)
        # TXT rows
        txt = open(os.path.join(D, name + '.txt'), encoding='utf-8').read()
        trows = [l.split('\t') for l in txt.split('\n')]
        tov = t.get('overrides', {}).get('txt', {})
        for i, m in enumerate(ms):
            if not row_ok(drows, m, {}):
                probs.append(f'docx #{i}')
            if not row_ok(trows, m, tov.get(str(i), {})):
                probs.append(f'txt #{i}')
        # title: its lines consecutive paragraphs
        for label, paras in (('docx', dparas), ('txt', [l for l in txt.split('\n')])):
            joined = [norm(' '.join(paras[a:b])) for a in range(len(paras)) for b in range(a + 1, min(a + 5, len(paras)) + 1)]
            if norm(t['title']) not in joined:
                probs.append(f'title {label}')
        # PDF: every field's text in pdftotext output (whitespace/hyphens squashed), or cut across two pages
        pdf = os.path.join(D, name + '.pdf')
        whole = squash(subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True, text=True).stdout)
        cut = set(cut_rows(pdf, ms))
        miss = 0
        for i, m in enumerate(ms):
            for f in FIELDS:
                v = squash(m[f] if f != 'deadline' else m[f].replace(' – ', ''))
                if f == 'deadline' and ' – ' in m[f]:
                    if not all(squash(x) in whole for x in m[f].split(" – ")) and i not in cut:
                        miss += 1; probs.append(f'pdf #{i} deadline')
                elif v not in whole and i not in cut:
                    miss += 1; probs.append(f'pdf #{i} {f}')
        # patterns
        info = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
        w, h = [float(x) for x in re.search(r'Page size:\s+([\d.]+) x ([\d.]+)', info).groups()]
        orient = 'landscape' if w > h else 'portrait'
        if orient != dr['orientation']:
            probs.append(f'orientation {orient}')
        if dr['cut_row'] and not cut:
            probs.append('no row cut by a page break')
        producer = re.search(r'Producer:\s+(.*)', info).group(1).strip()
        creator = (re.search(r'Creator:\s+(.*)', info) or re.search('', '')).group(1) if 'Creator' in info else ''
        dx = open(os.path.join(D, name + '.docx'), 'rb')
        import zipfile
        xml = zipfile.ZipFile(dx).read('word/document.xml').decode()
        n_cont = xml.count('w:vMerge w:val="continue"') + xml.count('<w:vMerge/>')
        n_ov = sum(len(v) for v in tov.values())
        print(f'{name}: {len(ms)} measures, {pages} pp. {orient}, PDF producer «{producer}» creator «{creator}», '
              f'rows cut by a page break (0-based): {sorted(cut)}, vMerge continuations in DOCX {n_cont}, txt overrides {n_ov}, '
              f'problems: {probs or 0}')
        problems += len(probs)
    print(f'TOTAL {total} measures, {problems} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
