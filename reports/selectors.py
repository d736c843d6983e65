"""Figures of the reports: per course (overall, by country, by gender), the overview of
every course, and the admin home's dashboard.

Every figure is aggregated by the database (GROUP BY, conditional counts, averages,
TruncMonth), so each function runs a fixed number of queries whatever the number of
learners, and returns at most one row per course, country, gender or month:

- ``course_report_get``: 3 queries on PostgreSQL (overall, by country, by gender; the
  median is a ``percentile_cont`` aggregate inside them), 6 elsewhere (SQLite has no
  percentile: one more query per breakdown finds the middle rows with window
  functions);
- ``course_report_list``: 2 queries on PostgreSQL (the live courses, their figures),
  3 elsewhere;
- ``dashboard_get``: 5 queries on every database.

Every figure counts only the learners of the ``LearnerScope`` it is given
(learners/scope.py): a city coordinator's figures never include another city.

Which enrolments are counted: every enrolment of the course, including those of
learners who left it later (they enrolled, and they lower the completion rate). With
a date range, the figures describe the learners who *enrolled* in that range (a
cohort), whatever they did afterwards.
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
from django.db.models.functions import Coalesce, RowNumber, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries

from certificates.models import Certificate
from courses.models import CoursePage
from learners.models import Enrollment, Gender, User
from learners.scope import LearnerScope
from learners.scoring import course_score_expression

ACTIVE_DAYS = 30
MAX_ID = 2**63 - 1  # a larger number is nobody's id (and PostgreSQL refuses it)
DASHBOARD_MONTHS = 12
NOT_GIVEN = ""  # gender or country left empty, or no profile at all


def _country():
    """An enrolment's learner's country ("" without a municipality or a profile)."""
    return Coalesce(F("user__profile__municipality__country"), Value(NOT_GIVEN))


def _gender():
    """An enrolment's learner's gender ("" when left empty or without a profile)."""
    return Coalesce(F("user__profile__gender"), Value(NOT_GIVEN))


# --------------------------------------------------------------------------- pure


def rate_percent(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole``, to one decimal; None when ``whole`` is 0."""
    if not whole:
        return None
    return round(part * 100 / whole, 1)


def median_of_middle(values: list[datetime.timedelta]) -> datetime.timedelta | None:
    """The median from the one or two middle values of an ordered series."""
    if not values:
        return None
    return sum(values, datetime.timedelta()) / len(values)


def days(duration: datetime.timedelta | None) -> float | None:
    """A duration in days, to one decimal."""
    if duration is None:
        return None
    return round(duration.total_seconds() / 86400, 1)


def month_starts(today: datetime.date, count: int = DASHBOARD_MONTHS) -> list:
    """The first day of the ``count`` months ending with ``today``'s, oldest first."""
    index = today.year * 12 + today.month - 1
    return [
        datetime.date(i // 12, i % 12 + 1, 1)
        for i in range(index - count + 1, index + 1)
    ]


def country_label(code: str | None) -> str:
    return countries.name(code) if code else _("Not given")


def gender_labels() -> list[tuple[str, str]]:
    """Every gender row of a breakdown, in a fixed order, "not given" last."""
    return [*((value, str(label)) for value, label in Gender.choices)] + [
        (NOT_GIVEN, _("Not given"))
    ]


# --------------------------------------------------------------------------- queries


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


def _enrollments(*, scope: LearnerScope, date_from=None, date_to=None):
    enrollments = scope.learners(Enrollment.objects.all(), path="user__")
    if date_from is not None:
        enrollments = enrollments.filter(enrolled_at__gte=_day_start(date_from))
    if date_to is not None:
        next_day = date_to + datetime.timedelta(days=1)
        enrollments = enrollments.filter(enrolled_at__lt=_day_start(next_day))
    return enrollments


def _day_start(day: datetime.date) -> datetime.datetime:
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
    """
    now = now or timezone.now()
    enrollments = _enrollments(
        scope=scope, date_from=date_from, date_to=date_to
    ).filter(course=course)
    overall = _grouped_figures(enrollments, group=None, now=now)[None]
    countries_rows = _grouped_figures(enrollments, group=_country(), now=now)
    gender_rows = _grouped_figures(enrollments, group=_gender(), now=now)
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
    """Every live course, by title, with its overall figures within the scope."""
    now = now or timezone.now()
    courses = list(CoursePage.objects.live().order_by("title"))
    enrollments = _enrollments(scope=scope).filter(course__in=[c.pk for c in courses])
    rows = (
        _grouped_figures(enrollments, group=F("course_id"), now=now) if courses else {}
    )
    return [
        (course, _figures(course.pk, course.title, rows.get(course.pk)))
        for course in courses
    ]


# --------------------------------------------------------------------------- dashboard


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
class GenderCount:
    gender: str
    label: str
    count: int
    percent: float | None


@dataclass(frozen=True)
class GenderShare:
    """How many people of a population are women, with every gender's count."""

    total: int
    rows: list[GenderCount]

    @property
    def women(self) -> int:
        return next(row.count for row in self.rows if row.gender == Gender.FEMALE)

    @property
    def women_percent(self) -> float | None:
        return rate_percent(self.women, self.total)


def gender_share(counts: dict) -> GenderShare:
    """``{gender or None: count}`` as a share; NULL (no profile) counts as not given."""
    merged: dict[str, int] = {}
    for gender, count in counts.items():
        key = gender or NOT_GIVEN
        merged[key] = merged.get(key, 0) + count
    total = sum(merged.values())
    return GenderShare(
        total=total,
        rows=[
            GenderCount(
                gender=value,
                label=label,
                count=merged.get(value, 0),
                percent=rate_percent(merged.get(value, 0), total),
            )
            for value, label in gender_labels()
        ],
    )


def gender_rows_paired(
    learners: GenderShare, holders: GenderShare
) -> list[tuple[GenderCount, GenderCount]]:
    """Each gender's row among learners beside its row among certificate holders."""
    return list(zip(learners.rows, holders.rows, strict=True))


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


def _per_month(enrollments, column: str, since) -> dict:
    rows = (
        enrollments.filter(**{f"{column}__gte": since})
        .annotate(month=TruncMonth(column))
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
        _gender_share_of(_learner_counts(scope)),
        _certificate_holders_share(scope),
    )


def _learner_counts(scope: LearnerScope) -> list[dict]:
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
    return gender_share({row["profile__gender"]: row["count"] for row in holders})


def dashboard_get(
    *, scope: LearnerScope, today: datetime.date | None = None
) -> Dashboard:
    """The admin home's figures: enrolments and course completions for each of the last
    12 months (months without any included, oldest first), the completion rate of
    every live course with enrolments, learners by country (their municipality's),
    and the share of women among learners and certificate holders (counted as
    ``gender_share_get`` says). Five queries."""
    today = today or timezone.localdate()
    starts = month_starts(today)
    since = _day_start(starts[0])
    enrollments = _enrollments(scope=scope)
    enrolled = _per_month(enrollments, "enrolled_at", since)
    completed = _per_month(
        enrollments.filter(completed_at__isnull=False), "completed_at", since
    )
    months = [
        MonthFigures(
            month=start,
            label=date_format(start, "N Y"),
            enrolments=enrolled.get((start.year, start.month), 0),
            completions=completed.get((start.year, start.month), 0),
        )
        for start in starts
    ]
    course_rows = (
        enrollments.filter(course__live=True)
        .values("course_id", "course__title")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
        )
        .order_by("course__title")
    )
    courses = [
        CourseRate(
            course_id=row["course_id"],
            title=row["course__title"],
            enrolled=row["enrolled"],
            completed=row["completed"],
        )
        for row in course_rows
    ]
    learner_counts = _learner_counts(scope)
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
        certificate_holders=_certificate_holders_share(scope),
    )


# --------------------------------------------------------------------------- city


@dataclass(frozen=True)
class CityReport:
    """A coordinator's figures for their city: each course their staff took, and the
    share of women among their learners and certificate holders."""

    courses: list[tuple[CoursePage, Figures]]
    learners: GenderShare
    certificate_holders: GenderShare

    @property
    def gender_rows(self):
        return gender_rows_paired(self.learners, self.certificate_holders)


def city_report_get(*, scope: LearnerScope) -> CityReport:
    """The live courses with at least one enrolment in the scope, with their figures,
    and the shares of women (as ``gender_share_get`` counts them). 5 queries (4 on
    PostgreSQL)."""
    learners, holders = gender_share_get(scope=scope)
    return CityReport(
        courses=[
            (course, figures)
            for course, figures in course_report_list(scope=scope)
            if figures.enrolled
        ],
        learners=learners,
        certificate_holders=holders,
    )
