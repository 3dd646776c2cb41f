"""``{% kept_include "template" name=value … %}``: an include that depends only on the values it is
given (and the language), rendered once per distinct values in each worker's memory
(civiclearn/kept_pages.kept_fragment). The dashboard's charts are its use: three charts of a fortnight,
each a few hundred template variables, the same until the learner answers again.

The values must be plain data — strings, numbers, dates, None, lists, tuples and dataclasses of them —
so that their repr names them completely; anything else (a model instance, say) is refused, never
kept under a name that does not say what it shows."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from civiclearn.kept_pages import kept_fragment

register = template.Library()
_SCALARS = (str, int, float, bool, date, type(None))


@register.simple_tag
def kept_include(template_name: str, **values) -> SafeString:
    for name, value in values.items():
        _check_plain(name, value)
    named = repr(sorted(values.items()))
    key = ("include", template_name, hashlib.sha256(named.encode()).hexdigest())
    # our own template's escaped rendering
    return mark_safe(kept_fragment(key, lambda: render_to_string(template_name, values)))


def _check_plain(name: str, value) -> None:
    if isinstance(value, _SCALARS):
        return
    if isinstance(value, list | tuple):
        for item in value:
            _check_plain(name, item)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _check_plain(name, getattr(value, field.name))
        return
    raise TypeError(f"kept_include: {name} is not plain data ({type(value).__name__}); its repr would not name it")
