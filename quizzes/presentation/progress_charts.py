"""A learner's progress as pictures: answers per day (the right ones drawn inside), and the reviews
due on each of the coming days."""

from __future__ import annotations

from dataclasses import dataclass

from civiclearn.charts import ColumnChart, LineChart, column_chart, day_labels, line_chart
from quizzes.selectors.learning import Progress
from quizzes.services.mastery_days import chapter_percent


@dataclass
class ProgressPictures:
    answers: ColumnChart
    due: ColumnChart
    mastery: LineChart


def progress_pictures(progress: Progress) -> ProgressPictures:
    days = [day for day, _answered, _right in progress.by_day]
    answers = column_chart(list(zip(day_labels(days), [answered for _d, answered, _r in progress.by_day], strict=True)),
                           tones=["wrong"] * len(days), parts=[right for _d, _a, right in progress.by_day])
    ahead = [day for day, _count in progress.due_ahead]
    due = column_chart(list(zip(day_labels(ahead), [count for _day, count in progress.due_ahead], strict=True)),
                       tones=["due"] * len(ahead))
    return ProgressPictures(answers, due, _mastery_line(progress, days))


def _mastery_line(progress: Progress, days: list) -> LineChart:
    """Each chapter's mastery day by day: today's as the dashboard works it out now, the days before as
    recorded, a day without a record carrying the one before it (mastery moves only by practice and
    by forgetting, slowly)."""
    series = []
    for chapter in progress.chapters:
        recorded = progress.mastery_history.get(chapter.chapter_id, {})
        carried, values = None, []
        earlier = [percent for day, percent in sorted(recorded.items()) if day < days[0]]
        carried = earlier[-1] if earlier else None
        for day in days[:-1]:
            carried = recorded.get(day, carried)
            values.append(carried)
        values.append(chapter_percent(chapter))
        series.append((chapter.title, values))
    return line_chart(day_labels(days), series)
