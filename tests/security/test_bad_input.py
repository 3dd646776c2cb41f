"""Bad input gets a clear 4xx, never a 500: malformed JSON, wrong types, unknown ids."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(student):
    client = APIClient()
    client.force_authenticate(student)
    return client


@pytest.mark.parametrize("path", ["/api/v1/practice-sessions/", "/api/v1/classes/join/", "/api/v1/auth/token/"])
def test_malformed_json_is_a_400_that_says_so(api, seed_bank, path):
    response = api.post(path, data='{"chapter": ', content_type="application/json")
    assert response.status_code == 400 and "JSON" in str(response.json())


@pytest.mark.parametrize("payload", [[], "text", {"chapter": ["a"]}, {"chapter": "sapporo-ict-chapter1", "size": "ten"},
                                     {"chapter": "sapporo-ict-chapter1", "section": -1}])
def test_wrong_types_are_field_errors(api, seed_bank, payload):
    response = api.post("/api/v1/practice-sessions/", payload, format="json")
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/api/v1/practice-sessions/999999/", "/api/v1/classes/999999/",
                                  "/api/v1/practice-sessions/abc/", "/api/v1/chapters/no-such-chapter/"])
def test_unknown_ids_are_404(api, seed_bank, path):
    assert api.get(path).status_code == 404


def test_unknown_pages_are_404(client, student_client, seed_bank):
    assert client.get("/chapters/no-such/").status_code == 404
    assert student_client.get("/practice/999999/").status_code == 404
    assert student_client.get("/practice/999999/items/1/").status_code == 404


def test_a_nul_character_is_a_400_not_a_database_error(api, student_client, seed_bank):
    response = api.post("/api/v1/practice-sessions/", {"chapter": "sapporo\x00ict"}, format="json")
    assert response.status_code == 400 and "$.chapter" in response.json()["detail"]  # the field, by its path
    page = student_client.post("/practice/", {"chapter": "sapporo\x00ict"})
    assert page.status_code == 400
