from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from interop.services.lti_scores import scores_send


class Command(BaseCommand):
    help = _("Send the scores owed to LMSs (LTI grade passback) that are due now; the task worker does "
             "this by itself, this is for cron or a one-off run.")

    def handle(self, *args, **options):
        counts = scores_send()
        self.stdout.write(_("%(sent)d sent, %(retry)d to retry later, %(failed)d given up.") % counts)
