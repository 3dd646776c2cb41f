"""Reports of imports and generation as lines of text, for the management commands. The admin renders
the same report objects in a template (templates/admin/quizzes/chapter_report.html), the API as JSON."""

from __future__ import annotations

from django.utils.translation import gettext as _

from content.services.chapter_import import ImportReport
from quizzes.messages import finding_text
from quizzes.models import Item
from quizzes.presentation.parse_warnings import warning_text
from quizzes.services.chapter_publishing import PublishReport, RegenerationReport
from quizzes.services.item_generation import GenerationReport


def kind_name(kind: str) -> str:
    """A kind of row of a chapter (content.services.chapter_import) in the interface's language."""
    names = {"chapter": _("chapter"), "sections": _("sections"), "section": _("section"), "paragraphs": _("paragraphs"),
             "paragraph": _("paragraph"), "terms": _("terms"), "term": _("term"), "term link": _("term link"),
             "events": _("events"), "event": _("event"), "goal_lists": _("goal lists"), "goal list": _("goal list"),
             "goals": _("goals"), "goal": _("goal"), "figures": _("figures"), "figure": _("figure")}
    return names.get(kind, kind)


def action_name(action: str) -> str:
    names = {"added": _("added"), "changed": _("changed"), "removed": _("removed")}
    return names.get(action, action)


def removal_reason(reason: str) -> str:
    """Why a line of a PDF was left out of the lessons (content.parsing.furniture)."""
    names = {"attachment label": _("attachment label"), "cover page": _("cover page"),
             "page number": _("page number"), "running header or footer": _("running header or footer"),
             "table of contents": _("table of contents"), "table or chart": _("table or chart")}
    return names.get(reason, reason)


def counts_shown(report: ImportReport) -> list[tuple[str, int]]:
    return [(kind_name(kind), count) for kind, count in report.counts.items()]


def publish_lines(report: PublishReport) -> list[str]:
    lines = document_lines(report)
    for chapter in report.chapters:
        lines += import_lines(chapter.imported, dry_run=report.dry_run)
        lines += generation_lines(chapter.generated, dry_run=report.dry_run)
    return lines


def document_lines(report: PublishReport) -> list[str]:
    """What was read (a PDF's pages) and left out, before the chapters; nothing for a plain text file."""
    document = report.document
    removed = ", ".join(f"{removal_reason(reason)} {count}" for reason, count in sorted(document.removed.items()))
    lines = [_("%(pages)d pages read") % {"pages": document.pages}] if document.kind == "pdf" else []
    return lines + ([_("left out of the lessons: %(removed)s") % {"removed": removed}] if removed else [])


def regeneration_lines(report: RegenerationReport) -> list[str]:
    return [line for generated in report.generated for line in generation_lines(generated, dry_run=report.dry_run)]


def import_lines(report: ImportReport, *, dry_run: bool = False) -> list[str]:
    head = _("Dry run, nothing written: ") if dry_run else ""
    verb = _("created") if report.created else _("updated")
    lines = [f"{head}{report.slug}: {verb}"]
    lines.append(", ".join(f"{kind} {count}" for kind, count in counts_shown(report)))
    if report.unchanged:
        lines.append(_("No changes."))
    lines += [f"{action}: {shown}" for action, shown in import_tallies(report)]
    lines += [f"  {action_name(change.action)} {kind_name(change.kind)}: {change.label}"
              for change in listed_changes(report)]
    lines.extend(_("warning: %(text)s") % {"text": warning_text(warning)} for warning in report.warnings)
    return lines


def listed_changes(report: ImportReport) -> list:
    """The changes worth listing one by one: none for a new chapter, and never the term links."""
    return [] if report.created else [change for change in report.changes if change.kind != "term link"]


def generation_lines(report: GenerationReport, *, dry_run: bool = False) -> list[str]:
    lines = [generation_heading(report, dry_run=dry_run), generation_summary(report)]
    lines += [f"{label}: {shown}" for label, shown in generation_tallies(report)]
    if report.rejected:
        lines.append(_("Not published, with the checker's reasons:"))
        lines += [f"  {draft.key}: {reasons}" for draft, reasons in rejection_reasons(report)]
    lines += [_("Across the bank: %(message)s") % {"message": message} for message in bank_finding_texts(report)]
    return lines


def generation_heading(report: GenerationReport, *, dry_run: bool = False) -> str:
    head = _("Items for %(chapter)s (dry run, nothing written)") if dry_run else _("Items for %(chapter)s")
    return head % {"chapter": report.chapter}


def generation_summary(report: GenerationReport) -> str:
    return _("created %(created)d, updated %(updated)d, unchanged %(unchanged)d, retired %(retired)d, "
             "edited by a person and kept %(kept)d") % {
        "created": report.created, "updated": report.updated, "unchanged": report.unchanged,
        "retired": report.retired, "kept": report.edits_kept}


def rejection_reasons(report: GenerationReport) -> list[tuple]:
    """(draft, the checker's reasons in one line) for each draft that was not published."""
    return [(draft, "; ".join(finding_text(finding) for finding in findings)) for draft, findings in report.rejected]


def bank_finding_texts(report: GenerationReport) -> list[str]:
    return [finding_text(finding) for finding in report.bank_findings]


def generation_tallies(report: GenerationReport) -> list[tuple[str, str]]:
    """(label, "name count, …") for the items by skill, by kind and by status."""
    labels = {"skill": _("by skill"), "kind": _("by kind"), "status": _("by status")}
    names = {**dict(Item.Skill.choices), **dict(Item.Kind.choices), **dict(Item.Status.choices)}
    tallies = [(label, report.tally(by)) for by, label in labels.items()]
    return [(label, ", ".join(f"{names.get(name, name)} {count}" for name, count in tally.items()))
            for label, tally in tallies if tally]


def import_tallies(report: ImportReport) -> list[tuple[str, str]]:
    """(action, "kind count, …") for what was added, changed and removed."""
    tallies = [(action, report.tally(action)) for action in ("added", "changed", "removed")]
    return [(action_name(action), ", ".join(f"{kind_name(kind)} {count}" for kind, count in tally.items()))
            for action, tally in tallies if tally]
