"""A synthetic knowledge root N times the size of the real one, for benchmarks.

Answers read the newest plan only, so growing the number of plan folders would not stress the
per-question path. Instead the one plan folder (and the shared language it needs) grows:

copy k = 1 .. N-1 of the real plan adds, under a made-up copy word such as "bakodume":
  language/measures.yaml   every measure again, id `<measure>_s<k>`, label "... (Bakodume)"
  language/terms.yaml      every term again, each phrase prefixed "bakodume ...", meaning the copies
  language/areas.yaml      one new area "Bakodume" (parent Oxfordshire)
  tables.yaml              every table again, id `<table>-s<k>`, for the copied measure
  notes-synthetic.yaml     every note again, id `<note>-s<k>`, named by the copied tables
  figures.csv             every figure row again: Oxford's rows become the new area's, years are
                           shifted back k % 5 years (so the plan spans more years), counts and
                           printed changes are multiplied by (k % 7 + 1) so printed totals still
                           add up and the plan has new values
  directions.csv           every direction again, mapped the same way
  sections.yaml, achievements.yaml, glossary.yaml
                           every entry again with a new unique id / name; text keeps two words
                           in three of the real text (the rest become the copy word), so the
                           full-text index grows with the same English but the real passage
                           still ranks first for a question that quotes it

Left as they are (answers count or list them whole, so copying would change real answers):
priorities, duties, about, categories, intents, words, settings.

The real rows come first and keep their ids, so the dev questions should get the same answers
at every scale; `benchmarks/run.py` checks that.

    python benchmarks/synthetic.py --scale 10 [--out DIR]     # writes, loads and verifies
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from oscp_qa import knowledge
from oscp_qa.normalise import normalise
from oscp_qa.schema import Figure, KnowledgeBase, PlanKnowledge

REAL_ROOT = knowledge.DEFAULT_ROOT
NEW_AREA_REPLACES = "oxford"          # in copy k, Oxford's rows become the copy's own area
NEW_AREA_PARENT = "oxfordshire"
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]   # 70
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)   # libyaml when present: 10x faster
_YEAR = re.compile(r"(?<!\d)(\d{4})(?:/(\d{2}))?(?!\d)")


# --- made-up words -------------------------------------------------------------------------------


def _real_tokens(kb: KnowledgeBase, extra_text: str = "") -> list[str]:
    """Every word the real knowledge (and the question set) uses, to keep copy words clear of."""
    dumped = kb.model_dump_json() + " " + extra_text
    return sorted({t for t in normalise(dumped).split() if t.isalpha() and len(t) >= 4})


def copy_words(count: int, avoid: list[str]) -> list[str]:
    """`count` distinct made-up words of four syllables ("bakodume"), each more than two edits
    from any real word, so neither exact nor fuzzy matching can confuse them with real words."""
    words: list[str] = []
    seen: set[str] = set()
    n = 0
    while len(words) < count:
        n += 1
        x = (n * 2654435761 + 40503) % (70 ** 4)
        word = "".join(_SYLLABLES[(x // 70 ** i) % 70] for i in range(4))
        if word in seen:
            continue
        near = process.extractOne(word, avoid, scorer=DamerauLevenshtein.distance,
                                  processor=None, score_cutoff=2)
        if near is None:
            words.append(word)
            seen.add(word)
    return words


# --- mapping one real row into copy k ---------------------------------------------------------------


class Copy:
    def __init__(self, k: int, word: str, measure_ids: set[str], note_ids: set[str]):
        self.k, self.word, self.Word = k, word, word.capitalize()
        self.measure_ids, self.note_ids = measure_ids, note_ids
        self.area = f"area-{word}"
        self.shift = k % 5
        self.factor = k % 7 + 1

    def id(self, value: str) -> str:
        return f"{value}-s{self.k}"

    def measure(self, value: str) -> str:
        return f"{value}_s{self.k}"

    def note(self, value: str) -> str:
        return self.id(value) if value in self.note_ids else value

    def area_of(self, value: str) -> str:
        return self.area if value == NEW_AREA_REPLACES else value

    def period(self, value: str | None) -> str | None:
        """'2021' -> '2019', '2020/21' -> '2018/19', '2020-2021' -> '2018-2019' (shift 2)."""
        if value is None or not self.shift:
            return value

        def move(m: re.Match) -> str:
            start = int(m.group(1)) - self.shift
            return f"{start}/{(start + 1) % 100:02d}" if m.group(2) else str(start)

        return _YEAR.sub(move, value)

    def phrase(self, value: str) -> str:
        return f"{self.word} {value}"

    def text(self, value: str) -> str:
        """The real text with every third word replaced by the copy word; layout kept."""
        parts = re.split(r"(\s+)", value)
        index = 0
        for i, part in enumerate(parts):
            if part and not part.isspace():
                if (index + self.k) % 3 == 0:
                    parts[i] = self.word
                index += 1
        return "".join(parts)


def _figure(copy: Copy, f: Figure) -> dict:
    value = f.value
    if f.stat in ("count", "printed_change") and f.unit != "per cent":
        value = f.value * copy.factor
    return {**f.model_dump(), "table": copy.id(f.table), "measure": copy.measure(f.measure),
            "area": copy.area_of(f.area), "period": copy.period(f.period), "value": value}


# --- writing ----------------------------------------------------------------------------------------


def _dump_yaml(path: Path, data) -> None:
    path.write_text(
        "# Synthetic, generated by benchmarks/synthetic.py from the real knowledge.\n"
        + yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=10_000),
        encoding="utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _dump_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row[k]) for k in fields})


def _dumps(items) -> list[dict]:
    return [item.model_dump() for item in items]


def write(scale: int, dest: Path | str, source: Path | str = REAL_ROOT,
          avoid_text: str = "") -> Path:
    """Write a knowledge root `scale` times the real one into `dest` (which must not exist or be
    empty) and return it. `avoid_text`: more words the copy words must stay clear of."""
    source, dest = Path(source), Path(dest)
    kb = knowledge.load(source)
    plan_dir = max(p for p in (source / "plans").glob("*") if p.is_dir())
    real: PlanKnowledge = next(p for p in kb.plans if p.plan.id == plan_dir.name)
    language = kb.language

    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / "language", dest / "language", dirs_exist_ok=True)
    shutil.copytree(plan_dir, dest / "plans" / plan_dir.name, dirs_exist_ok=True)
    if scale <= 1:
        return dest
    out = dest / "plans" / plan_dir.name

    words = copy_words(scale - 1, _real_tokens(kb, avoid_text))
    measure_ids = {m.id for m in language.measures}
    note_ids = {n.id for n in real.notes}
    copies = [Copy(k, words[k - 1], measure_ids, note_ids) for k in range(1, scale)]

    # language: measures, terms, areas
    measures = _dumps(language.measures)
    terms = _dumps(language.terms)
    areas = _dumps(language.areas)
    for c in copies:
        measures += [{**m.model_dump(), "id": c.measure(m.id), "label": f"{m.label} ({c.Word})"}
                     for m in language.measures]
        terms += [{"phrases": [c.phrase(p) for p in t.phrases],
                   "means": [{**m.model_dump(), "measure": c.measure(m.measure)} for m in t.means],
                   "anchor": t.anchor} for t in language.terms]
        areas.append({"id": c.area, "label": c.Word, "aliases": [c.word, c.phrase("district")],
                      "parent": NEW_AREA_PARENT, "covers": []})
    _dump_yaml(dest / "language" / "measures.yaml", {"measures": measures})
    _dump_yaml(dest / "language" / "terms.yaml", {"terms": terms})
    _dump_yaml(dest / "language" / "areas.yaml", {"areas": areas})

    # the plan: figures, directions, tables, notes
    figures = _dumps(real.figures) + [_figure(c, f) for c in copies for f in real.figures]
    _dump_csv(out / "figures.csv", list(Figure.model_fields), figures)
    directions = _dumps(real.directions) + [
        {**d.model_dump(), "table": c.id(d.table), "measure": c.measure(d.measure),
         "area": c.area_of(d.area), "period": c.period(d.period),
         "compared_with": c.period(d.compared_with)}
        for c in copies for d in real.directions]
    _dump_csv(out / "directions.csv", list(type(real.directions[0]).model_fields), directions)
    tables = _dumps(real.tables) + [
        {**t.model_dump(), "id": c.id(t.id), "label": f"{t.label} ({c.Word})",
         "title": f"{t.title} ({c.Word})", "measure": c.measure(t.measure),
         "notes": [c.note(n) for n in t.notes]}
        for c in copies for t in real.tables]
    _dump_yaml(out / "tables.yaml", {"tables": tables})
    _dump_yaml(out / "notes-synthetic.yaml", {"notes": [
        {**n.model_dump(), "id": c.id(n.id), "text": c.text(n.text)}
        for c in copies for n in real.notes]})

    # the plan's words: sections, achievements, glossary
    sections = _dumps(real.sections) + [
        {"id": c.id(s.id), "title": f"{s.title} ({c.Word})",
         "parent": c.id(s.parent) if s.parent else None, "text": c.text(s.text)}
        for c in copies for s in real.sections]
    _dump_yaml(out / "sections.yaml", {"sections": sections})
    achievements = _dumps(real.achievements) + [
        {**a.model_dump(), "id": c.id(a.id), "title": c.phrase(a.title),
         "aliases": [c.phrase(x) for x in a.aliases], "text": c.text(a.text),
         "summary": c.text(a.summary),
         "facts": [{**f.model_dump(), "value": c.phrase(f.value) if f.kind == "place"
                    else c.text(f.value)} for f in a.facts]}
        for c in copies for a in real.achievements]
    _dump_yaml(out / "achievements.yaml", {"achievements": achievements})
    glossary = _dumps(real.glossary) + [
        {"term": f"{c.Word} {g.term}",
         "stands_for": c.phrase(g.stands_for) if g.stands_for else None,
         "aliases": [c.phrase(x) for x in g.aliases], "meaning": c.text(g.meaning),
         "in_plan": g.in_plan}
        for c in copies for g in real.glossary]
    _dump_yaml(out / "glossary.yaml", {"terms": glossary})
    return dest


def counts(kb: KnowledgeBase) -> dict[str, int]:
    """How big a knowledge base is, for the report."""
    plan = max(kb.plans, key=lambda p: p.plan.plan_year)
    return {"figures": len(plan.figures), "tables": len(plan.tables), "notes": len(plan.notes),
            "measures": len(kb.language.measures), "terms": len(kb.language.terms),
            "areas": len(kb.language.areas), "sections": len(plan.sections),
            "achievements": len(plan.achievements), "glossary": len(plan.glossary),
            "periods": len({f.period for f in plan.figures})}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--out", type=Path, help="folder to write (default: a new temp folder)")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix=f"oscp-knowledge-x{args.scale}-"))
    start = time.perf_counter()
    write(args.scale, out)
    written = time.perf_counter() - start
    start = time.perf_counter()
    kb = knowledge.load(out)               # raises KnowledgeError naming the file if invalid
    loaded = time.perf_counter() - start
    real = counts(knowledge.load(REAL_ROOT))
    grown = counts(kb)
    print(f"wrote {out} in {written:.2f} s; knowledge.load verified it in {loaded:.2f} s")
    for key, value in grown.items():
        print(f"  {key:<13}{value:>7}  ({value / real[key]:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
