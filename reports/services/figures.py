"""The stored report figures: rebuilt from the live selectors, read by the reports.

``course_figures_rebuild`` and ``dashboard_figures_rebuild`` compute the figures for
every learner with the very selector code the live reports run
(``course_report_rows``, the dashboard's aggregates) and replace the stored rows in
one transaction, so the stored figures are a full recomputation by construction. Both
are idempotent, and safe when two run at once: on PostgreSQL a transaction-level
advisory lock per course (and one for the dashboard) makes the second wait and then
write its own complete set; SQLite serialises writers anyway.

What to rebuild is known from ``learners.FiguresChange`` marks, written by the
services that change a figure (learners/figures_marks.py):
``report_figures_pending_rebuild`` consumes them, and ``report_figures_rebuild_all``
recomputes everything (once a day: "active" means a last activity within 30 days, and
that decays with time alone).
"""

import datetime

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from courses.models import CoursePage
from learners.models import FiguresChange
from learners.scope import LearnerScope
from reports.models import (
    Breakdown,
    CourseFigureRow,
    CourseFigures,
    DashboardFigureRow,
    DashboardFigures,
    DashboardKind,
)
from reports.selectors.courses import course_report_rows, scoped_enrollments
from reports.selectors.dashboard import (
    certificate_holder_counts,
    dashboard_course_rows,
    dashboard_per_month,
    learner_counts,
)
from reports.selectors.figures import NOT_GIVEN

EVERYONE = LearnerScope(municipality=None)
FIGURE_FIELDS = (
    "enrolled",
    "active",
    "completed",
    "certificates",
    "median",
    "average_score",
)
LOCK_NAMESPACE = 0x43465247  # "CFRG": this module's advisory locks
DASHBOARD_LOCK = 0  # no course has id 0
MARKS_PER_RUN = 10_000


def _lock(key: int) -> None:
    """Wait for the other rebuild of the same figures, if any (till commit)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, key]
            )


def _row_values(row: dict) -> dict:
    score = row["average_score"]
    return {
        "enrolled": row["enrolled"],
        "active": row["active"],
        "completed": row["completed"],
        "certificates": row["certificates"],
        "median": row["median"],
        "average_score": float(score) if score is not None else None,
    }


@transaction.atomic
def course_figures_rebuild(*, course_id: int, now=None) -> CourseFigures | None:
    """Compute the course's report for every learner and store it in place of the
    previous one (idempotent); None, and nothing stored, for a course that is gone."""
    _lock(course_id)
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        CourseFigures.objects.filter(course_id=course_id).delete()
        return None
    now = now or timezone.now()
    overall, by_country, by_gender = course_report_rows(
        course=course, scope=EVERYONE, now=now
    )
    figures, _created = CourseFigures.objects.update_or_create(
        course_id=course_id, defaults={"built_at": now}
    )
    CourseFigureRow.objects.filter(figures=figures).delete()
    rows = [(Breakdown.OVERALL, "", overall)]
    rows += [
        (Breakdown.COUNTRY, key or NOT_GIVEN, row) for key, row in by_country.items()
    ]
    rows += [
        (Breakdown.GENDER, key or NOT_GIVEN, row) for key, row in by_gender.items()
    ]
    CourseFigureRow.objects.bulk_create(
        CourseFigureRow(
            figures=figures, breakdown=breakdown, key=key, **_row_values(row)
        )
        for breakdown, key, row in rows
    )
    return figures


@transaction.atomic
def dashboard_figures_rebuild(*, now=None) -> DashboardFigures:
    """Compute the dashboard's counts for every learner and store them in place of
    the previous ones (idempotent)."""
    _lock(DASHBOARD_LOCK)
    now = now or timezone.now()
    figures, _created = DashboardFigures.objects.update_or_create(
        pk=1, defaults={"built_at": now}
    )
    DashboardFigureRow.objects.filter(figures=figures).delete()
    enrolled, completed = dashboard_per_month(EVERYONE)
    rows = [
        DashboardFigureRow(kind=kind, month=datetime.date(year, month, 1), count=count)
        for kind, counts in (
            (DashboardKind.ENROLMENTS, enrolled),
            (DashboardKind.COMPLETIONS, completed),
        )
        for (year, month), count in counts.items()
    ]
    rows += [
        DashboardFigureRow(
            kind=DashboardKind.COURSE,
            course_id=row["course_id"],
            count=row["enrolled"],
            completed=row["completed"],
        )
        for row in dashboard_course_rows(scoped_enrollments(scope=EVERYONE))
    ]
    learners: dict[tuple[str, str], int] = {}
    for row in learner_counts(EVERYONE):
        key = (
            row["profile__municipality__country"] or NOT_GIVEN,
            row["profile__gender"] or NOT_GIVEN,
        )
        learners[key] = learners.get(key, 0) + row["count"]
    rows += [
        DashboardFigureRow(
            kind=DashboardKind.LEARNERS, country=country, gender=gender, count=count
        )
        for (country, gender), count in learners.items()
    ]
    holders: dict[str, int] = {}
    for gender, count in certificate_holder_counts(EVERYONE).items():
        holders[gender or NOT_GIVEN] = holders.get(gender or NOT_GIVEN, 0) + count
    rows += [
        DashboardFigureRow(kind=DashboardKind.HOLDERS, gender=gender, count=count)
        for gender, count in holders.items()
    ]
    for row in rows:
        row.figures = figures
    DashboardFigureRow.objects.bulk_create(rows)
    return figures


def report_figures_pending_rebuild() -> int:
    """Rebuild the figures of every course marked as changed, then the dashboard's,
    and delete the marks consumed; returns how many courses were rebuilt.

    Only the marks read here are deleted (by id): a mark committed meanwhile, even
    with a smaller id (ids are not committed in order), stays for the next run, since
    its change may not be in what this run read.
    """
    marks = list(
        FiguresChange.objects.order_by("pk").values_list("pk", "course_id")[
            :MARKS_PER_RUN
        ]
    )
    if not marks:
        return 0
    course_ids = sorted({course_id for _pk, course_id in marks})
    for course_id in course_ids:
        course_figures_rebuild(course_id=course_id)
    dashboard_figures_rebuild()
    _marks_delete([pk for pk, _course_id in marks])
    return len(course_ids)


def report_figures_rebuild_all() -> int:
    """Recompute the stored figures of every course and the dashboard (idempotent),
    consuming the marks read before it started. Returns the number of courses."""
    marks = list(FiguresChange.objects.values_list("pk", flat=True))
    course_ids = list(CoursePage.objects.order_by("pk").values_list("pk", flat=True))
    for course_id in course_ids:
        course_figures_rebuild(course_id=course_id)
    dashboard_figures_rebuild()
    CourseFigures.objects.exclude(course_id__in=course_ids).delete()
    _marks_delete(marks)
    return len(course_ids)


def _marks_delete(ids: list[int]) -> None:
    for start in range(0, len(ids), 1000):
        FiguresChange.objects.filter(pk__in=ids[start : start + 1000]).delete()


# --------------------------------------------------------------------------- reads


def _as_row(row: CourseFigureRow | dict) -> dict:
    if isinstance(row, dict):
        return {name: row[name] for name in FIGURE_FIELDS}
    return {name: getattr(row, name) for name in FIGURE_FIELDS}


def course_figures_rows_get(*, course: CoursePage) -> tuple[dict, dict, dict]:
    """The stored rows of the course's report, as ``course_report_rows`` returns them
    (one query; the figures are computed first when none is stored)."""
    rows = list(CourseFigureRow.objects.filter(figures__course_id=course.pk))
    if not rows:
        course_figures_rebuild(course_id=course.pk)
        rows = list(CourseFigureRow.objects.filter(figures__course_id=course.pk))
    overall, by_country, by_gender = None, {}, {}
    for row in rows:
        if row.breakdown == Breakdown.OVERALL:
            overall = _as_row(row)
        elif row.breakdown == Breakdown.COUNTRY:
            by_country[row.key] = _as_row(row)
        else:
            by_gender[row.key] = _as_row(row)
    return overall, by_country, by_gender


def course_figures_overall_get(*, course_ids: list[int]) -> dict[int, dict]:
    """``{course id: stored overall row}`` of the courses (one query; the figures of
    a course with none stored are computed first)."""

    def read():
        return {
            row["figures__course_id"]: _as_row(row)
            for row in CourseFigureRow.objects.filter(
                breakdown=Breakdown.OVERALL, figures__course_id__in=course_ids
            ).values("figures__course_id", *FIGURE_FIELDS)
        }

    rows = read()
    missing = [pk for pk in course_ids if pk not in rows]
    if missing:
        for course_id in missing:
            course_figures_rebuild(course_id=course_id)
        rows = read()
    return rows


def dashboard_figures_rows_get() -> dict:
    """The stored dashboard, as the arguments of ``dashboard_from_rows`` but
    ``today`` (one query; computed first when none is stored)."""
    rows = _dashboard_rows()
    if not rows and not DashboardFigures.objects.exists():
        dashboard_figures_rebuild()
        rows = _dashboard_rows()
    enrolled, completed, course_rows, learners, holders = {}, {}, [], [], {}
    for row in rows:
        kind = row["kind"]
        if kind in (DashboardKind.ENROLMENTS, DashboardKind.COMPLETIONS):
            months = enrolled if kind == DashboardKind.ENROLMENTS else completed
            months[(row["month"].year, row["month"].month)] = row["count"]
        elif kind == DashboardKind.COURSE:
            course_rows.append(
                {
                    "course_id": row["course_id"],
                    "course__title": row["course__title"],
                    "enrolled": row["count"],
                    "completed": row["completed"],
                }
            )
        elif kind == DashboardKind.LEARNERS:
            learners.append(
                {
                    "profile__municipality__country": row["country"],
                    "profile__gender": row["gender"],
                    "count": row["count"],
                }
            )
        else:
            holders[row["gender"]] = row["count"]
    return {
        "enrolled": enrolled,
        "completed": completed,
        "course_rows": course_rows,
        "learner_counts": learners,
        "holder_counts": holders,
    }


def _dashboard_rows() -> list[dict]:
    return list(
        DashboardFigureRow.objects.filter(
            Q(course__isnull=True) | Q(course__live=True)
        )
        .values(
            "kind", "month", "country", "gender", "count", "completed", "course_id",
            "course__title",
        )
        .order_by("kind", "course__title")
    )  # fmt: skip
