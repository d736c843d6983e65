"""Stored report figures: each course's report (overall, by country, by gender) and
the admin home's dashboard, rebuilt by reports/services/figures.py from the live
selectors, so that a report reads a number of rows that depends on the number of
courses, countries, genders and months, never on the number of learners."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseFigures(models.Model):
    """When a course's stored figures were last computed (its rows hang off it)."""

    course = models.OneToOneField(
        "courses.CoursePage",
        on_delete=models.CASCADE,  # derived data: rebuilt from the learner records
        related_name="+",
        verbose_name=_("course"),
    )
    built_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("course figures")
        verbose_name_plural = _("course figures")

    def __str__(self):
        return f"{self.course_id} @ {self.built_at:%Y-%m-%d %H:%M}"


class Breakdown(models.TextChoices):
    OVERALL = "overall", _("All learners")
    COUNTRY = "country", _("By country")
    GENDER = "gender", _("By gender")


class CourseFigureRow(models.Model):
    """One row of a course's report for every learner: overall, one country (its
    code, "" when not given) or one gender ("" when not given), as the live
    aggregate returned it (the median exact, the average score unrounded)."""

    figures = models.ForeignKey(
        CourseFigures,
        on_delete=models.CASCADE,
        related_name="rows",
        verbose_name=_("course figures"),
    )
    breakdown = models.CharField(
        _("breakdown"), max_length=8, choices=Breakdown.choices
    )
    key = models.CharField(_("country or gender"), max_length=16, blank=True)
    enrolled = models.PositiveIntegerField(_("enrolled"))
    active = models.PositiveIntegerField(_("active"))
    completed = models.PositiveIntegerField(_("completed"))
    certificates = models.PositiveIntegerField(_("certificates"))
    median = models.DurationField(_("median time to complete"), null=True)
    average_score = models.FloatField(_("average course score"), null=True)

    class Meta:
        verbose_name = _("course figures row")
        verbose_name_plural = _("course figures rows")
        constraints = [
            models.UniqueConstraint(
                fields=["figures", "breakdown", "key"],
                name="course_figure_row_unique",
            )
        ]

    def __str__(self):
        return f"{self.figures_id} {self.breakdown} {self.key}"


class DashboardFigures(models.Model):
    """When the admin home's stored figures were last computed (one row)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    built_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("dashboard figures")
        verbose_name_plural = _("dashboard figures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(id=1), name="dashboard_figures_single"
            )
        ]

    def __str__(self):
        return f"{self.built_at:%Y-%m-%d %H:%M}"


class DashboardKind(models.TextChoices):
    ENROLMENTS = "enrolments", _("Enrolments in a month")
    COMPLETIONS = "completions", _("Completions in a month")
    COURSE = "course", _("Enrolments and completions of a course")
    LEARNERS = "learners", _("Learners of a country and gender")
    HOLDERS = "holders", _("Certificate holders of a gender")


class DashboardFigureRow(models.Model):
    """One count of the dashboard for every learner. Distinct learners cannot be
    added up from the courses' rows, so learners and certificate holders are counted
    here for the whole campus; months are kept for all time (the dashboard shows the
    last 12 of them)."""

    figures = models.ForeignKey(
        DashboardFigures,
        on_delete=models.CASCADE,
        related_name="rows",
        verbose_name=_("dashboard figures"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=DashboardKind.choices)
    month = models.DateField(_("month"), null=True)
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
        verbose_name=_("course"),
    )
    country = models.CharField(_("country"), max_length=2, blank=True)
    gender = models.CharField(_("gender"), max_length=16, blank=True)
    count = models.PositiveIntegerField(_("count"))
    completed = models.PositiveIntegerField(_("completed"), default=0)

    class Meta:
        verbose_name = _("dashboard figures row")
        verbose_name_plural = _("dashboard figures rows")

    def __str__(self):
        return f"{self.kind} {self.month or self.course_id or self.gender}"
