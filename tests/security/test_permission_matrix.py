"""Every page and endpoint, for each role, with the status it must answer.

Roles: anonymous; the student who owns the work (and is in the class); another student; the
teacher who owns the class and set; another teacher; staff (the admin, not a teacher).
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from quizzes.models import Item
from quizzes.services.assignments import assignment_create
from quizzes.services.classes import class_create, class_join
from quizzes.services.practice import attempt_create
from quizzes.services.quiz_sets import entry_add_item, quiz_set_create

pytestmark = pytest.mark.django_db
ROLES = ("anonymous", "student", "other_student", "teacher", "other_teacher", "staff")


def expect(anonymous, student, other_student, teacher, other_teacher, staff):
    return dict(zip(ROLES, (anonymous, student, other_student, teacher, other_teacher, staff), strict=True))


EVERYONE = expect(200, 200, 200, 200, 200, 200)
SIGNED_IN_WEB = expect(302, 200, 200, 200, 200, 200)
SIGNED_IN_API = expect(403, 200, 200, 200, 200, 200)
OWN_ATTEMPT_WEB = expect(302, 200, 404, 404, 404, 404)
OWN_ATTEMPT_API = expect(403, 200, 404, 404, 404, 404)
TEACHERS_OWN_WEB = expect(302, 403, 403, 200, 404, 403)
TEACHERS_OWN_API = expect(403, 403, 403, 200, 404, 403)

MATRIX = [
    ("get", "/", None, EVERYONE),
    ("get", "/chapters/sapporo-ict-chapter1/sections/2/", None, EVERYONE),
    ("get", "/chapters/sapporo-ict-chapter1/glossary/", None, EVERYONE),
    ("get", "/dashboard/", None, SIGNED_IN_WEB),
    ("get", "/practice/{attempt}/items/1/", None, OWN_ATTEMPT_WEB),
    ("get", "/practice/{attempt}/summary/", None, OWN_ATTEMPT_WEB),
    ("post", "/practice/{attempt}/finish/", {}, expect(302, 302, 404, 404, 404, 404)),
    ("get", "/teach/", None, expect(302, 403, 403, 200, 200, 403)),
    ("get", "/teach/classes/{class}/", None, TEACHERS_OWN_WEB),
    ("get", "/teach/sets/{set}/", None, TEACHERS_OWN_WEB),
    ("get", "/teach/sets/{set}/results/", None, TEACHERS_OWN_WEB),
    ("get", "/teach/sets/{set}/results.csv", None, TEACHERS_OWN_WEB),
    ("get", "/teach/sets/{set}/export/?format=gift", None, TEACHERS_OWN_WEB),
    ("post", "/teach/sets/{set}/do/settings/", {"title": "x"}, expect(302, 403, 403, 302, 404, 403)),
    ("post", "/assignments/{assignment}/start/", {}, expect(302, 302, 404, 404, 404, 404)),
    ("get", "/admin/quizzes/item/", None, expect(302, 302, 302, 302, 302, 200)),
    ("get", "/admin/content/chapter/upload/", None, expect(302, 302, 302, 302, 302, 200)),
    ("get", "/api/v1/chapters/", None, EVERYONE),
    ("get", "/api/v1/terms/?chapter=sapporo-ict-chapter1", None, EVERYONE),
    ("get", "/api/schema/", None, EVERYONE),
    ("get", "/api/v1/progress/", None, SIGNED_IN_API),
    ("get", "/api/v1/reviews/due/", None, SIGNED_IN_API),
    ("get", "/api/v1/practice-sessions/", None, SIGNED_IN_API),
    ("get", "/api/v1/practice-sessions/{attempt}/", None, OWN_ATTEMPT_API),
    ("post", "/api/v1/practice-sessions/{attempt}/answers/", {"item": "{item}", "response": "zz"},
     expect(403, 400, 404, 404, 404, 404)),
    ("post", "/api/v1/practice-sessions/{attempt}/finish/", {}, OWN_ATTEMPT_API),
    ("get", "/api/v1/classes/", None, SIGNED_IN_API),
    ("get", "/api/v1/classes/{class}/", None, expect(403, 200, 404, 200, 404, 404)),
    ("post", "/api/v1/classes/{class}/renew-code/", {}, expect(403, 403, 403, 200, 404, 403)),
    ("post", "/api/v1/classes/", {"name": "新しい組"}, expect(403, 403, 403, 201, 201, 403)),
    ("get", "/api/v1/quiz-sets/", None, expect(403, 403, 403, 200, 200, 403)),
    ("get", "/api/v1/quiz-sets/{set}/", None, TEACHERS_OWN_API),
    ("get", "/api/v1/quiz-sets/{set}/results/", None, TEACHERS_OWN_API),
    ("get", "/api/v1/quiz-sets/{set}/export/?format=moodle", None, TEACHERS_OWN_API),
    ("get", "/api/v1/assignments/", None, SIGNED_IN_API),
    ("post", "/api/v1/assignments/{assignment}/start/", {}, expect(403, 201, 404, 404, 404, 404)),
    # staff send the file as multipart; a JSON body is refused before anything is read
    ("post", "/api/v1/chapter-imports/", {}, expect(403, 403, 403, 403, 403, 415)),
]


@pytest.fixture
def world(seed_bank, django_user_model):
    teachers = Group.objects.get_or_create(name="teachers")[0]
    users = {
        "student": django_user_model.objects.create_user("student", password="pw-12345678"),
        "other_student": django_user_model.objects.create_user("other_student", password="pw-12345678"),
        "teacher": django_user_model.objects.create_user("teacher", password="pw-12345678"),
        "other_teacher": django_user_model.objects.create_user("other_teacher", password="pw-12345678"),
        "staff": django_user_model.objects.create_superuser("staff", "staff@example.org", "pw-12345678"),
    }
    users["teacher"].groups.add(teachers)
    users["other_teacher"].groups.add(teachers)
    school_class = class_create(teacher=users["teacher"], name="3年1組")
    class_join(student=users["student"], join_code=school_class.join_code)
    quiz_set = quiz_set_create(owner=users["teacher"], title="確認")
    item = Item.objects.filter(kind="single_choice").first()
    entry_add_item(quiz_set=quiz_set, item=item)
    now = timezone.now()
    assignment = assignment_create(quiz_set=quiz_set, school_class=school_class, open_at=now - timedelta(hours=1),
                                   close_at=now + timedelta(days=1))
    attempt = attempt_create(learner=users["student"], items=[item])
    ids = {"attempt": attempt.pk, "class": school_class.pk, "set": quiz_set.pk, "assignment": assignment.pk,
           "item": item.pk}
    return users, ids


def request_as(users, role, method, url, data):
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    if method == "get":
        return client.get(url)
    if url.startswith("/api/"):
        return client.post(url, data, content_type="application/json")
    return client.post(url, data)


def test_the_permission_matrix(world):
    """One world for the whole table (rows that change state come late and change nothing the earlier
    rows read); every mismatch is listed at once."""
    users, ids = world
    mismatches = []
    for method, path, data, expected in MATRIX:
        url = path.format(**ids)
        payload = {k: (ids["item"] if v == "{item}" else v) for k, v in data.items()} if data else data
        for role in ROLES:
            status = request_as(users, role, method, url, payload).status_code
            if status != expected[role]:
                mismatches.append(f"{method.upper()} {path} as {role}: {status}, expected {expected[role]}")
    assert mismatches == []
    assert len(MATRIX) * len(ROLES) >= 200
