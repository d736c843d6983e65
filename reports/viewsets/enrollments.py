"""The listings of enrolments: who enrolled where and when, and how far they are."""

from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import Least
from django.utils import translation
from django.utils.translation import gettext_lazy

from learners.models import Enrollment
from learners.progress import percent
from learners.selectors import enrollment_list_with_progress
from reports.filters import (
    EnrollmentFilterSet,
    EnrollmentState,
    ProgressFilterSet,
    enrollment_state,
)
from reports.viewsets.base import (
    ReportField,
    ReportListingViewSet,
    choice_label,
    day_field,
    listing_rows,
    value_field,
)


def _enrollment_state_label(enrollment) -> str:
    return choice_label(enrollment_state(enrollment), translation.get_language())


ENROLLMENT_STATE_FIELD = ReportField(
    "state",
    gettext_lazy("State"),
    _enrollment_state_label,
    primary=lambda row: enrollment_state(row) == EnrollmentState.COMPLETED,
)


class EnrollmentReportViewSet(ReportListingViewSet):
    """Who enrolled in which course, when, and where they stand."""

    model = Enrollment
    name = "report_enrollments"
    slug = "enrolments"
    icon = "clipboard-list"
    menu_label = gettext_lazy("Enrolments")
    menu_order = 200
    filterset_class = EnrollmentFilterSet
    ordering = "-enrolled_at"
    listing_fields = (
        day_field("enrolled_at", gettext_lazy("Enrolled on")),
        day_field("last_activity_at", gettext_lazy("Last activity")),
        day_field("completed_at", gettext_lazy("Completed on")),
        day_field("left_at", gettext_lazy("Left on")),
        ENROLLMENT_STATE_FIELD,
    )

    def get_rows(self):
        return listing_rows(
            Enrollment.objects.all(),
            "enrolled_at",
            "last_activity_at",
            "completed_at",
            "left_at",
        )


class ProgressReportViewSet(ReportListingViewSet):
    """How far each enrolled learner is in their course: required steps done."""

    model = Enrollment
    name = "report_progress"
    slug = "progress"
    icon = "circle-check"
    menu_label = gettext_lazy("Progress")
    menu_order = 300
    filterset_class = ProgressFilterSet
    ordering = "-last_activity_at"
    listing_fields = (
        value_field("required_done", gettext_lazy("Required steps done")),
        value_field("required_total", gettext_lazy("Required steps")),
        ReportField(
            "percent",
            gettext_lazy("Progress (%)"),
            lambda row: percent(row.required_done, row.required_total),
            "progress_percent",
        ),
        day_field("last_activity_at", gettext_lazy("Last activity")),
        ENROLLMENT_STATE_FIELD,
    )

    def get_rows(self):
        rows = listing_rows(
            enrollment_list_with_progress(Enrollment.objects.all()),
            "last_activity_at",
            "completed_at",
            "left_at",
        )
        # learners.progress.percent, in SQL, for sorting.
        return rows.annotate(
            progress_percent=Case(
                When(required_total__lte=0, then=Value(0)),
                default=Least(
                    Value(100), F("required_done") * 100 / F("required_total")
                ),
                output_field=IntegerField(),
            )
        )
