"""A chapter's material through every generator and the checker: the drafts with their findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from .assembly import OPTION_IDS
from .balance import at_most_per_fact
from .base import ItemGenerator
from .checker import BankFinding, Finding, check_item, key_position_balance, too_many_per_fact
from .checker.material import check_against_material
from .kinds import Kind
from .option_ids import option_position, with_opaque_ids
from .records import ChapterMaterial, ItemDraft


@dataclass
class CheckedBank:
    drafts: list[ItemDraft]
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # by item key, flawed items only
    bank_findings: list[BankFinding] = field(default_factory=list)

    def is_clean(self, draft: ItemDraft) -> bool:
        return draft.key not in self.findings


def generate_bank(material: ChapterMaterial, generators: list[ItemGenerator],
                  keep: frozenset[str] = frozenset()) -> CheckedBank:
    """``keep``: keys of items to be kept whatever the per-fact limit (edited, or answered by learners)."""
    drafts: dict[str, ItemDraft] = {}
    for generator in generators:
        for draft in generator.generate(material):
            drafts.setdefault(draft.key, with_opaque_ids(draft))
    findings = {draft.key: found for draft in drafts.values()
                if (found := check_item(draft) + check_against_material(draft, material))}
    bank = CheckedBank(at_most_per_fact(list(drafts.values()), flagged=set(findings), keep=set(keep)))
    bank.findings = {draft.key: findings[draft.key] for draft in bank.drafts if draft.key in findings}
    single = [(OPTION_IDS[option_position(d, d.answer)], len(d.options)) for d in bank.drafts
              if d.kind == Kind.SINGLE_CHOICE and bank.is_clean(d)]  # a clean item's key is one of its options
    bank.bank_findings = key_position_balance(single) + too_many_per_fact([draft.key for draft in bank.drafts])
    return bank
