from django import forms
from django.conf import settings
from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _


class ChapterUploadForm(forms.Form):
    file = forms.FileField(label=_("Chapter file"), help_text=_("Plain text, UTF-8 or Shift_JIS (CP932)."))
    slug = forms.CharField(
        label=_("Slug"), required=False, max_length=100, validators=[validate_slug],
        help_text=_("Leave empty to derive it from the file name. An existing slug is updated in place."),
    )
    dry_run = forms.BooleanField(label=_("Dry run (report only, write nothing)"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.CHAPTER_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)d bytes; the limit is %(limit)d."),
                params={"size": upload.size, "limit": settings.CHAPTER_UPLOAD_MAX_BYTES},
            )
        return upload
