from django.http import Http404
from django.shortcuts import render

from accounts.reading import furigana_on
from civiclearn.reader_cookie import cookie_reader

from . import selectors
from .page_cache import cached_page
from .presentation import section_blocks, term_uses
from .readings import katakana_to_hiragana
from .revision_memory import remembered
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


def _revision_for(request, revision_of):
    """(the reader of a signed cookie or None, (chapter id, revision)) from ``revision_of(reader=…)``: for a
    cookie's reader or a visitor, among public chapters only (remembered a moment: content/revision_memory.py),
    without a session or user; otherwise, or for a chapter only some may read, as the request's user may
    read it (404 when they may not)."""
    reader = cookie_reader(request)
    if reader or not request.user.is_authenticated:
        found = remembered(request.path_info, lambda: revision_of(reader=None))
        if found is not None:
            return reader, found
    return None, _found(revision_of(reader=request.user))


def section_detail(request, slug, number):
    reader, (chapter_id, revision) = _revision_for(
        request, lambda reader: selectors.section_revision(slug, number, reader=reader))
    furigana = reader.furigana if reader else furigana_on(request)
    return cached_page(request, chapter_id, revision, "section", number, furigana,
                       template="content/section_detail.html",
                       context=lambda: _section_context(slug, number, furigana), reader=reader)


def _section_context(slug, number, furigana: bool) -> dict:
    section = selectors.section_for_reading(slug, number)
    blocks, footnotes = section_blocks(section)
    previous, following = selectors.neighbouring_sections(section)
    return {"chapter": section.chapter, "section": section, "blocks": blocks, "footnotes": footnotes,
            "previous": previous, "following": following, "furigana": furigana}


def glossary(request, slug):
    reader, (chapter_id, revision) = _revision_for(
        request, lambda reader: selectors.chapter_revision(slug, reader=reader))
    order = "kana" if request.GET.get("order") == "kana" else "number"
    return cached_page(request, chapter_id, revision, "glossary", order, template="content/glossary.html",
                       context=lambda: _glossary_context(selectors.chapter_by_pk(chapter_id), order), reader=reader)


def _glossary_context(chapter, order) -> dict:
    entries = [(term, term_uses(term)) for term in selectors.glossary(chapter)]
    readings_complete = bool(entries) and all(term.reading for term, _ in entries)
    if order == "kana" and readings_complete:
        entries.sort(key=lambda entry: katakana_to_hiragana(entry[0].reading))
    return {"chapter": chapter, "entries": entries, "readings_complete": readings_complete}


def timeline(request, slug):
    chapter = _found(selectors.chapter_by_slug(slug, reader=request.user))
    events = list(selectors.timeline(chapter))
    return render(request, "content/timeline.html", {"chapter": chapter, "events": events,
                                                     "picture": timeline_picture(events),
                                                     "targets": selectors.targets(chapter)})
