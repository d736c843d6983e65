"""The report screens: who sees which figures (admin overview, course report, home
panel, a coordinator's public page), how bad input is answered, and query counts
that do not grow with the data.

The data is the hand-computed campus of tests/reports/test_statistics.py. The
"active in the last 30 days" column depends on today's date, so these tests leave it
to the selector tests (which fix "now").
"""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from courses.models import CoursePage, LessonPage
from learners.roles import Role
from learners.scope import LearnerScope
from learners.services import city_coordinator_assign, role_grant
from reports.selectors import dashboard_get
from tests.factories.courses import course_create
from tests.factories.learners import ProfileFactory, UserFactory
from tests.reports.test_statistics import campus_build, grow

pytestmark = pytest.mark.django_db

ACTIVE = 2  # index of the "active in the last 30 days" cell in a figures row


class TableReader(HTMLParser):
    """The text of every cell of every table, by the table's id."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.current = None
        self.row = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.current = dict(attrs).get("id", "")
            self.tables[self.current] = []
        elif tag == "tr" and self.current is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.current].append(self.row)
            self.row = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables(response) -> dict[str, list[list[str]]]:
    reader = TableReader()
    reader.feed(response.content.decode())
    return reader.tables


def without_active(row: list[str]) -> list[str]:
    return row[:ACTIVE] + row[ACTIVE + 1 :]


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def staff(role: Role):
    user = UserFactory()
    role_grant(user=user, role=role)
    return user


def admin_coordinator(city):
    """A city coordinator to whom someone gave the admin (not the default)."""
    user = UserFactory()
    city_coordinator_assign(user=user, municipality=city)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def campus():
    return campus_build()


@pytest.fixture
def trainer():
    return staff(Role.TRAINER)


def report_url(course) -> str:
    return reverse("reports_admin:course_report", args=[course.pk])


# --------------------------------------------------------------------------- figures


def test_trainer_sees_every_course_in_the_overview(client, campus, trainer):
    """Enrolled, completed, rate, median days, mean course score and certificates of
    each live course, in French."""
    client.force_login(trainer)
    response = client.get(reverse("reports_admin:course_list"))
    assert response.status_code == 200
    rows = [without_active(row) for row in tables(response)[""][1:]]
    assert rows == [
        ["Budget", "6", "4", "66,7 %", "8", "39 %", "2"],
        ["ISO 37001", "1", "0", "0 %", "—", "10 %", "0"],
    ]


def test_trainer_sees_the_course_report_by_country_and_gender(client, campus, trainer):
    client.force_login(trainer)
    response = client.get(report_url(campus.budget))
    assert response.status_code == 200
    found = tables(response)
    assert without_active(found["report-overall"][1]) == [
        gettext("All learners"),
        "6",
        "4",
        "66,7 %",
        "8",
        "39 %",
        "2",
    ]
    assert [without_active(row) for row in found["report-by-country"][1:]] == [
        ["Sénégal", "3", "2", "66,7 %", "7", "49 %", "1"],
        ["Tunisie", "2", "1", "50 %", "6", "45 %", "1"],
        [gettext("Not given"), "1", "1", "100 %", "20", "0 %", "0"],
    ]
    assert [without_active(row) for row in found["report-by-gender"][1:]] == [
        [gettext("Woman"), "2", "2", "100 %", "7", "60 %", "1"],
        [gettext("Man"), "2", "1", "50 %", "6", "58 %", "1"],
        [gettext("Other"), "0", "0", "—", "—", "—", "0"],
        [gettext("Prefer not to say"), "1", "0", "0 %", "—", "0 %", "0"],
        [gettext("Not given"), "1", "1", "100 %", "20", "0 %", "0"],
    ]
    body = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="campus-chart"' in body
    assert 'role="img"' in body and "<script" not in body.split("<svg")[1]


def test_certificate_admin_and_superuser_see_every_city(client, campus):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    for user in (staff(Role.CERTIFICATE_ADMIN), superuser):
        client.force_login(user)
        response = client.get(report_url(campus.budget))
        assert response.status_code == 200
        assert tables(response)["report-overall"][1][1] == "6"


def test_date_range_counts_the_learners_who_enrolled_in_it(client, campus, trainer):
    client.force_login(trainer)
    response = client.get(
        report_url(campus.budget), {"date_from": "2026-01-24", "date_to": "2026-02-23"}
    )
    assert tables(response)["report-overall"][1][1] == "3"
    assert messages_of(response) == []


# --------------------------------------------------------------------------- bad input


def test_a_backwards_range_is_reported_and_ignored(client, campus, trainer):
    client.force_login(trainer)
    response = client.get(
        report_url(campus.budget), {"date_from": "2026-03-01", "date_to": "2026-01-01"}
    )
    assert response.status_code == 200
    assert tables(response)["report-overall"][1][1] == "6"
    assert messages_of(response) == [
        gettext(
            "The end date is before the start date: the dates were ignored "
            "and every enrolment is counted."
        )
    ]


@pytest.mark.parametrize("date_from", ["banana", "2026-02-30", "0001-01-01"])
def test_a_date_that_is_not_a_date_is_reported_and_ignored(
    client, campus, trainer, date_from
):
    client.force_login(trainer)
    response = client.get(
        report_url(campus.budget), {"date_from": date_from, "date_to": "2026-02-23"}
    )
    assert response.status_code == 200
    assert tables(response)["report-overall"][1][1] == "5"  # only date_to applies
    [message] = messages_of(response)
    assert gettext("Enrolled from") in message


def test_a_date_at_the_end_of_the_calendar_is_reported_not_a_crash(
    client, campus, trainer
):
    client.force_login(trainer)
    response = client.get(report_url(campus.budget), {"date_to": "9999-12-31"})
    assert response.status_code == 200
    assert tables(response)["report-overall"][1][1] == "6"
    [message] = messages_of(response)
    assert gettext("Enrolled until") in message


@pytest.mark.parametrize(
    "course_id", ["999999", "abc", "-1", "99999999999999999999", "lesson"]
)
def test_an_unknown_course_gets_a_404_that_says_so(client, campus, trainer, course_id):
    if course_id == "lesson":
        course_id = str(LessonPage.objects.first().pk)
    client.force_login(trainer)
    response = client.get(
        reverse("reports_admin:course_report", args=[course_id]),
    )
    assert response.status_code == 404
    assert (
        gettext("This course does not exist, or its report is not one you may see.")
        in response.content.decode()
    )


def test_a_coordinator_cannot_open_a_draft_course_of_other_cities(client, campus):
    draft = course_create(title="Brouillon", modules=1, lessons_per_module=1)
    CoursePage.objects.filter(pk=draft.pk).update(live=False)
    client.force_login(admin_coordinator(campus.dakar))
    assert client.get(report_url(draft)).status_code == 404
    assert client.get(report_url(campus.budget)).status_code == 200


# --------------------------------------------------------------------------- roles


def test_a_learner_gets_no_report(client, campus):
    client.force_login(ProfileFactory().user)
    for url in (reverse("reports_admin:course_list"), report_url(campus.budget)):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"Budget" not in response.content
    client.logout()
    assert client.get(report_url(campus.budget)).status_code == 302


def test_an_admin_user_without_a_role_has_no_panel_menu_or_report(client, campus):
    """A Wagtail editor with no Campus role: admin home without the panel or the menu
    item, and the report refused (Wagtail sends them home with a message)."""
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    body = home.content.decode()
    assert "campus-learning-dashboard" not in body
    assert "course-reports" not in body
    response = client.get(report_url(campus.budget))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_a_coordinator_with_the_admin_sees_only_their_city(client, campus):
    client.force_login(admin_coordinator(campus.dakar))
    response = client.get(report_url(campus.budget))
    found = tables(response)
    assert without_active(found["report-overall"][1])[1:] == [
        "2",
        "2",
        "100 %",
        "7",
        "60 %",
        "1",
    ]
    assert [row[0] for row in found["report-by-country"][1:]] == ["Sénégal"]
    overview = tables(client.get(reverse("reports_admin:course_list")))[""]
    assert [row[1] for row in overview[1:]] == ["2", "1"]
    home = tables(client.get(reverse("wagtailadmin_home")))
    assert home["dashboard-countries"][1:] == [["Sénégal", "2"]]


def test_the_admin_home_shows_the_dashboard_with_its_tables(client, campus, trainer):
    client.force_login(trainer)
    response = client.get(reverse("wagtailadmin_home"))
    body = response.content.decode()
    assert body.count('class="campus-chart"') == 4
    found = tables(response)
    expected = dashboard_get(scope=LearnerScope(municipality=None))  # as of today
    assert found["dashboard-months"][1:] == [
        [month.label, str(month.enrolments), str(month.completions)]
        for month in expected.months
    ]
    assert found["dashboard-courses"][1:] == [
        ["Budget", "6", "4", "66,7 %"],
        ["ISO 37001", "1", "0", "0 %"],
    ]
    assert found["dashboard-countries"][1:] == [
        ["Sénégal", "3"],
        ["Tunisie", "2"],
        [gettext("Not given"), "1"],
    ]
    assert found["dashboard-women"][1] == [gettext("Woman"), "2", "33,3 %", "1", "50 %"]
    assert found["dashboard-women"][-1] == [
        gettext("Total"),
        "6",
        "100 %",
        "2",
        "100 %",
    ]


def test_the_learning_menu_holds_the_course_reports_for_staff_only(rf, trainer):
    from wagtail.admin.menu import admin_menu

    def shown(user) -> dict[str, list[str]]:
        request = rf.get("/admin/")
        request.user = user
        return {
            item.name: [sub.name for sub in item.menu.menu_items_for_request(request)]
            for item in admin_menu.menu_items_for_request(request)
            if item.name == "learning"
        }

    assert "course-reports" in shown(trainer)["learning"]
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert "course-reports" not in shown(editor).get("learning", [])


# --------------------------------------------------------------------------- public page


def test_coordinators_public_page_shows_their_city_figures_only(client, campus):
    """Dakar's coordinator: Budget (Awa, Fatou) and ISO (Awa); never Tunis' or Thiès'."""
    coordinator = UserFactory()
    city_coordinator_assign(user=coordinator, municipality=campus.dakar)
    client.force_login(coordinator)
    response = client.get(reverse("reports:city_staff"))
    assert response.status_code == 200
    found = tables(response)
    assert [without_active(row) for row in found["city-course-figures"][1:]] == [
        ["Budget", "2", "2", "100 %", "7", "60 %", "1"],
        ["ISO 37001", "1", "0", "0 %", "—", "10 %", "0"],
    ]
    assert found["city-women"][1] == [gettext("Woman"), "2", "100 %", "1", "100 %"]
    assert found["city-women"][-1] == [gettext("Total"), "2", "100 %", "1", "100 %"]
    assert 'id="city-women-chart"' in response.content.decode()

    other = UserFactory()
    city_coordinator_assign(user=other, municipality=campus.tunis)
    client.force_login(other)
    found = tables(client.get(reverse("reports:city_staff")))
    assert [without_active(row) for row in found["city-course-figures"][1:]] == [
        ["Budget", "2", "1", "50 %", "6", "45 %", "1"],
    ]


def test_a_trainer_who_coordinates_a_city_sees_only_that_city_on_the_public_page(
    client, campus, trainer
):
    city_coordinator_assign(user=trainer, municipality=campus.tunis)
    client.force_login(trainer)
    found = tables(client.get(reverse("reports:city_staff")))
    assert [row[1] for row in found["city-course-figures"][1:]] == ["2"]


# --------------------------------------------------------------------------- queries


def count_queries(client, url) -> int:
    client.get(url)  # warm the caches (site root, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_report_pages_queries_do_not_grow_with_the_data(client, campus, trainer):
    """Overview, course report, admin home and a coordinator's public page: the same
    number of queries with 10× more learners."""
    coordinator = UserFactory()
    city_coordinator_assign(user=coordinator, municipality=campus.dakar)
    pages = [
        (trainer, reverse("reports_admin:course_list")),
        (trainer, report_url(campus.budget)),
        (trainer, report_url(campus.budget) + "?date_from=2026-01-01"),
        (trainer, reverse("wagtailadmin_home")),
        (coordinator, reverse("reports:city_staff")),
    ]

    def measure():
        counts = []
        for user, url in pages:
            client.force_login(user)
            counts.append(count_queries(client, url))
        return counts

    small = measure()
    grow(campus, 10)
    large = measure()
    print(
        f"queries ({connection.vendor}): {dict(zip([u for _, u in pages], small, strict=True))}"
    )
    assert small == large


# --------------------------------------------------------------------------- exports


def _csv_export(client, url, params, delimiter=";"):
    import csv
    import io

    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _no_active(row):
    return row[:3] + row[4:]  # table, row, enrolled | completed...


def test_course_report_downloads_as_csv_with_its_three_tables(client, campus, trainer):
    """The course report's CSV holds the overall, country and gender rows, with
    French decimal commas and ';' between fields."""
    client.force_login(trainer)
    rows = _csv_export(client, report_url(campus.budget), {"export": "csv"})

    assert rows[0][:3] == [gettext("Table"), gettext("Row"), gettext("Enrolled")]
    lines = [_no_active(row) for row in rows[1:]]
    assert lines[0] == [
        gettext("All learners"),
        gettext("All learners"),
        "6",
        "4",
        "66,7",
        "8,0",
        "39,2",
        "2",
    ]
    assert [gettext("By country"), "Sénégal", "3", "2", "66,7", "7,0", "48,5", "1"] in (
        lines
    )
    assert sum(1 for line in lines if line[0] == gettext("By gender")) == 5


def test_course_report_export_keeps_the_dates_and_the_city(client, campus):
    """A coordinator's export counts their city's learners enrolled in the range."""
    coordinator = admin_coordinator(campus.tunis)
    client.force_login(coordinator)
    rows = _csv_export(client, report_url(campus.budget), {"export": "csv"})
    assert rows[1][2] == "2"  # Tunis's two learners, not the six of every city
    assert all("Sénégal" != row[1] for row in rows)


def test_course_report_downloads_as_xlsx(client, campus, trainer):
    """The XLSX has the same lines, numbers kept as numbers."""
    import io

    import openpyxl

    client.force_login(trainer)
    response = client.get(report_url(campus.budget), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content))
    ).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[1][:3] == [gettext("All learners"), gettext("All learners"), 6]
    assert len(rows) == 1 + 1 + 3 + 5


def test_course_report_page_links_to_its_exports(client, campus, trainer):
    """The report page offers CSV and XLSX downloads of what it shows."""
    client.force_login(trainer)
    body = client.get(
        report_url(campus.budget), {"date_from": "2026-01-24"}
    ).content.decode()
    assert "date_from=2026-01-24&amp;export=csv" in body
    assert "export=xlsx" in body
