"""A learner enrols, completes two lessons, leaves, and resumes on the third."""

import re

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from courses.models import LessonPage
from tests.factories.courses import course_create
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory


def fr(msgid: str) -> str:
    with translation.override("fr"):
        return gettext(msgid)


def _course_bar(page):
    return page.locator("#progress-course")


def test_learner_enrols_completes_two_lessons_and_resumes_on_the_third(
    live_server, catalogue, page, tmp_path
):
    course = course_create(
        title="Finances locales", modules=2, lessons_per_module=2, catalog=catalogue
    )
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    learner = ProfileFactory(user__email="sokha.chan@phnompenh.example").user

    # Log in.
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label(re.compile(r"^\s*E-mail")).fill(learner.email)
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    nav = page.get_by_role("navigation", name=fr("Main menu"))
    expect(nav.get_by_role("link", name=fr("My learning"))).to_be_visible()

    # The course page offers enrolment; enrolling opens the first lesson.
    page.goto(f"{live_server.url}{course.url}")
    page.get_by_role("button", name=fr("Enrol in this course")).click()
    expect(page).to_have_url(re.compile(re.escape(lessons[0].url) + "$"))
    expect(_course_bar(page)).to_have_attribute("value", "0")

    # Complete two lessons: each click leads to the next lesson, the bar moves.
    page.get_by_role("button", name=fr("Mark as complete and continue")).click()
    expect(page).to_have_url(re.compile(re.escape(lessons[1].url) + "$"))
    expect(_course_bar(page)).to_have_attribute("value", "25")
    page.get_by_role("button", name=fr("Mark as complete and continue")).click()
    expect(page).to_have_url(re.compile(re.escape(lessons[2].url) + "$"))
    expect(_course_bar(page)).to_have_attribute("value", "50")

    # Leave the site (log out), come back later and log in again.
    page.get_by_role("button", name=fr("Log out")).click()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label(re.compile(r"^\s*E-mail")).fill(learner.email)
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Connexion").click()

    # "Mon parcours" shows the course at 50 %; "Continuer" lands on the third lesson.
    nav.get_by_role("link", name=fr("My learning")).click()
    expect(page.locator("main progress").first).to_have_attribute("value", "50")
    page.get_by_role("link", name=fr("Continue")).first.click()
    expect(page).to_have_url(re.compile(re.escape(lessons[2].url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(lessons[2].title)

    # The course outline shows the module bars: module 1 done, module 2 not started.
    page.goto(f"{live_server.url}{course.url}")
    bars = page.locator(".outline progress")
    expect(bars.nth(0)).to_have_attribute("value", "100")
    expect(bars.nth(1)).to_have_attribute("value", "0")
    page.screenshot(path=str(tmp_path / "course.png"), full_page=True)
