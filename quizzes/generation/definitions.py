"""Items on the glossary: term → definition, definition → term, true/false, matching, typed term."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import explanations
from .assembly import lettered, place_key, shuffled
from .base import ItemGenerator
from .categories import category
from .distractors import choose
from .events import self_contained
from .false_statements import another_actor, another_kind_word, one_number_changed
from .folding import contains_form, fold
from .kinds import Kind, Skill
from .random_source import seeded, short_hash
from .records import BLANK, ChapterMaterial, ItemDraft, Option, SentenceSource, SourceRef, TermSource
from .terms import (
    TERM_MASK,
    accepted_answers,
    definition_without_abbreviation,
    head,
    is_umbrella,
    kind_as_definition,
    kind_as_term,
    kind_of,
    mask_term,
    related,
    short_definition,
    variants,
)

DISTRACTORS = 3
MATCHING_SIZE = 5
MATCHING_MIN = 4
MATCHING_SPARES = 2  # definitions beyond the entries: the last pair is not given away
CLOZE_BLANK = BLANK
CLOZE_MAX_LENGTH = 160
CLOZE_ALIKE = 2  # distractors of the key's own class a cloze needs
TYPED_MAX_LENGTH = 10
_GLOSS_AFTER_BLANK = re.compile(r"（　）[（(][^）)]*[）)]")


class DefinitionItems(ItemGenerator):
    name = "definitions"
    version = 1
    skill = Skill.DEFINITION

    def drafts(self, material: ChapterMaterial) -> Iterator[ItemDraft | None]:
        for term in material.terms:
            yield from self.ways(material, term)
        for group in matching_groups(material.terms):
            yield self.matching(material, group)

    def ways(self, material: ChapterMaterial, term: TermSource) -> list[ItemDraft | None]:
        """Every way of asking the term, in the order the bank keeps them (two per term): three pairs that
        do not give each other away, the first pair turning from term to term — choose the definition
        and type the term; pick the term and judge a sibling's definition; the true statement and the
        term in its sentence (the true statement shows the definition, so it never pairs with a way
        that asks for it). Once a reviewer approves names learners typed for the term by mistake, the
        ways that offer names come first: the term in its sentence, then pick the term."""
        pairs = [(self.term_to_definition, self.typed_term), (self.definition_to_term, self.false_statement),
                 (self.true_statement, self.cloze)]
        turn = term.number % len(pairs)
        ways = [way for pair in pairs[turn:] + pairs[:turn] for way in pair]
        if material.offers(self.key(material, "", head(term))):
            ways = [self.cloze, self.definition_to_term, *(way for way in ways if way not in (
                self.cloze, self.definition_to_term))]
        return [way(material, term) for way in ways]

    def term_to_definition(self, material: ChapterMaterial, term: TermSource) -> ItemDraft | None:
        key = self.key(material, "term-to-definition", head(term))
        rng = seeded(key)
        answer = short_definition(term)
        if TERM_MASK in answer:  # 「…と称された」: the only option with a masked name would be the key
            return None
        candidates = material.unworn(key, [(short_definition(other), kind_as_definition(other))
                                           for other in distractor_terms(material, term)])
        distractors = choose(answer, [c for c in candidates if TERM_MASK not in c[0]], kind_as_definition(term),
                             DISTRACTORS, rng)
        if len(distractors) < DISTRACTORS:
            return None
        options, key_id = place_key(answer, distractors, rng)
        return self._draft(term, key, Kind.SINGLE_CHOICE, f"「{head(term)}」の説明として正しいものはどれですか。",
                           key_id, options=options, answer_forms=[answer], difficulty=0.35)

    def definition_to_term(self, material: ChapterMaterial, term: TermSource) -> ItemDraft | None:
        key = self.key(material, "definition-to-term", head(term))
        rng = seeded(key)
        candidates = offered_names(material, key, term) + material.unworn(
            key, [(head(other), kind_as_term(other)) for other in distractor_terms(material, term)])
        distractors = choose(head(term), candidates, kind_as_term(term), DISTRACTORS, rng)
        if len(distractors) < DISTRACTORS:
            return None
        options, key_id = place_key(head(term), distractors, rng)
        prompt = f"次の説明にあてはまる用語はどれですか。\n{masked_definition(term)}"
        return self._draft(term, key, Kind.SINGLE_CHOICE, prompt, key_id, options=options,
                           answer_forms=list(variants(term)), difficulty=0.4)

    def true_statement(self, material: ChapterMaterial, term: TermSource) -> ItemDraft:
        key = self.key(material, "true-false-own", head(term))
        return self._draft(term, key, Kind.TRUE_FALSE, statement_prompt(term, short_definition(term)), True,
                           difficulty=0.2)

    def false_statement(self, material: ChapterMaterial, term: TermSource) -> ItemDraft | None:
        key = self.key(material, "true-false-other", head(term))
        own_terms = set(material.terms)  # another town's definition is foreign to the learner's document
        candidates = material.unworn(key, [(short_definition(other), kind_as_definition(other))
                                           for other in distractor_terms(material, term) if other in own_terms])
        own = short_definition(term)
        chosen = choose(own, [c for c in candidates if TERM_MASK not in c[0]], kind_as_definition(term), 1, seeded(key))
        own_class = kind_as_definition(term)[0]
        sibling = bool(chosen) and own_class is not None and category(chosen[0]) == own_class
        figure = one_number_changed(own)
        actor = None if figure else another_actor(own)
        kind_word = None if sibling or figure or actor else another_kind_word(own)
        # its own definition false in one detail first: it asks what the definition says, not which it is
        if figure:
            statement, lead = figure, f"数値が違います。「{head(term)}」は、{own}"
        elif actor:  # 「住民が自主的に結成し…」 → 「行政が自主的に結成し…」
            statement, lead = actor, f"主体が違います。「{head(term)}」は、{own}"
        elif chosen and (sibling or own_class is None):
            statement, lead = chosen[0], f"これは別の用語の説明です。「{head(term)}」は、{own}"
        elif kind_word:  # or with the word that says what it is changed (「…置いた官庁」 → 「…置いた企業」)
            statement, lead = kind_word, f"「{head(term)}」は、{own}"
        else:  # a plan described as a kind of rice is false, but no one would hesitate: no statement
            return None
        draft = self._draft(term, key, Kind.TRUE_FALSE, statement_prompt(term, statement), False, difficulty=0.3)
        draft.explanation = f"{lead}\n{draft.explanation}"
        return draft

    def typed_term(self, material: ChapterMaterial, term: TermSource) -> ItemDraft | None:
        if len(head(term)) > TYPED_MAX_LENGTH:  # 「第２次札幌市ICT活用戦略」: recognised, not typed from memory
            return None
        key = self.key(material, "typed-term", head(term))
        prompt = f"次の説明にあてはまる用語を答えてください。\n{masked_definition(term)}"
        return self._draft(term, key, Kind.SHORT_ANSWER, prompt, accepted_answers(term),
                           answer_forms=list(variants(term)), difficulty=0.7)

    def cloze(self, material: ChapterMaterial, term: TermSource) -> ItemDraft | None:
        """The term blanked out where the text uses it; the options are terms of the same kind from
        the same document. Another town's term may fit the glossary, but seldom the sentence: 「明治２年
        に（　）が置かれた」 among ゼロカーボンシティ and ベンチャー is answered by the era alone."""
        found = usage_sentence(material, term)
        if found is None:
            return None
        used, stem = found
        key = self.key(material, Kind.CLOZE, head(term))
        rng = seeded(key)
        own = set(material.terms)
        candidates = offered_names(material, key, term) + material.unworn(
            key, [(head(other), kind_as_term(other)) for other in distractor_terms(material, term)
                  if other in own and not contains_form(used.text, head(other)) and not is_umbrella(other)])
        candidates = [c for c in candidates if not contains_form(used.text, c[0])]
        distractors = choose(head(term), candidates, kind_as_term(term), DISTRACTORS, rng)
        if len(distractors) < DISTRACTORS or not fits_the_sentence(kind_as_term(term)[0], distractors, candidates):
            return None
        options, key_id = place_key(head(term), distractors, rng)
        blanked = mask_term(stem, term, CLOZE_BLANK).replace(f"（{CLOZE_BLANK}）", "")  # a masked gloss
        blanked = _GLOSS_AFTER_BLANK.sub(CLOZE_BLANK, blanked)  # 「（　）（持続可能な開発のための教育）」 says it
        if CLOZE_BLANK not in blanked:  # the term was only a gloss in parentheses: no blank would be left
            return None
        prompt = f"次の文の{CLOZE_BLANK}にあてはまる用語はどれですか。\n{blanked}"
        lead = f"正解は「{head(term)}」。"
        explanation = explanations.from_sentence(material, used.section, used.text, lead)
        return ItemDraft(
            key=key, kind=Kind.CLOZE, skill=self.skill, prompt=prompt, answer=key_id, options=options,
            explanation=f"{explanation}\n{explanations.from_definition(term)}", answer_forms=list(variants(term)),
            source=SourceRef(section=used.section, term=term.number), source_text=used.text, difficulty=0.45,
        )

    def matching(self, material: ChapterMaterial, group: list[TermSource]) -> ItemDraft | None:
        keys = [short_definition(term) for term in group]
        spares = spare_definitions(material, group, keys)
        if not spares and len(group) > MATCHING_MIN:  # no term outside the group: its last one is the spare
            group, spares = group[:-1], keys[-1:]
            keys = keys[:-1]
        if not spares:
            return None
        key = self.key(material, Kind.MATCHING, short_hash(*sorted(head(term) for term in group)))
        rng = seeded(key)
        left = [Option(str(index + 1), head(term)) for index, term in enumerate(group)]
        right = lettered(out_of_key_order(keys + spares, keys, rng))
        by_text = {option.text: option.id for option in right}
        answer = {option.id: by_text[short_definition(term)] for option, term in zip(left, group, strict=True)}
        explanation = "\n".join(explanations.from_definition(term) for term in group)
        sections = {term.section for term in group}
        return ItemDraft(
            key=key, kind=Kind.MATCHING, skill=self.skill, prompt="それぞれの用語に合う説明を選んでください。",
            answer=answer, explanation=explanation, options=right, left=left, difficulty=0.5,
            source=SourceRef(section=sections.pop() if len(sections) == 1 else None),
            source_text="\n".join(term.definition for term in group),
        )

    def _draft(self, term: TermSource, key: str, kind: str, prompt: str, answer: object, *,
               options: list[Option] | None = None, answer_forms: list[str] | None = None,
               difficulty: float = 0.5) -> ItemDraft:
        return ItemDraft(
            key=key, kind=kind, skill=self.skill, prompt=prompt, answer=answer,
            explanation=explanations.from_definition(term), options=options or [], answer_forms=answer_forms or [],
            source=SourceRef(section=term.section, term=term.number), source_text=term.definition,
            difficulty=difficulty,
        )


def fits_the_sentence(key_class: str | None, distractors: list[str], candidates: list[tuple[str, tuple]]) -> bool:
    """Whether most distractors name the kind of thing the key names. A sentence asks for more than a
    glossary question does: 「明治２年に（　）が置かれた」 wants an office, and an API or a data set beside
    開拓使 is struck by sense alone; with no class known for the key, nothing says the options fit."""
    kinds = dict(candidates)
    return key_class is not None and sum(kinds[text][0] == key_class for text in distractors) >= CLOZE_ALIKE


def usage_sentence(material: ChapterMaterial, term: TermSource) -> tuple[SentenceSource, str] | None:
    """The first sentence of the text that uses the term on its own (not inside a longer term such as
    ウェブコンテンツ for コンテンツ), short enough to read as a stem, and that stem made to stand on its own
    (「本構想」 named; a sentence that opens by pointing elsewhere is passed over)."""
    longer = [head(other) for other in material.terms if other.number != term.number and contains_form(
        head(other), head(term))]
    earlier = ""
    for sentence in material.sentences:
        if len(sentence.text) <= CLOZE_MAX_LENGTH and contains_form(sentence.text, head(term)) and not any(
                contains_form(sentence.text, name) for name in longer):
            stem = self_contained(sentence.text, earlier, keep=head(term))
            if stem is not None and contains_form(stem, head(term)):
                return sentence, stem
        earlier += sentence.text
    return None


def offered_names(material: ChapterMaterial, key: str, term: TermSource) -> list[tuple[str, tuple]]:
    """Names learners type for this term by mistake, approved by a reviewer: the distractors they
    themselves find plausible, of the term's own kind (they are wrong answers for it)."""
    return [(text, kind_as_term(term)) for text in material.offers(key) if not contains_form(text, head(term))]


def masked_definition(term: TermSource) -> str:
    """The whole definition as a stem: no 「…の略」 clause spelling the term out, every form masked."""
    return mask_term(definition_without_abbreviation(term.definition), term)


def statement_prompt(term: TermSource, definition: str) -> str:
    return f"次の説明は「{head(term)}」の説明として正しいですか。\n{definition}"


def distractor_terms(material: ChapterMaterial, term: TermSource) -> list[TermSource]:
    """Terms of this chapter, then of others, that are neither the term nor related to it. Other
    chapters lend all their terms to a small glossary, and to any glossary the terms of the key's
    class when it has too few of its own (a meter among a plan, a city and a payment method). A proper
    name (「札幌市産業振興ビジョン」) is never lent: in another town's sentence it reads as foreign."""
    pool = [other for other in material.terms if other.number != term.number]
    classes = _classes(term)
    alike = [other for other in pool if _classes(other) & classes]
    lendable = [other for other in material.other_terms if kind_of(other) != "name"]
    if len(pool) < DISTRACTORS + 2:
        pool += lendable
    elif classes and len(alike) < DISTRACTORS:
        pool += [other for other in lendable if _classes(other) & classes]
    return [other for other in _one_per_name(pool) if not related(term, other)]


def _one_per_name(terms: list[TermSource]) -> list[TermSource]:
    """The first of terms of the same name: two chapters that both define オープンデータ lend two
    definitions of one thing, which side by side say nearly the same."""
    seen: set[str] = set()
    return [term for term in terms if not (fold(head(term)) in seen or seen.add(fold(head(term))))]


def _classes(term: TermSource) -> set[str]:
    """The classes a term may count in: its name's, and its definition's."""
    return {kind_as_term(term)[0], kind_as_definition(term)[0]} - {None}


def spare_definitions(material: ChapterMaterial, group: list[TermSource], keys: list[str]) -> list[str]:
    """One or two definitions of terms outside the group (and unrelated to it), so that the last pair
    is never forced."""
    members = {term.number for term in group}
    spares = []
    for other in [*material.terms, *(lent for lent in material.other_terms if kind_of(lent) != "name")]:
        text = short_definition(other)
        if other.number not in members and text not in keys and text not in spares \
                and not any(related(other, term) for term in group):
            spares.append(text)
        if len(spares) == MATCHING_SPARES:
            break
    return spares


def out_of_key_order(texts: list[str], keys: list[str], rng) -> list[str]:
    """The options shuffled so that the keys never read in the entries' own order."""
    order = shuffled(texts, rng)
    if [text for text in order if text in keys] == keys:
        first = next(index for index, text in enumerate(order) if text in keys)
        later = next(index for index, text in enumerate(order) if index > first and text in keys)
        order[first], order[later] = order[later], order[first]
    return order


def matching_groups(terms: list[TermSource]) -> list[list[TermSource]]:
    """The chapter's terms in groups of up to five with no two related terms in a group."""
    remaining, groups = list(terms), []
    while len(remaining) >= MATCHING_MIN:
        group = [remaining.pop(0)]
        for term in list(remaining):
            if len(group) < MATCHING_SIZE and not any(related(term, member) for member in group):
                group.append(term)
                remaining.remove(term)
        if len(group) < MATCHING_MIN:
            break
        groups.append(group)
    return groups
