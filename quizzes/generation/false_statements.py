"""A definition made false in one detail, for a true/false item that asks what the definition says:
a figure, the actor, or the word that says what the thing is.

>>> another_actor("住民が自主的に結成し、地域で防災の活動を行う組織。")
'行政が自主的に結成し、地域で防災の活動を行う組織。'
"""

from __future__ import annotations

import re

from content.readings import tokenizer

from .categories import category, head_noun

# A figure, but not one half of a date written twice (「平成16年（2004年）」): changed alone, the two
# halves would disagree and the statement be false for the wrong reason.
_FIGURE_IN_DEFINITION = re.compile(r"(?<![0-9０-９])(?<!明治)(?<!大正)(?<!昭和)(?<!平成)(?<!令和)(?<![（(])"
                                   r"(?P<number>[0-9]+)(?P<unit>年|分|時間|日|か月|人|％|%|km|つ|倍)(?![（(])")


def one_number_changed(definition: str) -> str | None:
    """The definition with its first figure changed, as a false statement that differs in one detail:
    a year ten later (「2050年までに」 → 「2060年までに」), any other figure doubled; None without one.

    >>> one_number_changed("電力の使用量を30分ごとに計測する電力量計。"), one_number_changed("地域の組織。")
    ('電力の使用量を60分ごとに計測する電力量計。', None)
    >>> one_number_changed("ユネスコが平成16年（2004年）に創設。"), one_number_changed("2004年（平成16年）に創設。")
    (None, None)
    """
    match = _FIGURE_IN_DEFINITION.search(definition)
    if match is None:
        return None
    number = int(match["number"])
    changed = number + 10 if match["unit"] == "年" and len(match["number"]) == 4 else number * 2
    return f"{definition[:match.start()]}{changed}{match['unit']}{definition[match.end():]}"


# What a thing is, and a word of its class that certainly names something else: a business is no
# public office (but 企業 → 会社 would still be true, and 計画 → 構想 or 施設 → 設備 nearly so, so plans,
# facilities and technologies are never swapped).
_KIND_SWAPS = {"企業": "官庁", "会社": "官庁", "事業者": "官庁", "官庁": "企業", "自治体": "企業", "政府": "企業",
               "省": "企業", "庁": "企業", "団体": "官庁", "協会": "官庁", "組合": "官庁",
               "祭": "大会", "大会": "会議", "会議": "祭", "フェスティバル": "会議", "展示会": "会議",
               "フォーラム": "展示会"}


def another_kind_word(definition: str) -> str | None:
    """The definition with its head noun swapped for a word that names something else of its class
    (categories.py): 「…のために置いた官庁。」 → 「…のために置いた企業。」 is false in one detail.

    >>> another_kind_word("新しい事業を興す成長志向の企業のこと。")
    '新しい事業を興す成長志向の官庁のこと。'
    """
    noun = head_noun(definition)
    if not noun or category(definition) not in ("organisation", "event"):
        return None
    ending = next((word for word in sorted(_KIND_SWAPS, key=len, reverse=True) if noun.endswith(word)), None)
    at = definition.rfind(ending) if ending else -1
    if at < 0 or _KIND_SWAPS[ending] in definition:
        return None
    return f"{definition[:at]}{_KIND_SWAPS[ending]}{definition[at + len(ending):]}"


# Who does a thing, and one who certainly does not: residents found a 自主防災組織, the state does not.
_ACTOR_SWAPS = {"住民": "行政", "市民": "行政", "町民": "行政", "村民": "行政", "企業": "行政", "事業者": "行政",
                "行政": "住民", "首長": "議会", "議会": "首長", "政府": "自治体", "国": "自治体", "市": "国",
                "町": "国", "村": "国"}
_PLACE_ENDINGS = ("市", "町", "村", "区", "県", "道", "府", "都")  # a named city or prefecture does it: the state
_NOUN = ("名詞", "接尾辞")


def another_actor(definition: str) -> str | None:
    """The definition with the subject of its first clause (the noun before 「が」) swapped for one who
    does not do the thing: 「札幌市が厚別区に整備した…」 → 「国が厚別区に整備した…」. None without a subject
    we know, or when the swap is named in the definition already (the statement would contradict itself)."""
    sentence = re.split(r"[。．]", definition, maxsplit=1)[0]
    compound = []
    for morpheme in tokenizer().tokenize(sentence):
        part = morpheme.part_of_speech()
        if part[0] in _NOUN:
            compound.append(morpheme)
            continue
        if compound and morpheme.surface() == "が" and part[1] == "格助詞":
            return _swapped(definition, compound)
        compound = []
    return None


def _swapped(definition: str, compound: list) -> str | None:
    last = compound[-1]
    place = last.part_of_speech()[2] == "地名" and last.surface().endswith(_PLACE_ENDINGS)
    swap = _ACTOR_SWAPS.get(last.surface()) or ("国" if place else None)
    if swap is None or swap in definition:
        return None
    return f"{definition[:compound[0].begin()]}{swap}{definition[last.end():]}"
