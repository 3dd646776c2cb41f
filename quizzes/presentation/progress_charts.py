"""A learner's progress as pictures: answers per day (the right ones drawn inside), the reviews due on
each of the coming days, each chapter's mastery over time, and its bars by section and by skill."""

from __future__ import annotations

from dataclasses import dataclass

from civiclearn.charts import ColumnChart, LineChart, column_chart, day_labels, line_chart
from quizzes.mastery import Mastery
from quizzes.selectors.learning import Progress
from quizzes.services.mastery_days import chapter_percent


@dataclass(frozen=True)
class MasteryBar:
    label: str
    mastery: Mastery


@dataclass(frozen=True)
class ChapterBars:
    """A chapter's mastery bars: plain data, so that the dashboard keeps their rendering ({% kept_include %})."""

    title: str
    sections: tuple[MasteryBar, ...]
    skills: tuple[MasteryBar, ...]


@dataclass
class ProgressPictures:
    answers: ColumnChart
    due: ColumnChart
    mastery: LineChart
    bars: tuple[ChapterBars, ...] = ()


def progress_pictures(progress: Progress) -> ProgressPictures:
    days = [day for day, _answered, _right in progress.by_day]
    answers = column_chart(list(zip(day_labels(days), [answered for _d, answered, _r in progress.by_day], strict=True)),
                           tones=["wrong"] * len(days), parts=[right for _d, _a, right in progress.by_day])
    ahead = [day for day, _count in progress.due_ahead]
    due = column_chart(list(zip(day_labels(ahead), [count for _day, count in progress.due_ahead], strict=True)),
                       tones=["due"] * len(ahead))
    bars = tuple(ChapterBars(chapter.title, _bars(chapter.sections), _bars(chapter.skills))
                 for chapter in progress.chapters)
    return ProgressPictures(answers, due, _mastery_line(progress, days), bars)


def _bars(entries) -> tuple[MasteryBar, ...]:
    return tuple(MasteryBar(entry.label, entry.mastery) for entry in entries)


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
