"""Learning from use: what learners' answers say about a chapter's distractors (ITEM_QUALITY.md, "After
items are used").

- A distractor of a choice item that nobody picked across ``IDLE_AFTER`` answers does no work: it is
  recorded for the item's fact and left out when the items are next generated (a new version; the
  answers given keep the version they were given to). A reviewer may keep it (reject the record).
- A wrong answer that ``OFFER_AFTER`` learners typed for a short-answer item is what learners find
  plausible: it is proposed as a distractor for the same fact, and used once a reviewer approves it.

Runs before a chapter's items are generated (services.item_generation), in a bounded number of
queries whatever the number of answers: the database counts them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django.db.models import Count

from content.models import Chapter
from quizzes.generation.kinds import SINGLE_KEY_KINDS, Kind
from quizzes.generation.records import fact_of
from quizzes.models import Answer, Item, LearnedDistractor

IDLE_AFTER = 30  # answers to an item before an option nobody picked counts as idle
OFFER_AFTER = 3  # learners giving the same wrong answer before it is proposed
MAX_OFFERED_LENGTH = 60

Source, Status = LearnedDistractor.Source, LearnedDistractor.Status


@dataclass
class LearnedReport:
    idle: int = 0
    proposed: int = 0


def distractors_learn(*, chapter: Chapter) -> LearnedReport:
    report = LearnedReport()
    items = Item.objects.filter(chapter=chapter, author__isnull=True).exclude(status=Item.Status.RETIRED)
    answers = Answer.objects.filter(slot__item__in=items).order_by()
    report.idle = _record(chapter, _idle_distractors(items, answers), Source.IDLE, Status.APPROVED)
    report.proposed = _record(chapter, _frequent_wrong_answers(answers), Source.LEARNERS, Status.PROPOSED)
    return report


def _idle_distractors(items, answers) -> dict[tuple[str, str], int]:
    """(fact, option text) → answers that passed it over, for options nobody picked."""
    choice = items.filter(kind__in=SINGLE_KEY_KINDS)
    picks: dict[int, dict[str, int]] = {}
    rows = answers.filter(slot__item__in=choice).values_list("slot__item_id", "response").annotate(times=Count("id"))
    for item_id, response, times in rows:
        picks.setdefault(item_id, {})[str(response)] = times
    idle = {}
    for item in choice.filter(pk__in=list(picks)).only("key", "options", "answer"):
        chosen = picks[item.pk]
        total = sum(chosen.values())
        if total < IDLE_AFTER:
            continue
        for option in item.options:
            if option["id"] != item.answer and not chosen.get(option["id"]):
                idle[(fact_of(item.key), option["text"])] = total
    return idle


def _frequent_wrong_answers(answers) -> dict[tuple[str, str], int]:
    """(fact, typed text) → learners who typed it, for wrong short answers typed by enough learners."""
    rows = answers.filter(slot__item__kind=Kind.SHORT_ANSWER, correct=False).values_list(
        "slot__item__key", "response").annotate(learners=Count("slot__attempt__learner", distinct=True))
    offered: dict[tuple[str, str], int] = {}
    for key, response, learners in rows:
        text = unicodedata.normalize("NFKC", str(response)).strip() if isinstance(response, str) else ""
        if text and len(text) <= MAX_OFFERED_LENGTH:
            fact = (fact_of(key), text)
            offered[fact] = offered.get(fact, 0) + learners
    return {fact: learners for fact, learners in offered.items() if learners >= OFFER_AFTER}


def _record(chapter: Chapter, found: dict[tuple[str, str], int], source: str, status: str) -> int:
    """Create the new records and refresh the counts of known ones; a reviewer's decision stands."""
    known = {(row.fact, row.text): row for row in chapter.learned_distractors.filter(source=source)}
    new = [LearnedDistractor(chapter=chapter, fact=fact, text=text[:500], source=source, count=count, status=status)
           for (fact, text), count in found.items() if (fact, text) not in known]
    LearnedDistractor.objects.bulk_create(new)
    changed = [row for pair, row in known.items() if pair in found and row.count != found[pair]]
    for row in changed:
        row.count = found[(row.fact, row.text)]
    LearnedDistractor.objects.bulk_update(changed, ["count"])
    return len(new)


def learned_distractors_decide(*, rows, approve: bool) -> int:
    """A reviewer's decision: approve (use a learners' answer; leave an idle distractor out) or reject
    (never use it; keep the idle distractor). It stands through later counts; takes effect when the
    chapter's items are next generated."""
    status = Status.APPROVED if approve else Status.REJECTED
    return rows.update(status=status, status_set_by_person=True)
