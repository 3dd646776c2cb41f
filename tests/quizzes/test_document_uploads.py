"""A document from upload to published lessons: read in the background, previewed, reviewed (sections
dropped, renamed, merged; terms and events fixed), then published in one transaction; per role."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.models import Chapter, Event, Term
from quizzes.models import DocumentUpload, Item
from tests.conftest import FIXTURES

BOUSAI = (FIXTURES / "layout-marked-sections-notes.txt").read_bytes()


@pytest.fixture
def importer(db, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-12345678", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_chapter"))
    return user


@pytest.fixture
def importer_client(client, importer):
    client.force_login(importer)
    return client


def upload(client, data=BOUSAI, name="bousai.txt", slug="bousai"):
    response = client.post(reverse("quizzes:import-new"), {"file": SimpleUploadedFile(name, data), "slug": slug})
    assert response.status_code == 302, response.content.decode()[:500]
    return DocumentUpload.objects.latest("pk")


def detail(client, document):
    return client.get(reverse("quizzes:import", kwargs={"upload_id": document.pk}))


def review_fields(client, document) -> dict:
    """The review form's fields as the page renders them (what a browser would send back)."""
    form = detail(client, document).context["form"]
    values = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                values[name] = "on"
        else:
            values[name] = value
    return values


def test_an_upload_is_read_in_the_background_and_previewed_before_anything_is_written(importer_client):
    document = upload(importer_client)
    document.refresh_from_db()
    assert document.status == "ready" and document.pages_done == document.pages_total == 1
    assert not Chapter.objects.exists()  # nothing reaches the lessons before publishing
    page = detail(importer_client, document).content.decode()
    for shown in ("防災のまちづくり", "災害の記録", "防災行政無線", "災害のときに、町から住民へ",
                  "1975〜1984年", "1887年頃", "2005年度", "自助の促進", "2020〜2024年度"):
        assert shown in page, shown
    assert 'http-equiv="refresh"' not in page  # the work is done: the page no longer refreshes


def test_the_reviewer_renames_drops_and_merges_sections_fixes_terms_and_events_then_publishes(importer_client):
    document = upload(importer_client)
    fields = review_fields(importer_client, document)
    fields["c0-s1-title"] = "水害と停電の記録"
    fields["c0-s2-drop"] = "on"  # 計画の位置づけ
    fields["c0-t2-drop"] = "on"  # 自主防災組織
    fields["c0-t1-definition"] = "災害のとき、町から住民へ情報を一斉に伝える無線の設備。"
    fields["c0-e5-year"], fields["c0-e5-precision"] = "1890", "approximate"  # 明治20年頃, read again
    fields["c0-e3-drop"] = "on"  # 平成16年（2004年）９月
    fields["publish"] = "1"
    response = importer_client.post(reverse("quizzes:import", kwargs={"upload_id": document.pk}), fields)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == "published", document.error
    chapter = Chapter.objects.get(slug="bousai")
    assert list(chapter.sections.order_by("number").values_list("number", "title")) == [
        (1, "水害と停電の記録"), (2, "取組の柱")]
    assert list(Term.objects.filter(chapter=chapter).values_list("term", flat=True)) == ["防災行政無線"]
    assert Term.objects.get(chapter=chapter).definition.startswith("災害のとき、町から")
    events = {e.date_text: e for e in Event.objects.filter(chapter=chapter, is_target=False)}
    assert "平成16年（2004年）９月" not in events
    assert (events["明治20年頃"].year, events["明治20年頃"].span) == (1890, (1888, 1892))
    assert Item.objects.filter(chapter=chapter).exists()
    assert document.published[0]["slug"] == "bousai" and document.published[0]["items"] > 0
    page = detail(importer_client, document).content.decode()
    assert reverse("content:chapter", kwargs={"slug": "bousai"}) in page


def test_saving_edits_keeps_them_for_the_next_visit_and_publishes_nothing(importer_client):
    document = upload(importer_client)
    fields = review_fields(importer_client, document)
    fields["c0-s3-title"] = "四つの柱"
    importer_client.post(reverse("quizzes:import", kwargs={"upload_id": document.pk}), fields)
    document.refresh_from_db()
    assert document.edits == {"chapters": {"0": {"sections": {"3": {"title": "四つの柱"}}}}}
    assert document.status == "ready" and not Chapter.objects.exists()
    assert review_fields(importer_client, document)["c0-s3-title"] == "四つの柱"


def test_a_review_that_drops_every_section_is_refused_with_a_message(importer_client):
    document = upload(importer_client)
    fields = review_fields(importer_client, document)
    fields.update({"c0-s1-drop": "on", "c0-s2-drop": "on", "c0-s3-drop": "on", "publish": "1"})
    response = importer_client.post(reverse("quizzes:import", kwargs={"upload_id": document.pk}), fields)
    assert response.status_code == 200
    assert "セクションが残りません" in response.content.decode()
    document.refresh_from_db()
    assert document.status == "ready" and not Chapter.objects.exists()


def test_publishing_twice_publishes_once(importer_client):
    document = upload(importer_client)
    url = reverse("quizzes:import-publish", kwargs={"upload_id": document.pk})
    importer_client.post(url)
    items = Item.objects.count()
    response = importer_client.post(url, follow=True)
    assert "公開できる状態ではありません" in response.content.decode()
    assert Item.objects.count() == items and Chapter.objects.count() == 1


def test_a_file_that_cannot_be_read_fails_with_the_reason_in_the_interfaces_language(importer_client):
    document = upload(importer_client, data=b"%PDF-1.7\n" + b"\x00broken" * 40, name="broken.pdf", slug="")
    document.refresh_from_db()
    assert document.status == "failed"
    page = detail(importer_client, document).content.decode()
    assert "PDF を読めません" in page
    assert not Chapter.objects.exists()


def test_a_failure_while_publishing_leaves_the_lessons_as_they_were(importer_client, monkeypatch):
    document = upload(importer_client)

    def broken(**kwargs):
        raise RuntimeError("generation broke")

    monkeypatch.setattr("quizzes.services.chapter_publishing.items_generate", broken)
    importer_client.post(reverse("quizzes:import-publish", kwargs={"upload_id": document.pk}))
    document.refresh_from_db()
    assert document.status == "ready" and "何も変更していません" in detail(importer_client, document).content.decode()
    assert not Chapter.objects.exists() and not Term.objects.exists()


def test_the_status_page_refreshes_and_shows_the_pages_read_while_working(importer_client, importer):
    document = DocumentUpload.objects.create(owner=importer, source_name="plan.pdf", data=b"%PDF-",
                                             status="reading", pages_done=12, pages_total=200)
    page = detail(importer_client, document).content.decode()
    assert 'http-equiv="refresh"' in page and 'max="200" value="12"' in page
    assert "200 ページ中 12 ページ目" in page and "js/import-progress.js" in page
    status = importer_client.get(reverse("quizzes:import-status", kwargs={"upload_id": document.pk})).json()
    assert (status["working"], status["pages_done"], status["pages_total"], status["percent"]) == (True, 12, 200, 6)


@pytest.mark.django_db
def test_only_importers_reach_the_pages_and_each_sees_only_their_own_uploads(client, importer, student,
                                                                             django_user_model):
    document = DocumentUpload.objects.create(owner=importer, source_name="plan.txt", data=BOUSAI)
    urls = [reverse("quizzes:import-new"), reverse("quizzes:import", kwargs={"upload_id": document.pk}),
            reverse("quizzes:import-status", kwargs={"upload_id": document.pk})]
    assert all(client.get(url).status_code == 302 for url in urls)  # anonymous: to the login page
    client.force_login(student)
    assert all(client.get(url).status_code == 403 for url in urls)
    assert client.post(reverse("quizzes:import-publish", kwargs={"upload_id": document.pk})).status_code == 403
    other = django_user_model.objects.create_user("other-editor", password="pw-12345678", is_staff=True)
    other.user_permissions.add(Permission.objects.get(codename="add_chapter"))
    client.force_login(other)
    assert client.get(urls[0]).status_code == 200
    assert all(client.get(url).status_code == 404 for url in urls[1:])
    assert client.post(reverse("quizzes:import-publish", kwargs={"upload_id": document.pk})).status_code == 404
    assert "plan.txt" not in client.get(urls[0]).content.decode()


def test_the_preview_page_runs_a_bounded_number_of_queries(importer_client, django_assert_max_num_queries):
    document = upload(importer_client)
    with django_assert_max_num_queries(6):
        assert detail(importer_client, document).status_code == 200


def test_a_long_documents_review_form_with_thousands_of_fields_is_accepted(importer_client):
    lines = ["第１章　町の記録", ""]
    for section in range(1, 11):
        lines += [f"{section}．第{section}期", ""]
        lines += [f"町は、{1800 + section * 10 + n}年に第{n + 1}の事業を始めました。" for n in range(70)]
        lines.append("")
    document = upload(importer_client, data="\n".join(lines).encode(), name="kiroku.txt", slug="kiroku")
    fields = review_fields(importer_client, document)
    assert len(fields) > 1000  # Django's default limit on a request's fields
    response = importer_client.post(reverse("quizzes:import", kwargs={"upload_id": document.pk}), fields)
    assert response.status_code == 302
