"""At 1366 × 900 (a common laptop), the admin's report tables show every column:
the table fits, or it scrolls sideways inside its own container, so the last column
can always be reached; the page itself never gets wider than the screen."""

import pytest

from learners.roles import Role
from learners.services import enrollment_create, role_grant
from tests.e2e.test_reports_journey import login
from tests.factories.courses import course_create
from tests.factories.learners import MunicipalityFactory, ProfileFactory, UserFactory

REACH = """(selector) => {
    const table = document.querySelector(selector);
    const cells = table.querySelectorAll('tr:first-child > *');
    const last = cells[cells.length - 1];
    const scroller = table.closest('.campus-table-scroll');
    if (scroller) scroller.scrollLeft = scroller.scrollWidth;
    let clipRight = window.innerWidth;
    for (let el = table.parentElement; el; el = el.parentElement) {
        if (getComputedStyle(el).overflowX !== 'visible') {
            clipRight = Math.min(clipRight, el.getBoundingClientRect().right);
        }
    }
    return {
        lastRight: last.getBoundingClientRect().right,
        clipRight: clipRight,
        pageWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
    };
}"""


@pytest.fixture
def report_data(catalogue):
    course = course_create(
        title="Marchés publics : prévenir la corruption dans les achats de la commune",
        modules=1,
        lessons_per_module=1,
        catalog=catalogue,
    )
    city = MunicipalityFactory(
        name="Communauté urbaine de Port-au-Prince et environs", country="HT"
    )
    for number in range(3):
        learner = ProfileFactory(
            municipality=city,
            gender="female",
            user__first_name="Marie-Françoise-Élisabeth",
            user__last_name=f"Desrosiers-Montmorency {number}",
            user__email=f"marie.desrosiers.montmorency.{number}@port-au-prince.example",
        ).user
        enrollment_create(user=learner, course=course)
    return course


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("/admin/reports/enrolments/", "table.listing"),
        ("/admin/reports/progress/", "table.listing"),
        ("/admin/reports/courses/", "table.campus-report"),
        ("COURSE", "#report-by-gender"),
    ],
)
def test_report_table_is_fully_reachable_at_1366_px(
    live_server, report_data, page, path, selector, tmp_path
):
    """The last column of the table can be scrolled into view inside its container,
    and the page is no wider than the screen."""
    page.set_viewport_size({"width": 1366, "height": 900})
    trainer = UserFactory(email="formatrice@campus.example")
    role_grant(user=trainer, role=Role.TRAINER)
    if path == "COURSE":
        path = f"/admin/reports/courses/{report_data.pk}/"
    login(page, live_server.url, "/admin/login/", trainer)
    page.goto(f"{live_server.url}{path}")

    reach = page.evaluate(REACH, selector)
    page.screenshot(path=str(tmp_path / "report-1366.png"), full_page=True)

    assert reach["lastRight"] <= reach["clipRight"] + 1, reach
    assert reach["pageWidth"] <= reach["innerWidth"], reach
