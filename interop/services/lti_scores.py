"""Grades back to the LMS (LTI Assignment and Grade Services): each graded attempt under a placed
link owes the platform one score, the learner's grade by the set's grading rule once that attempt
counts. The debt is a row (ScoreSend, one per attempt) written in the transaction that finishes the
attempt; a worker sends it when the set's feedback rule lets the learner see it, and retries with a
growing wait when the platform fails.

Never twice: a worker claims a row (waiting → sending) in one UPDATE, so two workers never send the
same one; sent rows are never sent again. A worker killed between the platform's answer and the
row's update leaves it "sending": after CLAIM_TIMEOUT it is sent again, with the same timestamp,
which AGS platforms take as the same score (a platform keeps the score with the latest timestamp).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from lti_tool.models import LtiUser
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException, LtiServiceException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector
from requests import RequestException

from interop.lti_config import tool_key
from interop.models import LtiAssignmentLink, ScoreSend
from quizzes.models import Attempt, QuizSet
from quizzes.release import closes_at
from quizzes.selectors.teaching import grade_of

logger = logging.getLogger(__name__)

SCORE_MAXIMUM = 100.0
MAX_TRIES = 10
CLAIM_TIMEOUT = timedelta(minutes=10)
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


def score_owed(*, attempt: Attempt) -> ScoreSend | None:
    """Record the score a finished attempt owes its LMS, if it was taken under a placed link that may
    take scores and its learner came from that platform. Called in the finishing transaction."""
    if attempt.assignment_id is None:
        return None
    link = (LtiAssignmentLink.objects.filter(assignment_id=attempt.assignment_id, can_publish_scores=True)
            .exclude(lineitem_url="").select_related("resource_link__context__deployment").first())
    if link is None:
        return None
    registration_id = link.resource_link.context.deployment.registration_id
    lti_user = LtiUser.objects.filter(registration_id=registration_id, auth_user_id=attempt.learner_id).first()
    if lti_user is None:
        return None
    send, _created = ScoreSend.objects.get_or_create(
        attempt=attempt, defaults={"link": link, "lti_user": lti_user, "send_after": _release_time(attempt)})
    return send


def _release_time(attempt: Attempt) -> datetime:
    """A score is a result: it goes to the platform (where the learner sees it) when the set's
    feedback rule shows it here, and not before."""
    if attempt.assignment.quiz_set.feedback == QuizSet.Feedback.AFTER_CLOSE:
        return max(closes_at(attempt), attempt.finished_at)
    return attempt.finished_at


def _claimable(now: datetime) -> Q:
    """Due and in no worker's hands: waiting for a time now past, or claimed by a worker long gone."""
    return Q(status=ScoreSend.Status.WAITING, send_after__lte=now) | Q(
        status=ScoreSend.Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)


def scores_due(now: datetime | None = None) -> list[int]:
    due = ScoreSend.objects.filter(_claimable(now or timezone.now())).order_by("send_after")
    return list(due.values_list("pk", flat=True)[:500])


def next_send_time() -> datetime | None:
    """When the next waiting score is due (None when none waits)."""
    first = ScoreSend.objects.filter(status=ScoreSend.Status.WAITING).order_by("send_after").first()
    return first.send_after if first else None


def scores_send(now: datetime | None = None) -> dict[str, int]:
    """Send every score that is due; how many went, failed for now, and failed for good."""
    counts = {"sent": 0, "retry": 0, "failed": 0}
    for pk in scores_due(now):
        outcome = score_send(pk, now=now)
        if outcome:
            counts[outcome] += 1
    return counts


def score_send(pk: int, *, now: datetime | None = None) -> str | None:
    """Send one score if no other worker has it; "sent", "retry" or "failed", None if not claimed."""
    now = now or timezone.now()
    if not ScoreSend.objects.filter(_claimable(now), pk=pk).update(status=ScoreSend.Status.SENDING, claimed_at=now):
        return None
    send = ScoreSend.objects.select_related("attempt__assignment__quiz_set", "lti_user",
                                            "link__resource_link__context__deployment__registration").get(pk=pk)
    given = round(SCORE_MAXIMUM * (_grade(send.attempt) or 0.0), 2)
    try:
        _put_score(send, given)
    except (LtiException, LtiServiceException, RequestException, ValueError) as error:
        return _failed(send, error, now)
    ScoreSend.objects.filter(pk=pk).update(status=ScoreSend.Status.SENT, sent_at=timezone.now(), tries=send.tries + 1,
                                           score_given=given, score_maximum=SCORE_MAXIMUM, last_error="")
    return "sent"


def _grade(attempt: Attempt) -> float | None:
    """The grade by the set's rule over the learner's attempts finished up to this one."""
    attempts = list(Attempt.objects.filter(assignment_id=attempt.assignment_id, learner_id=attempt.learner_id,
                                           finished_at__isnull=False, finished_at__lte=attempt.finished_at)
                    .annotate(slot_count=Count("slots")).order_by("number"))
    return grade_of(attempts, attempt.assignment.quiz_set.grading)


def _put_score(send: ScoreSend, given: float) -> None:
    tool_key()
    registration = send.link.resource_link.context.deployment.registration.to_registration()
    service = AssignmentsGradesService(ServiceConnector(registration),
                                       {"scope": [SCORE_SCOPE], "lineitem": send.link.lineitem_url})
    grade = (Grade().set_score_given(given).set_score_maximum(SCORE_MAXIMUM)
             .set_timestamp(send.attempt.finished_at.isoformat()).set_activity_progress("Completed")
             .set_grading_progress("FullyGraded").set_user_id(send.lti_user.sub))
    service.put_grade(grade)


def _failed(send: ScoreSend, error: Exception, now: datetime) -> str:
    tries = send.tries + 1
    detail = _describe(error)
    logger.warning("LTI score for attempt %s not taken (try %s): %s", send.attempt_id, tries, detail)
    gave_up = tries >= MAX_TRIES
    ScoreSend.objects.filter(pk=send.pk).update(
        status=ScoreSend.Status.FAILED if gave_up else ScoreSend.Status.WAITING, tries=tries, last_error=detail,
        claimed_at=None, send_after=now + retry_wait(tries))
    return "failed" if gave_up else "retry"


def retry_wait(tries: int) -> timedelta:
    """1, 2, 4 … minutes, at most six hours: a platform down for a night still gets its scores."""
    return timedelta(minutes=min(2 ** (tries - 1), 360))


def _describe(error: Exception) -> str:
    response = getattr(error, "response", None)
    if response is not None and hasattr(response, "status_code"):
        return f"HTTP {response.status_code}: {response.text[:500]}"
    return str(error)[:1000]


@transaction.atomic
def score_resend(*, send: ScoreSend) -> None:
    """An admin's retry of a score given up on: waiting again, due now."""
    ScoreSend.objects.filter(pk=send.pk, status=ScoreSend.Status.FAILED).update(
        status=ScoreSend.Status.WAITING, send_after=timezone.now(), tries=0)
