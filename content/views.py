from django.shortcuts import render

from . import selectors
from .presentation import section_blocks, term_uses
from .readings import katakana_to_hiragana


def chapter_list(request):
    return render(request, "content/chapter_list.html", {"chapters": selectors.chapter_list()})


def chapter_detail(request, slug):
    chapter = selectors.chapter_by_slug(slug)
    return render(request, "content/chapter_detail.html", {"chapter": chapter, "sections": chapter.sections.all()})


def section_detail(request, slug, number):
    section = selectors.section_for_reading(slug, number)
    blocks, footnotes = section_blocks(section)
    previous, following = selectors.neighbouring_sections(section)
    context = {
        "chapter": section.chapter, "section": section, "blocks": blocks, "footnotes": footnotes,
        "previous": previous, "following": following,
    }
    return render(request, "content/section_detail.html", context)


def glossary(request, slug):
    chapter = selectors.chapter_by_slug(slug)
    entries = [(term, term_uses(term)) for term in selectors.glossary(chapter)]
    if request.GET.get("order") == "kana" and all(term.reading for term, _ in entries):
        entries.sort(key=lambda entry: katakana_to_hiragana(entry[0].reading))
    readings_complete = bool(entries) and all(term.reading for term, _ in entries)
    context = {"chapter": chapter, "entries": entries, "readings_complete": readings_complete}
    return render(request, "content/glossary.html", context)


def timeline(request, slug):
    chapter = selectors.chapter_by_slug(slug)
    return render(request, "content/timeline.html", {"chapter": chapter, "events": selectors.timeline(chapter)})
