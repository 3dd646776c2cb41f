"""The date grammar: every form a municipal plan writes a date in, each written at least two ways."""

import pytest

from content.parsing.dates import event_dates, find_dates


def only(text):
    found = find_dates(text)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "year", "month", "day", "fiscal"),
    [
        ("2019年（令和元年）10月に改定した", "2019年（令和元年）10月", 2019, 10, None, False),
        ("２０１９年（令和元年）１０月１日に施行", "２０１９年（令和元年）１０月１日", 2019, 10, 1, False),
        ("2001年度（平成13年度）から実施", "2001年度（平成13年度）", 2001, None, None, True),
        ("1985（昭和60）年３月に策定", "1985（昭和60）年３月", 1985, 3, None, False),
        ("昭和60（1985）年３月に策定", "昭和60（1985）年３月", 1985, 3, None, False),
        ("平成２（1990）年度に開始", "平成２（1990）年度", 1990, None, None, True),
        ("平成９年（1997年）12月に策定", "平成９年（1997年）12月", 1997, 12, None, False),
        ("令和元年５月１日に改元", "令和元年５月１日", 2019, 5, 1, False),
        ("平成３０年度に開設", "平成３０年度", 2018, None, None, True),
        ("明治２年に置かれた", "明治２年", 1869, None, None, False),
    ],
)
def test_western_first_and_era_first_with_either_in_parentheses(text, written, year, month, day, fiscal):
    date = only(text)
    assert (date.text, date.year, date.month, date.day, date.fiscal_year) == (written, year, month, day, fiscal)
    assert date.precision == ("day" if day else "month" if month else "year")
    assert date.span == (year, year)


@pytest.mark.parametrize(
    ("text", "span", "fiscal"),
    [
        ("令和２～６年度の５年間", (2020, 2024), True),
        ("平成27～令和元年度を期間とする", (2015, 2019), True),
        ("平成27年度〜令和元年度の計画", (2015, 2019), True),
        ("2020～2024年の計画", (2020, 2024), False),
        ("2015年度～2019年度の計画", (2015, 2019), True),
    ],
)
def test_ranges_have_a_start_and_an_end(text, span, fiscal):
    date = only(text)
    assert (date.precision, date.year, date.span, date.fiscal_year) == ("range", span[0], span, fiscal)


@pytest.mark.parametrize(
    ("text", "precision", "year", "span"),
    [
        ("昭和50年代から増えた", "decade", 1975, (1975, 1984)),
        ("昭和４０年代には", "decade", 1965, (1965, 1974)),
        ("平成20年代後半には", "decade_part", 2008, (2013, 2017)),
        ("平成10年代前半に", "decade_part", 1998, (1998, 2002)),
        ("1990年代中盤以降も", "decade_part", 1990, (1993, 1996)),
        ("１９８０年代初頭に", "decade_part", 1980, (1980, 1982)),
        ("1970年代に始まった", "decade", 1970, (1970, 1979)),
    ],
)
def test_decades_and_their_parts_are_spans_never_a_year(text, precision, year, span):
    date = only(text)
    assert (date.precision, date.year, date.span, date.approximate) == (precision, year, span, True)


@pytest.mark.parametrize(
    ("text", "year"),
    [("明治20年頃に開拓が始まった", 1887), ("1950年ごろから増えた", 1950), ("平成元年前後に", 1989)],
)
def test_approximate_years(text, year):
    date = only(text)
    assert (date.precision, date.year, date.approximate) == ("approximate", year, True)
    assert date.span[0] < year < date.span[1]


def test_relative_dates_take_their_year_from_the_date_before():
    text = "平成13年4月に開始し、同年10月に対象を広げ、翌年度には全市に拡大した。"
    found = [(d.text, d.year, d.month, d.fiscal_year, d.relative) for d in find_dates(text)]
    assert found == [
        ("平成13年4月", 2001, 4, False, False),
        ("同年10月", 2001, 10, False, True),
        ("翌年度", 2002, None, True, True),
    ]
    previous = find_dates("令和２年３月に策定した。")[-1]
    assert [(d.year, d.month, d.day) for d in find_dates("同月25日に公表した。", previous)] == [(2020, 3, 25)]
    assert [d.year for d in find_dates("翌年に改定した。", previous)] == [2021]


def test_a_relative_date_with_nothing_before_it_or_after_a_span_is_left_out():
    assert find_dates("同年に開始した。") == []
    assert find_dates("翌年に開始した。", only("1990年代に")) == []
    assert find_dates("同年代の若者が") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "高齢者の医療の確保に関する法律（昭和57年法律第80号）に基づき、計画を定めた。",
        "平成19年法律第59号の規定により策定した。",
        "物流の「2024年問題」への対応を進めていきます。",
        "平成27年国勢調査によれば、人口は減少しています。",
        "人口は令和３年７月時点で8,000人となっています。",
        "高齢化率は2020年10月1日現在で40％に達しています。",
        "平成27年　令和２年　令和７年",
    ],
)
def test_law_numbers_names_stamps_and_header_rows_are_not_events(sentence):
    events, targets = event_dates(sentence)
    assert events == [] and targets == []


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("2050年までに温室効果ガスの排出を実質ゼロにします。", "2050年"),
        ("令和12年度を目標年度として、施策を進めます。", "令和12年度"),
        ("目標年度は令和７年度とし、計画的に取り組みます。", "令和７年度"),
        ("2030年を目標に、再生可能エネルギーを導入します。", "2030年"),
    ],
)
def test_deadlines_and_target_years_are_targets_not_history(sentence, target):
    events, targets = event_dates(sentence)
    assert events == []
    assert [date.text for date in targets] == [target]


def test_an_era_and_a_western_year_that_disagree_are_reported():
    date = only("平成９年（1998年）に策定した")
    assert date.year == 1998 and "1997" in date.conflict


@pytest.mark.parametrize(
    "sentence",
    ["2060年には8,674万人程度にまで減少すると推計されています。", "令和22年には高齢化率が50％を超える見込みです。"],
)
def test_projections_are_not_history(sentence):
    events, targets = event_dates(sentence)
    assert events == [] and len(targets) == 1
