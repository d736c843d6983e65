"""Downloads of the public site: the coordinator's page as a spreadsheet.

The page itself is ``learners.views.city_staff``; its CSV is written here, by the one
CSV writer of Campus (``reports.exports.csv_response``), with the same scope rule
(``learners.scope.city_scope_get``: the city the visitor coordinates, 403 otherwise).
"""

from django.contrib.auth.decorators import login_required
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from learners.selectors import city_staff_list
from learners.views import city_course_filter, coordinated_municipality
from reports.exports import csv_response


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
    municipality = coordinated_municipality(request)
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
