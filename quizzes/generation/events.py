"""Dated events as items need them: labels, masks, short descriptions and overlaps.

>>> e = EventSource("平成９年（1997年）12月", 1997,
...                 "平成９年（1997年）12月、札幌市は「札幌市情報化構想」を策定しました。", 2,
...                 precision="month", month=12, subjects=("札幌市情報化構想",))
>>> label(e), mask_date(e), describe(e)
('1997年12月', '（　）、札幌市は「札幌市情報化構想」を策定しました。', '「札幌市情報化構想」の策定')
>>> describe(EventSource("大正11年（1922年）", 1922, "大正11年（1922年）に市制を施行しました。", 1))
'市制の施行'
"""

from __future__ import annotations

import re

from content.parsing.dates import find_dates

from .folding import contains_form
from .records import BLANK, EventSource
from .years import decade_forms, era_label, year_forms

DATE_MASK = BLANK
_VERB = r"(?P<verb>[\u4e00-\u9fff]{2,4})"
_MAIN_VERB = r"(?:し(?:ま|、|て)|され(?:ま|、))"  # a predicate, not 「活用した」 before a noun
_OBJECT = r"(?:^|(?<=[、はに])|(?<=において))(?P<object>[^、。「」ぁ-ゖ](?:[^、。「」ぁ-ゖ]|の){1,15})"
_DESCRIPTIONS = (
    re.compile(rf"(?P<object>「[^「」]+」)(?:（[^）]*）)?を{_VERB}{_MAIN_VERB}"),
    re.compile(rf"{_VERB}された(?P<object>「[^「」]+」)"),
    re.compile(rf"{_OBJECT}を{_VERB}{_MAIN_VERB}"),
    re.compile(rf"{_OBJECT}が{_VERB}され(?:ま|、)"),
)
_PART = re.compile(r"年代(前半|後半|中盤|半ば|初頭|初め|終盤|末)")


DECADES = ("decade", "decade_part")
SINGLE_YEAR = ("day", "month", "year")


def precision_class(event: EventSource) -> str:
    """Options share the key's class: plain years, fiscal years (年度) or decades (年代)."""
    if event.precision in DECADES:
        return "decade"
    return "fiscal" if event.fiscal_year else "year"


def asks_for_year(event: EventSource) -> bool:
    """Whether an item may ask for this event's date: a single year, or a Western decade as a decade.
    A range, an approximate year or an era's decade (昭和50年代 is 1975–84) has no year to choose."""
    return event.precision in SINGLE_YEAR or (event.precision in DECADES and not event.era)


def label_for(event: EventSource, year: int) -> str:
    """How ``year`` is written as an option for this event: 1997年12月, 2001年度, 1980年代前半."""
    if event.precision in DECADES:
        part = _PART.search(event.date_text)
        return f"{year}年代{part.group(1) if part else ''}"
    if event.fiscal_year:
        return f"{year}年度"
    month = f"{event.month}月" if event.month and event.precision in ("month", "day") else ""
    return f"{year}年{month}"


def label(event: EventSource) -> str:
    return label_for(event, event.year)


def era_written(event: EventSource) -> str:
    return era_label(event.year, event.fiscal_year) if event.precision in SINGLE_YEAR else ""


def mask_date(event: EventSource) -> str:
    return event.sentence.replace(event.date_text, DATE_MASK, 1)


def key_forms(event: EventSource) -> list[str]:
    """The written forms of the event's year that must not stay in a stem that asks for it."""
    if event.precision in DECADES:
        return decade_forms(event.year)
    if event.precision not in SINGLE_YEAR:
        first, last = event.years
        return [form for year in range(first, last + 1) for form in year_forms(year, fiscal=event.fiscal_year)]
    return year_forms(event.year, fiscal=event.fiscal_year)


def year_left_in(text: str, event: EventSource) -> bool:
    return any(contains_form(text, form) for form in key_forms(event) if not form.isdigit()) or any(
        date.year == event.year for date in find_dates(text)
    ) or str(event.year) in text


def describe(event: EventSource) -> str | None:
    """「X」の策定: what happened, from the clause after the date; None when no pattern fits."""
    clause = event.sentence.split(event.date_text, 1)[-1]
    for pattern in _DESCRIPTIONS:
        match = pattern.search(clause)
        if match:
            return f"{match['object']}の{match['verb']}"
    return None


def years_covered(event: EventSource) -> set[int]:
    """Calendar years the event may fall in: a 年度 runs into the next year, a decade spans ten."""
    if event.precision in DECADES and event.span is None:
        return set(range(event.year, event.year + 10))
    first, last = event.years
    return set(range(first, last + 2)) if event.fiscal_year else set(range(first, last + 1))


def overlap(a: EventSource, b: EventSource) -> bool:
    return bool(years_covered(a) & years_covered(b))


_THIS_PLAN = re.compile(r"(?<![\u4e00-\u9fff])(?:本|同|当)(構想|計画|戦略|ビジョン|プラン|方針)")
# A pointing word at the head of the first clause, or right after the date asked for (「（　）からはその…」).
_POINTING_HEAD = re.compile(r"^(?:（　）[^、。（]{0,4})?(?:その|この|これら|これ(?!まで|から)|それら|こうした|こうして"
                            r"|そうした|このような|そのような)")
_FIRST_CLAUSE = re.compile(r"^[^、。]*[、。]?")
_BULLET = re.compile(r"^[○●◯◎・■□◆◇\s]+")  # a list bullet the PDF kept at the sentence's head
_CONNECTIVE = re.compile(r"^(?:また|さらに|なお|そして|加えて|あわせて|併せて)、")  # links to the sentence before


def self_contained(sentence: str, earlier_text: str, keep: str = "") -> str | None:
    """The sentence as a stem that stands on its own, or None. 「本構想」 becomes the plan it means (the
    last 「…構想」 before it); a first clause that only points back (「こうした背景を受け、」) is dropped
    unless it holds ``keep`` (what the item asks for) or is the sentence's subject (「この現象は、」);
    a sentence that still opens by pointing at what it does not say gives no stem.

    >>> self_contained("本構想に基づいて、策定しました。", "「札幌市情報化構想」を策定しました。")
    '「札幌市情報化構想」に基づいて、策定しました。'
    >>> self_contained("こうした背景を受け、改定しました。", "")
    '改定しました。'
    >>> self_contained("平成29年からはその実績を生かしつつ、進めます。", "", keep="平成29年") is None
    True
    >>> self_contained("この現象は、「サッポロバレー」と称されました。", "") is None
    True
    >>> self_contained("これは、道路が開通したことによるものです。", "") is None
    True
    >>> self_contained("○そのため、評価の仕組みを確立します。", ""), self_contained("また、里親制度を推進します。", "")
    ('評価の仕組みを確立します。', '里親制度を推進します。')
    """
    sentence = _CONNECTIVE.sub("", _BULLET.sub("", sentence))
    for plan in _THIS_PLAN.finditer(sentence):
        names = [name for name in re.findall(r"「([^「」]+)」", earlier_text) if name.endswith(plan.group(1))]
        if not names:
            return None
        sentence = sentence.replace(plan.group(), f"「{names[-1]}」", 1)
    first = _FIRST_CLAUSE.match(sentence).group()
    if _POINTING_HEAD.match(first) and first.endswith("、") and not first.endswith(("は、", "が、")) \
            and not (keep and keep in first):
        sentence = sentence[len(first):]
    masked = sentence.replace(keep, DATE_MASK, 1) if keep else sentence
    return None if points_elsewhere(masked) else sentence


def points_elsewhere(stem: str) -> bool:
    """A stem that opens by pointing at what it does not say: 本構想, その実績, この経験から."""
    first = _FIRST_CLAUSE.match(_BULLET.sub("", stem.strip())).group()
    return bool(_THIS_PLAN.search(first) or _POINTING_HEAD.match(first))
