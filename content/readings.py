"""Readings of glossary terms in hiragana, from SudachiPy (mode C, sudachidict-core).

The tokenizer loads its dictionary (tens of megabytes) on first use, so a process that never asks
for a reading never pays for it. Parsing does not depend on this module.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_PARENTHESISED = re.compile(r"[（(][^）)]*[）)]")
KANA = re.compile(r"^[ぁ-ゖァ-ヺー]+$")  # a word in kana only
KANJI_CLASS = "[\u3400-\u9fff々〆]"
KANJI = re.compile(KANJI_CLASS)
_TO_HIRAGANA = str.maketrans({chr(code): chr(code - 0x60) for code in range(ord("ァ"), ord("ヶ") + 1)})
_TO_KATAKANA = str.maketrans({chr(code): chr(code + 0x60) for code in range(ord("ぁ"), ord("ゖ") + 1)})


def katakana_to_hiragana(text: str) -> str:
    return text.translate(_TO_HIRAGANA)


def hiragana_to_katakana(text: str) -> str:
    return text.translate(_TO_KATAKANA)


def term_reading(term: str, furigana: str | None) -> str:
    """The reading the text gives (furigana, as written) if any, else the dictionary's in hiragana."""
    return furigana or reading_of(term)


@cache
def tokenizer():
    """SudachiPy in mode C (long compounds kept whole) with parts of speech and readings; shared."""
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(mode=SplitMode.C, fields={"pos", "reading_form"})


def reading_of(term: str) -> str:
    """「札幌市エレクトロニクスセンター」 → 「さっぽろしえれくとろにくすせんたー」; "" when a part has no
    kana reading (a Latin word the dictionary does not know)."""
    name = _PARENTHESISED.sub("", term).strip()
    parts = []
    for morpheme in tokenizer().tokenize(name):
        if morpheme.part_of_speech()[0] == "補助記号":
            continue
        reading = morpheme.reading_form()
        if not KANA.match(reading):
            return ""
        parts.append(reading)
    return katakana_to_hiragana("".join(parts))


@lru_cache(maxsize=4096)
def shown_reading(term: str, reading: str) -> str:
    """The reading worth showing beside a term: only its kanji read in hiragana, the kana and Latin
    left as written — 「札幌市エレクトロニクスセンター」 → 「さっぽろしエレクトロニクスセンター」 — and
    nothing for a term without kanji (スマートフォン needs no すまーとふぉん).

    >>> shown_reading("スマートフォン", "すまーとふぉん"), shown_reading("防災行政無線", "ぼうさいぎょうせいむせん")
    ('', 'ぼうさいぎょうせいむせん')
    >>> shown_reading("ICT（情報通信技術）", "あいしーてぃー"), shown_reading("NoMaps", "ノーマップス")
    ('アイシーティー', 'ノーマップス')
    """
    name = _PARENTHESISED.sub("", term).strip()  # 「ICT（情報通信技術）」: the gloss is not the name
    if not reading or KANA.match(name):
        return ""
    if not KANJI.search(name):  # a Latin name (NoMaps, ICT): how it is said, in katakana
        return hiragana_to_katakana(reading) if KANA.match(reading) else ""
    parts = []
    for morpheme in tokenizer().tokenize(name):
        surface = morpheme.surface()
        if not KANJI.search(surface):
            parts.append(surface)
            continue
        kana = morpheme.reading_form()
        if not KANA.match(kana):
            return reading  # the dictionary cannot read a part: the stored reading as it is
        parts.append(katakana_to_hiragana(kana))
    return "".join(parts)
