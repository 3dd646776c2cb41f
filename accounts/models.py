from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReaderSettings(models.Model):
    """How a reader likes the text: furigana over kanji for young readers (off unless asked for)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
                                related_name="reader_settings")
    furigana = models.BooleanField(_("furigana over kanji"), default=False)

    class Meta:
        verbose_name = _("reader settings")
        verbose_name_plural = _("reader settings")

    def __str__(self):
        return str(self.user)
