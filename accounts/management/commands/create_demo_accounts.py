from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import DEMO_ACCOUNTS, create_demo_accounts


class Command(BaseCommand):
    help = "Create the demo accounts (one teacher, three students, one admin). Only while DEBUG is on."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts have well-known passwords: refused because DJANGO_DEBUG is off.")
        created = create_demo_accounts()
        self.stdout.write(f"Demo accounts ({created} new); log in at /accounts/login/:")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.role:8} {account.username:10} {account.password}")
