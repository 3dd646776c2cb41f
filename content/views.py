from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string

from accounts.reading import furigana_on

from . import selectors
from .page_cache import cached_parts
from .presentation import section_blocks, term_uses
from .readings import katakana_to_hiragana
from .timeline_chart import timeline_picture


def _found(row):
    if row is None:
        raise Http404
    return row


def chapter_list(request):
    return render(request, "content/chapter_list.html", {"chapters": selectors.chapter_list(reader=request.user)})


def chapter_detail(request, slug):
    chapter = _found(selectors.chapter_by_slug(slug, reader=request.user))
    return render(request, "content/chapter_detail.html", {"chapter": chapter, "sections": chapter.sections.all()})


def section_detail(request, slug, number):
    section = _found(selectors.section_heading(slug, number, reader=request.user))
    furigana = furigana_on(request)
    parts = cached_parts(section.chapter, "section", number, furigana,
                         build=lambda: _section_parts(slug, number, furigana))
    return render(request, "content/section_detail.html",
                  {"chapter": section.chapter, "section": section, **parts})


def _section_parts(slug, number, furigana: bool) -> dict[str, str]:
    section = selectors.section_for_reading(slug, number)
    blocks, footnotes = section_blocks(section)
    previous, following = selectors.neighbouring_sections(section)
    context = {
        "chapter": section.chapter, "section": section, "blocks": blocks, "footnotes": footnotes,
        "previous": previous, "following": following, "furigana": furigana,
    }
    return {name: render_to_string(f"content/fragments/section_{name}.html", context) for name in ("lesson", "notes")}


def glossary(request, slug):
    chapter = _found(selectors.chapter_heading(slug, reader=request.user))
    order = "kana" if request.GET.get("order") == "kana" else "number"
    parts = cached_parts(chapter, "glossary", order, build=lambda: _glossary_parts(chapter, order))
    return render(request, "content/glossary.html", {"chapter": chapter, **parts})


def _glossary_parts(chapter, order) -> dict[str, str]:
    entries = [(term, term_uses(term)) for term in selectors.glossary(chapter)]
    readings_complete = bool(entries) and all(term.reading for term, _ in entries)
    if order == "kana" and readings_complete:
        entries.sort(key=lambda entry: katakana_to_hiragana(entry[0].reading))
    context = {"chapter": chapter, "entries": entries, "readings_complete": readings_complete}
    return {"glossary": render_to_string("content/fragments/glossary.html", context)}


def timeline(request, slug):
    chapter = _found(selectors.chapter_by_slug(slug, reader=request.user))
    events = list(selectors.timeline(chapter))
    return render(request, "content/timeline.html", {"chapter": chapter, "events": events,
                                                     "picture": timeline_picture(events),
                                                     "targets": selectors.targets(chapter)})
