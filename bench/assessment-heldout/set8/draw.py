"""The random draw of layout features for set 8 (seed 2026_1208). Imported by make.py; writes nothing."""
import random

KINDS = ['ВПР', 'ВПР соответствие', 'ОГЭ', 'ЕГЭ', 'НИКО', 'РДР']


def draw():
    rng = random.Random(20261208)
    files = [{'n': i + 1} for i in range(6)]
    kinds = KINDS[:]
    rng.shuffle(kinds)
    containers = ['xlsx-hand', 'xlsx-hand', 'xlsx-hand', 'xlsx-lo', 'csv', 'csv']
    rng.shuffle(containers)
    csv_deck = ['utf8-bom ; CRLF', 'cp1251 TAB CRLF', 'utf8 , LF', 'utf8 ; LF', 'utf8-bom TAB LF']
    rng.shuffle(csv_deck)
    by_deck = ['code', 'code+name', 'name+mun', 'name+mun', 'code', 'name+mun']
    rng.shuffle(by_deck)
    sub_deck = ['first', 'between', 'last', 'between+last', 'first+between', 'none']
    rng.shuffle(sub_deck)
    meta_deck = ['title', 'title', 'filename', 'column', 'nowhere', 'sheet']
    rng.shuffle(meta_deck)
    for f, k, c, b, s, m in zip(files, kinds, containers, by_deck, sub_deck, meta_deck):
        f.update(kind=k, container=c, schools_by=b, subtotals=s, meta=m)
        if c == 'csv':
            f['csv'] = csv_deck.pop()
    hand = [f for f in files if f['container'] == 'xlsx-hand']
    feats = {
        '★ several sheets': rng.choice(hand)['n'],
        '★ hidden rows + hidden column': rng.choice(hand)['n'],
        '★ numbers stored as text': rng.choice(hand)['n'],
        '★ n (p%) cells': rng.choice(files)['n'],
    }
    for f in files:
        f['star'] = [k for k, v in feats.items() if v == f['n']]
        multi = '★ several sheets' in f['star']
        f['layout'] = 'sheets' if multi else rng.choice(['long', 'long per procedure', 'wide'])
        if f['layout'] in ('wide', 'sheets', 'long per procedure'):
            f['split'] = rng.choice(['subject', 'grade'])
        if f['kind'] == 'ВПР соответствие':
            f['values'] = 'n (p%)' if '★ n (p%) cells' in f['star'] else rng.choice(['counts', 'counts + %', '% + participants'])
        else:
            f['values'] = 'n (p%)' if '★ n (p%) cells' in f['star'] else rng.choice(
                ['counts', 'percents + participants', 'fractions', 'counts + percents'])
        if f['values'] in ('percents + participants', 'counts + percents', 'counts + %', '% + participants', 'n (p%)'):
            f['pct'] = {'decimals': rng.choice([0, 1, 2]), 'sep': rng.choice([',', '.'])}
        extra = {'ВПР': ['Средняя отметка', 'Средний балл'], 'ОГЭ': ['Не преодолели минимальный порог', 'Средний балл', 'Средняя отметка'],
                 'ЕГЭ': ['Не преодолели минимальный порог', 'Средний балл'], 'НИКО': ['Средний балл', 'Средняя отметка'],
                 'РДР': ['Средний балл', 'Средняя отметка'], 'ВПР соответствие': []}[f['kind']]
        f['extra columns'] = rng.sample(extra, rng.randint(0, len(extra)))
        f['class rows'] = rng.random() < 0.3 and f['layout'] != 'long per procedure'
        if f['container'] == 'csv':
            f['header rows'] = 1
        else:
            f['header rows'] = rng.choice([1, 2, 3]) if f['layout'] != 'wide' else rng.choice([2, 3])
            f['merged cells down'] = rng.random() < 0.5
        f['title lines'] = rng.randint(0, 4) if f['meta'] != 'title' else rng.randint(1, 4)
        f['notes after'] = rng.random() < 0.5
        if f['schools_by'] == 'name+mun':
            f['name variants'] = rng.sample(['quotes «»/""', 'org form dropped', 'org form added to short name', 'extra spaces', '№ spacing'], 3)
    return {'seed': 20261208, 'feature owners': feats, 'files': files}


if __name__ == '__main__':
    import json
    print(json.dumps(draw(), ensure_ascii=False, indent=1))
