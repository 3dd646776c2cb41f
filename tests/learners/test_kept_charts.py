"""The dashboard's charts kept per their data ({% kept_include %}, quizzes/templatetags/kept_parts.py):
the figures are those rendered afresh, they change with the next answer, and only plain data is kept."""

import re

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from quizzes.models import AttemptItem
from quizzes.presentation.progress_charts import progress_pictures
from quizzes.selectors.learning import progress_for
from tests.conftest import form_answer

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("quizzes:dashboard")


def _figures(page: str) -> list[str]:
    return re.findall(r'<figure class="chart".*?</figure>', page, re.S)


def _answer_some(client, count):
    client.post(reverse("quizzes:practice-start"), {"chapter": "sapporo-ict-chapter1", "size": count})
    for slot in AttemptItem.objects.filter(answer__isnull=True).select_related("version"):
        client.post(reverse("quizzes:item", kwargs={"attempt_id": slot.attempt_id, "position": slot.position}),
                    form_answer(slot, right=slot.position % 2 == 0))


def _fresh_figures(student) -> list[str]:
    """The dashboard's three charts through a plain include, in English (the titles are the msgids)."""
    pictures = progress_pictures(progress_for(learner=student))
    columns, lines = "includes/charts/_columns.html", "includes/charts/_lines.html"
    with translation.override("en"):
        return [render_to_string(columns, {
                    "chart": pictures.answers, "chart_id": "answers-by-day", "label_heading": "Day", "unit": "Answers",
                    "title": "Answers per day over the last two weeks (right answers in green)", "part_heading": "Right"}),
                render_to_string(lines, {"chart": pictures.mastery, "chart_id": "mastery-by-day",
                                         "title": "Mastery of each chapter, day by day", "label_heading": "Day"}),
                render_to_string(columns, {"chart": pictures.due, "chart_id": "reviews-ahead", "label_heading": "Day",
                                           "title": "Reviews due in the coming week", "unit": "Reviews due"})]


def _dashboard(client) -> list[str]:
    return _figures(client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="en").content.decode())


def test_the_kept_charts_are_the_charts_rendered_afresh_and_follow_each_answer(student_client, student, seed_bank):
    _answer_some(student_client, 4)
    first = _dashboard(student_client)
    assert len(first) == 3 and "Answers per day" in first[0]
    assert _dashboard(student_client) == first  # the kept copy
    assert [_figures(html)[0] for html in _fresh_figures(student)] == first
    _answer_some(student_client, 2)
    after = _dashboard(student_client)
    assert after[0] != first[0]  # the answers per day moved
    assert [_figures(html)[0] for html in _fresh_figures(student)] == after


def test_only_plain_data_is_kept(student):
    with pytest.raises(TypeError, match="not plain data"):
        Template('{% load kept_parts %}{% kept_include "includes/charts/_columns.html" chart=user %}').render(
            Context({"user": student}))


def _bars(page: str) -> list[str]:
    return re.findall(r'<section class="mastery">.*?</section>', page, re.S)


def test_the_kept_mastery_bars_are_those_rendered_afresh_and_follow_each_answer(student_client, student, seed_bank):
    def fresh():
        with translation.override("en"):
            return _bars(render_to_string("includes/_chapter_mastery.html",
                                          {"chapters": progress_pictures(progress_for(learner=student)).bars}))

    def shown():
        return _bars(student_client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="en").content.decode())

    _answer_some(student_client, 4)
    first = shown()
    assert len(first) == 1 and "By section" in first[0] and "seen)" in first[0]
    assert shown() == first == fresh()
    assert "節ごと" in _bars(student_client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="ja").content.decode())[0]
    _answer_some(student_client, 6)
    after = shown()
    assert after != first and after == fresh()
