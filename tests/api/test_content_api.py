"""The read API: public, paginated, filterable by chapter, in the OpenAPI schema, bounded in queries."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from rest_framework.test import APIClient

SLUG = "sapporo-ict-chapter1"


@pytest.fixture
def api():
    return APIClient()


def test_chapters_list_and_detail_are_public(api, imported_seed):
    listed = api.get("/api/v1/chapters/").json()
    assert set(listed) == {"count", "next", "previous", "results"}
    assert listed["results"][0]["slug"] == SLUG and listed["results"][0]["title"] == "札幌とICT"
    detail = api.get(f"/api/v1/chapters/{SLUG}/").json()
    assert detail["lead"].startswith("はじめに") and [s["number"] for s in detail["sections"]] == [1, 2, 3, 4]
    assert api.get("/api/v1/chapters/missing/").status_code == 404


def test_sections_carry_their_paragraphs(api, imported_seed):
    results = api.get(f"/api/v1/sections/?chapter={SLUG}").json()["results"]
    assert (results[0]["number"], results[0]["title"]) == (1, "札幌におけるICTの意味")
    assert results[0]["paragraphs"][0].startswith("インターネットの急速な発展や、携帯電話、スマートフォンや")


def test_terms_have_the_fields_of_the_parse(api, imported_seed):
    body = api.get(f"/api/v1/terms/?chapter={SLUG}").json()
    assert body["count"] == 25
    nomaps = next(t for t in body["results"] if t["number"] == 21)
    assert nomaps == {**nomaps, "term": "NoMaps", "reading": "ノーマップス", "section": 4, "chapter": SLUG}
    assert body["results"][0]["reading"] == "すまーとふぉん"  # from SudachiPy: the text gives no furigana


def test_events_and_goals(api, imported_seed):
    events = api.get(f"/api/v1/events/?chapter={SLUG}").json()["results"]
    first_precise = next(e for e in events if e["year"] == 1997)
    assert first_precise == {**first_precise, "text": "平成９年（1997年）12月", "month": 12, "day": None,
                             "fiscal_year": False, "approximate": False, "section": 2}
    goals = api.get("/api/v1/goals/", {"chapter": SLUG}).json()["results"]
    assert goals[0]["title"] == "札幌市情報化構想の基本目標" and len(goals[0]["items"]) == 5


def test_the_chapter_filter_separates_chapters_and_pages_are_paginated(api, all_chapters):
    assert api.get("/api/v1/terms/").json()["count"] == 25 + 7 + 4
    assert api.get("/api/v1/terms/?chapter=sample-chapter3-open-data").json()["count"] == 4
    assert api.get("/api/v1/terms/?chapter=nothing-here").json()["count"] == 0
    first = api.get("/api/v1/terms/").json()
    assert len(first["results"]) == 50 - 14 and first["next"] is None  # 36 terms fit in one page of 50
    many = api.get("/api/v1/events/?page=1").json()
    assert many["previous"] is None


@pytest.mark.parametrize("path", ["chapters/", "sections/", "terms/", "events/", "goals/"])
def test_writes_are_refused(api, imported_seed, path):
    assert api.post(f"/api/v1/{path}", {"title": "x"}, format="json").status_code in (403, 405)
    user = get_user_model().objects.create_user("student", password="pw-12345678")
    api.force_authenticate(user)
    assert api.post(f"/api/v1/{path}", {"title": "x"}, format="json").status_code == 405


@pytest.mark.parametrize(
    ("path", "limit"),
    [("chapters/", 3), (f"chapters/{SLUG}/", 3), ("sections/", 3), ("terms/", 2), ("events/", 2), ("goals/", 3)],
)
def test_endpoints_run_a_bounded_number_of_queries(api, some_chapters, django_assert_max_num_queries, path, limit):
    # count + rows (+ one prefetch for sections' paragraphs, goal lists' goals, chapters' sections)
    with django_assert_max_num_queries(limit):
        assert api.get(f"/api/v1/{path}").status_code == 200


def test_schema_is_served_and_valid(api, db):
    response = api.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/v1/terms/" in response.content and b"chapter" in response.content
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


def test_api_docs_are_served_without_a_cdn(client, db):
    page = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/" in page
    assert "cdn" not in page.lower() and "unpkg" not in page.lower()


def test_the_export_documents_the_content_type_of_each_format(api, db):
    """Moodle XML is served as application/xml, GIFT as text/plain: the schema says both (the fuzzer
    judges responses against it)."""
    from quizzes.presentation.exports import FORMATS

    schema = api.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    documented = set(schema["paths"]["/api/v1/quiz-sets/{id}/export/"]["get"]["responses"]["200"]["content"])
    assert documented == {content_type for _extension, content_type, _render in FORMATS.values()}
