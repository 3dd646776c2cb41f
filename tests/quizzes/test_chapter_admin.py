"""The admin uploads a chapter (lessons and items in one transaction) and regenerates a chapter's items:
both live in quizzes' ChapterAdmin, which takes the place of content's."""

from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.models import Chapter
from quizzes.admin.chapters import PublishingChapterAdmin
from quizzes.models import Item
from tests.conftest import SEED

UPLOAD = reverse("admin:content_chapter_upload")


def test_the_chapter_admin_is_the_publishing_one():
    assert isinstance(admin.site._registry[Chapter], PublishingChapterAdmin)


def test_upload_imports_a_chapter_and_shows_its_report(staff_client):
    upload = SimpleUploadedFile("sapporo.txt", SEED.read_bytes(), content_type="text/plain")
    response = staff_client.post(UPLOAD, {"file": upload, "slug": "ict"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "ict: 作成" in page and '<th scope="row">用語</th><td>25</td>' in page  # Japanese by default, all of it
    assert Chapter.objects.get().slug == "ict"
    assert "ict の問題" in page and Item.objects.filter(chapter__slug="ict", status="published").count() >= 80


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


def test_regenerate_a_chapter_from_the_chapter_list(staff_client, imported_seed):
    response = staff_client.post(reverse("admin:content_chapter_changelist"),
                                 {"action": "regenerate_items", "_selected_action": [imported_seed.pk]}, follow=True)
    assert Item.objects.filter(chapter=imported_seed).count() >= 80
    assert "ict-chapter1 の問題: 作成 " in response.content.decode()  # the admin capitalises messages


def test_regenerating_again_restores_what_changed_behind_the_generator(staff_client, seed_bank):
    Item.objects.filter(chapter=seed_bank).update(prompt="changed by hand in the database")
    response = staff_client.post(reverse("admin:content_chapter_changelist"),
                                 {"action": "regenerate_items", "_selected_action": [seed_bank.pk]}, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert any(text.startswith("sapporo-ict-chapter1 の問題: 作成 0、更新 ") for text in shown)
    assert not Item.objects.filter(prompt="changed by hand in the database").exists()
