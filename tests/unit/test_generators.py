"""The generators on the seed chapter and on our own chapters: coverage, masks, distractors, determinism."""

from collections import Counter

import pytest

from content.parsing.dates import find_dates
from quizzes.generation.checker import check_item
from quizzes.generation.dates import DateItems, standalone_stem
from quizzes.generation.definitions import DefinitionItems
from quizzes.generation.folding import contains_form
from quizzes.generation.goals import NEGATIVE_MARK, GoalItems, distractor_phrases
from quizzes.generation.phrases import content_tokens
from quizzes.generation.pipeline import generate_bank
from quizzes.generation.years import year_forms
from tests.conftest import material_of

GENERATORS = [DefinitionItems(), DateItems(), GoalItems()]


@pytest.fixture(scope="module")
def seed_material(seed):
    return material_of(seed, "sapporo-ict-chapter1")


@pytest.fixture(scope="module")
def seed_drafts(seed_material):
    bank = generate_bank(seed_material, GENERATORS)
    assert bank.findings == {} and bank.bank_findings == []
    return bank.drafts


@pytest.fixture(scope="module")
def every_draft(seed_material):
    """Every item the generators write, before the bank keeps two per fact: how each way of asking looks."""
    return [draft for generator in GENERATORS for draft in generator.generate(seed_material)]


def by_key(drafts, fragment):
    return [draft for draft in drafts if fragment in draft.key]


def coverage(drafts):
    """Items per term number, per event date text, per goal list (matching and ordering count for each member)."""
    counts = Counter()
    for draft in drafts:
        if draft.source.term:
            counts["term", draft.source.term] += 1
        if draft.source.event:
            counts["event", draft.source.section, draft.source.event["text"]] += 1
        if draft.source.goal_list:
            counts["goals", draft.source.goal_list] += 1
    return counts


def test_the_seed_yields_what_the_issue_asks(seed_material, seed_drafts):
    counts = coverage(seed_drafts)
    # every term asked two ways, never more (matching items ask several terms at once and come on top)
    assert all(counts["term", term.number] == 2 for term in seed_material.terms)
    assert len(seed_drafts) >= 2 * len(seed_material.terms) + 20
    precise = [event for event in seed_material.events if not event.approximate]
    assert len(precise) == 11
    # an event whose whole sentence is too long for a stem (「平成18年…映画祭…、さらに、平成29年からは…NoMaps…」)
    # is not asked by its year; what happened then is still asked (which came first, what happened that year)
    standalone = [event for event in precise if standalone_stem(seed_material, event) is not None]
    assert len(standalone) == 9
    assert all(counts["event", event.section, event.date_text] == 2 for event in standalone)
    assert all(counts["event", event.section, event.date_text] >= 1 for event in precise)
    goals = seed_material.goal_lists[0].items
    assert len(goals) + 1 <= counts["goals", 1] <= len(goals) + 3  # each goal once, and the list as a whole
    assert {draft.kind for draft in seed_drafts} == {"single_choice", "multiple_response", "true_false", "ordering",
                                                    "matching", "short_answer", "cloze"}


@pytest.mark.parametrize("chapter", ["plans", "open_data"])
def test_our_chapters_yield_items_in_proportion(request, seed, plans, open_data, chapter):
    parsed = request.getfixturevalue(chapter)
    others = [other for other in (seed, plans, open_data) if other is not parsed]
    bank = generate_bank(material_of(parsed, chapter, *others), GENERATORS)
    counts = coverage(bank.drafts)
    assert bank.findings == {}
    assert all(counts["term", term.number] == 2 for term in parsed.terms)
    material = material_of(parsed, chapter, *others)
    asked = [e for e in material.events if not e.approximate and standalone_stem(material, e) is not None]
    assert asked and all(counts["event", e.section, e.date_text] == 2 for e in asked)
    assert all(counts["event", e.section, e.date_text] <= 2 for e in material.events)
    assert all(len(goals.items) + 1 <= counts["goals", index + 1] <= len(goals.items) + 3
               for index, goals in enumerate(parsed.goals))


def test_generation_is_deterministic(seed_material, seed_drafts):
    again = generate_bank(seed_material, GENERATORS).drafts
    assert [(d.key, d.content_hash()) for d in again] == [(d.key, d.content_hash()) for d in seed_drafts]
    assert len({draft.key for draft in seed_drafts}) == len(seed_drafts)


def test_every_item_quotes_its_source(seed_drafts):
    for draft in seed_drafts:
        assert draft.source_text and draft.explanation
        first_source_line = draft.source_text.splitlines()[0]
        assert first_source_line[:20] in draft.explanation, draft.key


# Definitions


def test_definition_to_term_masks_the_term_and_drops_the_spelled_out_acronym(every_draft):
    venture = by_key(every_draft, "definition-to-term:ベンチャー")[0]
    sns = by_key(every_draft, "definition-to-term:SNS")[0]
    ict = by_key(every_draft, "typed-term:ICT")[0]
    assert "ベンチャー" not in venture.prompt and "革新的な技術" in venture.prompt
    assert "ソーシャルネットワーキングサービス" not in sns.prompt and "会員制サービス" in sns.prompt
    assert "インフォメーション・アンド・コミュニケーション" not in ict.prompt
    assert ict.answer == ["ICT", "ICT（情報通信技術）", "情報通信技術", "あいしーてぃー"]


def test_related_terms_are_never_each_others_distractors(every_draft):
    contents = by_key(every_draft, "definition-to-term:コンテンツ")[0]
    texts = [option.text for option in contents.options]
    assert "ウェブコンテンツ" not in texts and "モバイルコンテンツ" not in texts


def test_true_false_pairs_and_matching_sets(every_draft):
    assert sum(1 for d in every_draft if d.kind == "true_false" and d.answer is True) == 25
    # a false statement only where one would make a learner hesitate: a sibling's definition of the same
    # class, the term's own with one figure or its kind word changed; terms with none of these get none
    false = [d for d in every_draft if d.kind == "true_false" and d.answer is False]
    assert 15 <= len(false) < 25
    matching = [d for d in every_draft if d.kind == "matching"]
    assert {len(d.left) for d in matching} <= {4, 5}
    assert sorted(option.text for d in matching for option in d.left)[:2] == ["ICT", "NoMaps"]


def test_cloze_blanks_the_term_where_the_text_uses_it(every_draft):
    cloze = by_key(every_draft, "cloze:通信インフラ")[0]
    assert "インターネットを利用するための（　）が不十分な状況であった" in cloze.prompt
    assert cloze.option_text(cloze.answer) == "通信インフラ"
    # ウェブコンテンツ's only kin (コンテンツ, モバイルコンテンツ) are related to it: no options fit its sentence
    assert by_key(every_draft, "cloze:ウェブコンテンツ") == []
    assert by_key(every_draft, "cloze:コンテンツ") == [] or "ウェブコンテンツ" not in by_key(
        every_draft, "cloze:コンテンツ")[0].prompt  # never blanked inside a longer term
    plaza = by_key(every_draft, "cloze:札幌市デジタル創造プラザ")[0]
    assert "「（　）」を開設" in plaza.prompt and "インタークロス" not in plaza.prompt
    umbrella = by_key(every_draft, "cloze:SNS")[0]
    assert "ICT" not in [option.text for option in umbrella.options]  # 「…の総称」 would fit the blank too


# Dates


def test_the_whole_date_span_is_masked_and_no_form_of_the_year_left(seed_drafts):
    for draft in by_key(seed_drafts, "event-to-year") + by_key(seed_drafts, "typed-year"):
        year = draft.source.event["year"]
        assert draft.source.event["text"] not in draft.prompt
        assert "（　）" in draft.prompt
        assert not any(contains_form(draft.prompt, form) for form in year_forms(year)[1:])
        assert all(found.year != year for found in find_dates(draft.prompt))


def test_distractor_years_share_the_keys_precision(every_draft):
    fiscal = by_key(every_draft, "event-to-year:平成13年度")[0]
    decade = by_key(every_draft, "event-to-year:1980年代前半")[0]
    month = by_key(every_draft, "event-to-year:平成９年")[0]
    assert all(option.text.endswith("年度") for option in fiscal.options)
    assert not {"2000年度", "2002年度"} & {option.text for option in fiscal.options}  # ±1 of a 年度 is defensible
    assert all(option.text.endswith("年代前半") for option in decade.options)
    assert all(option.text.endswith("年12月") for option in month.options)
    years = [int(option.text[:4]) for option in month.options]
    assert years == sorted(years)  # numbers in order; the key's position comes from the seed


def test_no_distractor_is_a_year_the_text_gives_for_the_same_organisation(every_draft):
    centre = by_key(every_draft, "event-to-year:昭和61年")[0]  # 札幌市エレクトロニクスセンター
    assert "1993年" not in [option.text for option in centre.options]  # internet access point in the centre
    unesco = by_key(every_draft, "event-to-year:平成25年")[0]  # ユネスコ創造都市ネットワーク, founded 2004
    assert "2004年" not in [option.text for option in unesco.options]


def test_an_approximate_event_is_asked_only_as_the_text_gives_it(seed_drafts):
    asked = by_key(seed_drafts, "1980年代前半")
    assert asked and {draft.kind for draft in asked} == {"single_choice"}
    assert by_key(seed_drafts, "1990年代中盤") == []  # 「以降も」 has no single right decade


def test_ordering_and_which_came_first(every_draft):
    ordering = [d for d in every_draft if d.kind == "ordering"]
    assert ordering and all(3 <= len(d.options) <= 4 for d in ordering)
    for draft in ordering:
        dated = draft.explanation.splitlines()[:len(draft.answer)]
        assert [draft.option_text(option_id) for option_id in draft.answer] == [line.split("：")[1] for line in dated]
    first = by_key(every_draft, "earliest:昭和61年")[0]
    assert first.option_text(first.answer) == "「札幌市エレクトロニクスセンター」の設置"


# Goals


def test_goal_distractors_are_certainly_wrong(seed_material, seed_drafts):
    goals = seed_material.goal_lists[0]
    pool = distractor_phrases(seed_material, goals)
    goal_tokens = set().union(*(content_tokens(goal) for goal in goals.items))
    assert len(pool) >= 3
    assert all(not content_tokens(phrase) & goal_tokens for phrase in pool)
    assert "コミュニケーションの活性化" not in pool  # the text says it of the same plan
    assert "行政の効率化" not in pool


def test_goal_item_kinds(every_draft):
    negative = by_key(every_draft, "which-not")
    assert negative and all(NEGATIVE_MARK in d.prompt and d.negative for d in negative)
    select_all = by_key(every_draft, "select-all")[0]
    assert select_all.kind == "multiple_response" and len(select_all.answer) >= 2
    missing = by_key(every_draft, "missing:札幌市情報化構想の基本目標:")[0]
    asked = missing.key_texts[0]
    assert asked not in missing.prompt and "活力ある地域経済の実現" in missing.prompt.replace(asked, "")
    per_goal = Counter(d.key.rsplit(":", 1)[1] for d in by_key(every_draft, "札幌市情報化構想の基本目標:")
                       if ":one-of:" in d.key or ":missing:" in d.key)
    assert len(per_goal) == 5 and set(per_goal.values()) == {1}  # each goal asked once, one way or the other
    how_many = by_key(every_draft, "how-many")[0]
    assert how_many.option_text(how_many.answer) == "5つ" and "5" not in how_many.prompt


def test_every_seed_item_passes_the_checker_on_its_own(seed_drafts):
    assert {draft.key: check_item(draft) for draft in seed_drafts if check_item(draft)} == {}


def test_matching_has_spare_definitions_and_never_lists_the_keys_in_the_entries_order(seed_drafts):
    matching = [draft for draft in seed_drafts if draft.kind == "matching"]
    assert matching
    for draft in matching:
        assert len(draft.options) == len(draft.left) + 2  # the last pair is never forced
        keyed = [draft.answer[entry.id] for entry in draft.left]
        positions = [next(i for i, o in enumerate(draft.options) if o.id == key) for key in keyed]
        assert positions != sorted(positions)


def test_keys_out_of_order_whatever_the_shuffle():
    import random

    from quizzes.generation.definitions import out_of_key_order

    keys = ["甲", "乙", "丙"]
    for seed in range(200):
        order = out_of_key_order([*keys, "丁"], keys, random.Random(seed))
        assert sorted(order) == sorted([*keys, "丁"]) and [t for t in order if t in keys] != keys


@pytest.mark.parametrize(("sentence", "trivia"), [
    ("平成22年には1,000人を割り込み995人となっています。", True),
    ("従属人口指数は、平成17年の55.1から43.0となっています。", True),
    ("平成25年の転入・転出の状況を性別にみると、移動が約８割を占めています。", True),
    ("令和２年度には参加した児童が120名にのぼりました。", True),
    ("平成元年の天北線の廃止等の影響により人口減少は進みました。", False),
    ("平成９年（1997年）12月、札幌市は「札幌市情報化構想」を策定しました。", False),
    ("令和元年に、町は「町観光振興プラン」を策定し、参加者は300人でした。", False),
])
def test_a_date_that_only_stamps_a_figure_is_not_asked(sentence, trivia):
    from content.parsing.dates import find_dates, quoted_names
    from quizzes.generation.dates import is_trivia
    from quizzes.generation.records import EventSource

    date = find_dates(sentence)[0]
    event = EventSource(date.text, date.year, sentence, 1, date.precision, date.fiscal_year, date.approximate,
                        date.month, tuple(quoted_names(sentence)))
    assert is_trivia(event) is trivia
