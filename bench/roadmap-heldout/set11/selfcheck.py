#!/usr/bin/env python3
"""Set 11 self-check, independent of Opora (the importer is never run).
For every document: the truth's fields are whole cells of one row of the DOCX (read mechanically here) and of the TXT
(with overrides.txt applied), in document order; every field's text is in the PDF's text layer (pdftotext -raw,
whitespace/hyphens ignored); the title is in all three; page counts; rows cut by a page break (text split between
page p and p+1, confirmed with pdftotext -bbox-layout: the continuation is at the top of page p+1); and each
document's claimed patterns."""
import glob
import json
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
FN = '\u00b9'  # footnote marker as it appears in the TXT / as the DOCX reader renders a footnoteReference

EXPECT = {  # name: (measures, pdf pages)
    'u1-sevrechensk-two-row-header': (26, 4),
    'u2-kamyshlovka-project-watermark': (25, 3),
    'u3-lipovets-word-footnote-total': (24, 4),
    'u4-school-ryabinovka-tagged': (24, 3),
    'u5-belozerye-rowspan-pagehdr': (24, 3),
    'u6-gorodishche-word-html-chromium': (22, 3),
}
problems = []


def bad(name, msg):
    problems.append(f'{name}: {msg}')


def ws(s):
    return re.sub(r'\s+', ' ', s.replace('\u00a0', ' ')).strip()


def comp(s):
    return re.sub(r'[\s\-\u2010\u2011\u2013\u2014\u00ad]', '', s)


def run(*a):
    return subprocess.run(a, capture_output=True, text=True).stdout


# ---------------------------------------------------------------- DOCX reader
def para_text(p):
    out = []
    for el in p.iter():
        if el.tag == W + 't':
            out.append(el.text or '')
        elif el.tag == W + 'tab':
            out.append('\t')
        elif el.tag in (W + 'br', W + 'cr'):
            out.append(' ')
        elif el.tag == W + 'noBreakHyphen':
            out.append('-')
        elif el.tag == W + 'footnoteReference':
            out.append(FN)
        elif el.tag == W + 'instrText':
            pass
    return ''.join(out)


def docx_tables(path):
    z = zipfile.ZipFile(path)
    root = ET.fromstring(z.read('word/document.xml'))
    body = root.find(W + 'body')
    paras, tables = [], []
    for el in body:
        if el.tag == W + 'p':
            paras.append(para_text(el))
        elif el.tag == W + 'tbl':
            rows = []
            above = {}
            for tr in el.findall(W + 'tr'):
                cells, col = [], 0
                for tc in tr.findall(W + 'tc'):
                    pr = tc.find(W + 'tcPr')
                    span, vm = 1, None
                    if pr is not None:
                        gs = pr.find(W + 'gridSpan')
                        span = int(gs.get(W + 'val')) if gs is not None else 1
                        v = pr.find(W + 'vMerge')
                        if v is not None:
                            vm = v.get(W + 'val') or 'continue'
                    text = ws(' '.join(para_text(p) for p in tc.findall(W + 'p')))
                    if vm == 'continue':
                        text, merged = above.get(col, ''), True
                    else:
                        merged = False
                    above[col] = text
                    cells.append({'text': text, 'merged': merged, 'span': span})
                    col += span
                rows.append(cells)
                for c in tr.iter(W + 'tblHeader'):
                    rows[-1].append({'header': True})
            tables.append(rows)
    return paras, tables, z


def docx_as_txt(path):
    """What copying the whole document from Word gives (set 6 «TXT conventions»): paragraphs one per line, a table
    row = its cells joined by TAB (a cell's paragraphs joined by a space, a vertically merged continuation cell empty,
    a span-wide cell one cell), the footnote reference as «¹» and the footnote text after the document."""
    z = zipfile.ZipFile(path)
    body = ET.fromstring(z.read('word/document.xml')).find(W + 'body')
    out = []
    for el in body:
        if el.tag == W + 'p':
            out.append(para_text(el))
        elif el.tag == W + 'tbl':
            for tr in el.findall(W + 'tr'):
                cells = []
                for tc in tr.findall(W + 'tc'):
                    v = tc.find(W + 'tcPr/' + W + 'vMerge')
                    cont = v is not None and (v.get(W + 'val') or 'continue') == 'continue'
                    cells.append('' if cont else ' '.join(para_text(p) for p in tc.findall(W + 'p')))
                out.append('\t'.join(cells))
    if 'word/footnotes.xml' in z.namelist():
        for fn in ET.fromstring(z.read('word/footnotes.xml')).findall(W + 'footnote'):
            if fn.get(W + 'type') is None:
                out.append(FN + ' ' + ws(' '.join(para_text(p) for p in fn.findall(W + 'p'))))
    return out


def match_rows(name, fmt, truth, rows, overrides=None, strip_fn=True):
    """rows: list of lists of cell texts. Each measure must match one row (in order) containing all 4 fields."""
    pos = 0
    found_fn = 0
    for i, m in enumerate(truth['measures']):
        exp = dict(m)
        if overrides and str(i) in overrides:
            exp.update(overrides[str(i)])
        ok = False
        for j in range(pos, len(rows)):
            cells = [ws(c) for c in rows[j]]
            cells_nf = [c.replace(FN, '') for c in cells] if strip_fn else cells
            if ws(exp['measure']) in cells_nf:
                k = cells_nf.index(ws(exp['measure']))
                if FN in cells[k]:
                    found_fn += 1
                rest = cells_nf[:k] + cells_nf[k + 1:]
                missing = [f for f in ('deadline', 'executors', 'indicator') if ws(exp[f]) not in rest]
                if missing:
                    bad(name, f'{fmt} measure {i}: row found but {missing} not a cell: {cells}')
                ok = True
                pos = j + 1
                break
        if not ok:
            bad(name, f'{fmt} measure {i} not found as a cell: {m["measure"][:60]}')
    return found_fn


def pdf_pages(pdf, n):
    return [run('pdftotext', '-raw', '-f', str(p), '-l', str(p), pdf, '-') for p in range(1, n + 1)]


def bbox_words(pdf):
    out = run('pdftotext', '-bbox-layout', pdf, '-')
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        h = float(pm.group(2))
        words = [(float(y), t) for y, t in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', pm.group(3))]
        pages.append((h, words))
    return pages


def main():
    total = 0
    splits_total = 0
    report = []
    for tj in sorted(glob.glob(os.path.join(DOCS, '*.truth.json'))):
        name = os.path.basename(tj)[:-len('.truth.json')]
        truth = json.load(open(tj, encoding='utf-8'))
        n = len(truth['measures'])
        total += n
        exp_n, exp_pages = EXPECT[name]
        if n != exp_n:
            bad(name, f'{n} measures, expected {exp_n}')
        if truth.get('synthetic') is not True:
            bad(name, 'synthetic flag missing')
        for i, m in enumerate(truth['measures']):
            for f in ('measure', 'deadline', 'executors', 'indicator'):
                if not ws(m.get(f, '')):
                    bad(name, f'truth measure {i} has empty {f}')
        # ---- TXT
        txt = open(os.path.join(DOCS, name + '.txt'), encoding='utf-8').read()
        lines = txt.split('\n')
        txt_rows = [l.split('\t') for l in lines]
        fn_txt = match_rows(name, 'txt', truth, txt_rows, truth.get('overrides', {}).get('txt'))
        if ws(truth['title']) not in ws(' '.join(lines)) and ws(truth['title']) not in ws(' '.join(lines).replace('Таблица 1 – ', '')):
            bad(name, 'title not in TXT')
        # ---- DOCX
        paras, tables, z = docx_tables(os.path.join(DOCS, name + '.docx'))
        rows = [[c['text'] for c in r if 'text' in c] for t in tables for r in t]
        fn_docx = match_rows(name, 'docx', truth, rows)
        # the TXT is what copying the DOCX from Word gives (non-empty lines, spaces normalised per cell)
        norm_lines = lambda ls: ['\t'.join(ws(c) for c in l.split('\t')) for l in ls if ws(l)]
        a, b = norm_lines(docx_as_txt(os.path.join(DOCS, name + '.docx'))), norm_lines(lines)
        if a != b:
            diff = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            bad(name, f'TXT differs from the DOCX copy at non-empty line {diff}: '
                      f'{a[diff] if diff < len(a) else None!r} vs {b[diff] if diff < len(b) else None!r}')
        if ws(truth['title']) not in ws(' '.join(paras)):
            bad(name, 'title not in DOCX paragraphs')
        # ---- PDF
        pdf = os.path.join(DOCS, name + '.pdf')
        info = run('pdfinfo', pdf)
        pages_n = int(re.search(r'Pages:\s+(\d+)', info).group(1))
        if pages_n != exp_pages:
            bad(name, f'PDF has {pages_n} pages, expected {exp_pages}')
        pages = pdf_pages(pdf, pages_n)
        cpages = [comp(p) for p in pages]
        whole = ''.join(cpages)
        if comp(truth['title']) not in whole:
            bad(name, 'title not in PDF text')
        split_measures = []
        bb = bbox_words(pdf)
        for i, m in enumerate(truth['measures']):
            cut = False
            for f in ('measure', 'deadline', 'executors', 'indicator'):
                s = comp(m[f])
                if any(s in p for p in cpages):
                    continue
                # the footnote marker «1» after the anchor word (u3)
                # u3: the PDF prints the footnote reference as a superscript «1» right after its word; the TXT cell
                # with «¹» tells where it is
                if f == 'measure' and fn_txt:
                    alt = [comp(c.replace(FN, '1')) for l in lines if FN in l for c in l.split('\t')
                           if FN in c and comp(c.replace(FN, '')) == s]
                    if any(a in p for a in alt for p in cpages):
                        continue
                hit = None
                for p in range(pages_n - 1):
                    for k in range(8, len(s) - 3):
                        if s[:k] in cpages[p] and s[k:] in cpages[p + 1] and cpages[p + 1].find(s[k:]) >= 0:
                            hit = (p, k)
                            break
                    if hit:
                        break
                if not hit:
                    bad(name, f'pdf measure {i} {f} not in the text layer: {m[f][:60]}')
                    continue
                # bbox: the continuation's first word must be in the upper part of page p+1
                p, k = hit
                tail_words = [w for w in re.split(r'\s+', m[f]) if w]
                acc, first_tail = '', None
                for w in tail_words:
                    if len(comp(acc)) >= k and comp(w):
                        first_tail = w
                        break
                    acc += w
                h, words = bb[p + 1]
                if first_tail and not any(comp(t) and comp(first_tail).startswith(comp(t)[:4]) and y < h * 0.45 for y, t in words):
                    bad(name, f'pdf measure {i} {f}: continuation word «{first_tail}» not at the top of page {p + 2}')
                cut = True
            if cut:
                split_measures.append(i)
        splits_total += len(split_measures)
        # ---- patterns
        raw = open(pdf, 'rb').read()
        producer = re.search(r'Producer:\s+(.*)', info).group(1).strip()
        docxml = z.read('word/document.xml').decode('utf-8')
        checks = []
        if name.startswith('u1'):
            checks.append(('PDF/A-2 (XMP pdfaid:part 2)', b'pdfaid:part>2<' in raw or b'pdfaid:part="2"' in raw))
            checks.append(('two-row header on every page', all('Организация исполнения' in p for p in pages)))
            checks.append(('header rows repeated (tblHeader ×2)', docxml.count('<w:tblHeader') == 2))
            checks.append(('3-level numbers (x.y.z.)', len(re.findall(r'^\d\.\d\.\d\.\t', txt, re.M)) == 26))
            checks.append(('7 group rows x.y.', len(re.findall(r'^\d\.\d\.\t[^\t]+\t\t\t$', txt, re.M)) == 7))
        if name.startswith('u2'):
            # the rotated watermark comes out of pdftotext letter by letter: six big single letters on each page
            big = [set(t for y0, y1, t in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(\w)</word>', pg)
                       if float(y1) - float(y0) > 40) for pg in run('pdftotext', '-bbox', pdf, '-').split('<page ')[1:]]
            checks.append(('«ПРОЕКТ» watermark (rotated, big letters) on every PDF page',
                           len(big) == pages_n and all(set('ПРОЕКТ') <= b for b in big)))
            checks.append(('Chromium (Skia/PDF)', producer.startswith('Skia/PDF')))
            checks.append(('numbering restarts (four «1.»)', len(re.findall(r'^1\.\t', txt, re.M)) == 4))
            checks.append(('«- » lines in measures', sum(1 for m in truth['measures'] if ' - ' in m['measure']) >= 4))
        if name.startswith('u3'):
            checks.append(('footnoteReference in DOCX', 'w:footnoteReference' in docxml))
            checks.append(('footnote marker in one DOCX measure cell and one TXT cell', fn_docx == 1 and fn_txt == 1))
            fpage = [i for i, p in enumerate(pages) if 'Перечень школ с низкими' in p]
            checks.append(('footnote text printed at a page end', len(fpage) == 1))
            checks.append(('«Итого мероприятий: 24» row', 'Итогомероприятий:24' in whole and 'Итого мероприятий: 24' in txt))
            checks.append(('2 empty trailing rows', sum(1 for t in tables for r in t if all(not c.get('text') for c in r if 'text' in c)) == 2))
            checks.append(('tblHeader («Повторять как заголовок»)', '<w:tblHeader/>' in docxml))
            checks.append(('caption with SEQ field', 'SEQ Таблица' in docxml))
            checks.append(('Ghostscript producer', 'Ghostscript' in producer))
            checks.append(('bold lead words (5)', docxml.count('<w:b/><w:bCs/></w:rPr><w:t') >= 5 + 5))
        if name.startswith('u4'):
            checks.append(('tagged PDF', re.search(r'Tagged:\s+yes', info) is not None))
            checks.append(('page header «– N –» on every page', all(f'– {k + 1} –' in p for k, p in enumerate(pages))))
        if name.startswith('u5'):
            checks.append(('«Страница N из 3» on every page', all(f'Страница {k + 1} из {pages_n}' in p for k, p in enumerate(pages))))
            checks.append(('3 vertical merges of «Ответственный» in DOCX', docxml.count('<w:vMerge w:val="restart"/>') == 3))
            checks.append(('A4 landscape PDF', re.search(r'Page size:\s+84[12][.\d]* x 59[45]', info) is not None))
        if name.startswith('u6'):
            src = open(os.path.join(DOCS, name + '.html'), encoding='utf-8').read()
            checks.append(('Word filtered-HTML source (MsoNormal, Generator Word 15)', 'Microsoft Word 15 (filtered)' in src and 'class=MsoNormal' in src))
            checks.append(('Chromium (Skia/PDF)', producer.startswith('Skia/PDF')))
            checks.append(('A4 landscape PDF', re.search(r'Page size:\s+84[12][.\d]* x 59[45]', info) is not None))
        for label, ok in checks:
            if not ok:
                bad(name, f'pattern check failed: {label}')
        report.append(f'{name}: {n} measures, PDF {pages_n} pp. ({producer}), rows cut by a page break: '
                      f'{len(split_measures)} {[i + 1 for i in split_measures]}, pattern checks {sum(ok for _, ok in checks)}/{len(checks)}')
    print('\n'.join(report))
    print(f'TOTAL {total} measures; measures cut by a page break in the PDFs: {splits_total}')
    if splits_total < 8:
        bad('set', f'only {splits_total} measures cut by a page break (< 8)')
    if problems:
        print(f'{len(problems)} PROBLEMS')
        print('\n'.join(problems))
        sys.exit(1)
    print('0 problems')


if __name__ == '__main__':
    main()
