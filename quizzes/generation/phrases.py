"""Policy phrases (…の実現, …づくり) found in running text, and whether two phrases share content.

>>> policy_phrases("生活の利便性の向上、ビジネスの効率化や付加価値の向上など、都市課題の解決に当たって")
['生活の利便性の向上', 'ビジネスの効率化', '付加価値の向上', '都市課題の解決']
>>> policy_phrases("各分野における情報化施策を推進、早くからクリエイティブ産業の振興")
['クリエイティブ産業の振興']
>>> sorted(content_tokens("活力ある地域経済の実現"))
['地域', '域経', '活力', '経済']
"""

from __future__ import annotations

import re

SHAPES = ("実現", "向上", "推進", "活性化", "効率化", "高度化", "発展", "解決", "育成", "強化", "創出", "促進",
          "振興", "づくり", "整備", "構築", "充実", "醸成")
_PHRASE = re.compile(
    rf"(?:^|(?<=[、。「」（）や・]))(?P<phrase>[^、。「」（）や\s]{{3,30}}?(?:{'|'.join(SHAPES)}))"
    r"(?![\u4e00-\u9fffァ-ヺー])"  # the policy word ends the noun: not 「まちづくり戦略」
)
_SHAPE_WORDS = re.compile("|".join(SHAPES))
_KANJI_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_KATAKANA_RUN = re.compile(r"[ァ-ヺー]{3,}")
_MAKING = re.compile(r"(?:まち|ひと|もの|[\u4e00-\u9fff]{1,3})づくり")  # 「村づくり」「まちづくり」: what a goal makes
_LEADING_FUNCTION = re.compile(r"^(?:[^、]*?(?:では|には|とは|として|により|による|から))")
_VERBAL = re.compile(r"[はをがもでに]")  # a particle makes it a clause, not a noun phrase
MIN_LENGTH = 5
MAX_PHRASE = 40


def policy_phrases(text: str) -> list[str]:
    """Noun phrases ending in a policy word, each starting after a comma, bracket or 「や」."""
    found = []
    for match in _PHRASE.finditer(text):
        phrase = _LEADING_FUNCTION.sub("", match["phrase"])
        if len(phrase) >= MIN_LENGTH and not re.match(r"[ぁ-ゖ]", phrase) and not _VERBAL.search(phrase) \
                and phrase not in found:
            found.append(phrase)
    return found


def ending(phrase: str) -> str | None:
    """The head noun a short phrase ends with: a policy word, or the noun after its last 「の」.

    >>> ending("豊かな市民生活の実現"), ending("「NoMaps」の開催"), ending("メディア・アーツ")
    ('実現', '開催', None)
    """
    if phrase.endswith("。") or len(phrase) > MAX_PHRASE:
        return None  # a sentence, not a phrase
    shape = next((shape for shape in SHAPES if phrase.endswith(shape)), None)
    if shape:
        return shape
    head = phrase.rpartition("の")[2]
    return head if "の" in phrase and 1 < len(head) <= 4 else None


def content_tokens(phrase: str) -> set[str]:
    """Kanji bigrams and katakana words once the policy words are removed: what a phrase is about."""
    core = _SHAPE_WORDS.sub("・", phrase)
    tokens = set(_KATAKANA_RUN.findall(core)) | set(_MAKING.findall(phrase))
    for run in _KANJI_RUN.findall(core):
        tokens |= {run[index:index + 2] for index in range(len(run) - 1)}
    return tokens
