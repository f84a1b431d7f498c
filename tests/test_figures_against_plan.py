"""figures.csv against the plan itself.

The plan's text (knowledge/plans/oscp-2022-23/oscp-rolling-plan-2022-23.txt) is parsed here on its own,
with regular expressions over its lines, without oscp_qa or the knowledge files. Every figure
row of figures.csv must equal the number the plan prints, and every number the plan prints in
its tables and in the sentences describing Charts 3 and 5 must be in figures.csv.

A figure is keyed (table, measure, area, period, quarter, category, stat) in figures.csv's ids.
The mapping from the plan's labels to those ids is written out below, by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from conftest import REPO, SOURCE_TEXT, read_figures

AREAS = {
    "Oxford": "oxford",
    "Oxfordshire": "oxfordshire",
    "Oxfordshire Total": "oxfordshire",
    "Thames Valley": "thames-valley",
    "Thames Valley Total": "thames-valley",
}
AREA_ROW = re.compile(r"^(Oxford|Oxfordshire(?: Total)?|Thames Valley(?: Total)?)\t(.*)$")
CELL = re.compile(r"^([+-]?\d{1,3}(?:,\d{3})+|[+-]?\d+)(\.\d+)?(\*?)$")
COLUMNS = {  # the plan's column headings -> category ids
    "Community": "community",
    "Environmental": "environmental",
    "Personal": "personal",
    "Total ASB": "total",
    "Child Sexual Exploitation": "cse",
    "Female Genital Mutilation": "fgm",
    "Forced Marriages": "forced-marriage",
    "Honour Based Violence": "hbv",
    "Race": "race",
    "Faith": "faith",
    "Disablist": "disablist",
    "Homophobic": "homophobic",
    "Transphobic": "transphobic",
}
QUARTERS = {
    "April to June": "apr-jun",
    "July to September": "jul-sep",
    "October to December": "oct-dec",
    "January to March": "jan-mar",
}
WORD_NUMBERS = {"Fifteen": 15, "Sixteen": 16, "Seventeen": 17, "Eighteen": 18}


def number(cell: str) -> float:
    """'1,894' -> 1894.0, '3733*' -> 3733.0, '-8.43' -> -8.43, '+124' -> 124.0."""
    found = CELL.match(cell.strip())
    assert found, f"not a printed number: {cell!r}"
    return float(found.group(1).replace(",", "") + (found.group(2) or ""))


def find(lines: list[str], pattern: str, start: int = 0) -> int:
    for index in range(start, len(lines)):
        if re.search(pattern, lines[index]):
            return index
    raise AssertionError(f"the plan has no line matching {pattern!r} after line {start + 1}")


def area_block(lines: list[str], start: int) -> tuple[list[tuple[str, list[str]]], int]:
    """The consecutive area rows from line `start` on (blank lines before them skipped):
    [(area id, [cells])], and the index of the first line after the block."""
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    rows = []
    while index < len(lines) and (found := AREA_ROW.match(lines[index])):
        rows.append((AREAS[found.group(1)], found.group(2).rstrip("\t").split("\t")))
        index += 1
    assert rows, f"no area rows at line {start + 1}"
    return rows, index


def header_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t") if cell.strip()]


class Plan:
    """Figures parsed from the plan's text: key -> value, plus what else the parse saw."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.figures: dict[tuple, float] = {}
        self.blank_quarters: list[tuple[str, str]] = []
        self.four_column_copies: list[list[tuple[str, list[str]]]] = []
        self.positions: dict[str, int] = {}

    def add(self, table, measure, area, period, stat, value, quarter="", category=""):
        key = (table, measure, area, period, quarter, category, stat)
        assert key not in self.figures, f"parsed twice: {key}"
        self.figures[key] = value


def _years_table(plan: Plan, table: str, measure: str, title: str) -> None:
    """Tables 1 and 4: one column per year, then the printed difference as n and %."""
    start = find(plan.lines, title)
    head = find(plan.lines, r"^\t20\d\d\t", start)
    years = re.findall(r"\b(20\d\d)\b", plan.lines[head])
    assert "Difference" in plan.lines[head]
    rows, _ = area_block(plan.lines, find(plan.lines, r"^(Oxford|Thames)", head))
    span = f"{years[-2]}-{years[-1]}"
    for area, cells in rows:
        assert len(cells) == len(years) + 2, (table, area, cells)
        for year, cell in zip(years, cells[:len(years)], strict=True):
            plan.add(table, measure, area, year, "count", number(cell))
        plan.add(table, measure, area, span, "printed_change", number(cells[-2]))
        plan.add(table, measure, area, span, "printed_change_pct", number(cells[-1]))


def _columns_table(plan: Plan, table: str, measure: str, header: str, period: str,
                   copies: int = 1) -> list[list[tuple[str, list[str]]]]:
    """Tables 3, 6 and 8: one row per area, one column per category."""
    head = find(plan.lines, header)
    columns = [COLUMNS[c] for c in header_cells(plan.lines[head])]
    blocks, index = [], head + 1
    for _ in range(copies):
        rows, index = area_block(plan.lines, index)
        blocks.append(rows)
    for area, cells in blocks[0]:
        assert len(cells) == len(columns), (table, area, cells)
        for category, cell in zip(columns, cells, strict=True):
            plan.add(table, measure, area, period, "count", number(cell), category=category)
    return blocks


@lru_cache(maxsize=1)
def parse_plan() -> Plan:
    lines = SOURCE_TEXT.read_text(encoding="utf-8").splitlines()
    plan = Plan(lines)

    # Table 1 (its title line is lost in the text: "Table1", then the header of years).
    _years_table(plan, "table-1", "total_crime", r"^Table ?1\s*$")
    sentence = re.search(r"Total recorded crimes in Oxford increased by (\d+) per cent in (\d{4})",
                         SOURCE_TEXT.read_text(encoding="utf-8"))
    assert sentence
    year = int(sentence.group(2))
    plan.add("text-crime-in-oxford", "total_crime", "oxford", f"{year - 1}-{year}",
             "printed_change_pct", float(sentence.group(1)))

    # Table 2: the "Year to Dec" rows, and the "+124" printed under them.
    years = []
    for index, line in enumerate(lines):
        found = re.match(r"^Year to Dec (\d{4})\t(\S+)$", line)
        if found:
            years.append(found.group(1))
            plan.add("table-2", "asb_council", "oxford", found.group(1), "count",
                     number(found.group(2)))
            last = index
    change = re.match(r"^\t\+(\d+)$", lines[last + 1])
    assert change, "the +124 line should follow the last 'Year to Dec' row"
    plan.add("table-2", "asb_council", "oxford", f"{years[-2]}-{years[-1]}", "printed_change",
             float(change.group(1)))

    # Table 3: its period is in its title, "from 1/1/21 to 31/12/2021".
    title = plan.lines[find(lines, r"^Table 3:")]
    period = re.search(r"to \d{1,2}/\d{1,2}/(\d{4})", title).group(1)
    _columns_table(plan, "table-3", "asb_police", r"^\tCommunity\tEnvironmental", period)
    share = re.search(r"Oxford accounts for (\d+) per cent of all police recorded ASB incidents "
                      r"in Oxfordshire", SOURCE_TEXT.read_text(encoding="utf-8"))
    assert share
    plan.add("text-asb-share", "asb_police", "oxford", period, "printed_share_pct",
             float(share.group(1)), category="total")

    # Table 4: thousands separators for 2017-2020, none for 2021.
    _years_table(plan, "table-4", "da_offences", r"^Table 4:")

    # Table 5: quarters of financial years; 2021/2022 leaves January to March blank.
    head = find(lines, r"^\tApril to June\t")
    quarters = [QUARTERS[c] for c in header_cells(lines[head])]
    index = head + 1
    while found := re.match(r"^(\d{4})/(\d{4})\t(.*)$", lines[index]):
        period = f"{found.group(1)}/{found.group(2)[-2:]}"
        cells = found.group(3).split("\t")
        cells += [""] * (len(quarters) - len(cells))
        for quarter, cell in zip(quarters, cells, strict=True):
            if cell.strip():
                plan.add("table-5", "da_children", "oxford", period, "count", number(cell),
                         quarter=quarter)
            else:
                plan.blank_quarters.append((period, quarter))
        index += 1

    # Chart 3: three age groups, from the sentence (the chart is missing). The sentence says
    # "Both Oxford and Oxfordshire" without saying whose figures they are; the period is not
    # stated (filed under 2021, note chart-3-period).
    chart3 = lines[find(lines, r"^Chart 3 provides")]
    for pattern, value_group, category in (
        (r"age group from (\d+) to (\d+) with ([\d,]+) victims", 2, "age-{0}-{1}"),
        (r"([\d,]+) victims aged (\d+) to (\d+)", 0, "age-{1}-{2}"),
        (r"([\d,]+) victims of domestic abuse were over the age of (\d+)", 0, "age-{1}-plus"),
    ):
        found = re.search(pattern, chart3)
        assert found, pattern
        plan.add("chart-3", "da_victim_age", "oxford-or-oxfordshire", "2021", "count",
                 number(found.group(value_group + 1)), category=category.format(*found.groups()))

    # The single column after the Table 6 description: modern slavery (Table 7), see the note
    # tables-6-7-misaligned. Its period is in the Table 7 description.
    plan.positions["single-column"] = find(lines, r"^Table 6 provides")
    rows, _ = area_block(lines, plan.positions["single-column"] + 1)
    slavery_year = re.search(r"victims of modern slavery and trafficking in (\d{4})",
                             lines[find(lines, r"^Table 7 provides")]).group(1)
    for area, cells in rows:
        assert len(cells) == 1, cells
        plan.add("table-7", "modern_slavery", area, slavery_year, "count", number(cells[0]))

    # The four-column table after the Table 7 description: Table 6, printed twice. Its period is
    # not stated (filed under 2021, note table-6-period).
    plan.positions["four-column"] = find(lines, r"^\tChild Sexual Exploitation\t")
    plan.four_column_copies = _columns_table(
        plan, "table-6", "exploitation_victims", r"^\tChild Sexual Exploitation\t", "2021",
        copies=2)

    # Table 8: hate crime by strand, "in 2021".
    hate_year = re.search(r"victims of Hate Crime in (\d{4})",
                          lines[find(lines, r"^Table 8 provides")]).group(1)
    _columns_table(plan, "table-8", "hate_crime", r"^\tRace\tFaith\t", hate_year)

    # Chart 5: percentages from the sentence, with no area or period stated: the area is filed as
    # "not-stated" and the period left empty (note chart-5-area).
    chart5 = lines[find(lines, r"^Chart 5 provides")]
    found = re.search(r"(\w+) per cent were a victim of domestic abuse on two occasions", chart5)
    plan.add("chart-5", "repeat_victimisation", "not-stated", "", "percent",
             float(WORD_NUMBERS[found.group(1)]), category="domestic-abuse")
    found = re.search(r"CSE and Modern Slavery victims were repeat victims "
                      r"\((\d+) ?% and (\d+) ?% respectively\)", chart5)
    assert found
    plan.add("chart-5", "repeat_victimisation", "not-stated", "", "percent",
             float(found.group(1)), category="cse")
    plan.add("chart-5", "repeat_victimisation", "not-stated", "", "percent",
             float(found.group(2)), category="modern-slavery")
    return plan


def key_of(row: dict) -> tuple:
    return tuple(row[c] for c in ("table", "measure", "area", "period", "quarter", "category",
                                  "stat"))


FIGURE_ROWS = read_figures()
PLAN_KEYS = sorted(parse_plan().figures)


def _id(key: tuple) -> str:
    return "/".join(part for part in key if part)


# --- the parse itself: it must have found what the plan prints -----------------------------------


@pytest.mark.parametrize("table, expected", [
    ("table-1", 12), ("text-crime-in-oxford", 1), ("table-2", 4), ("table-3", 12),
    ("text-asb-share", 1), ("table-4", 14), ("table-5", 15), ("chart-3", 3), ("table-6", 12),
    ("table-7", 3), ("table-8", 15), ("chart-5", 3),
])
def test_parse_finds_every_printed_figure(table, expected):
    found = [k for k in parse_plan().figures if k[0] == table]
    assert len(found) == expected, found


@pytest.mark.parametrize("cell, value", [
    ("1,894", 1894), ("7156", 7156), ("3733*", 3733), ("-8.43", -8.43), ("+124", 124),
    ("0", 0), ("157050", 157050),
])
def test_number_reader(cell, value):
    assert number(cell) == value


@pytest.mark.parametrize("cell", ["", "n", "1,89", "abc", "12x"])
def test_number_reader_rejects_non_numbers(cell):
    with pytest.raises(AssertionError, match="not a printed number"):
        number(cell)


# --- figures.csv -> plan -------------------------------------------------------------------------


@pytest.mark.parametrize("row", FIGURE_ROWS, ids=[_id(key_of(r)) for r in FIGURE_ROWS])
def test_every_figure_row_is_the_plans_figure(row):
    plan = parse_plan().figures
    key = key_of(row)
    assert key in plan, f"figures.csv has {key} = {row['value']:g}, which the plan does not print"
    assert row["value"] == plan[key], f"{key}: figures.csv {row['value']:g}, plan {plan[key]:g}"


@pytest.mark.parametrize("stat", ["printed_change", "printed_change_pct", "printed_share_pct"])
def test_printed_rows_equal_the_printed_number(stat):
    plan = parse_plan().figures
    rows = [r for r in FIGURE_ROWS if r["stat"] == stat]
    assert rows, f"figures.csv has no {stat} rows"
    for row in rows:
        assert plan.get(key_of(row)) == row["value"], row


# --- plan -> figures.csv -------------------------------------------------------------------------


@pytest.mark.parametrize("key", PLAN_KEYS, ids=[_id(k) for k in PLAN_KEYS])
def test_every_plan_figure_is_in_figures_csv(key):
    rows = [r for r in FIGURE_ROWS if key_of(r) == key]
    assert len(rows) == 1, f"the plan prints {key} = {parse_plan().figures[key]:g}; " \
                           f"figures.csv has {len(rows)} rows for it"
    assert rows[0]["value"] == parse_plan().figures[key]


def test_figures_csv_and_plan_hold_the_same_figures():
    csv_keys = [key_of(r) for r in FIGURE_ROWS]
    assert len(csv_keys) == len(set(csv_keys)), "figures.csv repeats a figure"
    assert set(csv_keys) == set(parse_plan().figures)


# --- the plan's awkward spots --------------------------------------------------------------------


def test_blank_quarter_has_no_figure():
    plan = parse_plan()
    assert plan.blank_quarters == [("2021/22", "jan-mar")]
    assert not [r for r in FIGURE_ROWS
                if r["measure"] == "da_children" and r["period"] == "2021/22"
                and r["quarter"] == "jan-mar"]


def test_four_column_table_is_printed_twice_identically():
    first, second = parse_plan().four_column_copies
    assert len(first) == 3
    assert first == second


def test_tables_6_and_7_are_misaligned_in_the_text():
    """The single column follows Table 6's description, the four-column table Table 7's: the
    four columns name Table 6's categories, so they are Table 6 (note tables-6-7-misaligned)."""
    plan = parse_plan()
    lines = plan.lines
    table6 = lines[find(lines, r"^Table 6 provides")]
    table7 = find(lines, r"^Table 7 provides")
    assert plan.positions["single-column"] < table7 < plan.positions["four-column"]
    for short in ("CSE", "FGM", "Forced Marriage", "HBV"):
        assert short in table6
    header = header_cells(lines[plan.positions["four-column"]])
    initials = ["".join(word[0] for word in h.split()) for h in header]
    assert initials == ["CSE", "FGM", "FM", "HBV"]
    assert "modern slavery" in lines[table7] and "CSE" not in lines[table7]
    slavery = {r["area"]: r["value"] for r in FIGURE_ROWS if r["measure"] == "modern_slavery"}
    assert slavery == {"oxford": 73, "oxfordshire": 182, "thames-valley": 613}
    assert {r["table"] for r in FIGURE_ROWS if r["measure"] == "exploitation_victims"} == {"table-6"}


@pytest.mark.parametrize("measure", sorted({r["measure"] for r in FIGURE_ROWS}))
def test_one_unit_per_measure(measure):
    units = {r["unit"] for r in FIGURE_ROWS if r["measure"] == measure and r["stat"] in
             ("count", "printed_change")}
    percents = {r["unit"] for r in FIGURE_ROWS if r["measure"] == measure and r["stat"] in
                ("percent", "printed_change_pct", "printed_share_pct")}
    assert len(units) <= 1
    assert percents <= {"per cent"}


def test_the_shipped_plan_text_is_the_shared_source():
    """The copy beside the knowledge is the published text, unchanged (where shared/ is present)."""
    shared = REPO.parent / "shared" / "source" / SOURCE_TEXT.name
    if not shared.is_file():
        pytest.skip("../shared is not beside this checkout")
    assert SOURCE_TEXT.read_bytes() == shared.read_bytes()
