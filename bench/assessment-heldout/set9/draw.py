"""Random draw of layout features for set 9 (seed 2026_1209). Imported by make.py; writes nothing itself."""
import random

STARS = ["★ per-task columns (ВПР)", "★ ФИС ОКО hierarchy in one column", "★ formulas with cached values + #DIV/0!",
         "★ «Распределение первичных баллов» columns", "★ schools as blocks of rows"]


def draw():
    r = random.Random(20261209)
    kinds = ["ВПР", "ВПР соответствие", "ОГЭ", "ЕГЭ", "НИКО", "РДР"]; r.shuffle(kinds)
    containers = ["xlsx-hand", "xlsx-hand", "xlsx-lo", "xlsx-lo", "csv", "csv"]; r.shuffle(containers)
    dialects = ["utf8-bom ; CRLF", "cp1251 ; CRLF", "utf8 , LF", "utf8 TAB CRLF"]; r.shuffle(dialects)
    by = ["code", "code", "code+name", "name+mun", "name+mun", "name+mun"]; r.shuffle(by)
    meta = ["title", "title", "sheet", "filename", "column", "nowhere"]; r.shuffle(meta)
    files = []
    for i in range(6):
        f = {"n": i + 1, "kind": kinds[i], "container": containers[i], "schools_by": by[i], "meta": meta[i], "star": []}
        if f["container"] == "csv":
            f["csv"] = dialects.pop()
        f["subtotals"] = r.choice(["first", "between", "last", "first+between", "between+last", "none"])
        f["layout"] = r.choice(["long", "long", "wide per subject", "wide per grade"])
        if f["kind"] == "ВПР соответствие":
            f["values"] = r.choice(["counts", "percents + participants", "counts + percents"])
        else:
            f["values"] = r.choice(["counts", "percents + participants", "fractions 0-1 + participants", "counts + percents"])
        f["pct"] = {"decimals": r.choice([0, 1, 2]), "sep": r.choice([",", "."])}
        f["extra columns"] = r.sample(["Средний балл", "Средняя отметка", "Не преодолели минимальный порог"], r.choice([0, 1, 2]))
        f["header rows"] = r.choice([1, 2, 3])
        f["merged cells down"] = r.random() < 0.5
        f["title lines"] = r.choice([0, 1, 2, 3, 4])
        f["notes after"] = r.random() < 0.6
        f["name variants"] = r.sample(["quotes «»/\"\"", "org form dropped", "org form added to short name", "extra spaces", "№ spacing"], 3)
        files.append(f)
    owners = {}
    # ★ per-task: only a ВПР result file has tasks
    vpr = [f for f in files if f["kind"] == "ВПР"]
    owners[STARS[0]] = r.choice(vpr)["n"]
    owners[STARS[2]] = r.choice([f for f in files if f["container"] == "xlsx-hand"])["n"]
    owners[STARS[3]] = r.choice([f for f in files if f["kind"] in ("ВПР", "ОГЭ", "ЕГЭ", "РДР")])["n"]
    owners[STARS[1]] = r.choice(files)["n"]
    owners[STARS[4]] = r.choice([f for f in files if f["n"] != owners[STARS[1]]])["n"]
    for s, n in owners.items():
        files[n - 1]["star"].append(s)
    hier = files[owners[STARS[1]] - 1]
    hier["hierarchy as"] = r.choice(["indented text", "level column «Уровень»"])
    return {"seed": 20261209, "feature owners": owners, "files": files}


if __name__ == "__main__":
    import json
    print(json.dumps(draw(), ensure_ascii=False, indent=1))
