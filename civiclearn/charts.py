"""Charts drawn on the server as SVG: the geometry here, the drawing in templates/includes/charts/
(shared by the lessons and the quizzes).

Templates rather than a charting library: pygal, the well-kept choice, embeds its tooltips script from
a CDN by default and styles of its own; these few charts (columns, a scatter, bars, a timeline) are a
little arithmetic, and drawn in our templates they take the site's colours, its dark scheme and its
language, and each carries a table as its text alternative.

>>> chart = column_chart([("0–9", 1), ("10–19", 0), ("20–29", 3)], height=100)
>>> [round(column.height, 1) for column in chart.columns], [tick.label for tick in chart.ticks]
([12.4, 0.0, 37.2], ['0', '5'])
>>> [(round(p.cx), round(p.cy)) for p in scatter_chart([("a", 0.5, 0.0)], width=200, height=100).points]
[(110, 41)]
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 28, 8, 10, 28


@dataclass
class Tick:
    at: float  # a y (or x) coordinate
    label: str


@dataclass
class Column:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    tone: str = ""  # a colour role: right, wrong, due, mastered…
    part: float = 0  # a share of the value drawn inside the column (the answers that were right)
    part_height: float = 0

    @property
    def part_y(self) -> float:
        return self.y + self.height - self.part_height

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


class _Plotted:
    """Where the plot of a chart with a baseline lies, for its template (needs ``width`` and ``baseline``)."""

    width: int
    baseline: float

    @property
    def plot_left(self) -> int:
        return PAD_LEFT

    @property
    def plot_right(self) -> int:
        return self.width - PAD_RIGHT

    @property
    def label_y(self) -> float:
        return self.baseline + 16

    @property
    def tick_x(self) -> int:
        return PAD_LEFT - 4


@dataclass
class ColumnChart(_Plotted):
    columns: list[Column]
    width: int
    height: int
    baseline: float
    ticks: list[Tick] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(column.value for column in self.columns)


def column_chart(values: list[tuple[str, float]], *, width: int = 320, height: int = 160,
                 tones: list[str] | None = None, parts: list[float] | None = None) -> ColumnChart:
    """Columns from zero, one per (label, value), under a scale of whole numbers; ``parts`` draws a
    share of each column in another tone (right answers among all)."""
    top = _nice_top(max((value for _label, value in values), default=0))
    plot_width, plot_height = width - PAD_LEFT - PAD_RIGHT, height - PAD_TOP - PAD_BOTTOM
    step = plot_width / max(len(values), 1)
    baseline = PAD_TOP + plot_height
    columns = []
    for index, (label, value) in enumerate(values):
        bar = plot_height * value / top if top else 0
        part = parts[index] if parts else 0
        columns.append(Column(label, value, PAD_LEFT + index * step + step * 0.15, baseline - bar, step * 0.7, bar,
                              (tones or [""] * len(values))[index], part, plot_height * part / top if top else 0))
    shares = (0, 0.5, 1) if (top / 2).is_integer() and top > 2 else (0, 1)  # no scale of half an answer
    ticks = [Tick(baseline - plot_height * share, _number(top * share)) for share in shares] if top else []
    return ColumnChart(columns, width, height, baseline, ticks)


@dataclass
class Point:
    label: str
    x_value: float
    y_value: float
    cx: float
    cy: float
    flagged: bool = False


@dataclass
class ScatterChart:
    points: list[Point]
    width: int
    height: int
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    zero_y: float  # where discrimination 0 lies
    plot_left: float = PAD_LEFT
    plot_right: float = 0.0
    plot_top: float = PAD_TOP
    plot_bottom: float = 0.0

    @property
    def plot_width(self) -> float:
        return self.plot_right - self.plot_left

    @property
    def plot_height(self) -> float:
        return self.plot_bottom - self.plot_top

    @property
    def tick_x(self) -> int:
        return PAD_LEFT - 4

    @property
    def tick_y(self) -> float:
        return self.plot_bottom + 14

    @property
    def name_y(self) -> float:
        return self.height - 2


def scatter_chart(points: list[tuple[str, float, float]], *, width: int = 320, height: int = 200,
                  flagged: set[str] = frozenset()) -> ScatterChart:
    """Facility (0–1, across) against discrimination (−1–1, up): an item's place in one look."""
    plot_width, plot_height = width - PAD_LEFT - PAD_RIGHT, height - PAD_TOP - PAD_BOTTOM

    def x_at(value: float) -> float:
        return PAD_LEFT + plot_width * min(max(value, 0.0), 1.0)

    def y_at(value: float) -> float:
        return PAD_TOP + plot_height * (1 - (min(max(value, -1.0), 1.0) + 1) / 2)

    placed = [Point(label, x, y, x_at(x), y_at(y), label in flagged) for label, x, y in points]
    return ScatterChart(placed, width, height, [Tick(x_at(v), _number(v)) for v in (0, 0.5, 1)],
                        [Tick(y_at(v), _number(v)) for v in (-1, 0, 1)], y_at(0),
                        plot_right=PAD_LEFT + plot_width, plot_bottom=PAD_TOP + plot_height)


@dataclass
class Mark:
    label: str
    when: str  # as the document writes it
    x: float
    width: float  # 0 for a point in time; a span's length for a decade or a range
    row: int  # rows keep labels of events close in time apart
    row_height: int = 22

    @property
    def y(self) -> float:
        return PAD_TOP + 10 + self.row * self.row_height


@dataclass
class TimelineChart:
    marks: list[Mark]
    width: int
    height: int
    ticks: list[Tick]
    axis_y: float
    row_height: int = 0

    @property
    def top(self) -> int:
        return PAD_TOP

    @property
    def axis_left(self) -> int:
        return PAD_LEFT

    @property
    def axis_right(self) -> float:
        return self.width - 2 * PAD_RIGHT

    @property
    def tick_y(self) -> float:
        return self.axis_y + 18


def timeline_chart(events: list[tuple[str, str, float, float]], *, width: int = 640, row_height: int = 22,
                   rows: int = 4) -> TimelineChart:
    """Events (label, date as written, first year, last year) on one axis of years; a span is drawn
    as long as it lasts. Labels go on rows in turn so that neighbours do not overlap."""
    if not events:
        return TimelineChart([], width, 0, [], 0)
    first = math.floor(min(start for *_rest, start, _end in events) / 10) * 10
    last = math.ceil((max(end for *_rest, end in events) + 1) / 10) * 10
    span = max(last - first, 1)
    plot = width - 2 * PAD_RIGHT - PAD_LEFT

    def x_at(year: float) -> float:
        return PAD_LEFT + plot * (year - first) / span

    marks = [Mark(label, when, x_at(start), x_at(end + 1) - x_at(start) if end > start else 0, index % rows,
                  row_height) for index, (label, when, start, end) in enumerate(sorted(events, key=lambda e: e[2:]))]
    axis_y = PAD_TOP + 10 + rows * row_height
    step = 10 if span <= 60 else 20
    ticks = [Tick(x_at(year), str(year)) for year in range(first, last + 1, step)]
    return TimelineChart(marks, width, int(axis_y + PAD_BOTTOM), ticks, axis_y, row_height)


@dataclass
class Line:
    label: str
    values: list[float | None]
    points: list[tuple[float, float, float]]  # x, y, value for each known value

    @property
    def path(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _value in self.points)


@dataclass
class LineChart(_Plotted):
    labels: list[str]
    lines: list[Line]
    width: int
    height: int
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    baseline: float

    @property
    def rows(self) -> list[tuple[str, list[float | None]]]:
        """The data by label, a value per line, for the table beside the chart."""
        return [(label, [line.values[index] for line in self.lines]) for index, label in enumerate(self.labels)]


def line_chart(labels: list[str], series: list[tuple[str, list[float | None]]], *, top: float = 100,
               width: int = 320, height: int = 160) -> LineChart:
    """Lines over a scale from 0 to ``top`` (a percentage by default); a None is a day with no value.

    >>> chart = line_chart(["1", "2", "3"], [("a", [None, 50, 100])], height=100)
    >>> [(round(x), round(y)) for x, y, _v in chart.lines[0].points]
    [(170, 41), (265, 10)]
    """
    plot_width, plot_height = width - PAD_LEFT - PAD_RIGHT, height - PAD_TOP - PAD_BOTTOM
    step = plot_width / max(len(labels), 1)
    baseline = PAD_TOP + plot_height

    def x_at(index: int) -> float:
        return PAD_LEFT + step * (index + 0.5)

    lines = [Line(name, values, [(x_at(index), baseline - plot_height * value / top, value)
                                 for index, value in enumerate(values) if value is not None])
             for name, values in series]
    shown = [index for index in range(len(labels))
             if len(labels) <= 8 or index % 7 == 6 or index in (0, len(labels) - 1)]
    return LineChart(labels, lines, width, height, [Tick(x_at(index), labels[index]) for index in shown],
                     [Tick(baseline - plot_height * share, _number(top * share)) for share in (0, 0.5, 1)], baseline)


def day_labels(days: list[date]) -> list[str]:
    return [f"{day.month}/{day.day}" for day in days]


def _nice_top(value: float) -> float:
    """The scale's top: the value rounded up to 1, 2 or 5 times a power of ten (at least 1)."""
    if value <= 0:
        return 0
    magnitude = 10 ** math.floor(math.log10(value))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= value)


def _number(value: float) -> str:
    return f"{value:g}"
