"""A term's shown reading is worked out when the term is saved, so that showing a page never loads the
Japanese dictionary (a worker that did grew by 90 MB)."""

import pytest
from django.urls import reverse

from content.models import Term

SLUG = "sapporo-ict-chapter1"


def _no_dictionary():
    raise AssertionError("a page loaded the Japanese dictionary")


def test_lesson_and_glossary_pages_are_made_without_the_dictionary(client, imported_seed, monkeypatch):
    monkeypatch.setattr("content.readings.tokenizer", _no_dictionary)
    term = Term.objects.exclude(shown_reading="").filter(chapter=imported_seed, section__isnull=False).first()
    glossary = client.get(reverse("content:glossary", kwargs={"slug": SLUG})).content.decode()
    lesson = client.get(reverse("content:section", kwargs={"slug": SLUG, "number": term.section.number}))
    assert f"（{term.shown_reading}）" in glossary and f"（{term.shown_reading}）" in lesson.content.decode()


@pytest.mark.parametrize("term, reading, shown", [("防災行政無線", "ぼうさいぎょうせいむせん", "ぼうさいぎょうせいむせん"),
                                                  ("スマートフォン", "すまーとふぉん", "")])
def test_an_admin_edit_works_the_shown_reading_out_again(staff_client, imported_seed, term, reading, shown):
    row = Term.objects.get(chapter=imported_seed, number=1)
    data = {"chapter": row.chapter_id, "section": row.section_id, "number": row.number, "term": term,
            "reading": reading, "definition": row.definition}
    assert staff_client.post(reverse("admin:content_term_change", args=[row.pk]), data).status_code == 302
    assert Term.objects.get(pk=row.pk).shown_reading == shown


def test_an_import_stores_each_terms_shown_reading(imported_seed):
    from content.readings import shown_reading

    terms = list(Term.objects.filter(chapter=imported_seed))
    assert terms and all(t.shown_reading == shown_reading(t.term, t.reading) for t in terms)
    assert any(t.shown_reading for t in terms) and any(not t.shown_reading for t in terms)
