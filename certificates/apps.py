from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from certificates import outbox_handlers, receivers
        from outbox.registry import handler_register

        receivers.connect()
        handler_register(
            outbox_handlers.CERTIFICATE_PDF, outbox_handlers.certificate_pdf_deliver
        )
