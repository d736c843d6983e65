"""The pure figure helpers of the reports: percentages, medians, days, months,
labels and gender shares. No database: the selectors of the package aggregate in SQL
and hand their rows to these."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django_countries import countries

from learners.models import Gender

DASHBOARD_MONTHS = 12
NOT_GIVEN = ""  # gender or country left empty, or no profile at all


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
