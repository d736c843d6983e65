"""One course score, computed in Python (certificates, the PDF) and in SQL (reports):
both give the same figure on the same attempts, with best and last attempts counted
as each quiz says and a quiz without a graded attempt counting 0."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from certificates.selectors import overall_quiz_score_get
from courses.models import CoursePage, GradingMethod, ModulePage, QuizPage
from learners.grading import GradeResult
from learners.models import Enrollment, QuizAttempt
from learners.scoring import (
    attempt_totals,
    counted_attempt,
    course_score,
    course_score_expression,
    score_round,
)
from tests.factories.courses import course_create
from tests.factories.learners import UserFactory
from tests.factories.quizzes import quiz_create

pytestmark = pytest.mark.django_db


def attempt(user, quiz, score, *, state=QuizAttempt.State.GRADED):
    number = QuizAttempt.objects.filter(user=user, quiz=quiz).count() + 1
    QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        course=CoursePage.objects.ancestor_of(quiz).get(),
        number=number,
        state=state,
        pass_mark=50,
        score=score,
    )


@pytest.fixture
def campus():
    """Course "Budget": a best-attempt quiz, a last-attempt quiz and an unpublished
    quiz (which never counts); course "ISO" with one quiz; course "Vide" without any.

    | learner | best quiz | last quiz | draft | ISO | Budget score |
    |---|---|---|---|---|---|
    | Awa | 60, 80, 70 → 80 | 90, 50 → 50 | 100 | — | 65.00 |
    | Binta | — | — | — | 100 | 0.00 (no attempt yet) |
    | Chérif | 40 pending, open | 33.33 → 33.33 | — | — | 16.66 (16.665, half even) |
    | Dior | 75, 75 → 75 | 20, 95 → 95 | — | — | 85.00 |
    """
    budget = course_create(title="Budget", modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(budget).get()
    best = quiz_create(module, title="Best", grading_method=GradingMethod.BEST)
    last = quiz_create(module, title="Last", grading_method=GradingMethod.LAST)
    draft = quiz_create(module, title="Draft")
    QuizPage.objects.filter(pk=draft.pk).update(live=False)
    iso = course_create(title="ISO", modules=1, lessons_per_module=1)
    iso_quiz = quiz_create(ModulePage.objects.child_of(iso).get(), title="ISO quiz")
    empty = course_create(title="Vide", modules=1, lessons_per_module=1)

    users = {name: UserFactory(first_name=name) for name in ("Awa", "Binta", "Chérif")}
    users["Dior"] = UserFactory(first_name="Dior")
    for user in users.values():
        for course in (budget, iso, empty):
            Enrollment.objects.create(user=user, course=course)
    awa, binta, cherif, dior = users.values()
    for score in (60, 80, 70):
        attempt(awa, best, score)
    for score in (90, 50):
        attempt(awa, last, score)
    attempt(awa, draft, 100)
    attempt(binta, iso_quiz, 100)
    attempt(cherif, best, 40, state=QuizAttempt.State.PENDING)
    attempt(cherif, best, None, state=QuizAttempt.State.OPEN)
    attempt(cherif, last, Decimal("33.33"))
    for score in (75, 75):
        attempt(dior, best, score)
    for score in (20, 95):
        attempt(dior, last, score)
    return SimpleNamespace(
        budget=budget, iso=iso, empty=empty, best=best, last=last, users=users
    )


def both_ways(course):
    """``{learner: (Python course score, SQL course score)}`` for the course."""
    sql = dict(
        Enrollment.objects.filter(course=course)
        .annotate(score=course_score_expression())
        .values_list("user__first_name", "score")
    )
    return {
        name: (overall_quiz_score_get(user=user, course=course), score_round(sql[name]))
        for name, user in campus_users(course).items()
    }


def campus_users(course):
    return {
        e.user.first_name: e.user
        for e in Enrollment.objects.filter(course=course).select_related("user")
    }


def test_course_score_is_the_same_in_python_and_in_sql(campus):
    """Best of one quiz, last of the other, no attempt counts 0: same figures both ways."""
    assert both_ways(campus.budget) == {
        "Awa": (Decimal("65.00"), Decimal("65.00")),
        "Binta": (Decimal("0.00"), Decimal("0.00")),
        "Chérif": (Decimal("16.66"), Decimal("16.66")),
        "Dior": (Decimal("85.00"), Decimal("85.00")),
    }


def test_course_score_of_another_course_ignores_the_first_one(campus):
    """ISO counts only its own quiz: 100 for Binta, 0 for the others, both ways."""
    scores = both_ways(campus.iso)
    assert scores["Binta"] == (Decimal("100.00"), Decimal("100.00"))
    assert scores["Awa"] == (Decimal("0.00"), Decimal("0.00"))


def test_course_without_a_quiz_has_no_course_score_either_way(campus):
    """A course without any live quiz has no score (None), in Python and in SQL."""
    assert set(both_ways(campus.empty).values()) == {(None, None)}


def test_switching_best_and_last_changes_the_score_both_ways(campus):
    """Counting Awa's best (90) instead of her last (50) in "Last" gives 85 both ways."""
    QuizPage.objects.filter(pk=campus.last.pk).update(grading_method=GradingMethod.BEST)
    QuizPage.objects.filter(pk=campus.best.pk).update(grading_method=GradingMethod.LAST)
    scores = both_ways(campus.budget)
    assert scores["Awa"] == (Decimal("80.00"), Decimal("80.00"))  # last 70, best 90
    assert scores["Dior"] == (Decimal("85.00"), Decimal("85.00"))


# --------------------------------------------------------------------------- pure


def test_counted_attempt_is_the_best_or_the_last():
    """Scores 60, 80, 70: the best counts 80, the last counts 70."""
    graded = [
        SimpleNamespace(number=n, score=Decimal(s))
        for n, s in enumerate((60, 80, 70), 1)
    ]
    assert counted_attempt(graded, GradingMethod.BEST).score == 80
    assert counted_attempt(graded, GradingMethod.LAST).score == 70
    assert counted_attempt([], GradingMethod.LAST) is None


def test_course_score_counts_a_missing_quiz_as_zero():
    """80 and no attempt average to 40; no quiz at all gives no score."""
    assert course_score([Decimal(80), None]) == Decimal("40.00")
    assert course_score([]) is None


def test_attempt_totals_score_and_pass_or_pending():
    """1.5 of 2 marks is 75 % and passes 50; a pending essay leaves the pass open."""
    graded = attempt_totals(
        [(GradeResult(Decimal("0.75"), "graded"), Decimal(2))], pass_mark=50
    )
    assert (graded.score, graded.passed) == (Decimal("75.00"), True)
    pending = attempt_totals(
        [
            (GradeResult(Decimal(1), "graded"), Decimal(1)),
            (GradeResult(Decimal(0), "pending"), Decimal(3)),
        ],
        pass_mark=50,
    )
    assert (pending.score, pending.pending, pending.passed) == (
        Decimal("25.00"),
        True,
        None,
    )
