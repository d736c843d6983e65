"""Filters of the learning listings: enrolments, progress, quiz attempts, certificates.

Every choice a user is offered comes from their report scope (``learners.scope``): a
city coordinator's municipality and country lists hold only their city, the course
list only courses with rows they may see. A value that is not among the choices, a
malformed date or a date range whose end comes before its start makes that one
filter invalid: the listing leaves it out and says why (see
``reports.viewsets.ReportIndexView``), the other filters still apply.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from certificates.models import Certificate
from courses.models import CoursePage, QuizPage, Topic
from learners.models import Enrollment, Gender, Municipality, QuizAttempt
from learners.scope import LearnerScope, learner_scope_get

#: The learner of each listed row, seen from the row (all four models have ``user``).
LEARNER = "user__"

#: The gender choice for learners who did not give one (or have no profile).
GENDER_NOT_GIVEN = "none"


class EnrollmentState(models.TextChoices):
    """Where a learner stands in a course; a completed course stays completed even
    if the learner leaves it afterwards."""

    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    LEFT = "left", _("Left")


ENROLLMENT_STATE_CONDITIONS = {
    EnrollmentState.IN_PROGRESS: Q(completed_at__isnull=True, left_at__isnull=True),
    EnrollmentState.COMPLETED: Q(completed_at__isnull=False),
    EnrollmentState.LEFT: Q(completed_at__isnull=True, left_at__isnull=False),
}


def enrollment_state(enrollment: Enrollment) -> EnrollmentState:
    """The state of one enrolment, by the same rule as the filter."""
    if enrollment.completed_at is not None:
        return EnrollmentState.COMPLETED
    if enrollment.left_at is not None:
        return EnrollmentState.LEFT
    return EnrollmentState.IN_PROGRESS


class AttemptResult(models.TextChoices):
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")


# --------------------------------------------------------------------------- fields


def radio_filter(label, choices, **kwargs) -> django_filters.ChoiceFilter:
    """A choice among a few values, shown as radio buttons with "All" first."""
    return django_filters.ChoiceFilter(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
        **kwargs,
    )


class DateRangeField(django_filters.fields.DateRangeField):
    """A "from – to" pair of days, both included; refuses an end before the start."""

    def clean(self, value):
        span = super().clean(value)
        if span and span.start and span.stop and span.start > span.stop:
            raise ValidationError(
                _("The end date is before the start date."), code="backwards"
            )
        return span


class DateRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = DateRangeField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", DateRangePickerWidget)
        super().__init__(*args, **kwargs)


class TopicChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, topic):
        if topic.parent_id:
            return f"{topic.parent} › {topic}"
        return str(topic)


class TopicFilter(django_filters.ModelChoiceFilter):
    """A topic, or an axis with every topic under it."""

    field_class = TopicChoiceField

    def filter(self, queryset, topic):
        if not topic:
            return queryset
        courses = CoursePage.objects.filter(Q(topics=topic) | Q(topics__parent=topic))
        return queryset.filter(course__in=courses.values("pk"))


def _topics():
    # Axes first, each followed by its topics.
    return Topic.objects.select_related("parent").order_by(
        Coalesce("parent__name", "name"), F("parent").asc(nulls_first=True), "name"
    )


# --------------------------------------------------------------------------- filtersets


class ReportFilterSet(WagtailFilterSet):
    """What every learning listing filters on: the course (or its topic) and who the
    learner is (city, country, gender). ``scope`` defaults to the request user's."""

    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=CoursePage.objects.none(), empty_label=_("All")
    )
    topic = TopicFilter(
        label=_("Topic"), queryset=Topic.objects.none(), empty_label=_("All")
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        field_name=f"{LEARNER}profile__municipality",
        queryset=Municipality.objects.none(),
        empty_label=_("All"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name=f"{LEARNER}profile__municipality__country",
        choices=[],
        empty_label=_("All"),
    )
    gender = radio_filter(
        _("Gender"),
        [*Gender.choices, (GENDER_NOT_GIVEN, _("Not given"))],
        method="filter_gender",
    )

    def __init__(
        self,
        data=None,
        queryset=None,
        *,
        request=None,
        prefix=None,
        scope: LearnerScope | None = None,
    ):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.scope = scope or learner_scope_get(user=request.user)
        self.scope_choices(self.scope.learners(self._meta.model.objects.all(), LEARNER))

    def scope_choices(self, rows):
        """Offer only what ``rows`` (the rows in the scope) hold; subclasses add
        their own choices."""
        self.filters["course"].queryset = CoursePage.objects.filter(
            pk__in=rows.values("course_id")
        ).order_by("title")
        self.filters["topic"].queryset = _topics()
        municipalities = Municipality.objects.order_by("name")
        if self.scope.municipality is not None:
            municipalities = municipalities.filter(pk=self.scope.municipality.pk)
        self.filters["municipality"].queryset = municipalities
        codes = set(municipalities.values_list("country", flat=True))
        self.filters["country"].extra["choices"] = sorted(
            ((code, countries.name(code)) for code in codes), key=lambda c: c[1]
        )

    def filter_gender(self, queryset, name, value):
        if value == GENDER_NOT_GIVEN:
            return queryset.filter(
                Q(**{f"{LEARNER}profile__gender": ""})
                | Q(**{f"{LEARNER}profile__isnull": True})
            )
        return queryset.filter(**{f"{LEARNER}profile__gender": value})


class _EnrollmentStateFilterSet(ReportFilterSet):
    state = radio_filter(_("State"), EnrollmentState.choices, method="filter_state")

    def filter_state(self, queryset, name, value):
        return queryset.filter(ENROLLMENT_STATE_CONDITIONS[value])


class EnrollmentFilterSet(_EnrollmentStateFilterSet):
    enrolled_at = DateRangeFilter(label=_("Enrolled on"))

    class Meta:
        model = Enrollment
        fields = []


class ProgressFilterSet(_EnrollmentStateFilterSet):
    last_activity_at = DateRangeFilter(label=_("Last activity"))

    class Meta:
        model = Enrollment
        fields = []


class QuizAttemptFilterSet(ReportFilterSet):
    """Attempts also filter on the quiz: its admin pages link here with ``?quiz=``."""

    quiz = django_filters.ModelChoiceFilter(
        label=_("Quiz"), queryset=QuizPage.objects.none(), empty_label=_("All")
    )
    state = radio_filter(_("State"), QuizAttempt.State.choices)
    result = radio_filter(_("Result"), AttemptResult.choices, method="filter_result")
    started_at = DateRangeFilter(label=_("Started"))
    submitted_at = DateRangeFilter(label=_("Submitted"))

    class Meta:
        model = QuizAttempt
        fields = []

    def scope_choices(self, rows):
        super().scope_choices(rows)
        self.filters["quiz"].queryset = QuizPage.objects.filter(
            pk__in=rows.values("quiz_id")
        ).order_by("title")

    def filter_result(self, queryset, name, value):
        return queryset.filter(
            state=QuizAttempt.State.GRADED, passed=value == AttemptResult.PASSED
        )


class CertificateFilterSet(ReportFilterSet):
    state = radio_filter(_("State"), Certificate.State.choices)
    issued_at = DateRangeFilter(label=_("Issued on"))

    class Meta:
        model = Certificate
        fields = []
