"""Reports for people: a roster import's outcome in the reader's language."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .services.roster_imports import RosterReport

_WHAT = {"created": lambda: _("created"), "updated": lambda: _("updated"), "unchanged": lambda: _("unchanged"),
         "made inactive": lambda: _("made inactive"), "kept (deleted upstream)": lambda: _("kept (deleted upstream)"),
         "added": lambda: _("added"), "removed": lambda: _("removed")}


def _counts(counts) -> str:
    return ", ".join(f"{_WHAT[key]()} {count}" for key, count in sorted(counts.items()) if count) or "0"


def roster_report_lines(report: RosterReport) -> list[str]:
    lines = [_("Dry run: nothing was written.") if report.dry_run else _("Imported.")]
    if report.source:
        lines.append(_("Source: %(source)s") % {"source": report.source})
    lines += [_("People: %(counts)s") % {"counts": _counts(report.people)},
              _("Classes: %(counts)s") % {"counts": _counts(report.classes)},
              _("Students in classes: %(counts)s") % {"counts": _counts(report.memberships)}]
    if not report.changed:
        lines.append(_("Nothing changed: CivicLearn already matches this bundle."))
    return lines
