"""Assigning a quiz set to a class, and starting an attempt at it within its rules."""

from __future__ import annotations

import random
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quizzes.accommodations import rules_for
from quizzes.models import Answer, Assignment, Attempt, Item, Membership, QuizSet, SchoolClass
from quizzes.selectors.bank import leaking_pairs, published_items
from quizzes.selectors.teaching import override_of

from .answering import attempt_close_if_expired
from .practice import attempt_add_slots


class AttemptRefused(ValueError):
    """Outside the dates, or no attempts left; the message says which."""


def assignment_create(*, quiz_set: QuizSet, school_class: SchoolClass, open_at: datetime,
                      close_at: datetime) -> Assignment:
    if quiz_set.owner_id != school_class.teacher_id:
        raise PermissionDenied(_("You can assign only your own sets to your own classes."))
    if close_at <= open_at:
        raise ValidationError({"close_at": _("The close date must come after the open date.")})
    if not quiz_set.entries.exists():
        raise ValidationError({"quiz_set": _("Add items to the set before assigning it.")})
    return Assignment.objects.create(quiz_set=quiz_set, school_class=school_class, open_at=open_at,
                                     close_at=close_at)


@transaction.atomic
def assignment_start(*, assignment: Assignment, student, now: datetime | None = None) -> Attempt:
    """The student's open attempt if there is one, else a new one — within the dates and the number
    of attempts allowed. Random slots draw items the student has not answered before, when they can."""
    now = now or timezone.now()
    quiz_set = assignment.quiz_set
    # Lock a row that always exists (the student's place in the class), so that two starts at once (a
    # double click) take turns: the second finds the attempt the first made.
    if Membership.objects.select_for_update().filter(school_class_id=assignment.school_class_id,
                                                      student=student).first() is None:
        raise AttemptRefused(_("You are not in this class."))
    attempts = list(Attempt.objects.select_for_update().filter(assignment=assignment, learner=student)
                    .order_by("number"))
    for attempt in attempts:
        attempt_close_if_expired(attempt=attempt, now=now)
    open_attempt = next((attempt for attempt in attempts if not attempt.is_finished), None)
    if open_attempt:
        return open_attempt
    rules = rules_for(assignment, override_of(assignment=assignment, student=student))
    if now < rules.open_at:
        raise AttemptRefused(_("This assignment opens on %(date)s.")
                             % {"date": timezone.localtime(rules.open_at).strftime("%Y-%m-%d %H:%M")})
    if now >= rules.close_at:
        raise AttemptRefused(_("This assignment closed on %(date)s.")
                             % {"date": timezone.localtime(rules.close_at).strftime("%Y-%m-%d %H:%M")})
    if rules.attempts_allowed and len(attempts) >= rules.attempts_allowed:
        raise AttemptRefused(_("You have used all %(n)d attempts allowed.") % {"n": rules.attempts_allowed})
    deadline = rules.deadline(now)
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(learner=student, mode=Attempt.Mode.ASSIGNMENT, assignment=assignment,
                                             number=len(attempts) + 1, deadline=deadline, closes_at=rules.own_close_at,
                                             started_at=now)
    except IntegrityError:  # without row locks (SQLite) a parallel start may still get in first: take its attempt
        return Attempt.objects.get(assignment=assignment, learner=student, number=len(attempts) + 1)
    items = assignment_draw_items(quiz_set=quiz_set, student=student, seed=f"{attempt.pk}")
    attempt_add_slots(attempt, items, shuffle_options=quiz_set.shuffle_options)
    return attempt


def assignment_draw_items(*, quiz_set: QuizSet, student, seed: str) -> list[Item]:
    """The set's fixed items, and for each random slot its count drawn (unseen items first)."""
    rng = random.Random(seed)
    entries = list(quiz_set.entries.select_related("item").order_by("position"))
    fixed = {entry.item_id for entry in entries if entry.item_id}
    seen = set(Answer.objects.filter(slot__attempt__learner=student).values_list("slot__item_id", flat=True))
    chosen: list[Item] = []
    for entry in entries:
        if entry.item_id:
            chosen.append(entry.item)
            continue
        taken = fixed | {item.pk for item in chosen}
        pool = list(published_items(chapter=entry.chapter, section=entry.section, skill=entry.skill,
                                    kind=entry.kind, owner=quiz_set.owner, reader=quiz_set.owner)
                    .exclude(pk__in=taken))
        rng.shuffle(pool)
        pool.sort(key=lambda item: item.pk in seen)  # unseen first, in the shuffled order
        chosen += _drawn_without_leaks(pool, entry.count, taken)
    if quiz_set.shuffle_items:
        rng.shuffle(chosen)
    return chosen


def _drawn_without_leaks(pool: list[Item], count: int, taken: set[int]) -> list[Item]:
    """``count`` items of the pool in its order, passing over any that would give away (or be given
    away by) an item already in the attempt or drawn before it; those fill up only when nothing else
    is left, as the teacher asked for ``count``. Only the head of the pool is looked at (one query of
    bounded size, whatever the bank's)."""
    pool = pool[:count * 4 + 20]
    clashes = leaking_pairs(item_ids=[item.pk for item in pool] + list(taken))
    drawn, held_back, present = [], [], set(taken)
    for item in pool:
        if len(drawn) == count:
            break
        if clashes.get(item.pk, set()) & present:
            held_back.append(item)
            continue
        drawn.append(item)
        present.add(item.pk)
    return drawn + held_back[:count - len(drawn)]
