"""Comparison forms of Japanese text: the same answer typed in another script or width folds alike.

>>> fold("スマート フォン") == fold("すまーとふぉん") == fold("ｽﾏｰﾄﾌｫﾝ")
True
>>> fold("メディア・アーツ") == fold("メディアアーツ")
True
>>> fold("ＳＮＳ") == fold("sns")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_KATAKANA_START, _KATAKANA_END = ord("ァ"), ord("ヶ")
_KANA_SHIFT = ord("ァ") - ord("ぁ")
# Spaces, middle dots, quotation brackets and hyphens are not part of what a learner means.
_IGNORED = re.compile(r"[\s・･\u30fb「」『』\"'“”\-‐]")


_TO_HIRAGANA = {code: code - _KANA_SHIFT for code in range(_KATAKANA_START, _KATAKANA_END + 1)}
_TO_KATAKANA = {code: code + _KANA_SHIFT for code in range(ord("ぁ"), ord("ゖ") + 1)}


def katakana_to_hiragana(text: str) -> str:
    return text.translate(_TO_HIRAGANA)


def hiragana_to_katakana(text: str) -> str:
    return text.translate(_TO_KATAKANA)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """NFKC, hiragana for katakana, lower case, without spaces, dots and quotes. For comparison only.
    Cached: generation compares every term's texts with every other's."""
    return _IGNORED.sub("", katakana_to_hiragana(unicodedata.normalize("NFKC", text)).lower())


def contains_form(text: str, form: str) -> bool:
    """Whether ``form`` appears in ``text`` once both are folded (empty forms never do)."""
    folded = fold(form)
    return bool(folded) and folded in fold(text)


def is_katakana_word(text: str) -> bool:
    stripped = _IGNORED.sub("", text)
    return bool(stripped) and all("ァ" <= char <= "ヺ" or char == "ー" for char in stripped)
