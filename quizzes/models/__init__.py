"""The item bank, attempts at it, and each learner's progress."""

from .attempts import Answer, Attempt, AttemptItem
from .bank import Item, ItemVersion
from .progress import ReviewCard, ReviewLog

__all__ = ["Answer", "Attempt", "AttemptItem", "Item", "ItemVersion", "ReviewCard", "ReviewLog"]
