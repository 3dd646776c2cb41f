"""A learner's progress as pictures: answers per day (the right ones drawn inside), and the reviews
due on each of the coming days."""

from __future__ import annotations

from dataclasses import dataclass

from civiclearn.charts import ColumnChart, column_chart, day_labels
from quizzes.selectors.learning import Progress


@dataclass
class ProgressPictures:
    answers: ColumnChart
    due: ColumnChart


def progress_pictures(progress: Progress) -> ProgressPictures:
    days = [day for day, _answered, _right in progress.by_day]
    answers = column_chart(list(zip(day_labels(days), [answered for _d, answered, _r in progress.by_day], strict=True)),
                           tones=["wrong"] * len(days), parts=[right for _d, _a, right in progress.by_day])
    ahead = [day for day, _count in progress.due_ahead]
    due = column_chart(list(zip(day_labels(ahead), [count for _day, count in progress.due_ahead], strict=True)),
                       tones=["due"] * len(ahead))
    return ProgressPictures(answers, due)
