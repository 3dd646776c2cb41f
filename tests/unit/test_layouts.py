"""Chapters in layouts unlike the seed and unlike each other: headings, notes, dates and goals in the
forms municipal plans use, and every generator run over every fixture without a crash."""

import re

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

from content.parsing import parse_document
from quizzes.generation.pipeline import generate_bank
from tests.conftest import FIXTURES, material_of

LAYOUTS = sorted(FIXTURES.glob("*.txt"))


def parsed(name):
    return parse_document((FIXTURES / name).read_bytes())


def events_of(chapter):
    return [(e.text, e.year, e.month, e.precision, (e.span_start, e.span_end), e.fiscal_year) for e in chapter.events]


def all_text(chapter):
    return [p.text for s in chapter.sections for p in s.paragraphs]


def test_marked_sections_paren_subheadings_and_chu_notes():
    (chapter,) = parsed("layout-marked-sections-notes.txt").chapters
    assert (chapter.chapter.number, chapter.chapter.title) == (2, "防災のまちづくり")
    assert [s.title for s in chapter.sections] == ["災害の記録", "計画の位置づけ", "取組の柱"]
    assert [(t.number, t.term, t.section) for t in chapter.terms] == [(1, "防災行政無線", 1), (2, "自主防災組織", 3)]
    assert not any("注" in text and re.search(r"注[0-9]", text) for text in all_text(chapter))
    marked = [(p.text[link.start:link.end]) for s in chapter.sections for p in s.paragraphs
              for link in p.links if link.marker]
    assert marked == ["防災行政無線", "自主防災組織"]
    assert [p.kind for p in chapter.sections[2].paragraphs][:2] == ["paragraph", "heading"]
    assert chapter.warnings == []


def test_marked_chapter_dates_relative_decade_approximate_and_what_is_not_history():
    (chapter,) = parsed("layout-marked-sections-notes.txt").chapters
    assert events_of(chapter) == [
        ("昭和50年代", 1975, None, "decade", (1975, 1984), False),
        ("昭和60（1985）年３月", 1985, 3, "month", (1985, 1985), False),
        ("同年10月", 1985, 10, "month", (1985, 1985), False),
        ("平成16年（2004年）９月", 2004, 9, "month", (2004, 2004), False),
        ("翌年度", 2005, None, "year", (2005, 2005), True),
        ("明治20年頃", 1887, None, "approximate", (1885, 1889), False),
    ]
    # the law number (昭和36年) and the as-of stamp (令和３年７月時点) are not events; the plan period is a target
    assert [(t.text, t.precision, t.span_start, t.span_end) for t in chapter.targets] == [
        ("令和２～６年度", "range", 2020, 2024)]


def test_four_pillars_announced_then_numbered_headings():
    (chapter,) = parsed("layout-marked-sections-notes.txt").chapters
    assert [(g.title, g.items, g.stated_count) for g in chapter.goals] == [
        ("施策の柱", ["自助の促進", "共助の強化", "公助の充実", "復旧の迅速化"], 4)]


def test_roman_parts_without_a_chapter_heading_are_one_chapter_named_by_the_title():
    document = parsed("layout-roman-parts-glossary.txt")
    (chapter,) = document.chapters
    assert document.title == chapter.chapter.title == "音川町 環境基本計画"
    assert chapter.chapter.lead == ""
    assert [s.title for s in chapter.sections] == ["計画の背景", "現状と課題", "基本目標"]
    assert [(t.term, t.section) for t in chapter.terms] == [("ゼロカーボンシティ", 1), ("バイオマス", 2)]
    assert chapter.terms[1].definition == "動植物から生まれた、再生可能な有機性の資源。"
    assert not any("＊" in text for text in all_text(chapter))
    assert "用語集" not in " ".join(all_text(chapter))


def test_roman_chapter_dates_goals_and_a_name_holding_a_year():
    (chapter,) = parsed("layout-roman-parts-glossary.txt").chapters
    assert events_of(chapter) == [
        ("1970年代", 1970, None, "decade", (1970, 1979), False),
        ("1990年代中盤", 1990, None, "decade_part", (1993, 1996), False),
        ("2019年（令和元年）10月", 2019, 10, "month", (2019, 2019), False),
        ("平成20年代後半", 2008, None, "decade_part", (2013, 2017), False),
        ("2015年度（平成27年度）", 2015, None, "year", (2015, 2015), True),
    ]
    assert [t.text for t in chapter.targets] == ["2050年"]  # 「2030年問題」 is a name, not a date
    assert [(g.title, g.items) for g in chapter.goals] == [
        ("基本目標", ["脱炭素の町づくり", "循環型の暮らし", "自然との共生"])]


def test_colon_chapter_heading_spaced_sections_and_an_unnumbered_glossary():
    (chapter,) = parsed("layout-colon-chapter-unnumbered-glossary.txt").chapters
    assert (chapter.chapter.number, chapter.chapter.title) == (1, "まちの情報化")
    assert [s.title for s in chapter.sections] == ["これまでの取組", "今後の方針"]
    assert [(t.term, t.section) for t in chapter.terms] == [
        ("オープンデータ", 2), ("キャッシュレス決済", 2), ("公衆無線LAN", 1)]
    linked = {p.text[link.start:link.end] for s in chapter.sections for p in s.paragraphs for link in p.links}
    assert linked == {"オープンデータ", "キャッシュレス決済", "公衆無線LAN"}
    assert not any("：" in text for text in all_text(chapter))  # the glossary is not prose
    assert events_of(chapter)[-1] == ("平成27～令和元年度", 2015, None, "range", (2015, 2019), True)
    assert [(e.text, e.year, e.month) for e in chapter.events][:2] == [("平成13年4月", 2001, 4), ("同年10月", 2001, 10)]
    assert [t.text for t in chapter.targets] == ["２０２５年度"]
    assert chapter.goals[0].items == ["行政手続のオンライン化", "地域のデジタル人材の育成", "情報セキュリティの確保"]


def test_a_file_with_two_chapters_splits_and_each_keeps_its_notes():
    document = parsed("layout-two-chapters-asterisk-notes.txt")
    assert [(c.chapter.number, c.chapter.title) for c in document.chapters] == [(1, "町のあゆみ"), (2, "産業の振興")]
    first, second = document.chapters
    assert [s.title for s in second.sections] == ["農業", "観光"]  # numbering restarts per chapter
    assert [(t.number, t.term) for t in first.terms] == [(1, "行政改革大綱")]
    assert [(t.number, t.term) for t in second.terms] == [(2, "ブランド米")]
    assert [(e.text, e.precision) for e in first.events] == [
        ("明治30年（1897年）", "year"), ("大正元年", "year"), ("1990年代初頭", "decade_part"),
        ("平成２年度（1990年度）", "year"), ("2000年ごろ", "approximate"), ("令和元年５月１日", "day")]
    assert [(e.text, e.year, e.month) for e in second.events][-1] == ("同月", 2013, 7)
    assert not any("*" in text or "注釈" in text for c in document.chapters for text in all_text(c))


def _generators():
    return [import_string(path)() for path in settings.QUIZ_ITEM_GENERATORS]


def _chapters():
    for path in LAYOUTS:
        for index, chapter in enumerate(parse_document(path.read_bytes()).chapters):
            yield pytest.param(chapter, id=f"{path.stem}-{index + 1}")


@pytest.mark.parametrize("chapter", list(_chapters()))
def test_every_generator_runs_over_every_fixture_chapter(chapter):
    bank = generate_bank(material_of(chapter, "fixture"), _generators())
    assert bank.drafts  # every fixture yields items
    for draft in bank.drafts:
        assert draft.prompt and draft.explanation and draft.source_text


def _exact_year_statements(text):
    """Years written as a single year: 「1975年」 (not 「1975年代」, 「1975〜1984年」 or 「1887年頃」)."""
    return {int(m.group(1)) for m in re.finditer(r"(?<![0-9〜～])([0-9]{4})年(?!代|頃|ごろ|前後)", text)}


@pytest.mark.parametrize("chapter", list(_chapters()))
def test_no_approximate_date_or_decade_becomes_an_exact_year_in_an_item(chapter):
    spans = [e for e in chapter.events if e.precision not in ("day", "month", "year")]
    exact = {e.year for e in chapter.events if e.precision in ("day", "month", "year")}
    bank = generate_bank(material_of(chapter, "fixture"), _generators())
    for draft in bank.drafts:
        texts = [draft.prompt, draft.explanation, *(option.text for option in draft.options)]
        stated = set().union(*(_exact_year_statements(text) for text in texts))
        for event in spans:
            if event.year not in exact:
                assert event.year not in stated, (event.text, draft.key, texts)
            if event.era and event.precision in ("decade", "decade_part"):
                assert f"{event.year}年代" not in " ".join(texts), (event.text, draft.key)


@pytest.mark.parametrize("chapter", list(_chapters()))
def test_no_year_option_comes_after_the_texts_own_latest_date(chapter):
    latest = max((e.span_end or e.year for e in chapter.events), default=None)
    bank = generate_bank(material_of(chapter, "fixture"), _generators())
    years = [int(m.group(1)) for draft in bank.drafts if draft.generator == "dates"
             for option in draft.options for m in [re.match(r"([0-9]{4})年", option.text)] if m]
    assert all(year <= latest for year in years), (latest, sorted(set(years)))


def test_a_goal_list_announced_by_its_count_is_named_by_its_kind_not_the_count():
    (chapter,) = parsed("layout-colon-chapter-unnumbered-glossary.txt").chapters
    assert chapter.goals[0].title == "町地域情報化計画の基本方針"
    from content.parsing.goals import goal_list_title

    assert goal_list_title(None, "次の４つの重点目標") == "重点目標"


@pytest.mark.parametrize("chapter", list(_chapters()))
def test_the_checker_finds_no_flaw_in_any_fixture_bank(chapter):
    bank = generate_bank(material_of(chapter, "fixture"), _generators())
    assert bank.findings == {} and bank.bank_findings == []
