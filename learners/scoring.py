"""Scores: how an attempt is scored, which attempt of a quiz counts, a learner's course
score, and how a score is shown. One module, one answer for every page, e-mail, PDF,
certificate rule and report.

- ``attempt_totals`` (``attempt_percent``, ``attempt_passed``): an attempt's points,
  score and pass from its per-question results;
- ``counted_attempt``: the graded attempt whose score counts (the quiz's grading method:
  best or last);
- ``course_score``: the mean, over the course's live quizzes, of the counted score of
  each (a quiz without a graded attempt counts 0; None when the course has no quiz);
- ``course_score_expression``: the same course score as one SQL expression on an
  ``Enrollment`` queryset, for aggregates (the reports).
  ``tests/learners/test_course_score.py`` checks that both give the same figures.

Scores are stored with two decimals (``97.22``); people see a whole percent, rounded
half up (97.22 → 97, 97.5 → 98), the same on the quiz result, the quiz page, e-mails,
the certificate and the reports. Progress is another rule (``learners.progress.percent``):
it rounds down, so 99.9 % done never shows 100.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils import formats

from courses.models import GradingMethod, QuizPage
from learners.grading import GradeResult, attempt_score

_HUNDRED = Decimal(100)
SCORE_PLACES = Decimal("0.01")
POINT_PLACES = Decimal("0.001")


# --------------------------------------------------------------------------- attempt


@dataclass(frozen=True)
class AttemptTotals:
    """What an attempt's results add up to."""

    points: Decimal
    max_points: Decimal
    score: Decimal  # a percentage with two decimals
    pending: bool  # an essay awaits a trainer: no pass or fail yet
    passed: bool | None  # None while pending


def attempt_percent(points: Decimal, max_points: Decimal) -> Decimal:
    """An attempt's score: its points as a percentage of its marks, two decimals (100
    when it has no marks at all)."""
    if not max_points:
        return _HUNDRED
    return (points * _HUNDRED / max_points).quantize(SCORE_PLACES)


def attempt_passed(score: Decimal, pass_mark) -> bool:
    """A graded attempt passes with a score at or above the quiz's pass mark."""
    return score >= pass_mark


def attempt_totals(
    results: Iterable[tuple[GradeResult, Decimal]], *, pass_mark
) -> AttemptTotals:
    """Points, score and pass of an attempt, from each question's result and marks."""
    points, max_points, pending = attempt_score(list(results))
    score = attempt_percent(points, max_points)
    return AttemptTotals(
        points=points.quantize(POINT_PLACES),
        max_points=max_points,
        score=score,
        pending=pending,
        passed=None if pending else attempt_passed(score, pass_mark),
    )


# --------------------------------------------------------------------------- quiz


def counted_attempt(graded: Sequence, grading_method: str):
    """The graded attempt whose score counts, or None: the last one (highest number)
    under ``GradingMethod.LAST``, else the best (ties: the later one). ``graded`` holds
    objects with ``score`` and ``number``, only graded attempts of one quiz."""
    if grading_method == GradingMethod.LAST:
        return max(graded, key=lambda a: a.number, default=None)
    return max(graded, key=lambda a: (a.score, a.number), default=None)


# --------------------------------------------------------------------------- course


def score_round(value) -> Decimal | None:
    """A computed score kept to two decimals, as stored (None stays None)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(SCORE_PLACES)


def course_score(counted_scores: Sequence[Decimal | None]) -> Decimal | None:
    """The course score from the counted score of each live quiz of the course (None:
    no graded attempt there, counts 0); None when the course has no quiz."""
    if not counted_scores:
        return None
    total = sum((score or Decimal(0) for score in counted_scores), Decimal(0))
    return score_round(total / len(counted_scores))


def _graded_attempts():
    from learners.models import QuizAttempt  # models import nothing from here

    return QuizAttempt.objects.filter(
        state=QuizAttempt.State.GRADED, score__isnull=False
    )


def _counted_attempts(*, user, course_path):
    """The counted graded attempt of each live quiz under ``course_path``, as a queryset
    of QuizAttempt (no two rows for one quiz)."""
    graded = _graded_attempts()
    same_quiz = graded.filter(user=OuterRef("user_id"), quiz=OuterRef("quiz_id"))
    later = same_quiz.filter(number__gt=OuterRef("number"))
    better = same_quiz.filter(
        Q(score__gt=OuterRef("score"))
        | Q(score=OuterRef("score"), number__gt=OuterRef("number"))
    )
    last = Q(quiz__grading_method=GradingMethod.LAST)
    return graded.filter(
        user=user,
        quiz__live=True,
        quiz__path__startswith=course_path,
    ).filter((last & ~Exists(later)) | (~last & ~Exists(better)))


def course_score_expression():
    """The learner's course score as an SQL expression on an ``Enrollment`` queryset:
    ``course_score`` of the enrolment's learner and course (NULL when the course has no
    live quiz), before rounding: ``score_round`` of it is ``course_score``. Annotate
    with it and aggregate (``Avg``) over enrolments."""
    course_path = OuterRef("course__path")
    quiz_count = Subquery(
        QuizPage.objects.live()
        .filter(path__startswith=course_path)
        .order_by()
        .annotate(count=Func(F("pk"), function="COUNT"))
        .values("count")
    )
    counted_sum = Subquery(
        _counted_attempts(user=OuterRef("user_id"), course_path=course_path)
        .order_by()
        .values("user_id")
        .annotate(total=Sum("score"))
        .values("total")[:1]
    )
    score_field = DecimalField(max_digits=5, decimal_places=2)
    return ExpressionWrapper(
        Coalesce(counted_sum, Value(Decimal(0)), output_field=score_field)
        * Value(1.0)
        / NullIf(quiz_count, Value(0)),
        output_field=score_field,
    )


# --------------------------------------------------------------------------- display


def score_percent(score) -> int | None:
    """The score as a whole percent, rounded half up (None stays None)."""
    if score is None or score == "":
        return None
    return int(Decimal(str(score)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def score_percent_text(score, *, empty: str = "—") -> str:
    """``"97 %"`` in the active language's number format (``empty`` without score)."""
    value = score_percent(score)
    if value is None:
        return empty
    return f"{formats.number_format(value)} %"
