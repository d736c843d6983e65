"""A trainer builds a new course in the admin (course, module, lesson: all drafts),
previews it, and sends it to review in one go; a certificate admin approves it in one go.

Covers issue 12, items 1 (previews of drafts), 14 (ASCII slugs from the admin's
auto-fill) and 20 (a course reviewed as a whole). Admin users read the admin in
English (as in test_course_review_journey.py); the previewed pages are the site's,
in French.
"""

import re

from playwright.sync_api import expect

from courses.models import CoursePage, LessonPage, ModulePage
from learners.roles import Role
from tests.e2e.test_course_review_journey import (
    AutosaveWatch,
    add_block,
    admin_login,
    admin_user,
    fr,
    new_page,
    rich_text_type,
)

COURSE_TITLE = "Marchés publics : prévenir la corruption"
MODULE_TITLE = "Préparer l’achat"
LESSON_TITLE = "Définir le besoin"
PARAGRAPH = "Un besoin bien décrit protège l’acheteur public des pressions."


def _create(page, live_server, url, title, autosave, fill=None):
    """Open an add form, type the title (and more), and get the draft saved.

    Wagtail autosaves a new page once its form is complete; when it has not (a form
    it does not autosave), the trainer clicks "Save draft".
    """
    page.goto(f"{live_server.url}{url}")
    before = autosave.count
    title_field = page.get_by_label(re.compile(r"^Title\*?$"))
    title_field.fill(title)
    title_field.press("Tab")  # leaving the title fills the slug in
    if fill:
        fill()
    page.wait_for_timeout(2500)
    if autosave.count > before:
        autosave.settle()
    else:
        page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))


def test_trainer_previews_a_new_course_and_it_is_reviewed_as_a_whole(
    live_server, catalogue, browser, page
):
    trainer = admin_user("formatrice@ville.example", Role.TRAINER)
    reviewer = admin_user("gestionnaire@ville.example", Role.CERTIFICATE_ADMIN)
    admin_login(page, live_server.url, trainer)
    autosave = AutosaveWatch(page)

    # --- The course: its slug is filled in from the title, in ASCII --------------
    def course_fields():
        page.get_by_label(re.compile(r"^Summary\*?$")).fill("Acheter sans corruption.")
        page.get_by_role("tab", name="Promote").click()
        expect(page.locator("input[name='slug']")).to_have_value(
            "marches-publics-prevenir-la-corruption"
        )
        page.get_by_role("tab", name="Content").click()

    _create(
        page,
        live_server,
        f"/admin/pages/add/courses/coursepage/{catalogue.pk}/",
        COURSE_TITLE,
        autosave,
        course_fields,
    )
    course = CoursePage.objects.get(title=COURSE_TITLE)
    assert course.slug == "marches-publics-prevenir-la-corruption"
    assert not course.live

    # --- A module and a lesson under it, drafts too --------------------------------
    _create(
        page,
        live_server,
        f"/admin/pages/add/courses/modulepage/{course.pk}/",
        MODULE_TITLE,
        autosave,
    )
    module = ModulePage.objects.get(title=MODULE_TITLE)

    def lesson_fields():
        rich_text_type(page, add_block(page, "Text"), PARAGRAPH)

    _create(
        page,
        live_server,
        f"/admin/pages/add/courses/lessonpage/{module.pk}/",
        LESSON_TITLE,
        autosave,
        lesson_fields,
    )
    lesson = LessonPage.objects.get(title=LESSON_TITLE)
    assert not lesson.live

    # --- The editor's preview panel shows the lesson in its course ----------------
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_text(PARAGRAPH)).to_be_visible()
    expect(preview.locator(".eyebrow")).to_contain_text(MODULE_TITLE)
    expect(preview.locator("nav.breadcrumbs")).to_contain_text("Marchés publics")

    # --- "View draft" of the course: the outline lists the draft module and lesson
    response = page.goto(f"{live_server.url}/admin/pages/{course.pk}/view_draft/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text(COURSE_TITLE)
    expect(page.get_by_text(MODULE_TITLE).first).to_be_visible()
    expect(page.get_by_role("link", name=LESSON_TITLE)).to_be_visible()
    expect(page.locator("body")).not_to_contain_text(
        fr("%(count)d minute") % {"count": 0}
    )
    page.screenshot(path="/tmp/courses12_course_preview.png", full_page=True)

    # --- One submission for the whole course ---------------------------------------
    page.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    submit = page.get_by_role("link", name="Submit the course and its pages for review")
    if not submit.is_visible():
        page.locator("header").get_by_role("button", name="Actions").click()
    submit.click()
    expect(page.locator("main")).to_contain_text(LESSON_TITLE)
    page.get_by_role(
        "button", name="Submit the course and its pages for review"
    ).click()
    expect(page.locator(".messages")).to_contain_text("3 pages")
    assert all(p.workflow_in_progress for p in (course, module, lesson)), (
        "every page is in review"
    )

    # --- One approval for the whole course -----------------------------------------
    review_context, review = new_page(browser)
    try:
        admin_login(review, live_server.url, reviewer)
        awaiting = review.locator("section").filter(
            has=review.get_by_role("heading", name="Awaiting your review")
        )
        row = awaiting.get_by_role("row").filter(has_text=LESSON_TITLE)
        expect(row).to_contain_text(f"Course: {COURSE_TITLE}")
        review.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
        approve = review.get_by_role("link", name="Approve the course")
        if not approve.is_visible():
            review.locator("header").get_by_role("button", name="Actions").click()
        approve.click()
        review.get_by_role("button", name="Approve the course").click()
        expect(review.locator(".messages")).to_contain_text("3 pages")
    finally:
        review_context.close()
    for model, pk in ((CoursePage, course.pk), (ModulePage, module.pk)):
        assert model.objects.get(pk=pk).live
    assert LessonPage.objects.get(pk=lesson.pk).live
    visitor = page.context.browser.new_context(locale="fr-FR").new_page()
    response = visitor.goto(f"{live_server.url}/cours/{course.slug}/")
    assert response.status == 200
    expect(visitor.get_by_role("link", name=LESSON_TITLE)).to_be_visible()
    visitor.context.close()
