"""``{{ text|furigana:furigana }}``: the text with its kanji read above them when the reader asked for
furigana (accounts.reading), else the text as it is (and escaped as usual)."""

from django import template
from django.utils.safestring import mark_safe

from content.ruby import ruby_html

register = template.Library()


@register.filter
def furigana(text, on):
    if not on or text is None:
        return text
    return mark_safe(ruby_html(str(text)))  # ruby_html escapes the text it wraps
