"""The only reader of `knowledge/`: YAML and CSV files in, one validated KnowledgeBase out."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import files
from .errors import KnowledgeError
from .schema import (
    About,
    Achievement,
    Direction,
    Duty,
    Examples,
    Figure,
    GlossaryTerm,
    KnowledgeBase,
    Language,
    Note,
    Plan,
    PlanKnowledge,
    Priorities,
    Safeguarding,
    Section,
    Table,
    TopicPack,
)

DEFAULT_ROOT = Path(os.environ.get("OSCP_QA_KNOWLEDGE")
                    or Path(__file__).resolve().parent.parent / "knowledge")

LANGUAGE_FILES = {  # field of Language -> (file, key inside it)
    "areas": ("areas.yaml", "areas"),
    "measures": ("measures.yaml", "measures"),
    "categories": ("categories.yaml", "categories"),
    "terms": ("terms.yaml", "terms"),
    "intents": ("intents.yaml", "intents"),
    "words": ("words.yaml", "words"),
    "settings": ("settings.yaml", None),
    "restrictions": ("restrictions.yaml", "restrictions"),
    "places": ("places.yaml", "places"),
    "within_oxford": ("places.yaml", "within_oxford"),
    "signposts": ("signposts.yaml", "signposts"),
}

TOPIC_PACKS = "topic_packs.yaml"   # in a plan's folder; briefings only: not part of the database
SAFEGUARDING = Path("language") / "safeguarding.yaml"

PLAN_LISTS = {  # field of PlanKnowledge -> (file, key, model, the field each row is known by)
    "tables": ("tables.yaml", "tables", Table, "id"),
    "achievements": ("achievements.yaml", "achievements", Achievement, "id"),
    "glossary": ("glossary.yaml", "terms", GlossaryTerm, "term"),
    "duties": ("duties.yaml", "duties", Duty, "id"),
    "sections": ("sections.yaml", "sections", Section, "id"),
}
LANGUAGE_IDS = ("areas", "measures", "categories", "intents")  # lists of Language known by id
PRIORITY_IDS = {"pcc_priorities": "number", "themes": "id", "oscp_priorities": "id"}


def content_hash(root: Path = DEFAULT_ROOT) -> str:
    """A digest of every knowledge file, so the database is rebuilt exactly when one changes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(files.read_bytes(path))
    return digest.hexdigest()


def load(root: Path | str = DEFAULT_ROOT) -> KnowledgeBase:
    """Read and validate all of `knowledge/`: the shared language and every plan folder."""
    root = Path(root)
    if not root.is_dir():
        raise KnowledgeError(root, "knowledge folder not found")
    language = _load_language(root / "language")
    safeguarding = _load_safeguarding(root / SAFEGUARDING)
    plan_dirs = _plan_folders(root)
    plans = [_load_plan(folder, language) for folder in plan_dirs]
    ids: dict = {}
    years: dict = {}  # which plan is newest is told by its year
    for folder, plan in zip(plan_dirs, plans, strict=True):
        _unique(folder / "plan.yaml", [plan.plan], "id", ids, label=f"{folder.name}/plan.yaml")
        _unique(folder / "plan.yaml", [plan.plan], "plan_year", years,
                label=f"{folder.name}/plan.yaml")
    return KnowledgeBase(language=language, safeguarding=safeguarding, plans=plans,
                         content_hash=content_hash(root))


def load_topic_packs(root: Path | str = DEFAULT_ROOT) -> list[TopicPack]:
    """The briefings' topic packs: ready sets of questions, each asked through the assistant.
    Their questions name a plan's years and achievements, so they are the newest plan's."""
    path = newest_plan_folder(Path(root)) / TOPIC_PACKS
    packs = _validate_rows(TopicPack, _key(path, files.read_yaml(path), "packs"), path)
    for row, pack in enumerate(packs, start=1):
        if [p.id for p in packs].count(pack.id) > 1:
            raise KnowledgeError(path, f"duplicate pack id '{pack.id}'", row, "id")
    return packs


def newest_plan_folder(root: Path | str = DEFAULT_ROOT) -> Path:
    """The folder of the plan with the latest plan year: the one answers come from by default."""
    folders = _plan_folders(Path(root))
    plans = {folder: _validate(Plan, files.read_yaml(folder / "plan.yaml"), folder / "plan.yaml")
             for folder in folders}
    return max(folders, key=lambda folder: plans[folder].plan_year)


def _plan_folders(root: Path) -> list[Path]:
    folders = sorted(p for p in (root / "plans").glob("*") if p.is_dir())
    if not folders:
        raise KnowledgeError(root / "plans", "no plan folder found")
    return folders


def _read_csv(path: Path, model: type[BaseModel], min_rows: int = 0) -> list:
    """CSV rows as models; rows are numbered as a spreadsheet shows them (header = 1)."""
    rows = files.read_csv(path, list(model.model_fields), min_rows)
    return [_validate(model, data, path, row=line) for line, data in enumerate(rows, start=2)]


def _key(path: Path, data: Any, key: str | None) -> Any:
    if key is None:
        return data
    if not isinstance(data, dict) or key not in data:
        raise KnowledgeError(path, f"expected a top-level '{key}:'")
    return data[key]


def _validate(model: type[BaseModel], data: Any, path: Path, row_offset: int = 1,
              row: int | None = None) -> Any:
    """Validate, turning pydantic's error into one naming the file, the row and the field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        rows = [part for part in first["loc"] if isinstance(part, int)]
        fields = [part for part in first["loc"] if isinstance(part, str)]
        if row is None and rows:
            row = rows[0] + row_offset
        raise KnowledgeError(path, first["msg"], row, fields[-1] if fields else None) from None


def _validate_rows(model: type[BaseModel], rows: list, path: Path, row_offset: int = 1) -> list:
    if not isinstance(rows, list):
        raise KnowledgeError(path, "expected a list")
    return [_validate(model, data, path, row=row_offset + i) for i, data in enumerate(rows)]


def _load_language(folder: Path) -> Language:
    data = {}
    for field, (name, key) in LANGUAGE_FILES.items():
        path = folder / name
        data[field] = _key(path, files.read_yaml(path), key)
    try:
        language = Language.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        name = LANGUAGE_FILES[first["loc"][0]][0]
        rows = [p for p in first["loc"] if isinstance(p, int)]
        fields = [p for p in first["loc"][1:] if isinstance(p, str)]
        raise KnowledgeError(
            folder / name, first["msg"], rows[0] + 1 if rows else None, fields[-1] if fields else None
        ) from None
    for field in LANGUAGE_IDS:
        _unique(folder / LANGUAGE_FILES[field][0], getattr(language, field), "id")
    return language


def _load_safeguarding(path: Path) -> Safeguarding:
    """The safeguarding phrases and signposts: every signpost a situation names must exist."""
    data = _validate(Safeguarding, files.read_yaml(path), path)
    _unique(path, data.signposts, "id")
    _unique(path, data.situations, "id")
    known = {s.id for s in data.signposts}
    for row, situation in enumerate(data.situations, start=1):
        for name in situation.signposts:
            if name not in known:
                raise KnowledgeError(path, f"unknown signpost '{name}'", row, "signposts")
    return data


def _unique(path: Path, items: list, key: str, seen: dict | None = None, label: str = "") -> None:
    """No two rows known by the same id; `seen` carries ids over from earlier files."""
    seen = {} if seen is None else seen
    for row, item in enumerate(items, start=1):
        value = getattr(item, key)
        if value in seen:
            raise KnowledgeError(path, f"duplicate {key} '{value}', already used by {seen[value]}",
                                 row, key)
        seen[value] = f"{label or path.name} row {row}"


def _load_plan(folder: Path, language: Language) -> PlanKnowledge:
    parts: dict[str, Any] = {
        "plan": _validate(Plan, files.read_yaml(folder / "plan.yaml"), folder / "plan.yaml"),
        "figures": _read_csv(folder / "figures.csv", Figure, min_rows=1),
        "directions": _read_csv(folder / "directions.csv", Direction),
        "priorities": _validate(
            Priorities, files.read_yaml(folder / "priorities.yaml"), folder / "priorities.yaml"
        ),
        "about": _validate(About, files.read_yaml(folder / "about.yaml"), folder / "about.yaml"),
        "examples": _validate(Examples, files.read_yaml(folder / "examples.yaml"),
                              folder / "examples.yaml"),
        "notes": [],
    }
    for field, (name, key, model, known_by) in PLAN_LISTS.items():
        path = folder / name
        parts[field] = _validate_rows(model, _key(path, files.read_yaml(path), key), path)
        _unique(path, parts[field], known_by)
    note_ids: dict = {}
    for path in sorted(folder.glob("notes*.yaml")):
        notes = _validate_rows(Note, _key(path, files.read_yaml(path), "notes"), path)
        _unique(path, notes, "id", note_ids)
        parts["notes"] += notes
    for field, known_by in PRIORITY_IDS.items():
        _unique(folder / "priorities.yaml", getattr(parts["priorities"], field), known_by)
    _unique(folder / "about.yaml", parts["about"].facts, "id")
    plan = PlanKnowledge(**parts)
    _check_references(folder, plan, language)
    _check_plan_yaml(folder, plan, language)
    _check_examples(folder / "examples.yaml", plan.examples, language)
    return plan


def _check_plan_yaml(folder: Path, plan: PlanKnowledge, language: Language) -> None:
    """Every name plan.yaml gives is one the plan's other files use."""
    path, info = folder / "plan.yaml", plan.plan
    titles = {s.title for s in plan.sections}
    for part, title in info.sections.model_dump().items():
        if title not in titles:
            raise KnowledgeError(path, f"'{title}' is not the title of a section in sections.yaml",
                                 field=part)
    if info.home_area not in {a.id for a in language.areas}:
        raise KnowledgeError(path, f"unknown area '{info.home_area}'", field="home_area")
    note = info.pcc.not_listed_note
    if note is not None and note not in {n.id for n in plan.notes}:
        raise KnowledgeError(path, f"unknown note '{note}'", field="not_listed_note")
    if str(info.latest_year) not in {f.period for f in plan.figures}:
        raise KnowledgeError(path, f"no figure in figures.csv is for {info.latest_year}",
                             field="latest_year")


def _check_examples(path: Path, examples: Examples, language: Language) -> None:
    """Every intent has an example question, and every example is of a known intent."""
    known = [rule.id for rule in language.intents]
    for intent in examples.intents:
        if intent not in known:
            raise KnowledgeError(path, f"unknown intent '{intent}'", field=intent)
    for intent in known:
        if not examples.intents.get(intent):
            raise KnowledgeError(path, f"intent '{intent}' has no example question", field=intent)


def _check_references(folder: Path, plan: PlanKnowledge, language: Language) -> None:
    """Every id a row names must exist, no figure may appear twice, printed totals must add up."""
    known = {
        "area": {a.id for a in language.areas},
        "measure": {m.id for m in language.measures},
        "category": {c.id for c in language.categories},
        "table": {t.id for t in plan.tables},
        "quarter": set(language.words.quarters),
    }
    note_ids = {n.id for n in plan.notes}
    figures_csv, directions_csv = folder / "figures.csv", folder / "directions.csv"
    for path, rows in ((figures_csv, plan.figures), (directions_csv, plan.directions)):
        for line, row in enumerate(rows, start=2):
            for field, ids in known.items():
                value = getattr(row, field, None)
                if value is not None and value not in ids:
                    raise KnowledgeError(path, f"unknown {field} '{value}'", line, field)
    tables_yaml = folder / "tables.yaml"
    for index, table in enumerate(plan.tables, start=1):
        if table.measure not in known["measure"]:
            raise KnowledgeError(tables_yaml, f"unknown measure '{table.measure}'", index, "measure")
        for note in table.notes:
            if note not in note_ids:
                raise KnowledgeError(tables_yaml, f"unknown note '{note}'", index, "notes")
    keys = Counter(_figure_key(f) for f in plan.figures)
    for line, row in enumerate(plan.figures, start=2):
        if keys[_figure_key(row)] > 1:
            raise KnowledgeError(figures_csv, "duplicate figure", line, "value")
    _check_values(figures_csv, plan, language)
    _check_totals(figures_csv, plan, language)


def _check_values(path: Path, plan: PlanKnowledge, language: Language) -> None:
    """Only changes may be negative; a count of things is whole; a share is at most 100%."""
    counted = {m.id for m in language.measures if m.counts}
    for line, row in enumerate(plan.figures, start=2):
        problem = None
        if row.stat in ("count", "percent", "printed_share_pct") and row.value < 0:
            problem = f"a {row.stat} cannot be negative: {row.value:g}"
        elif row.stat == "count" and row.measure in counted and not row.value.is_integer():
            problem = f"a count of {row.unit} must be a whole number, not {row.value:g}"
        elif row.stat in ("percent", "printed_share_pct") and row.value > 100:
            problem = f"a share cannot be more than 100 per cent: {row.value:g}"
        if problem:
            raise KnowledgeError(path, problem, line, "value")


def _figure_key(f: Figure) -> tuple:
    return (f.measure, f.area, f.period, f.quarter, f.category, f.stat, f.table)


def _check_totals(path: Path, plan: PlanKnowledge, language: Language) -> None:
    """Where a measure prints a total category, its parts must add up to it."""
    total_of = {m.id: m.total_category for m in language.measures if m.total_category}
    parts: dict[tuple, list[float]] = {}
    totals: dict[str, list[tuple[int, Figure]]] = {}
    for line, row in enumerate(plan.figures, start=2):
        if row.stat != "count" or row.measure not in total_of:
            continue
        if row.category == total_of[row.measure]:
            totals.setdefault(row.measure, []).append((line, row))
        else:
            parts.setdefault((row.measure, row.area, row.period), []).append(row.value)
    for measure in total_of:   # the first fault in the measures' order, then the file's
        for line, total in totals.get(measure, []):
            found = parts.get((measure, total.area, total.period))
            if found and sum(found) != total.value:
                raise KnowledgeError(
                    path, f"parts add up to {sum(found):g}, not the printed total {total.value:g}",
                    line, "value",
                )
