"""A worker remembers a public chapter's revision for REVISION_MEMORY_SECONDS (content/revision_memory.py):
lesson and glossary pages then cost no query, a change made through the same worker shows at once, and one
made elsewhere shows within that bound."""

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from content import revision_memory
from content.models import Chapter, Paragraph
from content.services.revisions import raise_revision

pytestmark = pytest.mark.django_db
SLUG = "sapporo-ict-chapter1"
LESSON = reverse("content:section", kwargs={"slug": SLUG, "number": 2})
GLOSSARY = reverse("content:glossary", kwargs={"slug": SLUG})


@pytest.fixture
def clock():
    """time.monotonic as the memory reads it, moved by hand."""
    now = [1000.0]
    with mock.patch.object(revision_memory.time, "monotonic", lambda: now[0]):
        yield now


@pytest.mark.parametrize("path", [LESSON, GLOSSARY])
def test_a_visitor_s_page_asks_for_the_revision_once_a_second(imported_seed, clock, path,
                                                              django_assert_num_queries):
    visitor = Client()
    assert visitor.get(path).status_code == 200  # kept, and the revision remembered
    with django_assert_num_queries(0):
        assert visitor.get(path).status_code == 200
    clock[0] += 1.01
    with django_assert_num_queries(1):  # forgotten after a second: asked again
        assert visitor.get(path).status_code == 200


def test_an_edit_through_this_worker_shows_at_once(imported_seed, clock):
    visitor = Client()
    assert "平成" in visitor.get(LESSON).content.decode()
    paragraph = Paragraph.objects.filter(section__chapter=imported_seed, section__number=2).first()
    Paragraph.objects.filter(pk=paragraph.pk).update(text="書き換えた段落です。")
    raise_revision([imported_seed.pk])  # what every import and admin edit does
    assert "書き換えた段落です。" in visitor.get(LESSON).content.decode()


def test_a_chapter_made_private_elsewhere_is_refused_within_the_bound(imported_seed, clock):
    visitor = Client()
    assert visitor.get(LESSON).status_code == 200
    # another app server's change: this worker's memory is not told
    Chapter.objects.filter(pk=imported_seed.pk).update(is_public=False, revision=imported_seed.revision + 1)
    assert visitor.get(LESSON).status_code == 200  # still remembered: this is the price, a second at most
    clock[0] += 1.01
    assert visitor.get(LESSON).status_code == 404


def test_a_chapter_made_private_through_this_worker_is_refused_at_once(imported_seed, clock):
    visitor = Client()
    assert visitor.get(LESSON).status_code == 200
    Chapter.objects.filter(pk=imported_seed.pk).update(is_public=False)
    raise_revision([imported_seed.pk])  # as the admin's save does
    assert visitor.get(LESSON).status_code == 404


def test_a_commit_forgets_what_was_remembered_while_it_was_open(imported_seed, clock,
                                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        raise_revision([imported_seed.pk])
        revision_memory.remembered("a page", lambda: (imported_seed.pk, 1))  # a request served in between
        assert "a page" in revision_memory._remembered
    assert revision_memory._remembered == {}


def test_switched_off_it_asks_every_time(imported_seed, settings, django_assert_num_queries):
    settings.REVISION_MEMORY_SECONDS = 0
    visitor = Client()
    visitor.get(LESSON)
    for _ in range(2):
        with django_assert_num_queries(1):
            assert visitor.get(LESSON).status_code == 200


def test_nothing_unknown_is_remembered_and_the_memory_stays_bounded(imported_seed, clock, monkeypatch):
    visitor = Client()
    assert visitor.get(reverse("content:section", kwargs={"slug": SLUG, "number": 99})).status_code == 404
    assert revision_memory._remembered == {}
    monkeypatch.setattr(revision_memory, "LIMIT", 3)
    for number in (1, 2, 3, 4):
        visitor.get(reverse("content:section", kwargs={"slug": SLUG, "number": number}))
    assert len(revision_memory._remembered) <= 3
