"""How fresh the stored figures a report shows are (reports/services/figures.py)."""

import datetime
from dataclasses import dataclass

from django.db.models import Min

from courses.models import CoursePage
from learners.models import FiguresChange
from reports.models import CourseFigures, DashboardFigures


@dataclass(frozen=True)
class FiguresFreshness:
    built_at: datetime.datetime
    pending: bool  # changes are marked and not counted yet: a rebuild is coming


def figures_freshness_get(
    *, course: CoursePage | None = None, dashboard: bool = False
) -> FiguresFreshness | None:
    """When the stored figures were computed, and whether changes are waiting: the
    course's; the dashboard's with ``dashboard``; otherwise the oldest of the live
    courses'. None when nothing is stored. Two queries."""
    if course is not None:
        built_at = (
            CourseFigures.objects.filter(course_id=course.pk)
            .values_list("built_at", flat=True)
            .first()
        )
        marks = FiguresChange.objects.filter(course_id=course.pk)
    elif dashboard:
        built_at = DashboardFigures.objects.values_list("built_at", flat=True).first()
        marks = FiguresChange.objects.all()
    else:
        built_at = CourseFigures.objects.filter(course__live=True).aggregate(
            oldest=Min("built_at")
        )["oldest"]
        marks = FiguresChange.objects.all()
    if built_at is None:
        return None
    return FiguresFreshness(built_at=built_at, pending=marks.exists())
