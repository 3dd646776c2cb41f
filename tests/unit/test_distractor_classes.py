"""Distractors of the key's kind: an agreement among plans, a facility among facilities, a person among
people — from a glossary of our own that mixes kinds, so the kind alone would give the key away."""

import pytest

from quizzes.generation.categories import category, head_noun
from quizzes.generation.definitions import DefinitionItems
from quizzes.generation.records import ChapterMaterial, SentenceSource, TermSource

GLOSSARY = [
    ("災害時相互応援協定", "災害が起きたときに自治体同士が物資や職員を融通し合うことを定めた取り決め。"),
    ("地域防災計画", "災害対策基本法に基づき、町の防災の方針と役割分担を定めた計画。"),
    ("町観光振興プラン", "観光客を増やすための町の取組の方向性を示した計画。"),
    ("防災拠点センター", "災害時に物資の集積と避難者の受入れを行う施設。"),
    ("道の駅", "休憩や地域の情報発信のために国道沿いに整備された施設。"),
    ("地域おこし協力隊員", "都市から移り住み、地域の活性化に取り組む人。"),
    ("観光ボランティアガイド", "町を訪れた人を無償で案内する住民。"),
    ("ふるさと納税", "応援したい自治体に寄附すると、所得税や住民税が控除される制度。"),
]


@pytest.fixture(scope="module")
def drafts():
    terms = [TermSource(number, term, definition, 1) for number, (term, definition) in enumerate(GLOSSARY, 1)]
    material = ChapterMaterial(slug="machi", title="町の防災と観光", terms=terms)
    return {draft.key.split(":", 2)[2]: draft for draft in DefinitionItems().generate(material)}


def test_heads_and_classes_of_definitions_written_several_ways():
    assert head_noun("自治体同士が物資を融通し合うことを定めた協定のこと。") == "協定"
    assert category("…の方向性を示した計画をいう。") == category("地域防災計画") == "plan"
    assert category("町を無償で案内する住民") == category("地域おこし協力隊員") == "person"
    assert category("町の主催により開催。") is None  # a history sentence names no kind


def test_an_agreement_is_set_among_plans_and_rules_not_among_facilities(drafts):
    item = drafts["term-to-definition:災害時相互応援協定"]
    distractors = [option.text for option in item.options if option.id != item.answer]
    assert {category(text) for text in distractors} == {"plan"}  # the two plans and the 制度
    assert not any("施設" in text or "人。" in text for text in distractors)


def test_a_facility_is_named_among_facilities_first(drafts):
    item = drafts["definition-to-term:防災拠点センター"]
    names = [option.text for option in item.options if option.id != item.answer]
    assert "道の駅" in names


def test_the_false_statement_gives_a_sibling_of_the_same_kind(drafts):
    statement = drafts["true-false-other:観光ボランティアガイド"].prompt.splitlines()[-1]
    assert statement == "都市から移り住み、地域の活性化に取り組む人。"  # another person, not a plan or a facility


@pytest.mark.parametrize("entry, defining", [
    # a history first, the definition second
    ("平成５年に町と商工会が設立した。地域の商店を支援する第三セクターの会社。", "地域の商店を支援する第三セクターの会社。"),
    # an act first (「…により開催。」), the definition second
    ("町の主催により毎年８月に開催。町内外の団体が出店する夏の祭り。", "町内外の団体が出店する夏の祭り。"),
    ("町と観光協会の共催として開始。地元の食を味わうイベントのこと。", "地元の食を味わうイベントのこと。"),
    # the definition first: kept, however long the rest
    ("住民が自ら地域を守るための組織。平成７年の震災を機に各地で結成された。", "住民が自ら地域を守るための組織。"),
    # no sentence says what it is: the whole entry, never the history alone
    ("町には昭和の頃から工場が集まった。この集積は「南部の谷」と呼ばれた。", "町には昭和の頃から工場が集まった。この集積は「南部の谷」と呼ばれた。"),
])
def test_the_defining_sentence_of_an_entry(entry, defining):
    from quizzes.generation.terms import defining_sentence

    assert defining_sentence(entry) == defining


def test_a_cloze_is_not_made_where_the_term_stands_only_as_a_gloss():
    from quizzes.generation.records import SentenceSource

    terms = [TermSource(number, term, definition, 1) for number, (term, definition) in enumerate(GLOSSARY, 1)]
    gloss_only = ChapterMaterial(slug="m", title="", terms=terms, sentences=[
        SentenceSource("町は、災害時の助け合いの約束（災害時相互応援協定）を近隣の市と結びました。", 1),
        SentenceSource("町は、地域防災計画を毎年見直しています。", 1)])
    keys = {draft.key for draft in DefinitionItems().generate(gloss_only) if draft.kind == "cloze"}
    assert "m:definition:cloze:地域防災計画" in keys  # used in the running text: blanked
    assert "m:definition:cloze:災害時相互応援協定" not in keys  # only in parentheses: the blank would vanish


def test_a_long_official_name_is_not_asked_to_be_typed():
    terms = [TermSource(1, "第２次札幌市ICT活用戦略", "ICTを活用したまちづくりの方向性を示す札幌市の個別計画。", 1),
             TermSource(2, "道の駅", "休憩や地域の情報発信のために国道沿いに整備された施設。", 1)]
    keys = {d.key for d in DefinitionItems().generate(ChapterMaterial(slug="m", title="", terms=terms))}
    assert "m:definition:typed-term:道の駅" in keys and "m:definition:typed-term:第２次札幌市ICT活用戦略" not in keys


def test_a_glossary_with_too_few_of_the_keys_kind_borrows_them_from_other_chapters():
    own = [TermSource(1, "スマートメーター", "電力の使用量を計測して送信する電力量計。", 1),
           *(TermSource(number, term, definition, 1) for number, (term, definition) in enumerate(GLOSSARY[1:6], 2))]
    lent = [TermSource(31, "タブレット端末", "指で画面に触れて操作する端末機器。", 1),
            TermSource(32, "イントラネット", "組織の内部だけで使うネットワーク。", 1),
            TermSource(33, "ドローン", "遠隔で操縦する無人の飛行機器。", 1)]
    material = ChapterMaterial(slug="m", title="", terms=own, other_terms=lent)
    item = {d.key: d for d in DefinitionItems().generate(material)}["m:definition:term-to-definition:スマートメーター"]
    distractors = [o.text for o in item.options if o.id != item.answer]
    assert {category(text) for text in distractors} == {"technology"}  # devices and networks, not plans or people


@pytest.mark.parametrize("term, definition, changed", [
    ("スマートメーター", "通信機能を備え、電力の使用量を30分ごとに計測して送信する電力量計。", "60分ごと"),
    ("ゼロカーボン", "2050年までに二酸化炭素の排出を実質ゼロにすると町が示した表明。", "2060年までに"),
])
def test_with_no_sibling_of_its_kind_the_false_statement_changes_one_figure(term, definition, changed):
    terms = [TermSource(1, term, definition, 1),
             *(TermSource(number, name, text, 1) for number, (name, text) in enumerate(GLOSSARY[5:], 2))]
    drafts = {d.key: d for d in DefinitionItems().generate(ChapterMaterial(slug="m", title="", terms=terms))}
    statement = drafts[f"m:definition:true-false-other:{term}"]
    assert changed in statement.prompt and statement.answer is False
    assert statement.explanation.startswith(f"数値が違います。「{term}」は、{definition}")


@pytest.mark.parametrize("definition, false", [
    ("明治政府が北海道の開拓のために置いた官庁。", "明治政府が北海道の開拓のために置いた企業。"),
    ("町と実行委員会が毎年開く映画の祭。", "町と実行委員会が毎年開く映画の大会。"),
])
def test_a_false_statement_may_change_the_word_that_says_what_it_is(definition, false):
    from quizzes.generation.false_statements import another_kind_word

    assert another_kind_word(definition) == false
    assert another_kind_word("創造的な仕事をしている人。") is None  # 人材 would still be true
    assert another_kind_word("町の防災の方向性を定めた計画。") is None  # 構想, 方針: nearly the same
    assert another_kind_word("駅で無線でインターネットに接続できるサービス。") is None  # a 技術 too


def test_another_citys_proper_names_are_never_lent():
    own = [TermSource(1, "行政改革大綱", "行政の仕組みや運営を見直すための基本的な方針。", 1),
           TermSource(2, "防災行政無線", "災害のときに、町から住民へ情報を一斉に伝えるための無線の設備。", 1)]
    lent = [TermSource(31, "札幌市産業振興ビジョン", "札幌市の産業振興の方向性を示した計画。", 1),
            TermSource(32, "地域防災計画", "災害対策の基本を定めた計画。", 1),
            TermSource(33, "総合計画", "自治体の全ての計画の基本となる計画。", 1),
            TermSource(34, "タブレット端末", "指で画面に触れて操作する端末機器。", 1)]
    material = ChapterMaterial(slug="m", title="", terms=own, other_terms=lent)
    offered = {o.text for d in DefinitionItems().generate(material) for o in d.options} | {
        d.prompt for d in DefinitionItems().generate(material)}
    assert offered and not any("札幌市" in text for text in offered)
    assert any("地域防災計画" in text or "災害対策の基本" in text for text in offered)  # a generic term still lends


def test_a_false_statement_of_another_kind_is_not_written():
    # a plan, with neither a sibling plan nor a figure nor a word to swap: 「…売り出す米」 would fool no one
    terms = [TermSource(1, "行政改革大綱", "行政の仕組みや運営を見直すための基本的な方針。", 1),
             TermSource(2, "ブランド米", "産地や品種の特徴を生かして、名前を付けて売り出す米。", 1),
             TermSource(3, "バイオマス", "動植物から生まれた、再生可能な有機性の資源。", 1)]
    keys = {d.key for d in DefinitionItems().generate(ChapterMaterial(slug="m", title="", terms=terms))}
    assert "m:definition:true-false-other:行政改革大綱" not in keys


def test_no_distractors_when_every_choice_leaves_the_key_alone_of_its_class():
    import random

    from quizzes.generation.distractors import choose

    facilities = [("町が整備した避難のための施設。", ("facility", "compound")),
                  ("観光客が集う拠点の施設。", ("facility", "compound"))]
    key = "自治体同士の助け合いを定めた協定。"
    assert choose(key, facilities, ("plan", "compound"), 2, random.Random(1)) == []
    fair = [*facilities, ("町の防災の方向性を定めた計画。", ("plan", "compound"))]
    assert "町の防災の方向性を定めた計画。" in choose(key, fair, ("plan", "compound"), 2, random.Random(1))


@pytest.mark.parametrize("sentence", [
    "札幌は、明治２年（1869年）に開拓使が置かれたことを起点として発展しました。",
    "町では、開拓使の時代から道路の整備が続けられてきました。",
])
def test_a_cloze_offers_only_the_documents_own_terms(sentence):
    own = [TermSource(1, "開拓使", "明治政府が北海道の開拓のために置いた官庁。", 1),
           TermSource(2, "オープンデータ", "誰もが自由に利用できる形で公開されたデータ。", 1)]
    lent = [TermSource(31, "ゼロカーボンシティ", "二酸化炭素の排出量を実質ゼロにすると表明した自治体。", 1),
            TermSource(32, "自主防災組織", "住民が自主的に結成し、防災の活動を行う組織。", 1),
            TermSource(33, "ベンチャー企業", "新しい事業を興す成長志向の企業。", 1),
            TermSource(34, "観光協会", "地域の観光を振興する団体。", 1)]
    sentences = [SentenceSource(sentence, 1)]
    lending = ChapterMaterial(slug="m", title="", terms=own, other_terms=lent, sentences=sentences)
    assert "m:definition:cloze:開拓使" not in {d.key for d in DefinitionItems().generate(lending)}
    # the same organisations as the document's own terms: the cloze is made, from them
    owning = ChapterMaterial(slug="m", title="", terms=[*own, *lent], sentences=sentences)
    cloze = {d.key: d for d in DefinitionItems().generate(owning)}["m:definition:cloze:開拓使"]
    assert {o.text for o in cloze.options} <= {term.term for term in [*own, *lent]}


@pytest.mark.parametrize("term, definition, changed", [
    ("自主防災組織", "住民が自主的に結成し、地域で防災の活動を行う組織。", "行政が自主的に結成し"),
    ("テクノパーク", "産業を育てるため、音威子府村が駅の近くに整備した産業団地。", "国が駅の近くに整備した"),
])
def test_a_false_statement_may_name_another_actor(term, definition, changed):
    terms = [TermSource(1, term, definition, 1),
             *(TermSource(number, name, text, 1) for number, (name, text) in enumerate(GLOSSARY[5:], 2))]
    drafts = {d.key: d for d in DefinitionItems().generate(ChapterMaterial(slug="m", title="", terms=terms))}
    statement = drafts[f"m:definition:true-false-other:{term}"]
    assert changed in statement.prompt and statement.answer is False
    assert statement.explanation.startswith(f"主体が違います。「{term}」は、{definition}")


def test_no_actor_swap_that_the_definition_already_names():
    from quizzes.generation.false_statements import another_actor

    assert another_actor("市民がテクノロジーを活用して、行政サービスの課題を解決する取組。") is None  # 行政 is named
    assert another_actor("災害のときに、町から住民へ情報を伝える設備。") is None  # no subject before 「が」


def test_a_cloze_needs_two_distractors_of_the_keys_kind():
    from quizzes.generation.definitions import fits_the_sentence

    kinds = [("イントラネット", ("technology", "katakana")), ("タブレット端末", ("technology", "compound")),
             ("API", ("plan", "latin")), ("オープンデータ", ("content", "katakana")), ("シビックテック", ("activity", "katakana"))]
    assert fits_the_sentence("technology", ["イントラネット", "タブレット端末", "API"], kinds)
    assert not fits_the_sentence("organisation", ["API", "オープンデータ", "シビックテック"], kinds)  # 開拓使 in 1869
    assert not fits_the_sentence(None, ["イントラネット", "タブレット端末", "API"], kinds)  # nothing says they fit


def test_a_kind_word_is_never_swapped_for_a_synonym():
    from quizzes.generation.false_statements import another_kind_word

    assert "会社" not in (another_kind_word("新しい事業を興す成長志向の企業のこと。") or "")
    assert another_kind_word("地域の観光を振興する団体。") == "地域の観光を振興する官庁。"
    assert another_kind_word("住民が自主的に結成した組織。") is None  # 組織 names any of them


def test_a_false_statement_never_borrows_another_towns_definition():
    own = [TermSource(1, "防災行政無線", "災害のときに、町から住民へ情報を一斉に伝えるための無線の設備。", 1),
           TermSource(2, "避難所", "災害のときに住民が避難する施設。", 1)]
    lent = [TermSource(31, "シリコンバレー", "サンノゼ周辺一帯の通称。", 1),
            TermSource(32, "コールセンター", "電話関連サービスを行う設備または施設。", 1)]
    drafts = DefinitionItems().generate(ChapterMaterial(slug="m", title="", terms=own, other_terms=lent))
    statements = [d.prompt for d in drafts if d.kind == "true_false"]
    assert statements and not any("サンノゼ" in text or "電話関連" in text for text in statements)
    assert any("災害のときに住民が避難する施設。" in text for text in statements)  # the document's own sibling


def test_a_term_two_chapters_define_is_lent_once():
    own = [TermSource(1, "バイオマス", "動植物から生まれた、再生可能な有機性の資源。", 1)]
    lent = [TermSource(31, "オープンデータ", "誰もが自由に利用、加工、再配布できる形で公開されたデータ。", 1),
            TermSource(7, "オープンデータ", "誰もが自由に利用できるよう、機械で読める形で公開されたデータ。", 1),
            TermSource(32, "コンテンツ", "文字、音楽、画像、映像を組み合わせた情報の集合。", 1)]
    drafts = DefinitionItems().generate(ChapterMaterial(slug="m", title="", terms=own, other_terms=lent))
    assert drafts  # the term is still asked, but never with both definitions of オープンデータ
    for draft in drafts:
        assert sum("公開されたデータ" in option.text for option in draft.options) <= 1, draft.key
