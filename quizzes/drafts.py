"""Between stored items and the plain drafts the generators make and the checker judges."""

from __future__ import annotations

from dataclasses import asdict

from quizzes.generation.checker import Leak, check_item, cross_item_leaks
from quizzes.generation.option_ids import with_opaque_ids
from quizzes.generation.records import ItemDraft, Option, SourceRef
from quizzes.models import Item

SHOWN_FIELDS = ("kind", "prompt", "options", "left_options", "answer", "explanation")


def as_draft(item: Item) -> ItemDraft:
    """An item as the checker sees it (options parsed from their JSON)."""
    return ItemDraft(
        key=item.key, kind=item.kind, skill=item.skill, prompt=item.prompt, answer=item.answer,
        explanation=item.explanation, source=SourceRef(section=None), source_text=item.source_text,
        options=_options(item.options), left=_options(item.left_options), answer_forms=list(item.answer_forms or []),
        difficulty=item.difficulty, negative=item.negative, generator=item.generator or "",
    )


def _options(raw) -> list[Option]:
    if not isinstance(raw, list):
        return []
    return [Option(str(entry.get("id", "")), str(entry.get("text", ""))) for entry in raw if isinstance(entry, dict)]


def opaque_option_fields(item: Item) -> dict:
    """The item's options, left side and key with opaque ids (generation/option_ids.py), as fields."""
    draft = with_opaque_ids(as_draft(item))
    return {"options": [asdict(o) for o in draft.options], "left_options": [asdict(o) for o in draft.left],
            "answer": draft.answer}


def findings_of(item: Item) -> list[dict]:
    return [asdict(finding) for finding in check_item(as_draft(item))]


def shown_fields(draft: ItemDraft) -> dict:
    """The fields of an item a learner sees or is graded on, from a draft."""
    return {
        "kind": draft.kind, "prompt": draft.prompt, "options": [asdict(o) for o in draft.options],
        "left_options": [asdict(o) for o in draft.left], "answer": draft.answer, "explanation": draft.explanation,
    }


def leaks_among(items: list[Item]) -> list[Leak]:
    """The cross-item check for a quiz or practice session being assembled from stored items."""
    return cross_item_leaks([as_draft(item) for item in items])
