"""Glossary terms as items need them: their written variants, masks, kinds and relations.

>>> t = TermSource(3, "ICT（情報通信技術）",
...                "インフォメーション・アンド・コミュニケーション・テクノロジーの略。"
...                "情報や通信に関連する科学技術の総称。", 1)
>>> head(t), variants(t)[1:]
('ICT', ('ICT（情報通信技術）', '情報通信技術', 'ICT'))
>>> definition_without_abbreviation(t.definition)
'情報や通信に関連する科学技術の総称。'
>>> mask_term("ベンチャー企業の略称。", TermSource(10, "ベンチャー", "", 3))
'〇〇企業の略称。'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .categories import category, names_a_thing
from .folding import contains_form, fold, hiragana_to_katakana, is_katakana_word, katakana_to_hiragana
from .records import TermSource

TERM_MASK = "〇〇"
_PARENTHESISED = re.compile(r"^(?P<head>[^（(]+)[（(](?P<alt>[^）)]+)[）)]$")
_ABBREVIATION = re.compile(r"^[^。、]*の略(?:称)?(?:で、|。)")
_SENTENCE = re.compile(r"[^。]+。?")
_SCOPE_NOTE = re.compile(r"^(?:ここでは|本書では|本計画では)、")
_NAME_STARTS = ("札幌", "さっぽろ", "サッポロ", "第", "ユネスコ", "北海道")
_UMBRELLA_WORDS = ("総称", "総体")
_NAME_ENDS = ("祭", "プラザ", "ビジョン", "戦略", "方針", "センター", "パーク", "ネットワーク")


@lru_cache(maxsize=1 << 14)
def head(term: TermSource) -> str:
    """The name without a parenthesised gloss: 「ICT（情報通信技術）」 → 「ICT」."""
    match = _PARENTHESISED.match(term.term)
    return match["head"].strip() if match else term.term


@lru_cache(maxsize=1 << 14)
def variants(term: TermSource) -> tuple[str, ...]:
    """Every written form of the term, longest first: full, gloss, head, reading, kana and width forms."""
    forms = {term.term, head(term)}
    match = _PARENTHESISED.match(term.term)
    if match:
        forms.add(match["alt"].strip())
    if term.reading:
        forms |= {katakana_to_hiragana(term.reading), hiragana_to_katakana(term.reading)}
    for form in list(forms):
        forms |= {unicodedata.normalize("NFKC", form), form.replace("・", ""),
                  katakana_to_hiragana(form), hiragana_to_katakana(form)}
    return tuple(sorted((form for form in forms if form), key=lambda form: (-len(form), form)))


def accepted_answers(term: TermSource) -> list[str]:
    """What a learner may type for the term: its name, its gloss and its reading."""
    forms = [head(term), term.term]
    match = _PARENTHESISED.match(term.term)
    if match:
        forms.append(match["alt"].strip())
    if term.reading:
        forms.append(katakana_to_hiragana(term.reading))
    return list(dict.fromkeys(forms))


def mask_term(text: str, term: TermSource, mask: str = TERM_MASK) -> str:
    for form in variants(term):
        text = text.replace(form, mask)
    return text


def definition_without_abbreviation(definition: str) -> str:
    """The definition without a leading 「…の略。」 clause, which spells out the term itself."""
    rest = _ABBREVIATION.sub("", definition, count=1).strip()
    return rest or definition


def first_sentence(text: str) -> str:
    match = _SENTENCE.match(text.strip())
    return match.group().strip() if match else text.strip()


@lru_cache(maxsize=1 << 14)
def short_definition(term: TermSource) -> str:
    """The entry's defining sentence (after any abbreviation clause), the term itself masked."""
    return mask_term(defining_sentence(definition_without_abbreviation(term.definition)), term)


def defining_sentence(definition: str) -> str:
    """The first sentence that says what the term is (categories.names_a_thing) — not the entry's first
    sentence when that tells a history (「札幌には1980年代から…成長した。」) or an act (「…により開催。」);
    the whole entry when no sentence of it does. A scope note (「ここでは、」) is dropped."""
    sentences = [_SCOPE_NOTE.sub("", sentence.strip()) for sentence in _SENTENCE.findall(definition.strip())]
    sentences = [sentence for sentence in sentences if sentence]
    return next((sentence for sentence in sentences if names_a_thing(sentence)),
                _SCOPE_NOTE.sub("", definition.strip()))


def kind_of(term: TermSource) -> str:
    """A coarse kind for choosing distractors alike: latin, name, katakana or compound."""
    name = head(term)
    if name.isascii():
        return "latin"
    if is_katakana_word(name):
        return "katakana"
    if name.startswith(_NAME_STARTS) or name.endswith(_NAME_ENDS):
        return "name"
    return "compound"


def kind_as_term(term: TermSource) -> tuple[str | None, str]:
    """How a term's name compares with others as an option: the class of what it names (its own head
    noun's, else its definition's) and its written form."""
    return category(head(term)) or category(short_definition(term)), kind_of(term)


def kind_as_definition(term: TermSource) -> tuple[str | None, str]:
    """How a term's definition compares with others as an option: the class of the definition's head
    noun (else the name's) and the term's written form."""
    return category(short_definition(term)) or category(head(term)), kind_of(term)


def is_umbrella(term: TermSource) -> bool:
    """A term defined as the sum of others (「…の総称」): it fits almost any blank about them."""
    return any(word in first_sentence(definition_without_abbreviation(term.definition)) for word in _UMBRELLA_WORDS)


@lru_cache(maxsize=1 << 14)
def related(a: TermSource, b: TermSource) -> bool:
    """Terms one of which names or defines the other (コンテンツ and ウェブコンテンツ) never stand as
    each other's distractor: the other's definition could be defended as right."""
    name_a, name_b = fold(head(a)), fold(head(b))
    if name_a in name_b or name_b in name_a:
        return True
    return contains_form(a.definition, head(b)) or contains_form(b.definition, head(a))
