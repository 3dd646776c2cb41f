"""An item's answer must fit its kind and options before any other rule can judge it."""

from __future__ import annotations

from ..kinds import Kind
from ..records import ItemDraft
from .findings import Finding

MAX_OPTIONS = 12
MAX_PROMPT = 2000
MAX_OPTION_TEXT = 500


def malformed(item: ItemDraft) -> list[Finding]:
    problem = _problem(item)
    return [Finding("malformed", problem)] if problem else []


def _problem(item: ItemDraft) -> str | None:
    if len(item.options) > MAX_OPTIONS or len(item.left) > MAX_OPTIONS:
        return f"An item has at most {MAX_OPTIONS} options on each side."
    if len(item.prompt) > MAX_PROMPT or any(len(o.text) > MAX_OPTION_TEXT for o in [*item.options, *item.left]):
        return f"A prompt has at most {MAX_PROMPT} characters and an option at most {MAX_OPTION_TEXT}."
    ids = [option.id for option in item.options]
    if len(set(ids)) != len(ids):
        return "Option ids repeat."
    if not item.prompt.strip():
        return "The prompt is empty."
    check = _CHECKS.get(item.kind)
    return check(item, ids) if check else f"Unknown kind「{item.kind}」."


def _single(item: ItemDraft, ids: list[str]) -> str | None:
    if len(ids) < 2:
        return "A choice item needs at least two options."
    return None if item.answer in ids else "The key is not one of the options."


def _multiple(item: ItemDraft, ids: list[str]) -> str | None:
    answer = item.answer
    if len(ids) < 3 or not isinstance(answer, list) or not answer:
        return "A multiple-response item needs three options or more and at least one key."
    if len(set(answer)) != len(answer) or not set(answer) <= set(ids):
        return "Every key must be one of the options, once."
    return None


def _true_false(item: ItemDraft, ids: list[str]) -> str | None:
    return None if isinstance(item.answer, bool) else "A true/false key is true or false."


def _ordering(item: ItemDraft, ids: list[str]) -> str | None:
    if len(ids) < 3:
        return "An ordering item needs three options or more."
    answer = item.answer
    if isinstance(answer, list) and sorted(answer) == sorted(ids):
        return None
    return "The order must list every option once."


def _matching(item: ItemDraft, ids: list[str]) -> str | None:
    left = [option.id for option in item.left]
    answer = item.answer
    if not 2 <= len(left) <= len(ids) or not isinstance(answer, dict):
        return "A matching item needs a left side and at least as many options."
    matched = list(answer.values())
    if sorted(answer) != sorted(left) or len(set(matched)) != len(matched) or not set(matched) <= set(ids):
        return "Each left entry must match a different option."
    return None


def _short_answer(item: ItemDraft, ids: list[str]) -> str | None:
    answer = item.answer
    if not isinstance(answer, list) or not answer or not all(isinstance(a, str) and a.strip() for a in answer):
        return "A short-answer item needs at least one accepted answer."
    return None


_CHECKS = {
    Kind.SINGLE_CHOICE: _single, Kind.CLOZE: _single, Kind.MULTIPLE_RESPONSE: _multiple, Kind.TRUE_FALSE: _true_false,
    Kind.ORDERING: _ordering, Kind.MATCHING: _matching, Kind.SHORT_ANSWER: _short_answer,
}
