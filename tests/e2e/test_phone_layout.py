"""Learner pages on a 360 × 740 phone screen: nothing is wider than the screen, the
city coordinator's chart stays readable, and a quiz result starts with its outcome
and the next thing to do."""

import datetime
import re
import uuid

import pytest
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from certificates.models import CertificateRule, CertificateTemplate
from certificates.services import certificate_issue
from courses.models import LessonPage
from learners.models import Enrollment
from learners.services import (
    city_coordinator_assign,
    enrollment_create,
    quiz_attempt_start,
    quiz_attempt_submit,
    step_complete,
)
from tests.e2e.conftest import DEFAULT_TIMEOUT_MS
from tests.factories.courses import (
    block,
    course_create,
    image_create,
    lesson_body,
    lesson_create,
)
from tests.factories.learners import (
    DEFAULT_PASSWORD,
    MunicipalityFactory,
    ProfileFactory,
    UserFactory,
)
from tests.factories.quizzes import quiz_create, single, truefalse

PHONE = {"width": 360, "height": 740}
LONG_CHOICE = (
    "Le conseil municipal, après avis de la commission des finances et débat "
    "d’orientation budgétaire en séance publique"
)


def fr(msgid: str) -> str:
    with translation.override("fr"):
        return gettext(msgid)


def _document(name: str):
    return get_document_model().objects.create(
        title=name, file=ContentFile(b"x" * 64, name=f"{uuid.uuid4().hex}-{name}")
    )


def _wide_table():
    header = [f"Ligne budgétaire {n}" for n in range(1, 9)]
    return block(
        "table",
        {
            "data": [header, [f"{n * 1250} 000 FCFA" for n in range(1, 9)]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Budget primitif par ligne",
        },
    )


@pytest.fixture
def phone_site(catalogue, settings, tmp_path):
    """A course whose lesson has every block type (a wide table included), a quiz
    with a submitted and an open attempt, Dakar's coordinator and a certificate."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    course = course_create(
        title="Finances locales", modules=1, lessons_per_module=2, catalog=catalogue
    )
    module = course.get_children().first()
    transcript = "<p>Transcription complète de la vidéo.</p>"
    lesson = lesson_create(
        module,
        title="Toutes les briques",
        body=lesson_body(
            extra=[
                block(
                    "image",
                    {
                        "image": image_create().pk,
                        "alt": "Le conseil municipal en séance",
                        "caption": "Séance du conseil municipal de Dakar",
                    },
                ),
                block(
                    "video",
                    {
                        "title": "Le budget en 3 minutes",
                        "url": "https://peertube.example/w/abcdefghijklmnopqrstuvwxyz",
                        "file": None,
                        "transcript": transcript,
                    },
                ),
                block(
                    "video",
                    {
                        "title": "Vidéo en fichier",
                        "url": "",
                        "file": _document("budget.mp4").pk,
                        "transcript": transcript,
                    },
                ),
                block(
                    "audio",
                    {
                        "title": "Entretien",
                        "file": _document("entretien.mp3").pk,
                        "transcript": transcript,
                    },
                ),
                block(
                    "document",
                    {"title": "Modèle de budget", "document": _document("m.pdf").pk},
                ),
                block(
                    "callout",
                    {"kind": "warning", "title": "Attention", "text": "<p>Texte</p>"},
                ),
                block("quote", {"text": "Une citation", "attribution": "Charte"}),
                block(
                    "faq",
                    {
                        "title": "FAQ",
                        "items": [
                            {"question": "Qui ?", "answer": "<p>Le conseil.</p>"}
                        ],
                    },
                ),
                block(
                    "case_study",
                    {
                        "title": "Cas",
                        "context": "<p>Contexte</p>",
                        "question": "Que faire ?",
                        "discussion": "<p>Discussion</p>",
                    },
                ),
                _wide_table(),
                block(
                    "external_link",
                    {
                        "title": "Union africaine",
                        "url": "https://au.int/une-adresse-tres-longue-sans-espace-"
                        "pour-tester-le-retour-a-la-ligne-des-liens",
                        "description": "Site",
                    },
                ),
            ]
        ),
    )
    quiz = quiz_create(
        module,
        title="Quiz du module",
        questions=[
            single(
                text="Qui vote le budget ?", right=LONG_CHOICE, wrong=("Le préfet",)
            ),
            truefalse(),
        ],
        pass_mark=50,
        max_attempts=3,
    )
    CertificateRule.objects.update_or_create(
        course=course,
        defaults={
            "template": CertificateTemplate.objects.get(name="Campus — modèle français")
        },
    )
    dakar = MunicipalityFactory(name="Dakar", country="SN")
    learner = ProfileFactory(
        municipality=dakar,
        gender="female",
        user__first_name="Awa",
        user__last_name="Diop-Ndiaye de la Commune de Dakar-Plateau",
    ).user
    enrollment_create(user=learner, course=course)
    step_complete(user=learner, page=LessonPage.objects.descendant_of(course).first())
    submitted = quiz_attempt_start(user=learner, quiz=quiz)
    quiz_attempt_submit(
        user=learner, attempt_id=submitted.pk, data=QueryDict("q1=1&q2=false")
    )
    opened = quiz_attempt_start(user=learner, quiz=quiz)
    for gender in ("male", "female"):
        colleague = ProfileFactory(municipality=dakar, gender=gender).user
        enrollment_create(user=colleague, course=course)
    holder = ProfileFactory(municipality=dakar, gender="female").user
    enrollment_create(user=holder, course=course)
    Enrollment.objects.filter(user=holder).update(
        completed_at=timezone.now() - datetime.timedelta(days=1)
    )
    certificate = certificate_issue(user=holder, course=course, issued_by=None)
    coordinator = UserFactory(email="coordination@dakar.example")
    city_coordinator_assign(user=coordinator, municipality=dakar)
    return {
        "catalogue": catalogue,
        "course": course,
        "module": module,
        "lesson": lesson,
        "quiz": quiz,
        "learner": learner,
        "submitted": submitted,
        "opened": opened,
        "coordinator": coordinator,
        "certificate": certificate,
    }


def phone_page(browser):
    """A page in a French, JavaScript-free phone browser (360 × 740)."""
    context = browser.new_context(
        locale="fr-FR", java_script_enabled=False, viewport=PHONE
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context.new_page()


def login(page, base_url: str, user) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def too_wide(page, url: str) -> str | None:
    """None when the page at url fits the screen, else what overflows."""
    page.goto(url)
    width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    if width[0] <= width[1]:
        return None
    return f"{width[0]} px wide on a {width[1]} px screen"


def test_no_learner_page_is_wider_than_a_phone_screen(live_server, phone_site, browser):
    """Every learner page, from the home to the 404, fits a 360 px screen."""
    site = phone_site
    page = phone_page(browser)
    base = live_server.url
    try:
        anonymous = [
            "/",
            site["catalogue"].url,
            f"{site['catalogue'].url}?q=budget&level=debutant&language=fr",
            site["course"].url,
            "/accounts/login/",
            "/accounts/signup/",
            "/accounts/password/reset/",
            reverse("certificates:verify_form"),
            reverse("certificates:verify", args=[site["certificate"].code]),
            "/cette-page-n-existe-pas/",
        ]
        problems = {url: too_wide(page, f"{base}{url}") for url in anonymous}
        login(page, base, site["learner"])
        learner_pages = [
            "/",
            site["course"].url,
            site["module"].url,
            site["lesson"].url,
            site["quiz"].url,
            reverse("learners:quiz_attempt", args=[site["opened"].pk]),
            reverse("learners:quiz_attempt", args=[site["submitted"].pk]),
            reverse("learners:dashboard"),
            reverse("learners:profile_edit"),
            reverse("learners:my_data"),
        ]
        problems.update(
            {
                f"{url} (learner)": too_wide(page, f"{base}{url}")
                for url in learner_pages
            }
        )
        page.context.clear_cookies()
        login(page, base, site["coordinator"])
        city = reverse("reports:city_staff")
        problems[f"{city} (coordinator)"] = too_wide(page, f"{base}{city}")
    finally:
        page.context.close()
    assert {url: found for url, found in problems.items() if found} == {}


def test_city_tables_scroll_in_a_named_region_and_the_chart_stays_readable(
    live_server, phone_site, browser
):
    """On a phone, the coordinator's tables scroll sideways inside a focusable region
    named by their caption, and the chart's text is drawn at a readable size."""
    page = phone_page(browser)
    try:
        login(page, live_server.url, phone_site["coordinator"])
        page.goto(f"{live_server.url}{reverse('reports:city_staff')}")
        regions = page.locator(".table-wrap")
        assert regions.count() >= 3
        for region in regions.all():
            expect(region).to_have_attribute("role", "region")
            expect(region).to_have_attribute("tabindex", "0")
            caption = region.locator("caption").inner_text().strip()
            expect(region).to_have_accessible_name(caption)
            assert region.evaluate("el => getComputedStyle(el).overflowX") == "auto"
        figures = page.locator("#city-course-figures")
        assert figures.evaluate("t => t.scrollWidth > t.parentElement.clientWidth")
        chart = page.locator("svg#city-women-chart")
        expect(chart).to_be_visible()
        smallest = chart.evaluate(
            """svg => Math.min(...[...svg.querySelectorAll('text')].map(
                t => t.getBoundingClientRect().height))"""
        )
        assert smallest >= 11, f"chart text is {smallest:.1f} px tall"
    finally:
        page.context.close()


def test_radio_buttons_keep_their_size_when_their_label_wraps(
    live_server, phone_site, browser
):
    """A long answer wraps beside a radio button as large as a short answer's."""
    page = phone_page(browser)
    try:
        login(page, live_server.url, phone_site["learner"])
        page.goto(
            live_server.url
            + reverse("learners:quiz_attempt", args=[phone_site["opened"].pk])
        )
        long_radio = page.get_by_label(LONG_CHOICE)
        short_radio = page.get_by_label("Le préfet")
        assert long_radio.bounding_box()["width"] == pytest.approx(
            short_radio.bounding_box()["width"], abs=0.5
        )
        assert long_radio.bounding_box()["width"] >= 18
    finally:
        page.context.close()


def _label_value_rows(page, selector: str) -> list[tuple[str, str]]:
    """(label, value) of a <dl>, each checked to sit on a line of its own."""
    rows = []
    for term in page.locator(f"{selector} dt").all():
        value = term.locator("xpath=following-sibling::dd[1]")
        term_box, value_box = term.bounding_box(), value.bounding_box()
        rows.append((term_box["y"], value_box["y"], term.inner_text(), value_box))
    tops = [row[0] for row in rows]
    assert len(set(tops)) == len(tops), "two labels share a line"
    return [(row[2], row[3]) for row in rows]


def test_quiz_rules_and_verification_facts_are_one_row_each(
    live_server, phone_site, browser
):
    """The quiz rules and a certificate's details read as label–value rows."""
    page = phone_page(browser)
    try:
        page.goto(
            live_server.url
            + reverse("certificates:verify", args=[phone_site["certificate"].code])
        )
        rows = _label_value_rows(page, ".verification")
        assert len(rows) == 6
        login(page, live_server.url, phone_site["learner"])
        page.goto(f"{live_server.url}{phone_site['quiz'].url}")
        assert len(_label_value_rows(page, ".quiz")) == 5
    finally:
        page.context.close()


def test_attempt_breadcrumbs_end_with_the_attempt_and_captions_are_not_indented(
    live_server, phone_site, browser
):
    """An attempt's breadcrumb ends with "Tentative N" (no empty "›"), and an image
    caption lines up with the text."""
    page = phone_page(browser)
    try:
        login(page, live_server.url, phone_site["learner"])
        for attempt in (phone_site["opened"], phone_site["submitted"]):
            page.goto(
                live_server.url + reverse("learners:quiz_attempt", args=[attempt.pk])
            )
            crumbs = page.locator(".breadcrumbs li")
            expect(crumbs.last).to_have_text(
                re.compile(rf"^\s*Tentative {attempt.number}\s*$")
            )
            expect(crumbs.last).to_have_attribute("aria-current", "page")
            expect(crumbs.nth(-2)).to_have_text("Quiz du module")
        page.goto(f"{live_server.url}{phone_site['lesson'].url}")
        figure = page.locator("figure.block-image")
        heading = page.locator(".lesson__body h2").first
        assert figure.bounding_box()["x"] == pytest.approx(
            heading.bounding_box()["x"], abs=0.5
        )
    finally:
        page.context.close()


def _answer_and_submit(page, *, right: bool) -> None:
    page.get_by_label(LONG_CHOICE if right else "Le préfet").check()
    page.get_by_label(fr("True") if right else fr("False")).check()
    page.get_by_role("button", name=fr("Submit my answers")).click()


def test_quiz_result_starts_with_the_outcome_and_a_retake_on_a_phone(
    live_server, phone_site, browser
):
    """A failed attempt's result shows its score, the attempts left and "Start a new
    attempt" on the first screen; the new attempt opens from there."""
    learner = ProfileFactory().user
    enrollment_create(user=learner, course=phone_site["course"])
    page = phone_page(browser)
    try:
        login(page, live_server.url, learner)
        page.goto(f"{live_server.url}{phone_site['quiz'].url}")
        page.get_by_role("button", name=fr("Start the quiz")).click()
        _answer_and_submit(page, right=False)
        expect(page.locator(".quiz-outcome__score")).to_have_text(
            "Non réussi : 0 % (seuil 50 %)."
        )
        expect(page.locator(".quiz-outcome__score")).to_be_in_viewport()
        expect(page.get_by_text("2 tentatives restantes.")).to_be_in_viewport()
        retake = page.get_by_role("button", name=fr("Start a new attempt"))
        expect(retake).to_be_in_viewport()
        assert page.evaluate("() => document.body.scrollHeight") > PHONE["height"]
        retake.click()
        expect(page.locator(".breadcrumbs li").last).to_have_text("Tentative 2")
    finally:
        page.context.close()


def test_passing_a_quiz_offers_the_next_step_first(live_server, phone_site, browser):
    """A passed quiz with lessons left leads on to the first unfinished lesson."""
    page = phone_page(browser)
    learner = ProfileFactory().user
    enrollment_create(user=learner, course=phone_site["course"])
    try:
        login(page, live_server.url, learner)
        page.goto(f"{live_server.url}{phone_site['quiz'].url}")
        page.get_by_role("button", name=fr("Start the quiz")).click()
        _answer_and_submit(page, right=True)
        expect(page.locator(".quiz-outcome__score")).to_be_in_viewport()
        first = LessonPage.objects.descendant_of(phone_site["course"]).first()
        step = page.get_by_role(
            "link", name=fr("Next step: %(title)s") % {"title": first.title}
        )
        expect(step).to_be_in_viewport()
        step.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(first.title)
    finally:
        page.context.close()


def test_passing_the_last_requirement_says_course_completed_with_certificate(
    live_server, phone_site, browser
):
    """Passing the quiz that completes the course says "Cours terminé — certificat
    obtenu" and offers the certificate, all on the first screen."""
    course = phone_site["course"]
    learner = ProfileFactory().user
    enrollment_create(user=learner, course=course)
    for lesson in LessonPage.objects.live().descendant_of(course):
        step_complete(user=learner, page=lesson)
    page = phone_page(browser)
    try:
        login(page, live_server.url, learner)
        page.goto(f"{live_server.url}{phone_site['quiz'].url}")
        page.get_by_role("button", name=fr("Start the quiz")).click()
        _answer_and_submit(page, right=True)
        done = page.locator(".quiz-outcome__course")
        expect(done).to_have_text(fr("Course completed — certificate obtained."))
        expect(done).to_be_in_viewport()
        expect(
            page.get_by_role("link", name=fr("Download the certificate (PDF)"))
        ).to_be_in_viewport()
        expect(page.get_by_text(re.compile("tentatives? restantes?"))).to_have_count(0)
    finally:
        page.context.close()


def test_submit_and_save_buttons_do_not_look_the_same(live_server, phone_site, browser):
    """ "Envoyer" is a filled primary button, "Enregistrer" an outlined secondary one."""
    page = phone_page(browser)
    try:
        login(page, live_server.url, phone_site["learner"])
        page.goto(
            live_server.url
            + reverse("learners:quiz_attempt", args=[phone_site["opened"].pk])
        )
        style = "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]"
        submit = page.get_by_role("button", name=fr("Submit my answers")).evaluate(
            style
        )
        save = page.get_by_role("button", name=fr("Save my answers")).evaluate(style)
        assert submit[0] != save[0] and submit[1] != save[1]
        assert save[0] == "rgb(255, 255, 255)"
    finally:
        page.context.close()


def test_leaving_a_course_takes_a_second_click_without_javascript(
    live_server, phone_site, browser
):
    """ "Quitter ce cours" only opens a confirmation; its "Oui" button leaves."""
    course = phone_site["course"]
    page = phone_page(browser)
    try:
        login(page, live_server.url, phone_site["learner"])
        page.goto(f"{live_server.url}{course.url}")
        page.get_by_text(fr("Leave this course"), exact=True).click()
        confirm = page.get_by_role("button", name=fr("Yes, leave this course"))
        expect(confirm).to_be_visible()
        assert Enrollment.objects.get(user=phone_site["learner"]).left_at is None
        confirm.click()
        expect(page).to_have_url(re.compile(r"/mon-parcours/$"))
        assert Enrollment.objects.get(user=phone_site["learner"]).left_at is not None
    finally:
        page.context.close()
