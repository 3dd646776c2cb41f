"""A chapter's dated events on one drawn axis of years, numbered as the list beneath it numbers them."""

from __future__ import annotations

from civiclearn.charts import TimelineChart, timeline_chart

from .models import Event


def timeline_picture(events: list[Event]) -> TimelineChart:
    return timeline_chart([(str(number), f"{event.western_label} {event.era_label}".strip(), *event.span)
                           for number, event in enumerate(events, 1)])
