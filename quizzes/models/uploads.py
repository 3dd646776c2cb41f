"""A document brought in to become lessons: read in the background, reviewed, then published.

The file's bytes are kept in the database (not on one machine's disk), so any worker of any app
server can read it, and it can be read again with the reviewer's edits at publish time.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentUpload(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to be read")
        READING = "reading", _("reading")
        READY = "ready", _("ready for review")
        PUBLISHING = "publishing", _("publishing")
        PUBLISHED = "published", _("published")
        FAILED = "failed", _("failed")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE,
                              related_name="document_uploads")
    source_name = models.CharField(_("file name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=80, blank=True,
                            help_text=_("Leave empty to name the chapter after the file."))
    data = models.BinaryField(_("file"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    pages_done = models.PositiveIntegerField(_("pages read"), default=0)
    pages_total = models.PositiveIntegerField(_("pages"), default=0)
    error = models.TextField(_("why it failed"), blank=True)
    preview = models.JSONField(_("preview"), null=True, blank=True)  # what the reader found, for review
    edits = models.JSONField(_("reviewer's edits"), default=dict, blank=True)
    published = models.JSONField(_("what publishing made"), null=True, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document upload")
        verbose_name_plural = _("document uploads")

    def __str__(self):
        return self.source_name

    @property
    def working(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.READING, self.Status.PUBLISHING)
