from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # Registers the rebuild task under its name: learners/figures_marks.py asks
        # for it by name (it cannot import reports), in-process in eager mode.
        from reports import page_receivers, tasks  # noqa: F401

        page_receivers.connect()
