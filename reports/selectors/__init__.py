"""Figures of the reports: per course (overall, by country, by gender), the overview of
every course, the admin home's dashboard and a coordinator's city. One module per
report (``courses``, ``dashboard``, ``city``); the pure helpers they share, without
the database, are ``figures``.

Every figure is aggregated by the database (GROUP BY, conditional counts, averages,
TruncMonth), so each function runs a fixed number of queries whatever the number of
learners, and returns at most one row per course, country, gender or month:

For every learner (no date range, no explicit ``now``/``today``), the three read the
figures stored by reports/services/figures.py instead, in one query each (two for
the course list): rows per course, country, gender and month, never per learner.
Live, for a cohort of dates or a coordinator's city:

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

from reports.selectors.city import CityReport, city_report_get
from reports.selectors.courses import (
    CourseReport,
    Figures,
    course_report_get,
    course_report_list,
    report_course_get,
    stored_figures_apply,
)
from reports.selectors.dashboard import (
    CountryCount,
    CourseRate,
    Dashboard,
    MonthFigures,
    dashboard_get,
    gender_share_get,
)
from reports.selectors.figures import (
    GenderCount,
    GenderShare,
    country_label,
    days,
    gender_labels,
    gender_rows_paired,
    gender_share,
    median_of_middle,
    month_starts,
    rate_percent,
)
from reports.selectors.freshness import FiguresFreshness, figures_freshness_get

__all__ = [
    "CityReport",
    "CountryCount",
    "CourseRate",
    "CourseReport",
    "Dashboard",
    "Figures",
    "FiguresFreshness",
    "GenderCount",
    "GenderShare",
    "MonthFigures",
    "city_report_get",
    "country_label",
    "course_report_get",
    "course_report_list",
    "dashboard_get",
    "days",
    "figures_freshness_get",
    "gender_labels",
    "gender_rows_paired",
    "gender_share",
    "gender_share_get",
    "median_of_middle",
    "month_starts",
    "rate_percent",
    "report_course_get",
    "stored_figures_apply",
]
