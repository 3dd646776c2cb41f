"""Each quirk of the PDF-to-text format, numbered as in the foundation issue, on small files."""

from content.parsing import parse_chapter
from tests.chapter_text import chapter_file


def only_paragraph(parsed):
    [section] = parsed.sections
    [paragraph] = section.paragraphs
    return paragraph


def test_1_wrapped_lines_rejoin_without_spaces_and_end_at_a_full_stop():
    parsed = parse_chapter(chapter_file(
        "１．見出し ", "", "札幌におけるこれまでの活用のあゆ", "", "みや取組について整理します。 ", "", "次の段落です。 ",
    ))
    texts = [p.text for p in parsed.sections[0].paragraphs]
    assert texts == ["札幌におけるこれまでの活用のあゆみや取組について整理します。", "次の段落です。"]


def test_1_latin_words_split_over_lines_keep_their_space():
    parsed = parse_chapter(chapter_file("１．見出し ", "", "英語で Information and", "", "Communication と書きます。 "))
    assert only_paragraph(parsed).text == "英語でInformation and Communicationと書きます。"


def test_2_artefact_spaces_go_but_spaces_between_latin_words_stay():
    parsed = parse_chapter(chapter_file(
        "１．札幌における ICTの意味 ", "", "平成 13 年度（2001 年度）に「札幌市 IT 経営戦略」と Open Data Charter を。 ",
    ))
    assert parsed.sections[0].title == "札幌におけるICTの意味"
    assert only_paragraph(parsed).text == "平成13年度（2001年度）に「札幌市IT経営戦略」とOpen Data Charterを。"


def test_2_other_characters_are_kept_as_written():
    parsed = parse_chapter(chapter_file("１．見出し ", "", "「５項目」：（全角）と２都市目。 "))
    assert only_paragraph(parsed).text == "「５項目」：（全角）と２都市目。"


def test_3_markers_glued_to_terms_are_stripped_and_linked():
    parsed = parse_chapter(chapter_file(
        "１．見出し ", "", "スマートフォン1や電子メールや SNS2など、ICT（情報通信技術）3は「札幌テクノパーク4」で。 ",
        " ", "1 スマートフォン：携帯電話。 ", "2 SNS：交流サービス。 ", "3 ICT（情報通信技術）：技術の総称。 ",
        "4 札幌テクノパーク：産業団地。 ",
    ))
    paragraph = only_paragraph(parsed)
    assert paragraph.text == "スマートフォンや電子メールやSNSなど、ICT（情報通信技術）は「札幌テクノパーク」で。"
    marked = [(paragraph.text[link.start:link.end], link.term) for link in paragraph.links if link.marker]
    assert marked == [("スマートフォン", 1), ("SNS", 2), ("ICT（情報通信技術）", 3), ("札幌テクノパーク", 4)]
    assert parsed.warnings == []


def test_3_marker_on_the_next_line_and_marker_inside_a_longer_word():
    parsed = parse_chapter(chapter_file(
        "１．見出し ", "", "改定された「札幌市産業振興ビジョン", "1」において、「メ", "", "ディア・アーツ2都市」となりました。 ",
        " ", "1 札幌市産業振興ビジョン：計画。 ", "2 メディア・アーツ：芸術表現。 ",
    ))
    paragraph = only_paragraph(parsed)
    assert paragraph.text == "改定された「札幌市産業振興ビジョン」において、「メディア・アーツ都市」となりました。"
    assert [(paragraph.text[link.start:link.end], link.term) for link in paragraph.links if link.marker] == [
        ("札幌市産業振興ビジョン", 1), ("メディア・アーツ", 2),
    ]


def test_3_digits_that_are_not_the_next_marker_are_text():
    parsed = parse_chapter(chapter_file(
        "１．見出し ", "", "約 20年前から CO2 を減らし、1980 年代の５項目と２都市目を経て、端末1を配りました。 ",
        " ", "1 端末：機器。 ",
    ))
    paragraph = only_paragraph(parsed)
    assert paragraph.text == "約20年前からCO2を減らし、1980年代の５項目と２都市目を経て、端末を配りました。"
    assert [(link.start, link.term) for link in paragraph.links if link.marker] == [(paragraph.text.index("端末"), 1)]


def test_3_a_digit_matching_the_marker_number_but_not_the_term_is_text():
    parsed = parse_chapter(chapter_file(
        "１．見出し ", "", "端末1の後、CO2 の削減にはスマートメーター2が役立ちます。 ", " ", "1 端末：機器。 ", "2 スマートメーター：計器。 ",
    ))
    paragraph = only_paragraph(parsed)
    assert paragraph.text == "端末の後、CO2の削減にはスマートメーターが役立ちます。"  # 2 is due at CO2, but CO is no term
    assert [link.term for link in paragraph.links if link.marker] == [1, 2]


def test_4_footnote_definitions_continue_and_paragraphs_continue_across_the_block():
    parsed = parse_chapter(chapter_file(
        "１．見出し ", "", "情報という「縁」", " ", "1 通信インフラ：社会基盤として敷設される通信回線や通信機器、", "施設などの総体。 ",
        " で結ばれ、つながる通信インフラ1のまちを作ります。 ",
    ))
    assert only_paragraph(parsed).text == "情報という「縁」で結ばれ、つながる通信インフラのまちを作ります。"
    assert parsed.terms[0].definition == "社会基盤として敷設される通信回線や通信機器、施設などの総体。"


def test_5_furigana_become_the_reading_never_text():
    parsed = parse_chapter(chapter_file(
        "１．見出し ", "", "クリエイティブ・コンベンション「NoMaps", "ノーマップス", "", "1」を開", "", "催しています。 ",
        " ", "1 NoMaps：コンベンション。 ",
    ))
    assert only_paragraph(parsed).text == "クリエイティブ・コンベンション「NoMaps」を開催しています。"
    assert parsed.terms[0].reading == "ノーマップス"


def test_6_headings_with_full_width_digits_tabs_and_page_start_spaces():
    parsed = parse_chapter(
        "導入の段落です。 \n \t第１章\t 札幌と ICT \n\n１．最初の節 \n\n本文。 \n ２．二番目の節 \n\n本文。 \n"
    )
    assert (parsed.chapter.number, parsed.chapter.title, parsed.chapter.lead) == (1, "札幌とICT", "導入の段落です。")
    assert [(s.number, s.title) for s in parsed.sections] == [(1, "最初の節"), (2, "二番目の節")]


def test_6_a_numbered_line_that_is_not_the_next_section_is_text():
    parsed = parse_chapter(chapter_file("１．最初の節 ", "", "３．のように書かれた行も", "", "本文の続きです。 "))
    assert len(parsed.sections) == 1
    assert only_paragraph(parsed).text == "３．のように書かれた行も本文の続きです。"


def test_7_figure_caption_without_body():
    parsed = parse_chapter(chapter_file("１．節 ", "", "前の段落。 ", "", "図表 1-1 札幌市情報化構想における基本的目標 ", "", " ", "", "後の段落。 "))
    assert [(f.label, f.title, f.paragraph) for f in parsed.figures] == [("図表 1-1", "札幌市情報化構想における基本的目標", 1)]
    assert [p.text for p in parsed.sections[0].paragraphs] == ["前の段落。", "後の段落。"]


def test_8_dates_in_every_form():
    parsed = parse_chapter(chapter_file(
        "１．節 ", "",
        "平成９年（1997年）12月に策定した。平成 13 年度（2001 年度）に策定した。昭和 61年（1986年）に設置した。 ", "",
        "平成 25 年（2013", "", "年）に認定された。平成23年３月に開始した。令和元年（2019年）10月に改定した。 ", "",
        "令和３年（2021年）４月１日に施行した。明治２年（1869年）に置かれた。大正元年に始まった。 ", "",
        "1980年代前半から立地し、1990年代", "", "中盤以降も発展した。約 20年前に策定した。 ",
    ))
    found = [(e.text, e.year, e.month, e.day, e.fiscal_year, e.approximate) for e in parsed.events]
    assert found == [
        ("平成９年（1997年）12月", 1997, 12, None, False, False),
        ("平成13年度（2001年度）", 2001, None, None, True, False),
        ("昭和61年（1986年）", 1986, None, None, False, False),
        ("平成25年（2013年）", 2013, None, None, False, False),
        ("平成23年３月", 2011, 3, None, False, False),
        ("令和元年（2019年）10月", 2019, 10, None, False, False),
        ("令和３年（2021年）４月１日", 2021, 4, 1, False, False),
        ("明治２年（1869年）", 1869, None, None, False, False),
        ("大正元年", 1912, None, None, False, False),
        ("1980年代前半", 1980, None, None, False, True),
        ("1990年代中盤", 1990, None, None, False, True),
    ]
    assert parsed.warnings == []


def test_8_era_and_western_year_that_disagree_give_a_warning_with_the_line():
    parsed = parse_chapter(chapter_file("１．節 ", "", "平成９年（1998年）に策定した。 "))
    assert parsed.events[0].year == 1998
    assert parsed.warnings == ["line 5: 平成９年 is 1997, but the text gives 1998"]


def test_8_one_sentence_two_events_one_clause_each():
    parsed = parse_chapter(chapter_file(
        "１．節 ", "", "平成 18年（2006年）からは「映画祭」を開催しており、さらに、平成 29 年（2017 年）から", "", "は「NoMaps」を開催しています。 ",
    ))
    assert [(e.year, e.sentence) for e in parsed.events] == [
        (2006, "平成18年（2006年）からは「映画祭」を開催しており"),
        (2017, "平成29年（2017年）からは「NoMaps」を開催しています。"),
    ]


def test_9_inline_goal_list_whose_count_must_match():
    parsed = parse_chapter(chapter_file(
        "１．節 ", "", "「札幌市情報化構想」を策定しました。本構想では、基本目標として「豊かな市民生活の実現」、「人づくり」の３項目を掲げました。 ",
    ))
    [goals] = parsed.goals
    assert (goals.title, goals.items, goals.stated_count) == ("札幌市情報化構想の基本目標", ["豊かな市民生活の実現", "人づくり"], 3)
    assert parsed.warnings == ["line 5: the text announces 3 goals but lists 2"]


def test_9_goal_lists_on_their_own_lines():
    parsed = parse_chapter(chapter_file(
        "１．節 ", "", "「第２次戦略」を定めました。本戦略では、次の３つの基本方針を掲げています。 ", "",
        "（１）誰もが恩恵を受けられるまちの実現 ", "", "②データを活用した行政サービスの向上 ", "", "(3) 人材の育成 ", "", "以上です。 ",
    ))
    [goals] = parsed.goals
    assert goals.title == "第２次戦略の基本方針"
    assert goals.items == ["誰もが恩恵を受けられるまちの実現", "データを活用した行政サービスの向上", "人材の育成"]
    assert [p.kind for p in parsed.sections[0].paragraphs] == ["paragraph", "list_item", "list_item", "list_item", "paragraph"]


def test_10_kome_markers_with_a_glossary_block_at_the_end():
    parsed = parse_chapter(chapter_file(
        "１．節 ", "", "オープンデータ※1の公開と API※2の提供を始めました。 ", "", "【用語解説】 ",
        "※1 オープンデータ：自由に利用できる形で", "公開されたデータ。 ", "※2 API：取り決め。 ",
    ))
    paragraph = only_paragraph(parsed)
    assert paragraph.text == "オープンデータの公開とAPIの提供を始めました。"
    assert [(t.number, t.term, t.definition) for t in parsed.terms] == [
        (1, "オープンデータ", "自由に利用できる形で公開されたデータ。"), (2, "API", "取り決め。"),
    ]
    assert [link.term for link in paragraph.links if link.marker] == [1, 2]


def test_marker_without_footnote_and_footnote_never_referenced_are_warnings_with_lines():
    parsed = parse_chapter(chapter_file(
        "１．節 ", "", "端末1と通信インフラ2とクラウド3を使います。 ", " ", "1 端末：機器。 ", "3 クラウド：サービス。 ", "4 未使用語：使われない。 ",
    ))
    assert only_paragraph(parsed).text == "端末と通信インフラとクラウドを使います。"
    assert parsed.warnings == ["line 5: marker 2 has no footnote", "line 9: footnote 4 「未使用語」 is never referenced in the text"]


def test_a_term_is_linked_wherever_it_is_used_longest_name_first():
    parsed = parse_chapter(chapter_file(
        "１．節 ", "", "コンテンツ1とウェブコンテンツ2。コンテンツビジネスとウェブコンテンツとコンテンツ。 ", " ",
        "1 コンテンツ：情報の中身。 ", "2 ウェブコンテンツ：ウェブ上の内容。 ",
    ))
    paragraph = only_paragraph(parsed)
    linked = [(paragraph.text[link.start:link.end], link.term, link.marker) for link in paragraph.links]
    assert linked == [
        ("コンテンツ", 1, True), ("ウェブコンテンツ", 2, True), ("ウェブコンテンツ", 2, False), ("コンテンツ", 1, False),
    ]
