import re
from pathlib import Path

import pytest

from content.parsing import parse_chapter

SEED = Path(__file__).resolve().parent.parent / "content" / "sample_chapters" / "sapporo-ict-chapter1.txt"
# Chapters we wrote ourselves in the same format, to test the parser beyond the seed (not real content).
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "chapters"
PLANS = FIXTURES / "sample-chapter2-plans.txt"
OPEN_DATA = FIXTURES / "sample-chapter3-open-data.txt"


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''} {database['NAME']}"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def seed():
    return parse_chapter(SEED.read_bytes())


@pytest.fixture(scope="session")
def plans():
    return parse_chapter(PLANS.read_bytes())


@pytest.fixture(scope="session")
def open_data():
    return parse_chapter(OPEN_DATA.read_bytes())


@pytest.fixture
def imported_seed(db, seed_bytes):
    from content.models import Chapter
    from content.services.chapter_import import chapter_import_file

    chapter_import_file(data=seed_bytes, source_name=SEED.name)
    return Chapter.objects.get(slug="sapporo-ict-chapter1")


@pytest.fixture
def all_chapters(imported_seed):
    """The seed and our two fixture chapters."""
    from content.services.chapter_import import chapter_import_file

    for path in (PLANS, OPEN_DATA):
        chapter_import_file(data=path.read_bytes(), source_name=path.name)
    return imported_seed


@pytest.fixture(params=["one chapter", "three chapters"])
def some_chapters(request, imported_seed):
    """For query bounds: the same limit must hold with one chapter and with three."""
    if request.param == "three chapters":
        request.getfixturevalue("all_chapters")
    return imported_seed


@pytest.fixture
def staff_client(client, db):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-12345678")
    client.force_login(admin)
    return client


@pytest.fixture
def seed_bank(imported_seed):
    """The seed chapter with its generated item bank."""
    from quizzes.services.item_generation import items_generate

    items_generate(chapter=imported_seed)
    return imported_seed


def material_of(parsed, slug: str, *others):
    """Generator material straight from parsed chapters; ``others`` lend terms and goal phrases."""
    from quizzes.generation.from_parsed import material_from_parsed

    material = material_from_parsed(parsed, slug)
    for other in others:
        lent = material_from_parsed(other, "other")
        material.other_terms += lent.terms
        material.other_goal_phrases += [goal for goals in lent.goal_lists for goal in goals.items]
    return material


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttle counts and pages live in the caches: each test starts with none. The shared cache
    is a database table unless REDIS_URL is set: a test's rolled-back transaction empties it."""
    from django.conf import settings
    from django.core.cache import caches

    from civiclearn import kept_pages, site_header
    from content import revision_memory

    caches["default"].clear()
    if not settings.CACHES["shared"]["BACKEND"].endswith("DatabaseCache"):
        caches["shared"].clear()
    kept_pages.forget_all()  # each worker's own copies: primary keys repeat between tests on SQLite
    site_header._rendered.clear()
    revision_memory._remembered.clear()


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Background tasks run as they are enqueued (the browser test of the upload runs a real worker)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language (a request with Accept-Language leaves its own active)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def student(db, django_user_model):
    return django_user_model.objects.create_user("hanako", password="pw-12345678")


@pytest.fixture
def student_client(client, student):
    client.force_login(student)
    return client


def form_answer(slot, *, right: bool = True) -> dict:
    """The POST fields the item page sends for the key (or for a wrong answer) of ``slot``."""
    version = slot.version
    key, ids = version.answer, [option["id"] for option in version.options]
    if version.kind in ("single_choice", "cloze"):
        return {"response": key if right else next(i for i in ids if i != key)}
    if version.kind == "multiple_response":
        return {"response": key if right else [i for i in ids if i not in key]}
    if version.kind == "true_false":
        return {"response": "true" if key == right else "false"}
    if version.kind == "short_answer":
        return {"response": key[0] if right else "まちがい"}
    if version.kind == "ordering":
        order = key if right else list(reversed(key))
        return {f"order-{option_id}": str(place) for place, option_id in enumerate(order, start=1)}
    pairs = key if right else dict(zip(key, list(key.values())[1:] + list(key.values())[:1], strict=True))
    return {f"match-{left}": right_id for left, right_id in pairs.items()}


def json_answer(slot, *, right: bool = True):
    """The API response for the key (or a wrong answer) of ``slot``: the form's fields in JSON shape."""
    fields = form_answer(slot, right=right)
    kind = slot.version.kind
    if kind == "true_false":
        return fields["response"] == "true"
    if kind == "ordering":
        return [key.removeprefix("order-") for key, _ in sorted(fields.items(), key=lambda pair: int(pair[1]))]
    if kind == "matching":
        return {key.removeprefix("match-"): value for key, value in fields.items()}
    return fields["response"]


@pytest.fixture
def teacher(db, django_user_model):
    """A teacher "sensei" (password pw-12345678). The group comes from a migration, but tests on a live
    server flush the database between tests, so it is made again when missing."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("sensei", password="pw-12345678")
    user.groups.add(Group.objects.get_or_create(name="teachers")[0])
    return user


@pytest.fixture
def student_api(student):
    """An API client signed in as ``student``."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(student)
    return client


@pytest.fixture
def teacher_client(teacher):
    """A test client signed in as ``teacher``."""
    from django.test import Client

    client = Client()
    client.force_login(teacher)
    return client


_CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def without_csrf_tokens(html: str) -> str:
    """``html`` with its CSRF tokens' values taken out: each rendering masks the token afresh."""
    return _CSRF_TOKEN.sub("", html)


def request_as(user, path: str):
    """A GET of ``path`` by ``user``, with a session, as the middleware would hand it to a view."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    request = RequestFactory().get(path)
    request.user, request.session = user, SessionStore()
    return request


def rendered_afresh(user, path: str, template: str, context: dict) -> str:
    """``template`` rendered as Django renders a page for ``user`` at ``path``: their own user, path, token."""
    from django.shortcuts import render

    return render(request_as(user, path), template, context).content.decode()


class Clock:
    """timezone.now for the services and for the answers' own time stamps (auto_now_add reads it too);
    with ``ticking``, a microsecond later at each reading, so that no two writes share an instant."""

    def __init__(self, monkeypatch, *, ticking: bool = False):
        from datetime import timedelta

        from django.utils import timezone

        self.now = timezone.now().replace(hour=3)
        self.tick = timedelta(microseconds=1 if ticking else 0)
        monkeypatch.setattr("django.utils.timezone.now", self._read)

    def _read(self):
        self.now += self.tick
        return self.now

    def advance(self, **delta):
        from datetime import timedelta

        self.now += timedelta(**delta)
