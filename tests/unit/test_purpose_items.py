"""Why the town did what it did: purposes as items, written 「…ため、」 in one town's plan and 「…を目的に」
in another's; causes (「…であったため」) and assessments (「…が重要です」) are never asked."""

import pytest

from quizzes.generation.checker import check_item
from quizzes.generation.purposes import PurposeItems
from quizzes.generation.records import ChapterMaterial, SentenceSource

WITH_TAME = [
    "町は、高齢者の通院を支えるため、デマンド交通の運行を始めました。",
    "また、子育て世帯の負担を軽くするため、保育料の一部を助成しています。",
    "町は、観光客に町の魅力を伝えるために、案内所を駅前に移しました。",
    "地域の農業を次の世代に引き継ぐため、新規就農者の研修制度を設けます。",
    "人口が減少しているため、空き家の数が増えています。",  # a cause, not a purpose
    "雇用を生み出すため、企業誘致が重要です。",  # an assessment, not an action
]
WITH_MOKUTEKI = [
    "平成20年には、地場産品の販路拡大を目的に「まちの市場」を開設しました。",
    "町は、住民の備えを高めることを目的として、全戸にハザードマップを配布しました。",
    "令和２年度からは、移住者の定着を目的に、お試し住宅の貸出しを行っています。",
    "町は、公共施設の維持管理の効率化を目的として、老朽化した建物の統廃合を進めます。",
]


def _items(sentences):
    material = ChapterMaterial(slug="machi", title="町の歩み",
                               sentences=[SentenceSource(text, 1) for text in sentences], section_titles={1: "取組"})
    return PurposeItems().generate(material)


@pytest.mark.parametrize("sentences, marker", [(WITH_TAME, "ため"), (WITH_MOKUTEKI, "を目的")])
def test_each_action_is_asked_why_with_the_documents_other_purposes(sentences, marker):
    items = _items(sentences)
    assert len(items) == 4
    for item in items:
        stem = item.prompt.splitlines()[-1]
        key = item.option_text(item.answer)
        assert f"（　）{marker}" in stem and key not in stem
        source = item.source_text.replace("また、", "")
        assert any(stem.replace("（　）", form) in source for form in (key, key.removesuffix("こと")))
        others = [option.text for option in item.options if option.id != item.answer]
        assert len(others) == 3 and all(any(o.removesuffix("こと") in text for text in sentences) for o in others)
        assert check_item(item) == []


def test_causes_and_assessments_are_not_purposes():
    asked = {item.source_text for item in _items(WITH_TAME) if ":why:" in item.key}
    assert "人口が減少しているため、空き家の数が増えています。" not in asked
    assert all("企業誘致が重要です" not in text for item in _items(WITH_TAME) for text in [item.source_text])


CAUSES = [
    "除雪の担い手が不足しているため、町は小型の機械の貸出しを始めました。",
    "冬の通院が難しいことから、町はデマンド交通を運行しています。",
    "空き家が増えたため、町は移住希望者に住まいを紹介する窓口を設けました。",
    "観光客の多くが駅から歩いて来ることから、町は案内板を駅前に増やしました。",
    "町は、森林の手入れを進めるため、林業の研修を始めました。",  # a purpose: not among the causes
]


def test_causes_are_asked_as_the_reason_among_the_documents_other_causes():
    because = [item for item in _items(CAUSES) if ":because:" in item.key]
    assert len(because) == 4
    for item in because:
        assert "にあてはまる理由として" in item.prompt and check_item(item) == []
        assert "森林の手入れを進める" not in [option.text for option in item.options]


def test_too_few_purposes_make_no_item():
    assert _items(WITH_TAME[:3]) == []  # a key needs three other purposes of the document


def test_a_purpose_that_repeats_a_word_of_its_action_is_not_asked():
    # 「防災」 in the purpose and in the action: the key would be the one option that sounds like the stem
    echoing = "町は、防災意識の向上を目的として、全戸に防災ガイドを配布しました。"
    asked = {item.source_text for item in _items([*WITH_MOKUTEKI, echoing])}
    assert echoing not in asked and len(asked) == 4
