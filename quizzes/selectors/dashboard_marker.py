"""What a learner's dashboard is made of, as a marker that changes whenever what it shows may have
changed: a kept dashboard is found by it (quizzes/views/learning.py), so a change makes a new key and no
kept copy can show what is no longer so. What time alone changes is the kept copy's horizon
(quizzes/horizon.py), not the marker's.

It also counts the learner's answers whose reviews wait, so that a view with none (most) does not ask
again. Two parts:
- the learner's own rows, in one statement of small aggregates, each over an index: cards (reviewed,
  due), day and missed-item summaries (every answer counts in them), attempts (started, finished,
  closed), classes joined, the assignments of those classes and of the learner's attempts (a class
  left keeps its attempts on the page) with their sets and classes (made, edited), the overrides;
- what every dashboard is worked out over, the items (published, made, edited) and chapters (made,
  revised, made public): the same for every learner and a scan of the bank, so each worker remembers
  it for REVISION_MEMORY_SECONDS (content/revision_memory.py). A change through this worker forgets
  it (raising a revision; the item services), one through another shows within that moment.

An edit that changes no count is seen by its ``updated_at``, so app servers' clocks must agree (NTP);
DASHBOARD_KEPT_SECONDS bounds what a clock running behind could hide. The day's mastery rows
(models.MasteryDay) are not in the marker: only the dashboard writes them, from what the marker covers,
when it renders afresh. Written as SQL, as quizzes/selectors/teaching.results_marker is: one round trip
where the ORM made seven.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from django.db import connection

from content.models import Chapter
from content.revision_memory import remembered
from quizzes.models import (
    Answer,
    AnswerDay,
    Assignment,
    AssignmentOverride,
    Attempt,
    Item,
    Membership,
    MissedItem,
    QuizSet,
    ReviewCard,
    SchoolClass,
)


class DashboardMarker(NamedTuple):
    pending: int  # the learner's answers whose reviews wait (quizzes/services/reviews.py): none, most views
    key: tuple


def dashboard_marker(*, learner_id: int) -> DashboardMarker:
    with connection.cursor() as cursor:
        cursor.execute(_learner_sql(), [learner_id] * 9)
        pending, *rest = cursor.fetchone()
    return DashboardMarker(pending, (*map(str, rest), *content_marker()))


def content_marker() -> tuple:
    """The items' and chapters' part: the same for every learner, so remembered for a moment."""
    return remembered(("dashboard-content",), _content_now)


def _content_now() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(_content_sql(), [Item.Status.PUBLISHED] * 2)
        return tuple(map(str, cursor.fetchone()))


@cache
def _learner_sql() -> str:
    answer, card, day, missed, attempt, membership, assignment, quiz_set, school_class, override = (
        model._meta.db_table for model in (Answer, ReviewCard, AnswerDay, MissedItem, Attempt, Membership,
                                           Assignment, QuizSet, SchoolClass, AssignmentOverride))
    right = connection.ops.quote_name("right")
    return f"""
        SELECT p.n, c.n, c.reviews, c.reviewed, c.first_due, c.last_due, d.n, d.answered, d.right_, m.n, m.missed,
               t.n, t.newest, t.finished, t.last_finished, t.deadline, t.closes, r.n, r.newest,
               g.n, g.newest, g.changed, g.set_changed, g.class_changed, o.n, o.changed
        FROM (SELECT COUNT(*) AS n FROM {answer} WHERE learner_id = %s AND review_pending) p,
             (SELECT COUNT(*) AS n, SUM(reviews) AS reviews, MAX(last_review) AS reviewed, MIN(due) AS first_due,
                     MAX(due) AS last_due
              FROM {card} WHERE learner_id = %s) c,
             (SELECT COUNT(*) AS n, SUM(answered) AS answered, SUM({right}) AS right_
              FROM {day} WHERE learner_id = %s) d,
             (SELECT COUNT(*) AS n, SUM(missed) AS missed FROM {missed} WHERE learner_id = %s) m,
             (SELECT COUNT(*) AS n, MAX(id) AS newest, COUNT(finished_at) AS finished,
                     MAX(finished_at) AS last_finished, MAX(deadline) AS deadline, MAX(closes_at) AS closes
              FROM {attempt} WHERE learner_id = %s) t,
             (SELECT COUNT(*) AS n, MAX(id) AS newest FROM {membership} WHERE student_id = %s) r,
             (SELECT COUNT(*) AS n, MAX(g.id) AS newest, MAX(g.updated_at) AS changed,
                     MAX(q.updated_at) AS set_changed, MAX(k.updated_at) AS class_changed
              FROM {assignment} g JOIN {quiz_set} q ON q.id = g.quiz_set_id
              JOIN {school_class} k ON k.id = g.school_class_id
              WHERE g.school_class_id IN (SELECT school_class_id FROM {membership} WHERE student_id = %s)
                 OR g.id IN (SELECT assignment_id FROM {attempt} WHERE learner_id = %s)) g,
             (SELECT COUNT(*) AS n, MAX(updated_at) AS changed FROM {override} WHERE student_id = %s) o"""


@cache
def _content_sql() -> str:
    item, chapter = Item._meta.db_table, Chapter._meta.db_table
    return f"""
        SELECT i.n, i.published, i.published_ids, i.newest, i.changed, h.n, h.newest, h.revisions, h.opened,
               h.changed
        FROM (SELECT COUNT(*) AS n, SUM(CASE WHEN status = %s THEN 1 ELSE 0 END) AS published,
                     SUM(CASE WHEN status = %s THEN id ELSE 0 END) AS published_ids, MAX(id) AS newest,
                     MAX(updated_at) AS changed
              FROM {item}) i,
             (SELECT COUNT(*) AS n, MAX(id) AS newest, SUM(revision) AS revisions,
                     SUM(CASE WHEN is_public THEN id ELSE 0 END) AS opened, MAX(updated_at) AS changed
              FROM {chapter}) h"""
