"""The form an unanswered item is answered with: the same for every learner shown the same version
with its options in the same order, so it is rendered once per version, option order, language and
furigana setting in each worker, and only the CSRF token is filled in per request."""

from __future__ import annotations

import json

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from accounts.reading import furigana_on
from civiclearn.kept_pages import kept_fragment
from civiclearn.site_header import HOLE_CSRF, fill
from quizzes.presentation.attempt_items import ShownItem

TEMPLATE = "includes/_item_form.html"


def item_form(request, shown: ShownItem) -> SafeString:
    furigana = furigana_on(request)
    slot = shown.slot
    key = ("item-form", slot.version_id, json.dumps(slot.option_order), json.dumps(slot.left_order), furigana)

    def render() -> str:
        return render_to_string(TEMPLATE, {"shown": shown, "furigana": furigana, "csrf_token": HOLE_CSRF})

    return mark_safe(fill(kept_fragment(key, render), request))  # our own escaped rendering, the token put in
