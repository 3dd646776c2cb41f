"""The dashboard's two forms — join a class, start a practice session — rendered once per worker for
what they offer and kept (civiclearn/kept_pages.kept_fragment): the join form is the same for everyone,
the practice form the same for every learner who may read the same chapters. Only the CSRF token is
filled in per request. A form sent back with its errors is rendered afresh."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from civiclearn.kept_pages import kept_fragment
from civiclearn.site_header import HOLE_CSRF, fill

JOIN_TEMPLATE = "quizzes/includes/_join_form.html"
PRACTICE_TEMPLATE = "quizzes/includes/_practice_form.html"


def join_form_html(request, form) -> SafeString:
    return _kept(request, form, JOIN_TEMPLATE, ("join-form",))


def practice_form_html(request, form) -> SafeString:
    # what the form shows: the chapters offered (slug and label) and the one chosen first
    chapters = tuple(form.fields["chapter"].queryset.values_list("slug", "number", "title"))
    return _kept(request, form, PRACTICE_TEMPLATE, ("practice-form", chapters, form.initial.get("chapter")))


def _kept(request, form, template: str, key: tuple) -> SafeString:
    def render() -> str:
        return render_to_string(template, {"form": form, "csrf_token": HOLE_CSRF})

    html = render() if form.is_bound else kept_fragment(key, render)
    return mark_safe(fill(html, request))  # our own escaped rendering, the token put in
