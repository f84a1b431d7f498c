"""Two topics side by side for one area and year ("which is higher, hate crime or ASB?", "and
what the police recorded?"), each figure from its own table and the difference worked out."""

from __future__ import annotations

from . import format as fmt
from .answer import Answer
from .figures import answer_with, value_text
from .plans import Plans
from .question import Frame, Match


def compare_measures(scope: Plans, match: Match, frame: Frame) -> Answer:
    measures = [match.measure, match.other_measure]
    dims = {m: {c: scope.dimension(m, c) for c in ("area", "period", "category")}
            for m in measures}
    shared_periods = [p for p in dims[measures[0]]["period"] if p in dims[measures[1]]["period"]]
    shared_areas = [a for a in dims[measures[0]]["area"] if a in dims[measures[1]]["area"]
                    and not scope.areas[a].covers]
    areas = match.areas or shared_areas[:1]
    lines, rows = [], []
    for measure in measures:
        held = dims[measure]["period"]
        asked = [p for p in match.periods if p in held]
        period = (asked or [p for p in shared_periods if p in held] or held)[-1:] if held else []
        mine = match.model_copy(update={
            "measure": measure, "other_measure": None, "periods": period,
            "areas": [a for a in areas if a in dims[measure]["area"]] or areas,
            "categories": [c for c in match.categories if c in dims[measure]["category"]],
            "excluded_categories": []})
        found = [r for r in scope.select(mine) if r["unit"] != "per cent"]
        rows += found
        label = scope.measures[measure].label
        lines += [f"- {label[:1].upper() + label[1:]}, {scope.describe(r)}: **{value_text(r)}** "
                  f"{r['unit']}" for r in found]
    first = [r for r in rows if r["measure"] == measures[0]]
    second = [r for r in rows if r["measure"] == measures[1]]
    if len(first) == 1 and len(second) == 1:
        a, b = first[0], second[0]
        high, low = (a, b) if a["value"] >= b["value"] else (b, a)
        label = scope.measures[high["measure"]].label
        same = a["period"] == b["period"] and a["area"] == b["area"]
        lines.append(f"{label[:1].upper() + label[1:]} is the higher by "
                     f"**{fmt.number(high['value'] - low['value'])}** ({fmt.number(high['value'])} − "
                     f"{fmt.number(low['value'])})" + ("." if same else
                     ", though the two figures are for different years or areas."))
    lines.insert(0, "Side by side, each from its own table (they count different things):")
    return answer_with(scope, match, lines, rows)
