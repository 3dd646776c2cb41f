"""Goal lists: quoted items enumerated in one sentence with their count, or lines of their own.

>>> found = inline_goal_lists("基本目標として「豊かな市民生活の実現」、「札幌の情報化を支える人づくり」の２項目を掲げ")
>>> [(g.items, g.stated_count, g.kind) for g in found]
[(['豊かな市民生活の実現', '札幌の情報化を支える人づくり'], 2, '基本目標')]
>>> found = inline_goal_lists("「安全な暮らし」「豊かな自然」を２つの柱として進めます")
>>> [(g.items, g.stated_count, g.kind) for g in found]
[(['安全な暮らし', '豊かな自然'], 2, '柱')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import to_int

_NUMERAL = "[0-9０-９一二三四五六七八九十]+"
# 「「A」、「B」の２項目を掲げ」 or 「「A」「B」を２つの基本目標として」
_INLINE = re.compile(rf"((?:「[^「」]+」[、，・]?){{2,}})[のを]({_NUMERAL})(?:つの)?(?:項目|つ|点|本の柱|本柱|分野)")
_KIND = re.compile(r"基本目標|基本方針|基本理念|重点目標|重点方針|重点分野|施策の柱|目標|方針|理念|柱")
_KIND_AFTER = re.compile(rf"の?({_KIND.pattern})")
_KIND_PHRASE = re.compile(rf"(?:[^、。「」（）]{{1,12}}の)?(?:{_KIND.pattern})")
_NAMED_COUNT = re.compile(rf"次の({_NUMERAL})(?:つ|点|項目|本)")
# 「…の４つを柱とします」, 「次の３点を基本目標に掲げます」: a count the items that follow must meet.
_PILLARS = re.compile(rf"の({_NUMERAL})(?:つ|点|項目|本)(?:の[^、。]{{0,10}})?を(?:施策の)?({_KIND.pattern})")
_PLAN_SUFFIXES = "構想|計画|戦略|ビジョン|プラン|方針"
_NAMED_PLAN = re.compile(rf"「([^「」]*(?:{_PLAN_SUFFIXES}))」")
_THIS_PLAN = re.compile(rf"(?:本|同|この)({_PLAN_SUFFIXES})")
_QUOTED = re.compile(r"「([^「」]+)」")


@dataclass(frozen=True)
class FoundGoals:
    items: list[str]
    stated_count: int | None
    kind: str | None
    start: int


def inline_goal_lists(sentence: str) -> list[FoundGoals]:
    found = []
    for match in _INLINE.finditer(sentence):
        named_after = _KIND_AFTER.match(sentence, match.end())  # 「…を４つの基本目標として」
        kinds = [named_after.group(1)] if named_after else \
            _KIND_PHRASE.findall(sentence[:match.start()]) or _KIND_PHRASE.findall(sentence)
        items = _QUOTED.findall(match.group(1))
        found.append(FoundGoals(items, to_int(match.group(2)), kinds[-1] if kinds else None, match.start()))
    return found


def introduces_list(paragraph: str) -> tuple[bool, int | None, str | None]:
    """Whether a paragraph announces the goal list that follows it, the count it names, and the kind."""
    last_sentence = paragraph.rstrip("。").rsplit("。", 1)[-1]
    pillars = _PILLARS.search(last_sentence)
    if pillars:
        return True, to_int(pillars.group(1)), pillars.group(2)
    count = _NAMED_COUNT.search(last_sentence)
    kinds = _KIND_PHRASE.findall(last_sentence)
    named = bool(count or kinds)
    return named, to_int(count.group(1)) if count else None, kinds[-1] if kinds else None


def plan_named(sentence: str, earlier_text: str) -> str | None:
    """The plan a sentence speaks of: named in it, or 「本構想」 for the last 「…構想」 before it."""
    named = _NAMED_PLAN.findall(sentence)
    if named:
        return named[0]
    this_plan = _THIS_PLAN.search(sentence)
    if not this_plan:
        return None
    earlier = [name for name in _NAMED_PLAN.findall(earlier_text) if name.endswith(this_plan.group(1))]
    return earlier[-1] if earlier else None


_COUNTING = re.compile(rf"^(?:次の|以下の|これらの|この|その)?(?:{_NUMERAL}(?:つ|点|項目|本)の)?")


def goal_list_title(plan: str | None, kind_phrase: str | None) -> str:
    """「札幌市情報化構想の基本目標」: the plan and the kind of list; without a plan, the phrase as written
    less the words that only point and count (「次の３つの基本方針」 is 「基本方針」).

    >>> goal_list_title(None, "次の３つの基本方針"), goal_list_title(None, "防災まちづくりの基本方針")
    ('基本方針', '防災まちづくりの基本方針')
    """
    kind_phrase = _COUNTING.sub("", kind_phrase or "") or None
    if not kind_phrase:
        return f"{plan}の目標" if plan else "目標"
    if kind_phrase == "柱":  # 「…の４つを柱とします」
        return f"{plan}の柱" if plan else "施策の柱"
    if plan:
        return f"{plan}の{_KIND.findall(kind_phrase)[-1]}"
    return kind_phrase
