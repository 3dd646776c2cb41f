"""The parser's warnings and refusals, said in the interface's language with their page or line."""

import pytest
from django.utils import translation

from content.parsing import ParseError, parse_chapter
from quizzes.presentation.parse_warnings import warning_text
from tests.chapter_text import chapter_file


@pytest.mark.parametrize(
    ("text", "japanese"),
    [
        ("page 3: 平成９年 is 1997, but the text gives 1998", "3 ページ: 平成９年は 1997 年ですが、本文では 1998 年となっています"),
        ("line 12: footnote 4 「ICT」 is never referenced in the text",
         "12 行目: 注 4「ICT」は本文のどこからも参照されていません"),
        ("line 7: marker 2 has no footnote", "7 行目: 注記号 2 に対応する注がありません"),
        ("line 5: the text announces 4 goals but lists 3",
         "5 行目: 本文では目標が 4 つとされていますが、挙げられているのは 3 つです"),
        ("the PDF has no pages", "この PDF にはページがありません"),
        ("page 2: something the table does not know", "2 ページ: something the table does not know"),
    ],
)
def test_warnings_are_translated_with_their_place(text, japanese):
    with translation.override("ja"):
        assert warning_text(text) == japanese
    with translation.override("en"):
        assert warning_text(text) == text


def test_what_the_parser_writes_is_what_the_table_knows():
    parsed = parse_chapter(chapter_file("１．節 ", "", "平成９年（1998年）に策定した。 "))
    with translation.override("ja"):
        assert [warning_text(w) for w in parsed.warnings] == ["5 行目: 平成９年は 1997 年ですが、本文では 1998 年となっています"]
    with pytest.raises(ParseError) as refused:
        parse_chapter(b"%PDF-1.7\n" + b"\x00" * 100)
    with translation.override("ja"):
        assert warning_text(str(refused.value)) == "PDF を読めません。ファイルが壊れているか、PDF ではありません"
