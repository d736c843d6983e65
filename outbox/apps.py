from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """The transactional outbox: side effects recorded with their cause, delivered later.

    The lowest app of all: every other app may import it, it imports none of them.
    Apps register a handler per message kind in their own ``AppConfig.ready()``.
    """

    name = "outbox"
    verbose_name = _("Outbox")
