"""What every generator is: a named, versioned class whose ``generate`` turns material into drafts."""

from __future__ import annotations

from .records import ChapterMaterial, ItemDraft


class ItemGenerator:
    name = ""
    version = 1
    skill = ""

    def generate(self, material: ChapterMaterial) -> list[ItemDraft]:
        drafts = [draft for draft in self.drafts(material) if draft is not None]
        for draft in drafts:
            draft.generator, draft.generator_version = self.name, self.version
        return drafts

    def drafts(self, material: ChapterMaterial):
        raise NotImplementedError

    def key(self, material: ChapterMaterial, variant: str, ident: str) -> str:
        return f"{material.slug}:{self.skill}:{variant}:{ident}"
