"""``{{ timedelta|minutes_seconds }}``: a time taken as the results page shows it (12:05, or 1:02:05)."""

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def minutes_seconds(value: timedelta | None) -> str:
    """
    >>> minutes_seconds(timedelta(seconds=3.0267))
    '0:03'
    >>> minutes_seconds(timedelta(minutes=12, seconds=5))
    '12:05'
    >>> minutes_seconds(timedelta(hours=1, minutes=2, seconds=5))
    '1:02:05'
    >>> minutes_seconds(None)
    ''
    """
    if value is None:
        return ""
    seconds = int(value.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"
