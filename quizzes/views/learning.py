"""Learners' pages: the dashboard, starting a session, one item per screen with feedback, the summary."""

from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.roles import is_teacher
from civiclearn.kept_pages import kept_own_page
from civiclearn.throttling import JoinPerAddress, JoinPerUser, throttled
from quizzes.forms.learning import JoinForm, PracticeStartForm, response_from_post
from quizzes.generation.scoring import ResponseError
from quizzes.horizon import Horizon
from quizzes.messages import response_error_message
from quizzes.presentation.attempt_items import shown_item
from quizzes.presentation.dashboard_forms import join_form_html, practice_form_html, practice_form_with_errors_html
from quizzes.presentation.item_forms import item_form
from quizzes.presentation.progress_charts import progress_pictures
from quizzes.presentation.session_summary import session_summary
from quizzes.release import feedback_visible
from quizzes.selectors.dashboard_marker import dashboard_marker
from quizzes.selectors.learning import attempt_slots, attempts_of, progress_for, slot_on_page, slot_source_load
from quizzes.selectors.teaching import assignments_for_student, assignments_open_to
from quizzes.services.answering import AnswerRefused, attempt_answer, attempt_close_if_expired, attempt_finish
from quizzes.services.assignments import AttemptRefused, assignment_start
from quizzes.services.classes import class_join
from quizzes.services.mastery_days import mastery_days_record
from quizzes.services.practice import PracticeRefused, practice_start
from quizzes.services.reviews import reviews_release


@login_required
def dashboard(request):
    """Kept for its learner until what it shows changes (quizzes/selectors/dashboard_marker.py) or time
    changes it (quizzes/horizon.py); FSRS's recall moves on continuously, so at most DASHBOARD_KEPT_SECONDS."""
    learner, now = request.user, timezone.now()
    marker = dashboard_marker(learner_id=learner.pk)
    if marker.pending and reviews_release(learner_id=learner.pk, now=now):  # cards are read next: reviews first
        marker = dashboard_marker(learner_id=learner.pk)
    key = ["dashboard", learner.pk, is_teacher(learner), *marker.key]
    return kept_own_page(request, key, template="quizzes/dashboard.html", now=now,
                         context=lambda: _dashboard_afresh(request, now), at_most=settings.DASHBOARD_KEPT_SECONDS)


def _dashboard_afresh(request, now: datetime) -> tuple[dict, datetime | None]:
    """The dashboard's context, and when time alone next changes it."""
    progress = progress_for(learner=request.user, now=now)
    mastery_days_record(learner=request.user, progress=progress, today=timezone.localdate(now))
    horizon = Horizon(now, progress.changes_at)
    assignments = assignments_for_student(student=request.user, now=now, horizon=horizon)
    context = _dashboard_context(request, progress, assignments, join_form_html(request, holes=True),
                                 practice_form_html(request, initial=_initial(progress), holes=True))
    return context, horizon.at


def _dashboard_context(request, progress, assignments, join_form: str, practice_form: str) -> dict:
    return {"progress": progress, "pictures": progress_pictures(progress), "practice_form_html": practice_form,
            "join_form_html": join_form, "assignments": assignments, "is_teacher": is_teacher(request.user)}


def _initial(progress) -> dict:
    return {"chapter": progress.chapters[0].slug} if progress.chapters else {}


@login_required
@require_POST
def practice_begin(request):
    form = PracticeStartForm(request.POST, reader=request.user)
    if not form.is_valid():
        reviews_release(learner_id=request.user.pk)
        progress = progress_for(learner=request.user)
        assignments = assignments_for_student(student=request.user, now=timezone.now())
        return render(request, "quizzes/dashboard.html", _dashboard_context(
            request, progress, assignments, join_form_html(request), practice_form_with_errors_html(request, form)),
            status=400)
    data = form.cleaned_data
    return _start(request, chapter=data["chapter"], section=data["section"], skill=data["skill"], size=data["size"])


@login_required
@require_POST
def review_start(request):
    return _start(request, chapter=None, review_only=True)


def _start(request, **options):
    try:
        attempt = practice_start(learner=request.user, **options)
    except PracticeRefused as refusal:
        messages.info(request, str(refusal))
        return redirect("quizzes:dashboard")
    asked, given = options.get("size"), attempt.slots.count()
    if asked and given < asked:  # say why the session is shorter than asked for
        messages.info(request, ngettext("There is only %(count)d item to practise here, so the session has %(count)d.",
                                        "There are only %(count)d items to practise here, so the session has "
                                        "%(count)d.", given) % {"count": given})
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


@login_required
def attempt(request, attempt_id):
    """Resume: the first unanswered item, or the summary when every item is answered."""
    current = get_object_or_404(attempts_of(request.user), pk=attempt_id)
    attempt_close_if_expired(attempt=current, now=timezone.now())
    open_slot = attempt_slots(current).filter(answer__isnull=True).first()
    if current.is_finished or open_slot is None:
        return redirect("quizzes:summary", attempt_id=current.pk)
    return redirect("quizzes:item", attempt_id=current.pk, position=open_slot.position)


@login_required
def item(request, attempt_id, position):
    slot = slot_on_page(learner=request.user, attempt_id=attempt_id, position=position)
    if slot is None:  # not the learner's attempt, or no such item in it
        raise Http404
    current = slot.attempt
    if request.method == "POST":
        try:
            attempt_answer(slot=slot, response=response_from_post(slot, request.POST))
        except ResponseError as error:
            messages.error(request, response_error_message(error))
        except AnswerRefused as refusal:
            messages.error(request, str(refusal))
        return redirect("quizzes:item", attempt_id=current.pk, position=position)
    attempt_close_if_expired(attempt=current, now=timezone.now())
    reveal = feedback_visible(current)
    if reveal and hasattr(slot, "answer"):
        slot_source_load(slot)  # the feedback links to where the item came from
    shown = shown_item(slot, reveal=reveal)
    context = {"attempt": current, "shown": shown, "total": slot.total, "is_last": position >= slot.total}
    if not shown.answered and not current.is_finished:
        context["item_form"] = item_form(request, shown)
    return render(request, "quizzes/practice_item.html", context)


@login_required
@require_POST
def finish(request, attempt_id):
    current = get_object_or_404(attempts_of(request.user), pk=attempt_id)
    attempt_finish(attempt=current, now=timezone.now())
    return redirect("quizzes:summary", attempt_id=current.pk)


@login_required
def summary(request, attempt_id):
    current = get_object_or_404(attempts_of(request.user), pk=attempt_id)
    attempt_close_if_expired(attempt=current, now=timezone.now())
    reveal = feedback_visible(current)
    shown = [shown_item(slot, reveal=reveal) for slot in attempt_slots(current)]
    context = {"attempt": current, "shown": shown, "reveal": reveal, "summary": session_summary(shown),
               "missed": [entry for entry in shown if entry.answered and not entry.slot.answer.correct]}
    return render(request, "quizzes/practice_summary.html", context)


@login_required
@require_POST
@throttled(JoinPerUser, JoinPerAddress)
def join_class(request):
    form = JoinForm(request.POST)
    if form.is_valid():
        try:
            joined = class_join(student=request.user, join_code=form.cleaned_data["join_code"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("You joined %(name)s.") % {"name": joined})
    return redirect("quizzes:dashboard")


@login_required
@require_POST
def assignment_begin(request, assignment_id):
    assignment = get_object_or_404(assignments_open_to(request.user), pk=assignment_id)
    try:
        attempt = assignment_start(assignment=assignment, student=request.user)
    except AttemptRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("quizzes:dashboard")
    return redirect("quizzes:attempt", attempt_id=attempt.pk)
