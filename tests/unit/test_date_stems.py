"""Date items from the blind review's findings: whole sentences, relative dates beside their anchor,
dates that only stamp a figure, decade parts after the text — each written two ways."""

import pytest

from quizzes.generation.checker.options import years_covered
from quizzes.generation.dates import DateItems
from quizzes.generation.records import ChapterMaterial, EventSource, SentenceSource


def _bank(sentences, events):
    material = ChapterMaterial(slug="machi", title="町の歩み", section_titles={1: "歩み"},
                               sentences=[SentenceSource(text, 1) for text in sentences],
                               events=[EventSource(*event, section=1) for event in events])
    return {draft.key.split(":", 3)[2] + ":" + draft.key.split(":", 3)[3][:8]: draft
            for draft in DateItems().generate(material)}


@pytest.mark.parametrize("sentence, clause, date, year", [
    ("町は、平成13年4月に町のホームページを開設し、同年10月には電子メールでの問い合わせの受付を始めました。",
     "同年10月には電子メールでの問い合わせの受付を始めました。", "同年10月", 2001),
    ("平成16年（2004年）９月には停電が発生し、翌年度には避難所に非常用電源を整える事業を始めました。",
     "翌年度には避難所に非常用電源を整える事業を始めました。", "翌年度", 2005),
])
def test_a_relative_date_beside_its_anchor_is_not_asked(sentence, clause, date, year):
    others = [("平成元年", 1989, "平成元年に町制を施行しました。"), ("平成25年", 2013, "平成25年に新庁舎が完成しました。"),
              ("平成８年", 1996, "平成８年に図書館を開館しました。")]
    drafts = _bank([sentence, *(text for _d, _y, text in others)], [(date, year, clause), *others])
    asked = [draft for draft in drafts.values() if draft.source.event["text"] == date]
    assert not [draft for draft in asked if "（　）" in draft.prompt]  # the stem would show the year it counts from


def test_a_relative_date_in_its_own_sentence_is_asked_with_its_whole_sentence():
    sentences = ["町は平成13年4月に町のホームページを開設しました。", "同年10月には、電子メールでの受付を始めました。",
                 "平成元年に町制を施行しました。", "平成25年に新庁舎が完成しました。", "平成８年に図書館を開館しました。"]
    events = [("平成13年4月", 2001, sentences[0]), ("同年10月", 2001, sentences[1]), ("平成元年", 1989, sentences[2]),
              ("平成25年", 2013, sentences[3]), ("平成８年", 1996, sentences[4])]
    item = next(d for k, d in _bank(sentences, events).items() if k.startswith("event-to-year:同年10月"))
    assert item.prompt.endswith("（　）には、電子メールでの受付を始めました。")


@pytest.mark.parametrize("sentence, date", [
    ("村の人口は、1990年の1,584人から、2010年には995人へ減りました。", "1990年"),
    ("農家数は、平成２年の61戸から、平成22年には20戸へ減りました。", "平成22年"),
])
def test_a_date_that_stamps_a_figure_is_not_asked(sentence, date):
    year = int(date[:4]) if date[0].isdigit() else 2010
    events = [(date, year, sentence), ("平成元年", 1989, "平成元年に町制を施行しました。"),
              ("平成25年", 2013, "平成25年に新庁舎が完成しました。"), ("平成８年", 1996, "平成８年に図書館を開館しました。")]
    asked = {draft.source.event["text"] for draft in _bank([sentence, *(e[2] for e in events[1:])], events).values()}
    assert date not in asked and "平成25年" in asked


def test_a_decade_part_distractor_never_lies_after_the_text():
    sentences = ["2010年代後半からは、市民がICTで課題を解くシビックテックの活動が広がりました。",
                 "平成８年に図書館を開館しました。", "令和５年（2023年）には、市と団体が協働するイベントを初めて開催しました。"]
    events = [("2010年代後半", 2010, sentences[0], "decade_part", False, False, None, (), (2015, 2019)),
              ("平成８年", 1996, sentences[1]), ("令和５年（2023年）", 2023, sentences[2])]
    material = ChapterMaterial(slug="m", title="", sentences=[SentenceSource(t, 1) for t in sentences],
                               events=[EventSource(e[0], e[1], e[2], 1, *e[3:]) for e in events])
    items = [d for d in DateItems().generate(material) if "2010年代後半" in d.key and d.options]
    assert items and all(min(years_covered(o.text)) <= 2023 for item in items for o in item.options)
    assert sorted(years_covered("2020年代後半")) == [2025, 2026, 2027, 2028, 2029]


def test_a_decade_part_with_only_later_parts_to_offer_is_not_asked():
    sentences = ["2010年代後半からは、シビックテックの活動が広がりました。", "1990年代後半からは、町の観光が伸びました。",
                 "令和５年（2023年）には、協働のイベントを初めて開催しました。"]
    part = ("decade_part", False, False, None, ())
    events = [EventSource("2010年代後半", 2010, sentences[0], 1, *part, (2015, 2019)),
              EventSource("1990年代後半", 1990, sentences[1], 1, *part, (1995, 1999)),
              EventSource("令和５年（2023年）", 2023, sentences[2], 1)]
    material = ChapterMaterial(slug="m", title="", sentences=[SentenceSource(t, 1) for t in sentences], events=events)
    # 1990年代 is named by the text (no distractor); 1980年代後半 and 2000年代後半 are left, and 2020年代後半
    # (2025–29) lies after the text's 2023: too few for an item, so none is made
    assert [d for d in DateItems().generate(material) if "event-to-year:2010年代後半" in d.key] == []


@pytest.mark.parametrize("sentence, date", [
    ("出生数は横ばいですが、平成25年の合計特殊出生率が極端に高くなっています。", "平成25年"),
    ("令和２年における高齢化率は、全国を大きく上回りました。", "令和２年"),
])
def test_a_date_that_stamps_a_statistic_is_not_asked(sentence, date):
    year = 2013 if date == "平成25年" else 2020
    events = [(date, year, sentence), ("平成元年", 1989, "平成元年に町制を施行しました。"),
              ("平成８年", 1996, "平成８年に図書館を開館しました。"), ("平成17年", 2005, "平成17年に新庁舎が完成しました。")]
    asked = {draft.source.event["text"] for draft in _bank([sentence, *(e[2] for e in events[1:])], events).values()}
    assert date not in asked and "平成17年" in asked


@pytest.mark.parametrize("sentence, date, year, after", [
    ("村は、平成10年（1998年）に公開を開始し、平成14年（2002年）には方針を改定しました。", "平成14年（2002年）", 2002, 1998),
    ("町は、平成５年に計画を作り、平成９年には住民の意見を聞いて見直しました。", "平成９年", 1997, 1993),
])
def test_distractor_years_keep_to_the_keys_side_of_the_stems_other_date(sentence, date, year, after):
    clause = sentence[sentence.index(date):]
    events = [(date, year, clause), ("平成元年", 1989, "平成元年に町制を施行しました。"),
              ("昭和60年", 1985, "昭和60年に町役場が完成しました。"), ("昭和62年", 1987, "昭和62年に図書館を開館しました。"),
              ("平成25年", 2013, "平成25年に新庁舎が完成しました。")]
    drafts = _bank([sentence, *(e[2] for e in events[1:])], events)
    item = next(d for k, d in drafts.items() if k.startswith("event-to-year:" + date[:4]))
    offered = [o.text for o in item.options]
    assert all(min(years_covered(text)) > after for text in offered), offered  # 1985 and 1989 are the text's too
