"""What every generator is: a named, versioned class whose ``generate`` turns material into drafts."""

from __future__ import annotations

from .checker.single import key_echoes_the_stem
from .records import ChapterMaterial, ItemDraft


class ItemGenerator:
    name = ""
    version = 1
    skill = ""

    def generate(self, material: ChapterMaterial) -> list[ItemDraft]:
        # an item whose key alone echoes its stem is not written at all (its fact is asked another way):
        # the distractors that would also echo seldom exist in one document
        drafts = [draft for draft in self.drafts(material) if draft is not None and not key_echoes_the_stem(draft)]
        for draft in drafts:
            draft.generator, draft.generator_version = self.name, self.version
        return drafts

    def drafts(self, material: ChapterMaterial):
        raise NotImplementedError

    def key(self, material: ChapterMaterial, variant: str, ident: str) -> str:
        return f"{material.slug}:{self.skill}:{variant}:{ident}"
