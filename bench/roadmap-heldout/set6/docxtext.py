# -*- coding: utf-8 -*-
"""Mechanical reader of a DOCX body (document.xml + numbering.xml), used by txtconv.py and selfcheck.py.
Computes Word's automatic list numbers (numPr) the way Word shows them."""
import re, zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def _val(el, tag, attr='val'):
    x = el.find(W + tag) if el is not None else None
    return None if x is None else x.get(W + attr)


class Numbering:
    def __init__(self, xml):
        self.abs, self.nums, self.counters = {}, {}, {}
        if xml is None:
            return
        root = ET.fromstring(xml)
        for a in root.findall(W + 'abstractNum'):
            lv = {}
            for l in a.findall(W + 'lvl'):
                lv[int(l.get(W + 'ilvl'))] = {'fmt': _val(l, 'numFmt'), 'text': _val(l, 'lvlText'),
                                               'start': int(_val(l, 'start') or 1)}
            self.abs[a.get(W + 'abstractNumId')] = lv
        for n in root.findall(W + 'num'):
            ov = {}
            for o in n.findall(W + 'lvlOverride'):
                s = _val(o, 'startOverride')
                if s is not None:
                    ov[int(o.get(W + 'ilvl'))] = int(s)
            self.nums[n.get(W + 'numId')] = (_val(n, 'abstractNumId'), ov)

    def label(self, num_id, ilvl):
        """Advance the counter and return (label, is_bullet)."""
        absid, ov = self.nums[num_id]
        levels = self.abs[absid]
        lv = levels[ilvl]
        if lv['fmt'] == 'bullet':
            return lv['text'], True
        c = self.counters.setdefault(num_id, {})
        if ilvl in c:
            c[ilvl] += 1
        else:
            c[ilvl] = ov.get(ilvl, lv['start'])
        for deeper in [k for k in c if k > ilvl]:
            del c[deeper]
        def sub(m):
            k = int(m.group(1)) - 1
            return str(c.get(k, ov.get(k, levels.get(k, {'start': 1})['start'])))
        return re.sub(r'%(\d)', sub, lv['text']), False


def run_text(r):
    out = []
    for ch in r:
        t = ch.tag[len(W):]
        if t == 't':
            out.append(ch.text or '')
        elif t == 'tab':
            out.append('\t')
        elif t in ('br', 'cr'):
            out.append('\n')
        elif t == 'noBreakHyphen':
            out.append('\u2011')
        elif t == 'softHyphen':
            out.append('\u00ad')
    return ''.join(out)


def para_info(p, numbering):
    runs = []
    for r in p.iter(W + 'r'):
        rpr = r.find(W + 'rPr')
        bold = rpr is not None and rpr.find(W + 'b') is not None
        t = run_text(r)
        if t:
            runs.append((t, bold))
    text = ''.join(t for t, _ in runs)
    ppr = p.find(W + 'pPr')
    label, bullet = None, False
    numpr = ppr.find(W + 'numPr') if ppr is not None else None
    if numpr is not None:
        label, bullet = numbering.label(_val(numpr, 'numId'), int(_val(numpr, 'ilvl') or 0))
    bold = bool(runs) and all(b for t, b in runs if t.strip())
    return {'text': text, 'label': label, 'bullet': bullet, 'bold': bold}


def unwrap(parent):
    """Children of a body/cell, with block-level content controls (w:sdt) replaced by their content."""
    for el in parent:
        if el.tag == W + 'sdt':
            c = el.find(W + 'sdtContent')
            if c is not None:
                yield from unwrap(c)
        else:
            yield el


def read(path):
    z = zipfile.ZipFile(path)
    numbering = Numbering(z.read('word/numbering.xml') if 'word/numbering.xml' in z.namelist() else None)
    body = ET.fromstring(z.read('word/document.xml')).find(W + 'body')
    blocks = []
    for el in unwrap(body):
        tag = el.tag[len(W):]
        if tag == 'p':
            blocks.append(('p', para_info(el, numbering)))
        elif tag == 'tbl':
            rows = []
            for tr in el.findall(W + 'tr'):
                trpr = tr.find(W + 'trPr')
                if trpr is not None and trpr.find(W + 'del') is not None:
                    continue  # a row deleted with track changes: not shown in the final view
                header = trpr is not None and trpr.find(W + 'tblHeader') is not None
                cells = []
                for tc in tr.findall(W + 'tc'):
                    tcpr = tc.find(W + 'tcPr')
                    vm = tcpr.find(W + 'vMerge') if tcpr is not None else None
                    vmerge = None if vm is None else (vm.get(W + 'val') or 'continue')
                    span = int(_val(tcpr, 'gridSpan') or 1)
                    cells.append({'paras': [para_info(p, numbering) for p in unwrap(tc) if p.tag == W + 'p'],
                                  'vmerge': vmerge, 'span': span})
                rows.append({'header': header, 'cells': cells})
            blocks.append(('tbl', rows))
    return blocks


def plain(s):
    """Text as copied to a plain-text editor: soft hyphen dropped, non-breaking hyphen -> '-', line break -> space."""
    return s.replace('\u00ad', '').replace('\u2011', '-').replace('\n', ' ')


def para_plain(p):
    t = plain(p['text'])
    if p['label'] and not p['bullet']:
        t = p['label'] + (' ' + t if t.strip() else '')
    return t


def cell_plain(c):
    if c['vmerge'] == 'continue':
        return ''
    return ' '.join(x for x in (para_plain(p).strip() for p in c['paras']) if x)
