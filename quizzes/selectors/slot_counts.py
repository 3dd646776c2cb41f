"""An aggregate over an attempt's slots as a subquery of a query on attempts. Grouping attempts joined
to their slots (and their chapter, set and so on) made PostgreSQL's planner try every join order: 5-6 ms
to plan five attempts that took 0.5 ms to run (docs/PERFORMANCE.md)."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery

from quizzes.models import AttemptItem


def per_attempt(aggregate) -> Subquery:
    """``aggregate`` (``Count("pk")``, ``Sum("answer__score")``…) over the slots of the outer query's
    attempt; None when it has none."""
    slots = AttemptItem.objects.filter(attempt=OuterRef("pk")).order_by().values("attempt")
    return Subquery(slots.annotate(value=aggregate).values("value"))
