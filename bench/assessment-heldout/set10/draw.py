"""Random draw of layout features for set 10 (seed 2026_1210). Imported by make.py; writes nothing itself."""
import random

STAR = ["ods_merged", "linebreak_headers", "placeholders", "years_wide", "start_C6_filter_freeze", "two_assessments_side_by_side"]
OLD = ["per_task", "hierarchy_one_column", "formulas_cached", "several_sheets", "hidden_rows", "n_p_percent", "numbers_as_text"]


def draw():
    r = random.Random(20261210)
    d = {"seed": 20261210, "files": [], "star_assignment": {}, "resolved": []}
    kinds = ["ВПР", "ВПР соответствие", "ОГЭ", "ЕГЭ", "НИКО", "РДР"]; r.shuffle(kinds)
    containers = ["ods", "xlsx-hand", "xlsx-hand", "xlsx-lo", "csv", "csv"]; r.shuffle(containers)
    dialects = [("utf-8-sig", ";", "CRLF"), ("cp1251", "\t", "CRLF"), ("utf-8", ",", "LF")]; r.shuffle(dialects)
    schools_by = ["code", "code", "code+name", "name+municipality", "name+municipality", "name+municipality"]; r.shuffle(schools_by)
    stated = ["title", "title", "sheet", "file name", "column", "nowhere"]; r.shuffle(stated)
    di = 0
    for i in range(6):
        f = {"n": i + 1, "kind": kinds[i], "container": containers[i], "schools_by": schools_by[i], "stated": stated[i]}
        if containers[i] == "csv":
            f["csv_dialect"] = dialects[di]; di += 1
        f["subtotals"] = r.choice(["first", "between", "last", "between+last", "none"])
        f["layout"] = r.choice(["long", "wide per subject", "wide per grade"])
        f["values"] = r.choice(["counts", "percents+participants", "fractions+participants", "counts+percents"])
        f["pct_decimals"] = r.choice([0, 1, 2]); f["decimal_sep"] = r.choice([",", "."])
        f["header_rows"] = r.choice([1, 2, 2, 3]); f["title_lines"] = r.choice([0, 1, 2, 3, 4])
        f["notes"] = r.choice([True, False]); f["merged_down"] = r.choice([True, False])
        f["extra_cols"] = r.sample(["Средний балл", "Средняя отметка", "Не преодолели минимальный порог"], r.choice([0, 1, 2]))
        f["name_variants"] = r.sample(["«» → \"\"", "org form dropped", "org form added", "extra spaces", "№ spacing"], 3)
        f["features"] = []
        d["files"].append(f)
    F = d["files"]
    def give(feat, eligible):
        k = r.choice(eligible); F[k]["features"].append(feat); d["star_assignment"].setdefault(feat, []).append(k + 1); return k
    # ★ features
    give("ods_merged", [i for i in range(6) if F[i]["container"] == "ods"])
    give("linebreak_headers", [i for i in range(6) if F[i]["container"].startswith("xlsx")])
    give("linebreak_headers", [i for i in range(6) if F[i]["container"] == "csv"])
    give("placeholders", list(range(6)))
    give("years_wide", [i for i in range(6) if F[i]["kind"] != "ВПР соответствие"])
    give("start_C6_filter_freeze", [i for i in range(6) if F[i]["container"] == "xlsx-hand"])
    give("two_assessments_side_by_side", [i for i in range(6) if F[i]["kind"] in ("ВПР", "РДР")])
    # earlier features, each to one random file that still has room (3–5 features in all, counting layout traits)
    old = OLD[:]; r.shuffle(old)
    for feat in old:
        room = [i for i in range(6) if len(F[i]["features"]) < 3]
        if not room:
            room = [i for i in range(6) if len(F[i]["features"]) < 4]
        k = r.choice(room); F[k]["features"].append(feat)
    return d, r

if __name__ == "__main__":
    import json
    print(json.dumps(draw()[0], ensure_ascii=False, indent=1))
