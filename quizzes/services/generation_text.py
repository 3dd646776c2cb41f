"""A generation report as lines for a command or an admin message."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from .item_generation import GenerationReport
from .messages import finding_text


def generation_lines(report: GenerationReport) -> list[str]:
    head = _("Items for %(chapter)s (dry run, nothing written)") if report.dry_run else _("Items for %(chapter)s")
    lines = [
        head % {"chapter": report.chapter},
        _("created %(created)d, updated %(updated)d, unchanged %(unchanged)d, retired %(retired)d, "
          "edited by a person and kept %(kept)d") % {
            "created": report.created, "updated": report.updated, "unchanged": report.unchanged,
            "retired": report.retired, "kept": report.edits_kept},
    ]
    lines += _tally(_("by skill"), report.counts, 0) + _tally(_("by kind"), report.counts, 1)
    lines += _tally(_("by status"), report.counts, 2)
    if report.rejected:
        lines.append(_("Not published, with the checker's reasons:"))
        for draft, findings in report.rejected:
            reasons = "; ".join(finding_text(finding) for finding in findings)
            lines.append(f"  {draft.key}: {reasons}")
    lines += [_("Across the bank: %(message)s") % {"message": finding_text(finding)}
              for finding in report.bank_findings]
    return lines


def _tally(label: str, counts: Counter, position: int) -> list[str]:
    totals: Counter = Counter()
    for key, count in counts.items():
        totals[key[position]] += count
    shown = ", ".join(f"{name} {count}" for name, count in sorted(totals.items()))
    return [f"{label}: {shown}"] if shown else []
