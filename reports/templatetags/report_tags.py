"""Report figures on the public site: a city coordinator's page shows their city's
(``{% city_report as report %}`` in templates/learners/city_staff.html)."""

from django import template
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from learners.scope import city_scope_get
from reports import charts
from reports.selectors import city_report_get

register = template.Library()


@register.simple_tag(takes_context=True)
def city_report(context) -> dict | None:
    """The figures of the city the current user coordinates (never another city's,
    even for staff who see every city in the admin), or None for anybody else.

    Gives ``municipality``, ``courses`` (course, figures), ``learners`` and
    ``certificate_holders`` (gender shares), ``gender_rows`` and ``women_chart``.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return None
    try:
        scope = city_scope_get(user=user)
    except PermissionDenied:
        return None
    municipality = scope.municipality
    report = city_report_get(scope=scope)
    return {
        "municipality": municipality,
        "courses": report.courses,
        "learners": report.learners,
        "certificate_holders": report.certificate_holders,
        "gender_rows": report.gender_rows,
        "women_chart": charts.share_chart(
            chart_id="city-women-chart",
            title=_("Share of women (%)"),
            items=[
                (_("Among learners"), report.learners.women_percent),
                (
                    _("Among certificate holders"),
                    report.certificate_holders.women_percent,
                ),
            ],
        ),
    }
