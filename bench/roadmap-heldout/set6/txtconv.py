# -*- coding: utf-8 -*-
"""DOCX -> TXT, mechanically, from the DOCX itself (not from the generator's model).

Default convention ("copied from Word into a text editor"): one paragraph per line; a table row = its cells joined by
TAB; a cell's paragraphs joined by a space; automatic numbers as Word shows them («1.», «2.1.»); bullet glyphs
dropped; a vertically merged cell's text only on its first row; a header row once (it is in the XML once).

--seeds PDF: the convention of the real seeds in /work/shared/seeds: bold paragraphs as **…**; inside cells bold as
<b>…</b>, several paragraphs as <p>…</p> <p>…</p>, bullets as <ul> <li>…</li> </ul>; and a row split by a page
break in PDF continues after an empty line on a «continuation line» (the rest of each cell in its column), found
from the PDF's text layer (pdftotext -bbox-layout)."""
import html, re, subprocess, sys
import docxtext


def conv_plain(blocks):
    lines = []
    for kind, b in blocks:
        if kind == 'p':
            lines.append(docxtext.para_plain(b))
        else:
            for row in b:
                lines.append('\t'.join(docxtext.cell_plain(c) for c in row['cells']))
    return '\n'.join(lines).rstrip('\n') + '\n'


# ---- seeds convention ------------------------------------------------------------------------------------------
def seed_para(p, in_cell):
    t = docxtext.plain(p['text']).strip()
    if p['label'] and not p['bullet']:
        t = p['label'] + (' ' + t if t else '')
    if p['bold'] and t:
        t = ('<b>%s</b>' if in_cell else '**%s**') % t
    return t


def seed_cell(paras, multi):
    """paras: list of para dicts (possibly partial). multi: render with <p>/<ul> markup."""
    if not multi:
        return ' '.join(x for x in (seed_para(p, True) for p in paras) if x)
    out, ul = [], False
    for p in paras:
        t = seed_para(p, True)
        if not t:
            continue
        if p['bullet']:
            if not ul:
                out.append('<ul>')
                ul = True
            out.append('<li>%s</li>' % t)
        else:
            if ul:
                out.append('</ul>')
                ul = False
            out.append('<p>%s</p>' % t)
    if ul:
        out.append('</ul>')
    return ' '.join(out)


def pdf_words(pdf):
    x = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], capture_output=True, text=True).stdout
    pages = []
    for pg in re.findall(r'<page[^>]*>(.*?)</page>', x, re.S):
        ws = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pg):
            ws.append((float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), html.unescape(m.group(5))))
        pages.append(ws)
    return pages


def split_tail(paras, n):
    """Split a cell's paragraphs so that the last n non-space characters go to the tail (a word broken by the
    page inside a narrow column stays broken, as in the PDF)."""
    head, tail = [dict(p) for p in paras], []
    while n > 0 and head:
        p = head[-1]
        t = p['text']
        chars = len(re.sub(r'\s', '', docxtext.plain(t)))
        if chars <= n:
            tail.insert(0, head.pop())
            n -= chars
            continue
        # cut inside: walk from the end counting non-space characters of the plain text
        cnt, i = 0, len(t)
        while i > 0 and cnt < n:
            i -= 1
            ch = t[i]
            if not ch.isspace() and ch != '\u00ad':
                cnt += 1
        head[-1] = dict(p, text=t[:i].rstrip())
        tail.insert(0, dict(p, text=t[i:].lstrip(), label=None))
        n = 0
    return head, tail


def conv_seeds(blocks, pdf, grid_left_pt, widths_tw):
    pages = pdf_words(pdf)
    bounds = [grid_left_pt]
    for w in widths_tw:
        bounds.append(bounds[-1] + w / 20.0)
    def col_of(word):
        cx = (word[0] + word[2]) / 2
        for i in range(len(bounds) - 1):
            if bounds[i] <= cx < bounds[i + 1]:
                return i
        return None
    numre = re.compile(r'^\d+\.(\d+\.)?$')
    # continuation words per page (page index >= 1): words above the first row number in column 0
    conts = []  # (first label on that page, {col: [words]})
    for pi, ws in enumerate(pages[1:], start=1):
        starts = [w for w in ws if col_of(w) == 0 and numre.match(w[4])]
        if not starts:
            continue
        top = min(w[1] for w in starts)
        first_label = min(starts, key=lambda w: w[1])[4]
        above = sorted([w for w in ws if w[1] < top - 2 and col_of(w) is not None], key=lambda w: (round(w[1]), w[0]))
        if not above:
            continue
        cols = {}
        for w in above:
            cols.setdefault(col_of(w), []).append(w[4])
        conts.append((first_label, cols))
    lines = []
    for kind, b in blocks:
        if kind == 'p':
            lines.append(seed_para(b, False))
            continue
        rows = b
        # labels of rows in order
        labels = []
        for row in rows:
            c0 = row['cells'][0]['paras']
            labels.append(c0[0]['label'] if c0 and c0[0]['label'] else None)
        split_at = {}
        for first_label, cols in conts:
            if first_label in labels:
                j = labels.index(first_label) - 1
                # the row split by the page break is the last row with a label before j+1 (section rows have labels too)
                split_at[j] = cols
        for ri, row in enumerate(rows):
            cells = row['cells']
            multi = [len([p for p in c['paras'] if p['text'].strip()]) > 1 for c in cells]
            if ri in split_at:
                cols = split_at[ri]
                heads, tails = [], []
                for ci, c in enumerate(cells):
                    ws = cols.get(ci, [])
                    if c['vmerge'] == 'continue':
                        heads.append(''); tails.append(''); continue
                    want = re.sub(r'\s', '', ''.join(ws).replace('\u2011', '-'))
                    h, t = split_tail(c['paras'], len(want))
                    got = re.sub(r'\s', '', ''.join(docxtext.plain(p['text']) for p in t))
                    if got != want:
                        print('WARN continuation mismatch row', ri, 'col', ci, got, want, file=sys.stderr)
                    heads.append(seed_cell(h, multi[ci]))
                    tails.append(seed_cell(t, multi[ci]))
                lines.append('\t'.join(heads))
                lines.append('')
                lines.append('\t'.join(tails))
            else:
                if ri == 0:  # the header row: plain, as in the seeds
                    lines.append('\t'.join(docxtext.cell_plain(c) for c in cells))
                    continue
                lines.append('\t'.join('' if c['vmerge'] == 'continue' else seed_cell(c['paras'], multi[ci])
                                       for ci, c in enumerate(cells)))
    return '\n'.join(lines).rstrip('\n') + '\n'


if __name__ == '__main__':
    src, dst = sys.argv[1], sys.argv[2]
    blocks = docxtext.read(src)
    if len(sys.argv) > 3 and sys.argv[3] == '--seeds':
        pdf, left_tw = sys.argv[4], int(sys.argv[5])
        widths = [int(x) for x in sys.argv[6].split(',')]
        # Word places the cell border 108 twips (the default cell margin) left of the text margin
        out = conv_seeds(blocks, pdf, (left_tw - 108) / 20.0, widths)
    else:
        out = conv_plain(blocks)
    with open(dst, 'w', encoding='utf-8') as fh:
        fh.write(out)
