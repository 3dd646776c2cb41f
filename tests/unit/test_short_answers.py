"""Typed answers: the normalisation table (scripts, widths, era forms) and what it must refuse."""

import pytest

from quizzes.generation.answers import answer_matches
from quizzes.generation.records import TermSource
from quizzes.generation.terms import accepted_answers
from quizzes.generation.years import year_forms

YEAR_1997 = year_forms(1997)  # what the generator stores for 平成９年（1997年）
FISCAL_2001 = year_forms(2001, fiscal=True)  # for 平成13年度（2001年度）
YEAR_2019 = year_forms(2019)  # for 令和元年（2019年）: the first year of an era is written 元年
SMARTPHONE = ["スマートフォン", "すまーとふぉん"]
ICT = accepted_answers(TermSource(3, "ICT（情報通信技術）", "…", 1, "あいしーてぃー"))
MEDIA_ARTS = accepted_answers(TermSource(25, "メディア・アーツ", "…", 4, "めでぃああーつ"))
NOMAPS = accepted_answers(TermSource(21, "NoMaps", "…", 4, "ノーマップス"))

ACCEPTED = [
    ("1997", YEAR_1997),
    ("1997年", YEAR_1997),
    ("１９９７", YEAR_1997),
    ("１９９７年", YEAR_1997),
    ("平成9年", YEAR_1997),
    ("平成９年", YEAR_1997),
    ("平成九年", YEAR_1997),
    ("H9", YEAR_1997),
    ("h9", YEAR_1997),
    ("Ｈ９", YEAR_1997),
    ("H9年", YEAR_1997),
    (" 1997 ", YEAR_1997),
    ("1997年12月", YEAR_1997),
    ("2001年度", FISCAL_2001),
    ("平成13年度", FISCAL_2001),
    ("H13年度", FISCAL_2001),
    ("2001", FISCAL_2001),
    ("２００１年度", FISCAL_2001),
    ("令和元年", YEAR_2019),
    ("令和1年", YEAR_2019),
    ("R1", YEAR_2019),
    ("平成31年", YEAR_2019),
    ("スマートフォン", SMARTPHONE),
    ("すまーとふぉん", SMARTPHONE),
    ("ｽﾏｰﾄﾌｫﾝ", SMARTPHONE),
    ("スマート フォン", SMARTPHONE),
    ("ICT", ICT),
    ("ｉｃｔ", ICT),
    ("情報通信技術", ICT),
    ("アイシーティー", ICT),
    ("メディアアーツ", MEDIA_ARTS),
    ("めでぃあ・あーつ", MEDIA_ARTS),
    ("nomaps", NOMAPS),
    ("のーまっぷす", NOMAPS),
]

REFUSED = [
    ("1998", YEAR_1997),
    ("平成10年", YEAR_1997),
    ("H8", YEAR_1997),
    ("1997年度", YEAR_1997),  # a fiscal year is not the calendar year asked for
    ("昭和9年", YEAR_1997),
    ("2002年度", FISCAL_2001),
    ("", YEAR_1997),
    ("   ", SMARTPHONE),
    ("スマホ", SMARTPHONE),
    ("タブレット端末", SMARTPHONE),
    ("IT", ICT),
    ("令和2年", YEAR_2019),
]


@pytest.mark.parametrize(("typed", "accepted"), ACCEPTED, ids=[typed for typed, _ in ACCEPTED])
def test_accepted(typed, accepted):
    assert answer_matches(typed, accepted)


@pytest.mark.parametrize(("typed", "accepted"), REFUSED, ids=[typed or "empty" for typed, _ in REFUSED])
def test_refused(typed, accepted):
    assert not answer_matches(typed, accepted)


def test_stored_forms_are_the_contracts_examples():
    assert YEAR_1997 == ["1997", "1997年", "平成9年", "平成９年", "H9"]
    assert "2001年度" in FISCAL_2001 and "平成13年度" in FISCAL_2001
