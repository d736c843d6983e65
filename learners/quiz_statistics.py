"""Per-question statistics of a quiz, from its attempts: pure functions, no database.

``quiz_statistics(attempts, order=...)`` reads each attempt's snapshot (``questions``),
``results`` and ``responses`` and groups them by the question's stable id, so a
question keeps one line when it moved, was drawn from a bank or was edited (the texts
shown are those of the latest attempt given).

What is counted:

* attempts that are graded, or pending (waiting for an essay grade); open attempts
  are left out. Within them, a question counts when its result is not "pending" (an
  essay nobody graded yet says nothing about the question) and it is not a
  description.
* ``attempts``: how many counted attempts asked the question; ``answered``: how many
  of them gave an answer (result state other than "unanswered").

Formulas, over the n counted attempts that asked question q, with f(q, a) the
fraction of q's marks attempt a got (0 when unanswered) and m(q) q's marks:

* facility(q) = 100 × Σₐ f(q, a) / n, the mean percentage of full marks;
* rest(q, a) = Σ f(p, a) × m(p) / Σ m(p), over the other counted questions p of a
  (the score of the rest of the test, 0..1); an attempt with no other marks is left
  out;
* discrimination(q) = Pearson's r between f(q, a) and rest(q, a):
  r = Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² × Σ (y − ȳ)²), from −1 to 1; None with fewer
  than two attempts or when either side does not vary.

Distribution of the answers chosen (each question type's ``tally`` and
``distribution``): every choice (by text, in the order of the latest
version) with how many attempts chose it, for single, multiple and true/false
questions; the ``TOP_TEXTS`` most frequent answers, after ``normalize_answer``, for
short answer and numerical questions; for matching questions, per prompt, the answers
chosen.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.html import strip_tags
from django.utils.text import Truncator

from courses.question_types import (
    AnswerCount,
    PromptAnswers,
    question_from_data,
    question_type,
)
from courses.question_types.base import AnswerTally
from courses.question_types.shortanswer import TOP_TEXTS

__all__ = [
    "TOP_TEXTS",
    "AnswerCount",
    "AttemptRecord",
    "PromptAnswers",
    "QuestionStatistics",
    "QuizStatistics",
    "pearson",
    "quiz_statistics",
]

#: Length of the question text shown when the question has no title.
EXCERPT_LENGTH = 120
_COUNTED_ATTEMPT_STATES = frozenset({"graded", "pending"})
_EPSILON = 1e-12


@dataclass(frozen=True)
class AttemptRecord:
    """What statistics read of one attempt (the fields of ``QuizAttempt``)."""

    state: str
    questions: list[dict]
    results: dict
    responses: dict


@dataclass
class QuestionStatistics:
    """The figures of one question (by stable id) over the counted attempts."""

    question_id: str
    qtype: str
    title: str
    excerpt: str
    marks: Decimal
    from_bank: bool
    attempts: int
    answered: int
    facility: float | None  # percent, None when no attempt counted
    discrimination: float | None
    answers: list[AnswerCount] = field(default_factory=list)
    prompts: list[PromptAnswers] = field(default_factory=list)
    #: Typed answers beyond the ``TOP_TEXTS`` listed (how many responses they hold).
    other_answers: int = 0

    @property
    def label(self) -> str:
        return self.title or self.excerpt


@dataclass
class QuizStatistics:
    attempts: int  # counted attempts (graded or pending)
    questions: list[QuestionStatistics]


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """Pearson's correlation coefficient of two series of the same length, or None
    with fewer than two points or when a series does not vary."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx < _EPSILON or syy < _EPSILON:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def _excerpt(text: str) -> str:
    plain = " ".join(html.unescape(strip_tags(text or "")).split())
    return Truncator(plain).chars(EXCERPT_LENGTH)


def _decimal(value, default: Decimal = Decimal(0)) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return default


class _Accumulator:
    """Everything gathered about one question while reading the attempts."""

    def __init__(self, question_id: str, first_seen: int):
        self.question_id = question_id
        self.first_seen = first_seen
        self.question = None  # Question of the latest attempt
        self.marks = Decimal(0)
        self.from_bank = False
        self.fractions: list[float] = []
        self.pairs: list[tuple[float, float]] = []  # (fraction, rest of the test)
        self.answered = 0
        self.tally = AnswerTally()


def _statistics(acc: _Accumulator) -> QuestionStatistics:
    question = acc.question
    attempts = len(acc.fractions)
    stats = QuestionStatistics(
        question_id=acc.question_id,
        qtype=question.qtype,
        title=question.title,
        excerpt=_excerpt(question.text),
        marks=acc.marks,
        from_bank=acc.from_bank,
        attempts=attempts,
        answered=acc.answered,
        facility=100 * sum(acc.fractions) / attempts if attempts else None,
        discrimination=pearson([x for x, _y in acc.pairs], [y for _x, y in acc.pairs]),
    )
    distribution = question_type(question.qtype).distribution(acc.tally, question)
    stats.answers = distribution.answers
    stats.prompts = distribution.prompts
    stats.other_answers = distribution.other_answers
    return stats


def quiz_statistics(
    attempts: Iterable[AttemptRecord], *, order: Iterable[str] = ()
) -> QuizStatistics:
    """The statistics of every question asked in ``attempts`` (read once, in order,
    latest last). Questions come in ``order`` (stable ids, e.g. the quiz's own
    questions as authored), then the others in the order they were first met."""
    questions: dict[str, _Accumulator] = {}
    counted_attempts = 0
    for attempt in attempts:
        if attempt.state not in _COUNTED_ATTEMPT_STATES:
            continue
        counted = []  # (accumulator, fraction, marks) of this attempt
        for item in attempt.questions:
            data = item.get("question") or {}
            kind = question_type(data.get("qtype"))
            if not kind.graded:
                continue
            acc = questions.get(item["id"])
            if acc is None:
                acc = questions[item["id"]] = _Accumulator(item["id"], len(questions))
            question = question_from_data(data)
            acc.question = question
            acc.marks = _decimal(item.get("marks"), Decimal(1))
            acc.from_bank = item.get("bank") is not None
            position = str(item["position"])
            result = attempt.results.get(position) or {}
            state = result.get("state", "unanswered")
            if state == "pending":
                continue
            fraction = _decimal(result.get("fraction"))
            acc.fractions.append(float(fraction))
            if state != "unanswered":
                acc.answered += 1
                kind.tally(
                    acc.tally, question, attempt.responses.get(position), fraction
                )
            counted.append((acc, float(fraction), float(acc.marks)))
        if not counted:
            continue
        counted_attempts += 1
        points = sum(fraction * marks for _acc, fraction, marks in counted)
        max_points = sum(marks for _acc, _fraction, marks in counted)
        for acc, fraction, marks in counted:
            rest_max = max_points - marks
            if rest_max > 0:
                acc.pairs.append((fraction, (points - fraction * marks) / rest_max))
    rank = {question_id: index for index, question_id in enumerate(order)}
    ordered = sorted(
        questions.values(),
        key=lambda acc: (
            rank.get(acc.question_id, len(rank)),
            acc.first_seen,
        ),
    )
    return QuizStatistics(
        attempts=counted_attempts, questions=[_statistics(acc) for acc in ordered]
    )
