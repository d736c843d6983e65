"""The one listing of quiz attempts (a quiz's admin pages link here, filtered)."""

from django.db.models import F
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from learners.access import quiz_tools_allowed
from learners.models import QuizAttempt
from reports.filters import AttemptResult, QuizAttemptFilterSet
from reports.viewsets.base import (
    ReportField,
    ReportListingViewSet,
    choice_label,
    day_field,
    listing_rows,
    state_field,
    value_field,
)


def _attempt_result(attempt) -> str:
    if attempt.state != QuizAttempt.State.GRADED or attempt.passed is None:
        return ""
    result = AttemptResult.PASSED if attempt.passed else AttemptResult.FAILED
    return choice_label(result, translation.get_language())


def _attempt_late(attempt) -> str:
    """Said of an attempt submitted after its time limit (graded on the answers
    saved before it)."""
    return gettext("late") if attempt.late else ""


def _attempt_url(attempt, request) -> str | None:
    """The attempt in full (with its grading form), for those who may grade."""
    if request is None or not quiz_tools_allowed(request.user):
        return None
    return reverse("quiz_admin:attempt", args=[attempt.pk])


class QuizAttemptReportViewSet(ReportListingViewSet):
    """Every attempt at every quiz: when, in which state, with which score. The
    one listing of attempts: a quiz's admin pages link here filtered on the quiz
    (``?quiz=``), and each attempt links to its detail for those who may grade."""

    model = QuizAttempt
    name = "report_quiz_attempts"
    slug = "attempts"
    icon = "form"
    menu_label = gettext_lazy("Attempts")
    menu_order = 400
    filterset_class = QuizAttemptFilterSet
    ordering = "-started_at"
    listing_fields = (
        ReportField(
            "quiz", gettext_lazy("Quiz"), lambda row: row.quiz_title, "quiz__title"
        ),
        ReportField(
            "number",
            gettext_lazy("Attempt"),
            lambda row: row.number,
            "number",
            url=_attempt_url,
        ),
        day_field("started_at", gettext_lazy("Started")),
        day_field("submitted_at", gettext_lazy("Submitted")),
        state_field(QuizAttempt.State, QuizAttempt.State.GRADED),
        ReportField("late", gettext_lazy("Time limit"), _attempt_late, "late"),
        value_field("score", gettext_lazy("Score (%)")),
        ReportField("result", gettext_lazy("Result"), _attempt_result, "passed"),
    )

    def get_rows(self):
        return listing_rows(
            QuizAttempt.objects.annotate(quiz_title=F("quiz__title")),
            "number",
            "state",
            "started_at",
            "submitted_at",
            "late",
            "score",
            "passed",
        )
