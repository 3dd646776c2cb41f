"""The dashboard's two forms — join a class, start a practice session — rendered once per worker for
what they offer and kept (civiclearn/kept_pages.kept_fragment): the join form is the same for everyone,
the practice form the same for every learner who may read the same chapters. Only the CSRF token is
filled in per request — or, with ``holes``, by the page they are part of when it is itself kept
(civiclearn/kept_pages.kept_own_page). A form sent back with its errors is rendered afresh."""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from civiclearn.kept_pages import kept_fragment
from civiclearn.site_header import HOLE_CSRF, fill
from content.selectors import chapter_choices
from quizzes.forms.learning import JoinForm, PracticeStartForm

JOIN_TEMPLATE = "quizzes/includes/_join_form.html"
PRACTICE_TEMPLATE = "quizzes/includes/_practice_form.html"


def join_form_html(request, *, holes: bool = False) -> SafeString:
    return _kept(request, ("join-form",), JoinForm, JOIN_TEMPLATE, holes)


def practice_form_html(request, *, initial: dict, holes: bool = False) -> SafeString:
    """The practice form for the signed-in reader, found by the chapters it offers (a compiled query) and
    the one chosen first; the form itself is made only when it is rendered."""
    key = ("practice-form", tuple(chapter_choices(reader=request.user)), initial.get("chapter"))
    return _kept(request, key, lambda: PracticeStartForm(initial=initial, reader=request.user), PRACTICE_TEMPLATE,
                 holes)


def practice_form_with_errors_html(request, form: PracticeStartForm) -> SafeString:
    return mark_safe(fill(_render(form, PRACTICE_TEMPLATE), request))  # our own escaped rendering


def _kept(request, key: tuple, form: Callable[[], object], template: str, holes: bool) -> SafeString:
    html = kept_fragment(key, lambda: _render(form(), template))
    return mark_safe(html if holes else fill(html, request))  # our own escaped rendering, the token put in or not


def _render(form, template: str) -> str:
    return render_to_string(template, {"form": form, "csrf_token": HOLE_CSRF})
