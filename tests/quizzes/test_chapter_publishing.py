"""Publishing a chapter file: import and generation in one transaction, a dry run decided at the top."""

import pytest

from content.models import Term
from content.parsing import ParseError
from quizzes.models import Item, ItemVersion
from quizzes.services.chapter_publishing import chapter_publish
from tests.conftest import SEED
from tests.content.test_import import snapshot


def test_dry_run_reports_but_writes_nothing(imported_seed, seed_bytes):
    before = snapshot()
    edited = seed_bytes.decode().replace("創作家。", "創作家。作り手。").encode()
    report = chapter_publish(data=edited, source_name=SEED.name, dry_run=True)
    assert report.dry_run and report.chapters[0].imported.tally("changed") == {"term": 1}
    assert report.chapters[0].generated.created >= 80  # the items a real run would create
    assert snapshot() == before
    assert Term.objects.get(number=18).definition == "創造的な仕事をしている人。創作家。制作者。"
    assert Item.objects.count() == 0 and ItemVersion.objects.count() == 0


def test_a_real_run_writes_lessons_and_items(db, seed_bytes):
    report = chapter_publish(data=seed_bytes, source_name=SEED.name)
    assert not report.dry_run and report.chapters[0].imported.created and report.chapters[0].imported.counts["terms"] == 25
    assert Item.objects.filter(status="published").count() == report.chapters[0].generated.counts.total() - len(
        report.chapters[0].generated.rejected) > 80


def test_a_file_that_fails_to_parse_writes_nothing(imported_seed):
    before = snapshot()
    with pytest.raises(ParseError):
        chapter_publish(data=b"\x00\x01", source_name="broken.txt", slug="sapporo-ict-chapter1")
    assert snapshot() == before and Item.objects.count() == 0


IMPORTS = "/api/v1/chapter-imports/"


@pytest.fixture
def staff_api(db, django_user_model):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(django_user_model.objects.create_superuser("admin", "a@example.org", "pw-12345678"))
    return client


def upload(data: bytes, name="sapporo.txt"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/plain")


def test_the_api_imports_a_chapter_and_returns_the_report_as_json(staff_api, seed_bytes):
    response = staff_api.post(IMPORTS, {"file": upload(seed_bytes), "slug": "ict"}, format="multipart")
    assert response.status_code == 201
    report = response.json()
    [chapter] = report["chapters"]
    assert report["dry_run"] is False and report["document"]["kind"] == "text"
    assert chapter["imported"]["slug"] == "ict" and chapter["imported"]["created"]
    assert chapter["imported"]["counts"]["terms"] == 25 and chapter["imported"]["counts"]["events"] == 14
    assert chapter["generated"]["created"] == Item.objects.filter(chapter__slug="ict").count() >= 80
    assert set(chapter["generated"]["by_skill"]) == {"date", "definition", "goal"}
    again = staff_api.post(IMPORTS, {"file": upload(seed_bytes), "slug": "ict"}, format="multipart")
    assert again.status_code == 200 and again.json()["chapters"][0]["imported"]["unchanged"] is True


def test_an_api_dry_run_writes_nothing(staff_api, seed_bytes):
    response = staff_api.post(IMPORTS, {"file": upload(seed_bytes), "dry_run": "true"}, format="multipart")
    assert response.status_code == 200 and response.json()["dry_run"] is True
    assert response.json()["chapters"][0]["generated"]["created"] >= 80
    assert Item.objects.count() == 0 and Term.objects.count() == 0


def test_the_api_names_the_problem_of_a_bad_file(staff_api, settings, seed_bytes):
    response = staff_api.post(IMPORTS, {"file": upload(b"\x00\x01binary")}, format="multipart")
    assert response.status_code == 400 and "the file is binary, not text" in response.json()["file"][0]
    settings.CHAPTER_UPLOAD_MAX_BYTES = 100
    response = staff_api.post(IMPORTS, {"file": upload(seed_bytes)}, format="multipart")
    assert response.status_code == 400 and "100" in response.json()["file"][0]
    assert not Term.objects.exists()


def test_only_staff_who_may_add_chapters_import(db, django_user_model, seed_bytes, teacher):
    from rest_framework.test import APIClient

    client = APIClient()
    assert client.post(IMPORTS, {"file": upload(seed_bytes)}, format="multipart").status_code == 403
    for user in (teacher, django_user_model.objects.create_user("clerk", password="pw-12345678", is_staff=True)):
        client.force_authenticate(user)
        assert client.post(IMPORTS, {"file": upload(seed_bytes)}, format="multipart").status_code == 403
    assert not Term.objects.exists()
