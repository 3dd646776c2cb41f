"""Items on why the town did what it did: the purpose a sentence gives for an action.

「高校生と村民の交流を促進するため、村民による里親制度を推進します。」 asks, with the purpose blanked,
what the 里親制度 is for; the distractors are the purposes the same document gives for its other
actions. A purpose is the clause before 「ため（に）、」 or 「を目的に（として）、」. A clause that ends in a past
or continuing form (「不十分であったため」, 「減少しているため」), or comes before 「ことから、」, gives a
cause: it is asked as the reason, among the document's other causes. Either way the sentence must go
on to an action (「…を策定します」), not an assessment (「…が重要です」).

>>> found = purposes_in("町は、災害の後の暮らしの再建を早めるため、関係機関との連携を強めます。")
>>> found[0].purpose, found[0].marker
('災害の後の暮らしの再建を早める', 'ため')
>>> purposes_in("平成13年には、地域の人材の育成を目的に「町デジタル工房」を開設しました。")[0].purpose
'地域の人材の育成'
>>> purposes_in("通信インフラが不十分な状況であったため、関心が集まっていました。")[0].cause
True
>>> purposes_in("人口減少に対応するため、出生数の増加が重要です。")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import explanations
from .assembly import place_key
from .base import ItemGenerator
from .distractors import choose
from .events import points_elsewhere, self_contained
from .kinds import Kind, Skill
from .phrases import content_tokens
from .random_source import seeded, short_hash
from .records import BLANK, ChapterMaterial, ItemDraft, SentenceSource, SourceRef

DISTRACTORS = 3
STEM_MAX_LENGTH = 200
_PURPOSE = re.compile(
    r"(?P<purpose>[^、。「」『』（）()]{6,60}?)(?P<marker>ために、|ため、|を目的として、?|を目的に、?|ことから、)")
_STARTS_WITH_PARTICLE = re.compile(r"^[をにがとのでへはもや]")  # cut after a quotation: not a whole clause
# a purpose clause ends in a verb's plain non-past form (早める, 対応する); 「いる」 continues a state
_PLAIN_VERB = re.compile(r"(?<!い)[うくすつぬぶむるぐ]$")
_ACTION_END = re.compile(r"(?:ます|ました|しています|しております)。$")
_ASSESSMENT = re.compile(r"重要|必要|求められ|望まれ|困難|考えられ|見込まれ|わかり|いえ|難し|可能性")


@dataclass(frozen=True)
class Purpose:
    sentence: SentenceSource
    purpose: str
    marker: str
    start: int  # where the purpose clause starts in the sentence
    cause: bool = False  # 「…が不足しているため、」「…ことから、」: why it was done, not what for

    @property
    def nominal(self) -> bool:
        """「…を目的に」 takes a noun phrase; 「…ため」 a verb."""
        return self.marker.startswith("を目的")

    def as_option(self, nominal: bool) -> str:
        """The purpose as it would fill a blank before 「を目的に」 (a noun: 「…すること」) or 「ため」."""
        if nominal and not self.nominal:
            return f"{self.purpose}こと"
        return self.purpose


def purposes_in(text: str, section: int = 0) -> list[Purpose]:
    sentence = SentenceSource(text, section)
    found = []
    for match in _PURPOSE.finditer(text):
        purpose, marker = match["purpose"].strip(), match["marker"].rstrip("、")
        main = text[match.end():]
        cause = marker == "ことから" or (marker.startswith("ため") and not _PLAIN_VERB.search(purpose))
        whole_clause = not (_STARTS_WITH_PARTICLE.match(purpose) or points_elsewhere(purpose))
        an_action = _ACTION_END.search(main) and not _ASSESSMENT.search(main) and "ため" not in main
        if not (whole_clause and an_action):
            continue
        found.append(Purpose(sentence, purpose, marker, match.start("purpose"), cause))
    return found[:1]  # one purpose per sentence: a second would be blanked in the first's stem


class PurposeItems(ItemGenerator):
    name = "purposes"
    version = 1
    skill = Skill.PURPOSE

    def drafts(self, material: ChapterMaterial) -> Iterator[ItemDraft | None]:
        found = [purpose for sentence in material.sentences for purpose in purposes_in(sentence.text,
                                                                                       sentence.section)]
        for purpose in found:  # a purpose among purposes, a cause among causes
            yield self.why(material, purpose, [other for other in found
                                               if other is not purpose and other.cause == purpose.cause])

    def why(self, material: ChapterMaterial, purpose: Purpose, others: list[Purpose]) -> ItemDraft | None:
        text = purpose.sentence.text
        if len(text) > STEM_MAX_LENGTH:
            return None
        key = self.key(material, "because" if purpose.cause else "why", short_hash(text))
        rng = seeded(key)
        answer = purpose.as_option(purpose.nominal)
        main = text[purpose.start + len(purpose.purpose):]
        about = content_tokens(purpose.purpose) | content_tokens(main)
        # a distractor about the same things as the key or its action could be defended as the reason
        candidates = [(other.as_option(purpose.nominal), "purpose") for other in others
                      if (purpose.nominal or not other.nominal) and not content_tokens(other.purpose) & about]
        distractors = choose(answer, material.unworn(key, candidates), "purpose", DISTRACTORS, rng)
        earlier = "".join(sentence.text for sentence in material.sentences[:material.sentences.index(
            purpose.sentence)]) if purpose.sentence in material.sentences else ""
        stem = self_contained(text, earlier, keep=purpose.purpose)
        if len(distractors) < DISTRACTORS or stem is None or purpose.purpose not in stem:
            return None
        options, key_id = place_key(answer, distractors, rng)
        asked = "理由" if purpose.cause else "目的"
        prompt = f"次の文の{BLANK}にあてはまる{asked}として、本文に書かれているものはどれですか。\n" \
                 f"{stem.replace(purpose.purpose, BLANK, 1)}"
        section = purpose.sentence.section
        return ItemDraft(
            key=key, kind=Kind.SINGLE_CHOICE, skill=self.skill, prompt=prompt, answer=key_id, options=options,
            explanation=explanations.from_sentence(material, section, text, f"正解は「{answer}」。"),
            source=SourceRef(section=section), source_text=text, answer_forms=[purpose.purpose], difficulty=0.5,
        )
