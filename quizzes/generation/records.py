"""What generators read (a chapter's material) and what they write (item drafts). Plain data."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from .kinds import Kind, Skill

BLANK = "（　）"  # what a stem leaves for the learner to fill: a date, a term, a purpose, a figure
KINDS = tuple(Kind)
SKILLS = tuple(Skill)


@dataclass(frozen=True)
class TermSource:
    number: int
    term: str
    definition: str
    section: int | None
    reading: str = ""


@dataclass(frozen=True)
class EventSource:
    date_text: str
    year: int
    sentence: str
    section: int
    precision: str = "year"  # day, month, year, range, decade, decade_part, approximate
    fiscal_year: bool = False
    approximate: bool = False
    month: int | None = None
    subjects: tuple[str, ...] = ()
    span: tuple[int, int] | None = None  # the first and last year the date may mean; None: ``year`` alone
    era: str = ""  # the era the text wrote the date in (an era decade is not a Western decade)

    @property
    def years(self) -> tuple[int, int]:
        return self.span or (self.year, self.year)


@dataclass(frozen=True)
class GoalListSource:
    position: int
    title: str
    items: tuple[str, ...]
    sentence: str
    section: int
    plan: str = ""
    stated_count: int | None = None


@dataclass(frozen=True)
class SentenceSource:
    text: str
    section: int


@dataclass
class ChapterMaterial:
    """One chapter as the generators see it, with what other chapters lend as distractors."""

    slug: str
    title: str
    terms: list[TermSource] = field(default_factory=list)
    events: list[EventSource] = field(default_factory=list)
    goal_lists: list[GoalListSource] = field(default_factory=list)
    sentences: list[SentenceSource] = field(default_factory=list)
    section_titles: dict[int, str] = field(default_factory=dict)
    other_terms: list[TermSource] = field(default_factory=list)
    other_goal_phrases: list[str] = field(default_factory=list)
    # what learners' answers taught, by fact (fact_of): distractors to leave out, and to offer
    avoided: dict[str, frozenset[str]] = field(default_factory=dict)
    offered: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def unworn(self, key: str, texts: list) -> list:
        """``texts`` (or (text, kind) pairs) without the distractors learners showed to be idle for the
        item's fact."""
        idle = self.avoided.get(fact_of(key), frozenset())
        return [text for text in texts if (text[0] if isinstance(text, tuple) else text) not in idle]

    def offers(self, key: str) -> tuple[str, ...]:
        """Wrong answers learners give for the item's fact, approved by a reviewer as distractors."""
        return self.offered.get(fact_of(key), ())


def fact_of(key: str) -> str:
    """「slug:skill:variant:ident」 → 「skill:ident」: what an item asks about (the variant is how)."""
    _slug, skill, _variant, ident = key.split(":", 3)
    return f"{skill}:{ident}"


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass
class SourceRef:
    section: int | None
    term: int | None = None
    event: dict | None = None  # {"year": 1997, "text": "平成９年（1997年）12月"}
    goal_list: int | None = None


@dataclass
class ItemDraft:
    key: str
    kind: str
    skill: str
    prompt: str
    answer: object
    explanation: str
    source: SourceRef
    source_text: str
    options: list[Option] = field(default_factory=list)
    left: list[Option] = field(default_factory=list)  # matching: the terms the options are matched to
    answer_forms: list[str] = field(default_factory=list)  # written forms that give the key away
    difficulty: float = 0.5  # 0 easy … 1 hard, before any learner has answered
    negative: bool = False  # a "which is NOT" stem
    generator: str = ""
    generator_version: int = 0

    def content_hash(self) -> str:
        """Changes whenever what a learner sees or is graded on changes."""
        shown = [self.kind, self.prompt, [asdict(o) for o in self.options], [asdict(o) for o in self.left],
                 self.answer, self.explanation]
        return hashlib.sha256(json.dumps(shown, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]

    def option_text(self, option_id: str) -> str:
        return next(option.text for option in self.options if option.id == option_id)

    @property
    def key_texts(self) -> list[str]:
        """The option texts that are keys (single choice, multiple response)."""
        ids = self.answer if isinstance(self.answer, list) else [self.answer]
        return [option.text for option in self.options if option.id in ids]
