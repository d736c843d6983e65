"""The admin's "Certificates" menu: issued certificates, "Issue a certificate",
batches, designs and course rules (see certificates/viewsets.py)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from certificates.viewsets import CERTIFICATES_MENU_HOOK, CertificatesViewSetGroup

register_snippet(CertificatesViewSetGroup)


class IssueCertificateMenuItem(MenuItem):
    """Shown only to those who may issue (certificate admins and superusers)."""

    def is_shown(self, request):
        return request.user.has_perm("certificates.add_certificate")


@hooks.register(CERTIFICATES_MENU_HOOK)
def issue_certificate_menu_item():
    return IssueCertificateMenuItem(
        _("Issue a certificate"),
        reverse_lazy("certificate_admin:issue"),
        name="issue-certificate",
        icon_name="plus",
        order=200,
    )
