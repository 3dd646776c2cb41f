"""Chapter files to dataclasses: plain Python, no Django (a test walks the imports)."""

from .chapter import ParsedDocument, parse_chapter, parse_document
from .decoding import decode_chapter
from .errors import ParseError
from .records import ChapterHeading, Event, Figure, GoalList, Paragraph, ParsedChapter, Section, Term, TermLink
from .review import PRECISIONS, apply_review
from .serialize import chapter_as_dict

__all__ = [
    "PRECISIONS", "ChapterHeading", "Event", "Figure", "GoalList", "Paragraph", "ParseError", "ParsedChapter",
    "ParsedDocument", "Section", "Term", "TermLink", "apply_review", "chapter_as_dict", "decode_chapter",
    "parse_chapter", "parse_document",
]
