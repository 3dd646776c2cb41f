"""The parser's warnings and refusals (plain English from content.parsing, where they are codes with
parameters written out) in the interface's language: each message form is recognised, its parameters
taken out, and the translated form filled in. A form not listed here is shown as the parser wrote it."""

import re

from django.utils.translation import gettext as _

_PLACE = re.compile(r"^(?P<kind>line|page) (?P<number>\d+): ")


def _forms():
    return [
        (r"footnote (?P<number>\d+) 「(?P<term>.+?)」 is never referenced in the text",
         _("footnote %(number)s 「%(term)s」 is never referenced in the text")),
        (r"marker (?P<number>\d+) has no footnote", _("marker %(number)s has no footnote")),
        (r"(?P<era>\S+?) is (?P<converted>\d{4}), but the text gives (?P<written>\d{4})",
         _("%(era)s is %(converted)s, but the text gives %(written)s")),
        (r"the text announces (?P<stated>\d+) goals but lists (?P<listed>\d+)",
         _("the text announces %(stated)s goals but lists %(listed)s")),
        (r"「(?P<title>.+?)」 lists (?P<count>\d+) item\(s\); a goal list needs at least two, so it was left out",
         _("「%(title)s」 lists %(count)s item(s); a goal list needs at least two, so it was left out")),
        (r"the chapter has no numbered sections \(「１．…」\)", _("the chapter has no numbered sections (「１．…」)")),
        (r"the PDF has no text layer: it is probably a scan\..*",
         _("the PDF has no text layer: it is probably a scan. Run it through OCR (text recognition) first, "
           "or bring the text as a file")),
        (r"the PDF is encrypted.*", _("the PDF is encrypted (it needs a password); save an unprotected copy and "
                                      "import that")),
        (r"the PDF cannot be read: the file is damaged or not a PDF",
         _("the PDF cannot be read: the file is damaged or not a PDF")),
        (r"the PDF has no pages", _("the PDF has no pages")),
        (r"the PDF has (?P<pages>\d+) pages; at most (?P<limit>\d+) can be imported at once\..*",
         _("the PDF has %(pages)s pages; at most %(limit)s can be imported at once. Split it, or import the "
           "chapters you need")),
        (r"「(?P<title>.+?)」 yields no sections: .*",
         _("「%(title)s」 yields no sections: no numbered headings were found, so there is nothing to learn from "
           "it")),
    ]


def warning_text(text: str) -> str:
    place = _PLACE.match(text)
    body = text[place.end():] if place else text
    for pattern, translated in _forms():
        found = re.fullmatch(pattern, body)
        if found:
            body = translated % found.groupdict() if found.groupdict() else translated
            break
    if not place:
        return body
    where = _("line %(number)s") if place["kind"] == "line" else _("page %(number)s")
    return f"{where % {'number': place['number']}}: {body}"
