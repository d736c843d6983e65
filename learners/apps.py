from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnersConfig(AppConfig):
    name = "learners"
    verbose_name = _("Learners")

    def ready(self):
        from learners import outbox_handlers
        from outbox.registry import handler_register

        handler_register(outbox_handlers.EMAIL, outbox_handlers.email_deliver)
