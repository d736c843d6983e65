from django.core.management.base import BaseCommand

from outbox.selectors import outbox_counts_get
from outbox.services import outbox_failed_retry, outbox_sweep


class Command(BaseCommand):
    help = (
        "Deliver the pending outbox messages that are due now (what Celery beat's "
        "sweep does every minute); --retry-failed first puts the messages that were "
        "set aside back in line."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Retry the messages set aside after too many failures.",
        )

    def handle(self, *args, retry_failed=False, **options):
        if retry_failed:
            self.stdout.write(f"{outbox_failed_retry()} message(s) put back in line")
        delivered = outbox_sweep()
        counts = outbox_counts_get()
        self.stdout.write(
            f"{delivered} delivered; pending {counts['pending']}, "
            f"set aside {counts['failed']}, sent {counts['sent']}"
        )
