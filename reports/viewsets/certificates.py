"""The listing of issued certificates, valid or not."""

from django.utils.translation import gettext_lazy

from certificates.models import Certificate
from reports.filters import CertificateFilterSet
from reports.viewsets.base import (
    ReportListingViewSet,
    day_field,
    listing_rows,
    state_field,
    value_field,
)


class CertificateReportViewSet(ReportListingViewSet):
    """The certificates issued to learners, valid or not, with their city."""

    model = Certificate
    name = "report_certificates"
    slug = "certificates"
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Issued certificates")
    menu_order = 500
    filterset_class = CertificateFilterSet
    ordering = "-issued_at"
    listing_fields = (
        value_field("code", gettext_lazy("Code")),
        day_field("issued_at", gettext_lazy("Issued on")),
        state_field(Certificate.State, Certificate.State.VALID),
        day_field("revoked_at", gettext_lazy("Revoked on")),
    )

    def get_rows(self):
        return listing_rows(
            Certificate.objects.all(), "code", "state", "issued_at", "revoked_at"
        )
