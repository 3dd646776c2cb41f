"""Files that are not chapters: a one-line error that names the problem (and the line)."""

import pytest

from content.parsing import ParseError, parse_chapter

SEED_LIKE = " 第１章   札幌と ICT \n\n１．札幌における ICTの意味 \n\nスマートフォンが普及しました。 \n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 3: the file is binary, not text (it contains NUL bytes)"),
        (b"text\n\x01\x02binary", "line 2: the file is binary, not text (control character U+0001)"),
        ("第１章 テスト".encode("utf-16"), "the file is UTF-16; save it as UTF-8 or Shift_JIS (CP932)"),
        (b"\xef\xbb\xbf\xe7\xac\n\xff", "line 1: the file starts with a UTF-8 byte order mark but is not valid UTF-8"),
        (b"abc\n\x81\x20def", "line 2: the file is neither UTF-8 nor Shift_JIS (CP932): byte 0x81 cannot be read"),
        ("札幌市の情報化".encode("euc_jp"), "the file is neither UTF-8 nor Shift_JIS (CP932); it looks like EUC-JP"),
        ("見出しのない文章です。 \n\n本文です。 \n".encode(), "no chapter heading found"),
    ],
)
def test_bad_files_raise_one_clear_error(data, message):
    with pytest.raises(ParseError) as caught:
        parse_chapter(data)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_utf8_with_or_without_bom_and_shift_jis_are_read_alike(encoding):
    parsed = parse_chapter(SEED_LIKE.encode(encoding))
    assert parsed.chapter.title == "札幌とICT"
    assert parsed.sections[0].paragraphs[0].text == "スマートフォンが普及しました。"


def test_windows_line_endings_are_read_alike():
    parsed = parse_chapter(SEED_LIKE.replace("\n", "\r\n").encode("cp932"))
    assert parsed.sections[0].title == "札幌におけるICTの意味"


def test_the_seed_in_shift_jis_parses_exactly_like_the_utf8_original(seed, seed_bytes):
    assert parse_chapter(seed_bytes.decode("utf-8").encode("cp932")) == seed


def test_a_text_without_chapter_heading_is_one_chapter_named_by_its_first_line():
    parsed = parse_chapter("市の情報化計画 \n\n１．目的 \n\n本文です。 \n\n２．範囲 \n\n本文です。 \n".encode())
    assert parsed.chapter.title == "市の情報化計画" and [s.title for s in parsed.sections] == ["目的", "範囲"]
