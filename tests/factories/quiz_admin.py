"""The quiz the trainers' screens are tested on (a course of one module whose quiz
asks a single choice, a true/false and an essay), a trainer logged in, and two
learners of two cities: fixtures shared by the tests of the quiz screens and of the
listing of attempts (each module binds them: ``course = quiz_admin.course``…)."""

from datetime import UTC, datetime

import pytest

from courses.models import ModulePage
from learners.roles import Role
from learners.services import role_grant
from tests.factories.courses import course_create
from tests.factories.learners import MunicipalityFactory, ProfileFactory, UserFactory
from tests.factories.quizzes import essay, quiz_create, single, truefalse


@pytest.fixture
def course():
    return course_create(title="Budget communal", modules=1, lessons_per_module=1)


@pytest.fixture
def quiz(course):
    return quiz_create(
        ModulePage.objects.child_of(course).get(),
        title="Quiz du budget",
        questions=[single(), truefalse(), essay(marks="2")],
        pass_mark=50,
    )


@pytest.fixture
def trainer(client):
    user = UserFactory(first_name="Moussa", last_name="Ndiaye")
    role_grant(user=user, role=Role.TRAINER)
    client.force_login(user)
    return user


@pytest.fixture
def people():
    dakar = MunicipalityFactory(name="Dakar", country="SN")
    tunis = MunicipalityFactory(name="Tunis", country="TN")
    awa = ProfileFactory(
        municipality=dakar,
        user__first_name="Awa",
        user__last_name="Diop",
        user__email="awa.diop@dakar.example",
    ).user
    youssef = ProfileFactory(
        municipality=tunis,
        user__first_name="Youssef",
        user__last_name="Ben Ali",
        user__email="y.benali@tunis.example",
    ).user
    return {"dakar": dakar, "tunis": tunis, "awa": awa, "youssef": youssef}


def at(day: int, hour: int = 10) -> datetime:
    """A fixed moment of March 2026 (never today's date)."""
    return datetime(2026, 3, day, hour, tzinfo=UTC)
