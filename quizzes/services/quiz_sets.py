"""Building a quiz set: items from the bank, random slots, items of the teacher's own; order."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from content.audience import may_read
from content.models import Chapter, Section
from content.revision_memory import forget
from quizzes.drafts import findings_of, opaque_option_fields
from quizzes.messages import finding_text
from quizzes.models import Item, ItemVersion, QuizSet, QuizSetEntry
from quizzes.selectors.bank import published_items

from .item_generation import version_of
from .item_leaks import item_leaks_refresh

SETTINGS = ("title", "instructions", "time_limit_minutes", "attempts_allowed", "grading", "shuffle_items",
            "shuffle_options", "feedback")
MAX_RANDOM = 50


def quiz_set_create(*, owner, title: str, **settings) -> QuizSet:
    return QuizSet.objects.create(owner=owner, title=title, **settings)


def quiz_set_update(*, quiz_set: QuizSet, **settings) -> QuizSet:
    unknown = set(settings) - set(SETTINGS)
    if unknown:
        raise ValueError(f"Not a setting: {', '.join(sorted(unknown))}")
    for name, value in settings.items():
        setattr(quiz_set, name, value)
    quiz_set.full_clean()
    quiz_set.save()
    return quiz_set


def _next_position(quiz_set: QuizSet) -> int:
    return (quiz_set.entries.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def entry_add_item(*, quiz_set: QuizSet, item: Item) -> QuizSetEntry:
    if item.status != Item.Status.PUBLISHED:
        raise ValidationError({"item": _("Only published items can be added.")})
    if item.author_id not in (None, quiz_set.owner_id) and not item.shared:
        raise ValidationError({"item": _("This item is another teacher's own; it is not in the bank.")})
    if not may_read(quiz_set.owner, item.chapter):
        raise ValidationError({"item": _("This item's chapter is another teacher's own; it is not in the bank.")})
    if quiz_set.entries.filter(item=item).exists():
        raise ValidationError({"item": _("This item is already in the set.")})
    return QuizSetEntry.objects.create(quiz_set=quiz_set, position=_next_position(quiz_set), item=item)


@transaction.atomic
def entry_add_random(*, quiz_set: QuizSet, count: int, chapter: Chapter | None = None,
                     section: Section | None = None, skill: str = "", kind: str = "") -> QuizSetEntry:
    """A slot that draws ``count`` items per attempt from the published items matching the filter."""
    if not 1 <= count <= MAX_RANDOM:
        raise ValidationError({"count": _("Draw between 1 and %(max)d items.") % {"max": MAX_RANDOM}})
    if chapter is not None and not may_read(quiz_set.owner, chapter):
        raise ValidationError({"chapter": _("This chapter is not one you may use.")})
    available = published_items(chapter=chapter, section=section, skill=skill, kind=kind,
                                owner=quiz_set.owner, reader=quiz_set.owner).count()
    if available < count:
        raise ValidationError({"count": _("Only %(n)d published items match this filter.") % {"n": available}})
    return QuizSetEntry.objects.create(quiz_set=quiz_set, position=_next_position(quiz_set), count=count,
                                       chapter=chapter, section=section, skill=skill, kind=kind)


@transaction.atomic
def entry_remove(*, entry: QuizSetEntry) -> None:
    quiz_set = entry.quiz_set
    entry.delete()
    _renumber(quiz_set)


@transaction.atomic
def entry_move(*, entry: QuizSetEntry, offset: int) -> None:
    """Move up (−1) or down (+1) by swapping places with the neighbour; at an end nothing moves."""
    neighbour = entry.quiz_set.entries.filter(position=entry.position + offset).first()
    if neighbour is None:
        return
    mine, theirs = entry.position, neighbour.position
    QuizSetEntry.objects.filter(pk=entry.pk).update(position=0)  # free the place (positions start at 1)
    QuizSetEntry.objects.filter(pk=neighbour.pk).update(position=mine)
    QuizSetEntry.objects.filter(pk=entry.pk).update(position=theirs)


def _renumber(quiz_set: QuizSet) -> None:
    for index, entry in enumerate(quiz_set.entries.order_by("position"), start=1):
        if entry.position != index:
            QuizSetEntry.objects.filter(pk=entry.pk).update(position=index)


@transaction.atomic
def item_write(*, author, quiz_set: QuizSet | None = None, chapter: Chapter, section: Section | None, kind: str,
               skill: str, prompt: str, options: list, answer, explanation: str, left_options=None,
               answer_forms=None) -> Item:
    """A teacher's own item: checked like a generated one; a flawed item is refused with the reasons."""
    if not may_read(author, chapter):
        raise ValidationError({"chapter": _("This chapter is not one you may use.")})
    item = Item(
        key=f"teacher:{author.pk}:{uuid.uuid4().hex[:12]}", chapter=chapter, section=section, kind=kind,
        skill=skill, prompt=prompt, options=options, left_options=left_options or [], answer=answer,
        explanation=explanation, answer_forms=answer_forms or [], author=author, edited=True,
        source_text=_("Written by %(name)s") % {"name": author}, status=Item.Status.PUBLISHED, generator="teacher",
    )
    findings = findings_of(item)
    if findings:
        raise ValidationError([finding_text(finding) for finding in findings])
    for name, value in opaque_option_fields(item).items():  # written in order, the ids would give the key away
        setattr(item, name, value)
    item.save()
    version_of(item, origin=ItemVersion.Origin.EDITED, user=author).save()
    item_leaks_refresh(item_ids=[item.pk])
    forget()  # the dashboards' marker of the bank (quizzes/selectors/dashboard_marker.py)
    if quiz_set is not None:
        entry_add_item(quiz_set=quiz_set, item=item)
    return item
