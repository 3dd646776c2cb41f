"""Reads: the material generators work from, the bank, and each learner's attempts and progress."""

from . import teaching
from .bank import bank_items, chapter_material, published_items, section_numbered, source_rows
from .learning import attempt_for, attempt_slots, due_cards, progress_for, slot_for

__all__ = [
           "attempt_for",
           "attempt_slots",
           "bank_items",
           "chapter_material",
           "due_cards",
           "progress_for",
           "published_items",
           "section_numbered",
           "slot_for",
           "source_rows",
           "teaching",
]
