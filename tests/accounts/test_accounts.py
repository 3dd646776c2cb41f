"""Sign up, log in and out, change and reset a password; roles; demo accounts only while debugging."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.demo import DEMO_ACCOUNTS
from accounts.roles import TEACHERS_GROUP, is_teacher, role_of

pytestmark = pytest.mark.django_db


def test_sign_up_refuses_a_weak_or_mismatched_password_with_reasons(client):
    page = client.post(reverse("signup"), {"username": "taro", "password1": "abc", "password2": "abd"})
    assert page.status_code == 200 and not User.objects.exists()
    assert 'role="alert"' in page.content.decode()


def test_log_in_and_out(client, student):
    response = client.post(reverse("login"), {"username": "hanako", "password": "pw-12345678"})
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:dashboard")
    assert "hanako" in client.get(reverse("quizzes:dashboard")).content.decode()
    client.post(reverse("logout"))
    assert client.get(reverse("quizzes:dashboard")).status_code == 302


def test_change_password(student_client, student):
    response = student_client.post(reverse("password_change"), {
        "old_password": "pw-12345678", "new_password1": "atarashii-kagi-42", "new_password2": "atarashii-kagi-42"})
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.check_password("atarashii-kagi-42")


def test_reset_password_by_email(client, student):
    student.email = "hanako@example.org"
    student.save()
    client.post(reverse("password_reset"), {"email": "hanako@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    set_url = form.redirect_chain[-1][0]
    client.post(set_url, {"new_password1": "atarashii-kagi-42", "new_password2": "atarashii-kagi-42"})
    student.refresh_from_db()
    assert student.check_password("atarashii-kagi-42")


def test_roles(student, django_user_model):
    assert role_of(student) == "student" and not is_teacher(student)
    student.groups.add(Group.objects.get_or_create(name=TEACHERS_GROUP)[0])
    # the role is cached on the user object, as Django caches permissions: each request has a fresh user
    assert role_of(django_user_model.objects.get(pk=student.pk)) == "teacher"
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw-12345678")
    assert role_of(admin) == "staff"


def test_demo_accounts_while_debugging(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("create_demo_accounts", stdout=out)
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(username=account.username)
        assert user.check_password(account.password) and role_of(user) == account.role
        assert account.password in out.getvalue()
    call_command("create_demo_accounts", stdout=StringIO())  # again: nothing duplicated
    assert User.objects.count() == len(DEMO_ACCOUNTS)


def test_demo_accounts_are_refused_outside_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG is off"):
        call_command("create_demo_accounts")
    assert not User.objects.exists()


def test_logins_are_throttled_after_repeated_failures(client, student, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        client.post(reverse("login"), {"username": "hanako", "password": "wrong"})
    locked = client.post(reverse("login"), {"username": "hanako", "password": "pw-12345678"})
    assert locked.status_code == 429 and "ロック" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_token_endpoint_is_throttled(client, student, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "token": "2/minute"}}
    statuses = [client.post("/api/v1/auth/token/", {"username": "hanako", "password": "pw-12345678"}).status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_pages_carry_a_content_security_policy_without_inline_script(client, db):
    policy = client.get(reverse("content:chapter-list"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy


def test_the_api_docs_run_without_inline_script(client, db):
    import re

    page = client.get("/api/docs/").content.decode()
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts and all("src=" in attributes for attributes in scripts)


@pytest.mark.django_db
def test_a_teacher_lands_on_the_teacher_home_and_a_student_on_the_dashboard(client, teacher, student):

    for user, landing in ((teacher, reverse("quizzes:teach")), (student, reverse("quizzes:dashboard"))):
        client.logout()
        response = client.post(reverse("login"), {"username": user.username, "password": "pw-12345678"})
        assert response.status_code == 302 and response["Location"] == landing
    client.logout()
    came_from = reverse("content:glossary", kwargs={"slug": "x"})
    response = client.post(f"{reverse('login')}?next={came_from}", {"username": "sensei", "password": "pw-12345678"})
    assert response["Location"] == came_from  # where the teacher was going still wins
