"""Figures the text states, asked with distractors at plausible scales — written with commas in one town's
plan and in full-width digits with 万 in another's; projections and sentences of two figures never asked."""

from collections import Counter

import pytest

from quizzes.generation.checker import check_item
from quizzes.generation.figures import FigureItems, figures_in, scaled
from quizzes.generation.records import ChapterMaterial, SentenceSource

TOWN_A = [
    "町の人口は令和３年７月時点で2,400人となっています。",
    "町内の小学校の児童数は、平成30年度に180人でした。",
    "2040年には人口が1,500人程度になると推計されています。",  # a projection
    "世帯数は1,020世帯から980世帯へと減りました。",  # two figures: one gives the other away
]
TOWN_B = [
    "村の観光入込客数は、令和元年度に年間約１５万人となりました。",
    "村内の事業所数は、令和３年の経済センサスで１２０社でした。",
]


def _items(sentences):
    material = ChapterMaterial(slug="machi", title="町の現状",
                               sentences=[SentenceSource(text, 1) for text in sentences], section_titles={1: "現状"})
    return FigureItems().generate(material)


@pytest.mark.parametrize("sentences, keys", [(TOWN_A, ["2,400人", "180人"]), (TOWN_B, ["１５万人", "１２０社"])])
def test_a_stated_figure_is_asked_among_figures_at_its_scale(sentences, keys):
    items = _items(sentences)
    assert [item.option_text(item.answer) for item in items] == keys
    for item, key in zip(items, keys, strict=True):
        assert key not in item.prompt and "（　）" in item.prompt.splitlines()[-1]
        texts = [option.text for option in item.options]
        unit = key[-1]
        assert len(set(texts)) == 4 and all(text.endswith(unit) for text in texts)
        assert all(("," in text) == ("," in key) and (text.isascii() == key.isascii()) for text in texts)
        assert check_item(item) == []


def test_projections_and_two_figure_sentences_are_not_asked():
    assert figures_in(TOWN_A[2]) == [] and figures_in(TOWN_A[3]) == []


def test_the_key_stands_anywhere_among_the_sorted_options():
    positions = Counter()
    for number in range(100, 10_000, 37):
        sentence = f"町の人口は{number:,}人でした。"
        item = _items([sentence])[0]
        values = [int(option.text.rstrip("人").replace(",", "")) for option in item.options]
        assert values == sorted(values)
        positions[item.answer] += 1
    assert set(positions) == {"a", "b", "c", "d"} and min(positions.values()) > 0.15 * sum(positions.values())


def test_scales_keep_the_keys_rounding_and_percentages_stay_below_100():
    assert scaled("4,000人", [0.5, 1.5]) == ["2,000人", "6,000人"]
    assert scaled("60％", [0.5, 2.0]) == ["30％"]
