"""A bank worth studying: two items per fact at most, spread over the ways of asking; what people use is kept."""

from collections import Counter

import pytest

from quizzes.generation.checker import too_many_per_fact
from quizzes.generation.dates import DateItems
from quizzes.generation.definitions import DefinitionItems
from quizzes.generation.goals import GoalItems
from quizzes.generation.pipeline import generate_bank
from quizzes.generation.records import ItemDraft, SourceRef, fact_of
from tests.conftest import material_of

GENERATORS = [DefinitionItems(), DateItems(), GoalItems()]


@pytest.fixture(scope="module")
def material(seed):
    return material_of(seed, "seed")


def _way(key: str) -> str:
    return key.split(":")[2]


def test_no_fact_is_asked_more_than_twice_and_every_way_of_asking_is_kept_somewhere(material):
    written = [draft for generator in GENERATORS for draft in generator.generate(material)]
    bank = generate_bank(material, GENERATORS)
    per_fact = Counter(fact_of(draft.key) for draft in bank.drafts)
    assert max(Counter(fact_of(draft.key) for draft in written).values()) > 2  # the generators write more
    assert max(per_fact.values()) == 2 and bank.bank_findings == []
    assert {_way(draft.key) for draft in bank.drafts} == {_way(draft.key) for draft in written}
    # a term's two items are two kinds of task, not the true and the false statement of one definition,
    # unless the generators could write no other way of asking it
    def ways_of(drafts):
        found = {}
        for draft in drafts:
            if draft.generator == "definitions" and draft.kind != "matching":
                found.setdefault(fact_of(draft.key), set()).add(_way(draft.key))
        return found

    kept, could = ways_of(bank.drafts), ways_of(written)
    true_false = {"true-false-own", "true-false-other"}
    assert not [fact for fact, ways in kept.items() if ways == true_false and could[fact] - true_false]


def test_items_in_use_are_kept_beyond_the_limit_and_the_checker_says_so(material):
    written = [draft.key for draft in DefinitionItems().generate(material) if ":スマートフォン" in draft.key]
    assert len(written) > 2
    bank = generate_bank(material, GENERATORS, keep=frozenset(written))
    kept = [draft.key for draft in bank.drafts if fact_of(draft.key) == "definition:スマートフォン"]
    assert kept == written
    assert [finding.rule for finding in bank.bank_findings] == ["too_many_per_fact"]
    assert bank.bank_findings[0].params == {"fact": "スマートフォン", "count": len(written), "limit": 2}


def test_a_clean_item_is_kept_before_a_flagged_one():
    class Ways:
        name, version = "ways", 1

        def generate(self, material):
            drafts = []
            for way in ("a", "b", "c", "d"):
                # 「a」 and 「b」 give their key away in the stem: flagged by the checker
                prompt = "答えは東京です。首都はどこですか。" if way in "ab" else "首都はどこですか。"
                drafts.append(ItemDraft(f"x:geo:{way}:首都", "short_answer", "definition", prompt, ["東京"],
                                        "東京が首都です。", SourceRef(1), "東京が首都です。"))
            return drafts

    bank = generate_bank(material_of_nothing(), [Ways()])
    assert sorted(_way(draft.key) for draft in bank.drafts) == ["c", "d"] and bank.findings == {}


def material_of_nothing():
    from quizzes.generation.records import ChapterMaterial

    return ChapterMaterial(slug="x", title="")


def test_planted_flaw_three_items_on_one_fact():
    keys = ["s:definition:term-to-definition:ICT", "s:definition:cloze:ICT", "s:definition:typed-term:ICT",
            "s:definition:cloze:SNS"]
    found = too_many_per_fact(keys)
    assert [(f.rule, f.params["fact"], f.params["count"]) for f in found] == [("too_many_per_fact", "ICT", 3)]
    assert too_many_per_fact(keys[1:]) == []
