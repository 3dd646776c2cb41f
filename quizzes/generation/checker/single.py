"""Rules that judge one item on its own. Each returns the findings it makes (none when clean)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from content.parsing.dates import find_dates

from ..categories import category, odd_one_out
from ..distractors import length_cue as key_stands_out_by_length
from ..distractors import nested
from ..events import points_elsewhere
from ..folding import contains_form, fold
from ..kinds import CHOICE_KINDS, Kind
from ..phrases import content_tokens, ending
from ..records import BLANK, ItemDraft
from .findings import Finding
from .options import option_type, years_covered
from .shape import malformed

ALL_OR_NONE = re.compile(
    r"以上(?:の)?すべて|上記(?:の)?すべて|すべて正しい|いずれでもない|いずれも(?:正しくない|誤り)|どれでもない|該当なし"
)
NEGATIVE = re.compile(
    r"(?:含まれ|あてはまら|当てはまら|該当し|適切で|正しく)(?:ない|ません)|誤っている|でないもの|ではないもの"
)
MARKED_NEGATIVE = re.compile(r"〈[^〉]*(?:ない|誤)[^〉]*〉")
SPELLED_OUT = re.compile(r"[ァ-ヺー・]{6,}の略")


def check_item(item: ItemDraft) -> list[Finding]:
    shape_findings = malformed(item)
    if shape_findings:
        return shape_findings
    return [finding for rule in RULES for finding in rule(item)]


def answer_in_stem(item: ItemDraft) -> list[Finding]:
    forms = list(item.answer_forms)
    if item.kind in CHOICE_KINDS:
        forms += item.key_texts
    if item.kind == Kind.SHORT_ANSWER:
        forms += list(item.answer)
    leaked = [form for form in dict.fromkeys(forms) if contains_form(item.prompt, form)]
    return [Finding("answer_in_stem", f"The stem contains the key「{form}」.", {"form": form}) for form in leaked[:1]]


def duplicate_options(item: ItemDraft) -> list[Finding]:
    texts = [option.text for option in item.options]
    for index, text in enumerate(texts):
        for other in texts[index + 1:]:
            if nested(text, other):
                how = "the same" if fold(text) == fold(other) else "nested"
                return [Finding("duplicate_options", f"Options「{text}」and「{other}」are {how}.",
                                {"text": text, "other": other, "same": how == "the same"})]
    return []


def mixed_option_types(item: ItemDraft) -> list[Finding]:
    if item.kind not in CHOICE_KINDS:
        return []
    types = Counter(option_type(option.text) for option in item.options)
    if len(types) > 1:
        listed = ", ".join(f"{count} {kind}" for kind, count in sorted(types.items()))
        return [Finding("mixed_option_types", f"Options are of different types ({listed}).", {"types": dict(types)})]
    return []


def two_defensible_keys(item: ItemDraft) -> list[Finding]:
    """Year options whose spans overlap the key's (2001年度 and 2002年): both can be defended."""
    if item.kind != Kind.SINGLE_CHOICE:
        return []
    key_years = years_covered(item.key_texts[0]) if item.key_texts else set()
    rivals = [o.text for o in item.options if o.id != item.answer and years_covered(o.text) & key_years]
    return [Finding("two_defensible_keys", f"「{rival}」could also be defended as right.", {"rival": rival})
            for rival in rivals[:1]]


def length_cue(item: ItemDraft) -> list[Finding]:
    if item.kind != Kind.SINGLE_CHOICE or len(item.options) < 3:
        return []
    key = item.key_texts[0]
    others = [option.text for option in item.options if option.id != item.answer]
    if key_stands_out_by_length(key, others):
        lengths = sorted(len(text) for text in others)
        return [Finding("length_cue", f"The key ({len(key)} characters) stands out by length from every "
                                      f"distractor ({lengths[0]}–{lengths[-1]}).",
                        {"key": len(key), "shortest": lengths[0], "longest": lengths[-1]})]
    return []


def all_or_none(item: ItemDraft) -> list[Finding]:
    offending = [option.text for option in item.options if ALL_OR_NONE.search(option.text)]
    return [Finding("all_or_none", f"Option「{text}」is an all/none of the above.", {"text": text})
            for text in offending[:1]]


def unmarked_negative(item: ItemDraft) -> list[Finding]:
    negative_words = NEGATIVE.search(MARKED_NEGATIVE.sub("", item.prompt))
    if negative_words or (item.negative and not MARKED_NEGATIVE.search(item.prompt)):
        return [Finding("unmarked_negative", "A negative stem must mark the negative visibly (〈含まれないもの〉).")]
    return []


def grammatical_cue(item: ItemDraft) -> list[Finding]:
    """The key alone ends one way while distractors share another ending: the odd one out is the key."""
    if item.kind != Kind.SINGLE_CHOICE or len(item.options) < 3 or not item.key_texts:
        return []
    key_shape = ending(item.key_texts[0])
    shapes = Counter(ending(option.text) for option in item.options if option.id != item.answer)
    shapes.pop(None, None)
    if key_shape and shapes and key_shape not in shapes and max(shapes.values()) >= 2:
        common = shapes.most_common(1)[0][0]
        return [Finding("grammatical_cue", f"Only the key ends in「{key_shape}」; distractors end in「{common}」.",
                        {"key_ending": key_shape, "common": common})]
    return []


def self_answering_definition(item: ItemDraft) -> list[Finding]:
    """A definition that spells the acronym out (「ソーシャルネットワーキングサービスの略」) answers
    itself unless masked or the item is marked easy."""
    acronyms = [option.text for option in item.options if option.text.isascii() and option.text.isupper()]
    if item.kind == Kind.SHORT_ANSWER:
        acronyms += [form for form in item.answer if form.isascii() and form.isupper()]
    if acronyms and SPELLED_OUT.search(item.prompt) and item.difficulty > 0.2:
        return [Finding("self_answering_definition", "The stem spells out an acronym among the answers; mask it "
                                                     "or mark the item easy.")]
    return []


def matching_gives_pairs_away(item: ItemDraft) -> list[Finding]:
    """A generated matching item needs a spare option (else the last pair is forced) and keys that do
    not read in the entries' own order. A teacher's own matching item is theirs to shape."""
    if item.kind != Kind.MATCHING or item.generator == "teacher" or not isinstance(item.answer, dict):
        return []
    if len(item.options) <= len(item.left):
        return [Finding("matching_gives_pairs_away", "Every option is matched: the last pair is forced.",
                        {"spares": 0})]
    positions = [next((i for i, o in enumerate(item.options) if o.id == item.answer.get(entry.id)), -1)
                 for entry in item.left]
    if len(positions) >= 3 and positions == sorted(positions):
        return [Finding("matching_gives_pairs_away", "The keys read in the entries' own order.", {"in_order": True})]
    return []


def span_keyed_as_year(item: ItemDraft) -> list[Finding]:
    """A decade, a range or an approximate year (「昭和50年代」, 「明治20年頃」) keyed as one exact year."""
    if item.kind not in CHOICE_KINDS or not isinstance(item.answer, str):
        return []
    key = next((o.text for o in item.options if o.id == item.answer), "")
    if option_type(key) not in ("year", "fiscal"):
        return []
    year = years_covered(key)
    written = find_dates(item.source_text)
    exact = {date.year for date in written if date.precision in ("day", "month", "year")}
    spans = [date for date in written if date.precision not in ("day", "month", "year") and date.year in year]
    if spans and not (year & exact):
        return [Finding("span_keyed_as_year", f"「{spans[0].text}」 is keyed as the single year「{key}」.",
                        {"date": spans[0].text, "key": key})]
    return []


def distractor_across_a_stem_date(item: ItemDraft) -> list[Finding]:
    """A year option on the other side of a date the stem states than the key: in 「2014年度に公開を
    開始し、（　）に方針を改定しました」 a year before 2014 is struck by the sentence's own order."""
    if item.skill != "date" or item.kind not in CHOICE_KINDS or not isinstance(item.answer, str):
        return []
    key = years_covered(next((o.text for o in item.options if o.id == item.answer), ""))
    if not key:
        return []
    for date in find_dates(item.prompt):
        first, last = date.span
        for option in item.options:
            years = years_covered(option.text)
            if years and (min(key) > last >= max(years) or max(key) < first <= min(years)):
                return [Finding("distractor_across_a_stem_date",
                                f"「{option.text}」 lies on the other side of 「{date.text}」 than the key.",
                                {"text": option.text, "date": date.text})]
    return []


def near_synonym_options(item: ItemDraft) -> list[Finding]:
    """Two options about the same thing: goals (「…産業の発展」, 「…産業の振興」), or two definitions of one
    term lent by two documents: one gives the other away, or both are struck together."""
    if item.skill not in ("goal", "definition") or item.kind not in CHOICE_KINDS:
        return []
    keys = set(item.answer) if isinstance(item.answer, list) else {item.answer}
    # the list's own goals may share words (「高校の機能強化」, 「高校を軸とした…」): they are all true
    genuine = {o.id for o in item.options if (o.id in keys) != item.negative}
    # names may share a word (札幌テクノパーク, 札幌市エレクトロニクスセンター); definitions should not say one thing
    compared = [o for o in item.options if item.skill == "goal" or o.text.endswith("。")]
    tokens = [(option.id, option.text, content_tokens(option.text)) for option in compared]
    for index, (mine_id, text, mine) in enumerate(tokens):
        for their_id, other, theirs in tokens[index + 1:]:
            if {mine_id, their_id} <= genuine:
                continue
            if mine and theirs and len(mine & theirs) * 2 >= min(len(mine), len(theirs)):
                return [Finding("near_synonym_options", f"Options「{text}」and「{other}」say nearly the same.",
                                {"text": text, "other": other})]
    return []


def unresolved_reference(item: ItemDraft) -> list[Finding]:
    """A quoted stem (the line after the question) whose first clause points at what it does not say:
    「本構想に基づいて…」, 「（　）からはその実績を…」. A teacher's own item is theirs to word."""
    if "\n" not in item.prompt or item.generator == "teacher":
        return []
    stem = item.prompt.rsplit("\n", 1)[-1]
    if points_elsewhere(stem):
        return [Finding("unresolved_reference", f"The stem「{stem[:20]}…」points at what it does not say.",
                        {"stem": stem[:20]})]
    return []


def key_alone_in_its_class(item: ItemDraft) -> list[Finding]:
    """The key the only option of its class while distractors share another (an audit among three
    industries, an agreement among facilities): the key is found by its kind (categories.py)."""
    if item.kind not in (Kind.SINGLE_CHOICE, Kind.CLOZE) or len(item.options) < 3 or not item.key_texts:
        return []
    if any(option_type(option.text) != "text" for option in item.options):
        return []
    key_class = category(item.key_texts[0])
    others = [category(option.text) for option in item.options if option.id != item.answer]
    if odd_one_out(key_class, others):
        shared = Counter(name for name in others if name).most_common(1)[0][0]
        return [Finding("key_alone_in_its_class", f"Only the key names a {key_class}; distractors name a {shared}.",
                        {"key_class": key_class, "shared": shared})]
    return []


_SENTENCE_END = ("。", "！", "？", "」", "』", "）", ")")


def blank_missing(item: ItemDraft) -> list[Finding]:
    """A cloze, or a question about 「（　）」, whose quoted sentence has lost its blank."""
    question, _, stem = item.prompt.partition("\n")
    if (item.kind == Kind.CLOZE or BLANK in question) and BLANK not in stem:
        return [Finding("blank_missing", "The stem has no blank （　） to fill.")]
    return []


def stem_not_a_sentence(item: ItemDraft) -> list[Finding]:
    """A quoted stem cut mid-sentence (「…を開催しており」): the learner reads half a thought. A teacher's
    own item is theirs to word."""
    if "\n" not in item.prompt or item.generator == "teacher":
        return []
    stem = item.prompt.rsplit("\n", 1)[-1].strip()
    if stem and not stem.endswith(_SENTENCE_END):
        return [Finding("stem_not_a_sentence", f"The stem「…{stem[-12:]}」does not end a sentence.",
                        {"end": stem[-12:]})]
    return []


def key_echoes_the_stem(item: ItemDraft) -> list[Finding]:
    """The key alone repeats a word of the stem (「ICTを活用した…計画」 → 「…ICT活用戦略」): a test-wise
    learner picks the option that sounds like the question (a clang association). Goal items are
    left out: a goal shares its plan's words by nature (「…情報化構想」, 「札幌の情報化を支える人づくり」)."""
    if item.kind not in (Kind.SINGLE_CHOICE, Kind.CLOZE) or not item.key_texts or item.generator == "teacher" \
            or item.skill == "goal":
        return []
    stem = item.prompt.rsplit("\n", 1)[-1]
    others = [option.text for option in item.options if option.id != item.answer]
    key_words = _echo_words(item.key_texts[0])
    # a word of the stem inside a longer word of the key (「…公開されたデータ」, 「オープンデータ」) echoes too
    alone = sorted(word for word in _echo_words(stem) if any(word in key_word for key_word in key_words)
                   and not any(word in text for text in others))
    if alone:
        return [Finding("key_echoes_the_stem", f"Only the key repeats「{alone[0]}」from the stem.", {"word": alone[0]})]
    return []


_LATIN_WORD = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]{2,}")
_KANA_WORD = re.compile(r"[ぁ-ゖ]{4,}")  # 「まちづくり」, 「ひとづくり」: words, not endings


def _echo_words(text: str) -> set[str]:
    """What a phrase says, for hearing one option echo the stem: its content tokens, Latin words and
    long kana words."""
    return content_tokens(text) | set(_LATIN_WORD.findall(text)) | set(_KANA_WORD.findall(text))


RULES: tuple[Callable[[ItemDraft], list[Finding]], ...] = (
    answer_in_stem, two_defensible_keys, duplicate_options, mixed_option_types, length_cue, all_or_none,
    unmarked_negative, grammatical_cue, self_answering_definition, matching_gives_pairs_away, span_keyed_as_year,
    unresolved_reference, near_synonym_options, key_alone_in_its_class, blank_missing, stem_not_a_sentence,
    key_echoes_the_stem, distractor_across_a_stem_date,
)
