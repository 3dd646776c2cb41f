"""Readings of glossary terms in hiragana, from SudachiPy (mode C, sudachidict-core).

The tokenizer loads its dictionary (tens of megabytes) on first use, so a process that never asks
for a reading never pays for it. Parsing does not depend on this module.
"""

from __future__ import annotations

import re
from functools import cache

_PARENTHESISED = re.compile(r"[（(][^）)]*[）)]")
_KANA = re.compile(r"^[ぁ-ゖァ-ヺー]+$")
_TO_HIRAGANA = str.maketrans({chr(code): chr(code - 0x60) for code in range(ord("ァ"), ord("ヶ") + 1)})


def katakana_to_hiragana(text: str) -> str:
    return text.translate(_TO_HIRAGANA)


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
        if not _KANA.match(reading):
            return ""
        parts.append(reading)
    return katakana_to_hiragana("".join(parts))
