"""`seed_demo` creates the demo people once, prints their logins and refuses production."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from courses.models import CoursePage, ModulePage, QuestionBank, QuizDraw, QuizPage
from learners.models import (
    CityCoordinator,
    Completion,
    Enrollment,
    Municipality,
    Profile,
    QuizAttempt,
    User,
)
from learners.roles import Role

pytestmark = pytest.mark.django_db

LINE = re.compile(r"^demo account: (\S+@\S+) / (\S+) \(([a-z ]+)\)$")


def _seed(**kwargs):
    out = StringIO()
    call_command("seed_demo", stdout=out, **kwargs)
    return out.getvalue().splitlines()


def test_seed_demo_prints_one_line_per_account_and_they_can_log_in(settings, client):
    settings.DEBUG = True
    lines = _seed()
    accounts = [
        LINE.match(line).groups() for line in lines if line.startswith("demo account:")
    ]
    assert len(accounts) == User.objects.count() >= 8
    roles = {role for _, _, role in accounts}
    assert roles == {
        "site admin",
        "certificate admin",
        "trainer",
        "city coordinator",
        "learner",
    }
    for email, password, _ in accounts:
        response = client.post(
            "/accounts/login/", {"login": email, "password": password}
        )
        assert response.status_code == 302, email
        assert response["Location"] == "/", email
        client.logout()
    countries = set(Municipality.objects.values_list("country", flat=True))
    assert {"SN", "TN", "CM", "CA", "KH"} <= countries
    coordinator = CityCoordinator.objects.get()
    assert coordinator.user.groups.filter(name=Role.CITY_COORDINATOR).exists()


def test_seed_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    first = _seed()
    snapshot = list(User.objects.order_by("pk").values())
    profiles = list(Profile.objects.order_by("pk").values())
    pages = list(
        Page.objects.order_by("pk").values("pk", "title", "latest_revision_id")
    )
    learner_rows = _learner_rows()
    second = _seed()
    assert [line for line in first if line.startswith("demo account:")] == second
    assert list(User.objects.order_by("pk").values()) == snapshot
    assert list(Profile.objects.order_by("pk").values()) == profiles
    assert (
        list(Page.objects.order_by("pk").values("pk", "title", "latest_revision_id"))
        == pages
    )
    assert _learner_rows() == learner_rows


def _learner_rows():
    return [
        list(model.objects.order_by("pk").values())
        for model in (Enrollment, Completion, QuizAttempt, QuestionBank, QuizDraw)
    ]


def _question_types(quiz: QuizPage) -> set[str]:
    """Block types of the graded questions an attempt at the quiz may ask."""
    types = {b.block_type for b in quiz.questions if b.block_type != "description"}
    for draw in quiz.draws.all():
        types |= {b.block_type for b in draw.bank.question_blocks(draw.category)}
    return types


def test_seed_demo_ends_every_course_with_a_final_assessment(settings):
    """Each demo course ends with a live quiz of 6+ questions of 4+ types."""
    settings.DEBUG = True
    _seed()
    courses = CoursePage.objects.live()
    assert courses.count() == 4
    for course in courses:
        last_module = ModulePage.objects.child_of(course).order_by("path").last()
        quiz = last_module.get_children().order_by("path").last().specific
        assert isinstance(quiz, QuizPage) and quiz.live, course.title
        assert quiz.title.startswith("Évaluation finale : ")
        assert quiz.title_en.startswith("Final assessment: ")
        assert quiz.required and quiz.max_attempts == 3
        assert quiz.gradable_count() >= 6, course.title
        assert len(_question_types(quiz)) >= 4, course.title
        quiz.full_clean()
        assert QuizPage.objects.live().descendant_of(course).count() == 1


def test_seed_demo_iso_assessment_draws_from_the_bank_without_essays(settings):
    """The ISO 37001 assessment draws 2 questions per module from its bank, no essay."""
    settings.DEBUG = True
    _seed()
    course = CoursePage.objects.get(slug="iso-37001-anticorruption-collectivites")
    quiz = QuizPage.objects.descendant_of(course).get()
    bank = QuestionBank.objects.get(name="ISO 37001 — banque de questions")
    modules = [m.title for m in ModulePage.objects.child_of(course).order_by("path")]
    draws = list(quiz.draws.order_by("sort_order"))
    assert [(d.bank, d.category, d.count) for d in draws] == [
        (bank, title, 2) for title in modules
    ]
    assert set(modules) < set(bank.categories())
    for draw in draws:
        assert "essay" not in {
            b.block_type for b in bank.question_blocks(draw.category)
        }
    assert [b.block_type for b in quiz.questions] == ["description"]


def test_seed_demo_learner_has_passed_failed_and_pending_attempts(settings):
    """Awa has a failed then a passed ISO attempt (other questions) and one pending."""
    settings.DEBUG = True
    _seed()
    awa = User.objects.get(email="awa.diop@dakar.example")
    attempts = list(QuizAttempt.objects.filter(user=awa).order_by("pk"))
    assert [(a.state, a.passed) for a in attempts] == [
        ("graded", False),
        ("graded", True),
        ("pending", None),
    ]
    failed, passed, pending = attempts
    assert failed.quiz_id == passed.quiz_id
    assert failed.course.slug == "iso-37001-anticorruption-collectivites"
    assert failed.score < failed.pass_mark <= passed.score
    first, retake = ({i["id"] for i in a.questions if i["bank"]} for a in attempts[:2])
    # Questions not asked yet come first; the last module has only 3 without essays.
    assert len(retake) == 8 and len(retake - first) >= 7
    assert Completion.objects.filter(user=awa, page_id=passed.quiz_id).exists()
    essays = [i for i in pending.questions if i["question"]["qtype"] == "essay"]
    assert essays and pending.responses[str(essays[0]["position"])].strip()
    assert pending.results[str(essays[0]["position"])]["state"] == "pending"
    for attempt in attempts:
        assert Enrollment.objects.filter(user=awa, course=attempt.course).exists()
    youssef = User.objects.get(email="youssef.benali@tunis.example")
    finished = Enrollment.objects.get(user=youssef)
    assert finished.completed_at is not None, "the demo keeps one finished course"


def test_seed_demo_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        _seed()
    assert not User.objects.exists()
    assert _seed(force=True)
