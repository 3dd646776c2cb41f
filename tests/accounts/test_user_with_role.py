"""The signed-in user and their role come in one query on every page (accounts/backends.py), and a
change of role shows on the very next request."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def _user_queries(client):
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("content:chapter-list"))
    return page, [q["sql"] for q in captured.captured_queries if "auth_user" in q["sql"]]


def test_a_teachers_page_loads_the_user_and_the_role_in_one_query(client, teacher):
    signed_in = client.post(reverse("login"), {"username": "sensei", "password": "pw-12345678"})  # as a real log-in
    assert signed_in.status_code == 302

    page, queries = _user_queries(client)

    assert reverse("quizzes:teach") in page.content.decode()  # the header's Teaching link
    assert len(queries) == 1 and "EXISTS" in queries[0] and "auth_user_groups" in queries[0]


def test_a_students_header_has_no_teaching_link_and_no_second_query(student_client):
    page, queries = _user_queries(student_client)

    assert reverse("quizzes:teach") not in page.content.decode()
    assert len(queries) == 1


def test_a_role_given_or_taken_shows_on_the_next_request(student_client, student):
    teachers, _ = Group.objects.get_or_create(name="teachers")
    student.groups.add(teachers)
    assert reverse("quizzes:teach") in _user_queries(student_client)[0].content.decode()
    student.groups.remove(teachers)
    assert reverse("quizzes:teach") not in _user_queries(student_client)[0].content.decode()


def test_an_inactive_user_is_signed_out(student_client, student):
    student.is_active = False
    student.save()
    page, _ = _user_queries(student_client)
    assert reverse("login") in page.content.decode() and "hanako" not in page.content.decode()
