"""The admin of the item bank, of teaching, and of chapters as published with their items."""

from . import bank, chapters, teaching

__all__ = ["bank", "chapters", "teaching"]
