"""Explanations quote their source: the definition, or the sentence with the section it stands in."""

from __future__ import annotations

from .records import ChapterMaterial, TermSource


def from_definition(term: TermSource) -> str:
    return f"用語解説「{term.term}」：{term.definition}"


def from_sentence(material: ChapterMaterial, section: int, sentence: str, lead: str = "") -> str:
    where = material.section_titles.get(section, "")
    quote = f"本文（{section}．{where}）：「{sentence}」" if where else f"本文：「{sentence}」"
    return f"{lead}\n{quote}" if lead else quote
