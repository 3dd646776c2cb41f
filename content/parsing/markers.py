"""Pass two: find footnote markers in the text, strip them, and link each to its term.

Markers are digits glued to the word they annotate (``スマートフォン1や``), or digits with a sign
(``ICT※1``, ``ICT注1）``, ``ICT＊1``, a PDF's superscript, which the reader marks with SUPERSCRIPT), and
run in increasing order through the chapter; any other digits are text (``５項目``, ``1980年代``).
A chapter whose text holds signed markers for its notes uses those alone.
A marker is accepted only where the text just before it names its footnote's term, which keeps
``CO2`` or ``2都市目`` from ever being taken for a marker. Numbers missing from the footnotes are
looked for between their neighbours with a stricter shape test, and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import DraftFootnote, DraftParagraph, Layout
from .records import Paragraph, Term, TermLink
from .text import comparable

SUPERSCRIPT = "\ue000"  # put before a superscript digit run by the PDF reader; never left in the text
_PLAIN_MARKER = re.compile(r"(?<![0-9])([0-9]{1,3})(?![0-9])")
_SIGNED_MARKER = re.compile(
    rf"[（(](?:※|＊|\*|注)\s*([0-9０-９]{{1,3}})[）)]"
    rf"|(?:※|＊|\*|{SUPERSCRIPT})\s*([0-9０-９]{{1,3}})"
    r"|注\s*([0-9０-９]{1,3})[）)]|(?<![\u4e00-\u9fff])注([0-9０-９]{1,3})(?![0-9０-９])"
)
_UNIT_AFTER_NUMBER = tuple("年月日度代歳%％時分回位人件名倍割歩")
_PREFIX_BEFORE_NUMBER = tuple("第約全計各毎同")
_KATAKANA = re.compile(r"[\u30a1-\u30faー]")
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class _Candidate:
    paragraph: int
    start: int
    end: int
    number: int


@dataclass(frozen=True)
class _Marker:
    candidate: _Candidate
    term_start: int


@dataclass
class ResolvedText:
    paragraphs: list[Paragraph]
    terms: list[Term]
    warnings: list[str]


def resolve_markers(layout: Layout, drafts: list[tuple[int | None, DraftParagraph]]) -> ResolvedText:
    """``drafts`` are (section number, paragraph) in document order."""
    resolver = _Resolver(layout, [draft for _, draft in drafts])
    markers = resolver.find()
    resolved = {marker.candidate for marker in markers.values()}
    unresolved = [_Marker(c, c.start) for c in resolver.signs if c not in resolved]  # stripped, linked to nothing
    paragraphs = [
        _strip_markers(draft, [m for m in [*markers.values(), *unresolved] if m.candidate.paragraph == index])
        for index, (_, draft) in enumerate(drafts)
    ]
    terms = _terms(layout.footnotes, markers, drafts, paragraphs)
    _link_mentions(paragraphs, terms)
    _place_unmarked_terms(terms, paragraphs, [section for section, _ in drafts])
    return ResolvedText(paragraphs, terms, resolver.warnings)


class _Resolver:
    def __init__(self, layout: Layout, drafts: list[DraftParagraph]):
        self.drafts = drafts
        self.footnotes = {note.number: note for note in layout.footnotes if note.numbered}
        signed = _candidates(drafts, _SIGNED_MARKER)
        self.signs = signed  # every signed marker leaves the text, resolved or not
        self.kome = any(candidate.number in self.footnotes for candidate in signed)
        self.candidates = signed if self.kome else [
            plain for plain in _candidates(drafts, _PLAIN_MARKER)
            if not any(sign.paragraph == plain.paragraph and sign.start <= plain.start < sign.end for sign in signed)
        ]
        self.warnings: list[str] = []

    def find(self) -> dict[int, _Marker]:
        markers = self._footnoted_markers()
        self._fill_gaps(markers)
        return dict(sorted(markers.items()))

    def _footnoted_markers(self) -> dict[int, _Marker]:
        markers: dict[int, _Marker] = {}
        cursor = -1
        for number, note in sorted(self.footnotes.items()):
            for index in range(cursor + 1, len(self.candidates)):
                candidate = self.candidates[index]
                term_start = self._term_start(candidate, note) if candidate.number == number else None
                if term_start is not None:
                    markers[number] = _Marker(candidate, term_start)
                    cursor = index
                    break
            else:
                self.warnings.append(
                    f"line {note.line}: footnote {number} 「{note.term}」 is never referenced in the text"
                )
        return markers

    def _fill_gaps(self, markers: dict[int, _Marker]) -> None:
        if not self.footnotes:
            return
        numbers = sorted(self.footnotes)
        for number in range(numbers[0], numbers[-1]):
            if number in self.footnotes:
                continue
            found = self._unfootnoted_marker(number, markers)
            if found:
                markers[number] = found
                line = self.drafts[found.candidate.paragraph].line_at(found.candidate.start)
                self.warnings.append(f"line {line}: marker {number} has no footnote")

    def _unfootnoted_marker(self, number: int, markers: dict[int, _Marker]) -> _Marker | None:
        lower = self._index_of(markers.get(number - 1), default=-1)
        upper = self._index_of(markers.get(number + 1), default=len(self.candidates))
        for candidate in self.candidates[lower + 1:upper]:
            if candidate.number == number and (self.kome or self._looks_like_marker(candidate)):
                return _Marker(candidate, _word_start(self.drafts[candidate.paragraph].text, candidate.start))
        return None

    def _index_of(self, marker: _Marker | None, default: int) -> int:
        return self.candidates.index(marker.candidate) if marker else default

    def _term_start(self, candidate: _Candidate, note: DraftFootnote) -> int | None:
        text = self.drafts[candidate.paragraph].text
        for form in term_forms(note.term):
            start = _span_ending_at(text, candidate.start, form)
            if start is not None:
                return start
        if self.kome:
            return _word_start(text, candidate.start)
        return None

    def _looks_like_marker(self, candidate: _Candidate) -> bool:
        text = self.drafts[candidate.paragraph].text
        before = text[candidate.start - 1] if candidate.start else ""
        after = text[candidate.end:candidate.end + 1]
        return bool(before) and not before.isspace() and not before.isdigit() \
            and not before.startswith(_PREFIX_BEFORE_NUMBER) and not after.startswith(_UNIT_AFTER_NUMBER)


def _candidates(drafts: list[DraftParagraph], pattern: re.Pattern) -> list[_Candidate]:
    return [
        _Candidate(index, found.start(), found.end(), int(next(group for group in found.groups() if group)))
        for index, draft in enumerate(drafts)
        for found in pattern.finditer(draft.text)
    ]


def term_forms(term: str) -> list[str]:
    """The ways a term is written in running text, longest first.

    >>> term_forms("ICT（情報通信技術）")
    ['ICT（情報通信技術）', 'ICT']
    """
    forms = [term]
    head = re.split(r"[（(]", term, maxsplit=1)[0].strip()
    if head and head != term and len(head) >= 2:
        forms.append(head)
    return forms


def _span_ending_at(text: str, end: int, form: str) -> int | None:
    """Where ``form`` starts if ``text[:end]`` ends with it, ignoring brackets and spaces."""
    target = comparable(form)
    for start in range(end - 1, max(end - 3 * len(form) - 4, 0) - 1, -1):
        found = comparable(text[start:end])
        if found == target:
            return start + 1 if text[start] in "「『" else start
        if len(found) > len(target):
            return None
    return None


def _word_start(text: str, end: int) -> int:
    """The start of the run of one script (katakana, kanji, Latin) that ends at ``end``."""
    start = end
    script = _script(text[end - 1]) if end else None
    while start > 0 and script and _script(text[start - 1]) == script:
        start -= 1
    return start


def _script(char: str) -> str | None:
    if _LATIN.match(char):
        return "latin"
    if _KATAKANA.match(char):
        return "katakana"
    if "\u4e00" <= char <= "\u9fff" or char == "々":
        return "kanji"
    return None


def _strip_markers(draft: DraftParagraph, markers: list[_Marker]) -> Paragraph:
    pieces, links, removed, cursor = [], [], 0, 0
    for marker in sorted(markers, key=lambda m: m.candidate.start):
        candidate = marker.candidate
        pieces.append(draft.text[cursor:candidate.start])
        if marker.term_start < candidate.start:
            links.append(TermLink(marker.term_start - removed, candidate.start - removed, candidate.number, True))
        removed += candidate.end - candidate.start
        cursor = candidate.end
    pieces.append(draft.text[cursor:].replace(SUPERSCRIPT, ""))
    line_starts = [(_shifted(start, markers), line) for start, line in zip(draft.starts, draft.start_lines)]
    return Paragraph("".join(pieces), draft.line, draft.kind, links, line_starts)


def _shifted(offset: int, markers: list[_Marker]) -> int:
    return offset - sum(m.candidate.end - m.candidate.start for m in markers if m.candidate.end <= offset)


def _terms(footnotes, markers, drafts, paragraphs) -> list[Term]:
    terms = []
    for note in footnotes:
        marker = markers.get(note.number) if note.numbered else None
        section, reading = None, None
        if marker:
            section, draft = drafts[marker.candidate.paragraph]
            reading = dict(draft.rubies).get(marker.candidate.start)
        terms.append(Term(note.number, note.term, note.definition, note.line, reading, section))
    return terms


def _place_unmarked_terms(terms: list[Term], paragraphs: list[Paragraph], sections: list[int | None]) -> None:
    """A term no marker placed belongs to the section that first uses it."""
    first_use: dict[int, int | None] = {}
    for paragraph, section in zip(paragraphs, sections):
        for link in paragraph.links:
            first_use.setdefault(link.term, section)
    for term in terms:
        if term.section is None:
            term.section = first_use.get(term.number)


def _link_mentions(paragraphs: list[Paragraph], terms: list[Term]) -> None:
    """Link every other place a term is written, longest name first, never overlapping."""
    forms = sorted(
        ((form, term.number) for term in terms for form in term_forms(term.term) if len(form) >= 2),
        key=lambda pair: -len(pair[0]),
    )
    for paragraph in paragraphs:
        taken = [(link.start, link.end) for link in paragraph.links]
        for form, number in forms:
            for found in re.finditer(re.escape(form), paragraph.text):
                span = (found.start(), found.end())
                if _is_whole_word(paragraph.text, *span) and not any(_overlaps(span, t) for t in taken):
                    taken.append(span)
                    paragraph.links.append(TermLink(span[0], span[1], number, False))
        paragraph.links.sort(key=lambda link: link.start)


def _is_whole_word(text: str, start: int, end: int) -> bool:
    """A katakana or Latin name must not be the middle of a longer katakana or Latin word."""
    before, after = text[start - 1:start], text[end:end + 1]
    return not (
        (before and _script(before) == _script(text[start]) in ("katakana", "latin"))
        or (after and _script(after) == _script(text[end - 1]) in ("katakana", "latin"))
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
