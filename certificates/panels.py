"""The course's certificate rule, shown on the course's edit page (and so at review)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class CertificateRulePanel(Panel):
    """Read-only: which design, automatic or manual, the minimum score; with a link
    for certificate admins to change it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Certificate"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "certificate_rule"

    class BoundPanel(Panel.BoundPanel):
        template_name = "certificates/admin/course_rule_panel.html"

        def get_context_data(self, parent_context=None):
            from certificates.selectors import certificate_rule_get

            context = super().get_context_data(parent_context)
            course = self.instance
            rule = certificate_rule_get(course=course) if course.pk else None
            context["rule"] = rule
            context["is_new"] = not course.pk
            user = self.request.user if self.request else None
            if (
                rule is not None
                and user
                and user.has_perm("certificates.change_certificaterule")
            ):
                context["edit_url"] = reverse(
                    "wagtailsnippets_certificates_certificaterule:edit", args=[rule.pk]
                )
            return context
