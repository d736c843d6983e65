"""The listing of issued certificates, valid or not."""

from django.utils import translation
from django.utils.translation import gettext_lazy

from certificates.models import Certificate
from reports.filters import CertificateFilterSet
from reports.viewsets.base import (
    COURSE_FIELD,
    LEARNER_FIELDS,
    ReportField,
    ReportListingViewSet,
    choice_label,
    day_field,
    listing_rows,
    value_field,
)


def _certificate_state(certificate) -> str:
    return choice_label(
        Certificate.State(certificate.state), translation.get_language()
    )


class CertificateReportViewSet(ReportListingViewSet):
    """The certificates issued to learners, valid or not, with their city."""

    model = Certificate
    name = "report_certificates"
    url_prefix = "reports/certificates"
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Issued certificates")
    menu_name = "report-certificates"
    menu_order = 500
    filterset_class = CertificateFilterSet
    ordering = "-issued_at"
    report_fields = (
        *LEARNER_FIELDS,
        COURSE_FIELD,
        value_field("code", gettext_lazy("Code")),
        day_field("issued_at", gettext_lazy("Issued on")),
        ReportField(
            "state",
            gettext_lazy("State"),
            _certificate_state,
            "state",
            primary=lambda row: row.state == Certificate.State.VALID,
        ),
        day_field("revoked_at", gettext_lazy("Revoked on")),
    )

    def get_rows(self):
        return listing_rows(
            Certificate.objects.all(), "code", "state", "issued_at", "revoked_at"
        )
