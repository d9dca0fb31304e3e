#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Set 15 generator: 5 synthetic roadmaps drawn at random (seed 1515).
HTML -> ODT -> DOCX (LibreOffice), PDF (LibreOffice from DOCX; one from Chromium, one re-distilled by Ghostscript),
TXT made from the DOCX by docxtxt.py (as copied from Word). ALL CONTENT IS SYNTHETIC."""
import html, json, os, random, re, shutil, subprocess, sys
from pools import *
import docxtxt

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs')
WORK = os.path.join(HERE, 'build')
LONG = []
USED = set()
ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI']
SLUGS = {'region': 'krutobereg', 'municipality': None, 'school': None}


def esc(s):
    return html.escape(s, quote=False)


class Decks:
    """each attribute is dealt from its own shuffled deck (refilled when empty), so that 5 random documents
    cover the pools widely instead of repeating one value"""
    def __init__(self, rng):
        self.rng, self.d = rng, {}

    def deal(self, key, pool):
        if not self.d.get(key):
            x = list(pool)
            self.rng.shuffle(x)
            self.d[key] = x
        return self.d[key].pop()


def draw(rng, i, deck):
    d = {}
    d['level'] = deck.deal('level', ['region', 'municipality', 'school'])
    free = [p for p in PLACES[d['level']] if p[0] not in USED] or PLACES[d['level']]
    d['place'] = rng.choice(free)
    USED.add(d['place'][0])
    d['h_measure'] = deck.deal('hm', MEASURE_H)
    d['two_part'] = rng.random() < 0.25
    d['h_deadline'] = deck.deal('hd', DEADLINE_H)
    d['h_exec'] = deck.deal('he', EXEC_H)
    d['h_result'] = deck.deal('hr', RESULT_H)
    d['h_num'] = deck.deal('hn', NUM_H)
    others = ['deadline', 'exec', 'result']
    rng.shuffle(others)
    d['order'] = ['measure'] + others
    d['numbering'] = deck.deal('num', ['1.', '1.1.', '1)', 'none'])
    d['num_in_cell'] = d['numbering'] == '1)' and rng.random() < 0.5   # «1) …» typed inside the measure cell
    d['sections'] = deck.deal('sec', ['merged row', 'bold first cell', 'Roman', 'Раздел N.', 'none'])
    if d['numbering'] == '1.1.' and d['sections'] == 'none':
        d['sections'] = 'merged row'
    d['orientation'] = rng.choice(['portrait', 'landscape'])
    d['font'] = deck.deal('font', FONTS)
    d['size'] = rng.choice(SIZES)
    if d['orientation'] == 'portrait' and d['size'] > 12:
        d['size'] = 12
    if d['orientation'] == 'portrait' and (d['two_part'] or d['font'][0] == 'DejaVu Sans'):
        d['size'] = min(d['size'], 10)   # narrow columns: a person would pick a smaller size
    d['merge_deadline'] = rng.random() < 0.6
    d['merge_exec'] = rng.random() < 0.6
    d['cut_row'] = rng.random() < 0.6
    d['front'] = deck.deal('front', ['approval', 'order', 'appendix only', 'none'])
    d['n'] = rng.randint(15, 25)
    d['title_head'] = rng.choice(['ДОРОЖНАЯ КАРТА', 'Дорожная карта', 'ПЛАН МЕРОПРИЯТИЙ («ДОРОЖНАЯ КАРТА»)', 'План мероприятий (дорожная карта)'])
    d['goal'] = rng.choice(TITLE_GOALS)
    d['years'] = rng.choice(YEARS)
    d['title_lines'] = rng.choice([2, 3])
    d['signature'] = rng.random() < 0.5
    return d


def build_model(rng, d):
    keys = list(MEASURES)
    nsec = rng.randint(3, 5)
    secs = sorted(rng.sample(keys, nsec), key=keys.index)
    # distribute n measures over sections (each >= 3, at most pool size)
    counts = [3] * nsec
    d['n'] = min(d['n'], sum(len(MEASURES[x][1]) for x in secs))
    while sum(counts) < d['n']:
        j = rng.randrange(nsec)
        if counts[j] < len(MEASURES[secs[j]][1]):
            counts[j] += 1
    sections = []
    for s, c in zip(secs, counts):
        title, pool = MEASURES[s]
        items = rng.sample(pool, c)
        rows = []
        for m, ind, form in items:
            paras = m if isinstance(m, list) else [m]
            if d['two_part']:
                dl = rng.choice(DEADLINE_PAIRS)
            else:
                dl = rng.choice(DEADLINES)
            rows.append({'paras': paras, 'deadline': dl, 'exec': rng.choice(EXECUTORS[d['level']]),
                         'result': form if d['h_result'] == 'Форма отчётности' else ind,
                         'span': {}})
        sections.append({'title': title, 'rows': rows})
    # merged cells: runs of 2–3 consecutive measures inside one section share the value
    for field, flag in (('deadline', d['merge_deadline']), ('exec', d['merge_exec'])):
        if not flag:
            continue
        for _ in range(rng.randint(1, 2)):
            sec = rng.choice([s for s in sections if len(s['rows']) >= 3])
            L = rng.randint(2, 3)
            st = rng.randrange(0, len(sec['rows']) - L + 1)
            if any(r['span'].get(field) is not None for r in sec['rows'][st:st + L]):
                continue
            v = sec['rows'][st][field]
            for k in range(L):
                sec['rows'][st + k][field] = v
                sec['rows'][st + k]['span'][field] = L if k == 0 else 0
    # a long multi-paragraph measure so that some row is taller (for the page-cut attempt)
    LONG[:] = ['Мероприятие реализуется поэтапно: на первом этапе проводится анализ исходного состояния, '
            'на втором этапе – корректировка планов работы и обучение ответственных, на третьем этапе – оценка '
            'достигнутых результатов и обсуждение их на педагогическом совете (синтетический пример).',
            'Информация о выполнении направляется координатору в установленные сроки.']
    return sections


def paras_of(r):
    return r['paras'] + (LONG if r.get('long') else [])


def measure_text(r):
    return ' '.join(p[2:] if p.startswith('• ') else p for p in paras_of(r))


def section_label(d, si, title):
    s = d['sections']
    if s == 'Roman':
        return f'{ROMAN[si]}. {title}'
    if s == 'Раздел N.':
        return f'Раздел {si + 1}. {title}'
    if d['numbering'] == '1.1.' and s == 'merged row':
        return f'{si + 1}. {title}'
    return title


def make_html(d, sections, pad):
    name, gen_, org, post, person, kind, num = d['place']
    fam, _ = d['font']
    land = d['orientation'] == 'landscape'
    css = (f"@page {{ size: {'29.7cm 21cm' if land else '21cm 29.7cm'}; margin: 2cm 1.5cm 2cm {'2cm' if land else '2.5cm'} }}\n"
           f"body, p, td, th, li {{ font-family: '{fam}'; font-size: {d['size']}pt }}\n"
           "p { margin-top: 0; margin-bottom: 0 }\n table { border-collapse: collapse }\n"
           " td, th { border: 1px solid #000; vertical-align: top; padding: 2px 4px }\n")
    h = ['<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Дорожная карта (синтетический пример)</title>',
         f'<style>{css}</style></head><body>']
    P = lambda t, a='left', b=False: h.append(f'<p align="{a}" style="text-align:{a}">' + (f'<b>{esc(t)}</b>' if b else esc(t)) + '</p>')
    date = '28.08.2026'
    kindn = {'приказ': 'приказу', 'распоряжение': 'распоряжению'}[kind]
    kindi = {'приказ': 'приказом', 'распоряжение': 'распоряжением'}[kind]
    if d['front'] == 'order':
        P(org.upper(), 'center', True)
        P('')
        P(kind.upper(), 'center', True)
        P('')
        P(f'{date}\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0№ {num}')
        P('')
        P(f'Об утверждении дорожной карты {d["goal"]} {d["years"]}', 'center', True)
        P('')
        P('В целях реализации мер по повышению качества образования и поддержки общеобразовательных организаций, '
          'показывающих низкие образовательные результаты' + (',' if kind == 'приказ' else ':'), 'justify')
        if kind == 'приказ':
            P('ПРИКАЗЫВАЮ:', 'left', True)
        for k, t in enumerate(['Утвердить дорожную карту (приложение).', 'Назначить ответственных за исполнение мероприятий дорожной карты.',
                               'Контроль за исполнением настоящего ' + kind + 'а оставляю за собой.' if kind == 'приказ' else 'Контроль за исполнением оставляю за собой.'], 1):
            P(f'{k}. {t}', 'justify')
        P('')
        P(f'{post}\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0{person}')
        h.append('<p style="page-break-before: always" align="right">Приложение</p>')
        P(f'к {kindn} от {date} № {num}', 'right')
        P('')
    elif d['front'] == 'approval':
        if random.Random(len(name)).random() < 0.5:
            for t in ['УТВЕРЖДАЮ', post, f'__________ {person}', '«___» ____________ 2026 г.']:
                P(t, 'right')
        else:
            for t in ['УТВЕРЖДЕНА', f'{kindi} {org if d["level"] == "school" else org.split(" администрации")[0].lower()}', f'от {date} № {num}']:
                P(t, 'right')
        P('')
    elif d['front'] == 'appendix only':
        P('Приложение № 1', 'right')
        P(f'к {kindn} от {date} № {num}', 'right')
        P('')
    for _ in range(pad):
        P('')
    # title
    lines = [d['title_head']]
    rest = f'{d["goal"]} {gen_ if d["level"] != "school" else "в " + gen_}'
    if d['title_lines'] == 3:
        lines += [rest, d['years']]
    else:
        lines += [rest + ' ' + d['years']]
    for t in lines:
        P(t, 'center', True)
    P('')
    title = ' '.join(lines)
    # table
    cols = []
    numcol = d['numbering'] != 'none' and not d['num_in_cell']
    if numcol:
        cols.append('num')
    cols += d['order']
    hdr = {'num': d['h_num'], 'measure': d['h_measure'], 'deadline': d['h_deadline'], 'exec': d['h_exec'], 'result': d['h_result']}
    widths = {'num': 7, 'measure': 38, 'deadline': 16, 'exec': 19, 'result': 22}
    if d['two_part']:
        widths['deadline'] = 26
    tot = sum(widths[c] for c in cols)
    h.append('<table width="100%" cellspacing="0" cellpadding="4" border="1">')
    W_ = lambda c, f=100: f' width="{round(f * widths[c] / tot)}%"'
    d['colw'] = [x for c in cols for x in ([widths[c] / 2, widths[c] / 2] if (c == 'deadline' and d['two_part']) else [widths[c]])]
    h.append('<thead>')
    if d['two_part']:
        h.append('<tr>')
        for c in cols:
            if c == 'deadline':
                h.append(f'<th colspan="2"{W_(c)}>{esc(hdr[c])}</th>')
            else:
                h.append(f'<th rowspan="2"{W_(c)}>{esc(hdr[c])}</th>')
        h.append(f'</tr><tr><th{W_("deadline", 50)}>начало</th><th{W_("deadline", 50)}>окончание</th></tr>')
    else:
        h.append('<tr>' + ''.join(f'<th{W_(c)}>{esc(hdr[c])}</th>' for c in cols) + '</tr>')
    h.append('</thead><tbody>')
    ncells = len(cols) + (1 if d['two_part'] else 0)
    truth = []
    cont = 0
    for si, sec in enumerate(sections):
        st = d['sections']
        if st != 'none':
            lab = section_label(d, si, sec['title'])
            if st == 'bold first cell':
                cells = []
                if numcol:
                    cells.append(f'<td><b>{si + 1}.</b></td>' if d['numbering'] == '1.1.' else '<td></td>')
                    cells.append(f'<td><b>{esc(lab)}</b></td>')
                    cells += ['<td></td>'] * (ncells - 2)
                else:
                    cells.append(f'<td><b>{esc(lab)}</b></td>')
                    cells += ['<td></td>'] * (ncells - 1)
                h.append('<tr>' + ''.join(cells) + '</tr>')
            else:
                h.append(f'<tr><td colspan="{ncells}" align="center"><b>{esc(lab)}</b></td></tr>')
        for ri, r in enumerate(sec['rows']):
            cont += 1
            if d['numbering'] == '1.1.':
                no = f'{si + 1}.{ri + 1}.'
            elif d['numbering'] == '1.':
                no = f'{cont}.'
            elif d['numbering'] == '1)':
                no = f'{cont})'
            else:
                no = ''
            tds = []
            for c in cols:
                if c == 'num':
                    tds.append(f'<td align="center">{no}</td>')
                elif c == 'measure':
                    parts = []
                    ul = []
                    first = True
                    for p in paras_of(r):
                        if p.startswith('• '):
                            ul.append(f'<li>{esc(p[2:])}</li>')
                            continue
                        if ul:
                            parts.append('<ul>' + ''.join(ul) + '</ul>'); ul = []
                        pre = (no + ' ') if (d['num_in_cell'] and first) else ''
                        parts.append(f'<p>{esc(pre + p)}</p>')
                        first = False
                    if ul:
                        parts.append('<ul>' + ''.join(ul) + '</ul>')
                    tds.append('<td>' + ''.join(parts) + '</td>')
                elif c == 'deadline':
                    sp = r['span'].get('deadline')
                    if sp == 0:
                        continue
                    rs = f' rowspan="{sp}"' if sp else ''
                    if d['two_part']:
                        a, b = r['deadline']
                        tds.append(f'<td align="center"{rs}>{esc(a)}</td><td align="center"{rs}>{esc(b)}</td>')
                    else:
                        tds.append(f'<td align="center"{rs}>{esc(r["deadline"])}</td>')
                elif c == 'exec':
                    sp = r['span'].get('exec')
                    if sp == 0:
                        continue
                    rs = f' rowspan="{sp}"' if sp else ''
                    tds.append(f'<td{rs}>{esc(r["exec"])}</td>')
                else:
                    tds.append(f'<td>{esc(r["result"])}</td>')
            h.append('<tr>' + ''.join(tds) + '</tr>')
            dl = ' – '.join(r['deadline']) if d['two_part'] else r['deadline']
            truth.append({'measure': measure_text(r), 'deadline': dl, 'executors': r['exec'], 'indicator': r['result']})
    h.append('</tbody></table>')
    if d['signature']:
        P('')
        P(f'{post}\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0{person}')
    h.append('</body></html>')
    return '\n'.join(h), title, truth


def fix_odt_widths(path, d):
    """Writer's HTML import sizes the columns by their content and makes the table wider than a portrait page;
    set the table to the text width and the columns to the intended proportions (as a person would drag them)."""
    import zipfile
    tw = (29.7 - 2 - 1.5) if d['orientation'] == 'landscape' else (21 - 2.5 - 1.5)   # cm
    tw_in = tw / 2.54
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    out = []
    for info, data in items:
        if info.filename == 'content.xml':
            x = data.decode('utf-8')
            x = re.sub(r'(style:table-properties style:width=")[^"]*(")', lambda m: f'{m.group(1)}{tw_in:.4f}in{m.group(2)}', x, count=1)
            tot = sum(d['colw'])
            it = iter(d['colw'])
            def col(m):
                try:
                    w = next(it)
                except StopIteration:
                    return m.group(0)
                return f'style:column-width="{tw_in * w / tot:.4f}in"'
            x = re.sub(r'style:column-width="[^"]*"', col, x)
            it2 = iter(d['colw'])
            def rel(m):
                try:
                    w = next(it2)
                except StopIteration:
                    return m.group(0)
                return f'style:rel-column-width="{round(1000 * w / tot)}*"'
            x = re.sub(r'style:rel-column-width="[^"]*"', rel, x)
            data = x.encode('utf-8')
        out.append((info, data))
    with zipfile.ZipFile(path, 'w') as z:
        for info, data in out:
            z.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == 'mimetype' else zipfile.ZIP_DEFLATED)


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def soffice(args, cwd):
    run(['soffice', '-env:UserInstallation=file:///tmp/set15-lo', '--headless'] + args, cwd)


def page_texts(pdf):
    n = int(re.search(r'Pages:\s+(\d+)', subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout).group(1))
    return [subprocess.run(['pdftotext', '-raw', '-f', str(p), '-l', str(p), pdf, '-'], capture_output=True, text=True).stdout for p in range(1, n + 1)]


def squash(s):
    return re.sub(r'[\s\-‐‑–—­•\uf0b7\u25cf\u25e6]+', '', s.replace('«', '"').replace('»', '"'))


def cut_rows(pdf, truth):
    """indices of measures whose row is cut by a page break (some field starts on page k and ends on page k+1)"""
    pages = [squash(t) for t in page_texts(pdf)]
    out = []
    for i, m in enumerate(truth):
        for f in ('measure', 'indicator', 'executors'):
            v = squash(m[f])
            if any(v in p for p in pages):
                continue
            for k in range(len(pages) - 1):
                # find a split point: a prefix on page k, the rest on page k+1
                if any(v[:j] in pages[k] and v[j:] in pages[k + 1] for j in range(3, len(v) - 2)):
                    out.append(i); break
            else:
                continue
            break
    return out


def main():
    rng = random.Random(1515)
    os.makedirs(DOCS, exist_ok=True)
    os.makedirs(WORK, exist_ok=True)
    deck = Decks(rng)
    draws = [draw(rng, i, deck) for i in range(5)]
    models = [build_model(rng, d) for d in draws]
    chrom = rng.randrange(5)
    gsdoc = rng.choice([i for i in range(5) if i != chrom])
    report = []
    for i, (d, secs) in enumerate(zip(draws, models)):
        lvl = {'region': 'region', 'municipality': 'mun', 'school': 'school'}[d['level']]
        name = f'r{i + 1}-{lvl}-' + {'Крутобережная область': 'krutobereg', 'Верхнеольшанский муниципальный округ': 'verkhnyolshan',
            'Тальниковский муниципальный район': 'talnikovo', 'Голубичный городской округ': 'golubichny',
            'МБОУ «Ивняковская СОШ»': 'ivnyaki', 'Заволжская Низинная область': 'zavolzhye', 'МАОУ «Лесохимическая СОШ № 3»': 'lesokhim', 'МКОУ «Сухоложская ООШ»': 'sukholozhye'}[d['place'][0]]
        d['pdf_producer'] = 'Chromium (from the HTML)' if i == chrom else ('LibreOffice → Ghostscript' if i == gsdoc else 'LibreOffice (from the DOCX)')
        found = []
        allrows = [r for sec in secs for r in sec['rows']]
        cand = list(range(len(allrows)))
        random.Random(1515 + i).shuffle(cand)
        tries = [(c, p) for p in (0, 2) for c in cand[:8]] if d['cut_row'] else [(None, 0)]
        for li, pad in tries:
            for k, r in enumerate(allrows):
                r['long'] = (k == li)
            html_, title, truth = make_html(d, secs, pad)
            with open(os.path.join(WORK, name + '.html'), 'w', encoding='utf-8') as f:
                f.write(html_)
            soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'odt', name + '.html'], WORK)
            fix_odt_widths(os.path.join(WORK, name + '.odt'), d)
            soffice(['--convert-to', 'docx:MS Word 2007 XML', name + '.odt'], WORK)
            if i == chrom:
                run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                     f'--print-to-pdf={WORK}/{name}.pdf', f'file://{WORK}/{name}.html'], WORK)
            else:
                soffice(['--convert-to', 'pdf', name + '.docx'], WORK)
                if i == gsdoc:
                    run(['gs', '-q', '-sDEVICE=pdfwrite', '-o', name + '.gs.pdf', name + '.pdf'], WORK)
                    os.replace(os.path.join(WORK, name + '.gs.pdf'), os.path.join(WORK, name + '.pdf'))
            found = cut_rows(os.path.join(WORK, name + '.pdf'), truth)
            if not d['cut_row'] or found:
                break
            print(name, 'no cut row; long row', li, 'pad', pad, file=sys.stderr)
        d['pad'] = pad
        d['long_row'] = li
        d['cut_found'] = found
        shutil.copy(os.path.join(WORK, name + '.html'), os.path.join(DOCS, name + '.html'))
        for ext in ('docx', 'pdf'):
            shutil.copy(os.path.join(WORK, f'{name}.{ext}'), os.path.join(DOCS, f'{name}.{ext}'))
        txt = docxtxt.docx_to_txt(os.path.join(DOCS, name + '.docx'))
        with open(os.path.join(DOCS, name + '.txt'), 'w', encoding='utf-8') as f:
            f.write(txt)
        # overrides: TXT copied from Word leaves the later rows of a merged cell empty
        ov = {}
        k = 0
        for sec in secs:
            for r in sec['rows']:
                if r['span'].get('deadline') == 0:
                    ov.setdefault(str(k), {})['deadline'] = ''
                if r['span'].get('exec') == 0:
                    ov.setdefault(str(k), {})['executors'] = ''
                k += 1
        t = {'title': title, 'synthetic': True, 'measures': truth}
        if ov:
            t['overrides'] = {'txt': ov}
        with open(os.path.join(DOCS, name + '.truth.json'), 'w', encoding='utf-8') as f:
            json.dump(t, f, ensure_ascii=False, indent=1)
        dd = {k2: v for k2, v in d.items() if k2 not in ('place',)}
        dd['place'] = d['place'][0]
        dd['font'] = d['font'][0]
        dd['name'] = name
        dd['measures'] = len(truth)
        dd['sections_n'] = len(secs)
        dd['overrides_txt'] = sum(len(v) for v in ov.values())
        report.append(dd)
        print(name, len(truth), 'cut rows:', found, file=sys.stderr)
    with open(os.path.join(DOCS, 'draws.json'), 'w', encoding='utf-8') as f:
        json.dump(report, f, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
