"""The item bank, attempts at it, and each learner's progress."""

from .attempts import Answer, Attempt, AttemptItem
from .bank import Item, ItemLeak, ItemVersion, LearnedDistractor
from .progress import MasteryDay, ReviewCard, ReviewLog
from .teaching import Assignment, Membership, QuizSet, QuizSetEntry, SchoolClass
from .uploads import DocumentUpload

__all__ = ["Answer", "Assignment", "Attempt", "AttemptItem", "DocumentUpload", "Item", "ItemLeak", "ItemVersion",
           "LearnedDistractor", "MasteryDay", "Membership", "QuizSet", "QuizSetEntry", "ReviewCard", "ReviewLog",
           "SchoolClass"]
