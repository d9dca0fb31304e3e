"""Random draw of layout attributes for set 6 (seed 2026_1206). Printed once; make.py implements what was drawn."""
import random, json
R = random.Random(2026_1206)
ATTR = {
    "shape": ["long", "wide (group per subject)", "wide (group per grade)", "blocks one under another",
              "sheet per municipality", "sheet per subject", "row per class"],
    "values": ["counts", "percents + participants", "«n (p%)»", "%-row above marks", "fractions 0,245"],
    "subtotals": ["none", "region", "municipality", "«Вся выборка» + region", "«Итого»"],
    "header rows": [1, 2, 3],
    "merged school cells": [False, True],
    "title gives": ["nothing", "year", "year+assessment", "year+assessment+subject", "all four"],
    "schools by": ["code column", "name", "shortName"],
    "text numbers «1 204»": [False, True],
    "empty = 0": [False, True],
    "hidden rows/cols": [False, True],
    "format": ["xlsx (LibreOffice from HTML)", "xlsx (by hand)", "csv utf-8 ;", "csv cp1251 ;", "csv utf-8 ,", "csv cp1251 TAB"],
    "table": ["results", "results", "results", "confirmation"],
    "preamble": [False, True],
}
def draw(n=6):
    # balanced: shapes and value kinds without replacement, the rest independent; then the fix-ups below
    shapes = R.sample(ATTR["shape"], n)
    vals = R.sample(ATTR["values"], 5) + [R.choice(ATTR["values"])]
    out = []
    for i in range(n):
        d = {k: R.choice(v) for k, v in ATTR.items()}
        d["shape"], d["values"] = shapes[i], vals[i]
        if d["shape"].startswith("sheet") or d["merged school cells"] or d["hidden rows/cols"]:
            if d["format"].startswith("csv"):
                d["format"] = "xlsx (by hand)"          # CSV has no sheets/merges/hidden rows
        if d["format"].startswith("csv"):
            d["header rows"] = min(d["header rows"], 2)
        out.append(d)
    if not any(d["hidden rows/cols"] for d in out):
        j = R.randrange(n); out[j]["hidden rows/cols"] = True
        if out[j]["format"].startswith("csv"): out[j]["format"] = "xlsx (by hand)"
    return out
if __name__ == "__main__":
    for i, d in enumerate(draw(), 1):
        print(i, json.dumps(d, ensure_ascii=False))
