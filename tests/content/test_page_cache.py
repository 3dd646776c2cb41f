"""Lesson pages are cached under the chapter's revision: served from the cache until an import or an
admin edit changes the chapter, then rebuilt at once."""

import re

from django.test import Client
from django.urls import reverse

from content.models import Chapter, Term
from content.services.chapter_import import chapter_import_file
from tests.conftest import SEED, rendered_afresh, without_csrf_tokens

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


def test_a_kept_page_is_the_page_rendered_afresh_for_each_reader(client, imported_seed, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    from content.views import _glossary_context, _section_context

    readers = [AnonymousUser(), django_user_model.objects.create_user("<b>hanako</b>")]
    for user in readers:
        if user.is_authenticated:
            client.force_login(user)
        for _ in range(2):  # made, then kept
            kept = client.get(SECTION_2 + "?from=<x>").content.decode()
            afresh = rendered_afresh(user, SECTION_2 + "?from=<x>", "content/section_detail.html",
                                      _section_context(SLUG, 2, False))
            assert without_csrf_tokens(kept) == without_csrf_tokens(afresh)
            glossary = client.get(GLOSSARY).content.decode()
            assert without_csrf_tokens(glossary) == without_csrf_tokens(rendered_afresh(
                user, GLOSSARY, "content/glossary.html", _glossary_context(imported_seed, "number")))
    assert "&lt;b&gt;hanako&lt;/b&gt;" in kept and "civiclearnhole" not in kept


def test_a_kept_page_renders_no_template_and_greets_each_reader_by_name(imported_seed, django_user_model):
    from django.test.signals import template_rendered

    readers = []
    for name in ("hanako", "taro"):
        reader = Client()
        reader.force_login(django_user_model.objects.create_user(name))
        readers.append(reader)
    readers[0].get(SECTION_2)  # made and kept
    rendered = []
    template_rendered.connect(lambda sender, template, **kwargs: rendered.append(template.name), weak=False,
                              dispatch_uid="count-renders")
    try:
        pages = [reader.get(SECTION_2).content.decode() for reader in readers]
    finally:
        template_rendered.disconnect(dispatch_uid="count-renders")
    assert rendered == []
    assert "<span>hanako</span>" in pages[0] and "<span>taro</span>" in pages[1] and "hanako" not in pages[1]
