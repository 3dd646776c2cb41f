"""Staff's web forms: uploading a chapter file (the admin's upload page)."""

from django import forms
from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _

from content.uploads import validate_upload_size


class ChapterUploadForm(forms.Form):
    file = forms.FileField(label=_("Chapter file"), help_text=_("Plain text, UTF-8 or Shift_JIS (CP932)."),
                           validators=[validate_upload_size])
    slug = forms.CharField(
        label=_("Slug"), required=False, max_length=100, validators=[validate_slug],
        help_text=_("Leave empty to derive it from the file name. An existing slug is updated in place."),
    )
    dry_run = forms.BooleanField(label=_("Dry run (report only, write nothing)"), required=False)
