"""Import writes in one transaction; re-importing keeps what did not change, row for row."""

import pytest

from content.models import Chapter, Event, Figure, Goal, GoalList, Paragraph, Section, Term, TermLink
from content.parsing import ParseError
from content.services.chapter_import import chapter_import_file
from tests.conftest import SEED

MODELS = [Chapter, Section, Paragraph, Term, TermLink, Event, GoalList, Goal, Figure]


def snapshot():
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in MODELS}


def import_text(text: str, slug="sapporo-ict-chapter1"):
    return chapter_import_file(data=text.encode(), source_name=SEED.name, slug=slug)


def test_first_import_writes_the_whole_chapter(imported_seed):
    assert imported_seed.title == "札幌とICT"
    assert imported_seed.source_name == "sapporo-ict-chapter1.txt"
    assert len(imported_seed.source_sha256) == 64
    counts = {model.__name__: model.objects.count() for model in MODELS}
    assert counts == {"Chapter": 1, "Section": 4, "Paragraph": 29, "Term": 25, "TermLink": 56, "Event": 14,
                      "GoalList": 1, "Goal": 5, "Figure": 1}
    marker = TermLink.objects.select_related("paragraph").get(term__number=21, is_marker=True)
    assert marker.paragraph.text[marker.start:marker.end] == "NoMaps"
    assert Term.objects.get(number=21).reading == "ノーマップス"


def test_importing_the_same_file_again_changes_nothing(imported_seed, seed_bytes):
    before = snapshot()
    report = chapter_import_file(data=seed_bytes, source_name=SEED.name)
    assert report.unchanged and not report.created
    assert snapshot() == before


def test_an_edited_file_updates_in_place_and_reports_what_changed(imported_seed, seed_bytes):
    text = seed_bytes.decode()
    terms_before = dict(Term.objects.values_list("term", "pk"))
    kept_paragraph = Paragraph.objects.get(text__startswith="欲しい情報を検索し")
    event_1997 = Event.objects.get(year=1997)
    edited = (
        text.replace("創作家。制作者。", "創作家。制作者。作り手。")          # a definition changes
        .replace("平成５年（1993年）には", "平成６年（1994年）には")          # a date changes
        .replace("益を受けています。 \n", "益を受けています。 \n\n新しく加えた段落です。 \n", 1)  # a paragraph is added
            .replace("7 システム監査：", "7 システム点検：").replace("システム監査7", "システム点検7")  # a term renamed
    )
    report = import_text(edited)
    assert report.tally("added") == {"paragraph": 1}
    # the rename also changes the sentence of the FY2001 event, which mentions システム監査
    assert report.tally("changed") == {"paragraph": 2, "term": 2, "event": 2}
    assert report.tally("removed") == {}
    assert dict(Term.objects.values_list("term", "pk")) == {
        **{k: v for k, v in terms_before.items() if k != "システム監査"}, "システム点検": terms_before["システム監査"],
    }
    assert Term.objects.get(number=18).definition == "創造的な仕事をしている人。創作家。制作者。作り手。"
    kept_paragraph.refresh_from_db()
    assert kept_paragraph.position == 1  # unchanged text, same row
    assert Paragraph.objects.get(text="新しく加えた段落です。").position == 2
    assert Event.objects.get(year=1994).date_text == "平成６年（1994年）"
    assert Event.objects.get(year=1997).pk == event_1997.pk


def test_removed_sections_and_footnotes_are_reported_and_deleted(imported_seed, seed_bytes):
    text = seed_bytes.decode()
    shortened = text[:text.index("４．クリエイティブ産業の発展")] + "\n"  # footnotes 9–25 stand after it
    report = import_text(shortened)
    removed = report.tally("removed")
    assert (removed["section"], removed["term"], removed["event"]) == (1, 17, 4)
    assert Section.objects.count() == 3
    assert list(Term.objects.values_list("number", flat=True)) == list(range(1, 9))


def test_a_file_that_fails_to_parse_leaves_the_database_as_it_was(imported_seed):
    before = snapshot()
    with pytest.raises(ParseError):
        chapter_import_file(data=b"\x00\x01", source_name="broken.txt", slug="sapporo-ict-chapter1")
    assert snapshot() == before


@pytest.mark.django_db
def test_the_slug_defaults_to_the_file_name(seed_bytes):
    report = chapter_import_file(data=seed_bytes, source_name="/tmp/Chapter One.txt")
    assert report.slug == "chapter-one" and Chapter.objects.get().slug == "chapter-one"
