"""One course's report (overall, by country, by gender, for a cohort of enrolment
dates) and the overview of every live course, with the aggregates they share.

``course_report_get``: 3 queries on PostgreSQL (overall, by country, by gender; the
median is a ``percentile_cont`` aggregate inside them), 6 elsewhere (SQLite has no
percentile: one more query per breakdown finds the middle rows with window
functions); ``course_report_list``: 2 queries on PostgreSQL (the live courses, their
figures), 3 elsewhere.
"""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    Aggregate,
    Avg,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Certificate
from courses.models import CoursePage
from learners.figures_marks import ACTIVE_DAYS
from learners.models import Enrollment
from learners.scope import LearnerScope
from learners.scoring import course_score_expression
from reports.selectors.figures import (
    NOT_GIVEN,
    country_label,
    days,
    gender_labels,
    median_of_middle,
    rate_percent,
)

MAX_ID = 2**63 - 1  # a larger number is nobody's id (and PostgreSQL refuses it)


def _country():
    """An enrolment's learner's country ("" without a municipality or a profile)."""
    return Coalesce(F("user__profile__municipality__country"), Value(NOT_GIVEN))


def _gender():
    """An enrolment's learner's gender ("" when left empty or without a profile)."""
    return Coalesce(F("user__profile__gender"), Value(NOT_GIVEN))


class Median(Aggregate):
    """PostgreSQL's continuous median: ``percentile_cont(0.5) WITHIN GROUP (…)``."""

    function = "percentile_cont"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"


def _duration():
    return ExpressionWrapper(
        F("completed_at") - F("enrolled_at"), output_field=DurationField()
    )


def _has_certificate():
    return Exists(
        Certificate.objects.filter(
            user=OuterRef("user_id"),
            course=OuterRef("course_id"),
            state=Certificate.State.VALID,
        )
    )


def scoped_enrollments(*, scope: LearnerScope, date_from=None, date_to=None):
    """The enrolments of the scope's learners, of those who enrolled between the two
    days (both included) when given."""
    enrollments = scope.learners(Enrollment.objects.all(), path="user__")
    if date_from is not None:
        enrollments = enrollments.filter(enrolled_at__gte=day_start(date_from))
    if date_to is not None:
        next_day = date_to + datetime.timedelta(days=1)
        enrollments = enrollments.filter(enrolled_at__lt=day_start(next_day))
    return enrollments


def day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _figure_aggregates(now: datetime.datetime) -> dict:
    completed = Q(completed_at__isnull=False)
    aggregates = {
        "enrolled": Count("pk"),
        "active": Count(
            "pk", filter=Q(last_activity_at__gte=now - datetime.timedelta(ACTIVE_DAYS))
        ),
        "completed": Count("pk", filter=completed),
        "certificates": Count("pk", filter=Q(has_certificate=True)),
        "average_score": Avg("learner_score"),
    }
    if connection.vendor == "postgresql":
        aggregates["median"] = Median(
            _duration(), filter=completed, output_field=DurationField()
        )
    return aggregates


def _middle_durations(enrollments, group) -> dict:
    """Median time to complete per value of the ``group`` expression (one query, at
    most two rows a group): the middle rows found with ROW_NUMBER/COUNT windows, for
    databases without ``percentile_cont``."""
    partition = [group] if group is not None else None
    rows = (
        enrollments.filter(completed_at__isnull=False)
        .annotate(
            key=group if group is not None else F("course_id"),
            duration=_duration(),
            position=Window(RowNumber(), partition_by=partition, order_by="duration"),
            size=Window(Count("pk"), partition_by=partition),
        )
        .filter(position__gte=(F("size") + 1) / 2, position__lte=F("size") / 2 + 1)
        .values_list("key", "duration")
    )
    middles: dict = {}
    for key, duration in rows:
        middles.setdefault(key if group is not None else None, []).append(duration)
    return {key: median_of_middle(values) for key, values in middles.items()}


def _grouped_figures(enrollments, *, group, now) -> dict:
    """``{value of the group expression: figures}`` (``{None: …}`` without a group)."""
    annotated = enrollments.annotate(
        has_certificate=_has_certificate(), learner_score=course_score_expression()
    )
    aggregates = _figure_aggregates(now)
    if group is None:
        rows = {None: annotated.aggregate(**aggregates)}
    else:
        rows = {
            row.pop("key"): row
            for row in annotated.values(key=group).annotate(**aggregates).order_by()
        }
    if "median" not in aggregates:
        medians = _middle_durations(enrollments, group)
        for key, row in rows.items():
            row["median"] = medians.get(key)
    return rows


# --------------------------------------------------------------------------- reports


@dataclass(frozen=True)
class Figures:
    """One row of a report: a course, a country or a gender (or everything)."""

    key: str | int | None
    label: str
    enrolled: int = 0
    active: int = 0
    completed: int = 0
    certificates: int = 0
    median_days: float | None = None
    average_score: float | None = None

    @property
    def completion_rate(self) -> float | None:
        return rate_percent(self.completed, self.enrolled)


def _figures(key, label, row: dict | None) -> Figures:
    if not row:
        return Figures(key=key, label=label)
    score = row["average_score"]
    return Figures(
        key=key,
        label=label,
        enrolled=row["enrolled"],
        active=row["active"],
        completed=row["completed"],
        certificates=row["certificates"],
        median_days=days(row["median"]),
        average_score=round(float(score), 1) if score is not None else None,
    )


@dataclass(frozen=True)
class CourseReport:
    course: CoursePage
    scope: LearnerScope
    date_from: datetime.date | None
    date_to: datetime.date | None
    overall: Figures
    by_country: list[Figures] = field(default_factory=list)
    by_gender: list[Figures] = field(default_factory=list)

    @property
    def overall_rows(self) -> list[Figures]:
        """The overall figures, as the one row of a table."""
        return [self.overall]


def course_report_get(
    *,
    course: CoursePage,
    scope: LearnerScope,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> CourseReport:
    """The course's figures, overall, by country and by gender.

    With ``date_from``/``date_to`` (inclusive), only the learners who enrolled in that
    range are counted. "Active" means a last activity within the 30 days before
    ``now``. Countries are those of the learners' municipalities; learners without one
    are counted under "Not given", as are those who left their gender empty (gender
    rows are always all listed, zeros included).

    For every learner, without dates nor ``now``, the figures are the stored ones
    (reports/services/figures.py: one query, whatever the number of learners),
    computed first when none is stored yet. Otherwise they are aggregated live: a
    cohort of dates, or a city coordinator's scope (bounded by the city's learners).
    """
    if stored_figures_apply(scope=scope, date_from=date_from, date_to=date_to, now=now):
        from reports.services.figures import course_figures_rows_get

        overall, countries_rows, gender_rows = course_figures_rows_get(course=course)
    else:
        overall, countries_rows, gender_rows = course_report_rows(
            course=course,
            scope=scope,
            date_from=date_from,
            date_to=date_to,
            now=now or timezone.now(),
        )
    by_country = sorted(
        (
            _figures(code, country_label(code), row)
            for code, row in countries_rows.items()
        ),
        key=lambda row: (-row.enrolled, not row.key, row.label),
    )
    by_gender = [
        _figures(value, label, gender_rows.get(value))
        for value, label in gender_labels()
    ]
    return CourseReport(
        course=course,
        scope=scope,
        date_from=date_from,
        date_to=date_to,
        overall=_figures(None, _("All learners"), overall),
        by_country=by_country,
        by_gender=by_gender,
    )


def stored_figures_apply(
    *, scope: LearnerScope, date_from=None, date_to=None, now=None
):
    """Whether a report reads the stored figures: every learner, every date, now."""
    return scope.everything and date_from is None and date_to is None and now is None


def course_report_rows(
    *,
    course: CoursePage,
    scope: LearnerScope,
    now: datetime.datetime,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> tuple[dict, dict, dict]:
    """The live aggregates of a course report: the overall row, ``{country code: row}``
    and ``{gender: row}`` (each row a dict of the figures before rounding)."""
    enrollments = scoped_enrollments(
        scope=scope, date_from=date_from, date_to=date_to
    ).filter(course=course)
    return (
        _grouped_figures(enrollments, group=None, now=now)[None],
        _grouped_figures(enrollments, group=_country(), now=now),
        _grouped_figures(enrollments, group=_gender(), now=now),
    )


def report_course_get(*, scope: LearnerScope, course_id) -> CoursePage | None:
    """The course whose report the scope may read, or None (unknown, or not theirs).

    Staff (the whole scope) may read any course, published or not; a city
    coordinator the published courses and those their city's staff enrolled in.
    """
    text = str(course_id)
    if not text.isdecimal() or int(text) > MAX_ID:
        return None
    course_id = int(text)
    courses = CoursePage.objects.filter(pk=course_id)
    if not scope.everything:
        city_enrolments = scope.learners(
            Enrollment.objects.filter(course=OuterRef("pk")), path="user__"
        )
        courses = courses.filter(Q(live=True) | Q(Exists(city_enrolments)))
    return courses.first()


def course_report_list(
    *, scope: LearnerScope, now: datetime.datetime | None = None
) -> list[tuple[CoursePage, Figures]]:
    """Every live course, by title, with its overall figures within the scope (the
    stored ones for every learner without ``now``: see ``course_report_get``)."""
    courses = list(CoursePage.objects.live().order_by("title"))
    if not courses:
        rows = {}
    elif stored_figures_apply(scope=scope, now=now):
        from reports.services.figures import course_figures_overall_get

        rows = course_figures_overall_get(course_ids=[c.pk for c in courses])
    else:
        enrollments = scoped_enrollments(scope=scope).filter(
            course__in=[c.pk for c in courses]
        )
        rows = _grouped_figures(
            enrollments, group=F("course_id"), now=now or timezone.now()
        )
    return [
        (course, _figures(course.pk, course.title, rows.get(course.pk)))
        for course in courses
    ]
