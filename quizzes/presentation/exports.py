"""A quiz set as a Moodle XML or GIFT file (its fixed items; random slots are drawn per attempt)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from quizzes.generation.interchange import to_gift, to_moodle_xml
from quizzes.models import QuizSet

FORMATS = {"moodle": ("xml", "application/xml", to_moodle_xml), "gift": ("txt", "text/plain", to_gift)}


@dataclass(frozen=True)
class ExportFile:
    content: str
    filename: str
    content_type: str


def export_items(quiz_set: QuizSet) -> list[dict]:
    entries = quiz_set.entries.select_related("item").order_by("position")
    return [
        {"kind": e.item.kind, "title": f"{quiz_set.title} {e.position}", "prompt": e.item.prompt,
         "options": e.item.options, "left": e.item.left_options, "answer": e.item.answer,
         "explanation": e.item.explanation}
        for e in entries if e.item_id
    ]


def quiz_set_export(*, quiz_set: QuizSet, fmt: str) -> ExportFile:
    extension, content_type, render = FORMATS[fmt]
    random_slots = quiz_set.entries.filter(item__isnull=True).count()
    content = render(export_items(quiz_set))
    if random_slots:
        note = f"{random_slots} random slot(s) not exported: they are drawn per attempt."
        content = f"// {note}\n{content}" if fmt == "gift" else content.replace(
            "<quiz>", f"<quiz>\n  <!-- {note} -->", 1)
    name = slugify(quiz_set.title, allow_unicode=True) or f"quiz-set-{quiz_set.pk}"
    return ExportFile(content, f"{name}.{extension}", f"{content_type}; charset=utf-8")
