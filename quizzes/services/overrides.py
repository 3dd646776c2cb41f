"""A teacher gives one student their own rules for an assignment — more time, another attempt, other
dates (quizzes/accommodations.py) — or takes them back. The student's attempts follow at once: an
open attempt's deadline and every attempt's own close date (which decides when feedback shows after
the close) are worked out again from the new rules."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quizzes.accommodations import Rules, rules_for
from quizzes.models import Assignment, AssignmentOverride, Attempt, Membership

FIELDS = ("open_at", "close_at", "time_limit_minutes", "attempts_allowed")


@transaction.atomic
def override_set(*, teacher, assignment: Assignment, student, open_at: datetime | None = None,
                 close_at: datetime | None = None, time_limit_minutes: int | None = None,
                 attempts_allowed: int | None = None, note: str = "") -> AssignmentOverride:
    """The student's override of the assignment, made or replaced (a field left None keeps the
    assignment's or the set's rule)."""
    _check_owner(teacher, assignment)
    if not Membership.objects.filter(school_class_id=assignment.school_class_id, student=student).exists():
        raise ValidationError({"student": _("This student is not in the class the set is assigned to.")})
    values = {"open_at": open_at, "close_at": close_at, "time_limit_minutes": time_limit_minutes,
              "attempts_allowed": attempts_allowed}
    if all(value is None for value in values.values()):
        raise ValidationError(_("Change at least one rule: the dates, the time limit or the attempts."))
    override = AssignmentOverride(assignment=assignment, student=student, note=note, **values)
    rules = rules_for(assignment, override)
    if rules.close_at <= rules.open_at:
        raise ValidationError({"close_at": _("The close date must come after the open date.")})
    override, _created = AssignmentOverride.objects.update_or_create(
        assignment=assignment, student=student, defaults={**values, "note": note})
    _attempts_follow(assignment, student, rules)
    return override


@transaction.atomic
def override_remove(*, teacher, override: AssignmentOverride) -> None:
    """The student is held to the assignment's and the set's rules again."""
    assignment = override.assignment
    _check_owner(teacher, assignment)
    student = override.student
    override.delete()
    _attempts_follow(assignment, student, rules_for(assignment))


def _check_owner(teacher, assignment: Assignment) -> None:
    if assignment.quiz_set.owner_id != teacher.pk:
        raise PermissionDenied(_("Only the set's teacher changes its rules."))


def _attempts_follow(assignment: Assignment, student, rules: Rules) -> None:
    attempts = Attempt.objects.select_for_update().filter(assignment=assignment, learner=student)
    for attempt in attempts:
        attempt.closes_at = rules.own_close_at
        if not attempt.is_finished:
            attempt.deadline = rules.deadline(attempt.started_at)
        attempt.save(update_fields=["closes_at", "deadline"])
