"""Random draws from question banks: the cost of starting a quiz does not grow with
the bank, and a draw still asks unasked questions first, never one twice."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import ModulePage, QuestionBank
from learners.services import enrollment_create, quiz_attempt_start
from tests.factories.courses import course_create
from tests.factories.learners import ProfileFactory
from tests.factories.quizzes import bank_create, quiz_create, single, truefalse

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    return ModulePage.objects.child_of(
        course_create(title="Budget communal", modules=1, lessons_per_module=1)
    ).get()


def _learner(module):
    user = ProfileFactory().user
    enrollment_create(user=user, course=module.get_parent().specific)
    return user


def _start_queries(module, bank, count=5) -> tuple[int, object]:
    quiz = quiz_create(module, questions=[truefalse()], draws=[(bank, "budget", count)])
    quiz_attempt_start(user=_learner(module), quiz=quiz)  # warm: the bank's rows
    user = _learner(module)
    with CaptureQueriesContext(connection) as context:
        attempt = quiz_attempt_start(user=user, quiz=quiz, rng=random.Random(4))
    return len(context.captured_queries), attempt


def test_quiz_start_queries_do_not_grow_with_the_bank(module):
    """Starting a quiz drawing 5 questions costs the same queries from 20 or 3,000."""
    small = bank_create(
        "Petite", [single(f"Q{n} ?", category="budget") for n in range(20)]
    )
    big = bank_create(
        "Grande",
        [
            single(f"Q{n} ?", category="budget" if n % 2 else "autre")
            for n in range(3000)
        ],
    )
    small_queries, small_attempt = _start_queries(module, small)
    big_queries, big_attempt = _start_queries(module, big)
    assert small_queries == big_queries
    drawn = [item for item in big_attempt.questions if item["bank"]]
    assert len(drawn) == 5 and len({item["id"] for item in drawn}) == 5
    assert all(item["question"]["category"] == "budget" for item in drawn)


def test_quiz_start_does_not_read_the_banks_questions(module):
    """No query of a quiz start reads a bank's whole question list."""
    bank = bank_create(
        "Banque", [single(f"Q{n} ?", category="budget") for n in range(20)]
    )
    _start_queries(module, bank)
    quiz = quiz_create(module, draws=[(bank, "budget", 3)], slug="autre")
    user = _learner(module)
    with CaptureQueriesContext(connection) as context:
        quiz_attempt_start(user=user, quiz=quiz)
    assert not [
        q["sql"]
        for q in context.captured_queries
        if '"courses_questionbank"."questions"' in q["sql"]
    ]


def test_bank_draw_asks_every_question_before_repeating_and_follows_edits(module):
    """Retakes ask unasked questions first; a question added to the bank is drawn."""
    bank = bank_create(
        "Finances", [single(f"Question {n} ?", category="budget") for n in range(4)]
    )
    quiz = quiz_create(module, draws=[(bank, "budget", 2)])
    user = _learner(module)
    asked = []
    for _ in range(2):
        attempt = quiz_attempt_start(user=user, quiz=quiz)
        asked.append({item["id"] for item in attempt.questions if item["bank"]})
        attempt.state = "graded"
        attempt.save()
    assert len(asked[0] | asked[1]) == 4
    bank = QuestionBank.objects.get(pk=bank.pk)
    bank.questions.append(("single_choice", bank.questions[0].value))
    bank.save()
    new_id = bank.questions[-1].id
    attempt = quiz_attempt_start(user=user, quiz=quiz)
    assert new_id in {item["id"] for item in attempt.questions}
