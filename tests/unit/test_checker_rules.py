"""Each flaw of ITEM_QUALITY.md that can be checked, planted in an otherwise clean item and caught."""

from dataclasses import replace

import pytest

from quizzes.generation.assembly import lettered
from quizzes.generation.checker import check_item, cross_item_leaks, key_position_balance
from quizzes.generation.records import ItemDraft, Option, SourceRef


def choice(prompt, texts, key_index=0, **fields):
    options = lettered(texts)
    return ItemDraft(key=fields.pop("key", "k"), kind=fields.pop("kind", "single_choice"), skill="goal",
                     prompt=prompt, answer=options[key_index].id, explanation="…", source=SourceRef(section=1),
                     source_text=fields.pop("source_text", "…"), options=options, **fields)


def rules(item):
    return {finding.rule for finding in check_item(item)}


CLEAN_YEAR = choice("次の文の（　）にあてはまる年はどれですか。\n（　）、札幌市は「札幌市情報化構想」を策定しました。",
                    ["1997年", "1993年", "2001年", "2013年"], answer_forms=["1997", "1997年", "平成9年", "H9"])
CLEAN_GOALS = choice("札幌市情報化構想の基本目標として本文に挙げられているものはどれですか。",
                     ["豊かな市民生活の実現", "付加価値の向上", "都市課題の解決", "インターネットの急速な発展"],
                     answer_forms=["豊かな市民生活の実現"])


def test_clean_items_have_no_findings():
    assert check_item(CLEAN_YEAR) == []
    assert check_item(CLEAN_GOALS) == []


@pytest.mark.parametrize("left_in_stem", ["平成９年", "1997", "１９９７年", "H9"])
def test_answer_in_stem_catches_every_written_form_of_the_year(left_in_stem):
    item = choice(f"（　）、札幌市は{left_in_stem}に構想を策定しました。", ["1997年", "1993年", "2001年", "2013年"],
                  answer_forms=["1997", "1997年", "平成9年", "平成９年", "H9"])
    assert "answer_in_stem" in rules(item)


def test_answer_in_stem_catches_a_term_in_another_script():
    item = ItemDraft(key="k", kind="short_answer", skill="definition", prompt="すまーとふぉんの説明です。",
                     answer=["スマートフォン"], explanation="…", source=SourceRef(1), source_text="…")
    assert "answer_in_stem" in rules(item)


def test_two_defensible_keys_next_to_a_fiscal_year():
    item = choice("（　）に「札幌市IT経営戦略」を策定", ["2001年度", "2002年度", "1996年度", "1999年度"])
    assert "two_defensible_keys" in rules(item)


@pytest.mark.parametrize("texts", [["コンテンツ", "ウェブコンテンツ", "クリエイター", "ベンチャー"],
                                   ["スマートフォン", "ｽﾏｰﾄﾌｫﾝ", "クリエイター", "ベンチャー"]])
def test_duplicate_or_nested_options(texts):
    assert "duplicate_options" in rules(choice("次の説明にあてはまる用語はどれですか。", texts))


@pytest.mark.parametrize("texts", [["1997年", "1993年", "札幌市", "2013年"], ["2001年度", "1997年", "1993年", "2013年"],
                                   ["1980年代", "1983年", "1990年", "1975年"]])
def test_mixed_option_types(texts):
    assert "mixed_option_types" in rules(choice("（　）にあてはまるものはどれですか。", texts))


def test_length_cue():
    item = choice("基本目標はどれですか。", ["行政の情報化とパートナーシップの実現による地域の発展", "経済の活性化",
                                              "都市課題の解決", "付加価値の向上"])
    assert "length_cue" in rules(item)


@pytest.mark.parametrize("text", ["以上すべて", "いずれでもない", "該当なし", "上記のすべて"])
def test_all_or_none_of_the_above(text):
    item = choice("基本目標はどれですか。", ["豊かな市民生活の実現", "付加価値の向上", "都市課題の解決", text])
    assert "all_or_none" in rules(item)


def test_unmarked_negative():
    unmarked = choice("基本目標に含まれないものはどれですか。", ["付加価値の向上", "豊かな市民生活の実現",
                                                              "活力ある地域経済の実現", "安心・安全・快適なまちづくり"])
    marked = choice("基本目標に〈含まれないもの〉はどれですか。", [o.text for o in unmarked.options], negative=True)
    flagged_by_field = choice("基本目標はどれですか。", [o.text for o in unmarked.options], negative=True)
    assert "unmarked_negative" in rules(unmarked)
    assert "unmarked_negative" not in rules(marked)
    assert "unmarked_negative" in rules(flagged_by_field)


def test_grammatical_cue_when_the_key_alone_ends_otherwise():
    item = choice("基本目標はどれですか。", ["豊かな市民生活の実現", "付加価値の向上", "市民サービスの向上", "企業の利便性向上"])
    assert "grammatical_cue" in rules(item)


def test_self_answering_definition_unless_marked_easy():
    prompt = "次の説明にあてはまる用語はどれですか。\nソーシャルネットワーキングサービスの略で、会員制サービスのこと。"
    hard = choice(prompt, ["SNS", "ICT", "ESD", "API"], difficulty=0.4)
    easy = choice(prompt, ["SNS", "ICT", "ESD", "API"], difficulty=0.1)
    assert "self_answering_definition" in rules(hard)
    assert "self_answering_definition" not in rules(easy)


@pytest.mark.parametrize(("kind", "answer", "message"), [
    ("single_choice", "z", "not one of the options"),
    ("multiple_response", [], "at least one key"),
    ("true_false", "yes", "true or false"),
    ("ordering", ["a", "b"], "every option once"),
    ("short_answer", [""], "accepted answer"),
])
def test_malformed_answers_are_named(kind, answer, message):
    item = choice("問い", ["甲です", "乙です", "丙です"], kind=kind)
    item.answer = answer
    findings = check_item(item)
    assert [f.rule for f in findings] == ["malformed"] and message in findings[0].message


def test_matching_must_pair_every_left_entry_once():
    item = ItemDraft(key="k", kind="matching", skill="definition", prompt="合わせてください。",
                     answer={"1": "a", "2": "a"}, explanation="…", source=SourceRef(1), source_text="…",
                     options=lettered(["説明一", "説明二", "説明三"]), left=[Option("1", "甲"), Option("2", "乙")])
    assert rules(item) == {"malformed"}
    item.answer = {"1": "b", "2": "a"}
    assert rules(item) == set()


def test_key_position_bias_across_the_bank():
    biased = [("a", 4)] * 40 + [("b", 4)] * 5 + [("c", 4)] * 5 + [("d", 4)] * 5
    balanced = [("a", 4)] * 14 + [("b", 4)] * 13 + [("c", 4)] * 15 + [("d", 4)] * 13
    assert [finding.rule for finding in key_position_balance(biased)] == ["key_position_bias"]
    assert key_position_balance(balanced) == []


def test_cross_item_leak_from_a_goals_stem_to_the_year_item():
    year_item = choice("（　）、札幌市は構想を策定しました。", ["1997年", "1993年", "2001年", "2013年"], key="year",
                       answer_forms=["1997", "1997年", "平成9年", "平成９年", "H9"])
    goals_item = choice("平成９年（1997年）の札幌市情報化構想の基本目標はどれですか。",
                        ["豊かな市民生活の実現", "付加価値の向上", "都市課題の解決", "産業の活性化"], key="goals",
                        answer_forms=["豊かな市民生活の実現"])
    unrelated = choice("「SNS」の説明として正しいものはどれですか。", ["甲の説明", "乙の説明", "丙の説明", "丁の説明"],
                       key="sns", answer_forms=["甲の説明"])
    leaks = cross_item_leaks([year_item, goals_item, unrelated])
    assert [(leak.giver, leak.receiver) for leak in leaks] == [("goals", "year")]


def test_a_finding_carries_its_parameters_and_is_said_in_the_interfaces_language():
    from django.utils import translation

    from quizzes.generation.checker.single import answer_in_stem
    from quizzes.generation.records import ItemDraft, SourceRef
    from quizzes.messages import finding_text

    draft = ItemDraft(key="k", kind="short_answer", skill="definition", prompt="ICTとは何ですか。ICTの…",
                      answer=["ICT"], explanation="", source=SourceRef(section=1), source_text="")
    (finding,) = answer_in_stem(draft)
    assert finding.params == {"form": "ICT"} and finding.message == "The stem contains the key「ICT」."
    stored = {"rule": finding.rule, "message": finding.message, "params": finding.params}
    with translation.override("ja"):
        assert finding_text(stored) == "問題文に正答が含まれている: 問題文に正答「ICT」が含まれています。"
    with translation.override("en"):
        assert finding_text(stored) == "The stem gives the answer away: The stem contains the key 「ICT」."
    older = {"rule": "answer_in_stem", "message": "The stem contains the key「ICT」."}  # stored before params
    with translation.override("ja"):
        assert finding_text(older).endswith("The stem contains the key「ICT」.")


def _matching(options, answer, generator="definitions"):
    return ItemDraft(key="m", kind="matching", skill="definition", prompt="それぞれの用語に合う説明を選んでください。",
                     answer=answer, explanation="…", source=SourceRef(section=1), source_text="…",
                     options=lettered(options), left=[Option("1", "甲"), Option("2", "乙"), Option("3", "丙")],
                     generator=generator)


def test_a_generated_matching_item_needs_a_spare_and_keys_out_of_order():
    clean = _matching(["説明ハ", "説明イ", "説明ニ", "説明ロ"], {"1": "b", "2": "d", "3": "a"})
    assert "matching_gives_pairs_away" not in rules(clean)
    no_spare = _matching(["説明ハ", "説明イ", "説明ロ"], {"1": "b", "2": "c", "3": "a"})
    assert "matching_gives_pairs_away" in rules(no_spare)
    in_order = _matching(["説明イ", "説明ロ", "説明ハ", "説明ニ"], {"1": "a", "2": "b", "3": "c"})
    assert "matching_gives_pairs_away" in rules(in_order)
    teachers = _matching(["説明イ", "説明ロ", "説明ハ"], {"1": "a", "2": "b", "3": "c"}, generator="teacher")
    assert "matching_gives_pairs_away" not in rules(teachers)


@pytest.mark.parametrize(("written", "key"), [("昭和50年代", "1975年"), ("明治20年頃", "1887年"),
                                              ("令和２～６年度", "2020年度"), ("1980年代前半", "1980年")])
def test_a_span_of_years_keyed_as_one_year(written, key):
    others = {"1975年": ["1972年", "1980年", "1985年"], "1887年": ["1880年", "1890年", "1900年"],
              "2020年度": ["2015年度", "2017年度", "2023年度"], "1980年": ["1970年", "1990年", "2000年"]}[key]
    item = choice("次の文の（　）にあてはまる年はどれですか。\n（　）から浸水被害が増えました。", [key, *others],
                  source_text=f"{written}から浸水被害が増えました。")
    assert "span_keyed_as_year" in rules(item)
    exact = choice("次の文の（　）にあてはまる年はどれですか。\n（　）に策定しました。", ["1997年", "1993年", "2001年", "2013年"],
                   source_text="平成９年（1997年）に策定しました。")
    assert "span_keyed_as_year" not in rules(exact)


@pytest.mark.parametrize("stem", ["本構想に基づいて、札幌市は（　）に戦略を策定しました。",
                                  "（　）からはその実績を生かしつつ、取組を広げました。",
                                  "この経験から、（　）に新しい組織を設けました。"])
def test_a_stem_that_points_at_what_it_does_not_say(stem):
    item = choice(f"次の文の（　）にあてはまる年はどれですか。\n{stem}", ["1997年", "1993年", "2001年", "2013年"])
    assert "unresolved_reference" in rules(item)


def test_a_stem_that_names_what_it_means_or_points_within_itself_is_clean():
    for stem in ["「札幌市情報化構想」に基づいて、札幌市は（　）に戦略を策定しました。",
                 "札幌の産業振興の目指すべき姿やその実現に向けた方向性を示した計画。"]:
        item = choice(f"次の文の（　）にあてはまる年はどれですか。\n{stem}", ["1997年", "1993年", "2001年", "2013年"])
        assert "unresolved_reference" not in rules(item)


def test_the_seeds_stems_name_the_plan_they_mean(seed):
    from quizzes.generation.dates import DateItems
    from tests.conftest import material_of

    drafts = list(DateItems().generate(material_of(seed, "seed")))
    stems = [draft.prompt.rsplit("\n", 1)[-1] for draft in drafts if "event-to-year:平成13年度" in draft.key]
    assert stems and stems[0].startswith("「札幌市情報化構想」に基づいて")


def test_near_synonym_goal_options_but_not_the_lists_own_goals():
    flawed = choice("札幌市情報化構想の基本目標として本文に挙げられているものはどれですか。",
                    ["豊かな市民生活の実現", "クリエイティブ産業の発展", "クリエイティブ産業の振興", "都市課題の解決"])
    assert "near_synonym_options" in rules(flawed)
    own = ItemDraft(key="k", kind="multiple_response", skill="goal", prompt="本文に挙げられているものをすべて選んでください。",
                    answer=["a", "b"], explanation="…", source=SourceRef(section=1), source_text="…",
                    options=lettered(["高校の機能強化", "高校を軸とした人の流れ", "付加価値の向上"]))
    assert "near_synonym_options" not in rules(own)  # both keys are the list's own goals


def test_goal_distractors_are_unlike_each_other():
    from quizzes.generation.goals import unlike_each_other

    assert unlike_each_other(["クリエイティブ産業の発展", "クリエイティブ産業の振興", "都市課題の解決"]) == [
        "クリエイティブ産業の発展", "都市課題の解決"]


@pytest.mark.parametrize("key, distractors, fair", [
    # an agreement among facilities; an audit among industries (written another way: 「…の産業」「…業」)
    ("自治体同士が災害時に助け合うことを定めた協定。", ["災害時に避難する施設。", "町が整備した産業団地。", "観光客が集う拠点施設。"],
     "町の防災の方向性を示した計画。"),
    ("情報システムを第三者が点検する監査のこと。", ["創造的な財産を生む産業。", "情報と通信に関わる工業。", "映像や音楽を扱う文化"],
     "住民と共に地域の課題を解く取組。"),
])
def test_the_key_alone_in_its_class(key, distractors, fair):
    stem = "「〇〇」の説明として正しいものはどれですか。"
    assert "key_alone_in_its_class" in rules(choice(stem, [key, *distractors]))
    # with a distractor of the key's own class (a plan beside the agreement), the kind gives nothing away
    assert "key_alone_in_its_class" not in rules(choice(stem, [key, *distractors[:2], fair]))


def test_a_cloze_without_its_blank():
    lost = choice("次の文の（　）にあてはまる用語はどれですか。\n町は防災計画（地域防災計画）を定めました。",
                  ["防災計画", "観光計画", "福祉計画", "教育計画"], kind="cloze")
    assert "blank_missing" in rules(lost)
    kept = choice("次の文の（　）にあてはまる用語はどれですか。\n町は（　）を定めました。",
                  ["防災計画", "観光計画", "福祉計画", "教育計画"], kind="cloze")
    assert "blank_missing" not in rules(kept)
    year = choice("次の文の（　）にあてはまる年はどれですか。\n町は1997年に構想を策定しました。",
                  ["1997年", "1993年", "2001年", "2013年"])
    assert "blank_missing" in rules(year)


@pytest.mark.parametrize("stem", ["（　）からは、短編映画の売買を目的に映画祭を開催しており", "町は、（　）に開拓が始まり",
                                  "総就業者数は（　）の774人から"])
def test_a_stem_cut_mid_sentence(stem):
    item = choice(f"次の文の（　）にあてはまる年はどれですか。\n{stem}", ["1997年", "1993年", "2001年", "2013年"])
    assert "stem_not_a_sentence" in rules(item)
    whole = choice(f"次の文の（　）にあてはまる年はどれですか。\n{stem}、今に至ります。", ["1997年", "1993年", "2001年", "2013年"])
    assert "stem_not_a_sentence" not in rules(whole)


def _material_with_goals():
    from quizzes.generation.records import ChapterMaterial, EventSource, GoalListSource, SentenceSource

    return ChapterMaterial(
        slug="bousai", title="町の防災",
        goal_lists=[GoalListSource(1, "町地域防災計画の基本方針", ("災害に強いまちづくり", "自助・共助の推進"), "…", 1)],
        sentences=[SentenceSource("町は、平成16年に防災行政無線を整備し、避難所の耐震化を進めました。", 1),
                   SentenceSource("令和２年には、要配慮者の支援体制の強化を始めました。", 1)],
        events=[EventSource("平成16年", 2004, "町は、平成16年に防災行政無線を整備し", 1),
                EventSource("令和２年", 2020, "令和２年には、要配慮者の支援体制の強化を始めました。", 1)])


def test_a_goal_option_from_another_document():
    from quizzes.generation.checker.material import check_against_material

    stem = "町地域防災計画の基本方針として本文に挙げられているものはどれですか。"
    own = choice(stem, ["災害に強いまちづくり", "避難所の耐震化", "要配慮者の支援体制の強化", "防災行政無線"])
    assert check_against_material(own, _material_with_goals()) == []
    # a waste-reduction goal from another town's plan
    foreign = choice(stem, ["災害に強いまちづくり", "避難所の耐震化", "ごみの減量化の推進", "防災行政無線"])
    found = check_against_material(foreign, _material_with_goals())
    assert [(f.rule, f.params["text"]) for f in found] == [("option_not_from_document", "ごみの減量化の推進")]


def test_a_distractor_year_after_the_texts_last_date():
    from quizzes.generation.checker.material import check_against_material

    stem = "次の文の（　）にあてはまる年はどれですか。\n町は、（　）に防災行政無線を整備しました。"
    fair = replace(choice(stem, ["2004年", "2001年", "2011年", "2020年"]), skill="date")
    assert check_against_material(fair, _material_with_goals()) == []
    future = replace(choice(stem, ["2004年", "2001年", "2011年", "2024年度"]), skill="date")
    found = check_against_material(future, _material_with_goals())
    assert [(f.rule, f.params["latest"]) for f in found] == [("distractor_year_after_the_text", 2020)]


def test_the_key_alone_echoes_the_stem():
    stem = "次の説明にあてはまる用語はどれですか。\n住民が自主的に結成し、地域で防災の活動を行う組織。"
    echo = replace(choice(stem, ["自主防災組織", "観光協会", "観光ボランティア", "商工会"]), skill="definition")
    assert "key_echoes_the_stem" in rules(echo)
    # every word the key repeats is repeated by a distractor too: no option sounds more like the question
    fair = replace(choice(stem, ["自主防災組織", "防災行政無線", "自主防犯パトロール", "町内会組織"]), skill="definition")
    assert "key_echoes_the_stem" not in rules(fair)


def test_goal_lists_named_without_their_plan_take_the_documents_title():
    from quizzes.generation.goals import list_name
    from quizzes.generation.records import ChapterMaterial, GoalListSource

    bare = GoalListSource(1, "基本目標", ("高校の機能強化", "雇用の場の創出"), "…", 1)
    assert list_name(ChapterMaterial(slug="m", title="音威子府村創生総合戦略"), bare) == "音威子府村創生総合戦略の基本目標"
    assert list_name(ChapterMaterial(slug="m", title="町の歩み"), bare) == "「町の歩み」の基本目標"  # names no plan
    named = GoalListSource(1, "学校教育の目標", ("主体的に学ぶ態度の育成",), "…", 1)
    assert list_name(ChapterMaterial(slug="m", title="町教育計画"), named) == "学校教育の目標"


def test_a_phrase_making_what_a_goal_makes_is_no_distractor():
    from quizzes.generation.goals import GoalItems
    from quizzes.generation.records import ChapterMaterial, GoalListSource, SentenceSource

    goals = GoalListSource(1, "村総合戦略の基本目標", ("高校の機能強化", "雇用の場の創出", "魅力ある村づくり"), "…", 1)
    others = ["町は、総合的な村づくりを進めます。", "観光資源の活用を進めます。", "除雪体制の強化を進めます。",
              "公共交通の確保を進めます。", "移住者の住まいの確保を図ります。", "地場産品の販路の拡大を図ります。"]
    material = ChapterMaterial(slug="m", title="村総合戦略", goal_lists=[goals],
                               sentences=[SentenceSource(text, 2) for text in others])
    offered = {o.text for item in GoalItems().generate(material) for o in item.options}
    assert offered and not any("村づくり" in text and text != "魅力ある村づくり" for text in offered)


def test_a_stem_word_inside_a_longer_word_of_the_key_echoes():
    stem = "次の説明にあてはまる用語はどれですか。\n誰もが自由に利用できる形で公開されたデータ。"
    echo = replace(choice(stem, ["オープンデータ", "公衆無線LAN", "タブレット端末", "イントラネット"]), skill="definition")
    assert "key_echoes_the_stem" in rules(echo)
    fair = replace(choice(stem, ["オープンデータ", "ビッグデータ", "タブレット端末", "イントラネット"]), skill="definition")
    assert "key_echoes_the_stem" not in rules(fair)


@pytest.mark.parametrize(("stem", "fair", "struck"), [
    ("町では、1970年代に酪農が盛んになり、（　）からは観光客も増えてきました。",
     ["1990年代中盤", "1980年代中盤", "2000年代中盤", "2010年代中盤"], "1960年代中盤"),
    ("札幌市は、平成26年度（2014年度）に公開を開始し、（　）には方針を改定しました。",
     ["2020年", "2016年", "2017年", "2019年"], "2013年"),
    # the key before the stated date: a distractor after it is struck the same way
    ("（　）に計画を策定し、令和２年（2020年）に見直しました。", ["2012年", "2010年", "2015年", "2016年"], "2021年"),
])
def test_a_distractor_on_the_other_side_of_a_date_the_stem_states(stem, fair, struck):
    prompt = f"次の文の（　）にあてはまる年はどれですか。\n{stem}"
    assert "distractor_across_a_stem_date" not in rules(replace(choice(prompt, fair), skill="date"))
    found = [f for f in check_item(replace(choice(prompt, [*fair[:3], struck]), skill="date"))
             if f.rule == "distractor_across_a_stem_date"]
    assert [f.params["text"] for f in found] == [struck]


def test_a_cloze_option_from_another_document():
    from quizzes.generation.checker.material import check_against_material
    from quizzes.generation.records import TermSource

    material = replace(_material_with_goals(), terms=[TermSource(1, "防災行政無線", "情報を一斉に伝える無線の設備。", 1),
                                                      TermSource(2, "避難所", "災害時に避難する施設。", 1)])
    stem = "次の文の（　）にあてはまる用語はどれですか。\n町は、平成16年に（　）を整備し、避難所の耐震化を進めました。"
    own = replace(choice(stem, ["防災行政無線", "避難所", "要配慮者", "支援体制"], kind="cloze", key="m:definition:cloze:x"), skill="definition")
    assert check_against_material(own, material) == []
    lent = replace(choice(stem, ["防災行政無線", "避難所", "ゼロカーボンシティ", "支援体制"], kind="cloze",
                          key="m:definition:cloze:x"),
                   skill="definition")
    found = check_against_material(lent, material)
    assert [(f.rule, f.params["text"]) for f in found] == [("option_not_from_document", "ゼロカーボンシティ")]


def test_two_definitions_of_one_thing_side_by_side():
    stem = "「スマートメーター」の説明として正しいものはどれですか。"
    twins = replace(choice(stem, ["通信機能を備え、電力の使用量を計測して送信する電力量計。",
                                  "社会基盤として敷設、運用される通信回線や通信機器の総体。",
                                  "誰もが自由に利用、加工、再配布できる形で公開されたデータ。",
                                  "誰もが自由に利用できるよう、機械で読める形で公開されたデータ。"]), skill="definition")
    assert "near_synonym_options" in rules(twins)
    fair = replace(choice(stem, [*[o.text for o in twins.options[:3]], "登録した利用者同士が交流できる会員制サービス。"]),
                   skill="definition")
    assert "near_synonym_options" not in rules(fair)
    names = replace(choice("次の説明にあてはまる用語はどれですか。\n…", ["札幌テクノパーク", "札幌市エレクトロニクスセンター",
                                                                "コールセンター", "シリコンバレー"]), skill="definition")
    assert "near_synonym_options" not in rules(names)  # names may share a word
