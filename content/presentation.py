"""Turn prefetched rows into what templates draw: no queries here, only arrangement.

A section page is a list of blocks (paragraphs, runs of list items, figures, goal lists); a
paragraph is a list of segments, each plain text or a glossary term with its footnote number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Figure, GoalList, Paragraph, Section, Term


@dataclass
class Segment:
    text: str
    term: Term | None = None
    marker: bool = False
    tip_id: str = ""


@dataclass
class Block:
    kind: str  # "paragraph", "heading", "list", "figure", "goals"
    paragraphs: list[tuple[Paragraph, list[Segment]]] = field(default_factory=list)
    figure: Figure | None = None
    goal_list: GoalList | None = None


_BLOCK_KINDS = {Paragraph.Kind.LIST_ITEM: "list", Paragraph.Kind.HEADING: "heading"}


def section_blocks(section: Section) -> tuple[list[Block], list[Term]]:
    """The blocks of a section page, and the terms it links, in footnote order."""
    paragraphs = list(section.paragraphs.all())
    figures = sorted(section.figures.all(), key=lambda f: f.position)
    goal_lists = {g.paragraph_id: g for g in section.goal_lists.all()}
    linked: dict[int, Term] = {}
    blocks: list[Block] = []
    for index, paragraph in enumerate(paragraphs):
        blocks.extend(Block("figure", figure=f) for f in figures if f.after_paragraph == index)
        segments = paragraph_segments(paragraph, linked)
        if paragraph.kind == Paragraph.Kind.LIST_ITEM and blocks and blocks[-1].kind == "list":
            blocks[-1].paragraphs.append((paragraph, segments))
        else:
            kind = _BLOCK_KINDS.get(paragraph.kind, "paragraph")
            blocks.append(Block(kind, paragraphs=[(paragraph, segments)]))
        goal_list = goal_lists.get(paragraph.pk)
        if goal_list and not _followed_by_items(paragraphs, index):
            blocks.append(Block("goals", goal_list=goal_list))
    blocks.extend(Block("figure", figure=f) for f in figures if f.after_paragraph >= len(paragraphs))
    return blocks, sorted(linked.values(), key=lambda t: t.number)


def paragraph_segments(paragraph: Paragraph, linked: dict[int, Term]) -> list[Segment]:
    """Split a paragraph at its term links: every marked use, and each term's first use on the page."""
    segments, cursor = [], 0
    for link in paragraph.term_links.all():
        if link.start < cursor or not (link.is_marker or link.term_id not in linked):
            continue
        if link.start > cursor:
            segments.append(Segment(paragraph.text[cursor:link.start]))
        linked.setdefault(link.term_id, link.term)
        tip_id = f"tip-{paragraph.pk}-{link.start}"
        segments.append(Segment(paragraph.text[link.start:link.end], link.term, link.is_marker, tip_id))
        cursor = link.end
    if cursor < len(paragraph.text):
        segments.append(Segment(paragraph.text[cursor:]))
    return segments


def _followed_by_items(paragraphs: list[Paragraph], index: int) -> bool:
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
    return following is not None and following.kind == Paragraph.Kind.LIST_ITEM


def term_uses(term: Term) -> list[Paragraph]:
    """The distinct paragraphs that use a term, from its prefetched links."""
    seen, uses = set(), []
    for link in term.links.all():
        if link.paragraph_id not in seen:
            seen.add(link.paragraph_id)
            uses.append(link.paragraph)
    return uses
