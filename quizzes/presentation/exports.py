"""A quiz set as a Moodle XML or GIFT file, or a QTI 3.0 package (its fixed items; random slots are
drawn per attempt)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.utils.text import slugify

from quizzes.generation.interchange import to_gift, to_moodle_xml
from quizzes.generation.qti import qti_package
from quizzes.models import QuizSet


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    filename: str
    content_type: str


def _note(random_slots: int) -> str:
    return f"{random_slots} random slot(s) not exported: they are drawn per attempt."


def _moodle(quiz_set, items, random_slots) -> bytes:
    content = to_moodle_xml(items)
    if random_slots:
        content = content.replace("<quiz>", f"<quiz>\n  <!-- {_note(random_slots)} -->", 1)
    return content.encode()


def _gift(quiz_set, items, random_slots) -> bytes:
    content = to_gift(items)
    return (f"// {_note(random_slots)}\n{content}" if random_slots else content).encode()


def _qti(quiz_set, items, random_slots) -> bytes:
    files = qti_package(title=quiz_set.title, identifier=f"civiclearn-set-{quiz_set.pk}", items=items)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", files.pop("imsmanifest.xml"))  # first, as packages put it
        for path, data in files.items():
            archive.writestr(path, data)
    return buffer.getvalue()


# format → (file extension, content type, writer)
FORMATS = {"moodle": ("xml", "application/xml; charset=utf-8", _moodle),
           "gift": ("txt", "text/plain; charset=utf-8", _gift),
           "qti": ("zip", "application/zip", _qti)}


def export_items(quiz_set: QuizSet) -> list[dict]:
    entries = quiz_set.entries.select_related("item").order_by("position")
    return [
        {"kind": e.item.kind, "title": f"{quiz_set.title} {e.position}", "prompt": e.item.prompt,
         "options": e.item.options, "left": e.item.left_options, "answer": e.item.answer,
         "explanation": e.item.explanation}
        for e in entries if e.item_id
    ]


def quiz_set_export(*, quiz_set: QuizSet, fmt: str) -> ExportFile:
    extension, content_type, write = FORMATS[fmt]
    random_slots = quiz_set.entries.filter(item__isnull=True).count()
    content = write(quiz_set, export_items(quiz_set), random_slots)
    name = slugify(quiz_set.title, allow_unicode=True) or f"quiz-set-{quiz_set.pk}"
    suffix = "-qti3" if fmt == "qti" else ""
    return ExportFile(content, f"{name}{suffix}.{extension}", content_type)
