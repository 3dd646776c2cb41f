"""A reviewer's edits applied to a parsed document (plain Python): what moves with a merged section,
what goes with a dropped one, and edits that name what is not there."""

import pytest

from content.parsing import ParseError, apply_review, parse_document
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def document():
    return parse_document((FIXTURES / "layout-marked-sections-notes.txt").read_bytes())


def edited(document, **chapter_edits):
    return apply_review(document, {"chapters": {"0": chapter_edits}}).chapters[0]


def test_no_edits_change_nothing_and_the_original_is_left_alone(document):
    assert apply_review(document, {}) == document
    edited(document, sections={"1": {"drop": True}})
    assert len(document.chapters[0].sections) == 3


def test_a_dropped_section_takes_its_events_and_the_rest_are_numbered_again(document):
    chapter = edited(document, sections={"1": {"drop": True}})
    assert [(s.number, s.title) for s in chapter.sections] == [(1, "計画の位置づけ"), (2, "取組の柱")]
    assert chapter.events == []  # all six were in 災害の記録
    assert [(t.section, t.text) for t in chapter.targets] == [(1, "令和２～６年度")]
    assert [(g.section, g.paragraph) for g in chapter.goals] == [(2, 0)]
    assert [(t.term, t.section) for t in chapter.terms] == [("防災行政無線", None), ("自主防災組織", 2)]


def test_a_merged_section_joins_the_one_before_with_everything_it_holds(document):
    chapter = edited(document, sections={"3": {"merge": True}, "1": {"title": "災害の歩み"}})
    assert [(s.number, s.title) for s in chapter.sections] == [(1, "災害の歩み"), (2, "計画の位置づけ")]
    assert len(chapter.sections[1].paragraphs) == 2 + 9
    (goals,) = chapter.goals
    assert (goals.section, goals.paragraph) == (2, 2)  # it was the first paragraph of 取組の柱
    assert chapter.sections[1].paragraphs[goals.paragraph].text.startswith("町は、災害に強いまちを目指して")
    assert [t.section for t in chapter.terms] == [1, 2]


def test_a_dropped_term_loses_its_links_and_a_fixed_one_keeps_them(document):
    chapter = edited(document, terms={"2": {"drop": True}, "1": {"definition": "無線の設備。"}})
    assert [(t.number, t.definition) for t in chapter.terms] == [(1, "無線の設備。")]
    links = [link.term for s in chapter.sections for p in s.paragraphs for link in p.links]
    assert 2 not in links and 1 in links


def test_an_event_fixed_to_another_precision_gets_that_span(document):
    chapter = edited(document, events={"0": {"year": 1980, "precision": "decade"},
                                       "5": {"year": 1887, "precision": "year"}, "4": {"drop": True}})
    assert (chapter.events[0].year, chapter.events[0].span_start, chapter.events[0].span_end) == (1980, 1980, 1989)
    assert chapter.events[0].approximate
    last = chapter.events[-1]
    assert (last.text, last.precision, last.span_start, last.span_end, last.approximate) == (
        "明治20年頃", "year", 1887, 1887, False)
    assert "翌年度" not in [e.text for e in chapter.events]


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ({"chapters": {"3": {}}}, "chapter 4"),
        ({"chapters": {"0": {"sections": {"9": {"drop": True}}}}}, "section 9"),
        ({"chapters": {"0": {"sections": {n: {"drop": True} for n in ("1", "2", "3")}}}}, "every section"),
        ({"chapters": {"0": {"events": {"0": {"precision": "century"}}}}}, "is not a precision"),
    ],
)
def test_edits_that_name_what_is_not_there_are_refused(document, edits, message):
    with pytest.raises(ParseError, match=message):
        apply_review(document, edits)


def test_the_models_precisions_are_the_reviews():
    from content.models import Event
    from content.parsing import PRECISIONS

    assert [value for value, _label in Event.Precision.choices] == list(PRECISIONS)
