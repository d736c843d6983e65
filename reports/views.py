"""The coordinator's page of the public site (``/ma-ville/``) and its download.

A city coordinator follows their own city's staff: who is enrolled where and how far
they are, and the report figures of their city. The scope is the one rule of
``learners.scope.city_scope_get`` (the city the visitor coordinates, 403 for anybody
else, staff who see every city in the admin included); the CSV is written by the one
CSV writer of Campus (``reports.exports.csv_response``).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from learners.scope import LearnerScope, city_scope_get
from learners.selectors import city_course_choices, city_staff_list
from reports import charts
from reports.exports import csv_response
from reports.selectors import city_report_get


def city_course_filter(request, municipality) -> tuple[list, int | None]:
    """The courses of the city's staff, and the one chosen in the query string (None
    for all, or for a course that is not one of them)."""
    choices = city_course_choices(municipality=municipality)
    raw = request.GET.get("course", "")
    course_id = (
        int(raw)
        if raw.isdigit() and int(raw) in {pk for pk, _title in choices}
        else None
    )
    return choices, course_id


def city_figures(scope: LearnerScope) -> dict:
    """The report figures of the coordinator's city: ``course_figures`` (a row each),
    ``learners`` and ``certificate_holders`` (gender shares), ``gender_rows`` and
    ``women_chart``."""
    report = city_report_get(scope=scope)
    return {
        "municipality": scope.municipality,
        "course_figures": [figures for _course, figures in report.courses],
        "learners": report.learners,
        "certificate_holders": report.certificate_holders,
        "gender_rows": report.gender_rows,
        "women_chart": charts.women_share_chart(
            chart_id="city-women-chart",
            learners=report.learners,
            certificate_holders=report.certificate_holders,
        ),
    }


@login_required
@require_GET
def city_staff(request):
    scope = city_scope_get(user=request.user)
    municipality = scope.municipality
    choices, course_id = city_course_filter(request, municipality)
    return render(
        request,
        "reports/city_staff.html",
        {
            "municipality": municipality,
            "members": city_staff_list(municipality=municipality, course_id=course_id),
            "course_choices": choices,
            "course_id": course_id,
            "report": city_figures(scope),
        },
    )


def _day(value):
    return value.date() if value else None


def city_staff_rows(members):
    """One line per enrolment of each member (one empty line for a member with none)."""
    for member in members:
        for enrollment in member.enrollments or [None]:
            yield [
                member.user.last_name,
                member.user.first_name,
                member.user.email,
                member.profile.job_title,
                member.profile.department,
                enrollment.course.title if enrollment else "",
                enrollment.percent if enrollment else "",
                _day(enrollment.enrolled_at) if enrollment else "",
                _day(enrollment.last_activity_at) if enrollment else "",
                _day(enrollment.completed_at) if enrollment else "",
            ]


@login_required
@require_GET
def city_staff_csv(request):
    municipality = city_scope_get(user=request.user).municipality
    _choices, course_id = city_course_filter(request, municipality)
    members = city_staff_list(municipality=municipality, course_id=course_id)
    headings = [
        _("Last name"),
        _("First name"),
        _("E-mail"),
        _("Job title"),
        _("Department"),
        _("Course"),
        _("Progress (%)"),
        _("Enrolled on"),
        _("Last activity"),
        _("Completed on"),
    ]
    return csv_response(
        headings,
        city_staff_rows(members),
        filename=f"campus-{slugify(municipality.name)}",
    )
