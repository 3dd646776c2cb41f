"""The item bank, attempts at it, and each learner's progress."""

from .attempts import Answer, Attempt, AttemptItem
from .bank import Item, ItemLeak, ItemVersion, LearnedDistractor
from .progress import MasteryDay, ReviewCard, ReviewLog
from .summaries import AnswerDay, MissedItem
from .teaching import Assignment, AssignmentOverride, Membership, QuizSet, QuizSetEntry, SchoolClass
from .uploads import DocumentUpload

__all__ = ["Answer", "AnswerDay", "Assignment", "AssignmentOverride", "Attempt", "AttemptItem", "DocumentUpload",
           "Item", "ItemLeak", "ItemVersion", "LearnedDistractor", "MasteryDay", "Membership", "MissedItem", "QuizSet",
           "QuizSetEntry", "ReviewCard", "ReviewLog", "SchoolClass"]
