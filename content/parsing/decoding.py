"""Bytes to text: UTF-8 (with or without BOM) or CP932, the encodings chapter files come in."""

from __future__ import annotations

import re

from .errors import ParseError

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]")


def decode_chapter(data: bytes) -> str:
    """Decode a chapter file, or raise ParseError naming what is wrong with it.

    >>> decode_chapter("第１章 札幌".encode("cp932"))
    '第１章 札幌'
    """
    if not data.strip():
        raise ParseError("the file is empty")
    if data.startswith(_UTF16_BOMS):
        raise ParseError("the file is UTF-16; save it as UTF-8 or Shift_JIS (CP932)")
    if b"\x00" in data:
        raise ParseError("the file is binary, not text (it contains NUL bytes)", _line_at(data, data.index(b"\x00")))
    has_bom = data.startswith(_UTF8_BOM)
    text = _decode_utf8(data[len(_UTF8_BOM):]) if has_bom else _decode_utf8(data, fallback=True)
    _reject_control_characters(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_utf8(data: bytes, *, fallback: bool = False) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        if fallback:
            return _decode_cp932(data, utf8_error)
        raise ParseError(
            f"the file starts with a UTF-8 byte order mark but is not valid UTF-8 ({utf8_error.reason})",
            _line_at(data, utf8_error.start),
        ) from None


def _decode_cp932(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        raise ParseError(
            "the file is neither UTF-8 nor Shift_JIS (CP932): "
            f"byte 0x{data[utf8_error.start]:02x} cannot be read as UTF-8",
            _line_at(data, utf8_error.start),
        ) from None
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if non_ascii and len(_HALFWIDTH_KANA.findall(text)) > len(non_ascii) / 3:
        raise ParseError("the file is neither UTF-8 nor Shift_JIS (CP932); it looks like EUC-JP")
    return text


def _reject_control_characters(text: str) -> None:
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise ParseError(f"the file is binary, not text (control character U+{ord(found.group()):04X})", line)


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
