"""What reviewers do to items: edit (a new version), publish, retire."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from content.revision_memory import forget
from quizzes.drafts import SHOWN_FIELDS, findings_of, opaque_option_fields
from quizzes.models import Item, ItemVersion

from .item_generation import version_of
from .item_leaks import item_leaks_refresh

EDITABLE_FIELDS = (*SHOWN_FIELDS, "answer_forms", "negative", "difficulty", "source_text")


@transaction.atomic
def item_edit(*, item: Item, changes: dict, user=None) -> Item:
    """Apply a person's changes: re-checked, kept as a new version, never overwritten by regeneration.

    A flawed edit is saved (nothing a person wrote is lost) but the item goes back to draft.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(item, name, value)
    item.findings = findings_of(item)
    if not item.findings and {"options", "left_options", "answer"} & set(changes):
        for name, value in opaque_option_fields(item).items():
            setattr(item, name, value)
    if item.findings and item.status == Item.Status.PUBLISHED:
        item.status = Item.Status.DRAFT
    item.edited, item.source_changed = True, False
    if any(name in SHOWN_FIELDS for name in changes):
        item.version += 1
        version_of(item, origin=ItemVersion.Origin.EDITED, user=user).save()
    item.save()
    item_leaks_refresh(item_ids=[item.pk])
    forget()  # the dashboards' marker of the bank (quizzes/selectors/dashboard_marker.py)
    return item


@transaction.atomic
def items_publish(*, items) -> tuple[int, list[Item]]:
    """Publish the clean items; flawed ones are refused and returned so the reviewer sees why."""
    refused, published = [], 0
    for item in items:
        item.findings = findings_of(item)
        if item.findings:
            refused.append(item)
            Item.objects.filter(pk=item.pk).update(findings=item.findings)
            continue
        published += _set_status(item, Item.Status.PUBLISHED)
    return published, refused


@transaction.atomic
def items_share(*, items) -> int:
    """Share teachers' own items with the public bank (practice, reviews, every teacher's builder)."""
    forget()  # the dashboards' marker of the bank (quizzes/selectors/dashboard_marker.py)
    return Item.objects.filter(pk__in=[item.pk for item in items], author__isnull=False, shared=False).update(
        shared=True, updated_at=timezone.now())


@transaction.atomic
def items_retire(*, items) -> int:
    return sum(_set_status(item, Item.Status.RETIRED) for item in items)


def _set_status(item: Item, status: str) -> int:
    changed = Item.objects.filter(pk=item.pk).update(status=status, status_set_by_person=True, findings=item.findings,
                                                     updated_at=timezone.now())
    forget()  # the dashboards' marker of the bank (quizzes/selectors/dashboard_marker.py)
    item.status, item.status_set_by_person = status, True
    return changed
