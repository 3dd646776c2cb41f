"""Lesson pages are cached under the chapter's revision: served from the cache until an import or an
admin edit changes the chapter, then rebuilt at once."""

import re

from django.test import Client
from django.urls import reverse

from content.models import Chapter, Term
from content.services.chapter_import import chapter_import_file
from tests.conftest import SEED

SLUG = "sapporo-ict-chapter1"
SECTION_2 = reverse("content:section", kwargs={"slug": SLUG, "number": 2})
GLOSSARY = reverse("content:glossary", kwargs={"slug": SLUG})
OLD_SENTENCE = "本構想では、コミュニケーションの活性化に主眼を置き"


def test_a_cached_lesson_page_costs_one_query_and_still_greets_the_user(student_client, imported_seed,
                                                                        django_assert_max_num_queries):
    client = Client()  # anonymous (student_client logs the shared ``client`` fixture in)
    first = client.get(SECTION_2).content.decode()
    with django_assert_max_num_queries(1):  # the section's heading; the lesson itself comes from the cache
        again = client.get(SECTION_2).content.decode()
    lesson = first[first.index('<article class="lesson">'):first.index("</article>")]
    assert OLD_SENTENCE in lesson and lesson in again
    # The cached parts hold nothing personal: a logged-in learner gets the practise form, not the log-in link.
    practise = f'action="{reverse("quizzes:practice-start")}"'
    page = student_client.get(SECTION_2).content.decode()
    assert lesson in page and practise in page and practise not in first


def _terms_in_order(page: str) -> list[str]:
    return re.findall(r'<dt id="term-(\d+)"', page)


def test_glossary_orders_are_cached_apart(client, imported_seed, django_assert_max_num_queries):
    by_number = _terms_in_order(client.get(GLOSSARY).content.decode())
    by_kana = _terms_in_order(client.get(GLOSSARY, {"order": "kana"}).content.decode())
    with django_assert_max_num_queries(1):
        assert _terms_in_order(client.get(GLOSSARY, {"order": "kana"}).content.decode()) == by_kana
    assert by_number == [str(n) for n in range(1, 26)] and sorted(by_kana, key=int) == by_number != by_kana


def test_english_and_japanese_are_cached_apart(client, imported_seed):
    assert "用語集" in client.get(GLOSSARY).content.decode()
    english = client.get(GLOSSARY, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Glossary" in english and "<h1>用語集</h1>" not in english


def test_reimporting_a_changed_chapter_shows_the_change_at_once(client, imported_seed):
    assert OLD_SENTENCE in client.get(SECTION_2).content.decode()
    revision = imported_seed.revision
    changed = SEED.read_text(encoding="utf-8").replace(OLD_SENTENCE, "本構想では、市民の対話の活性化に主眼を置き")
    chapter_import_file(data=changed.encode(), source_name=SEED.name)

    assert Chapter.objects.get(slug=SLUG).revision > revision
    page = client.get(SECTION_2).content.decode()
    assert "市民の対話の活性化" in page and OLD_SENTENCE not in page


def test_an_admin_edit_of_a_definition_shows_in_the_glossary_and_the_lesson(client, staff_client, imported_seed):
    term = Term.objects.get(chapter=imported_seed, number=1)
    section_url = reverse("content:section", kwargs={"slug": SLUG, "number": term.section.number})
    assert term.definition in client.get(GLOSSARY).content.decode()
    assert term.definition in client.get(section_url).content.decode()

    data = {"chapter": term.chapter_id, "section": term.section_id, "number": term.number, "term": term.term,
            "reading": term.reading, "definition": "書き直した定義。"}
    assert staff_client.post(reverse("admin:content_term_change", args=[term.pk]), data).status_code == 302

    assert "書き直した定義。" in client.get(GLOSSARY).content.decode()
    assert "書き直した定義。" in client.get(section_url).content.decode()


def test_deleting_in_the_admin_raises_the_revision(staff_client, imported_seed):
    figure_count = imported_seed.sections.get(number=2).figures.count()
    figure = imported_seed.sections.get(number=2).figures.first()
    assert figure_count and figure is not None
    revision = imported_seed.revision
    url = reverse("admin:content_figure_delete", args=[figure.pk])
    assert staff_client.post(url, {"post": "yes"}).status_code == 302
    assert Chapter.objects.get(pk=imported_seed.pk).revision == revision + 1
