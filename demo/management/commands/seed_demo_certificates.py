"""Certificate rules for the demo courses, and the certificates their learners earned.

``seed_demo`` runs the same at its end; idempotent, and refused when DEBUG is off
unless ``--force``, like ``seed_demo``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.certificates import demo_certificates_seed


class Command(BaseCommand):
    help = "Certificate rules and certificates of the demo (refused when DEBUG is off)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refused when DEBUG is off (use --force on a demo site)."
            )
        for line in demo_certificates_seed():
            self.stdout.write(line)
