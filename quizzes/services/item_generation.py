"""Generating a chapter's item bank: create, update, retire; never delete, never overwrite an edit."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cache

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from content.models import Chapter
from content.revision_memory import forget
from quizzes.drafts import SHOWN_FIELDS, shown_fields
from quizzes.generation.base import ItemGenerator
from quizzes.generation.kinds import Kind
from quizzes.generation.pipeline import CheckedBank, generate_bank
from quizzes.generation.records import ItemDraft
from quizzes.models import Item, ItemVersion
from quizzes.selectors.bank import chapter_material, generated_keys_in_use, source_rows

from .item_leaks import item_leaks_refresh
from .learning_from_use import distractors_learn


@dataclass
class GenerationReport:
    chapter: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    edits_kept: int = 0
    counts: Counter = field(default_factory=Counter)  # (skill, kind, status) → items
    rejected: list[tuple[ItemDraft, list[dict]]] = field(default_factory=list)
    bank_findings: list[dict] = field(default_factory=list)
    drafts: list[tuple[ItemDraft, str]] = field(default_factory=list)  # (draft, status)

    def tally(self, by: str) -> dict[str, int]:
        """Items by "skill", "kind" or "status", in the order of their names."""
        position = ("skill", "kind", "status").index(by)
        totals: Counter = Counter()
        for key, count in self.counts.items():
            totals[key[position]] += count
        return dict(sorted(totals.items()))


@cache
def load_generators() -> tuple[ItemGenerator, ...]:
    return tuple(import_string(path)() for path in settings.QUIZ_ITEM_GENERATORS)


@transaction.atomic
def items_generate(*, chapter: Chapter) -> GenerationReport:
    """Regenerate ``chapter``'s bank. A dry run is the caller's: quizzes.services.chapter_publishing."""
    distractors_learn(chapter=chapter)
    bank = generate_bank(chapter_material(chapter), list(load_generators()), keep=generated_keys_in_use(chapter))
    report = _BankWriter(chapter, bank).write()
    item_leaks_refresh(item_ids=Item.objects.filter(chapter=chapter).values_list("pk", flat=True))
    forget()  # the dashboards' marker of the bank (quizzes/selectors/dashboard_marker.py)
    return report


class _BankWriter:
    def __init__(self, chapter: Chapter, bank: CheckedBank):
        self.chapter, self.bank = chapter, bank
        self.report = GenerationReport(chapter=chapter.slug)
        self.rows = source_rows(chapter)
        self.versions: list[ItemVersion] = []

    def write(self) -> GenerationReport:
        # generated items only: a teacher's own item of this chapter is no generator's to retire
        generated = Item.objects.select_for_update().filter(chapter=self.chapter, author__isnull=True)
        existing = {item.key: item for item in generated}
        new, changed = [], []
        for draft in self.bank.drafts:
            findings = [asdict(finding) for finding in self.bank.findings.get(draft.key, [])]
            item = existing.pop(draft.key, None)
            if item is None:
                new.append(self._new_item(draft, findings))
            elif self._refresh(item, draft, findings):
                changed.append(item)
            status = (item or new[-1]).status
            self.report.counts[(draft.skill, draft.kind, status)] += 1
            self.report.drafts.append((draft, status))
            if findings:
                self.report.rejected.append((draft, findings))
        changed += self._retire(existing.values())
        self._save(new, changed)
        self.report.bank_findings = [asdict(finding) for finding in self.bank.bank_findings]
        return self.report

    def _new_item(self, draft: ItemDraft, findings: list[dict]) -> Item:
        self.report.created += 1
        item = Item(key=draft.key, chapter=self.chapter, **self._generated_fields(draft, findings))
        item.status = Item.Status.DRAFT if findings else Item.Status.PUBLISHED
        return item

    def _refresh(self, item: Item, draft: ItemDraft, findings: list[dict]) -> bool:
        """Bring an existing item up to date with its draft; True when anything changed."""
        before = _comparable(item)
        if item.edited:
            self.report.edits_kept += 1
            item.source_changed = item.generated_hash != draft.content_hash()
            self._link_sources(item, draft)
        else:
            content_changed = item.generated_hash != draft.content_hash()
            for name, value in self._generated_fields(draft, findings).items():
                setattr(item, name, value)
            if content_changed:
                item.version += 1
                self.versions.append(version_of(item))
            item.status = _status_after_generation(item, findings)
        if _comparable(item) == before:
            self.report.unchanged += 1
            return False
        self.report.updated += 1
        item.updated_at = timezone.now()
        return True

    def _retire(self, vanished) -> list[Item]:
        retired = []
        for item in vanished:
            if item.status != Item.Status.RETIRED:
                item.status, item.updated_at = Item.Status.RETIRED, timezone.now()
                self.report.retired += 1
                retired.append(item)
        return retired

    def _generated_fields(self, draft: ItemDraft, findings: list[dict]) -> dict:
        fields = shown_fields(draft) | {
            "skill": draft.skill, "answer_forms": draft.answer_forms, "negative": draft.negative,
            "source_text": draft.source_text, "generator": draft.generator,
            "generator_version": draft.generator_version, "difficulty": draft.difficulty,
            "generated_hash": draft.content_hash(), "findings": findings,
        }
        return fields | self._sources(draft)

    def _sources(self, draft: ItemDraft) -> dict:
        source, rows = draft.source, self.rows
        event = (source.section, source.event["text"]) if source.event else None
        return {
            "paragraph_id": self._paragraph(draft),
            "section_id": rows["sections"].get(source.section),
            "term_id": rows["terms"].get(source.term),
            "event_id": rows["events"].get(event),
            "goal_list_id": rows["goal_lists"].get(source.goal_list),
        }

    def _paragraph(self, draft: ItemDraft) -> int | None:
        """The paragraph feedback links to: where a term is footnoted, else the one quoting the source."""
        if draft.source.term and draft.kind != Kind.CLOZE:
            return self.rows["term_markers"].get(draft.source.term)
        quoted = draft.source_text.splitlines()[0][:30]
        return next((pk for number, pk, text in self.rows["paragraphs"]
                     if number == draft.source.section and quoted in text), None)

    def _link_sources(self, item: Item, draft: ItemDraft) -> None:
        for name, value in self._sources(draft).items():
            setattr(item, name, value)

    def _save(self, new: list[Item], changed: list[Item]) -> None:
        created = Item.objects.bulk_create(new)
        self.versions += [version_of(item) for item in created]
        if changed:
            Item.objects.bulk_update(changed, _UPDATED_FIELDS)
        ItemVersion.objects.bulk_create(self.versions)


_UPDATED_FIELDS = [
    "kind", "skill", "status", "prompt", "options", "left_options", "answer", "answer_forms", "explanation",
    "negative", "source_text", "generator", "generator_version", "difficulty", "generated_hash", "findings",
    "version", "source_changed", "section", "paragraph", "term", "event", "goal_list", "updated_at",
]


_SOURCE_FIELDS = ("section", "paragraph", "term", "event", "goal_list")


def _comparable(item: Item) -> tuple:
    return tuple(getattr(item, f"{name}_id" if name in _SOURCE_FIELDS else name)
                 for name in _UPDATED_FIELDS if name != "updated_at")


def _status_after_generation(item: Item, findings: list[dict]) -> str:
    if findings:
        return Item.Status.DRAFT
    if item.status_set_by_person and item.status != Item.Status.DRAFT:
        return item.status
    return Item.Status.PUBLISHED


def version_of(item: Item, *, origin: str = ItemVersion.Origin.GENERATED, user=None) -> ItemVersion:
    return ItemVersion(
        item=item, number=item.version, origin=origin, created_by=user,
        **{name: getattr(item, name) for name in SHOWN_FIELDS},
    )
