"""A trainer writes a lesson in the Wagtail admin; a certificate admin approves it.

The journey crosses the roles and the "Relecture du cours" workflow of
`learners/migrations/0003_roles.py` and `0004_course_review_workflow.py`: a trainer
may add and edit pages under the catalogue but not publish them, so the only way
for a lesson to go live is to be submitted to the workflow and approved by a
certificate admin. The lesson's body is composed through the real StreamField UI
(the "+" block picker, Draftail rich-text editors). Finally an anonymous visitor
opens the lesson, is asked to log in (lessons are for enrolled learners,
learners/access.py), logs in as an enrolled learner and reads the lesson with its
three blocks rendered by the site's templates.

Both admin users read the Wagtail admin in English (their Wagtail profile's
preferred language), so that the admin's own labels are stable; the public page is
checked in French, the site's language, with the project's strings looked up in its
French catalogue (`fr()`).
"""

import re
import time
from urllib.parse import quote

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from courses.models import LessonPage
from learners.roles import Role
from learners.services import enrollment_create, role_grant
from tests.e2e.conftest import DEFAULT_TIMEOUT_MS
from tests.factories.courses import course_create
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory, UserFactory

LESSON_TITLE = "Voter le budget communal"
HEADING = "Le calendrier budgétaire"
PARAGRAPH = "Le conseil municipal vote le budget primitif avant le 31 mars."
CALLOUT_TITLE = "Attention au calendrier"
CALLOUT_TEXT = "Un budget non voté est réglé par le représentant de l'État."


def label(text: str) -> re.Pattern:
    """A whole label, give or take Django's French suffix " :" and a required "*"."""
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*\*?\s*$")


def fr(msgid: str) -> str:
    """The French text the site shows for one of its own strings."""
    with translation.override("fr"):
        return gettext(msgid)


def admin_user(email: str, role: Role):
    user = UserFactory(email=email, first_name=email.split("@")[0].title())
    role_grant(user=user, role=role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def admin_login(page, base_url: str, user) -> None:
    """Log in through the Wagtail admin's own form (the site's French at that point)."""
    page.goto(f"{base_url}/admin/login/")
    page.locator("input[name='username']").fill(user.email)
    page.locator("input[name='password']").fill(DEFAULT_PASSWORD)
    page.locator("form.login-form").get_by_role("button").click()
    expect(page).to_have_url(f"{base_url}/admin/")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def new_page(browser):
    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context, context.new_page()


def add_block(page, kind: str):
    """Append a block of that kind with the StreamField's last "+" and the picker."""
    # `title` singles out the StreamField's buttons: Draftail's own "Insert a block"
    # buttons (inside rich-text blocks) only have an aria-label.
    page.get_by_title("Insert a block", exact=True).last.click()
    page.get_by_role("option", name=kind, exact=True).click()
    block = page.locator("[data-streamfield-child]").last
    expect(block.locator("[name$='-type']")).to_have_count(1)
    return block


def rich_text_type(page, block, text: str) -> None:
    """Type into the block's Draftail editor, as a person would."""
    widget = block.locator("[data-streamfield-widget]").filter(
        has=page.locator("[contenteditable='true']")
    )
    editor = widget.locator("[contenteditable='true']")
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_contain_text(text)
    # Draftail copies its content to the form's hidden input after a short debounce:
    # a form submitted sooner would lose the last words.
    expect(widget.locator("input[type='hidden']")).to_have_value(
        re.compile(re.escape(text))
    )


class AutosaveWatch:
    """Follows the editor's autosave requests (Wagtail 8 autosaves the page form).

    Wagtail polls the form every 0.5 s and autosaves it about 0.5 s after a change,
    on the create view too: the first autosave creates the page as a draft and turns
    the view into its edit view. A submission sent while an autosave runs makes one
    of them fail on the test database (SQLite in shared-cache memory mode answers
    "database table is locked" to a second writer instead of waiting), so the test
    does what a person does: it waits for the editor to show "Saved" and to stay
    quiet before using the action menu.
    """

    QUIET_S = 2.0  # > poll (0.5 s) + debounce (0.53 s) + hydration of the edit view

    def __init__(self, page):
        self.page = page
        self.count = 0
        self.pending = 0
        self.last_start = 0.0
        page.on("request", self._started)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", self._finished)

    @staticmethod
    def _is_autosave(request) -> bool:
        return (
            request.method == "POST"
            and request.resource_type == "fetch"
            and "/admin/pages/" in request.url
            and "application/json" in (request.headers.get("accept") or "")
        )

    def _started(self, request):
        if self._is_autosave(request):
            self.count += 1
            self.pending += 1
            self.last_start = time.monotonic()

    def _finished(self, request):
        if self._is_autosave(request):
            self.pending -= 1

    def settle(self, timeout_s: float = 15.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not (
            self.count
            and not self.pending
            and time.monotonic() - self.last_start >= self.QUIET_S
        ):
            assert time.monotonic() < deadline, (
                f"autosave did not settle: {self.count} requests, {self.pending} pending"
            )
            self.page.wait_for_timeout(100)
        expect(self.page.locator("#w-autosave-indicator")).to_have_attribute(
            "data-w-autosave-state-value", "saved"
        )


def test_trainer_submits_a_lesson_and_a_certificate_admin_publishes_it(
    live_server, catalogue, browser, page
):
    course = course_create(title="Finances locales", modules=1, lessons_per_module=1)
    module = course.get_children().get(slug="module-1")
    trainer = admin_user("formatrice@ville.example", Role.TRAINER)
    reviewer = admin_user("gestionnaire@ville.example", Role.CERTIFICATE_ADMIN)
    learner = ProfileFactory(user__email="apprenante@ville.example").user
    enrollment_create(user=learner, course=course)

    # --- The trainer writes the lesson -------------------------------------------
    admin_login(page, live_server.url, trainer)
    autosave = AutosaveWatch(page)
    page.goto(f"{live_server.url}/admin/pages/add/courses/lessonpage/{module.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("New: Lesson")
    # Under the catalogue the trainer can send a page to review, never publish it.
    expect(page.locator("button[name='action-submit']")).to_have_count(1)
    expect(page.locator("[name='action-publish']")).to_have_count(0)
    page.get_by_label(re.compile(r"^Title\*?$")).fill(LESSON_TITLE)

    heading = add_block(page, "Heading")
    expect(heading.locator("[name$='-type']")).to_have_value("heading")
    heading.get_by_label("Text").fill(HEADING)
    heading.get_by_label("Level").select_option("h2")

    paragraph = add_block(page, "Text")
    expect(paragraph.locator("[name$='-type']")).to_have_value("paragraph")
    rich_text_type(page, paragraph, PARAGRAPH)

    callout = add_block(page, "Callout")
    expect(callout.locator("[name$='-type']")).to_have_value("callout")
    callout.get_by_label("Kind").select_option("key_point")
    callout.get_by_label("Title").fill(CALLOUT_TITLE)
    rich_text_type(page, callout, CALLOUT_TEXT)

    # Autosaved: the draft exists, unpublished, and the view is now its edit view.
    autosave.settle()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("[data-streamfield-child]")).to_have_count(3)
    draft = LessonPage.objects.get(title=LESSON_TITLE)
    assert draft.get_parent().pk == module.pk
    assert not draft.live

    # The footer's action menu offers the workflow, and no "Publish".
    footer = page.locator("footer").filter(has=page.locator("button.action-save"))
    footer.locator(".w-dropdown__toggle").click()
    submit = footer.get_by_role("button", name="Submit to Relecture du cours")
    expect(submit).to_be_visible()
    expect(footer.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    expect(page.locator("[name='action-publish']")).to_have_count(0)
    submit.click()

    expect(page).to_have_url(f"{live_server.url}/admin/pages/{module.pk}/")
    expect(page.get_by_role("status")).to_contain_text("submitted")
    lesson = LessonPage.objects.get(title=LESSON_TITLE)
    assert lesson.pk == draft.pk
    assert not lesson.live
    state = lesson.current_workflow_state
    assert state is not None and state.workflow.name == "Relecture du cours"
    assert state.status == state.STATUS_IN_PROGRESS
    body = lesson.get_latest_revision_as_object().body
    assert [block.block_type for block in body] == ["heading", "paragraph", "callout"]
    assert body[0].value["text"] == HEADING
    assert PARAGRAPH in body[1].value.source
    assert CALLOUT_TEXT in body[2].value["text"].source
    lesson_url = f"{live_server.url}{lesson.get_url()}"

    visitor_context, visitor = new_page(browser)
    reviewer_context, review = new_page(browser)
    try:
        # Not published yet: the lesson's address answers 404.
        response = visitor.goto(lesson_url)
        assert response.status == 404

        # --- A certificate admin approves it from the dashboard ------------------
        admin_login(review, live_server.url, reviewer)
        awaiting = review.locator("section").filter(
            has=review.get_by_role("heading", name="Awaiting your review")
        )
        row = awaiting.get_by_role("row").filter(has_text=LESSON_TITLE)
        expect(row).to_have_count(1)
        row.get_by_role("button", name="Actions").click()
        # The dashboard posts the action and reloads; nothing is left to review.
        row.get_by_role("button", name="Approve", exact=True).click()
        expect(
            review.get_by_role("heading", name="Awaiting your review")
        ).to_have_count(0)

        lesson.refresh_from_db()
        assert lesson.live
        assert not lesson.has_unpublished_changes
        state.refresh_from_db()
        assert state.status == state.STATUS_APPROVED

        # --- A learner reads it, in French ------------------------------------------
        # Lessons are for enrolled learners (learners/access.py): an anonymous
        # visitor is sent to the login page, and comes back to the lesson after it.
        visitor.goto(lesson_url)
        expect(visitor).to_have_url(
            f"{live_server.url}/accounts/login/?next={quote(lesson.get_url())}"
        )
        visitor.get_by_label(label("E-mail")).fill(learner.email)
        visitor.get_by_label(label("Mot de passe")).fill(DEFAULT_PASSWORD)
        visitor.get_by_role("button", name="Connexion").click()
        expect(visitor).to_have_url(lesson_url)
        expect(visitor.locator("html")).to_have_attribute("lang", "fr")
        article = visitor.locator("article.lesson")
        expect(article.get_by_role("heading", level=1)).to_have_text(LESSON_TITLE)
        expect(article.locator(".lesson__body > div")).to_have_count(3)
        expect(article.get_by_role("heading", level=2)).to_have_text(HEADING)
        expect(article.get_by_text(PARAGRAPH)).to_be_visible()
        box = article.get_by_role("complementary")
        expect(box).to_contain_text(fr("Key point"))
        expect(box).to_contain_text(CALLOUT_TITLE)
        expect(box).to_contain_text(CALLOUT_TEXT)
    finally:
        reviewer_context.close()
        visitor_context.close()
