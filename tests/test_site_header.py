"""The site header is rendered once per language and kind of reader and filled in per request
(civiclearn/site_header.py): what each reader sees must be exactly what rendering it afresh gives."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from accounts.roles import is_teacher
from civiclearn import site_header as header_module
from tests.conftest import request_as, without_csrf_tokens


def _fresh(request) -> str:
    """The header as the template renders it with the request's own user, path and token."""
    return render_to_string("includes/_site_header.html", {"is_teacher_user": is_teacher(request.user),
                                                          "furigana": False}, request=request)


def _request(user, path="/chapters/?q=<b>&x=1"):
    return request_as(user, path)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "student", "teacher", "staff"])
def test_the_filled_header_is_the_header_rendered_afresh(who, django_user_model, teacher):
    from django.contrib.auth.models import AnonymousUser

    user = {"anonymous": AnonymousUser(), "teacher": teacher,
            "student": django_user_model.objects.create_user("<i>hanako</i>")}.get(who)
    if who == "staff":
        user = django_user_model.objects.create_user("admin", is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="add_chapter"))
    header_module._rendered.clear()
    for _ in range(2):  # the first rendering, then the kept one
        request = _request(user)
        filled = str(header_module.site_header(request))
        assert without_csrf_tokens(filled) == without_csrf_tokens(_fresh(_request(user)))
    assert "civiclearnhole" not in filled
    if who == "student":
        assert "&lt;i&gt;hanako&lt;/i&gt;" in filled and "<i>" not in filled
    assert "/chapters/?q=%3Cb%3E&amp;x=1" in filled  # the path escaped where it stands


@pytest.mark.django_db
def test_a_value_is_never_read_as_a_hole(django_user_model):
    user = django_user_model.objects.create_user(header_module.HOLE_FULL_PATH)
    filled = str(header_module.site_header(_request(user, path="/elsewhere/")))
    assert f"<span>{header_module.HOLE_FULL_PATH}</span>" in filled


@pytest.mark.django_db
def test_the_headers_token_is_accepted_by_the_forms_it_stands_in(student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    page = client.get(reverse("content:chapter-list")).content.decode()
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert len(tokens) == 3
    signed_out = client.post(reverse("logout"), {"csrfmiddlewaretoken": tokens[0]})
    assert signed_out.status_code == 302

