"""The learning listings of the admin: enrolments, course progress, quiz attempts and
issued certificates, with filters (``reports.filters``), search and exports.

Read-only: these rows are written by the services of learners and certificates, never
by hand, so the viewsets have no add, edit, copy, delete, history or inspect screens.
Every request is checked twice: the model's view permission (Wagtail's permission
policy; migration ``0001_listing_permissions`` grants it to trainers and certificate
admins) and the report scope (``learners.scope``), which also restricts every row,
every filter choice and every exported line: a city coordinator who is given admin
access still sees only their city.

Exports (``reports.exports``, with flat memory) hold exactly the rows of the listing
(filtered, searched, ordered; every page) with the listing's columns. Rows carry the
learner's and the course's columns as plain values, so that a page costs the same
number of queries for 5 or 50 rows and exports build no related objects.

One module per listing (``enrollments``: enrolments and progress; ``attempts``;
``certificates``); what they share, ``base``.
"""

from reports.viewsets.attempts import QuizAttemptReportViewSet
from reports.viewsets.base import (
    LEARNING_MENU_HOOK,
    ReportField,
    ReportIndexView,
    ReportListingViewSet,
    report_listing_allowed,
)
from reports.viewsets.certificates import CertificateReportViewSet
from reports.viewsets.enrollments import (
    EnrollmentReportViewSet,
    ProgressReportViewSet,
)

REPORT_LISTING_VIEWSETS = (
    EnrollmentReportViewSet,
    ProgressReportViewSet,
    QuizAttemptReportViewSet,
    CertificateReportViewSet,
)

__all__ = [
    "LEARNING_MENU_HOOK",
    "REPORT_LISTING_VIEWSETS",
    "CertificateReportViewSet",
    "EnrollmentReportViewSet",
    "ProgressReportViewSet",
    "QuizAttemptReportViewSet",
    "ReportField",
    "ReportIndexView",
    "ReportListingViewSet",
    "report_listing_allowed",
]
