"""The learner pages pass axe-core's WCAG 2.1 A/AA rules (no violation), in Chromium.

axe-core comes from npm (package.json; `make test` installs it into node_modules).
"""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.http import QueryDict
from django.urls import reverse

from courses.models import LessonPage
from learners.services import (
    enrollment_create,
    quiz_attempt_start,
    quiz_attempt_submit,
    step_complete,
)
from tests.factories.courses import (
    block,
    course_create,
    image_create,
    lesson_body,
    lesson_create,
)
from tests.factories.learners import DEFAULT_PASSWORD, ProfileFactory
from tests.factories.quizzes import (
    description,
    essay,
    matching,
    multiple,
    numerical,
    quiz_create,
    shortanswer,
    single,
    truefalse,
)

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def axe(page):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm install` (make test does it)")
    locale = json.loads((AXE.parent / "locales" / "fr.json").read_text())
    source = AXE.read_text()

    def run(url):
        page.goto(url)
        # Evaluated through the DevTools protocol: the pages' Content-Security-Policy
        # refuses inline <script> (add_script_tag), as it should.
        page.evaluate(source)
        page.evaluate("locale => axe.configure({locale})", locale)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            WCAG_TAGS,
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in result["violations"]
        ]

    return run


@pytest.fixture
def site(catalogue):
    course = course_create(
        title="Finances locales", modules=2, lessons_per_module=2, catalog=catalogue
    )
    module = course.get_children().first()
    image = image_create()
    rich = lesson_create(
        module,
        title="Une leçon riche",
        body=lesson_body(
            extra=[
                block(
                    "image",
                    {
                        "image": image.pk,
                        "alt": "Le conseil municipal en séance",
                        "caption": "Séance",
                    },
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
                block(
                    "table",
                    {
                        "data": [["A", "B"], ["1", "2"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Tableau",
                    },
                ),
                block(
                    "external_link",
                    {
                        "title": "Union africaine",
                        "url": "https://au.int/",
                        "description": "Site",
                    },
                ),
            ]
        ),
    )
    learner = ProfileFactory().user
    enrollment_create(user=learner, course=course)
    step_complete(
        user=learner, page=LessonPage.objects.live().descendant_of(course).first()
    )
    quiz = quiz_create(
        module,
        title="Quiz du module",
        questions=[
            description(),
            single(general_feedback="<p>Voir la leçon 1.</p>"),
            multiple(),
            truefalse(),
            shortanswer(),
            numerical(),
            matching(),
            essay(),
        ],
    )
    submitted = quiz_attempt_start(user=learner, quiz=quiz)
    quiz_attempt_submit(
        user=learner,
        attempt_id=submitted.pk,
        data=QueryDict(
            "q2=0&q3=0&q4=true&q5=subsidiarite&q6=12&q7-0=0&q7-1=1&q7-2=2&q8=Texte"
        ),
    )
    opened = quiz_attempt_start(user=learner, quiz=quiz)
    return {
        "catalogue": catalogue,
        "course": course,
        "lesson": rich,
        "learner": learner,
        "quiz": quiz,
        "submitted": submitted,
        "opened": opened,
    }


def test_public_and_learner_pages_have_no_wcag_violation(live_server, site, page, axe):
    anonymous = [
        "/",
        site["catalogue"].url,
        site["course"].url,
        "/accounts/login/",
        "/accounts/signup/",
    ]
    problems = {url: axe(f"{live_server.url}{url}") for url in anonymous}

    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=login]").fill(site["learner"].email)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    learner_pages = [
        site["course"].url,
        site["lesson"].url,
        site["quiz"].url,
        reverse("learners:quiz_attempt", args=[site["opened"].pk]),
        reverse("learners:quiz_attempt", args=[site["submitted"].pk]),
        "/mon-parcours/",
        "/profile/",
        "/mes-donnees/",
    ]
    problems.update(
        {f"{url} (learner)": axe(f"{live_server.url}{url}") for url in learner_pages}
    )
    problems = {url: found for url, found in problems.items() if found}
    assert problems == {}
