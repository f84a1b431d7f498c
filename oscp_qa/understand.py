"""Stage one: read a question into one frozen Frame, with no knowledge of the conversation.

Every word is accounted for here: a known phrase, a typo of one, a number, filler, or unknown;
an unknown word is a place, a restriction on what is counted, or neither. Nothing after this
stage reads the question's words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import numbers
from .lexicon import Lexicon, lemma
from .normalise import NUMBER_WORDS, count_said, normalise
from .numbers import NumberMention
from .passages import Passages
from .question import AreaOp, Features, Frame, Passage, Signals, Unknown
from .retrieve import Repository
from .schema import Language
from .vocabulary import Tag, Vocabulary

DIMENSIONS = ("quarter", "area", "category", "period")
KINDS_OF_PASSAGE = ("priorities", "duties", "about", "glossary", "achievements")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
CLAUSE_END = re.compile(r"[,;:–—]\s*|\s+-\s+|(?<=[.!?])\s+")  # where a clause may open with "is"


class Understander:
    def __init__(self, language: Language, vocabulary: Vocabulary, plan: Repository):
        self.language = language
        self.vocabulary = vocabulary
        self.words = language.words
        self.terms = language.terms
        self.by_topic = {m.id: m.by_topic for m in language.measures}
        self.units = {m.id: m.unit for m in language.measures}
        self.leaves_out = {m.id: m.leaves_out for m in language.measures}
        self.left_out = {x for m in language.measures for x in m.leaves_out}
        # measures of a subgroup ("children"): read only when a word for the subgroup is asked
        self.subgroups = {m.measure for t in self.terms if t.restricts for m in t.means}
        words = self.words  # phrases in which a month names a quarter or a whole year
        self.month_spans = [p.split() for p in words.whole_year_months + [
            p for phrases in (*words.quarters.values(), *words.quarter_runs.values())
            for p in phrases]]
        self.plan = plan
        self.lexicon = Lexicon(language, vocabulary.known_words)
        self.areas = {a.id: a for a in language.areas}
        self.about = [(row["id"], _pattern(tuple(c for c in row["question_cues"].split(" | ") if c)),
                       " " + normalise(row["text"]) + " ") for row in plan.about()]
        self.names_of: dict[tuple[str, str], set[str]] = {}  # ("duty", id) -> "dhr", ...
        for key, meanings in vocabulary.names.phrases.items():
            for meaning in meanings:
                self.names_of.setdefault(meaning, set()).add(" ".join(key))
        self.partnership_names = {plan.short_name} | {
            row["term"] for row in plan.glossary() if row["partnership"]}
        self.intent_words = {cue for rule in language.intents if rule.id != "glossary"
                             for cue in rule.cues if " " not in cue}
        self.change_cues = next(r.cues for r in language.intents if r.id == "change")
        self.rank_cues = next(r.cues for r in language.intents if r.id == "rank")
        self.quoted_shares = [f"{way} {part}" for ways in self.words.fraction_ways.values()
                              for way in ways for part in self.words.fractions]
        self.share_cues = next(r.cues for r in language.intents if r.id == "share")
        self.phrases = set(self.words.phrases())
        self.counting_verbs = set(self.words.counting_verbs)
        self.passages = Passages(plan, self.lexicon.lemma, self.words.kin)
        self.counted_in_words = self.passages.roots(  # "four cases", "48 recommendations"
            f["value"].split()[-1] for row in plan.achievements()
            for f in plan.achievement_facts(row["id"]) if f["kind"] == "count")
        self.tabled = set(plan.measures_with_figures()) | {  # topics the plan gives figures
            m.id for m in language.measures if plan.directions(m.id)}  # for, or a way they went
        self.not_passage = set(self.words.filler) | set(self.words.achievement_cues) | {
            w for phrase in self.words.requests for w in phrase.split()} | set(  # "please
            # provide ...": how it is asked, not what a passage holds
            self.words.not_priority_topics) | set(self.words.follow_up_refs) | {
            cue for rule in language.intents if rule.id in KINDS_OF_PASSAGE  # "statutory"
            for cue in rule.cues if " " not in cue}  # says which passages, not what is in them

    def parse(self, text: str) -> Frame:
        limit = self.language.settings.max_question_chars
        sentences = [normalise(s).split() for s in SENTENCE_END.split(text[:limit])]
        short, known = self.words.shorthand, self.vocabulary.known_words | self.lexicon.known
        words = [short.get(t, t) for s in sentences for t in s]
        words = [part for t in words for part in (  # "male/female" is "male" and "female",
            re.split(r"[/+]", t) if re.search(r"[a-z][/+][a-z]", t)  # "cse+fgm" is "cse", "fgm"
            and all(p.isalpha() for p in re.split(r"[/+]", t)) else [t])]
        words = [part for t in words for part in (  # "police-recorded" is "police recorded";
            # "non-crime" stays one word: not a crime
            t.split("-") if "-" in t and t not in known and not t.startswith("non-") and (
                t.replace("-", " ") in self.phrases or (  # "year-on-year"
                    any(p in known for p in t.split("-")) and all(  # "rest-of-county"
                        p.isalpha() and (len(p) > 2 or p in self.vocabulary.stopwords)
                        for p in t.split("-")))) else [t])]
        tokens = self.lexicon.spell(words)
        padded = " " + " ".join(tokens) + " "
        tags = self._force_as_recorder(tokens, self._names_first(
            tokens, self.lexicon.drop_misread_places(tokens, self.lexicon.drop_verbs(
                tokens, self.vocabulary.tag(tokens), set(self.words.before_verbs)))))
        found = numbers.read(tokens, self.words)
        slots: dict = dict(text=text[:limit], tokens=tokens, tags=tags,
                           truncated=len(text) > limit, periods=found.years,
                           quarters=found.quarters, relative=found.relative,
                           numbers=found.numbers + self._counts_in_words(tokens)
                           + self._none_claimed(padded))
        slots.update(self._topic(tokens, tags, _has(padded, self.words.wants_number)))
        slots["areas"] = _unique(t.value for t in tags if t.kind == "area")
        slots["area_op"] = self._area_op(tokens, tags, slots["areas"])
        for kind, field in (("glossary", "glossary"), ("achievement", "achievements"),
                            ("duty", "duties")):
            slots[field] = _unique(t.value for t in tags if t.kind == kind)
        slots["pcc"] = [int(v) for v in _unique(t.value for t in tags if t.kind == "pcc")]
        slots["masked"] = masked = self._masked(tokens, tags)
        unclaimed = _without(padded, [p for p in self.words.quote_check + self.words.claim_ends
                                      if " " in p])  # "is that right?" checks what it says
        slots["follow_up"] = (
            any(padded.startswith(f" {w} ") for w in self.words.follow_up_openers)
            or any(f" {w} " in unclaimed for w in self.words.follow_up_refs)
            or (0 < len(tokens) <= 3 and tokens[0] in WH_WORDS and not tags
                and not any(t.isdigit() for t in tokens)))  # "how often?": of the last one
        slots["wants_number"] = _has(padded, self.words.wants_number)
        slots["period_range"] = len(found.years) == 2 and _between(tokens, found.years,
                                                                    self.words.range_words)
        slots["since"] = len(found.years) == 1 and f" since {found.years[0]} " in padded
        slots["quarter_step"] = 1 if _has(padded, self.words.next_quarter) else \
            -1 if _has(padded, self.words.previous_quarter) else 0
        steps = _YEARS_AWAY.search(padded)
        slots["year_step"] = (_ORDINALS.get(steps.group(1)) or int(steps.group(1))) * (
            -1 if steps.group(2) in ("before", "earlier", "prior", "ago") else 1) if steps else 0
        slots["than_year"] = len(found.years) == 1 and _has(padded, [
            f"{w} {found.years[0]}" for w in self.words.than_year])
        covered = {i for t in tags for i in range(t.start, t.end)}
        stop = self.vocabulary.stopwords
        slots["named_phrases"] = _unique(" ".join(tokens[t.start:t.end]) for t in tags
                                         if t.kind not in ("area", "table"))
        slots["topic_terms"] = [w for t in tags if t.kind == "term" for w in tokens[t.start:t.end]]
        slots["content_words"] = [w for w in tokens if w.replace("-", "").isalpha()
                                  and len(w) > 2 and w not in stop]
        slots["topic_words"] = [w for i, w in enumerate(tokens)
                                if i not in covered and w.isalpha() and len(w) > 2
                                and w not in self.vocabulary.known_words]
        telling = _telling(text[:limit], sentences) | self._self_described(tokens) \
            | _hedged(text[:limit], self.words.hedges)
        own = [w for i, w in enumerate(tokens) if i not in telling and w.isalpha() and len(w) > 2
               and w not in self.vocabulary.stopwords and w not in self.vocabulary.known_words]
        asking = [w for i, w in enumerate(tokens) if i not in telling and not (  # "is there
            w == "there" and tokens[i - 1:i] in (["is"], ["are"], ["was"], ["were"]))]  # any": no
        leans = len(asking) <= 3 or bool(set(asking) & set(self.words.follow_up_refs))  # pointer
        if not any(t.start not in telling for t in tags if t.kind != "area") and len(own) < 2 \
                and leans:  # "crime in Banbury. How much?": the last sentence leans on the
            telling = set()  # first; not "... nothing changes. Is there anything else I can do?"
        slots["named_phrases"] = _unique(  # "... next to my kids' playground. Is drug dealing in
            " ".join(tokens[t.start:t.end]) for t in tags  # parks on the radar?": the parks
            if t.kind not in ("area", "table") and t.start not in telling) or slots["named_phrases"]
        found_words = self.lexicon.unknowns(tokens, tags, _proper(text[:limit])) \
            + slots.pop("foreign", []) \
            + self._stray_months(tokens) + _ages(tokens, tags) + self._kinds_of_a_part(tokens, tags) \
            + self._parts(padded, slots.get("measure") or slots.get("sharpened")) \
            + self._other_unit(tokens, padded, slots.get("measure")) + self._how_often(padded) \
            + self._kinds_unbroken(tokens, tags, slots.get("measure")) \
            + self._put_back(padded, slots.get("measure")) \
            + (self._contrasted(tokens, tags, slots.get("measure"))
               if slots["wants_number"] and slots.get("measure") else [])
        slots["context"] = [u for u in found_words if u.at in telling]
        slots["unknown"] = self._subsets(tokens, tags, [u for u in found_words if u.at not in telling],
                                         slots["wants_number"], slots.get("categories", []))
        slots["unknown"] = _answer_kinds(tokens, self._located(tokens, _counted_thing(
            tokens, slots["unknown"], slots.get("measure"), slots.get("categories", []),
            {i for t in tags if t.kind == "term" for i in range(t.start, t.end)},
            set(self.words.recorded_things))))
        slots["unknown"] = [u.model_copy(update={"role": "restriction", "kind": "subset"})
                            if u.role == "other" and u.word.startswith("non-") else u
                            for u in slots["unknown"]]  # "victims known to non-police
        # agencies": all but those the table counts
        if any(u.role == "other" for u in slots["unknown"]):
            slots["counting"] = False  # "how many spiking incidents": the count is of something
            # no table holds, so "incidents" does not make it police-recorded ASB
        clauses = [normalise(c).split()[:1] for c in CLAUSE_END.split(text[:limit])]
        slots["asks"] = self._asks(tokens, padded, counted=bool(slots.get("measure")),
                                   openings={c[0] for c in clauses if c},
                                   stated=text[:limit].rstrip().endswith("?"))
        if slots["asks"] == "yes_no" and (_either_of(tokens, tags)  # "did it grow faster in
                                          or _has(padded, self.words.choices)):  # Oxford or
            slots["asks"] = "figure"  # Oxfordshire?", "a high or low year?" ask which
        slots["asked_for"] = next((p.split()[1] for p in self.words.asks.get(slots["asks"], [])
                                   if p.split()[0] in ("which", "what") and len(p.split()) == 2
                                   and f" {p} " in padded), None) or self._asked_for(tokens)
        slots["counted"], slots["count_state"] = self._counted(tokens, slots["asks"])
        item = self._counted_item(tokens)
        if item and not slots["counted"]:
            slots["counted"] = [item[1]]  # "the fourth case": one of the cases counted
        slots["counts_in_words"] = bool(self.passages.roots(slots["counted"][:1])
                                        & self.counted_in_words)
        slots["worked_on"], slots["worked_on_told"] = self._worked_on(tokens, telling)
        slots["signals"] = self._signals(tokens, padded, masked, found, slots["asks"],
                                         self._named_beside_partnership(slots))
        if item and not slots["signals"].item_number:  # "the fourth case"
            slots["signals"] = slots["signals"].model_copy(update={"item_number": item[0]})
        if telling and slots["signals"].present and not _has(  # "I was called a slur this
                " ".join(["", *(w for i, w in enumerate(tokens) if i not in telling), ""]),  # month.
                self.words.present_time):  # How many race hate victims ...?": the story's time
            slots["signals"] = slots["signals"].model_copy(update={"present": False})
        if slots["signals"].item_number:  # "what's number 3?" names an item, asks no figure
            slots["wants_number"] = False
        per = slots["signals"].per
        asking = {w for phrase in self.words.per_time[per] for w in phrase.split()} if per \
            else set()  # "a month" spreads the figure over its months; it asks for no month
        if slots["signals"].times_asked:  # "what's the multiple?" asks, it does not restrict
            asking |= {w for phrase in self.words.times_asked for w in phrase.split()}
        asking |= {w for phrases in self.words.quarters.values() for p in phrases  # "the last
                   if f" {p} " in padded for w in p.split()}  # three months of": a quarter
        asking |= {w for p in self.words.same_period if f" {p} " in padded for w in p.split()}
        slots["unknown"] = [u for u in slots["unknown"] if u.word not in asking]
        asking_words = _how(tokens)
        asked = [w for i, w in enumerate(tokens) if i not in asking_words
                 and w in slots["content_words"] and w not in self.not_passage]
        settings = self.language.settings
        slots["passages"], slots["passages_share"] = self.passages.together(
            asked, settings.relevance_share, settings.passages_shown)
        places = [u for u in slots["unknown"] if u.role == "place"]
        elsewhere = self.passages.roots(  # "and for West Oxfordshire district?": the words of a
            w for u in slots["unknown"] if u in places or any(  # place the plan never names
                u.at == p.at + len(p.word.split()) for p in places)  # hold no passage's subject
            for w in u.word.lower().split())
        if elsewhere and all(set(p.held) <= elsewhere for p in slots["passages"]):
            slots["passages"], slots["passages_share"] = [], 0.0
        slots["glossary"] = self._terms_asked(slots)
        slots["members_of"] = self._members_of(slots)
        slots["may_do"] = self._may_do(tokens)
        slots["set_aside"] = self._set_aside(slots)
        start, end = self._aside(tokens)
        slots["aside_words"] = tokens[start:end]
        if slots["set_aside"]:
            slots["achievements"] = []
        slots["features"], slots["programme"] = self._features(slots, telling)
        if slots["features"].achievement_named and slots.get("measure") not in self.tabled \
                and not any(u.role == "place" for u in slots["unknown"]):
            slots["measure"] = None  # "the Vigilant officers": the operation's, not a table's
        if not slots.get("measure") and slots["signals"].marks:  # "the asterisk next to 3733":
            printing = {m for n in slots["numbers"] for m in self.plan.measures_printing(n.value)}
            if len(printing) == 1:  # the table printing the number quoted
                slots["measure"] = printing.pop()
        slots["measure_tabled"] = slots.get("measure") in self.tabled
        return Frame(**slots)

    def _force_as_recorder(self, tokens: list[str], tags: list[Tag]) -> list[Tag]:
        """"How many incidents did TVP record in Oxford?": the force named as doing the
        recording, beside another area, is who recorded them, not a second area."""
        force = [t for t in tags if t.kind == "area"
                 and " ".join(tokens[t.start:t.end]) in self.words.force_names
                 and tokens[t.end:t.end + 1] and tokens[t.end] in self.words.recording
                 and t.start and tokens[t.start - 1] in (*self.words.yes_no_openers,  # "did TVP
                                                         *self.words.recorded_things)]  # record",
        # "incidents TVP recorded in Oxford"; not "Thames Valley police-recorded ASB"
        others = {t.value for t in tags if t.kind == "area"} - {t.value for t in force}
        return [t for t in tags if t not in force] if force and others else tags

    def _names_first(self, tokens: list[str], tags: list[Tag]) -> list[Tag]:
        """A topic word inside the name of a body or programme ("crime" in "Bike Crime Reduction
        Partnership"), or inside any long name ("violence" in "violence against women and
        girls"), is part of the name, not a topic of its own."""
        names = [t for t in tags if t.kind in ("glossary", "achievement", "duty")
                 and (tokens[t.end - 1] in self.words.name_ends or t.end - t.start >= 4)]
        return [t for t in tags if t.kind != "term" or not any(
            n.start <= t.start and t.end <= n.end and n.end - n.start > t.end - t.start
            for n in names)]

    def _subsets(self, tokens: list[str], tags: list[Tag], unknown: list[Unknown],
                 counting: bool, categories: list[str]) -> list[Unknown]:
        """In a count, an unknown word after "were", "involved" ... names which of the things
        counted are meant ("how many of the cases were repeat complainants?"): a restriction."""
        verbs = [i for i, t in enumerate(tokens) if t in self.words.subset_verbs
                 and not (i and tokens[i - 1] in ("i", "we", "you", "there"))  # "I was reading
                 and tokens[i + 1:i + 2] != ["there"]  # the plan", "how many were there": no part
                 and not (categories and any(t.end > i for t in tags if t.kind == "term"))]
        # "how many were classed as environmental?" names its category after the verb; "how many
        # HBV victims were referred to a refuge?" narrows the category named before it
        if not counting or not verbs:
            return unknown
        return [u.model_copy(update={"role": "restriction", "kind": "subset"})
                if u.role == "other" and u.at > verbs[0] and not self._says_counted(u.word) else u
                for u in unknown]

    def _how_often(self, padded: str) -> list[Unknown]:
        """"Victimised three or more times": more often than any figure the plan gives."""
        said = next((p for p in self.words.frequency if f" {p} " in padded), None)
        return [Unknown(word=said, role="restriction", kind="frequency",
                        at=len(padded[:padded.index(f" {said} ")].split()))] if said else []

    def _located(self, tokens: list[str], unknown: list[Unknown]) -> list[Unknown]:
        """"ASB at the Castle Quarter", "near the Kassam": an unknown word just after a word
        that places something is somewhere, a restriction no figure of the plan is broken by;
        a place word naming an occasion ("for my ward briefing") is no place asked about, and
        "different kinds" asks for the kinds, not for different people."""
        def placed(u: Unknown) -> bool:
            return any(" ".join(tokens[max(0, u.at - n):u.at]) in self.words.located
                       for n in (1, 2))

        def describes(u: Unknown) -> bool:  # "my ward briefing": a kind of briefing;
            after = tokens[u.at + 1:u.at + 2]  # "split into different kinds": the kinds
            return bool(after) and ((u.kind == "location" and after[0] in self.words.occasions)
                                    or (u.kind == "unit"
                                        and after[0] in self.words.dimension_category))
        return [u.model_copy(update={"role": "restriction", "kind": "location"})
                if u.role == "other" and placed(u) else u for u in unknown if not describes(u)]

    def _contrasted(self, tokens: list[str], tags: list[Tag], measure: str | None) -> list[Unknown]:
        """"Trafficking as opposed to slavery", "labour rather than sexual exploitation": a count
        split into two kinds, which the plan gives only where both are parts of its table."""
        found, stop = [], self.vocabulary.stopwords
        for phrase in self.words.contrasts:
            size = len(phrase.split())
            for i in range(1, len(tokens) - size):
                if tokens[i:i + size] != phrase.split():
                    continue
                sides = (i - 1, i + size)
                if all(self._part_or_place(tokens, tags, at, measure) for at in sides):
                    continue
                start, end = i - 1, i + size + 1
                while start > max(0, i - 3) and tokens[start - 1] not in stop:
                    start -= 1
                while end < min(len(tokens), i + size + 3) and tokens[end] not in stop:
                    end += 1
                found.append(Unknown(word=" ".join(tokens[start:end]), role="restriction",
                                     kind="part", at=start))
        return found

    def _part_or_place(self, tokens: list[str], tags: list[Tag], at: int,
                       measure: str | None) -> bool:
        """Whether the word at `at` is a year, or in an area or a part of the measure's table."""
        return tokens[at].isdigit() or any(
            tag.start <= at < tag.end and (tag.kind == "area" or (tag.kind == "term" and any(
                m.measure == measure and m.category for m in self.terms[int(tag.value)].means)))
            for tag in tags)

    def _put_back(self, padded: str, measure: str | None) -> list[Unknown]:
        """"Crime including fraud": what the measure's table leaves out, asked to be counted."""
        padded = padded.replace("-", " ")
        return [Unknown(word=word, role="restriction", kind="left_out")
                for word in self.leaves_out.get(measure or "", [])
                if (said := [f"{w} {word.replace('-', ' ')}" for w in self.words.put_back])
                and _has(padded, said)
                and not _has(padded, [f"{n} {s}" for n in self.words.put_back_negated
                                      for s in said])][:1]

    def _other_unit(self, tokens: list[str], padded: str, measure: str | None) -> list[Unknown]:
        """"Hate crime offences (not victims)": a count of another thing than the measure's."""
        unit = self.units.get(measure or "")
        if not unit or not _has(padded, [f"{w} {unit}" for w in self.words.not_counted_as]):
            return []
        other = next((t for t in tokens if t in self.units.values() and t != unit), None)
        return [Unknown(word=other or f"anything but {unit}", role="restriction", kind="unit")]

    def _asking(self, word: str, tokens: list[str], openings: set[str]) -> bool:
        """A lone "when" or "who" asks when it opens the question or a clause, or comes before
        a verb ("who runs it"), not inside one ("what do they do when a case is flagged?") or
        after the thing it describes ("the number of people who have used it")."""
        if word in openings or tokens[:1] == [word]:
            return True
        plain = self.vocabulary.stopwords  # "the people who have used it": a relative "who"
        return any(t == word and tokens[i + 1:i + 2] and tokens[i + 1] in self.words.auxiliaries
                   and (i == 0 or tokens[i - 1] in plain) for i, t in enumerate(tokens))

    def _says_counted(self, word: str) -> bool:
        """"Logged", "all told", "steepest": how the things were counted or compared, not
        which of them."""
        verbs = self.counting_verbs
        return word in verbs or Lexicon.lemma(word) in verbs or (
            word.endswith("est") and Lexicon.lemma(word) != word)

    def _kinds_of_a_part(self, tokens: list[str], tags: list[Tag]) -> list[Unknown]:
        """"Which faith was targeted most?": which of a part's own kinds, a breakdown of one
        category (not "which strand") that no table gives."""
        covered = {i for t in tags for i in range(t.start, t.end)}
        return [Unknown(word=f"which {' '.join(tokens[t.start:t.end])}", role="restriction",
                        kind="subgroup", at=t.start)
                for t in tags if t.kind == "term" and t.start and tokens[t.start - 1] == "which"
                and t.end not in covered and all(m.category for m in self.terms[int(t.value)].means)]

    def _kinds_unbroken(self, tokens: list[str], tags: list[Tag],
                        measure: str | None) -> list[Unknown]:
        """"What kind of work were the slavery victims forced to do?": kinds of something no
        vocabulary knows, of a table broken down into none and saying of none which way it
        went ("which kinds of crime went up?" is answered by the crime types' directions)."""
        covered = {i for t in tags for i in range(t.start, t.end)}
        kinds = [i for i in range(len(tokens) - 2) if tokens[i] in self.words.kinds_of
                 and tokens[i + 1] == "of" and i + 2 not in covered]
        if not kinds or measure not in self.tabled or self.plan.dimension(measure, "category") \
                or self.plan.directions(measure) or any(t.kind == "achievement" for t in tags):
            return []  # "what kind of behaviour are the Vigilant officers looking for?" asks the
            # operation's words
        return [Unknown(word=" ".join(tokens[i:i + 3]), role="restriction", kind="subgroup", at=i)
                for i in kinds]

    def _parts(self, padded: str, measure: str | None) -> list[Unknown]:
        """A part the measure's table counts together with others, named without them ("how
        many were handled by the Community Response Team?"), or all of them to be told apart: a
        figure the plan does not give."""
        padded = padded.replace("-", " ")
        found = []
        for table in self.plan.tables_for(measure) if measure else []:
            named = [next((w for w in group if f" {normalise(w).replace('-', ' ')} " in padded),
                          None) for group in table["together"]]
            apart = all(named) and _has(padded, self.words.apart)
            if any(named) and (apart or not all(named)):
                found += [Unknown(word=w, role="restriction", kind="part") for w in named if w]
        return found

    # --- topics and areas ------------------------------------------------------------------------

    def _topic(self, tokens: list[str], tags: list[Tag], counting: bool) -> dict:
        """The measure most of the question's topic words agree on, then its categories."""
        generic = set(self.words.generic_topics)
        term_tags = [t for t in tags if t.kind == "term" and not (  # "crimes of violence at
            " ".join(tokens[t.start:t.end]) in generic and tokens[t.end:t.end + 1] == ["of"]
            and any(u.kind == "term" and u.start == t.end + 1 for u in tags))]  # home": DA's
        votes: Counter[str] = Counter()
        named: Counter[str] = Counter()  # votes by a word for the measure itself, not a breakdown
        order: list[str] = []
        for tag in term_tags:
            term = self.terms[int(tag.value)]
            for meaning in term.means:
                votes[meaning.measure] += 1
                named[meaning.measure] += not meaning.category
                if term.anchor and meaning.measure not in order:
                    order.append(meaning.measure)
        for tag in term_tags:  # a word for one measure only ("perpetrators") is a reading too
            means = self.terms[int(tag.value)].means
            if order and len(means) == 1 and not means[0].category \
                    and means[0].measure not in order:
                order.append(means[0].measure)
        order = [m for m in order if named[m] or not self.by_topic.get(m)]  # "repeat" unsaid
        phrases = self.terms[int(term_tags[0].value)].phrases if term_tags else []
        table = next((t.value for t in tags if t.kind == "table"), None)
        if table:  # "Table 5": the measure its table counts, whatever else the words fit
            order = [table]
        sharpened = [m for m, n in votes.most_common() if n == max(votes.values(), default=0)]
        guess = sharpened[0] if len(sharpened) == 1 else None
        if not order:
            loose: dict[str, list[str]] = {}
            for tag in term_tags:
                for meaning in self.terms[int(tag.value)].means:
                    if meaning.category:
                        loose.setdefault(meaning.measure, []).append(meaning.category)
            return {"topic_phrases": phrases, "loose_categories": loose, "sharpened": guess,
                    "counting": counting}
        after = set(self.words.after_words)
        restated = self._scope_restated(tokens)
        untabled = {m.measure for t in term_tags if not _preceded_by(tokens, t, after)
                    and t.start not in restated for m in self.terms[int(t.value)].means
                    if not m.category and m.measure not in self.tabled}
        measure = max(order, key=lambda m: (  # "older people who were victims of scams": the
            votes[m], bool(named[m]) or not untabled,  # scams, which the plan does not count,
            -order.index(m)))  # not the table one of their ages is a column of; "excluding
        # fraud" names no topic
        shared = {m.measure for t in term_tags for m in self.terms[int(t.value)].means
                  if measure in {x.measure for x in self.terms[int(t.value)].means}}
        # Two readings of the same words ("aged" of victims or of perpetrators): the one a word
        # names outright ("perpetrators") beats the one only a breakdown ("18 to 24") points to.
        measure = max([m for m in order if m in shared and votes[m] == votes[measure]] or [measure],
                      key=lambda m: (named[m], -order.index(m)))
        asked = {m.measure for t in term_tags if self.terms[int(t.value)].restricts
                 for m in self.terms[int(t.value)].means}
        found: dict = {"measure": measure, "topic_phrases": phrases, "categories": [],
                       "excluded_categories": [],  # another reading of the same words ("ASB"),
                       "alternatives": [  # never a subgroup no word asked for ("children")
                           m for m in order if m != measure and m in shared
                           and (votes[m], named[m]) == (votes[measure], named[measure])
                           and (m not in self.subgroups or m in asked)]}
        heads = {t.start for t in term_tags for u in term_tags if u.end == t.start  # "domestic
                 and measure in {m.measure for m in self.terms[int(u.value)].means}  # violence
                 and " ".join(tokens[t.start:t.end]) in generic}  # crimes" are DA's, not a total
        found["second_measure"] = next(  # "excluding fraud" names no second topic
            (m.measure for t in term_tags if self.terms[int(t.value)].anchor
             and not _preceded_by(tokens, t, after) and t.start not in heads
             and t.start not in restated
             for m in self.terms[int(t.value)].means if m.measure not in shared), None)
        sharpeners = {self.terms[int(t.value)].means[0].measure for t in term_tags
                      if len(self.terms[int(t.value)].means) == 1}
        if found["second_measure"] is None and measure in sharpeners:  # "the council's ASB
            found["second_measure"] = next(  # cases than the police's incidents": both readings
                (m for m in sharpeners if m != measure and m in shared), None)
        if found["second_measure"]:  # "was the council busier than the police?": the council
            at = {m: min((t.start for t in term_tags for x in self.terms[int(t.value)].means
                          if x.measure == m), default=len(tokens))
                  for m in (measure, found["second_measure"])}
            found["named_first"] = min(at, key=lambda m: at[m])
        found["related"] = sorted(shared - {measure})
        readings = {measure, *found["alternatives"]}
        found["foreign"] = self._foreign(tokens, term_tags, measure, readings,
                                         found["second_measure"])
        found["loose_categories"] = {}  # each other topic's parts, for setting two side by side,
        for tag in term_tags:  # and another reading's, for a follow-up on that table
            for meaning in self.terms[int(tag.value)].means:
                if meaning.category and meaning.measure in (found["second_measure"],
                                                            *found["related"]):
                    found["loose_categories"].setdefault(meaning.measure, []).append(meaning.category)
        for tag in term_tags:
            for meaning in self.terms[int(tag.value)].means:
                if meaning.measure == measure and meaning.category:
                    key = "excluded_categories" if _preceded_by(tokens, tag, after) else "categories"
                    if meaning.category not in found[key]:
                        found[key].append(meaning.category)
        return found

    def _foreign(self, tokens: list[str], term_tags: list[Tag], measure: str,
                 readings: set[str], second: str | None) -> list[Unknown]:
        """Topic words that restrict the figure to a part its table does not have: "children"
        of modern slavery, "hate crime" of repeat victimisation (which breaks out only some
        topics); but not the second topic of "more X than Y"."""
        comparing = bool(set(self.words.comparing) & set(tokens))

        def word(tag: Tag) -> Unknown:
            return Unknown(word=" ".join(tokens[tag.start:tag.end]), role="restriction",
                           kind="subgroup", at=tag.start)
        found = []
        for tag in term_tags:
            term = self.terms[int(tag.value)]
            if self.by_topic.get(measure) and term.anchor and not any(
                    m.measure == measure for m in term.means):
                found.append(word(tag))
            elif tokens[tag.start - 1:tag.start] == ["by"] and not any(
                    m.measure in readings for m in term.means):  # "hate crime by age": a
                found.append(word(tag))  # breakdown of another table
            elif all((m.category or term.restricts or self.by_topic.get(m.measure))
                     and m.measure not in readings  # "hate crime victims who were repeat
                     # victims": repeat victimisation is not broken out for hate crime
                     and not (comparing and m.measure == second and not (
                         m.category and tokens[tag.start - 1:tag.start] == ["against"]))
                     for m in term.means):  # "hate crimes against older people": victims
                found.append(word(tag))
        return found

    def _area_op(self, tokens: list[str], tags: list[Tag], areas: list[str]) -> AreaOp | None:
        """'The rest of the county', 'Thames Valley outside Oxfordshire', 'excluding Oxford'."""
        for tag in (t for t in tags if t.kind == "area"):
            if _preceded_by(tokens, tag, set(self.words.remainder_of)):
                part = next((a for a in areas if self.areas[a].parent == tag.value), None) \
                    or next((a.id for a in self.areas.values() if a.parent == tag.value), None)
                return AreaOp(whole=tag.value, part=part) if part else None
            if _preceded_by(tokens, tag, set(self.words.outside_of)) or _followed_by(
                    tokens, tag, self.words.taken_out, tags):
                whole = next((a for a in areas if a != tag.value), None) \
                    or self.areas[tag.value].parent
                return AreaOp(whole=whole, part=tag.value) if self._within(tag.value, whole) else None
        return None

    def _within(self, part: str, whole: str | None) -> bool:
        """Oxford is within Oxfordshire and Thames Valley; no area is within a part of itself."""
        parent = self.areas[part].parent
        return whole is not None and (parent == whole or (parent is not None and self._within(parent, whole)))

    def _stray_months(self, tokens: list[str]) -> list[Unknown]:
        """Months that are not one of the plan's quarters or a whole year: part of a year."""
        words = self.words
        months = set(words.months) | set(words.everyday_months)
        if not any(w in months or ("-" in w and set(w.split("-")) & months) for w in tokens):
            return []  # most questions name no month
        inside: set[int] = set()
        for i in range(len(tokens)):
            for span in self.month_spans:
                if tokens[i:i + len(span)] == span:
                    inside |= set(range(i, i + len(span)))
        months, before = set(words.months), set(words.month_prepositions)

        def month(i: int, w: str) -> bool:
            if w in words.everyday_months:  # "may I ask" is no month; "in May", "May 2021" are
                return (i > 0 and tokens[i - 1] in before) or (
                    i + 1 < len(tokens) and tokens[i + 1][:4].isdigit())
            return w in months or ("-" in w and bool(set(w.split("-")) & months)
                                   and w not in self.vocabulary.known_words)
        return [Unknown(word=w, role="restriction", kind="time", at=i)
                for i, w in enumerate(tokens) if i not in inside and month(i, w)]

    def _scope_restated(self, tokens: list[str]) -> set[int]:
        """"Crime (fraud excluded)": what a table leaves out, and the word leaving it out,
        restate the table's scope; they ask nothing of what it counts nor name a topic."""
        said = set(self.words.left_out_said)
        found: set[int] = set()
        for i, word in enumerate(tokens):
            beside = {j for j in (i - 1, i + 1) if 0 <= j < len(tokens) and tokens[j] in said}
            if word in self.left_out and beside:
                found |= beside | {i}
        return found

    def _masked(self, tokens: list[str], tags: list[Tag]) -> str:
        """The text with topic words blanked, so a topic word is never read as an intent cue."""
        spans = {i for t in tags if t.kind in ("term", "area") for i in range(t.start, t.end)}
        spans |= self._scope_restated(tokens)
        masked = " " + " ".join("_" if i in spans else w for i, w in enumerate(tokens)) + " "
        quoting = ["at least", "at most", "most of"]  # "at least 1,700" quotes a number; "most
        # of the recommendations" is a majority; neither ranks anything
        shares = self.quoted_shares if any(f" {part} " in masked  # most questions quote none
                                           for part in self.words.fractions) else []
        for phrases in (self.words.latest_year, self.words.previous_year, self.words.next_year,
                        self.words.broken_down, self.words.belongs_to, shares, quoting):
            for phrase in phrases:  # "most recent" is no ranking, "break it down" or "fell
                # under the environmental category" no fall, "more than half" no rise
                masked = masked.replace(f" {phrase} ", " _ ")
        return masked

    # --- what is asked ---------------------------------------------------------------------------

    def _counted(self, tokens: list[str], asks: str) -> tuple[list[str], str | None]:
        """What "how many" counts: the words after it up to the first function word ("how many
        modern slavery cases has"), none for "how many of them" or "how many times"; and a state
        said straight after it instead ("how many done so far?", "how many closed?") or after
        "been" ("how many of those have been done?")."""
        at = next((i + 2 for i in range(len(tokens) - 2) if tokens[i:i + 2] == ["how", "many"]),
                  None)
        if asks != "count" or at is None:
            return [], None
        def a_state(word: str) -> bool:
            return word == "done" or (word.endswith("ed") and len(word) > 4)
        first = tokens[at]
        state = first if a_state(first) else next(  # "how many of those have been done?",
            (w for before, w in zip(tokens[at:], tokens[at + 1:], strict=False)  # "how many
             if before in ("been", "are", "were") and a_state(w)), None)  # of them are done?"
        stop = set(self.words.stopwords) | set(self.words.count_of_uses)
        counted: list[str] = []
        for word in tokens[at:]:
            if not word.isalpha() or word in stop or word == state:
                break
            counted.append(word)
        after = tokens[at + len(counted):at + len(counted) + 1]
        if state is None and counted and counted[-1].endswith("s") and after \
                and a_state(after[0]):  # "how many recommendations done so far?"
            state = after[0]
        elif state is None and len(counted) >= 2 and a_state(counted[-1]) \
                and counted[-2].endswith("s"):  # "how many recommendations completed so far?"
            state = counted.pop()
        return counted, state

    def _asked_for(self, tokens: list[str]) -> str | None:
        """The things a list is to name: the words after "which" (past "of the 48") or "list the"
        up to the first plural, within three words and before any function word ("which fast
        food places are ...?" asks for places; "which priority mentions ...?" for no things)."""
        at = next((i + 1 for i, w in enumerate(tokens) if w == "which"), None)
        if at is None:
            at = next((i + 2 for i in range(len(tokens) - 1) if tokens[i] in ("list", "name")
                       and tokens[i + 1] in ("the", "all")), None)
        if at is None and tokens[:1] == ["what"] and tokens[1:2] in (["were"], ["are"]) \
                and len(tokens) > 3 and tokens[2] == "the" and tokens[3].isdigit():
            at = 3  # "what were the 48 recommendations?": the things a number of them was given
        while at is not None and at < len(tokens) and (tokens[at] in ("of", "the", "all")
                                                       or tokens[at].isdigit()):
            at += 1  # "which of the 48 recommendations"
        stop = set(self.words.stopwords) | set(self.words.verbs_in_s) \
            | set(self.words.kinds_of)  # "which kinds of ...?" asks for kinds, not things
        run: list[str] = []
        for word in tokens[at:at + 3] if at is not None else []:
            if not word.isalpha() or word in stop:
                break
            run.append(word)
            if word.endswith("s") and not word.endswith("ss") and lemma(word) != word:
                return " ".join(run)  # the first plural ends the things' name
        return None

    def _worked_on(self, tokens: list[str], telling: set[int]) -> tuple[list[str], bool]:
        """The words naming what work is asked about: those after "about" (else "on"), up to
        the next function word ("doing about speeding cars and ..." → speeding, cars), through
        an article ("people who ignored the covid rules" → ignored, covid, rules); past a
        phrasal verb ("lead on pulling together the county's strategy" → county, strategy).
        "E-scooters on the pavement are a menace. What is being done about them?": what the
        sentence told before begins with."""
        at = next((i + 1 for opener in ("about", "on") for i, w in enumerate(tokens)
                   if w == opener), None)
        if at is None:
            return [], False
        if telling and tokens[at:at + 1] in (["it"], ["them"]):
            told = self._run(tokens, min(telling), max(telling) + 1)
            if told[:1] == tokens[min(telling):][:1]:
                return told, True
        return self._run(tokens, at, len(tokens)), False

    def _run(self, tokens: list[str], at: int, end: int) -> list[str]:
        """The first run of words between function words, from `at` on."""
        plain = set(self.words.stopwords) | set(self.words.filler)
        run: list[str] = []
        for i, word in enumerate(tokens[at:end], at):
            if run and word in ("the", "a", "an"):
                continue
            if word in plain or not word.replace("-", "").isalpha():
                if run == [tokens[i - 1]] and run[0].endswith("ing") and word in PARTICLES:
                    run = []  # a phrasal verb ("pulling together"): what it acts on follows
                    continue
                if run:
                    break
                continue
            run.append(word)
        return run

    def _self_described(self, tokens: list[str]) -> set[int]:
        """"I'm a school governor and ...", "as a parent, ...": who is asking, told as context,
        up to the next word that goes on to the question (at most four words)."""
        found: set[int] = set()
        for phrase in self.words.self_described:
            size = len(phrase.split())
            for i in range(len(tokens) - size):
                if tokens[i:i + size] != phrase.split():
                    continue
                for j in range(i + size, min(i + size + 4, len(tokens))):
                    if tokens[j] in self.words.self_described_ends:
                        break
                    found.add(j)
        return found

    def _heads_of(self, padded: str) -> bool:
        """A word for leading, then a body within the next four words."""
        headed = set(self.words.headed)
        for phrase in self.words.leading:
            at = padded.find(f" {phrase} ")
            if at >= 0 and headed & set(padded[at + len(phrase) + 2:].split()[:4]):
                return True
        return False

    def _asks(self, tokens: list[str], padded: str, counted: bool, openings: set[str],
              stated: bool) -> str:
        """What kind of answer is asked: the kind of the first phrase opening with who, where,
        when, why or how, else the first kind in the word list's order, unless a longer phrase
        holding it says more ("where can I find" is a place, "where can I" how to do
        something)."""
        said = [(kind, p) for kind, phrases in self.words.asks.items() for p in phrases
                if f" {p} " in padded and (" " in p or p not in WH_WORDS or self._asking(p, tokens,
                                                                                      openings))]
        said = [(kind, p) for kind, p in said
                if not any(p != q and f" {p} " in f" {q} " for _, q in said)]
        if tokens[:1] == ["when"] and (openings - {"when"}) & WH_WORDS:  # "when the council
            said = [(kind, p) for kind, p in said if not padded.startswith(f" {p} ")]  # looked
            # into it, what kept coming up?": the later clause asks
        opening = [(kind, p) for kind, p in said if p.split()[0] in PLAIN_WH  # "who got the
                   or (padded.startswith(f" {p} ") and kind != "list")]  # "which towns got
        # ... funding?" asks for places; "what are the ... paid?" is not a list
        found = min(opening, key=lambda s: padded.index(f" {s[1]} "))[0] if opening else \
            next((kind for kind, _ in said), None)  # funding": who, though "funding" is money
        if found == "spent_on" and " how much " in padded:
            found = "money"  # "how much did OSCP give TVP to buy the kits?": the sum
        if found is None and " how much " in padded and not counted:
            found = "how_much"  # an amount of money unless the conversation has a counted topic
        roles = set(self.words.person_roles) & set(tokens)
        if roles and ("name" in tokens or (found == "person" and tokens[:1] == ["who"])):
            return "named_person"  # "what's the name of the coordinator?", "who is the chair?"
        if found == "person" and self._heads_of(padded):  # "who leads the Executive Board?":
            return "named_person"  # its head, by name; "who runs it?" of a programme, or "who
            # is responsible for reviewing the plan?" (a task): a body
        openers = self.words.yes_no_openers
        # "Is it ...?", or a later clause that opens with "is" when no clause asks "where",
        # "how many" and so on: "Across Thames Valley, is disability hate crime more common?"
        request = any(padded.startswith(f" {r} ") for r in self.words.requests) \
            and not _has(padded, self.words.yes_no_phrases)  # "can you give me the figure?"
        yes_no = not request and (_yes_no(tokens, openers) or (found is None and bool(
            openings & set(openers) or _has(padded, self.words.yes_no_phrases))))
        counting = found == "count" and "how" in openings  # "has it been used? how many times?"
        if yes_no and not counting \
                and found not in ("how_counted", "definition", "expansion", "money", "how_to",
                                  "contact"):
            return "yes_no"
        if not opening and not request and _has(padded, self.words.claim_ends) \
                and found not in ("contact", "how_to"):  # "Oxford had 1,917 offences in 2021 -
            return "yes_no"  # correct?", "Oxford's percentage rise was bigger - correct?"
        so = tokens[:1] in (["so"], ["by"])  # "so that's about a 10% jump?", "by about 500?": a
        # figure just given, checked
        if stated and (counted or so) and found is None and not opening and not request \
                and not WH_WORDS & set(tokens) and (set(tokens[1:]) & set(self.words.statement_verbs)
                                                    or (so and any(t[:1].isdigit() for t in tokens))):
            return "yes_no"  # "environmental was the biggest type of ASB?", "so it went up by a
            # third?": a claim of a figure
        return found or "figure"

    def _named_beside_partnership(self, slots: dict) -> list[set[str]]:
        """The names (with their other names) of the terms, programmes and duties a question
        names, other than the partnership itself, its board and the bodies it brings together."""
        tokens = slots["tokens"]
        return [self.names_of.get((t.kind, t.value), {" ".join(tokens[t.start:t.end])})
                for t in slots["tags"] if t.kind in ("glossary", "achievement", "duty")
                and t.value not in self.partnership_names]

    def _signals(self, tokens: list[str], padded: str, masked: str, found, asks: str,
                 named: list[set[str]]) -> Signals:
        words = self.words
        quoted = [n.value for n in found.numbers if n.kind == "percent"]
        checking = _has(padded, words.quote_check) or _has(padded, words.claim_ends)
        fraction = _fraction(padded, words)
        if fraction:  # "more than half" quotes a share, not a rise
            padded = _without(padded, self.quoted_shares)
        direction = _direction(padded, words, asks == "yes_no")
        return Signals(
            lowest=_has(masked, words.lowest_words), second=_has(masked, words.second_words),
            by_percent=_has(padded, words.percent_words), points=_has(padded, words.points),
            each_area=_has(padded, words.each_area),
            change_cue=_has(masked, self.change_cues),
            every_year=_has(padded, words.every_year),
            direction=direction,
            level_only=bool(direction) and not (
                set(tokens) & (set(words.rising) | set(words.falling)) - set(words.levels)),
            either_way=_has(padded, words.rising) and _has(padded, words.falling)
            and direction is None,
            average=_has(padded, words.average), adding=_has(padded, words.adding),
            plan_only=_has(padded, words.plan_only),
            per=next((unit for unit, phrases in words.per_time.items() if _has(padded, phrases)),
                     None),
            which_when=next((unit for unit, phrases in words.which_when.items()
                             if _has(padded, phrases)), None),
            partitive=_has(padded, words.partitive),
            provider=_has(padded, words.provider_verbs),
            future=_has(padded, words.future),
            forecast=_has(_without(padded, words.table_years), words.forecast),
            opinion=_has(padded, words.opinion), involvement=_has(padded, words.involvement),
            cost_to_join=_has(padded, words.cost_to_join),
            divided=_has(padded, words.divided), refers=_has(padded, words.refers),
            circumstances=_has(padded, words.circumstance_asks) and not _has(
                padded, words.circumstance_not),  # not "when is the next one due?"
            what_is=tokens[:2] in (["what", "is"], ["what", "are"], ["what", "was"]),
            present=_has(padded, words.present_time),
            actual_count=_has(padded, words.actual_count),
            times_asked=_has(padded, words.times_asked),
            ranking=_has(masked, self.rank_cues),
            share_cue=_has(masked, self.share_cues),
            spread=_has(padded, words.spread),
            marks=_has(padded, words.marks),
            calendar=_has(padded, words.calendar_year),
            of_those=_has(padded, words.of_those),
            **{**fraction, **_multiple(padded, words)},
            others=_has(_COUNTED_OTHERS.sub(" others ", padded), words.others)
            and not _has(padded, words.remainder_of),
            than=_has(padded, words.than), there=_has(padded, words.there),
            dimensions=[d for d in DIMENSIONS if _has(masked, getattr(words, f"dimension_{d}"))],
            negation=_has(padded, words.negations), lists_oscp=_has(padded, words.oscp_priority_list),
            names_pcc=_has(padded, words.pcc_names), which_pcc=_has(padded, words.which_pcc),
            pcc_list=_has(padded, words.pcc_list) or (  # "how many priorities are there in
                "priorities" in tokens and " police and crime plan " in padded),  # the PCC's
            # police and crime plan?"
            mentions_oscp=_has(padded, ["oscp"]), pcc_number=_pcc_number(tokens),
            item_number=_item_number(tokens),
            about=[fact for fact, cues, text in self.about if cues.search(padded)  # "when did
                   and all(any(f" {n} " in text for n in names)  # Safer Streets 3 start?" is
                           for names in named)],  # not asked of the partnership
            quoted_percent=quoted[0] if quoted and (checking or (
                asks == "yes_no" and not fraction)) else None,  # "was there a 10% rise?",
            # "did it rise by more than 10%?" check the 10%
            checking=checking,
            whole_year=_has(padded, words.whole_year),
            of_change=bool(set(tokens) & set(words.of_change)) and _has(padded, words.contributed),
            outcome=_has(padded, words.outcome_asked), parent=_has(padded, words.parent_refs),
        )

    # --- what the question names -----------------------------------------------------------------

    def _features(self, slots: dict, telling: set[int]) -> tuple[Features, str | None]:
        passages = self._beyond_topic(slots, telling)
        achievement, how = self._achievement(slots, telling, passages)
        figures = slots["wants_number"] or slots["areas"] or slots["periods"] \
            or slots.get("categories") or slots["asks"] in ("count", "percentage", "how_much")
        best = next((p.kind for p in passages[:1]  # "the feasibility of a CCTV hub"; not
                     if p.share >= self.language.settings.passage_share  # when a table's topic
                     and (not slots.get("measure")  # is named: that asks for figures, unless
                          or (not figures and len(p.held) >= 3))), None)  # the passage holds
        # three words of its own and nothing asks for a figure ("how will the DA scrutiny
        # recommendations be delivered?")
        padded = " " + " ".join(slots["tokens"]) + " "
        only = bool(slots["glossary"]) and self._glossary_only(slots)
        glossary = slots["glossary"]
        features = Features(
            areas=len(slots["areas"]) >= 2, duty_named=bool(slots["duties"]),
            about_named=bool(slots["signals"].about), achievement=bool(achievement),
            achievement_named=how == "named", achievement_number=how == "number",
            achievement_text=how in ("text", "sum", "told"), achievement_place=how == "place",
            restriction_told=how == "told",
            achievement_sum=how == "sum",
            glossary=bool(glossary),
            glossary_only=only,
            all_parts=_has(" " + " ".join(slots["tokens"]) + " ", self.words.all_parts),
            fraction_quoted=slots["signals"].fraction is not None  # not "a type where ... half"
            and not {"category", "period"} & set(slots["signals"].dimensions),
            bodies_asked=not achievement and _asks_bodies(slots["tokens"], set(self.words.bodies)),
            how_counted=slots["asks"] == "how_counted",
            figures_asked=bool(slots.get("measure") and slots["wants_number"]
                               and (slots["areas"] or slots["periods"])),
            **{f"passage_{kind}": kind == best for kind in ("priority", "duty", "about")},
            passage_achievements=not achievement and self._one_heading(slots),
            others_asked=bool(slots["set_aside"]),
            priorities_named=bool({"priority", "priorities"} & set(slots["tokens"])),
            work_asked=self._work_asked(slots, passages, ("priority", "achievement")),
            duty_asked=self._work_asked(slots, passages, ("duty",)),
            pcc_asked=bool(slots["pcc"]) and slots["asks"] == "yes_no"
            and not slots["wants_number"] and slots.get("measure") not in self.tabled,
            part_of_quoted=slots["asks"] in ("count", "money", "how_much") and any(
                _has(padded, [f"{p} {pound}{n.text}" for p in self.words.part_of])
                for n in slots["numbers"] for pound in ("", "£ ")),
        )
        return features, achievement

    def _work_asked(self, slots: dict, passages: list[Passage], kinds: tuple[str, ...]) -> bool:
        """A table's topic named with words a passage of these kinds holds beyond it, and
        nothing asked of figures: what is done about the topic, or the duty it speaks of."""
        signals = slots["signals"]
        figures = slots["wants_number"] or slots["periods"] or slots["quarters"] or any(
            (signals.change_cue, signals.ranking, signals.share_cue, signals.average,
             signals.direction, signals.either_way)) or slots["asks"] not in ("figure", "list")
        best = passages[0] if passages else None
        return bool(slots.get("measure")) and not figures and best is not None \
            and best.kind in kinds and len(best.held) >= 2

    def _may_do(self, tokens: list[str]) -> list[str]:
        """What leave is asked for: the words after "can I" or "can residents", up to the next
        clause ("can I get a copy of the footage?": get, copy, footage)."""
        ends = _phrase_ends(tokens, self.words.permission_asks)
        if not ends:
            return []
        plain = set(self.words.stopwords) | set(self.words.filler)
        run = []
        for word in tokens[min(ends):]:
            if word in self.words.clause_openers:
                break
            if word not in plain and word.isalpha():
                run.append(word)
        return run

    def _counted_item(self, tokens: list[str]) -> tuple[int, str] | None:
        """"What happened in the fourth (modern slavery) case?": one of the things a programme
        counts in words, and the word for them."""
        return next(((_ORDINALS[w], after) for i, w in enumerate(tokens)
                     if w in _ORDINALS and w not in NUMBER_WORDS  # "fourth", not "four"
                     for after in tokens[i + 1:i + 4]
                     if self.passages.roots([after]) & self.counted_in_words), None)

    def _members_of(self, slots: dict) -> str | None:
        """The term naming a body whose members are asked for: it stands just after "members
        of" or "sits on" ("members of OSCP's Executive Board")."""
        ends = _phrase_ends(slots["tokens"], self.words.members_of)
        return next((t.value for t in slots["tags"] if t.kind == "glossary"
                     and t.value in slots["glossary"] and any(0 <= t.start - e <= 2 for e in ends)),
                    None)

    def _terms_asked(self, slots: dict) -> list[str]:
        """The terms named, less the partnership itself unless it is all that is asked about:
        "what did the partnership do in covid?" is not a question about the term."""
        subject = self.plan.short_name
        if slots["glossary"] == [subject] and self._glossary_only(slots, 0):
            return slots["glossary"]
        return [g for g in slots["glossary"] if g != subject]

    def _one_heading(self, slots: dict) -> bool:
        """"What was done in covid?": several achievements under one heading each hold most
        of the words, so the question is about all of them, not one."""
        share = self.language.settings.passage_share
        ids = {p.id for p in slots["passages"] if p.kind == "achievement" and p.share >= share}
        headings = {r["heading"] for r in self.plan.achievements() if r["id"] in ids}
        return (len(ids) >= 2 and len(headings) == 1 and not slots.get("measure")
                and not slots.get("loose_categories")  # "environmental?": a table's part
                and slots["asks"] not in ("count", "money", "percentage"))

    def _glossary_only(self, slots: dict, others: int = 1) -> bool:
        """The question is little more than a term: "ONS?", "is TVP the police?". A topic the
        plan counts ("hate crime?") is read as a request for its figures instead."""
        tags, tokens = slots["tags"], slots["tokens"]
        inside = {i for t in tags if t.kind == "glossary" for i in range(t.start, t.end)}
        areas = {i for t in tags if t.kind == "area" for i in range(t.start, t.end)} - inside
        filler = set(self.words.glossary_filler) | self.vocabulary.stopwords
        rest = [w for i, w in enumerate(tokens) if i not in inside and w not in filler]
        return (not slots.get("measure") and len(rest) <= others and not areas
                and not set(rest) & self.intent_words
                and not (slots["follow_up"] and slots.get("sharpened")))  # "and the council's?"

    def _achievement(self, slots: dict, telling: set[int],
                     passages: list[Passage]) -> tuple[str | None, str]:
        """The achievement a question is about: by name, by a sum or count it quotes, or by
        its words, when it is the one passage holding most of them or twice as many as any
        other; for "how much money?", the best of those holding a sum."""
        if slots["achievements"]:
            share = {p.id: p.share for p in slots["passages"] if p.kind == "achievement"}
            named = slots["achievements"][0] if slots["numbers"] else max(
                slots["achievements"], key=lambda a: share.get(a, 0))  # of two named ("cameras
            # in the Covered Market"), the one holding more of the question; not when it quotes
            # a whole ("of the £426,000, how much went on lighting?"): the one named first
            better = self._outheld(named, passages) if len(slots["achievements"]) == 1 else None
            return better or named, "named"
        for number in slots["numbers"]:
            for row in self.plan.search("achievements", [number.text.replace(",", " ")], 1):
                if number.text in row["text"] or number.text in row["facts"]:
                    return row["id"], "number"
        stated = self._stated_count(slots, passages) or self._involving(slots)
        if stated:
            return stated, "named"
        places = [t.value for t in slots["tags"] if t.kind == "place" and t.start not in telling]
        if places:
            return places[0], "place"
        told = self._restriction_told(slots)
        if told:
            return told, "told"
        best, *rest = passages or [None]
        share = self.language.settings.passage_share
        if best and best.kind == "achievement" and self._names_another(slots, best):
            return None, ""  # "the Safer Streets 3 funding" is not the £426,000 project's
        found = best and best.kind == "achievement" and len(best.held) >= 2 and (
            best.share >= share or not rest or best.share >= 2 * rest[0].share) and (
            not rest or (rest[0].share, rest[0].titled) < (best.share, best.titled))  # not one
        # of several the words fit as well ("what was done during covid?")
        named = self.passages.roots(w for t in slots["tags"] if t.kind == "glossary"
                                    for w in slots["tokens"][t.start:t.end])
        if not found and slots["asks"] in ("money", "how_much"):  # "how much did the council
            found = next((p for p in passages if p.kind == "achievement"  # get for women's
                          and (len(p.held) >= 2 or set(p.held) <= named)  # safety at
                          and p.share >= share  # night?", "£ for VAWG?" (the term named): the
                          and any(f["kind"] == "sum"  # one holding a sum
                                  for f in self.plan.achievement_facts(p.id))), None)
            return (found.id, "sum") if found else (None, "")
        if found and slots["asks"] in ("money", "how_much") and any(  # "how much was the
                f["kind"] == "sum" for f in self.plan.achievement_facts(best.id)):  # council
            return best.id, "sum"  # awarded to tackle violence against women and girls?"
        if found and best.titled >= 2 and best.titled == len(best.held):  # "the multi-agency
            return best.id, "named"  # team": its title's words, and no others
        return (best.id, "text") if found else (None, "")

    def _none_claimed(self, padded: str) -> list[NumberMention]:
        """"Someone said there were no FGM victims - is that right?": a claim of none is a
        claim of 0, checked like any figure quoted."""
        if not (_has(padded, self.words.quote_check) or _has(padded, self.words.claim_ends)) \
                or not _NONE.search(padded):
            return []
        return [NumberMention(value=0.0, text="no", kind="count")]

    def _restriction_told(self, slots: dict) -> str | None:
        """"What happened to the victims in the slavery cases that were closed?": the one
        achievement holding all of the question, a restriction no table breaks out included
        ("closed"), tells of what the table cannot."""
        best = slots["passages"][0] if slots["passages"] else None
        if best is None or best.kind != "achievement" or best.share < 1.0 \
                or slots.get("measure") not in self.tabled or slots["asks"] == "count":
            return None  # a table named, which cannot tell it; "how many closed?" is counted
        narrowing = self.passages.roots(u.word for u in slots["unknown"] if u.role == "restriction")
        return best.id if narrowing and narrowing <= set(best.held) else None

    def _counts_in_words(self, tokens: list[str]) -> list[NumberMention]:
        """"Used in ten cases": a count said in words, of a thing the plan counts in words for a
        programme (cases, recommendations, workers), read as the number it is."""
        found = []
        for word, after in zip(tokens, tokens[1:], strict=False):
            value = count_said(word) if word in NUMBER_WORDS else None
            if value is not None and self.passages.roots([after]) & self.counted_in_words:
                found.append(NumberMention(value=float(value), text=word, kind="count"))
        return found

    def _stated_count(self, slots: dict, passages: list[Passage]) -> str | None:
        """"How many cases through the new slavery pathway?": a count the plan states in words
        ("four cases") of a programme holding words of the question beyond its topic and the
        thing counted, not a table's figure of something else (victims, ASB cases)."""
        tokens = slots["tokens"]
        quoted = {tokens[i + 1] for i in range(len(tokens) - 1)  # "used in ten cases, right?"
                  for n in slots["numbers"] if tokens[i] == n.text}
        if slots["asks"] == "count" and slots["counted"]:
            counted = self.passages.roots(slots["counted"][:1])
        elif slots["asks"] == "yes_no" and quoted:
            counted = self.passages.roots(quoted) & self.counted_in_words
        else:
            return None
        topic = self.passages.roots(slots["topic_terms"]) | counted
        for passage in passages:
            if passage.kind != "achievement" or not set(passage.held) - topic:
                continue
            following = self.plan.continuation(passage.id, self.words.back_references)
            for row in filter(None, (self.plan.achievement(passage.id), following)):
                if any(f["kind"] == "count" and counted & self.passages.roots(f["value"].split())
                       for f in self.plan.achievement_facts(row["id"])):
                    return row["id"]
        return None

    def _set_aside(self, slots: dict) -> list[str]:
        """"Apart from CCTV and lighting, what other ...?": the achievements named, by an alias
        or by a term in their title, after a word setting them aside."""
        start, end = self._aside(slots["tokens"])
        if start == end or slots.get("measure"):
            return []
        named = [t for t in slots["tags"] if start <= t.start < end]
        ids = {t.value for t in named if t.kind == "achievement"}
        terms = [t.value.lower() for t in named if t.kind == "glossary"]
        return [r["id"] for r in self.plan.achievements()
                if r["id"] in ids or any(t in r["title"].lower() for t in terms)]

    def _aside(self, tokens: list[str]) -> tuple[int, int]:
        """Where the words set aside run: from "apart from" up to the next clause; (0, 0) if
        nothing is set aside."""
        starts = _phrase_ends(tokens, self.words.besides)
        if not starts:
            return 0, 0
        end = next((i for i in range(min(starts), len(tokens))
                    if tokens[i] in self.words.clause_openers), len(tokens))
        return min(starts), end

    def _involving(self, slots: dict) -> str | None:
        """"Were the universities involved?", "does Oxford Brookes take part in the work on
        women's safety?", "I manage a takeaway ... are places like ours part of any scheme?":
        the programme holding most of the question, the story told with it included, whose
        partners name the body asked about."""
        best = slots["passages"][0] if slots["passages"] else None
        if not slots["signals"].involvement or not best or best.kind != "achievement" or (
                best.share < self.language.settings.passage_share and len(best.held) < 4):
            return None  # a long story holds a small share of many words ("I manage a takeaway")
        partners = " ".join(self.plan.partners(best.id))
        bodies = self.passages.roots(w for t in slots["tags"] if t.kind == "glossary"
                                     for w in slots["tokens"][t.start:t.end])
        bodies |= self.passages.roots(u.word for u in slots["unknown"] + slots["context"])
        named = bodies & self.passages.roots(partners.lower().split())
        return best.id if named & set(best.held) else None

    def _outheld(self, named: str, passages: list[Passage]) -> str | None:
        """Another achievement holding most of the question, and twice the share of the one
        its words name or more of it and a word of its title: "meetings to discuss drug
        hotspots" names the CCTV units by "drug hotspots", but the meetings hold the rest."""
        best = passages[0] if passages else None
        if not best or best.kind != "achievement" or best.id == named:
            return None
        own = next((p for p in passages if p.kind == "achievement" and p.id == named), None)
        share = self.language.settings.passage_share
        if own is None or own.share * 2 <= best.share:
            return best.id if best.share >= share else None
        titled = best.titled and not own.titled and best.share > own.share  # "what meetings
        return best.id if titled and best.share >= share else None  # ...": the one so titled

    def _names_another(self, slots: dict, passage: Passage) -> bool:
        """The achievement was found by the words of a term the question names and its text
        never mentions ("safer" of "Safer Streets 3"): the question is about that term."""
        row = self.plan.achievement(passage.id)
        body = " ".join([row["title"], row["aliases"], row["text"], row["facts"]]).lower()
        for term in slots["glossary"]:
            names = [term, *self.plan.glossary_term(term)["aliases"].split(" | ")]
            if term == self.plan.short_name or any(n and n.lower() in body for n in names):
                continue
            if len(set(passage.held) - self.passages.roots(term.split())) < 2:
                return True
        return False

    def _beyond_topic(self, slots: dict, telling: set[int]) -> list[Passage]:
        """The passages holding the asking sentences' words other than the topic's and the
        areas': what a question in words is about, not the table its topic names."""
        untabled = slots.get("measure") and slots["measure"] not in self.tabled \
            and set(slots["tokens"]) & set(self.words.programme_kinds)  # "is there an
        topic = {i for t in slots["tags"] if (t.kind == "term" and not untabled)  # operation on
                 or t.kind == "area"  # knife crime?": a topic with no table is what the
                 for i in range(t.start, t.end)} | _how(slots["tokens"])  # passages hold
        return self.passages.find([
            w for i, w in enumerate(slots["tokens"]) if i not in telling and i not in topic
            and w.isalpha() and len(w) > 2
            and w not in self.vocabulary.stopwords and w not in self.not_passage])


def _phrase_ends(tokens: list[str], phrases: list[str]) -> list[int]:
    """Where each phrase found in the tokens ends: the words after it are what it governs.
    Most questions hold none of the phrases, so the text is searched before the tokens."""
    padded = f" {' '.join(tokens)} "
    ends = []
    for phrase in phrases:
        if f" {phrase} " in padded:
            words = phrase.split()
            ends += [i + len(words) for i in range(len(tokens)) if tokens[i:i + len(words)] == words]
    return ends


def _how(tokens: list[str]) -> set[int]:
    """Where a word asks rather than names ("how long", "how big"): no passage is about it."""
    return {i for i in range(1, len(tokens)) if tokens[i - 1] == "how"}


PARTICLES = {"together", "up", "out", "off", "down", "back", "through", "forward"}  # "pulling
# together", "setting up": a verb's, not a topic's
PLAIN_WH = {"who", "where", "when", "why", "how"}  # each asks one kind; "what" asks any
WH_WORDS = {"what", "which", "who", "how", "why", "where", "when", "whose", "whom"}


def _telling(text: str, sentences: list[list[str]]) -> set[int]:
    """The tokens of sentences that ask nothing: the asker's context. The asking sentences are
    those ending in a question mark, or the last one when none does."""
    ends = [s.rstrip().endswith("?") for s in SENTENCE_END.split(text)]
    asking = [i for i, end in enumerate(ends) if end] or [len(sentences) - 1]
    telling, start = set(), 0
    for i, words in enumerate(sentences):
        if i not in asking:
            telling |= set(range(start, start + len(words)))
        start += len(words)
    return telling


def _hedged(text: str, hedges: list[str]) -> set[int]:
    """The tokens of a clause that only says how things feel ("feels like there's knives
    everywhere now, has weapon crime gone up?") or what prompted the question ("after reports
    of abuse in the city centre, ..."): context, not part of what is asked. Never the last
    clause."""
    lowered = text.lower()
    if not any(h in lowered for h in hedges):  # most questions: nothing to read
        return set()
    clauses = [normalise(c).split() for c in CLAUSE_END.split(text)]
    found, start = set(), 0
    for clause in clauses[:-1]:
        if any(clause[:len(h.split())] == h.split() for h in hedges):
            found |= set(range(start, start + len(clause)))
        start += len(clause)
    return found


def _asks_bodies(tokens: list[str], bodies: set[str]) -> bool:
    """'Which council teams', 'what other agencies', 'list the council teams': which, what,
    list or name, then a body within three words."""
    return any(w in ("which", "what", "list", "name") and bodies & set(tokens[i + 1:i + 4])
               for i, w in enumerate(tokens))


def _fraction(padded: str, words) -> dict:
    """'More than half', 'roughly a quarter': the share quoted and the way it is asked."""
    found = next((v for phrase, v in sorted(words.fractions.items(), key=lambda kv: -len(kv[0]))
                  if f" {phrase} " in padded and not re.search(  # "the first three quarters",
                      rf" (?:first|last|the|all|same|those|these) {phrase} "  # "three quarters
                      rf"| {phrase} of (?:19|20)\d\d"  # of 2020/21": quarters; "rose by
                      rf"| (?:by|up|down|rose|fell|grew|dropped) {phrase} ",  # 10 per cent": a
                      padded)), None)  # change
    return {"fraction": found, "fraction_way": _way(padded, words)} if found is not None else {}


_COUNTED_OTHERS = re.compile(r" other (?:two|three|four|five|six|2|3|4|5|6) ")  # "the other four"


def _counted_thing(tokens: list[str], unknown: list[Unknown], measure: str | None,
                   categories: list[str], topical: set[int], recorded: set[str]) -> list[Unknown]:
    """"How many referrals for modern slavery?": the thing counted, when no vocabulary knows
    it, is another thing than the table counts (its victims), not a word to pass over; beside
    a part of the table ("how many young victims aged 18-24?") it only describes that part."""
    if not measure or "how many" not in " ".join(tokens):
        return unknown
    start = next(i for i in range(len(tokens) - 1) if tokens[i:i + 2] == ["how", "many"]) + 2
    unknown_at = {u.at for u in unknown}
    heads = set() if categories else {start}  # "how many young victims aged 18-24?": describes
    if start not in unknown_at and start in topical:  # "how many ASB injunctions", "how many
        heads.add(start + 1)  # community protection notices": the thing counted after a topic
    return [u.model_copy(update={"role": "restriction", "kind": "counted"})
            if u.role == "other" and u.at in heads and u.word not in recorded else u
            for u in unknown]  # "how many ASB complaints": what the table counts, said otherwise


def _answer_kinds(tokens: list[str], unknown: list[Unknown]) -> list[Unknown]:
    """"Which towns got ...?", "which landlords ...?": a word no vocabulary knows after "which"
    or "what" says what kind of answer is asked (kind "asked"), which a figure still cannot be
    narrowed to."""
    return [u.model_copy(update={"kind": "asked"})
            if u.at > 0 and tokens[u.at - 1] in ("which", "what") and u.role == "restriction"
            and u.kind in ("location", "subgroup") else u for u in unknown]


def _multiple(padded: str, words) -> dict:
    """'More than double', 'three times as many': the multiple and the way it is asked."""
    found = next((v for phrase, v in words.multiples.items() if _has(padded, [phrase])), None)
    return {"multiple": found, "fraction_way": _way(padded, words)} if found is not None else {}


def _way(padded: str, words) -> str:
    """How a share or a multiple is asked: "more than", "less than" or "about"."""
    return next((w for w, phrases in words.fraction_ways.items() if _has(padded, phrases)),
                "about")


def _direction(padded: str, words, yes_no: bool) -> str | None:
    """'up' or 'down' when the question asks about one way only ("up or down?" asks both).
    "Is the growth slowing down?" asks about the pace, not the way: no direction. With both,
    the one set against something wins ("after the fall, still higher than in 2017?")."""
    if _has(padded, words.pace):
        return None
    padded = _without(padded, words.not_a_way + words.belongs_to)  # "what does the plan put
    # that down to?", "how many fell under environmental?"
    up, down = _has(padded, words.rising), _has(padded, words.falling)
    if up and down:
        up = _has(padded, [f"{w} than" for w in words.rising])
        down = _has(padded, [f"{w} than" for w in words.falling])
    if yes_no and not up and not down and " than " in padded:  # "more in 2021/22 than 2018/19?"
        up, down = _has(padded, words.more_than), _has(padded, words.less_than)
    return "up" if up and not down else "down" if down and not up else None


def _without(padded: str, phrases) -> str:
    """The padded text with these phrases taken out ("the next year" is the table's)."""
    for phrase in phrases:
        padded = padded.replace(f" {phrase} ", " ")
    return padded


def _has(padded: str, phrases) -> bool:
    """Whether any phrase stands as whole words in the padded text: one regex per list."""
    return bool(phrases) and _pattern(tuple(phrases)).search(padded) is not None


@lru_cache(maxsize=512)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """One alternation per list (an empty list matches nothing)."""
    return re.compile(" (?:" + "|".join(re.escape(p) for p in phrases) + ") " if phrases else "(?!)")


def _preceded_by(tokens: list[str], tag: Tag, words: set[str]) -> bool:
    """One of the words (or two-word phrases) just before the tag, skipping 'the'."""
    before = [w for w in tokens[max(0, tag.start - 3):tag.start] if w != "the"][-2:]
    return any(w in words for w in before) or " ".join(before) in words


def _proper(text: str) -> frozenset[str]:
    """Words written with a capital inside a sentence, in a question not written all in
    capitals or title case: names ("my friend says Reading has more")."""
    found = set()
    for sentence in SENTENCE_END.split(text):
        words = re.findall(r"[A-Za-z']+", sentence)
        capitals = [w for w in words[1:] if w[:1].isupper() and w[1:].islower()]
        if len(capitals) * 2 <= len(words[1:]):  # "Crime Figures For Reading" says nothing
            found |= {w.lower() for w in capitals}
    return frozenset(found)


def _either_of(tokens: list[str], tags: list[Tag]) -> bool:
    """Two areas or two topics joined by "or" ("in Oxford or Oxfordshire", "disablist or
    homophobic"): a choice between them."""
    ends = {t.end: t.kind for t in tags if t.kind in ("area", "term")}
    starts = {t.start: t.kind for t in tags if t.kind in ("area", "term")}
    return any(w == "or" and i in ends and starts.get(i + 1 + (tokens[i + 1:i + 2] in (
        ["the"], ["in"]))) == ends[i] for i, w in enumerate(tokens[:-1]))


def _yes_no(tokens: list[str], openers: list[str]) -> bool:
    """Opens with "is", "has" ...; or asks it after naming the topic: "reoffending - is that a
    duty?", "crime in Oxford, has it gone up?" (but not "how many has it handled?")."""
    if tokens and tokens[0] in openers:
        return True
    return any(w in openers and tokens[i + 1] in ("that", "it", "this", "they", "there")
               and not WH_WORDS & set(tokens[:i]) for i, w in enumerate(tokens[1:-1], 1))


def _ages(tokens: list[str], tags: list[Tag]) -> list[Unknown]:
    """An age the vocabulary does not know ("16 and 17 year olds", "aged 30", "50-64", "aged
    between 16 and 17"): a subgroup."""
    covered = {i for t in tags for i in range(t.start, t.end)}
    found = []
    for i, word in enumerate(tokens):
        band = re.fullmatch(r"(\d{1,2})-(\d{2,3})", word)  # "aged 50-64"; "20-21" is two years
        if band and i not in covered and int(band[2]) - int(band[1]) > 3:
            found.append(Unknown(word=f"{word} year olds", role="restriction", kind="subgroup", at=i))
            continue
        if not word.isdigit() or i in covered or len(word) > 3:
            continue
        after, before = tokens[i + 1:i + 5], tokens[i - 1] if i else ""
        bare = not after or not after[0].isalpha() or after[0] in ("s", "year", "years", "yrs")
        aged_between = before == "between" and tokens[max(0, i - 2):i - 1] in (["aged"], ["age"],
                                                                               ["ages"])
        if aged_between and after[:1] == ["and"] and after[1:2] and after[1].isdigit():
            found.append(Unknown(word=f"aged {word} to {after[1]}", role="restriction",
                                 kind="subgroup", at=i))
            continue
        if before in ("aged", "age") or (
                "year" in after and {"old", "olds"} & set(after)) or (
                before in ("over", "under") and 10 <= int(word) < 100 and bare):  # "over 75?"
            found.append(Unknown(word=f"{word} year olds", role="restriction", kind="subgroup", at=i))
    return found


def _followed_by(tokens: list[str], tag: Tag, phrases: list[str], tags: list[Tag]) -> bool:
    """One of the phrases in the few words after the tag, before any other area is named
    ("the county once Oxford city is taken out")."""
    stop = min([t.start for t in tags if t.kind == "area" and t.start >= tag.end] + [tag.end + 4])
    after = " " + " ".join(tokens[tag.end:stop]) + " "
    return any(f" {p} " in after for p in phrases)


def _between(tokens: list[str], years: list[str], range_words: list[str]) -> bool:
    """'from 2017 to 2019', 'between 2017 and 2020', '2017 to 2019': a run of years."""
    text = " ".join(tokens)
    first, last = years
    links = [w for w in range_words if w not in ("from", "between")]
    return (any(f"{first} {link} {last}" in text for link in links if link != "and")
            or any(f"{opener} {first} {link} {last}" in text
                   for opener in ("from", "between") for link in links))


_PCC_NUMBER = re.compile(r"priorit(?:y|ies) (?:number |no )?(\d|one|two|three|four|five)\b"
                         r"|(first|second|third|fourth|fifth) (?:pcc )?priorit(?:y|ies)\b|pcc (\d)\b")
_YEARS_AWAY = re.compile(r" (two|three|four|2|3|4) years (before|earlier|prior|ago|later|after) ")
_NONE = re.compile(r" (?:were|was|are|is|had|has|have|there) (?:no|zero) (?!data|figures?|figure)")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "one": 1, "two": 2,
             "three": 3, "four": 4, "five": 5}


_ITEM = re.compile(r"\b(?:number|no) (\d|one|two|three|four|five)\b"
                   r"|\bthe (first|second|third|fourth|fifth) one\b")


def _pcc_number(tokens: list[str]) -> int | None:
    """'PCC priority 1', 'priority number 2', 'the PCC's first priority'."""
    return _numbered(_PCC_NUMBER, tokens)


def _item_number(tokens: list[str]) -> int | None:
    """"What's number 3?", "and the second one?": an item of the list last given."""
    return _numbered(_ITEM, tokens)


def _numbered(pattern: re.Pattern, tokens: list[str]) -> int | None:
    found = pattern.search(" ".join(tokens))
    if not found:
        return None
    word = next(g for g in found.groups() if g)
    return int(word) if word.isdigit() else _ORDINALS[word]


def _unique(values) -> list:
    return list(dict.fromkeys(values))
