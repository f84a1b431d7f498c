"""A broken knowledge file fails loudly: knowledge.load raises KnowledgeError naming the file,
the row and the field, so the person editing it knows where to look.

Each case copies knowledge/ to a temporary folder and breaks one thing.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import KNOWLEDGE

from oscp_qa import KnowledgeError, knowledge

PLAN = Path("plans/oscp-2022-23")
FIGURES = PLAN / "figures.csv"


# --- ways to break a file ------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def csv_line(root: Path, **where) -> int:
    """The spreadsheet row number (header = 1) of the one figures.csv row matching `where`."""
    rows = read_csv(root / FIGURES)
    header = rows[0]
    found = [number for number, row in enumerate(rows[1:], start=2)
             if all(row[header.index(k)] == v for k, v in where.items())]
    assert len(found) == 1, (where, found)
    return found[0]


def set_cell(line: int, column: str, value: str):
    def apply(root: Path) -> None:
        rows = read_csv(root / FIGURES)
        rows[line - 1][rows[0].index(column)] = value
        write_csv(root / FIGURES, rows)
    return apply


def duplicate_row(line: int):
    def apply(root: Path) -> None:
        rows = read_csv(root / FIGURES)
        rows.insert(line, list(rows[line - 1]))
        write_csv(root / FIGURES, rows)
    return apply


def edit_yaml(relative: Path, change):
    def apply(root: Path) -> None:
        path = root / relative
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return apply


def write_text(relative: Path, text: str):
    def apply(root: Path) -> None:
        (root / relative).write_text(text, encoding="utf-8")
    return apply


def delete(relative: Path):
    def apply(root: Path) -> None:
        (root / relative).unlink()
    return apply


def _item(items: list, key: str, value: str) -> int:
    """The position (0-based) of the item whose `key` is `value`."""
    return next(i for i, item in enumerate(items) if item.get(key) == value)


# Rows the cases break, found by what they hold (not by a hard-coded line number).
OXFORD_2020 = csv_line(KNOWLEDGE, table="table-1", area="oxford", period="2020",
                       stat="count")
HATE_FAITH = csv_line(KNOWLEDGE, table="table-8", area="oxfordshire", category="faith")
SLAVERY_TV = csv_line(KNOWLEDGE, table="table-7", area="thames-valley")
DA_2019 = csv_line(KNOWLEDGE, table="table-4", area="oxford", period="2019", stat="count")
ASB_COMMUNITY = csv_line(KNOWLEDGE, table="table-3", area="oxford", category="community")
ASB_TOTAL = csv_line(KNOWLEDGE, table="table-3", area="oxford", category="total")

TABLES_YAML = yaml.safe_load((KNOWLEDGE / PLAN / "tables.yaml").read_text(encoding="utf-8"))
TABLE_5 = _item(TABLES_YAML["tables"], "id", "table-5")
GLOSSARY_YAML = yaml.safe_load((KNOWLEDGE / PLAN / "glossary.yaml").read_text(encoding="utf-8"))
GLOSSARY_DAHA = _item(GLOSSARY_YAML["terms"], "term", "DAHA")


def _add_key(items_key: str, index: int, key: str, value):
    def change(data):
        data[items_key][index][key] = value
    return change


def _add_note(data):
    data["tables"][TABLE_5]["notes"].append("table-5-no-such-note")


def _priority_typo(data):
    data["oscp_priorities"][3]["keyword"] = ["typo for keywords"]


ACHIEVEMENTS_YAML = yaml.safe_load((KNOWLEDGE / PLAN / "achievements.yaml").read_text(
    encoding="utf-8"))
VIGILANT = _item(ACHIEVEMENTS_YAML["achievements"], "id", "operation-vigilant")


def _fact_typo(data):
    """A typo in the third key fact of one achievement: the row is the achievement's."""
    data["achievements"][VIGILANT]["facts"][2]["knid"] = "other"


def _area_typo(data):
    data["areas"][1]["alias"] = ["typo for aliases"]


CASES = [
    # id, break, file, row, field, problem (regex)
    ("missing field", set_cell(OXFORD_2020, "unit", ""), FIGURES, OXFORD_2020, "unit",
     "Field required"),
    ("missing value", set_cell(HATE_FAITH, "value", ""), FIGURES, HATE_FAITH, "value",
     "Field required"),
    ("wrong type", set_cell(SLAVERY_TV, "value", "abc"), FIGURES, SLAVERY_TV, "value",
     "valid number"),
    ("unknown stat", set_cell(DA_2019, "stat", "total"), FIGURES, DA_2019, "stat",
     "Input should be"),
    ("unknown area", set_cell(DA_2019, "area", "oxfrod"), FIGURES, DA_2019, "area",
     "unknown area 'oxfrod'"),
    ("unknown table", set_cell(HATE_FAITH, "table", "table-88"), FIGURES, HATE_FAITH, "table",
     "unknown table 'table-88'"),
    ("unknown measure", set_cell(OXFORD_2020, "measure", "all_crime"), FIGURES, OXFORD_2020,
     "measure", "unknown measure 'all_crime'"),
    ("unknown category", set_cell(HATE_FAITH, "category", "religion"), FIGURES, HATE_FAITH,
     "category", "unknown category 'religion'"),
    ("parts do not add up", set_cell(ASB_COMMUNITY, "value", "1267"), FIGURES, ASB_TOTAL,
     "value", "parts add up to 1732, not the printed total 1731"),
    ("total changed", set_cell(ASB_TOTAL, "value", "1730"), FIGURES, ASB_TOTAL, "value",
     "parts add up to 1731, not the printed total 1730"),
    ("unknown note", edit_yaml(PLAN / "tables.yaml", _add_note), PLAN / "tables.yaml",
     TABLE_5 + 1, "notes", "unknown note 'table-5-no-such-note'"),
    ("extra key in tables.yaml", edit_yaml(PLAN / "tables.yaml",
                                           _add_key("tables", TABLE_5, "titel", "x")),
     PLAN / "tables.yaml", TABLE_5 + 1, "titel", "Extra inputs are not permitted"),
    ("extra key in glossary.yaml", edit_yaml(PLAN / "glossary.yaml",
                                             _add_key("terms", GLOSSARY_DAHA, "stand_for", "x")),
     PLAN / "glossary.yaml", GLOSSARY_DAHA + 1, "stand_for", "Extra inputs are not permitted"),
    ("extra key in priorities.yaml", edit_yaml(PLAN / "priorities.yaml", _priority_typo),
     PLAN / "priorities.yaml", 4, "keyword", "Extra inputs are not permitted"),
    ("extra key in a nested item", edit_yaml(PLAN / "achievements.yaml", _fact_typo),
     PLAN / "achievements.yaml", VIGILANT + 1, "knid", "Extra inputs are not permitted"),
    ("extra key in areas.yaml", edit_yaml(Path("language/areas.yaml"), _area_typo),
     Path("language/areas.yaml"), 2, "alias", "Extra inputs are not permitted"),
]


@pytest.mark.parametrize("breaks, relative, row, field, problem", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_error_names_file_row_and_field(root, breaks, relative, row, field, problem):
    breaks(root)
    path = root / relative
    with pytest.raises(KnowledgeError,
                       match=rf"^{re.escape(str(path))}, row {row}, field '{field}': .*{problem}"
                       ) as caught:
        knowledge.load(root)
    error = caught.value
    assert (error.path, error.row, error.field) == (str(path), row, field)
    assert re.search(problem, error.problem)


def test_duplicate_figure_names_one_of_the_two_rows(root):
    duplicate_row(DA_2019)(root)
    with pytest.raises(KnowledgeError, match=rf"^{re.escape(str(root / FIGURES))}, "
                                             rf"row ({DA_2019}|{DA_2019 + 1}), field 'value': "
                                             r"duplicate figure"):
        knowledge.load(root)


@pytest.mark.parametrize("breaks, relative, problem", [
    (write_text(PLAN / "tables.yaml", "tables: [unclosed\n  - id: x\n"), PLAN / "tables.yaml",
     "not valid YAML"),
    (write_text(PLAN / "duties.yaml", "duties:\n\t- id: tab-indented\n"), PLAN / "duties.yaml",
     "not valid YAML"),
    (write_text(PLAN / "glossary.yaml", "glossary_terms: []\n"), PLAN / "glossary.yaml",
     "expected a top-level 'terms:'"),
    (delete(PLAN / "duties.yaml"), PLAN / "duties.yaml", "file not found"),
    (delete(FIGURES), FIGURES, "file not found"),
    (delete(Path("language/measures.yaml")), Path("language/measures.yaml"), "file not found"),
], ids=["invalid YAML", "tab-indented YAML", "wrong top-level key", "missing duties.yaml",
        "missing figures.csv", "missing measures.yaml"])
def test_error_names_the_file(root, breaks, relative, problem):
    breaks(root)
    with pytest.raises(KnowledgeError, match=rf"^{re.escape(str(root / relative))}: {problem}"):
        knowledge.load(root)


def test_missing_knowledge_folder(tmp_path):
    with pytest.raises(KnowledgeError, match="knowledge folder not found"):
        knowledge.load(tmp_path / "nowhere")


def test_no_plan_folder(root):
    shutil.rmtree(root / "plans")
    (root / "plans").mkdir()
    with pytest.raises(KnowledgeError, match=r"plans: no plan folder found"):
        knowledge.load(root)


def test_unbroken_copy_loads(root):
    """The cases above fail because of what they break, not because of the copy."""
    kb = knowledge.load(root)
    assert kb.content_hash == knowledge.content_hash(KNOWLEDGE)
    assert len(kb.plans[0].figures) == len(read_csv(KNOWLEDGE / FIGURES)) - 1


def test_csv_rewrite_alone_still_loads(root):
    """Rewriting figures.csv through the csv module (as the cases do) keeps it valid."""
    write_csv(root / FIGURES, read_csv(root / FIGURES))
    knowledge.load(root)
