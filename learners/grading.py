"""Grading a learner's response to a question: pure functions, no database.

A quiz attempt snapshots its questions as ``Question`` (the model shared with
the GIFT/Aiken import and export) and grades each response on the server here, by
asking the question's type (``courses.question_types``, one module per type):

    result = grade_response(question, response)   # may raise InvalidResponse
    points, max_points, pending = attempt_score([(result, marks), ...])

Response shapes, by question type:

* ``single``: ``int | None``, an index into ``question.choices``.
* ``multiple``: ``set[int] | list[int]`` of such indexes; the chosen weights are
  added up (negative weights allowed), the total floored at 0 and capped at 1. Weights
  such as 3 × 33.33333% count as the 100% the importer takes them for.
* ``truefalse``: ``bool | None``.
* ``shortanswer``: ``str``, compared with each accepted answer after
  ``normalize_answer`` (case, accents and spacing ignored); ``*`` in an accepted
  answer stands for any run of characters and ``\\*`` for a literal asterisk, as in
  Moodle. The best-weighted matching answer wins.
* ``numerical``: ``str | Decimal | float | int``; a string may use a French decimal
  comma (``3,5``), spaces between thousands (``1 000``) and a leading sign. The
  best-weighted answer whose tolerance or range holds the number wins; the
  "any other answer" one only when none does.
* ``matching``: ``dict[int, int]``, from a prompt's index (among the pairs with a
  prompt) to an index into ``matching_answers(question)``; missing prompts are wrong.
* ``essay``: ``str``; left "pending" for a trainer to grade.
* ``description``: anything; "ungraded".

``None``, an empty (or blank) text, an empty set or an empty dict is "unanswered"
(fraction 0). A response of the wrong shape or out of range raises
``InvalidResponse``, whose message is translated and can be shown to the learner.

Fractions are Decimals from 0 to 1 of the question's marks, rounded to 7 places as
Moodle stores them. ``feedback`` lists the non-empty feedback of the answers the
learner chose, in the question's order (matching pairs have none).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeAlias

from courses.question_types import (
    GradeResult,
    InvalidResponse,
    Question,
    matching_answers,
    normalize_answer,
    question_type,
)
from courses.question_types.base import PLACES, ZERO, GradeState, result, unanswered

__all__ = [
    "GradeResult",
    "GradeState",
    "InvalidResponse",
    "Response",
    "attempt_score",
    "grade_response",
    "matching_answers",
    "normalize_answer",
]

Response: TypeAlias = (
    int
    | bool
    | str
    | Decimal
    | float
    | set[int]
    | frozenset[int]
    | list[int]
    | tuple[int, ...]
    | dict[int, int | None]
    | None
)


def grade_response(question: Question, response: Response) -> GradeResult:
    """Grade ``response`` to ``question`` (by its type's ``grade``);
    ``InvalidResponse`` if it does not fit, ValueError for an unknown type."""
    kind = question_type(question.qtype)
    if not kind.graded:
        return result("ungraded")
    if response is None:
        return unanswered()
    return kind.grade(question, response)


# --------------------------------------------------------------------------- attempt


def attempt_score(
    results: list[tuple[GradeResult, Decimal]],
) -> tuple[Decimal, Decimal, bool]:
    """``(points, max_points, pending)`` of an attempt, from each question's result
    and marks. Descriptions count for nothing; an essay not yet graded counts 0 points
    out of its marks and makes ``pending`` True."""
    points = ZERO
    max_points = ZERO
    pending = False
    for graded, marks in results:
        if graded.state == "ungraded":
            continue
        if marks < 0:
            raise ValueError(f"marks cannot be negative: {marks}")
        points += graded.fraction * marks
        max_points += marks
        pending = pending or graded.state == "pending"
    return points.quantize(PLACES), max_points, pending
