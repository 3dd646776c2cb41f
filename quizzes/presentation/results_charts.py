"""A quiz set's results as pictures: how the grades spread, where each item stands (facility ×
discrimination), and how often each option was chosen with the key marked."""

from __future__ import annotations

from dataclasses import dataclass

from civiclearn.charts import ColumnChart, ScatterChart, column_chart, scatter_chart
from quizzes.selectors.teaching import ItemResult, Results
from quizzes.services.learning_from_use import IDLE_AFTER  # the same count that has regeneration replace it

GRADE_BANDS = 10  # 0–9 %, 10–19 %, …, 90–100 %


@dataclass
class OptionBar:
    text: str
    picked: int
    share: int  # percent of the item's answers
    is_key: bool


@dataclass
class ItemPicture:
    number: int  # Q1, Q2… as the scatter labels it
    result: ItemResult
    bars: list[OptionBar]
    idle: list[str]  # distractors nobody chose, named only once enough answered to say so of the option


@dataclass
class ResultsPictures:
    grades: ColumnChart
    items: ScatterChart
    per_item: list[ItemPicture]


def results_pictures(results: Results) -> ResultsPictures:
    counts = [0] * GRADE_BANDS
    for row in results.students:
        if row.grade is not None:
            counts[min(int(row.grade * GRADE_BANDS), GRADE_BANDS - 1)] += 1
    labels = [f"{band * 10}" for band in range(GRADE_BANDS)]
    tones = ["wrong" if band < 6 else "right" if band >= 8 else "" for band in range(GRADE_BANDS)]
    pictures = [_item_picture(number, row) for number, row in enumerate(results.items, 1)]
    flagged = {f"Q{p.number}" for p in pictures if p.result.statistics.flags}
    points = [(f"Q{p.number}", p.result.statistics.facility, p.result.statistics.discrimination)
              for p in pictures if p.result.statistics.discrimination is not None
              and p.result.statistics.facility is not None]
    return ResultsPictures(column_chart(list(zip(labels, counts, strict=True)), tones=tones),
                           scatter_chart(points, flagged=flagged), pictures)


def _item_picture(number: int, row: ItemResult) -> ItemPicture:
    total = sum(picked for _id, _text, picked, _key in row.options)
    bars = [OptionBar(text, picked, round(100 * picked / total) if total else 0, is_key)
            for _id, text, picked, is_key in row.options]
    idle = [bar.text for bar in bars if not bar.is_key and not bar.picked] if total >= IDLE_AFTER else []
    return ItemPicture(number, row, bars, idle)
