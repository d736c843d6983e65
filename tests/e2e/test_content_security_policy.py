"""The Content-Security-Policy holds in Chromium: no violation on the learner pages
(public policy) nor in the Wagtail admin's page editor and its preview (admin policy)."""

import pytest
from django.http import QueryDict
from django.urls import reverse
from playwright.sync_api import expect

from courses.models import LessonPage
from learners.services import (
    city_coordinator_assign,
    enrollment_create,
    quiz_attempt_start,
    quiz_attempt_submit,
    step_complete,
)
from tests.factories.courses import course_create
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory, UserFactory
from tests.factories.quizzes import multiple, quiz_create, single, truefalse

# Recorded in every frame (the preview panel is one) before any script of the page.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    (window.top.__cspViolations || window.__cspViolations).push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile || document.location.pathname}:${event.lineNumber}`
    );
});
"""


@pytest.fixture
def watched(page):
    """The page, and the list of CSP violations it reports (events and console)."""
    found = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            found.append(f"console: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )

    def violations():
        for frame in page.frames:
            try:
                found.extend(frame.evaluate("window.__cspViolations || []"))
            except Exception:  # a frame that went away meanwhile
                pass
        return sorted(set(found))

    return page, violations


@pytest.fixture
def site(catalogue):
    course = course_create(
        title="Finances locales", modules=1, lessons_per_module=2, catalog=catalogue
    )
    module = course.get_children().first()
    profile = ProfileFactory()
    learner = profile.user
    coordinator = ProfileFactory(municipality=profile.municipality).user
    city_coordinator_assign(user=coordinator, municipality=profile.municipality)
    enrollment_create(user=learner, course=course)
    lesson = LessonPage.objects.live().descendant_of(course).first()
    step_complete(user=learner, page=lesson)
    quiz = quiz_create(
        module, title="Quiz du module", questions=[single(), multiple(), truefalse()]
    )
    submitted = quiz_attempt_start(user=learner, quiz=quiz)
    quiz_attempt_submit(
        user=learner, attempt_id=submitted.pk, data=QueryDict("q1=0&q2=0&q3=true")
    )
    opened = quiz_attempt_start(user=learner, quiz=quiz)
    return {
        "catalogue": catalogue,
        "course": course,
        "lesson": lesson,
        "quiz": quiz,
        "learner": learner,
        "coordinator": coordinator,
        "submitted": submitted,
        "opened": opened,
    }


def _site_login(page, base_url: str, user) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_learner_pages_load_without_csp_violation(live_server, site, watched):
    """Home, catalogue, course, lesson, quiz, attempts, dashboard, profile, verification
    and the coordinator's city page report no CSP violation."""
    page, violations = watched
    base = live_server.url
    anonymous = [
        "/",
        site["catalogue"].url,
        site["course"].url,
        "/accounts/login/",
        reverse("certificates:verify_form"),
        reverse("certificates:verify_form") + "?code=ZZZZ-ZZZZ-ZZZZ",
    ]
    for url in anonymous:
        response = page.goto(f"{base}{url}")
        assert "default-src 'self'" in response.headers["content-security-policy"]
    _site_login(page, base, site["learner"])
    for url in [
        site["course"].url,
        site["lesson"].url,
        site["quiz"].url,
        reverse("learners:quiz_attempt", args=[site["opened"].pk]),
        reverse("learners:quiz_attempt", args=[site["submitted"].pk]),
        "/mon-parcours/",
        "/profile/",
        "/mes-donnees/",
    ]:
        page.goto(f"{base}{url}")
    page.context.clear_cookies()
    _site_login(page, base, site["coordinator"])
    page.goto(f"{base}/ma-ville/")
    expect(page.locator("svg.campus-chart").first).to_be_visible()
    assert violations() == []


def test_admin_editor_and_preview_work_without_csp_violation(
    live_server, site, watched
):
    """A superuser logs in, opens the dashboard, the explorer, a lesson's editor and its
    preview panel: the admin policy reports no violation."""
    page, violations = watched
    base = live_server.url
    admin = UserFactory(is_superuser=True, is_staff=True)
    page.goto(f"{base}/admin/login/")
    page.locator("input[name='username']").fill(admin.email)
    page.locator("input[name='password']").fill(DEFAULT_PASSWORD)
    page.locator("form.login-form").get_by_role("button").click()
    expect(page).to_have_url(f"{base}/admin/")
    page.goto(f"{base}/admin/pages/{site['course'].pk}/")
    page.goto(f"{base}/admin/pages/{site['lesson'].pk}/edit/")
    expect(page.locator("[data-streamfield-child]").first).to_be_visible()
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe#w-preview-iframe, .preview-panel iframe")
    expect(preview.locator("h1")).to_contain_text(site["lesson"].title)
    page.locator("[data-side-panel-toggle='preview']").click()  # closed again
    page.goto(f"{base}/admin/pages/{site['quiz'].pk}/edit/")
    expect(page.locator("[data-streamfield-child]").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert violations() == []
