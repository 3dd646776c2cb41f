"""Where an upload stands, as the status page and its script show it."""

from django.utils.translation import gettext as _

from .parse_warnings import warning_text


def status_of(upload) -> dict:
    percent = round(100 * upload.pages_done / upload.pages_total) if upload.pages_total else 0
    if upload.status == upload.Status.READING:
        message = _("Reading page %(done)d of %(total)d…") % {"done": upload.pages_done, "total": upload.pages_total} \
            if upload.pages_total else _("Opening the document…")
    elif upload.status == upload.Status.QUEUED:
        message = _("Waiting for a worker to read the document…")
    elif upload.status == upload.Status.PUBLISHING:
        message = _("Publishing: importing the lessons and generating their items…")
    else:
        message = upload.get_status_display()
    return {"status": upload.status, "working": upload.working, "pages_done": upload.pages_done,
            "pages_total": upload.pages_total, "percent": percent, "message": message,
            "error": warning_text(upload.error) if upload.error else ""}
