"""Items in the JSON shape `generate_items --json` promises (README: "Item JSON")."""

from __future__ import annotations

from dataclasses import asdict

from quizzes.generation.records import ItemDraft
from quizzes.models import Item


def item_as_dict(item: Item) -> dict:
    event = {"year": item.event.year, "text": item.event.date_text} if item.event else None
    source = {
        "chapter": item.chapter.slug, "section": item.section.number if item.section else None,
        "term": item.term.number if item.term else None, "event": event,
        "goal_list": item.goal_list.position + 1 if item.goal_list else None,
    }
    return _shape(item.key, item.kind, item.skill, item.status, item.prompt, item.options, item.left_options,
                  item.answer, item.explanation, source) | {
        "difficulty": item.difficulty, "edited": item.edited, "version": item.version, "findings": item.findings,
        "generator": item.generator, "generator_version": item.generator_version,
    }


def draft_as_dict(draft: ItemDraft, *, status: str, chapter: str) -> dict:
    source = {"chapter": chapter, **asdict(draft.source)}
    return _shape(draft.key, draft.kind, draft.skill, status, draft.prompt, [asdict(o) for o in draft.options],
                  [asdict(o) for o in draft.left], draft.answer, draft.explanation, source) | {
        "difficulty": draft.difficulty, "generator": draft.generator, "generator_version": draft.generator_version,
    }


def _shape(key, kind, skill, status, prompt, options, left, answer, explanation, source) -> dict:
    shaped = {"key": key, "kind": kind, "skill": skill, "status": status, "prompt": prompt, "options": options,
              "answer": answer, "explanation": explanation, "source": source}
    if left:
        shaped["left"] = left
    return shaped
