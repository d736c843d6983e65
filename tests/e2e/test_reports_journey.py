"""A trainer opens the admin home and a course report: the SVG charts are drawn and
each is followed by a table that holds the same numbers. A city coordinator's public
page carries their city's figures and passes axe-core's WCAG 2.1 AA rules.

The admin is read in the site's language (French) here; the project's strings are
looked up in its French catalogue (``fr()``), so the test holds before and after the
translators' pass.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from learners.models import Enrollment
from learners.roles import Role
from learners.services import city_coordinator_assign, enrollment_create, role_grant
from reports.services.figures import report_figures_rebuild_all
from tests.e2e.test_accessibility import axe  # noqa: F401 (the fixture)
from tests.factories.courses import course_create
from tests.factories.learners import (
    DEFAULT_PASSWORD,
    MunicipalityFactory,
    ProfileFactory,
    UserFactory,
)


def fr(msgid: str) -> str:
    with translation.override("fr"):
        return gettext(msgid)


@pytest.fixture
def campus(catalogue):
    """Budget: Awa and Fatou of Dakar (Awa completed in 5 days), Youssef of Tunis.

    Awa enrolled 6 days ago, so on the first days of a month her enrolment (and on
    the 1st her completion) belongs to the previous month: ``this_month`` says what
    the dashboard's last row must count, from the same dates."""
    course = course_create(
        title="Budget communal", modules=1, lessons_per_module=2, catalog=catalogue
    )
    dakar = MunicipalityFactory(name="Dakar", country="SN")
    tunis = MunicipalityFactory(name="Tunis", country="TN")
    awa = ProfileFactory(municipality=dakar, gender="female").user
    fatou = ProfileFactory(municipality=dakar, gender="female").user
    youssef = ProfileFactory(municipality=tunis, gender="male").user
    for user in (awa, fatou, youssef):
        enrollment_create(user=user, course=course)
    now = timezone.now()
    Enrollment.objects.filter(user=awa).update(
        enrolled_at=now - datetime.timedelta(days=6),
        completed_at=now - datetime.timedelta(days=1),
    )
    # Dates written directly, as a bulk load does: the stored figures are rebuilt
    # by hand then (README, "Report figures"), since no service marked the change.
    report_figures_rebuild_all()
    today = timezone.localdate()

    def in_this_month(moment) -> bool:
        moment = timezone.localtime(moment).date()
        return (moment.year, moment.month) == (today.year, today.month)

    dates = Enrollment.objects.filter(course=course)
    this_month = {
        "enrolments": sum(in_this_month(e.enrolled_at) for e in dates),
        "completions": sum(
            in_this_month(e.completed_at) for e in dates if e.completed_at
        ),
    }
    return {"course": course, "dakar": dakar, "this_month": this_month}


def login(page, base_url: str, path: str, user) -> None:
    page.goto(f"{base_url}{path}")
    page.locator("input[name='username'], input[name='login']").first.fill(user.email)
    page.locator("input[name='password']").fill(DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(lambda url: "/login/" not in url)


def cells(page, table_id: str, row_header: str) -> list[str]:
    row = page.locator(f"#{table_id} tbody tr").filter(
        has=page.get_by_role("rowheader", name=row_header, exact=True)
    )
    expect(row).to_have_count(1)
    return [" ".join(text.split()) for text in row.locator("th, td").all_inner_texts()]


def test_trainer_sees_the_dashboard_chart_and_the_course_report(
    live_server, campus, page, tmp_path
):
    trainer = UserFactory(email="formatrice@campus.example")
    role_grant(user=trainer, role=Role.TRAINER)
    login(page, live_server.url, "/admin/login/", trainer)

    # The admin home: the monthly chart is drawn, named, and followed by its table.
    page.goto(f"{live_server.url}/admin/")
    chart = page.locator("svg#chart-months")
    expect(chart).to_be_visible()
    expect(chart).to_have_attribute("role", "img")
    expect(page.locator("#chart-months-title")).to_have_text(
        fr("Enrolments and completions per month")
    )
    expect(chart.locator("rect[fill='#1d3f73']").first).to_be_visible()
    this_month = page.locator("#dashboard-months tbody tr").last
    expect(this_month.locator("td").first).to_have_text(
        str(campus["this_month"]["enrolments"])
    )
    expect(this_month.locator("td").last).to_have_text(
        str(campus["this_month"]["completions"])
    )
    assert cells(page, "dashboard-courses", "Budget communal") == [
        "Budget communal",
        "3",
        "1",
        "33,3 %",
    ]
    expect(page.locator("svg#chart-countries")).to_be_visible()
    assert cells(page, "dashboard-countries", "Sénégal") == ["Sénégal", "2"]
    expect(page.locator("svg#chart-women")).to_be_visible()
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)

    # From the course table to the course report: chart by country, then its table.
    page.locator("#dashboard-courses").get_by_role(
        "link", name="Budget communal"
    ).click()
    expect(page).to_have_url(re.compile(r"/admin/reports/courses/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Budget communal")
    country_chart = page.locator("svg#chart-completion-by-country")
    expect(country_chart).to_be_visible()
    expect(country_chart.locator("text", has_text="Sénégal")).to_have_count(1)
    assert cells(page, "report-by-country", "Sénégal") == [
        "Sénégal",
        "2",
        "2",
        "1",
        "50 %",
        "5",
        "—",
        "0",
    ]
    assert cells(page, "report-overall", fr("All learners"))[1:5] == [
        "3",
        "3",
        "1",
        "33,3 %",
    ]

    # A backwards range: a message, and every enrolment still counted.
    page.get_by_label(re.compile(re.escape(fr("Enrolled from")))).fill("2026-03-01")
    page.get_by_label(re.compile(re.escape(fr("Enrolled until")))).fill("2026-01-01")
    page.get_by_role("button", name=fr("Filter")).click()
    expect(
        page.get_by_text(
            fr(
                "The end date is before the start date: the dates were ignored "
                "and every enrolment is counted."
            )
        )
    ).to_be_visible()
    assert cells(page, "report-overall", fr("All learners"))[1] == "3"
    page.screenshot(path=str(tmp_path / "course-report.png"), full_page=True)


def test_coordinator_page_shows_the_city_figures_and_passes_axe(
    live_server,
    campus,
    page,
    axe,  # noqa: F811
):
    coordinator = UserFactory(email="coordination@dakar.example")
    city_coordinator_assign(user=coordinator, municipality=campus["dakar"])
    login(page, live_server.url, "/accounts/login/", coordinator)
    city_page = f"{live_server.url}{reverse('reports:city_staff')}"
    page.goto(city_page)
    assert cells(page, "city-course-figures", "Budget communal")[:2] == [
        "Budget communal",
        "2",
    ]
    expect(page.locator("svg#city-women-chart")).to_be_visible()
    assert cells(page, "city-women", fr("Woman"))[1:3] == ["2", "100 %"]
    assert axe(city_page) == []
