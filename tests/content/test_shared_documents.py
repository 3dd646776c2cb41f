"""Real municipal PDFs (音威子府村's, kept under tests/fixtures/documents): what a careful reader takes
from them — sections named by their headings, dated events with Western years and precision, and no
page furniture, table-of-contents line or table cell in a paragraph, an event or an item."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

from content.models import Chapter
from content.parsing import ParseError, parse_document
from quizzes.generation.pipeline import generate_bank
from quizzes.services.chapter_publishing import chapter_publish
from tests.conftest import material_of

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
_FURNITURE = re.compile(r"・{4,}|…{3,}|^[\s\-－ー―]*[0-9０-９]{1,3}[\s\-－ー―]*$|目\s*次")


@pytest.fixture(scope="module")
def vision():
    return parse_document((DOCUMENTS / "otoineppu-jinko-vision.pdf").read_bytes())


@pytest.fixture(scope="module")
def strategy():
    return parse_document((DOCUMENTS / "otoineppu-sogo-senryaku.pdf").read_bytes())


def _texts(chapter):
    paragraphs = [p.text for s in chapter.sections for p in s.paragraphs]
    return paragraphs + [e.sentence for e in chapter.events] + [e.sentence for e in chapter.targets]


def _events(chapter):
    return {(e.text, e.year, e.precision) for e in chapter.events}


def test_population_vision_is_one_chapter_named_by_its_title_with_its_three_parts(vision):
    assert vision.kind == "pdf" and vision.pages == 49
    (chapter,) = vision.chapters
    assert chapter.chapter.title == "北海道音威子府村人口ビジョン"
    assert [s.title for s in chapter.sections] == [
        "人口ビジョンについて", "音威子府村の人口動向の現状と見通し", "人口の将来展望"]


def test_population_vision_dates_have_their_western_year_and_precision(vision):
    (chapter,) = vision.chapters
    assert {("昭和25年", 1950, "year"), ("平成元年", 1989, "year"), ("平成26年12月27日", 2014, "day"),
            ("平成22～26年", 2010, "range"), ("平成23年度", 2011, "year")} <= _events(chapter)
    ranges = {(e.text, e.span_start, e.span_end) for e in chapter.events if e.precision == "range"}
    assert ("平成22～26年", 2010, 2014) in ranges and ("平成21～25年", 2009, 2013) in ranges
    assert all(1868 <= e.year <= 2015 for e in chapter.events)  # the plan is of 2015: later years are projections
    assert {e.year for e in chapter.targets} >= {2040, 2060}


def test_strategy_parts_events_and_a_relative_year(strategy):
    (chapter,) = strategy.chapters
    assert chapter.chapter.title == "北海道音威子府村まち・ひと・しごと創生総合戦略"
    assert [s.title for s in chapter.sections] == [
        "総合戦略について", "音威子府村の総合戦略の基本的な視点", "音威子府村の総合戦略"]
    assert {("2013年度", 2013, "year"), ("2012年度", 2012, "year"), ("同年", 2012, "year")} <= _events(chapter)
    assert all(e.year <= 2015 for e in chapter.events)
    assert [(g.title, g.items) for g in chapter.goals] == [("基本目標", [
        "村の振興の要となる高校の機能強化", "卒業生のための雇用の場の創出", "高校を軸とした人の流れの促進",
        "高校生参加による個性的で魅力ある村づくり"])]


@pytest.mark.parametrize("document", ["vision", "strategy"])
def test_no_furniture_toc_line_or_table_cell_in_a_paragraph_event_or_item(document, request):
    (chapter,) = request.getfixturevalue(document).chapters
    texts = _texts(chapter)
    assert not [text for text in texts if _FURNITURE.search(text)]
    assert not [text for text in texts if text.startswith(("巻頭", "別紙", "別添"))]
    bank = generate_bank(material_of(chapter, document), [import_string(p)() for p in settings.QUIZ_ITEM_GENERATORS])
    assert bank.drafts
    for draft in bank.drafts:
        for text in [draft.prompt, *(option.text for option in draft.options)]:
            assert not _FURNITURE.search(text), (draft.key, text)


@pytest.mark.django_db
def test_a_report_of_tables_is_refused_before_anything_is_written():
    data = (DOCUMENTS / "otoineppu-gyousei-houkoku-r7.pdf").read_bytes()
    with pytest.raises(ParseError, match="no sections"):
        chapter_publish(data=data, source_name="otoineppu-gyousei-houkoku-r7.pdf", slug="gyousei")
    assert not Chapter.objects.exists()
