"""The admin home's dashboard: enrolments and completions per month, completion
per course, learners by country, and the share of women among learners and
certificate holders (``gender_share_get``, which the city report uses too).
``dashboard_get``: 5 queries on every database live, 1 from the stored figures."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format

from certificates.models import Certificate
from learners.models import Enrollment, User
from learners.scope import LearnerScope
from reports.selectors.courses import (
    day_start,
    scoped_enrollments,
    stored_figures_apply,
)
from reports.selectors.figures import (
    NOT_GIVEN,
    GenderShare,
    country_label,
    gender_rows_paired,
    gender_share,
    month_starts,
    rate_percent,
)


@dataclass(frozen=True)
class MonthFigures:
    month: datetime.date
    label: str
    enrolments: int
    completions: int


@dataclass(frozen=True)
class CourseRate:
    course_id: int
    title: str
    enrolled: int
    completed: int

    @property
    def rate(self) -> float | None:
        return rate_percent(self.completed, self.enrolled)


@dataclass(frozen=True)
class CountryCount:
    code: str
    name: str
    learners: int


@dataclass(frozen=True)
class Dashboard:
    months: list[MonthFigures]
    courses: list[CourseRate]
    countries: list[CountryCount]
    learners: GenderShare
    certificate_holders: GenderShare

    @property
    def gender_rows(self):
        return gender_rows_paired(self.learners, self.certificate_holders)


def _learners(scope: LearnerScope):
    """Users with at least one enrolment (in any course), within the scope."""
    return scope.learners(User.objects.all()).filter(
        Exists(Enrollment.objects.filter(user=OuterRef("pk")))
    )


def _per_month(enrollments, column: str, since=None) -> dict:
    """``{(year, month): count}`` of the column's dates (since ``since``, if given)."""
    if since is not None:
        enrollments = enrollments.filter(**{f"{column}__gte": since})
    rows = (
        enrollments.annotate(month=TruncMonth(column))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {(row["month"].year, row["month"].month): row["count"] for row in rows}


def gender_share_get(*, scope: LearnerScope) -> tuple[GenderShare, GenderShare]:
    """Women among the learners, and among the holders of a valid certificate.

    Learners are the users with at least one enrolment. Everybody is in the
    denominator: a learner who chose "Prefer not to say", left the field empty or has
    no profile is counted (under their own row), so the share of women is a lower
    bound, and the counts of every row are shown beside it. One query each.
    """
    return (
        _gender_share_of(learner_counts(scope)),
        _certificate_holders_share(scope),
    )


def learner_counts(scope: LearnerScope) -> list[dict]:
    """Learners per (country, gender): one query, one row per pair present."""
    return list(
        _learners(scope)
        .values("profile__municipality__country", "profile__gender")
        .annotate(count=Count("pk"))
        .order_by()
    )


def _gender_share_of(learner_counts: list[dict]) -> GenderShare:
    counts: dict = {}
    for row in learner_counts:
        gender = row["profile__gender"] or NOT_GIVEN
        counts[gender] = counts.get(gender, 0) + row["count"]
    return gender_share(counts)


def _certificate_holders_share(scope: LearnerScope) -> GenderShare:
    """Holders of at least one valid certificate, by gender (one query)."""
    return gender_share(certificate_holder_counts(scope))


def certificate_holder_counts(scope: LearnerScope) -> dict:
    """``{gender or None: holders of at least one valid certificate}`` (one query)."""
    holders = (
        scope.learners(User.objects.all())
        .filter(
            Exists(
                Certificate.objects.filter(
                    user=OuterRef("pk"), state=Certificate.State.VALID
                )
            )
        )
        .values("profile__gender")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["profile__gender"]: row["count"] for row in holders}


def dashboard_get(
    *, scope: LearnerScope, today: datetime.date | None = None
) -> Dashboard:
    """The admin home's figures: enrolments and course completions for each of the last
    12 months (months without any included, oldest first), the completion rate of
    every live course with enrolments, learners by country (their municipality's),
    and the share of women among learners and certificate holders (counted as
    ``gender_share_get`` says).

    For every learner and without ``today``, the stored figures
    (reports/services/figures.py: one query whatever the number of learners, computed
    first when none is stored yet); otherwise five live queries (a city
    coordinator's scope is bounded by the city's learners)."""
    if stored_figures_apply(scope=scope, now=today):
        from reports.services.figures import dashboard_figures_rows_get

        return dashboard_from_rows(
            today=timezone.localdate(), **dashboard_figures_rows_get()
        )
    today = today or timezone.localdate()
    since = day_start(month_starts(today)[0])
    enrollments = scoped_enrollments(scope=scope)
    return dashboard_from_rows(
        today=today,
        enrolled=_per_month(enrollments, "enrolled_at", since),
        completed=_per_month(
            enrollments.filter(completed_at__isnull=False), "completed_at", since
        ),
        course_rows=dashboard_course_rows(enrollments.filter(course__live=True)),
        learner_counts=learner_counts(scope),
        holder_counts=certificate_holder_counts(scope),
    )


def dashboard_course_rows(enrollments) -> list[dict]:
    """Enrolments and completions per course of the enrolments, by course title."""
    return list(
        enrollments.values("course_id", "course__title")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
        )
        .order_by("course__title")
    )


def dashboard_per_month(scope: LearnerScope) -> tuple[dict, dict]:
    """Enrolments and completions of every month, ``{(year, month): count}`` each."""
    enrollments = scoped_enrollments(scope=scope)
    return (
        _per_month(enrollments, "enrolled_at"),
        _per_month(enrollments.filter(completed_at__isnull=False), "completed_at"),
    )


def dashboard_from_rows(
    *,
    today: datetime.date,
    enrolled: dict,
    completed: dict,
    course_rows: list[dict],
    learner_counts: list[dict],
    holder_counts: dict,
) -> Dashboard:
    """The dashboard from its aggregates, live or stored (the same code for both)."""
    months = [
        MonthFigures(
            month=start,
            label=date_format(start, "N Y"),
            enrolments=enrolled.get((start.year, start.month), 0),
            completions=completed.get((start.year, start.month), 0),
        )
        for start in month_starts(today)
    ]
    courses = [
        CourseRate(
            course_id=row["course_id"],
            title=row["course__title"],
            enrolled=row["enrolled"],
            completed=row["completed"],
        )
        for row in course_rows
    ]
    learners_by_country: dict[str, int] = {}
    for row in learner_counts:
        code = row["profile__municipality__country"] or NOT_GIVEN
        learners_by_country[code] = learners_by_country.get(code, 0) + row["count"]
    by_country = sorted(
        (
            CountryCount(code=code, name=country_label(code), learners=count)
            for code, count in learners_by_country.items()
        ),
        key=lambda row: (-row.learners, not row.code, row.name),
    )
    return Dashboard(
        months=months,
        courses=courses,
        countries=by_country,
        learners=_gender_share_of(learner_counts),
        certificate_holders=gender_share(holder_counts),
    )
