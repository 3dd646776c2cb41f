"""The admin edits every part of the lessons."""

import pytest
from django.urls import reverse

from content.models import Term


@pytest.mark.parametrize("model", ["chapter", "section", "term", "event", "goallist", "figure", "termlink"])
def test_every_content_model_has_a_changelist_with_search(staff_client, imported_seed, model):
    response = staff_client.get(reverse(f"admin:content_{model}_changelist"), {"q": "札幌"})
    assert response.status_code == 200


def test_term_change_page_edits_a_definition(staff_client, imported_seed):
    term = Term.objects.get(number=18)
    url = reverse("admin:content_term_change", args=[term.pk])
    assert staff_client.get(url).status_code == 200
    data = {"chapter": term.chapter_id, "section": term.section_id, "number": 18, "term": "クリエイター",
            "reading": "", "definition": "創造的な仕事をする人。"}
    assert staff_client.post(url, data).status_code == 302
    term.refresh_from_db()
    assert term.definition == "創造的な仕事をする人。"


def test_section_page_has_paragraphs_inline(staff_client, imported_seed):
    section = imported_seed.sections.get(number=2)
    page = staff_client.get(reverse("admin:content_section_change", args=[section.pk])).content.decode()
    assert "本構想では、コミュニケーションの活性化に主眼を置き" in page
