"""An item's answer must fit its kind and options before any other rule can judge it."""

from __future__ import annotations

from ..kinds import Kind
from ..records import ItemDraft
from .findings import Finding

MAX_OPTIONS = 12
MAX_PROMPT = 2000
MAX_OPTION_TEXT = 500


# What is wrong, by code (the interface words each one in its language: quizzes/messages.py).
PROBLEMS = {
    "too_many_options": f"An item has at most {MAX_OPTIONS} options on each side.",
    "too_long": f"A prompt has at most {MAX_PROMPT} characters and an option at most {MAX_OPTION_TEXT}.",
    "ids_repeat": "Option ids repeat.",
    "empty_prompt": "The prompt is empty.",
    "unknown_kind": "The kind of item is unknown.",
    "too_few_choices": "A choice item needs at least two options.",
    "key_not_an_option": "The key is not one of the options.",
    "too_few_for_multiple": "A multiple-response item needs three options or more and at least one key.",
    "keys_not_options": "Every key must be one of the options, once.",
    "not_true_or_false": "A true/false key is true or false.",
    "too_few_to_order": "An ordering item needs three options or more.",
    "order_incomplete": "The order must list every option once.",
    "matching_sides": "A matching item needs a left side and at least as many options.",
    "matching_incomplete": "Each left entry must match a different option.",
    "no_accepted_answer": "A short-answer item needs at least one accepted answer.",
}


def malformed(item: ItemDraft) -> list[Finding]:
    problem = _problem(item)
    return [Finding("malformed", PROBLEMS[problem], {"problem": problem})] if problem else []


def _problem(item: ItemDraft) -> str | None:
    if len(item.options) > MAX_OPTIONS or len(item.left) > MAX_OPTIONS:
        return "too_many_options"
    if len(item.prompt) > MAX_PROMPT or any(len(o.text) > MAX_OPTION_TEXT for o in [*item.options, *item.left]):
        return "too_long"
    ids = [option.id for option in item.options]
    if len(set(ids)) != len(ids):
        return "ids_repeat"
    if not item.prompt.strip():
        return "empty_prompt"
    check = _CHECKS.get(item.kind)
    return check(item, ids) if check else "unknown_kind"


def _single(item: ItemDraft, ids: list[str]) -> str | None:
    if len(ids) < 2:
        return "too_few_choices"
    return None if item.answer in ids else "key_not_an_option"


def _multiple(item: ItemDraft, ids: list[str]) -> str | None:
    answer = item.answer
    if len(ids) < 3 or not isinstance(answer, list) or not answer:
        return "too_few_for_multiple"
    if len(set(answer)) != len(answer) or not set(answer) <= set(ids):
        return "keys_not_options"
    return None


def _true_false(item: ItemDraft, ids: list[str]) -> str | None:
    return None if isinstance(item.answer, bool) else "not_true_or_false"


def _ordering(item: ItemDraft, ids: list[str]) -> str | None:
    if len(ids) < 3:
        return "too_few_to_order"
    answer = item.answer
    if isinstance(answer, list) and sorted(answer) == sorted(ids):
        return None
    return "order_incomplete"


def _matching(item: ItemDraft, ids: list[str]) -> str | None:
    left = [option.id for option in item.left]
    answer = item.answer
    if not 2 <= len(left) <= len(ids) or not isinstance(answer, dict):
        return "matching_sides"
    matched = list(answer.values())
    if sorted(answer) != sorted(left) or len(set(matched)) != len(matched) or not set(matched) <= set(ids):
        return "matching_incomplete"
    return None


def _short_answer(item: ItemDraft, ids: list[str]) -> str | None:
    answer = item.answer
    if not isinstance(answer, list) or not answer or not all(isinstance(a, str) and a.strip() for a in answer):
        return "no_accepted_answer"
    return None


_CHECKS = {
    Kind.SINGLE_CHOICE: _single, Kind.CLOZE: _single, Kind.MULTIPLE_RESPONSE: _multiple, Kind.TRUE_FALSE: _true_false,
    Kind.ORDERING: _ordering, Kind.MATCHING: _matching, Kind.SHORT_ANSWER: _short_answer,
}
