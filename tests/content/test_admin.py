"""The admin edits everything, and uploads a chapter through the same import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.models import Chapter, Term
from quizzes.models import Item
from tests.conftest import SEED

UPLOAD = reverse("admin:content_chapter_upload")


@pytest.mark.parametrize("model", ["chapter", "section", "term", "event", "goallist", "figure", "termlink"])
def test_every_content_model_has_a_changelist_with_search(staff_client, imported_seed, model):
    response = staff_client.get(reverse(f"admin:content_{model}_changelist"), {"q": "札幌"})
    assert response.status_code == 200


def test_term_change_page_edits_a_definition(staff_client, imported_seed):
    term = Term.objects.get(number=18)
    url = reverse("admin:content_term_change", args=[term.pk])
    assert staff_client.get(url).status_code == 200
    data = {"chapter": term.chapter_id, "section": term.section_id, "number": 18, "term": "クリエイター",
            "reading": "", "definition": "創造的な仕事をする人。"}
    assert staff_client.post(url, data).status_code == 302
    term.refresh_from_db()
    assert term.definition == "創造的な仕事をする人。"


def test_section_page_has_paragraphs_inline(staff_client, imported_seed):
    section = imported_seed.sections.get(number=2)
    page = staff_client.get(reverse("admin:content_section_change", args=[section.pk])).content.decode()
    assert "本構想では、コミュニケーションの活性化に主眼を置き" in page


def test_upload_imports_a_chapter_and_shows_its_report(staff_client):
    upload = SimpleUploadedFile("sapporo.txt", SEED.read_bytes(), content_type="text/plain")
    response = staff_client.post(UPLOAD, {"file": upload, "slug": "ict"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "ict: 作成" in page and "terms 25" in page  # the interface speaks Japanese by default
    assert Chapter.objects.get().slug == "ict"
    assert "ict の問題" in page and Item.objects.filter(chapter__slug="ict", status="published").count() >= 150


def test_upload_of_a_bad_file_shows_the_error_and_writes_nothing(staff_client):
    upload = SimpleUploadedFile("broken.txt", b"\x00\x01binary", content_type="application/octet-stream")
    page = staff_client.post(UPLOAD, {"file": upload}).content.decode()
    assert "the file is binary, not text" in page
    assert not Chapter.objects.exists()


def test_upload_dry_run_and_size_limit(staff_client, settings):
    upload = SimpleUploadedFile("sapporo.txt", SEED.read_bytes())
    page = staff_client.post(UPLOAD, {"file": upload, "dry_run": "on"}).content.decode()
    assert "試行（書き込みなし）" in page
    assert not Chapter.objects.exists()
    settings.CHAPTER_UPLOAD_MAX_BYTES = 100
    page = staff_client.post(UPLOAD, {"file": SimpleUploadedFile("big.txt", SEED.read_bytes())}).content.decode()
    assert "上限は 100 バイト" in page


def test_upload_needs_staff(client, db):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
