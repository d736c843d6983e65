"""Certificate admins' screens: one certificate, issuing one, batches.

One module per concept; the views are importable from ``certificates.admin_views``
(``certificates.viewsets`` registers them). ``base`` says how permissions and the
learner scope are checked on every screen.
"""

from certificates.admin_views.base import CertificateAdminView, LearnerScopeMixin
from certificates.admin_views.batches import (
    CertificateBatchCreateView,
    CertificateBatchDetailView,
    CertificateBatchResumeView,
)
from certificates.admin_views.certificate import (
    CertificateDetailView,
    CertificatePdfView,
    CertificateReissueView,
    CertificateRevokeView,
)
from certificates.admin_views.issue import CertificateIssueView

__all__ = [
    "CertificateAdminView",
    "CertificateBatchCreateView",
    "CertificateBatchDetailView",
    "CertificateBatchResumeView",
    "CertificateDetailView",
    "CertificateIssueView",
    "CertificatePdfView",
    "CertificateReissueView",
    "CertificateRevokeView",
    "LearnerScopeMixin",
]
