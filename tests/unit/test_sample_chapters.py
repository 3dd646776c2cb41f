"""Our own sample chapters: footnotes numbered on from earlier chapters, other eras, days, ※ markers."""


def test_plans_chapter_numbers_footnotes_from_26(plans):
    assert (plans.chapter.number, plans.chapter.title) == (2, "計画の歩みと環境・教育")
    assert [t.number for t in plans.terms] == list(range(26, 33))
    assert [t.term for t in plans.terms] == [
        "札幌市まちづくり戦略ビジョン", "第２次札幌市ICT活用戦略", "キャッシュレス決済", "スマートメーター",
        "ゼロカーボンシティ", "GX", "ESD",
    ]
    assert plans.warnings == []


def test_plans_chapter_markers_acronyms_readings_and_digits_in_words(plans):
    environment = plans.sections[1].paragraphs
    assert environment[0].text.startswith("札幌市では、家庭やオフィスから排出されるCO2の削減に向けて、スマートメーターを活用した")
    assert "2050年までにCO2排出量" in environment[0].text
    assert environment[1].text == "さらに、令和４年度（2022年度）からは、脱炭素と経済成長の両立を図る「GX」の取組を企業と共に進めています。"
    assert plans.terms[5].reading == "ジーエックス"
    education = plans.sections[2].paragraphs[0]
    assert "ESD（持続可能な開発のための教育）の授業" in education.text
    assert [education.text[link.start:link.end] for link in education.links if link.marker] == ["ESD"]


def test_plans_chapter_dates(plans):
    found = [(e.text, e.year, e.month, e.day, e.fiscal_year) for e in plans.events]
    assert found == [
        ("平成23年３月", 2011, 3, None, False),
        ("令和元年（2019年）10月", 2019, 10, None, False),
        ("令和３年（2021年）４月１日", 2021, 4, 1, False),
        ("令和２年（2020年）２月", 2020, 2, None, False),
        ("令和４年度（2022年度）", 2022, None, None, True),
        ("令和２年度（2020年度）", 2020, None, None, True),
    ]


def test_plans_chapter_goal_lists(plans):
    assert [(g.title, g.items, g.section) for g in plans.goals] == [
        ("第２次札幌市ICT活用戦略の基本方針",
         ["誰もがICTの恩恵を受けられるまちの実現", "データを活用した行政サービスの向上", "ICTを支える人材の育成"], 1),
        ("学校教育の目標", ["情報を正しく読み解く力の育成", "主体的に学ぶ態度の育成", "地域への愛着と誇りの醸成"], 3),
    ]


def test_open_data_chapter_uses_kome_markers_and_a_glossary_block(open_data):
    assert (open_data.chapter.number, open_data.chapter.title) == (3, "市民参加とオープンデータ")
    assert open_data.chapter.lead.startswith("札幌市は、市民と行政が情報を共有し")
    assert [(t.number, t.term, t.section) for t in open_data.terms] == [
        (1, "開拓使", 1), (2, "オープンデータ", 2), (3, "API", 2), (4, "シビックテック", 3),
    ]
    assert open_data.terms[1].definition.endswith("営利目的を含めて無償で利用できるもの。")
    assert all("※" not in p.text for s in open_data.sections for p in s.paragraphs)
    assert open_data.warnings == []


def test_open_data_chapter_eras_and_lists(open_data):
    assert [(e.text, e.year) for e in open_data.events][:3] == [
        ("明治２年（1869年）", 1869), ("大正11年（1922年）", 1922), ("昭和47年（1972年）", 1972),
    ]
    assert ("2010年代後半", 2010, True) in [(e.text, e.year, e.approximate) for e in open_data.events]
    [goals] = open_data.goals
    assert goals.title == "札幌市オープンデータ推進方針の目標"
    assert goals.items == ["行政の透明性・信頼性の向上", "市民参加・官民協働の推進", "経済の活性化", "行政の効率化・高度化"]
