"""A learner takes a quiz on a phone, without JavaScript, fails, retakes and passes."""

import re

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from courses.models import LessonPage, ModulePage
from learners.models import Enrollment, QuizAttempt
from learners.services import enrollment_create, step_complete
from tests.e2e.conftest import DEFAULT_TIMEOUT_MS
from tests.factories.courses import course_create
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory
from tests.factories.quizzes import matching, numerical, quiz_create, single, truefalse


def fr(msgid: str) -> str:
    with translation.override("fr"):
        return gettext(msgid)


def _answer(page, *, right: bool):
    page.get_by_label("Dakar" if right else "Thiès").check()
    page.get_by_label(fr("True") if right else fr("False")).check()
    page.get_by_label(fr("Your answer")).fill("12" if right else "11,5")
    for prompt, answer in (
        ("Maire", "Exécutif"),
        ("Conseil municipal", "Délibérant"),
        ("Préfet", "Contrôle de légalité"),
    ):
        page.get_by_label(prompt).select_option(label=answer if right else "Tutelle")
    page.get_by_role("button", name=fr("Submit my answers")).click()


def test_learner_fails_then_passes_a_quiz_and_completes_the_course(
    live_server, catalogue, browser
):
    course = course_create(
        title="Budget communal", modules=1, lessons_per_module=1, catalog=catalogue
    )
    module = ModulePage.objects.child_of(course).get()
    quiz = quiz_create(
        module,
        title="Quiz : le budget",
        questions=[single(), truefalse(), numerical(), matching()],
        pass_mark=75,
        max_attempts=2,
    )
    learner = ProfileFactory(user__email="awa.diop@dakar.example").user
    enrollment_create(user=learner, course=course)
    step_complete(user=learner, page=LessonPage.objects.descendant_of(course).get())

    context = browser.new_context(
        locale="fr-FR",
        java_script_enabled=False,
        viewport={"width": 360, "height": 740},
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label(re.compile(r"^\s*E-mail")).fill(learner.email)
        page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(DEFAULT_PASSWORD)
        page.get_by_role("button", name="Connexion").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)

        # The quiz page states the rules and offers to start.
        page.goto(f"{live_server.url}{quiz.url}")
        expect(page.get_by_text("75 %")).to_be_visible()
        page.get_by_role("button", name=fr("Start the quiz")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(quiz.title)

        # Submitting with a blank answer is refused with a message, answers kept.
        page.get_by_label("Dakar").check()
        page.get_by_role("button", name=fr("Submit my answers")).click()
        expect(page.get_by_role("alert")).to_contain_text(
            fr("Your answers were not submitted.")
        )
        expect(page.get_by_label("Dakar")).to_be_checked()

        # First attempt: wrong answers, failed, with the right answers shown.
        _answer(page, right=False)
        expect(page.locator(".quiz-outcome__score")).to_contain_text("0 %")
        expect(page.get_by_text(fr("Right answer:")).first).to_be_visible()

        # Second (last) attempt: right answers, passed; the course is complete.
        page.get_by_role("link", name=fr("Back to the quiz")).click()
        page.get_by_role("button", name=fr("Start a new attempt")).click()
        _answer(page, right=True)
        expect(page.locator(".quiz-outcome__score")).to_contain_text("100 %")
        page.get_by_role("link", name=fr("Back to the quiz")).click()
        expect(page.get_by_text(fr("You have passed this quiz."))).to_be_visible()
        expect(
            page.get_by_role("button", name=fr("Start a new attempt"))
        ).to_have_count(0)

        page.goto(f"{live_server.url}{course.url}")
        expect(page.locator("#progress-course")).to_have_attribute("value", "100")
    finally:
        context.close()

    assert QuizAttempt.objects.filter(user=learner).count() == 2
    assert Enrollment.objects.get(user=learner).completed_at is not None
