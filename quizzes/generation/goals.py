"""Items on goal lists: which is a goal, which is NOT, select all, the missing goal, how many.

Distractors are policy phrases from elsewhere: other goal lists and chapters, and sentences of this
chapter outside the plan's section that do not mention the plan. A phrase sharing content words with
a real goal, or with a phrase the text attributes to the plan, could be defended and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from . import explanations
from .assembly import lettered, place_key, shuffled
from .base import ItemGenerator
from .distractors import alike_endings, nested
from .events import points_elsewhere
from .kinds import Kind, Skill
from .phrases import content_tokens, policy_phrases
from .random_source import seeded
from .records import ChapterMaterial, GoalListSource, ItemDraft, SourceRef

DISTRACTORS = 3
NEGATIVE_MARK = "〈含まれないもの〉"
NEGATIVE_ITEMS = 1  # with one select-all, one how-many and one item per goal: a list of five asks eight
SELECT_ALL_ITEMS = 1
ENOUGH_OF_OUR_OWN = DISTRACTORS + 2
PLAN_REFERENCES = ("本構想", "本計画", "本戦略", "本方針")


class GoalItems(ItemGenerator):
    name = "goals"
    version = 1
    skill = Skill.GOAL

    def drafts(self, material: ChapterMaterial) -> Iterator[ItemDraft | None]:
        for goals in material.goal_lists:
            goals = replace(goals, title=list_name(material, goals))
            pool = distractor_phrases(material, goals)
            for index in range(len(goals.items)):  # each goal asked once, the two ways taking turns
                ways = (self.one_of, self.missing) if index % 2 == 0 else (self.missing, self.one_of)
                yield ways[0](material, goals, pool, index) or ways[1](material, goals, pool, index)
            for index in range(min(NEGATIVE_ITEMS, len(pool))):
                yield self.which_not(material, goals, pool, index)
            for index in range(SELECT_ALL_ITEMS):
                yield self.select_all(material, goals, pool, index)
            yield self.how_many(material, goals)

    def one_of(self, material, goals: GoalListSource, pool: list[str], index: int) -> ItemDraft | None:
        goal = goals.items[index]
        key = self.key(material, "one-of", f"{goals.title}:{goal}")
        rng = seeded(key)
        distractors = alike_endings(goal, material.unworn(key, pool), DISTRACTORS, rng)
        if len(distractors) < DISTRACTORS:
            return None
        options, key_id = place_key(goal, distractors, rng)
        prompt = f"{goals.title}として本文に挙げられているものはどれですか。"
        return self._draft(material, goals, key, Kind.SINGLE_CHOICE, prompt, key_id, options, [goal], 0.35)

    def missing(self, material, goals: GoalListSource, pool: list[str], index: int) -> ItemDraft | None:
        goal = goals.items[index]
        key = self.key(material, "missing", f"{goals.title}:{goal}")
        rng = seeded(key)
        distractors = alike_endings(goal, material.unworn(key, pool), DISTRACTORS, rng)
        if len(distractors) < DISTRACTORS or len(goals.items) < 3:
            return None
        shown = "、".join(f"「{other}」" for other in goals.items if other != goal)
        prompt = (f"{goals.title}は{len(goals.items)}つあります。{shown}と、もう一つはどれですか。")
        options, key_id = place_key(goal, distractors, rng)
        return self._draft(material, goals, key, Kind.SINGLE_CHOICE, prompt, key_id, options, [goal], 0.5)

    def which_not(self, material, goals: GoalListSource, pool: list[str], index: int) -> ItemDraft | None:
        outsider = pool[index]
        key = self.key(material, "which-not", f"{goals.title}:{outsider}")
        rng = seeded(key)
        real = alike_endings(outsider, shuffled(list(goals.items), rng), DISTRACTORS, rng)
        if len(real) < 2:
            return None
        options, key_id = place_key(outsider, real, rng)
        prompt = f"次のうち、{goals.title}に{NEGATIVE_MARK}はどれですか。"
        draft = self._draft(material, goals, key, Kind.SINGLE_CHOICE, prompt, key_id, options, [outsider], 0.4)
        draft.negative = True
        return draft

    def select_all(self, material, goals: GoalListSource, pool: list[str], index: int) -> ItemDraft | None:
        key = self.key(material, "select-all", f"{goals.title}:{index + 1}")
        rng = seeded(key)
        real = rng.sample(list(goals.items), min(len(goals.items), 2 + index))
        outsiders = rng.sample(pool, min(len(pool), 2))
        if len(outsiders) < 2 or len(real) < 2:
            return None
        options = lettered(shuffled(real + outsiders, rng))
        answer = [option.id for option in options if option.text in real]
        prompt = f"{goals.title}として本文に挙げられているものをすべて選んでください。"
        return self._draft(material, goals, key, Kind.MULTIPLE_RESPONSE, prompt, answer, options, real, 0.6)

    def how_many(self, material, goals: GoalListSource) -> ItemDraft:
        count = len(goals.items)
        key = self.key(material, "how-many", goals.title)
        rng = seeded(key)
        lowest = max(2, count - rng.randrange(4))
        numbers = list(range(lowest, lowest + 4))
        options = lettered([f"{number}つ" for number in numbers])
        prompt = f"{goals.title}はいくつ挙げられていますか。"
        key_id = options[numbers.index(count)].id
        return self._draft(material, goals, key, Kind.SINGLE_CHOICE, prompt, key_id, options, [f"{count}つ"], 0.3)

    def _draft(self, material, goals: GoalListSource, key: str, kind: str, prompt: str, answer: object,
               options, answer_forms: list[str], difficulty: float) -> ItemDraft:
        listed = "、".join(f"「{goal}」" for goal in goals.items)
        lead = f"{goals.title}は{listed}の{len(goals.items)}つです。"
        return ItemDraft(
            key=key, kind=kind, skill=self.skill, prompt=prompt, answer=answer, options=options,
            explanation=explanations.from_sentence(material, goals.section, goals.sentence, lead),
            source=SourceRef(section=goals.section, goal_list=goals.position), source_text=goals.sentence,
            answer_forms=answer_forms, difficulty=difficulty,
        )


def distractor_phrases(material: ChapterMaterial, goals: GoalListSource) -> list[str]:
    """Phrases that are certainly not this list's goals, in a stable order."""
    about_plan = [s.text for s in material.sentences if mentions_plan(s.text, goals) or s.section == goals.section]
    forbidden = set().union(*(content_tokens(goal) for goal in goals.items))
    forbidden |= set().union(*(content_tokens(phrase) for text in about_plan for phrase in policy_phrases(text)))
    found = [phrase for s in material.sentences if s.text not in about_plan for phrase in policy_phrases(s.text)]
    found += [item for other in material.goal_lists if other != goals for item in other.items]
    pool = _safe(found, goals, forbidden)
    if len(pool) < ENOUGH_OF_OUR_OWN:  # other chapters lend phrases only when this one has too few
        pool += [phrase for phrase in _safe(material.other_goal_phrases, goals, forbidden) if phrase not in pool]
    return unlike_each_other(pool)


def unlike_each_other(phrases: list[str]) -> list[str]:
    """No two near-synonyms (「クリエイティブ産業の発展」, 「クリエイティブ産業の振興」): a phrase that shares a
    content word with one kept before it is left out."""
    kept, seen = [], set()
    for phrase in phrases:
        tokens = content_tokens(phrase)
        if not tokens & seen:
            kept.append(phrase)
            seen |= tokens
    return kept


def list_name(material: ChapterMaterial, goals: GoalListSource) -> str:
    """The list's name as a question can use it on its own: a bare 「基本目標」 or 「施策の柱」 (its plan not
    named where it was introduced) takes the document's title when that names a plan
    (「…創生総合戦略の基本目標」), or else the chapter's, quoted (「「まちの情報化」の施策の柱」); a name that
    says whose list it is stays as the text gives it."""
    if goals.plan or not _BARE_NAME.match(goals.title) or not material.title:
        return goals.title
    if material.title.endswith(_PLAN_WORDS):
        return f"{material.title}の{goals.title}"
    return f"「{material.title}」の{goals.title}"  # a chapter named 「まちの情報化」: its own 施策の柱


_BARE_NAME = re.compile(r"^(?:基本|重点|施策の)?(?:目標|方針|理念|柱|施策|方向性)$")
_PLAN_WORDS = ("計画", "戦略", "構想", "ビジョン", "方針", "プラン", "大綱")


def _safe(phrases: list[str], goals: GoalListSource, forbidden: set[str]) -> list[str]:
    """Phrases without a list number (「１．村の振興」), that point at nothing elsewhere (「両校との連携」),
    share no content word with the list and are no goal of it."""
    cleaned = [_ENUMERATOR.sub("", phrase) for phrase in phrases]
    return [phrase for phrase in dict.fromkeys(cleaned)
            if phrase and not phrase.startswith(_SHARED_REFERENCE) and not points_elsewhere(phrase)
            and not content_tokens(phrase) & forbidden and not any(nested(phrase, goal) for goal in goals.items)]


_ENUMERATOR = re.compile(r"^\s*[（(]?[0-9０-９一二三四五六七八九十]+[）)．.、]\s*")
_SHARED_REFERENCE = ("両", "同", "当", "本")  # 「両校」「同校」: which ones, the phrase does not say


def mentions_plan(text: str, goals: GoalListSource) -> bool:
    return bool(goals.plan and goals.plan in text) or text == goals.sentence or any(
        reference in text for reference in PLAN_REFERENCES)
