"""Today's mastery of each chapter, kept as the learner's dashboard shows it, for the line of
progress over time (models.MasteryDay)."""

from __future__ import annotations

from datetime import date

from quizzes.models import MasteryDay
from quizzes.selectors.learning import Progress


def chapter_percent(chapter) -> int:
    """The chapter's mastery: its sections' mastery weighed by how many items each holds."""
    total = sum(entry.mastery.total for entry in chapter.sections)
    return round(sum(entry.mastery.percent * entry.mastery.total for entry in chapter.sections) / total) if total else 0


def mastery_days_record(*, learner, progress: Progress, today: date) -> None:
    """Today's row for each chapter whose mastery differs from what today's row says: one statement
    whatever the number of chapters, none when nothing has changed (most views of the dashboard)."""
    rows = [MasteryDay(learner=learner, chapter_id=chapter.chapter_id, day=today, percent=percent)
            for chapter in progress.chapters
            if (percent := chapter_percent(chapter)) != progress.mastery_history.get(chapter.chapter_id, {}).get(today)]
    if rows:
        MasteryDay.objects.bulk_create(rows, update_conflicts=True, unique_fields=["learner", "chapter", "day"],
                                       update_fields=["percent"])
