"""Rules that judge an item against the material it was made from: what the document itself says."""

from __future__ import annotations

from ..folding import fold
from ..kinds import CHOICE_KINDS, Kind
from ..records import ChapterMaterial, ItemDraft
from .findings import Finding
from .options import option_type, years_covered


def check_against_material(item: ItemDraft, material: ChapterMaterial) -> list[Finding]:
    return [finding for rule in (option_not_from_document, cloze_option_from_elsewhere,
                                 distractor_year_after_the_text) for finding in rule(item, material)]


def option_not_from_document(item: ItemDraft, material: ChapterMaterial) -> list[Finding]:
    """A goal item's option the document never says (another town's goal, an invented near-synonym):
    every option of a goal item is a phrase of this document's text, goal lists or headings."""
    if item.skill != "goal" or item.kind not in CHOICE_KINDS or item.generator == "teacher":
        return []
    said = fold("\n".join([*(s.text for s in material.sentences), *material.section_titles.values(),
                           *(goal for goals in material.goal_lists for goal in goals.items),
                           *(goals.sentence for goals in material.goal_lists), *material.other_goal_phrases]))
    strangers = [option.text for option in item.options if option_type(option.text) == "text"
                 and fold(option.text) not in said]
    return [Finding("option_not_from_document", f"「{text}」is not in this document.", {"text": text})
            for text in strangers[:1]]


def cloze_option_from_elsewhere(item: ItemDraft, material: ChapterMaterial) -> list[Finding]:
    """A cloze option that is no term or word of this document: another town's term seldom fits the
    sentence (「明治２年に（　）が置かれた」 among ゼロカーボンシティ), so the key is found by the era or the
    verb alone. Names learners typed for it, approved by a reviewer, are the document's own too."""
    if item.kind != Kind.CLOZE or item.generator == "teacher":
        return []
    said = fold("\n".join([*(s.text for s in material.sentences), *(t.term for t in material.terms),
                           *material.offers(item.key)]))
    strangers = [option.text for option in item.options if fold(option.text) not in said]
    return [Finding("option_not_from_document", f"「{text}」is not in this document.", {"text": text})
            for text in strangers[:1]]


def distractor_year_after_the_text(item: ItemDraft, material: ChapterMaterial) -> list[Finding]:
    """A year option later than every date the text gives, offered for an event the text tells as
    done: it cannot be the answer, so it is no distractor."""
    if item.skill != "date" or item.kind not in CHOICE_KINDS or not material.events:
        return []
    latest = max(event.years[1] for event in material.events)
    late = [option.text for option in item.options
            if (years := years_covered(option.text)) and min(years) > latest]
    return [Finding("distractor_year_after_the_text", f"「{text}」is later than the text's last date ({latest}).",
                    {"text": text, "latest": latest}) for text in late[:1]]
