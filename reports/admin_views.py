"""The reports in the Wagtail admin: the overview of the courses, one course's report
(overall, by country, by gender, for a range of enrolment dates) and the dashboard
panel of the admin home.

Who sees what is ``learners.scope.learner_scope_get``'s rule, asked once per request
(``learner_scope_or_none``): users it refuses get a 403 from the views, and neither the
menu item nor the panel. Bad input never gets an error page: a date that is not a
date, or a range that ends before it starts, is reported and ignored; a course that
does not exist or is not the user's gets a 404 page that says so.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from learners.scope import LearnerScope, learner_scope_or_none
from reports import charts
from reports.exports import csv_response, xlsx_response
from reports.selectors import (
    course_report_get,
    course_report_list,
    dashboard_get,
    figures_freshness_get,
    report_course_get,
    stored_figures_apply,
)


def scope_label(scope: LearnerScope) -> str:
    if scope.everything:
        return _("Every learner of Campus is counted.")
    return _("Only the learners of %(city)s are counted.") % {
        "city": scope.municipality.name
    }


# --------------------------------------------------------------------------- filters


# Campus has no enrolment before 2000; the bounds keep date arithmetic in range.
DATE_BOUNDS = [
    MinValueValidator(datetime.date(2000, 1, 1)),
    MaxValueValidator(datetime.date(2999, 12, 31)),
]


class ReportFilterForm(forms.Form):
    date_from = forms.DateField(
        label=gettext_lazy("Enrolled from"),
        required=False,
        validators=DATE_BOUNDS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=gettext_lazy("Enrolled until"),
        required=False,
        validators=DATE_BOUNDS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError(
                _(
                    "The end date is before the start date: the dates were ignored "
                    "and every enrolment is counted."
                )
            )
        return cleaned


def report_filters_get(request) -> tuple[dict, ReportFilterForm]:
    """The valid dates of the query string and the form showing them; every invalid
    value is reported as a message and dropped (a backwards range drops both)."""
    form = ReportFilterForm(request.GET)
    if form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v is not None}
    else:
        for name, errors in form.errors.items():
            if name in form.fields:
                text = _("The filter “%(filter)s” was ignored: %(error)s") % {
                    "filter": form.fields[name].label,
                    "error": " ".join(errors),
                }
            else:
                text = " ".join(errors)
            messages.warning(request, text)
        filters = {
            name: value
            for name, value in getattr(form, "cleaned_data", {}).items()
            if value is not None and "__all__" not in form.errors
        }
    return filters, ReportFilterForm(initial=filters)


# --------------------------------------------------------------------------- views


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """Refuses users without a report scope (403), on every request."""

    header_icon = "table"
    scope: LearnerScope

    def dispatch(self, request, *args, **kwargs):
        scope = learner_scope_or_none(request.user)
        if scope is None:
            raise PermissionDenied
        self.scope = scope
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("reports_admin:course_list"),
                "label": _("Course reports"),
            },
            *self.extra_breadcrumbs(),
        ]

    def extra_breadcrumbs(self) -> list[dict]:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["scope"] = self.scope
        context["scope_label"] = scope_label(self.scope)
        return context


class CourseReportListView(ReportView):
    template_name = "reports/admin/course_list.html"
    page_title = gettext_lazy("Course reports")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures_rows"] = [
            figures for _course, figures in course_report_list(scope=self.scope)
        ]
        if stored_figures_apply(scope=self.scope):
            context["freshness"] = figures_freshness_get()
        return context


#: The columns of a course report's tables, as exported.
FIGURE_COLUMNS = (
    (gettext_lazy("Enrolled"), lambda figures: figures.enrolled),
    (gettext_lazy("Active in the last 30 days"), lambda figures: figures.active),
    (gettext_lazy("Completed"), lambda figures: figures.completed),
    (gettext_lazy("Completion rate (%)"), lambda figures: figures.completion_rate),
    (
        gettext_lazy("Median time to complete (days)"),
        lambda figures: figures.median_days,
    ),
    (
        gettext_lazy("Average course score (%)"),
        lambda figures: figures.average_score,
    ),
    (gettext_lazy("Certificates issued"), lambda figures: figures.certificates),
)


def course_report_export_headings() -> list[str]:
    return [_("Table"), _("Row"), *(str(label) for label, _value in FIGURE_COLUMNS)]


def course_report_export_rows(report) -> list[list]:
    """The three tables of a course report (all learners, by country, by gender) as
    the lines of one sheet, each line naming its table."""
    tables = (
        (_("All learners"), report.overall_rows),
        (_("By country"), report.by_country),
        (_("By gender"), report.by_gender),
    )
    return [
        [table, figures.label, *(value(figures) for _label, value in FIGURE_COLUMNS)]
        for table, rows in tables
        for figures in rows
    ]


EXPORTS = {"csv": csv_response, "xlsx": xlsx_response}


class CourseReportView(ReportView):
    """One course's report; ``?export=csv`` or ``?export=xlsx`` downloads its tables
    (same dates, same scope) through the exports of every listing."""

    template_name = "reports/admin/course_report.html"

    def get(self, request, *args, course_id, **kwargs):
        self.course = report_course_get(scope=self.scope, course_id=course_id)
        if self.course is None:
            return self.response_class(
                request=request,
                template=["reports/admin/course_not_found.html"],
                context={
                    **super().get_context_data(**kwargs),
                    "page_title": _("Course not found"),
                },
                status=404,
            )
        export = EXPORTS.get(request.GET.get("export", ""))
        if export is not None:
            filters, _form = report_filters_get(request)
            report = course_report_get(course=self.course, scope=self.scope, **filters)
            name = f"{slugify(self.course.title)}-{timezone.localdate().isoformat()}"
            return export(
                course_report_export_headings(),
                course_report_export_rows(report),
                filename=name,
            )
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        course = getattr(self, "course", None)
        return course.title if course else _("Course not found")

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters, form = report_filters_get(self.request)
        report = course_report_get(course=self.course, scope=self.scope, **filters)
        query = self.request.GET.copy()
        query.pop("export", None)
        context.update(
            course=self.course,
            report=report,
            export_query=query.urlencode(),
            form=form,
            filtered=bool(filters),
            freshness=figures_freshness_get(course=self.course)
            if stored_figures_apply(scope=self.scope, **filters)
            else None,
            country_chart=charts.rate_chart(
                chart_id="chart-completion-by-country",
                title=_("Completion rate by country (%)"),
                items=[(row.label, row.completion_rate) for row in report.by_country],
            ),
        )
        return context


report_admin_urlpatterns = [
    path("courses/", CourseReportListView.as_view(), name="course_list"),
    path(
        "courses/<str:course_id>/",
        CourseReportView.as_view(),
        name="course_report",
    ),
]


# --------------------------------------------------------------------------- home


class DashboardPanel(Component):
    """The admin home's "Learning at a glance" panel, for users with a scope."""

    name = "campus_learning_dashboard"
    template_name = "reports/admin/dashboard_panel.html"
    order = 50

    def __init__(self, *, scope: LearnerScope):
        self.scope = scope

    def get_context_data(self, parent_context=None):
        dashboard = dashboard_get(scope=self.scope)
        return {
            "dashboard": dashboard,
            "freshness": figures_freshness_get(dashboard=True)
            if stored_figures_apply(scope=self.scope)
            else None,
            "scope_label": scope_label(self.scope),
            "months_chart": charts.grouped_bar_chart(
                chart_id="chart-months",
                title=_("Enrolments and completions per month"),
                categories=[month.label for month in dashboard.months],
                series=[
                    (_("Enrolments"), [m.enrolments for m in dashboard.months]),
                    (_("Completions"), [m.completions for m in dashboard.months]),
                ],
            ),
            "courses_chart": charts.rate_chart(
                chart_id="chart-course-completion",
                title=_("Completion rate per course (%)"),
                items=[(course.title, course.rate) for course in dashboard.courses],
            ),
            "countries_chart": charts.horizontal_bar_chart(
                chart_id="chart-countries",
                title=_("Learners by country"),
                items=[(row.name, row.learners) for row in dashboard.countries],
            ),
            "women_chart": charts.women_share_chart(
                chart_id="chart-women",
                learners=dashboard.learners,
                certificate_holders=dashboard.certificate_holders,
            ),
        }
