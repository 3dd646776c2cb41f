"""A teacher's questions brought from Moodle (Moodle XML) into their own bank and a quiz set: each
read question is checked like an item the teacher writes (quiz_sets.item_write); one already in their
bank is added to the set again rather than copied; the rest of the file is reported, never lost."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from content.models import Chapter
from quizzes.generation.moodle_reader import PassedOver, ReadQuestion, read_moodle_xml
from quizzes.models import Item, QuizSet

from .quiz_sets import entry_add_item, item_write


@dataclass
class MoodleImportReport:
    added: list[Item] = field(default_factory=list)  # new items, in the set now
    reused: list[Item] = field(default_factory=list)  # already in the teacher's bank (and now in the set)
    refused: list[tuple[ReadQuestion, list[str]]] = field(default_factory=list)  # the checker's reasons
    passed_over: list[PassedOver] = field(default_factory=list)  # what Moodle has and the bank does not
    dry_run: bool = False


def moodle_items_import(*, author, quiz_set: QuizSet, chapter: Chapter, skill: str, text: str,
                        dry_run: bool = False) -> MoodleImportReport:
    """Raises MoodleFileError (with its line) for a file that cannot be read; nothing is written then,
    nor on a dry run."""
    read = read_moodle_xml(text)
    report = MoodleImportReport(passed_over=read.passed_over, dry_run=dry_run)
    with transaction.atomic():
        in_set = set(quiz_set.entries.values_list("item_id", flat=True))
        own = list(Item.objects.filter(author=author, chapter=chapter, status=Item.Status.PUBLISHED))
        for question in read.items:
            existing = next((item for item in own if _same(item, question.item)), None)
            if existing is not None:
                if existing.pk not in in_set:
                    entry_add_item(quiz_set=quiz_set, item=existing)
                    in_set.add(existing.pk)
                report.reused.append(existing)
                continue
            try:
                with transaction.atomic():
                    item = _written(author, quiz_set, chapter, skill, question.item)
            except ValidationError as refusal:
                report.refused.append((question, refusal.messages))
                continue
            own.append(item)
            in_set.add(item.pk)
            report.added.append(item)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _written(author, quiz_set, chapter, skill, read: dict) -> Item:
    return item_write(author=author, quiz_set=quiz_set, chapter=chapter, section=None, kind=read["kind"],
                      skill=skill, prompt=read["prompt"], options=read["options"], left_options=read["left"],
                      answer=read["answer"], explanation=read["explanation"])


def _same(item: Item, read: dict) -> bool:
    """The same question: kind, prompt, and the same key in words (option ids are the bank's own)."""
    return (item.kind == read["kind"] and item.prompt == read["prompt"]
            and _in_words(item.kind, item.options, item.left_options, item.answer)
            == _in_words(read["kind"], read["options"], read["left"], read["answer"]))


def _in_words(kind: str, options: list[dict], left: list[dict], answer) -> tuple:
    texts = {option["id"]: option["text"] for option in options}
    lefts = {entry["id"]: entry["text"] for entry in left}
    every = tuple(sorted(texts.values()))
    if kind == Item.Kind.MATCHING:
        return every, tuple(sorted((lefts.get(key), texts.get(value)) for key, value in answer.items()))
    if isinstance(answer, list) and kind != Item.Kind.SHORT_ANSWER:
        return every, tuple(sorted(texts.get(key, key) for key in answer))
    if isinstance(answer, str) and answer in texts:
        return every, texts[answer]
    return every, tuple(answer) if isinstance(answer, list) else answer
