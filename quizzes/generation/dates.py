"""Items on dated events: the year of an event, the event of a year, which came first, time order,
and the year typed.

Distractor years share the key's class (年, 年度, 年代), never sit one year from a 年度 key, and
never equal a year the text gives for the same plan or organisation.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from content.parsing.dates import find_dates

from . import explanations
from .assembly import lettered, place_key, shuffled
from .base import ItemGenerator
from .distractors import alike_endings
from .events import (
    DATE_MASK,
    DECADES,
    SINGLE_YEAR,
    asks_for_year,
    describe,
    era_written,
    key_forms,
    label,
    label_for,
    overlap,
    precision_class,
    self_contained,
    year_left_in,
)
from .folding import contains_form
from .kinds import Kind, Skill
from .random_source import seeded, short_hash
from .records import ChapterMaterial, EventSource, ItemDraft, SourceRef, fact_of
from .terms import head, kind_of
from .years import read_year

OPTIONS = 4
NEAR_YEARS = 6
PLAUSIBLE_SPAN = 25  # years (or decades, for a decade) a distractor from the text may lie from the key
_ASKED_FOR = {"year": "年", "fiscal": "年度", "decade": "年代"}


class DateItems(ItemGenerator):
    name = "dates"
    version = 1
    skill = Skill.DATE

    def drafts(self, material: ChapterMaterial) -> Iterator[ItemDraft | None]:
        for event in material.events:
            # 「平成22年には995人となっています」: a figure's date, not a fact to learn
            if is_trivia(event, whole_sentence(material, event)):
                continue
            if not asks_for_year(event):  # a range, 頃, an era's decade: what happened, never which year
                yield self.year_to_event(material, event)
                continue
            if event.approximate:
                yield self.event_to_year(material, event) if starts_something(event) else None
                continue
            # the ways in the order the bank keeps them (two per event), turned from event to event
            ways = [self.event_to_year, self.year_to_event, self.typed_year, self.earliest]
            turn = seeded(event_ident(event)).randrange(len(ways))
            yield from (way(material, event) for way in ways[turn:] + ways[:turn])
        for group in ordering_groups(described_events(material)):
            yield self.ordering(material, group)

    def event_to_year(self, material: ChapterMaterial, event: EventSource) -> ItemDraft | None:
        key = self.key(material, "event-to-year", event_ident(event))
        stem = standalone_stem(material, event)
        if stem is None:
            return None
        # a year the stem itself shows (another clause's date) is no distractor: the learner strikes it
        idle = {year.year for text in material.avoided.get(fact_of(key), ()) if (year := read_year(text))}
        stated = [date.span for date in find_dates(stem)]
        years = year_choices(material, event, seeded(key), shown={date.year for date in find_dates(stem)} | idle,
                             beside=stated)
        if years is None or year_left_in(stem, event):
            return None
        options = lettered([label_for(event, year) for year in years])
        key_id = options[years.index(event.year)].id
        asked = _ASKED_FOR[precision_class(event)]
        prompt = f"次の文の{DATE_MASK}にあてはまる{asked}はどれですか。\n{stem}"
        return self._draft(material, event, key, Kind.SINGLE_CHOICE, prompt, key_id, options=options,
                           difficulty=0.45)

    def typed_year(self, material: ChapterMaterial, event: EventSource) -> ItemDraft | None:
        key = self.key(material, "typed-year", event_ident(event))
        stem = standalone_stem(material, event)
        if stem is None or year_left_in(stem, event):
            return None
        asked = _ASKED_FOR[precision_class(event)]
        prompt = f"次の文の{DATE_MASK}にあてはまる{asked}を答えてください（西暦でも和暦でも構いません）。\n{stem}"
        return self._draft(material, event, key, Kind.SHORT_ANSWER, prompt, key_forms(event), difficulty=0.75)

    def year_to_event(self, material: ChapterMaterial, event: EventSource) -> ItemDraft | None:
        description = describe(event)
        others = [describe(other) for other in distinct_events(material, event)]
        if not description or len(others) < OPTIONS - 1:
            return None
        key = self.key(material, "year-to-event", event_ident(event))
        rng = seeded(key)
        options, key_id = place_key(description, alike_endings(description, others, OPTIONS - 1, rng), rng)
        prompt = f"次のうち、{event.date_text}のできごととして本文に書かれているものはどれですか。"
        draft = self._draft(material, event, key, Kind.SINGLE_CHOICE, prompt, key_id, options=options, difficulty=0.5)
        draft.answer_forms = [description]
        return draft

    def earliest(self, material: ChapterMaterial, event: EventSource) -> ItemDraft | None:
        description = describe(event)
        later = [other for other in distinct_events(material, event) if other.year > event.year]
        key = self.key(material, "earliest", event_ident(event))
        rng = seeded(key)
        by_description = {describe(other): other for other in later}
        preferred = alike_endings(description or "", list(by_description), len(by_description), rng)
        group = non_overlapping([by_description[text] for text in preferred], OPTIONS - 1)
        if not description or len(group) < OPTIONS - 1:
            return None
        options, key_id = place_key(description, [describe(other) for other in group], rng)
        draft = self._draft(material, event, key, Kind.SINGLE_CHOICE, "次のうち、最も早いできごとはどれですか。",
                            key_id, options=options, difficulty=0.55)
        draft.explanation = dated_list([event, *group]) + "\n" + draft.explanation
        draft.answer_forms = [description]
        return draft

    def ordering(self, material: ChapterMaterial, group: list[EventSource]) -> ItemDraft:
        key = self.key(material, Kind.ORDERING, short_hash(*(event_ident(event) for event in group)))
        options = lettered(shuffled([describe(event) for event in group], seeded(key)))
        by_text = {option.text: option.id for option in options}
        answer = [by_text[describe(event)] for event in group]
        draft = self._draft(material, group[0], key, Kind.ORDERING, "次のできごとを古い順に並べてください。", answer,
                            options=options, difficulty=0.6)
        quotes = [explanations.from_sentence(material, event.section, event.sentence) for event in group]
        draft.explanation = "\n".join([dated_list(group), *quotes])
        draft.source_text = "\n".join(event.sentence for event in group)
        draft.answer_forms = []
        sections = {event.section for event in group}
        draft.source.section = sections.pop() if len(sections) == 1 else None
        return draft

    def _draft(self, material: ChapterMaterial, event: EventSource, key: str, kind: str, prompt: str,
               answer: object, *, options=None, difficulty: float = 0.5) -> ItemDraft:
        era = f"（{era}）" if (era := era_written(event)) else ""
        lead = f"正解は{label(event)}{era}。"
        return ItemDraft(
            key=key, kind=kind, skill=self.skill, prompt=prompt, answer=answer, options=options or [],
            explanation=explanations.from_sentence(material, event.section, event.sentence, lead),
            source=SourceRef(section=event.section, event={"year": event.year, "text": event.date_text}),
            source_text=event.sentence, answer_forms=key_forms(event), difficulty=difficulty,
        )


_QUANTITY = re.compile(
    r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+|\s*(?:万|千|百)?(?:人|件|名|校|社|団体|戸|世帯|円|％|%|倍|ポイント))")
_STAMPED_FIGURE = re.compile(r"^[^。、]{0,4}(?:[^。]{0,8}(?:は|が)、?「?)?(?:約|およそ)?" + _QUANTITY.pattern)
_STAMPED_STATISTIC = re.compile(r"^(?:の|における)[^、。]{0,10}?(?:率|割合|人口|指数|者数|件数)(?:が|は|を|の)")
_FIGURE_PREDICATE = re.compile(r"になって|にのぼ|を数え|を記録|を割り込|に達し|まで(?:減少|増加)|でした")
_READING_A_FIGURE = re.compile(r"みると|比較すると|推移|傾向|となっています|占めて|割合|指数|ピーク|転じて")


def is_trivia(event: EventSource, sentence: str = "") -> bool:
    """A date that only stamps a figure (a count, a share, a trend read off a table) and names nothing
    that happened: 「平成22年には995人となっています」, 「平成22年の有配偶率を比較すると」."""
    if describe(event) is not None:  # 「X」の策定: something happened
        return False
    sentence = sentence or event.sentence  # the whole sentence, when the event is told in one clause of it
    after = sentence.split(event.date_text, 1)[-1]
    if _STAMPED_FIGURE.match(after) or _STAMPED_STATISTIC.match(after):  # 「1990年の1,584人から」, 「平成22年には
        return True  # 20戸と」, 「2015年の人口は「886人」」, 「平成25年の合計特殊出生率が」
    stated_figure = _QUANTITY.search(sentence) and _FIGURE_PREDICATE.search(sentence)
    return bool(_READING_A_FIGURE.search(sentence) or stated_figure)


STEM_MAX_LENGTH = 160  # what a learner reads as one question, as the cloze's own limit
_RELATIVE = re.compile(r"^(?:同|翌|前)(?:年|月)")


def standalone_stem(material: ChapterMaterial, event: EventSource) -> str | None:
    """The event's whole sentence with its date masked, made to stand on its own (or None). An event
    told in one clause of a longer sentence (「…を開設し、同年10月には…」) is asked with the whole
    sentence, never with the clause cut off mid-thought."""
    texts = [sentence.text for sentence in material.sentences]
    at = next((index for index, text in enumerate(texts) if event.sentence in text), len(texts))
    whole = whole_sentence(material, event)
    if len(whole) > STEM_MAX_LENGTH or whole.startswith(("※", "＊", "*")):  # a note is no history to ask
        return None
    if _RELATIVE.match(event.date_text) and whole != event.sentence:
        return None  # 「同年」「翌年度」 beside the date they count from: the stem would give the year away
    sentence = self_contained(whole, "".join(texts[:at]), keep=event.date_text)
    return sentence.replace(event.date_text, DATE_MASK, 1) if sentence else None


def whole_sentence(material: ChapterMaterial, event: EventSource) -> str:
    """The sentence an event's clause belongs to (the clause itself when it is one, or is not found):
    「同年10月には…始めました。」 is the second half of 「町は、平成13年4月に…を開設し、同年10月には…」."""
    return next((sentence.text for sentence in material.sentences if event.sentence in sentence.text),
                event.sentence)


def event_ident(event: EventSource) -> str:
    about = event.subjects[0] if event.subjects else short_hash(event.sentence)
    return f"{event.date_text}:{about}"[:80]


def starts_something(event: EventSource) -> bool:
    """「1980年代前半から」 asks when something began; 「1990年代中盤以降も」 has no single answer."""
    return event.sentence.split(event.date_text, 1)[-1].startswith("から")


def described_events(material: ChapterMaterial) -> list[EventSource]:
    seen, events = set(), []
    for event in sorted(material.events, key=lambda e: (e.year, e.month or 0)):
        description = describe(event)
        if description and event.precision in SINGLE_YEAR and description not in seen:
            seen.add(description)
            events.append(event)
    return events


def distinct_events(material: ChapterMaterial, event: EventSource) -> list[EventSource]:
    """Described events that cannot be confused with ``event``: other years, other subjects."""
    return [
        other for other in described_events(material)
        if other is not event and not overlap(other, event) and not set(other.subjects) & set(event.subjects)
    ]


def non_overlapping(events: list[EventSource], count: int) -> list[EventSource]:
    chosen: list[EventSource] = []
    for event in events:
        if len(chosen) < count and not any(overlap(event, other) for other in chosen):
            chosen.append(event)
    return chosen


def ordering_groups(events: list[EventSource]) -> list[list[EventSource]]:
    """Runs of 3–4 events in time order, no two of which could share a year."""
    groups = []
    for start in range(0, max(len(events) - 2, 0), 2):
        group = sorted(non_overlapping(events[start:], OPTIONS), key=lambda e: (e.year, e.month or 0))
        if len(group) >= OPTIONS - 1 and group not in groups:
            groups.append(group)
    return groups


def dated_list(events: list[EventSource]) -> str:
    ordered = sorted(events, key=lambda e: (e.year, e.month or 0))
    return "\n".join(f"{event.date_text}：{describe(event)}" for event in ordered)


def year_choices(material: ChapterMaterial, event: EventSource, rng: random.Random,
                 shown: frozenset[int] | set[int] = frozenset(),
                 beside: list[tuple[int, int]] | None = None) -> list[int] | None:
    """Four years in ascending order, the key at a seeded position; None when too few are safe.
    ``shown``: years the stem shows, never offered. ``beside``: the spans of the stem's other dates;
    each distractor lies on the key's side of them (「1970年代に…、（　）からは…」 leaves no 1960s)."""
    step = 10 if event.precision in DECADES else 1
    excluded = excluded_years(material, event) | set(shown)
    same_class = {other.year for other in material.events if precision_class(other) == precision_class(event)
                  and asks_for_year(other) and (other.precision in SINGLE_YEAR) == (event.precision in SINGLE_YEAR)}
    latest = max(other.years[1] for other in material.events)  # a past event: no year after the text's own
    shift = event.years[0] - event.year  # 2010年代後半 starts in 2015: so does each candidate's part
    reach = NEAR_YEARS // 2 if event.precision in DECADES else NEAR_YEARS
    near = {event.year + step * offset for offset in range(-reach, reach + 1)}
    # the text's other years, but not from another age: 1869 (開拓使) is no distractor for an open-data policy
    plausible = {year for year in same_class if abs(year - event.year) <= PLAUSIBLE_SPAN * step}
    width = event.years[1] - event.years[0]
    candidates = sorted(year for year in plausible | near if year not in excluded and year != event.year
                        and year + shift <= latest
                        and on_the_keys_side((year + shift, year + shift + width), event.years, beside or []))
    below = _preferred([y for y in candidates if y < event.year], same_class, rng)
    above = _preferred([y for y in candidates if y > event.year], same_class, rng)
    wanted_below = rng.randrange(OPTIONS)
    wanted_below = min(max(wanted_below, OPTIONS - 1 - len(above)), len(below))
    chosen = below[:wanted_below] + above[:OPTIONS - 1 - wanted_below]
    if len(chosen) < OPTIONS - 1:
        return None
    return sorted([*chosen, event.year])


def on_the_keys_side(candidate: tuple[int, int], key: tuple[int, int], stated: list[tuple[int, int]]) -> bool:
    """Whether a candidate span lies after every stated span the key lies after, and before every one
    it lies before: the sentence's order of events is the one thing a learner may reason from.

    >>> stated = [(1970, 1979)]
    >>> on_the_keys_side((1980, 1989), (1990, 1999), stated), on_the_keys_side((1960, 1969), (1990, 1999), stated)
    (True, False)
    """
    for first, last in stated:
        if (key[0] > last and candidate[0] <= last) or (key[1] < first and candidate[1] >= first):
            return False
    return True


def _preferred(years: list[int], from_text: set[int], rng: random.Random) -> list[int]:
    """Years the chapter itself gives first (plausible), then near years; ties broken by the seed."""
    years = shuffled(years, rng)
    return sorted(years, key=lambda year: year not in from_text)


def excluded_years(material: ChapterMaterial, event: EventSource) -> set[int]:
    """Years a learner could defend: those the text gives for the same plan or organisation, years
    next to a 年度 key, and for a decade every decade the chapter mentions."""
    if event.precision in DECADES:
        texts = [s.text for s in material.sentences] + [t.definition for t in material.terms]
        return {d.year for text in texts for d in find_dates(text) if d.precision in DECADES}
    names = set(event.subjects) | {head(t) for t in material.terms
                                   if kind_of(t) == "name" and contains_form(event.sentence, head(t))}
    texts = [s.text for s in material.sentences] + [f"{t.term}：{t.definition}" for t in material.terms]
    years = {d.year for text in texts if text == event.sentence or any(name in text for name in names)
             for d in find_dates(text)}
    years |= {d.year for d in find_dates(event.sentence)}
    if event.fiscal_year:
        years |= {event.year - 1, event.year + 1}
    return years - {event.year}
