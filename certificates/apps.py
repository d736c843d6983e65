from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from certificates import (
            account_receivers,
            course_receivers,
            outbox_handlers,
            receivers,
        )
        from certificates.panels import CertificateRulePanel
        from courses.models import CoursePage
        from outbox.registry import handler_register

        receivers.connect()
        account_receivers.connect()
        course_receivers.connect()
        handler_register(
            outbox_handlers.CERTIFICATE_PDF, outbox_handlers.certificate_pdf_deliver
        )
        # The course's edit page (where trainers and reviewers look) shows its rule;
        # courses cannot import certificates, so this app adds the panel.
        CoursePage.content_panels = [*CoursePage.content_panels, CertificateRulePanel()]
