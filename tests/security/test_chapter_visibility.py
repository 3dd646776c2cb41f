"""A teacher's own import is read by that teacher and the students of their classes only, until staff
make it public: every page, endpoint, form and pool that names a chapter, tried per role."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import TEACHERS_GROUP
from content.models import Chapter
from content.services.visibility import chapters_make_public
from quizzes.models import DocumentUpload, Item, Membership, QuizSet, SchoolClass
from quizzes.selectors.bank import published_items
from tests.conftest import FIXTURES

SLUG = "bousai"
PAGES = [reverse("content:chapter", kwargs={"slug": SLUG}),
         reverse("content:section", kwargs={"slug": SLUG, "number": 1}),
         reverse("content:glossary", kwargs={"slug": SLUG}),
         reverse("content:timeline", kwargs={"slug": SLUG})]
API = [f"/api/v1/chapters/{SLUG}/"]
LISTS = ["/api/v1/sections/", "/api/v1/terms/", "/api/v1/events/", "/api/v1/goals/"]


def make_teacher(django_user_model, name):
    user = django_user_model.objects.create_user(name, password="pw-12345678")
    user.groups.add(Group.objects.get_or_create(name=TEACHERS_GROUP)[0])
    return user


@pytest.fixture
def people(db, django_user_model, imported_seed):
    teacher = make_teacher(django_user_model, "sensei")
    other_teacher = make_teacher(django_user_model, "tanin")
    pupil = django_user_model.objects.create_user("seito", password="pw-12345678")
    outsider = django_user_model.objects.create_user("yoso", password="pw-12345678")
    school_class = SchoolClass.objects.create(teacher=teacher, name="3年1組", join_code="ABCD2345")
    Membership.objects.create(school_class=school_class, student=pupil)
    return {"teacher": teacher, "other_teacher": other_teacher, "pupil": pupil, "outsider": outsider}


@pytest.fixture
def private_chapter(client, people):
    client.force_login(people["teacher"])
    data = (FIXTURES / "layout-marked-sections-notes.txt").read_bytes()
    client.post(reverse("quizzes:import-new"), {"file": SimpleUploadedFile("bousai.txt", data), "slug": SLUG})
    upload = DocumentUpload.objects.get(owner=people["teacher"])
    client.post(reverse("quizzes:import-publish", kwargs={"upload_id": upload.pk}))
    client.logout()
    chapter = Chapter.objects.get(slug=SLUG)
    assert (chapter.owner, chapter.is_public) == (people["teacher"], False)
    return chapter


def reaches(client, user) -> dict:
    if user:
        client.force_login(user)
    else:
        client.logout()
    found = {
        "pages": [client.get(url).status_code for url in PAGES],
        "api": [client.get(url).status_code for url in API],
        "in_lists": [any(row.get("chapter") == SLUG for row in client.get(url, {"chapter": SLUG}).json()["results"])
                     for url in LISTS],
        "in_chapter_list": SLUG in client.get(reverse("content:chapter-list")).content.decode(),
        "in_api_chapter_list": any(row["slug"] == SLUG for row in client.get("/api/v1/chapters/").json()["results"]),
    }
    return found


def can_read(found) -> bool:
    readable = found["pages"] == [200] * 4 and found["api"] == [200] and all(found["in_lists"])
    hidden = set(found["pages"]) == {404} and found["api"] == [404] and not any(found["in_lists"])
    assert readable or hidden, found  # never half-visible
    assert found["in_chapter_list"] == found["in_api_chapter_list"] == readable, found
    return readable


def test_the_importing_teacher_and_their_students_read_it_others_do_not(client, people, private_chapter):
    assert can_read(reaches(client, people["teacher"]))
    assert can_read(reaches(client, people["pupil"]))
    assert not can_read(reaches(client, people["outsider"]))
    assert not can_read(reaches(client, people["other_teacher"]))
    assert not can_read(reaches(client, None))


def test_a_reader_s_cookie_opens_no_private_chapter(client, people, private_chapter, imported_seed):
    """The cookie that serves public pages without the user (civiclearn/reader_cookie.py): with one in
    hand, the private chapter's pages are still decided by who the user is."""
    from civiclearn.reader_cookie import COOKIE_NAME

    lesson, glossary = PAGES[1], PAGES[2]
    public_lesson = reverse("content:section", kwargs={"slug": imported_seed.slug, "number": 1})
    for user, status in ((people["outsider"], 404), (people["teacher"], 200), (people["pupil"], 200)):
        client.force_login(user)
        assert COOKIE_NAME in client.get(public_lesson).cookies  # issued
        assert client.get(public_lesson).status_code == 200  # served by it
        assert [client.get(lesson).status_code, client.get(glossary).status_code] == [status, status], user


def test_staff_who_may_view_every_chapter_read_it_and_other_staff_do_not(client, people, private_chapter,
                                                                          django_user_model):
    """readable_by's three shapes, each compiled once for the lesson and glossary pages
    (content/selectors.py): staff with the view permission read every chapter; staff without it read
    as any other signed-in reader; a superuser has every permission."""
    viewer = django_user_model.objects.create_user("kanri", password="pw-12345678", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_chapter"))
    plain_staff = django_user_model.objects.create_user("shokuin", password="pw-12345678", is_staff=True)
    root = django_user_model.objects.create_superuser("root", password="pw-12345678")
    assert can_read(reaches(client, viewer))
    assert not can_read(reaches(client, plain_staff))
    assert can_read(reaches(client, root))
    assert not can_read(reaches(client, people["outsider"]))  # after them, the member's query is still the member's


def test_once_staff_make_it_public_everyone_reads_it(client, people, private_chapter):
    chapters_make_public(chapters=Chapter.objects.filter(slug=SLUG))
    for user in (people["outsider"], people["other_teacher"], None):
        assert can_read(reaches(client, user))


def test_the_staff_admin_action_makes_it_public(client, people, private_chapter, django_user_model):
    admin = django_user_model.objects.create_superuser("kanri", password="pw-12345678")
    client.force_login(admin)
    client.post(reverse("admin:content_chapter_changelist"),
                {"action": "make_public", "_selected_action": [private_chapter.pk]})
    private_chapter.refresh_from_db()
    assert private_chapter.is_public


def test_only_its_readers_practise_it_on_the_web_and_through_the_api(client, people, private_chapter):
    for user, allowed in ((people["pupil"], True), (people["outsider"], False), (people["teacher"], True)):
        client.force_login(user)
        page = client.post(reverse("quizzes:practice-start"), {"chapter": SLUG, "size": 3})
        assert (page.status_code == 302) == allowed, (user, page.status_code)
        api = client.post("/api/v1/practice-sessions/", {"chapter": SLUG, "size": 3}, content_type="application/json")
        assert (api.status_code == 201) == allowed, (user, api.status_code, api.content[:200])
        if not allowed:
            assert api.json()["chapter"] == ["slug=bousai のデータが存在しません。"]  # as if there were none
        dashboard = client.get(reverse("quizzes:dashboard")).content.decode()
        assert (f'value="{SLUG}"' in dashboard) == allowed


def test_another_teacher_cannot_use_its_items_in_a_set(client, people, private_chapter):
    other = people["other_teacher"]
    quiz_set = QuizSet.objects.create(owner=other, title="他の先生のセット")
    item = Item.objects.filter(chapter=private_chapter, status="published").first()
    client.force_login(other)
    builder = client.get(reverse("quizzes:teach-set", kwargs={"set_id": quiz_set.pk}), {"chapter": "", "status": ""})
    assert private_chapter.title not in builder.content.decode()
    added = client.post(f"/api/v1/quiz-sets/{quiz_set.pk}/add-item/", {"item": item.pk}, content_type="application/json")
    assert added.status_code == 400 and "他の先生のもの" in str(added.json())
    drawn = client.post(f"/api/v1/quiz-sets/{quiz_set.pk}/add-random/", {"count": 1, "chapter": SLUG},
                        content_type="application/json")
    assert drawn.status_code == 400
    written = client.post(f"/api/v1/quiz-sets/{quiz_set.pk}/write-item/", {
        "chapter": SLUG, "kind": "true_false", "skill": "definition", "prompt": "防災行政無線は無線の設備である。",
        "answer": True, "explanation": "本文のとおり。"}, content_type="application/json")
    assert written.status_code == 400
    # a random slot over every chapter draws from the pool the set's owner may read
    assert not published_items(owner=other, reader=other).filter(chapter=private_chapter).exists()
    assert published_items(owner=people["teacher"], reader=people["teacher"]).filter(chapter=private_chapter).exists()


def test_a_teacher_cannot_overwrite_a_chapter_that_is_not_theirs(client, people, private_chapter):
    client.force_login(people["other_teacher"])
    data = (FIXTURES / "layout-roman-parts-glossary.txt").read_bytes()
    client.post(reverse("quizzes:import-new"), {"file": SimpleUploadedFile("x.txt", data), "slug": SLUG})
    upload = DocumentUpload.objects.get(owner=people["other_teacher"])
    client.post(reverse("quizzes:import-publish", kwargs={"upload_id": upload.pk}))
    upload.refresh_from_db()
    assert upload.status == "ready" and "あなたの章ではありません" in client.get(
        reverse("quizzes:import", kwargs={"upload_id": upload.pk})).content.decode()
    assert Chapter.objects.get(slug=SLUG).title == "防災のまちづくり"
    client.post(reverse("quizzes:import-new"), {"file": SimpleUploadedFile("x.txt", data),
                                                "slug": "sapporo-ict-chapter1"})
    seed_upload = DocumentUpload.objects.filter(owner=people["other_teacher"]).latest("pk")
    client.post(reverse("quizzes:import-publish", kwargs={"upload_id": seed_upload.pk}))
    assert Chapter.objects.get(slug="sapporo-ict-chapter1").title == "札幌とICT"  # the public seed is untouched


def test_a_student_cannot_import(client, people):
    client.force_login(people["pupil"])
    assert client.get(reverse("quizzes:import-new")).status_code == 403


def test_what_staff_publish_is_public(client, people, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="pw-12345678", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="add_chapter"))
    client.force_login(editor)
    data = (FIXTURES / "layout-roman-parts-glossary.txt").read_bytes()
    client.post(reverse("quizzes:import-new"), {"file": SimpleUploadedFile("kankyo.txt", data)})
    upload = DocumentUpload.objects.get(owner=editor)
    client.post(reverse("quizzes:import-publish", kwargs={"upload_id": upload.pk}))
    assert Chapter.objects.get(slug="kankyo").is_public
