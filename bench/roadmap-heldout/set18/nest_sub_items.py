"""Nest the sub-item rows of s3 («1.1.»–«1.3.», «12.1.»–«12.3.») under their measure, as `subItems`.

The brief for this set said sub-items are measures of their own; the grader (measure.mjs) and every earlier set
(set 2, set 13) count a numbered sub-item as part of its measure (`subItems`, information only). Run once after
gen.py (build.sh does); the flat truth of the first run is kept in result-first-run-flat-truth-s3.json.
"""
import json
import re

PATH = 'docs/s3-sch-sosh4.truth.json'
txt = open('docs/s3-sch-sosh4.txt', encoding='utf-8').read()
subs = [re.sub(r'\s+', ' ', m.group(1)).strip() for m in re.finditer(r'^\d+\.\d+\.\t([^\t]*)', txt, re.M)]
truth = json.load(open(PATH, encoding='utf-8'))
if any('subItems' in m for m in truth['measures']):
    raise SystemExit('already nested')
measures, moved, index = [], {}, {}
for old, m in enumerate(truth['measures']):
    if any(m['measure'].startswith(s[:40]) for s in subs):
        measures[-1].setdefault('subItems', []).append(m)
        continue
    index[old] = len(measures)
    measures.append(m)
truth['measures'] = measures
over = truth.get('overrides', {}).get('txt', {})
truth['overrides']['txt'] = {str(index[int(k)]): v for k, v in over.items() if int(k) in index}
json.dump(truth, open(PATH, 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
print(f'{PATH}: {len(measures)} measures, {sum(len(m.get("subItems", [])) for m in measures)} sub-items')
