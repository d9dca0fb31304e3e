#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Mechanical DOCX reader (word/document.xml): body paragraphs and tables (gridSpan, vMerge).
docx_to_txt(): the text a user gets copying the whole document from Word into a text editor (set 6 TXT conventions):
paragraphs one per line, a table row = cells joined by TAB, a cell's paragraphs joined by a space, list bullets dropped,
a vertically merged cell's text only on its first row, a span-wide row = one cell, NBSP kept."""
import sys, zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def ptext(p):
    out = []
    for el in p.iter():
        if el.tag == W + 't':
            out.append(el.text or '')
        elif el.tag == W + 'tab':
            out.append('\t')
        elif el.tag in (W + 'br', W + 'cr'):
            if el.get(W + 'type') != 'page':
                out.append(' ')
        elif el.tag == W + 'noBreakHyphen':
            out.append('-')
    return ''.join(out)


def read(path):
    """list of blocks: ('p', text) or ('tbl', rows) with rows = list of cells {text, span, vmerge}"""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read('word/document.xml'))
    body = root.find(W + 'body')
    blocks = []
    for el in body:
        if el.tag == W + 'p':
            blocks.append(('p', ptext(el)))
        elif el.tag == W + 'tbl':
            rows = []
            for tr in el.findall(W + 'tr'):
                cells = []
                for tc in tr.findall(W + 'tc'):
                    pr = tc.find(W + 'tcPr')
                    span, vm = 1, None
                    if pr is not None:
                        gs = pr.find(W + 'gridSpan')
                        if gs is not None:
                            span = int(gs.get(W + 'val'))
                        v = pr.find(W + 'vMerge')
                        if v is not None:
                            vm = v.get(W + 'val') or 'continue'
                    paras = [ptext(p) for p in tc.iter(W + 'p')]
                    text = ' '.join(x.strip() for x in paras if x.strip())
                    cells.append({'text': text, 'span': span, 'vmerge': vm})
                rows.append(cells)
            blocks.append(('tbl', rows))
    return blocks


def resolved_rows(rows):
    """rows as lists of cell texts, vMerge continuations resolved to the text of the merge's first cell"""
    out = []
    above = {}
    for cells in rows:
        col = 0
        r = []
        for c in cells:
            if c['vmerge'] == 'continue':
                t = above.get(col, '')
            else:
                t = c['text']
                above[col] = t
            r.append(t)
            col += c['span']
        out.append(r)
    return out


def docx_to_txt(path):
    lines = []
    for kind, x in read(path):
        if kind == 'p':
            lines.append(x)
        else:
            for cells in x:
                lines.append('\t'.join('' if c['vmerge'] == 'continue' else c['text'] for c in cells))
    return '\n'.join(lines) + '\n'


if __name__ == '__main__':
    sys.stdout.write(docx_to_txt(sys.argv[1]))
