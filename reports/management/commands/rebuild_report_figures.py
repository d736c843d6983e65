"""Recompute the stored report figures (after a bulk load that bypassed the
services, or to check how long a full rebuild takes)."""

import time

from django.core.management.base import BaseCommand

from reports.services.figures import (
    report_figures_pending_rebuild,
    report_figures_rebuild_all,
)


class Command(BaseCommand):
    help = "Recompute the stored figures of every course and of the admin home."

    def add_arguments(self, parser):
        parser.add_argument(
            "--pending",
            action="store_true",
            help="only the courses whose figures changed since their last rebuild",
        )

    def handle(self, *args, pending=False, **options):
        started = time.perf_counter()
        if pending:
            count = report_figures_pending_rebuild()
        else:
            count = report_figures_rebuild_all()
        self.stdout.write(
            f"{count} courses' figures rebuilt in {time.perf_counter() - started:.2f} s"
        )
