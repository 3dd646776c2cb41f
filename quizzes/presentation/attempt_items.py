"""An attempt's item arranged for a page or a payload: options in the attempt's order, and after
answering, the key and the learner's response in words."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from quizzes.generation.kinds import SINGLE_KEY_KINDS, Kind
from quizzes.models import AttemptItem

OPTION_LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class ShownItem:
    slot: AttemptItem
    options: list[dict]  # in the order this attempt shows them
    left: list[dict]
    answered: bool
    revealed: bool = False  # the key and explanation may be shown (answered, and the set's feedback rule allows)
    key_lines: list[str] = field(default_factory=list)
    response_lines: list[str] = field(default_factory=list)
    source_url: str = ""


def shown_item(slot: AttemptItem, *, reveal: bool = True) -> ShownItem:
    version = slot.version
    by_id = {option["id"]: option for option in version.options}
    ordered = [by_id[option_id] for option_id in slot.option_order if option_id in by_id] or list(version.options)
    # one label per option, the same wherever the page names it (the list and a matching drop-down)
    options = [{**option, "label": OPTION_LABELS[index % len(OPTION_LABELS)]} for index, option in enumerate(ordered)]
    answer = getattr(slot, "answer", None) if _has_answer(slot) else None
    shown = ShownItem(slot=slot, options=options, left=list(version.left_options), answered=answer is not None)
    if answer is not None:
        shown.response_lines = describe(version.kind, answer.response, by_id, version.left_options)
    if answer is not None and reveal:
        shown.revealed = True
        shown.key_lines = describe(version.kind, version.answer, by_id, version.left_options)
        shown.source_url = source_url(slot)
    return shown


def _has_answer(slot: AttemptItem) -> bool:
    try:
        return slot.answer is not None
    except AttemptItem.answer.RelatedObjectDoesNotExist:
        return False


def describe(kind: str, value, by_id: dict, left: list[dict]) -> list[str]:
    """A key or a response in words, one line per part."""
    text = {option_id: option["text"] for option_id, option in by_id.items()}
    if kind in SINGLE_KEY_KINDS:
        return [text.get(value, str(value))]
    if kind in (Kind.MULTIPLE_RESPONSE, Kind.ORDERING):
        return [text.get(option_id, str(option_id)) for option_id in value] or [_("(nothing chosen)")]
    if kind == Kind.TRUE_FALSE:
        return [_("True") if value else _("False")]
    if kind == Kind.MATCHING:
        names = {entry["id"]: entry["text"] for entry in left}
        return [f"{names.get(left_id, left_id)} → {text.get(right_id, right_id)}"
                for left_id, right_id in value.items()]
    return [value[0]] if isinstance(value, list) else [str(value)]


def source_url(slot: AttemptItem) -> str:
    item = slot.item
    if not item.section_id:
        return ""
    url = reverse("content:section", kwargs={"slug": item.chapter.slug, "number": item.section.number})
    return f"{url}#{item.paragraph.anchor}" if item.paragraph_id else url
