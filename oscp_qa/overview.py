"""What the plan covers, in a few words for the chat's welcome: its title and year, the areas and
years most of its figures are for, and its parts. All read from the plan's data, so a new plan's
folder changes it without a code change."""

from __future__ import annotations

from collections import Counter

from . import format as fmt
from .plans import Plans


def main_periods(scope: Plans, count: int = 2) -> list[str]:
    """The periods most of the (answering) plan's measures give figures for, earliest first."""
    repo = scope.plan
    held = Counter(period for measure in repo.measures_with_figures()
                   for period in repo.dimension(measure, "period"))
    return sorted(period for period, _ in held.most_common(count))


def welcome(scope: Plans) -> str:
    """The chat's opening paragraphs: what the assistant can be asked about, and its promise."""
    info = scope.plan.info
    areas = [a.label for a in scope.areas.values() if not a.covers]
    priorities = len(scope.plan.priorities())
    return (
        f"Ask a question about the **{scope.title}**, the plan of the {info.published_by} for "
        f"{info.plan_year}. It gives figures for {fmt.listing(areas)}, mostly for "
        f"{fmt.listing(main_periods(scope))}, and sets out {priorities} priorities, the "
        f"partnership's achievements in {info.achievements_year}, its statutory duties and the "
        "terms it uses.\n\n"
        "Every answer says which part of the plan it comes from. The assistant knows only what is "
        "in the plan, so it will say so when the plan does not cover something.")
