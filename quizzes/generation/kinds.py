"""The names of item kinds and skills: one enum each, which the models' choices take their values from.

>>> Kind.SINGLE_CHOICE == "single_choice", Kind("cloze") in SINGLE_KEY_KINDS
(True, True)
"""

from enum import StrEnum


class Kind(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_RESPONSE = "multiple_response"
    TRUE_FALSE = "true_false"
    ORDERING = "ordering"
    MATCHING = "matching"
    SHORT_ANSWER = "short_answer"
    CLOZE = "cloze"


class Skill(StrEnum):
    DEFINITION = "definition"
    DATE = "date"
    GOAL = "goal"
    PURPOSE = "purpose"
    FIGURE = "figure"


# Kinds whose key is one option's id, and kinds whose options are picked (counted in item analysis).
SINGLE_KEY_KINDS = (Kind.SINGLE_CHOICE, Kind.CLOZE)
CHOICE_KINDS = (Kind.SINGLE_CHOICE, Kind.MULTIPLE_RESPONSE, Kind.CLOZE)
