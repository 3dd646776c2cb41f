"""What other chapters lend a chapter's generators: terms only from public chapters, goal phrases only
from chapters of the same document (another town's goals would be easy to rule out)."""

import pytest

from content.models import Chapter
from quizzes.selectors.bank import chapter_material
from quizzes.services.chapter_publishing import chapter_publish
from tests.conftest import FIXTURES


@pytest.mark.django_db
def test_goal_phrases_come_from_the_same_document_and_terms_from_public_chapters(imported_seed, django_user_model):
    two_chapters = (FIXTURES / "layout-two-chapters-asterisk-notes.txt").read_bytes()
    chapter_publish(data=two_chapters, source_name="ayumi.txt", slug="ayumi")
    other_town = (FIXTURES / "layout-colon-chapter-unnumbered-glossary.txt").read_bytes()
    chapter_publish(data=other_town, source_name="joho.txt", slug="joho")
    teacher = django_user_model.objects.create_user("sensei", password="pw-12345678")
    private = (FIXTURES / "layout-marked-sections-notes.txt").read_bytes()
    chapter_publish(data=private, source_name="bousai.txt", slug="bousai", owner=teacher, public=False)

    seed = chapter_material(Chapter.objects.get(slug="sapporo-ict-chapter1"))
    assert "行政手続のオンライン化" not in seed.other_goal_phrases  # another document's goal
    lent_terms = {term.term for term in seed.other_terms}
    assert "オープンデータ" in lent_terms  # a public chapter's term
    assert "防災行政無線" not in lent_terms  # a teacher's own chapter lends nothing

    first = chapter_material(Chapter.objects.get(slug="ayumi-1"))
    assert {term.term for term in first.other_terms} >= {"ブランド米"}  # its own document's other chapter
