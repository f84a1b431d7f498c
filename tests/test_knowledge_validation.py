"""Knowledge is validated completely: impossible values, malformed periods, duplicate keys and
ids, encodings, columns and empty files each fail with the exact words naming the file, the row
(or line) and the field, and `oscp-qa build` then exits 1 with no traceback and leaves the last
good database as it was.

Each case copies knowledge/ to a temporary folder and breaks one thing, at the byte level where
the break is about bytes (a byte-order mark, Latin-1, a duplicate YAML key).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import KNOWLEDGE

from oscp_qa import KnowledgeError, knowledge, store
from oscp_qa.cli import main

PLAN = Path("plans/oscp-2022-23")
FIGURES = PLAN / "figures.csv"
DIRECTIONS = PLAN / "directions.csv"
SAFEGUARDING = Path("language/safeguarding.yaml")
HEADER = "table,measure,area,period,quarter,category,stat,value,unit,row_label"


def lines(relative: Path) -> list[str]:
    return (KNOWLEDGE / relative).read_text(encoding="utf-8").splitlines()


def line_of(relative: Path, start: str) -> int:
    """The 1-based line of the one line of a knowledge file starting with `start`."""
    found = [n for n, text in enumerate(lines(relative), start=1) if text.startswith(start)]
    assert len(found) == 1, (relative, start, found)
    return found[0]


# --- ways to break a file, as bytes or text --------------------------------------------------------


def replace(relative: Path, old: str, new: str):
    def apply(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (relative, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    return apply


def write_bytes(relative: Path, data: bytes):
    def apply(root: Path) -> None:
        (root / relative).write_bytes(data)
    return apply


def append(relative: Path, text: str):
    def apply(root: Path) -> None:
        path = root / relative
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return apply


def in_latin1(relative: Path, old: str, new: str):
    """The file re-saved as Latin-1 with one accented word in it."""
    def apply(root: Path) -> None:
        path = root / relative
        path.write_bytes(path.read_text(encoding="utf-8").replace(old, new, 1).encode("latin-1"))
    return apply


OX_2020 = "table-1,total_crime,oxford,2020,,,count,14490,crimes,Oxford 2020"
OX_2020_ROW = line_of(FIGURES, OX_2020)
SHARE = "text-asb-share,asb_police,oxford,2021,,total,printed_share_pct,28,"
SHARE_ROW = line_of(FIGURES, SHARE)
QUARTER = "table-5,da_children,oxford,2018/19,apr-jun,"
QUARTER_ROW = line_of(FIGURES, QUARTER)
DIRECTION = "chart-2,crime_types,oxford,2021,2020,public-order,"
DIRECTION_ROW = line_of(DIRECTIONS, DIRECTION)
GLOSSARY_OSCP = line_of(PLAN / "glossary.yaml", '  - term: "OSCP"')
NOTES_TEXT = sum(text.startswith("  - id: ") for text in lines(PLAN / "notes-text.yaml"))


def value(new: str):
    return replace(FIGURES, OX_2020, OX_2020.replace(",14490,", f",{new},"))


def figures_error(row: int, field: str, problem: str) -> tuple[Path, str]:
    return FIGURES, f", row {row}, field '{field}': {problem}"


FINITE = "Input should be a finite number"
PERIOD = "is not a year (2021), a financial year (2021/22) or a run of years (2020-2021)"
LATIN1 = ("not UTF-8 text: byte 0xe9 cannot be read (perhaps saved as Latin-1 or Windows-1252); "
          "save the file as UTF-8")
COLUMNS = "table, measure, area, period, quarter, category, stat, value, unit, row_label"

CASES = [
    # id, break, file, what follows "<file>, " in the message
    ("inf", value("inf"), *figures_error(OX_2020_ROW, "value", FINITE)),
    ("nan", value("nan"), *figures_error(OX_2020_ROW, "value", FINITE)),
    ("1e309", value("1e309"), *figures_error(OX_2020_ROW, "value", FINITE)),
    ("negative count", value("-15964"),
     *figures_error(OX_2020_ROW, "value", "a count cannot be negative: -15964")),
    ("fractional count", value("14490.5"),
     *figures_error(OX_2020_ROW, "value", "a count of crimes must be a whole number, not 14490.5")),
    ("share over 100", replace(FIGURES, SHARE, SHARE.replace(",28,", ",128,")),
     *figures_error(SHARE_ROW, "value", "a share cannot be more than 100 per cent: 128")),
    ("period 20x1", replace(FIGURES, OX_2020, OX_2020.replace(",2020,", ",20x1,")),
     *figures_error(OX_2020_ROW, "period", f"'20x1' {PERIOD}")),
    ("financial year out of step", replace(FIGURES, OX_2020, OX_2020.replace(",2020,", ",2020/22,")),
     *figures_error(OX_2020_ROW, "period", f"'2020/22' {PERIOD}")),
    ("years backwards", replace(FIGURES, OX_2020, OX_2020.replace(",2020,", ",2021-2020,")),
     *figures_error(OX_2020_ROW, "period", f"'2021-2020' {PERIOD}")),
    ("compared with a word", replace(DIRECTIONS, DIRECTION, DIRECTION.replace(",2020,", ",last year,")),
     DIRECTIONS, f", row {DIRECTION_ROW}, field 'compared_with': 'last year' {PERIOD}"),
    ("unknown quarter", replace(FIGURES, QUARTER, QUARTER.replace("apr-jun", "q5")),
     *figures_error(QUARTER_ROW, "quarter", "unknown quarter 'q5'")),
    ("extra column", replace(FIGURES, HEADER, HEADER + ",note"),
     *figures_error(1, "note", f"unexpected column 'note'; the columns are {COLUMNS}")),
    ("misspelt column", replace(FIGURES, HEADER, HEADER.replace("unit", "units")),
     *figures_error(1, "units", f"unexpected column 'units'; the columns are {COLUMNS}")),
    ("missing column", replace(FIGURES, HEADER, HEADER.replace(",row_label", "")),
     *figures_error(1, "row_label", "missing column 'row_label'")),
    ("column twice", replace(FIGURES, HEADER, HEADER + ",unit"),
     *figures_error(1, "unit", "column 'unit' appears twice")),
    ("a cell too many", replace(FIGURES, OX_2020, OX_2020 + ",extra"),
     FIGURES, f", row {OX_2020_ROW}: 11 cells, but the header has 10 columns"),
    ("a cell too few", replace(FIGURES, OX_2020, OX_2020.rsplit(",", 1)[0]),
     FIGURES, f", row {OX_2020_ROW}: 9 cells, but the header has 10 columns"),
    ("empty figures.csv", write_bytes(FIGURES, b""), FIGURES, ": the file is empty"),
    ("blank figures.csv", write_bytes(FIGURES, b"\n\n  \n"), FIGURES, ": the file is empty"),
    ("header only", write_bytes(FIGURES, HEADER.encode() + b"\n"), FIGURES,
     ": no rows below the header"),
    ("Latin-1 CSV", in_latin1(FIGURES, "Oxford 2020", "Oxford 2020 café"),
     *figures_error(OX_2020_ROW, "row_label", LATIN1)),
    ("Latin-1 YAML", in_latin1(PLAN / "glossary.yaml", '  - term: "OSCP"', '  - term: "OSCPé"'),
     PLAN / "glossary.yaml", f", line {GLOSSARY_OSCP}: {LATIN1}"),
    ("UTF-16 CSV", lambda root: (root / FIGURES).write_bytes(
        (root / FIGURES).read_text(encoding="utf-8").encode("utf-16")),
     FIGURES, ": saved as UTF-16; save the file as UTF-8"),
    ("BOM and a bad first column", lambda root: (
        replace(FIGURES, OX_2020, OX_2020.replace("table-1,", "table-88,", 1))(root),
        (root / FIGURES).write_bytes(b"\xef\xbb\xbf" + (root / FIGURES).read_bytes())),
     *figures_error(OX_2020_ROW, "table", "unknown table 'table-88'")),
    ("empty YAML", write_bytes(PLAN / "duties.yaml", b""), PLAN / "duties.yaml", ": the file is empty"),
    ("comments-only YAML", write_bytes(PLAN / "duties.yaml", b"# nothing yet\n"),
     PLAN / "duties.yaml", ": the file is empty"),
    ("duplicate top-level key", append(PLAN / "plan.yaml", 'title: "Another title"\n'),
     PLAN / "plan.yaml", f", line {len(lines(PLAN / 'plan.yaml')) + 1}, field 'title': key 'title' "
     f"is given twice, on lines {line_of(PLAN / 'plan.yaml', 'title:')} and "
     f"{len(lines(PLAN / 'plan.yaml')) + 1}; keep one"),
    ("duplicate key in a list item",
     replace(PLAN / "glossary.yaml", '  - term: "OSCP"\n', '  - term: "OSCP"\n    term: "CSP"\n'),
     PLAN / "glossary.yaml", f", line {GLOSSARY_OSCP + 1}, field 'term': key 'term' is given twice, "
     f"on lines {GLOSSARY_OSCP} and {GLOSSARY_OSCP + 1}; keep one"),
    ("duplicate table id", replace(PLAN / "tables.yaml", "  - id: text-crime-in-oxford\n",
                                   "  - id: table-1\n"),
     PLAN / "tables.yaml", ", row 2, field 'id': duplicate id 'table-1', already used by "
                           "tables.yaml row 1"),
    ("duplicate glossary term", replace(PLAN / "glossary.yaml", '  - term: "CSP"\n',
                                        '  - term: "OSCP"\n'),
     PLAN / "glossary.yaml", ", row 2, field 'term': duplicate term 'OSCP', already used by "
                             "glossary.yaml row 1"),
    ("duplicate note id across files", append(PLAN / "notes-text.yaml", (
        "  - id: ons-businesses\n    about: table-1\n    text: Said again.\n")),
     PLAN / "notes.yaml", ", row 1, field 'id': duplicate id 'ons-businesses', already used by "
                          f"notes-text.yaml row {NOTES_TEXT + 1}"),
    ("unknown signpost", replace(SAFEGUARDING, "signposts: [samaritans, childline]",
                                 "signposts: [samaritans, childlne]"),
     SAFEGUARDING, ", row 4, field 'signposts': unknown signpost 'childlne'"),
    ("duplicate signpost id", replace(SAFEGUARDING, "  - id: childline\n", "  - id: police\n"),
     SAFEGUARDING, ", row 8, field 'id': duplicate id 'police', already used by safeguarding.yaml "
                   "row 2"),
    ("extra key in a signpost", replace(SAFEGUARDING, "  - id: police\n",
                                        "  - id: police\n    phone: '101'\n"),
     SAFEGUARDING, ", row 2, field 'phone': Extra inputs are not permitted"),
    ("a situation with no phrases", replace(SAFEGUARDING, "    phrases:\n      - \"kill myself\"",
                                            "    phrases: []\n    unused:\n      - \"kill myself\""),
     SAFEGUARDING, ", row 4, field 'phrases': List should have at least 1 item after validation, "
                   "not 0"),
    ("section title not in sections.yaml",
     replace(PLAN / "plan.yaml", 'priorities: "Priorities for 2022-23"', 'priorities: "Priorities"'),
     PLAN / "plan.yaml", ", field 'priorities': 'Priorities' is not the title of a section in "
                         "sections.yaml"),
    ("unknown home area", replace(PLAN / "plan.yaml", "home_area: oxford ", "home_area: oxfrd "),
     PLAN / "plan.yaml", ", field 'home_area': unknown area 'oxfrd'"),
    ("unknown PCC note", replace(PLAN / "plan.yaml", "not_listed_note: diagram-1-missing",
                                 "not_listed_note: diagram-9"),
     PLAN / "plan.yaml", ", field 'not_listed_note': unknown note 'diagram-9'"),
    ("latest year with no figures", replace(PLAN / "plan.yaml", "latest_year: 2021 ",
                                            "latest_year: 2022 "),
     PLAN / "plan.yaml", ", field 'latest_year': no figure in figures.csv is for 2022"),
    ("extra key in plan.yaml", append(PLAN / "plan.yaml", "plan_years: 2\n"),
     PLAN / "plan.yaml", ", field 'plan_years': Extra inputs are not permitted"),
    ("an intent with no example", replace(PLAN / "examples.yaml", "\n  why: [", "\n  whyy: ["),
     PLAN / "examples.yaml", ", field 'whyy': unknown intent 'whyy'"),
    ("an example list left empty",
     lambda root: (root / PLAN / "examples.yaml").write_text(
         (root / PLAN / "examples.yaml").read_text(encoding="utf-8").split("\n  why: [")[0]
         + "\n  why: []\n", encoding="utf-8"),
     PLAN / "examples.yaml", ", field 'why': intent 'why' has no example question"),
    ("duplicate area id", replace(Path("language/areas.yaml"), "  - id: oxfordshire\n",
                                  "  - id: oxford\n"),
     Path("language/areas.yaml"), ", row 2, field 'id': duplicate id 'oxford', already used by "
                                  "areas.yaml row 1"),
]


@pytest.mark.parametrize("breaks, relative, message", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_error_text(root, breaks, relative, message):
    breaks(root)
    with pytest.raises(KnowledgeError) as caught:
        knowledge.load(root)
    assert str(caught.value) == f"{root / relative}{message}"


@pytest.mark.parametrize("breaks, relative, message", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_build_exits_1_without_a_traceback_and_keeps_the_last_good_database(
        root, tmp_path, breaks, relative, message):
    db = store.build(knowledge.load(root), tmp_path / "oscp.db")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    breaks(root)
    result = CliRunner().invoke(main, ["build", "--knowledge", str(root), "--db", str(db)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), "a typed error, not a crash"
    assert result.output.startswith(f"Error: {root / relative}{message}\nFix the file named above")
    assert "Traceback" not in result.output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert [p.name for p in db.parent.iterdir() if p.suffix == ".db"] == ["oscp.db"]


@pytest.mark.parametrize("relative", [FIGURES, DIRECTIONS, PLAN / "plan.yaml",
                                      Path("language/measures.yaml")])
def test_a_byte_order_mark_is_accepted(root, relative):
    path = root / relative
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    kb = knowledge.load(root)
    assert len(kb.plans[0].figures) == len(lines(FIGURES)) - 1


def test_negative_changes_and_uncounted_measures_are_allowed(root):
    """A printed change may be negative, and a score need not be whole."""
    append(FIGURES, "table-1,crime_severity,oxford,2021,,,count,12.5,score,test row\n")(root)
    kb = knowledge.load(root)
    changes = [f.value for f in kb.plans[0].figures if f.stat == "printed_change"]
    assert min(changes) < 0
    assert kb.plans[0].figures[-1].value == 12.5


def test_two_plans_with_one_id(root):
    shutil.copytree(root / PLAN, root / "plans" / "oscp-2022-23-copy")
    with pytest.raises(KnowledgeError) as caught:
        knowledge.load(root)
    assert str(caught.value) == (
        f"{root / 'plans/oscp-2022-23-copy/plan.yaml'}, row 1, field 'id': duplicate id "
        "'oscp-2022-23', already used by oscp-2022-23/plan.yaml row 1")


def test_build_into_a_place_it_cannot_write(root, tmp_path):
    (tmp_path / "blocked").write_text("a file, not a folder")
    result = CliRunner().invoke(main, ["build", "--knowledge", str(root),
                                       "--db", str(tmp_path / "blocked" / "oscp.db")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot write the database {tmp_path}/blocked/oscp.db:")
    assert "Traceback" not in result.output
