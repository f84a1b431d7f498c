"""Stage two: score every intent rule on a question and keep the best, resolving follow-ups.

Rules are data (knowledge/language/intents.yaml); this module only knows how to score them.
"""

from __future__ import annotations

from .question import Context, Match, ParsedQuestion
from .schema import IntentRule

FIGURE_INTENTS = {"lookup", "change", "trend", "compare_areas", "share", "rank", "total"}
CARRIED_INTENTS = FIGURE_INTENTS - {"lookup"}
FOLLOW_ON_INTENTS = FIGURE_INTENTS | {"why", "method"}


def cue_hits(rule: IntentRule, masked: str) -> list[str]:
    return [cue for cue in rule.cues if f" {cue} " in masked]


def score(rule: IntentRule, parsed: ParsedQuestion, features: dict[str, bool],
          known: set[str]) -> float | None:
    """The rule's score for this question, or None when something it requires is unknown."""
    if any(need not in known for need in rule.requires):
        return None
    hits = cue_hits(rule, parsed.masked)
    total = rule.base + rule.weight * min(len(hits), 2)
    return total + sum(add for name, add in rule.boosts.items() if features.get(name))


def match(parsed: ParsedQuestion, rules: list[IntentRule], features: dict[str, bool],
          context: Context, latest_year: int, min_score: float) -> Match:
    """The best-scoring intent with its slots; "clarify" or "search" when none fits."""
    known = {name for name, present in features.items() if present and name in
             ("glossary", "duty", "achievement")}
    if parsed.measure or (context.measure and _follows_on(parsed, rules)):
        known.add("measure")
    scores = {r.id: s for r in rules if (s := score(r, parsed, features, known)) is not None}
    best = max(scores, key=lambda k: (scores[k], -[r.id for r in rules].index(k)), default=None)
    if best is None or scores[best] < min_score:
        fallback = "search" if parsed.topic_words else "clarify"
        return Match(intent=fallback, score=0.0, scores=scores)
    result = Match(intent=best, score=scores[best], scores=scores)
    if best in FIGURE_INTENTS or best in ("method", "why"):
        _fill_figure_slots(result, parsed, context, latest_year)
    return result


def _follows_on(parsed: ParsedQuestion, rules: list[IntentRule]) -> bool:
    """A question without a topic can only lean on the last one if it says something more:
    an area, a year, a quarter, a category, a follow-up word or an intent's cue."""
    return bool(parsed.areas or parsed.periods or parsed.relative or parsed.quarters
                or parsed.categories or parsed.follow_up or parsed.wants_number
                or any(cue_hits(r, parsed.masked) for r in rules if r.id in FOLLOW_ON_INTENTS))


def _fill_figure_slots(result: Match, parsed: ParsedQuestion, context: Context,
                       latest_year: int) -> None:
    """Take what the question says; take the rest from the conversation when it follows on."""
    same_topic = parsed.measure is None or parsed.measure == context.measure
    follows = context.measure is not None and (parsed.measure is None or parsed.follow_up)
    result.measure = parsed.measure or context.measure
    if parsed.measure is None and context.measure:
        result.carried.append("measure")
    if (result.intent == "lookup" and follows and same_topic and context.intent in CARRIED_INTENTS
            and not (context.intent in ("change", "rank", "trend") and parsed.periods)
            and not (context.intent == "compare_areas" and parsed.areas)):
        result.intent = context.intent
        result.carried.append("intent")
    result.areas = list(parsed.areas)
    if follows and context.areas:
        if not result.areas:
            result.areas = list(context.areas)
            result.carried.append("areas")
        elif result.intent in ("compare_areas", "share"):
            result.areas = list(dict.fromkeys(context.areas + result.areas))
            result.carried.append("areas")
    result.periods = _periods(parsed, context if follows else Context(), latest_year)
    if not parsed.periods and not parsed.relative and follows and context.periods:
        result.carried.append("periods")
    result.quarters = list(parsed.quarters)
    if not result.quarters and follows and same_topic and context.quarters:
        result.quarters = list(context.quarters)
        result.carried.append("quarters")
    result.categories = list(parsed.categories)
    result.excluded_categories = list(parsed.excluded_categories)
    if not result.categories and follows and same_topic and context.categories:
        result.categories = list(context.categories)
        result.carried.append("categories")


def _periods(parsed: ParsedQuestion, context: Context, latest_year: int) -> list[str]:
    """Explicit years, else a year relative to the conversation's ("the year before")."""
    if parsed.periods:
        periods = list(parsed.periods)
        if parsed.relative == "previous" and len(periods) == 1 and periods[0].isdigit():
            periods.insert(0, str(int(periods[0]) - 1))
        return periods
    if parsed.relative == "latest":
        return [str(latest_year)]
    if parsed.relative in ("previous", "next") and context.periods:
        step = -1 if parsed.relative == "previous" else 1
        last = context.periods[-1]
        if last.isdigit():
            return [str(int(last) + step)]
        start = int(last[:4]) + step
        return [f"{start}/{(start + 1) % 100:02d}"]
    return list(context.periods)
