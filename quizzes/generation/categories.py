"""What kind of thing a term or a definition names, so that distractors are of the key's kind.

A glossary defines a plan, an agreement, a facility, a person; an item that sets an audit among an
industry and a list of fields lets the key be found by its kind alone. The head of a noun phrase is its
last noun compound (SudachiPy splits the phrase; 「…を対象にした監査のこと」 → 監査), and the head's
ending places it in a broad class. A definition whose first sentence is not a noun phrase
(「…の主催により開催。」) says nothing of the class; the term's own name is asked instead.

>>> head_noun("情報や通信に関連する科学技術の総称。"), category("情報や通信に関連する科学技術の総称。")
('科学技術', 'technology')
>>> head_noun("電力の使用量を計測して送信する電力量計"), category("地方自治体")
('電力量計', 'organisation')
>>> category("札幌市と実行委員会の主催により開催。") is None
True
>>> odd_one_out("plan", ["facility", "facility", "person"]), odd_one_out("plan", ["plan", "facility", "person"])
(True, False)
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from content.readings import tokenizer

# Broad classes by the ending of a head noun; the longest ending wins (企業 before 業).
CLASS_ENDINGS: dict[str, tuple[str, ...]] = {
    "plan": ("計画", "構想", "戦略", "ビジョン", "方針", "指針", "大綱", "プラン", "条例", "法律", "法", "規則",
             "協定", "宣言", "制度", "仕組み", "政策", "施策", "取り決め", "ルール", "基準", "規格", "憲章"),
    "organisation": ("企業", "会社", "団体", "法人", "組織", "機関", "官庁", "自治体", "協会", "組合",
                     "委員会", "機構", "政府", "事業者", "ベンチャー", "省", "庁"),
    "person": ("人材", "人", "者", "員", "民", "家", "士", "手", "イター", "ガイド"),
    "facility": ("施設", "設備", "団地", "拠点", "地区", "地域", "一帯", "空間", "館", "センター", "パーク",
                 "プラザ", "都市", "場所", "会場", "ホール"),
    "technology": ("技術", "システム", "ネットワーク", "ソフトウェア", "データ", "機器", "端末", "装置", "計",
                   "メーター", "アプリ", "インフラ", "基盤", "回線", "通信", "テクノロジー", "サービス"),
    "event": ("祭", "大会", "会議", "イベント", "コンベンション", "フェスティバル", "展示会", "催し", "フォーラム"),
    "activity": ("取組", "取り組み", "活動", "事業", "運動", "監査", "教育", "支援", "決済", "開発", "研究",
                 "方法", "手法", "手段"),
    "field": ("産業", "分野", "工学", "業", "芸術", "表現", "文化", "科学"),
    "content": ("コンテンツ", "集合", "内容", "作品", "情報", "ウェブサイト", "サイト", "文書"),
}
_ENDINGS = sorted(((ending, name) for name, endings in CLASS_ENDINGS.items() for ending in endings),
                  key=lambda pair: -len(pair[0]))
# What a definition wraps its head in: 「…のこと」「…の総称」「…をいう」「…のひとつ」.
_WRAPPING = re.compile(r"(?:の|を)?(?:こと|もの|総称|総体|略称|通称|一種|一つ|ひとつ|いう|いいます|指す|です|である)$")
_NOUN_WRAPPING = re.compile(r"(?:こと|もの|総称|総体|通称|略称|一種|一つ|ひとつ)(?:です|である)?[。．]?$")
_NOUN_PARTS = ("名詞", "接尾辞")


@lru_cache(maxsize=1 << 14)
def head_noun(phrase: str) -> str | None:
    """The last noun compound of the phrase's first sentence, or None when it ends in no noun."""
    compound, _before = _tail(phrase)
    return "".join(morpheme.surface() for morpheme in compound) or None


@lru_cache(maxsize=1 << 14)
def names_a_thing(sentence: str) -> bool:
    """A sentence that says what something is — it ends in a noun phrase (「…を対象にした監査のこと。」,
    「…を示した計画。」) — and not what happened: 「…へと成長した。」 ends in a verb, and 「…の主催により
    開催。」 in a verbal noun that a case particle or a verb makes a predicate of."""
    if _NOUN_WRAPPING.search(sentence.strip()):
        return True
    compound, before = _tail(sentence)
    if not compound:
        return False
    if len(compound) == 1 and compound[0].part_of_speech()[2] == "サ変可能" and before is not None:
        kind, sort = before.part_of_speech()[:2]
        return not (kind == "動詞" or (sort in ("格助詞", "接続助詞") and before.surface() != "の"))
    return True


def _tail(phrase: str):
    """The trailing noun compound of the phrase's first sentence (without its wrapping) as morphemes,
    and the morpheme before it (None at the start)."""
    text = re.split(r"[。．]", phrase.strip(), maxsplit=1)[0].strip()
    for _ in range(3):
        text = _WRAPPING.sub("", text).strip()
    parts = [morpheme for morpheme in tokenizer().tokenize(text) if morpheme.part_of_speech()[0] != "補助記号"]
    compound = []
    while parts and parts[-1].part_of_speech()[0] in _NOUN_PARTS:
        compound.insert(0, parts.pop())
    return compound, (parts[-1] if parts else None)


@lru_cache(maxsize=1 << 14)
def category(phrase: str) -> str | None:
    """The class of the phrase's head noun (see CLASS_ENDINGS), or None when it has none."""
    head = head_noun(phrase)
    if not head:
        return None
    return next((name for ending, name in _ENDINGS if head.endswith(ending)), None)


def odd_one_out(key_class: str | None, distractor_classes: list[str | None]) -> bool:
    """The key alone in its class while distractors share one: the key is found by its kind."""
    if key_class is None or key_class in distractor_classes:
        return False
    shared = Counter(name for name in distractor_classes if name is not None)
    return any(count >= 2 for count in shared.values())
