"""Items on the figures a text states: 「町の人口は令和３年７月時点で2,400人となっています。」 asks how many,
with distractors at plausible scales (a quarter to three times the key, rounded as the key is written;
how many lie below the key is drawn, so the key is as often the smallest or largest as in between).

A figure is asked only when its sentence names what is counted before it (人口, 観光客数, 生徒数 …),
states one figure (two would let one be worked out from the other), and tells what was, not what is
projected (推計, 見込み, 想定: those are targets, not facts).

>>> [f.text for f in figures_in("町の人口は令和３年７月時点で2,400人となっています。")]
['2,400人']
>>> figures_in("2060年には人口が490人程度になると推計されています。")
[]
>>> scaled("2,400人", [0.5, 1.5, 2]), scaled("66,800人", [0.75]), scaled("40％", [2, 3])
(['1,200人', '3,600人', '4,800人'], ['50,100人'], ['80％'])
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from . import explanations
from .assembly import lettered
from .base import ItemGenerator
from .distractors import nested
from .events import self_contained
from .kinds import Kind, Skill
from .random_source import seeded, short_hash
from .records import BLANK, ChapterMaterial, ItemDraft, SentenceSource, SourceRef

OPTIONS = 4
SMALLEST = 20  # 「各年10人前後」: a handful is no figure to learn, and its scales (2, 5, 8) read as guesses
STEM_MAX_LENGTH = 160
BELOW = (0.75, 0.5, 0.25)  # the scales distractors are drawn at, nearest first
ABOVE = (1.5, 2.0, 3.0)
_UNITS = r"人|件|戸|世帯|社|校|団体|台|施設|か所|箇所|ヶ所|％|%|ha|ヘクタール|km|トン"
_FIGURE = re.compile(
    rf"(?<![第0-9０-９,，.．])(?P<number>[0-9０-９][0-9０-９,，]*)(?P<unit>(?:万|千)?(?:{_UNITS}))(?![0-9０-９])")
_COUNTED = re.compile(r"(?:人口|客数|者数|生徒数|児童数|件数|世帯数|戸数|団体数|企業数|事業所数|施設数|校数)")
_PROJECTED = re.compile(r"推計|見込|見通し|想定|思われ|予測|目標|めざ|目指|パターン|将来")


@dataclass(frozen=True)
class Figure:
    sentence: SentenceSource
    text: str  # as written: 「2,400人」
    start: int


def figures_in(text: str, section: int = 0) -> list[Figure]:
    found = list(_FIGURE.finditer(text))
    if len(found) != 1 or _PROJECTED.search(text):
        return []
    match = found[0]
    size = _number(match["number"]) * (10_000 if "万" in match["unit"] else 1_000 if "千" in match["unit"] else 1)
    if not _COUNTED.search(text[:match.start()]) or size < SMALLEST:
        return []
    return [Figure(SentenceSource(text, section), match.group(), match.start())]


def scaled(figure: str, factors: list[float]) -> list[str]:
    """The figure times each factor, rounded to the key's own precision (its trailing zeros kept) and
    written as the key is (thousands commas, width, unit); percentages stay at or below 100."""
    match = _FIGURE.fullmatch(figure)
    number, unit = _number(match["number"]), match["unit"]
    step = _rounding_step(match["number"])
    written = []
    for factor in factors:
        fine = step
        while (value := max(fine, round(number * factor / fine) * fine)) == number and fine > 1:
            fine //= 10  # 100 × 0.75 at the key's rounding is 100 again: one place finer
        if unit in ("％", "%") and value > 100:
            continue
        written.append(_written_like(value, match["number"]) + unit)
    return written


class FigureItems(ItemGenerator):
    name = "figures"
    version = 1
    skill = Skill.FIGURE

    def drafts(self, material: ChapterMaterial) -> Iterator[ItemDraft | None]:
        for index, sentence in enumerate(material.sentences):
            earlier = "".join(other.text for other in material.sentences[:index])
            for figure in figures_in(sentence.text, sentence.section):
                yield self.how_many(material, figure, earlier)

    def how_many(self, material: ChapterMaterial, figure: Figure, earlier: str) -> ItemDraft | None:
        text = figure.sentence.text
        stem = self_contained(text, earlier, keep=figure.text)
        if stem is None or len(stem) > STEM_MAX_LENGTH or figure.text not in stem:
            return None
        key = self.key(material, "how-many", short_hash(text, figure.text))
        rng = seeded(key)
        below = rng.randrange(OPTIONS)
        factors = [*BELOW[:below], *ABOVE[:OPTIONS - 1 - below]]
        factors += [factor for factor in (*BELOW, *ABOVE) if factor not in factors]  # when one is struck out
        shown = {match.group() for match in _FIGURE.finditer(earlier[-400:])}
        distractors: list[str] = []
        # never 「40人」 beside 「140人」: one reads as inside the other
        for value in material.unworn(key, scaled(figure.text, factors)):
            if len(distractors) < OPTIONS - 1 and value not in shown and not any(
                    nested(value, other) for other in [figure.text, *distractors]):
                distractors.append(value)
        if len(distractors) < OPTIONS - 1:
            return None
        values = sorted([figure.text, *distractors], key=lambda written: _number(_FIGURE.fullmatch(written)["number"]))
        options = lettered(values)
        prompt = f"次の文の{BLANK}にあてはまる数はどれですか。\n{stem.replace(figure.text, BLANK, 1)}"
        section = figure.sentence.section
        return ItemDraft(
            key=key, kind=Kind.SINGLE_CHOICE, skill=self.skill, prompt=prompt,
            answer=options[values.index(figure.text)].id, options=options,
            explanation=explanations.from_sentence(material, section, text, f"正解は{figure.text}。"),
            source=SourceRef(section=section), source_text=text, answer_forms=[figure.text], difficulty=0.55,
        )


def _number(written: str) -> int:
    return int(unicodedata.normalize("NFKC", written).replace(",", ""))


def _rounding_step(written: str) -> int:
    """The place the key is rounded to: 2,400 → 100, 66,800 → 100, 4,185 → 1, 40 → 10."""
    digits = unicodedata.normalize("NFKC", written).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10 ** min(zeros, len(digits) - 1)


def _written_like(value: int, key: str) -> str:
    text = f"{value:,}" if "," in key or "，" in key else str(value)
    return text.translate(str.maketrans("0123456789,", "０１２３４５６７８９，")) if key != unicodedata.normalize(
        "NFKC", key) else text
