"""The seed chapter's whole expected result (issue: 'For the seed the right answer is …')."""

import json

import pytest

from content.parsing import chapter_as_dict


def test_chapter_heading_and_lead(seed):
    assert seed.chapter.number == 1
    assert seed.chapter.title == "札幌とICT"
    assert seed.chapter.lead == (
        "はじめに、札幌におけるこれまでのICT（情報通信技術）活用のあゆみや取組の概要、"
        "ICT関連企業の集積など、札幌とICTの関わりについて整理します。"
    )


def test_four_sections_in_order(seed):
    assert [(s.number, s.title) for s in seed.sections] == [
        (1, "札幌におけるICTの意味"),
        (2, "ICTを活用したまちづくりのはじまり"),
        (3, "ICT関連企業の集積"),
        (4, "クリエイティブ産業の発展"),
    ]
    assert [len(s.paragraphs) for s in seed.sections] == [6, 9, 7, 7]


def test_every_paragraph_is_clean_text(seed):
    for section in seed.sections:
        for paragraph in section.paragraphs:
            assert paragraph.text.endswith("。"), paragraph.text
            assert "ノーマップス" not in paragraph.text
            assert not any(char.isspace() for char in paragraph.text.replace("SAPPORO ", "")), paragraph.text


def test_twenty_five_terms_numbered_with_complete_definitions(seed):
    assert [t.number for t in seed.terms] == list(range(1, 26))
    by_number = {t.number: t for t in seed.terms}
    assert by_number[1].term == "スマートフォン"
    assert by_number[3].term == "ICT（情報通信技術）"
    assert by_number[3].definition == (
        "インフォメーション・アンド・コミュニケーション・テクノロジーの略。情報や通信に関連する科学技術の総称。"
        "IT（インフォメーション・テクノロジー）もほぼ同義として用いられる。"
    )
    assert by_number[14].definition.endswith("こうしたベンチャー企業の出現と集積を指して「サッポロバレー」と呼ぶ場合もある。")
    assert by_number[19].term == "札幌市デジタル創造プラザ（インタークロス・クリエイティブ・センター）"
    assert by_number[21].term == "NoMaps"
    assert by_number[21].reading == "ノーマップス"
    assert by_number[25].definition.endswith("創造的な産業にも波及する概念。")
    assert all(t.definition.endswith(("。", "）")) for t in seed.terms), [t.definition for t in seed.terms]
    assert [t.section for t in seed.terms] == [1] * 3 + [2] * 5 + [3] * 8 + [4] * 9


def test_one_goal_list_of_five_goals(seed):
    assert len(seed.goals) == 1
    goals = seed.goals[0]
    assert goals.title == "札幌市情報化構想の基本目標"
    assert goals.section == 2
    assert goals.stated_count == 5
    assert goals.items == [
        "豊かな市民生活の実現",
        "安心・安全・快適なまちづくり",
        "活力ある地域経済の実現",
        "行政の情報化とパートナーシップの実現",
        "札幌の情報化を支える人づくり",
    ]


def test_the_figure(seed):
    assert [(f.label, f.title, f.section) for f in seed.figures] == [("図表 1-1", "札幌市情報化構想における基本的目標", 2)]


@pytest.mark.parametrize(
    ("year", "month", "fiscal", "section", "clue"),
    [
        (1997, 12, False, 2, "札幌市情報化構想"),
        (2001, None, True, 2, "札幌市IT経営戦略"),
        (2004, None, True, 2, "札幌市IT戦略"),
        (2010, None, True, 2, "基幹系情報システムの再構築"),
        (1986, None, False, 3, "札幌市エレクトロニクスセンター"),
        (1993, None, False, 3, "インターネットの接続拠点"),
        (2016, None, True, 3, "札幌市産業振興ビジョン"),
        (2001, None, False, 4, "札幌市デジタル創造プラザ"),
        (2006, None, False, 4, "札幌国際短編映画祭"),
        (2017, None, False, 4, "NoMaps"),
        (2013, None, False, 4, "メディア・アーツ都市"),
    ],
)
def test_precisely_dated_events(seed, year, month, fiscal, section, clue):
    matches = [e for e in seed.events if e.year == year and e.fiscal_year == fiscal and clue in e.sentence]
    assert len(matches) == 1, [(e.text, e.sentence) for e in seed.events if e.year == year]
    event = matches[0]
    assert (event.month, event.section, event.approximate) == (month, section, False)


def test_approximate_events(seed):
    approximate = [(e.text, e.year, e.precision, e.section) for e in seed.events if e.approximate]
    assert approximate == [
        ("1980年代前半", 1980, "decade_part", 1),
        ("1980年代前半", 1980, "decade_part", 3),
        ("1990年代中盤", 1990, "decade_part", 3),
    ]


def test_no_other_events_and_no_warnings(seed):
    assert len(seed.events) == 14
    assert seed.warnings == []


def test_json_contract_shape(seed):
    data = json.loads(json.dumps(chapter_as_dict(seed), ensure_ascii=False))
    assert set(data) >= {"chapter", "sections", "terms", "events", "goals", "figures", "warnings"}
    assert data["chapter"] == {"number": 1, "title": "札幌とICT", "lead": seed.chapter.lead}
    assert data["sections"][0]["paragraphs"][0].startswith("インターネットの急速な発展や")
    assert data["terms"][0] == {**data["terms"][0], "number": 1, "term": "スマートフォン", "reading": None, "section": 1}
    first_event = next(e for e in data["events"] if e["year"] == 1997)
    assert first_event == {
        **first_event, "text": "平成９年（1997年）12月", "year": 1997, "month": 12, "day": None,
        "fiscal_year": False, "approximate": False, "section": 2,
    }
    assert data["goals"][0]["items"][0] == "豊かな市民生活の実現"
    assert data["figures"][0] == {**data["figures"][0], "label": "図表 1-1", "section": 2}
