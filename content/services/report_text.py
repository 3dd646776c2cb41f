"""An ImportReport as lines of text, for the command and the admin upload page."""

from django.utils.translation import gettext as _

from .chapter_import import ImportReport


def report_lines(report: ImportReport) -> list[str]:
    head = _("Dry run, nothing written: ") if report.dry_run else ""
    verb = _("created") if report.created else _("updated")
    lines = [f"{head}{report.slug}: {verb}"]
    lines.append(", ".join(f"{kind} {count}" for kind, count in report.counts.items()))
    if report.unchanged:
        lines.append(_("No changes."))
    for action in ("added", "changed", "removed"):
        tally = report.tally(action)
        if tally:
            lines.append(f"{action}: " + ", ".join(f"{kind} {count}" for kind, count in tally.items()))
    for change in [] if report.created else report.changes:
        if change.kind != "term link":
            lines.append(f"  {change.action} {change.kind}: {change.label}")
    lines.extend(_("warning: %(text)s") % {"text": warning} for warning in report.warnings)
    return lines
