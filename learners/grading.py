"""Grading a learner's response to a question: pure functions, no database.

A quiz attempt snapshots its questions as ``ParsedQuestion`` (the model shared with
the GIFT/Aiken import and export) and grades each response on the server here:

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

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal, TypeAlias, TypeGuard

from django.utils.translation import gettext as _

from courses.question_formats.model import Choice, NumericalAnswer, ParsedQuestion

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

GradeState: TypeAlias = Literal["graded", "pending", "unanswered", "ungraded"]
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

_ZERO = Decimal(0)
_ONE = Decimal(1)
_HUNDRED = Decimal(100)
_PLACES = Decimal("0.0000001")

# Unescaped runs of asterisks are wildcards; ``\*`` is a literal asterisk (Moodle's
# qtype_shortanswer_question::compare_string_with_wildcard).
_WILDCARD = re.compile(r"(?<!\\)\*+")
_SPACES = re.compile(r"\s+")
# Spaces people put between groups of digits: ordinary, non-breaking, thin, narrow.
_DIGIT_GROUP_SPACE = re.compile(r"(?<=\d)[\s\u00a0\u2009\u202f]+(?=\d)")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


class InvalidResponse(ValueError):
    """A response that does not fit its question (wrong shape, or out of range)."""


@dataclass(frozen=True)
class GradeResult:
    """The grade of one response: ``fraction`` of the question's marks, from 0 to 1."""

    fraction: Decimal
    state: GradeState
    feedback: list[str] = field(default_factory=list)
    correct: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "correct", self.fraction == _ONE)


# --------------------------------------------------------------------------- helpers


def normalize_answer(text: str) -> str:
    """``text`` with accents and case dropped and spaces collapsed: "  CONSÉIL  Municipal "
    gives "conseil municipal"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", bare.casefold()).strip()


def matching_answers(question: ParsedQuestion) -> list[str]:
    """The answers offered for every prompt of a matching question, distractors
    included, each once, in the order of the pairs."""
    return list(dict.fromkeys(pair.answer for pair in question.pairs))


def _fraction(value: Decimal) -> Decimal:
    """``value`` (0..1, possibly beyond) rounded to 7 places, floored at 0, capped at 1."""
    rounded = value.quantize(_PLACES, rounding=ROUND_HALF_UP)
    return min(_ONE, max(_ZERO, rounded)).quantize(_PLACES)


def _result(
    state: GradeState, fraction: Decimal = _ZERO, feedback: Iterable[str] = ()
) -> GradeResult:
    return GradeResult(_fraction(fraction), state, [text for text in feedback if text])


def _unanswered() -> GradeResult:
    return _result("unanswered")


def _is_index(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _not_offered() -> InvalidResponse:
    return InvalidResponse(_("This answer is not one of the answers offered."))


def _not_text() -> InvalidResponse:
    return InvalidResponse(_("The answer must be text."))


def _not_number(value: object) -> InvalidResponse:
    return InvalidResponse(_("“%(value)s” is not a number.") % {"value": value})


# --------------------------------------------------------------------------- grading


def grade_response(question: ParsedQuestion, response: Response) -> GradeResult:
    """Grade ``response`` to ``question``; ``InvalidResponse`` if it does not fit."""
    qtype = question.qtype
    if qtype == "description":
        return _result("ungraded")
    grader = _GRADERS.get(qtype)
    if grader is None:
        raise ValueError(f"unknown question type {qtype!r}")
    if response is None:
        return _unanswered()
    return grader(question, response)


def _grade_single(question: ParsedQuestion, response: Response) -> GradeResult:
    if not _is_index(response) or not 0 <= response < len(question.choices):
        raise _not_offered()
    choice = question.choices[response]
    return _result("graded", choice.fraction / _HUNDRED, [choice.feedback])


def _grade_multiple(question: ParsedQuestion, response: Response) -> GradeResult:
    if not isinstance(response, set | frozenset | list | tuple):
        raise _not_offered()
    chosen = set(response)
    if not chosen:
        return _unanswered()
    if not all(
        _is_index(index) and 0 <= index < len(question.choices) for index in chosen
    ):
        raise _not_offered()
    picked = [question.choices[index] for index in sorted(chosen)]
    total = sum((choice.fraction for choice in picked), _ZERO)
    return _result(
        "graded", total / _full_weight(question), [choice.feedback for choice in picked]
    )


def _full_weight(question: ParsedQuestion) -> Decimal:
    """What the chosen weights of a multiple-answer question are divided by: 100, or
    the total of the positive weights when the importer takes it for 100% (three
    answers at 33.33333% add up to 99.99999%), so that every right answer gives 1."""
    positive = sum((c.fraction for c in question.choices if c.fraction > 0), _ZERO)
    if positive > 0 and round(positive / _HUNDRED, 2) == 1:
        return positive
    return _HUNDRED


def _grade_truefalse(question: ParsedQuestion, response: Response) -> GradeResult:
    if not isinstance(response, bool):
        raise InvalidResponse(_("Answer true or false."))
    feedback = question.feedback_true if response else question.feedback_false
    fraction = _ONE if response == question.answer else _ZERO
    return _result("graded", fraction, [feedback])


def _wildcard_pattern(accepted: str) -> re.Pattern[str]:
    bits = _WILDCARD.split(normalize_answer(accepted))
    escaped = (re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.compile(".*".join(escaped), re.DOTALL)


def _short_answer_matches(choice: Choice, answer: str) -> bool:
    return _wildcard_pattern(choice.text).fullmatch(answer) is not None


def _grade_shortanswer(question: ParsedQuestion, response: Response) -> GradeResult:
    if not isinstance(response, str):
        raise _not_text()
    answer = normalize_answer(response)
    if not answer:
        return _unanswered()
    best: Choice | None = None
    for choice in question.choices:
        if _short_answer_matches(choice, answer) and (
            best is None or choice.fraction > best.fraction
        ):
            best = choice
    if best is None:
        return _result("graded")
    return _result("graded", best.fraction / _HUNDRED, [best.feedback])


def _parse_number(response: Response) -> Decimal | None:
    """The number typed or given; None when nothing was typed."""
    if isinstance(response, bool):
        raise _not_number(response)
    if isinstance(response, Decimal | int | float):
        try:
            number = Decimal(str(response))
        except InvalidOperation:
            raise _not_number(response) from None
        if not number.is_finite():
            raise _not_number(response)
        return number
    if not isinstance(response, str):
        raise _not_number(response)
    text = response.strip()
    if not text:
        return None
    compact = _DIGIT_GROUP_SPACE.sub("", text)
    if not _NUMBER.fullmatch(compact):
        raise _not_number(text)
    return Decimal(compact.replace(",", "."))


def _numerical_matches(answer: NumericalAnswer, number: Decimal) -> bool:
    bounds = answer.bounds()
    return bounds is not None and bounds[0] <= number <= bounds[1]


def _grade_numerical(question: ParsedQuestion, response: Response) -> GradeResult:
    number = _parse_number(response)
    if number is None:
        return _unanswered()
    best: NumericalAnswer | None = None
    for answer in question.numerical:
        if _numerical_matches(answer, number) and (
            best is None or answer.fraction > best.fraction
        ):
            best = answer
    if best is None:
        best = next((a for a in question.numerical if a.is_catch_all), None)
    if best is None:
        return _result("graded")
    return _result("graded", best.fraction / _HUNDRED, [best.feedback])


def _grade_matching(question: ParsedQuestion, response: Response) -> GradeResult:
    if not isinstance(response, dict):
        raise _not_offered()
    prompts = [pair for pair in question.pairs if pair.prompt]
    answers = matching_answers(question)
    given: dict[int, str] = {}
    for prompt_index, answer_index in response.items():
        if not _is_index(prompt_index) or not 0 <= prompt_index < len(prompts):
            raise _not_offered()
        if answer_index is None:
            continue
        if not _is_index(answer_index) or not 0 <= answer_index < len(answers):
            raise _not_offered()
        given[prompt_index] = answers[answer_index]
    if not given or not prompts:
        return _unanswered()
    right = sum(
        1 for index, pair in enumerate(prompts) if given.get(index) == pair.answer
    )
    return _result("graded", Decimal(right) / Decimal(len(prompts)))


def _grade_essay(question: ParsedQuestion, response: Response) -> GradeResult:
    if not isinstance(response, str):
        raise _not_text()
    if not response.strip():
        return _unanswered()
    return _result("pending")


_GRADERS = {
    "single": _grade_single,
    "multiple": _grade_multiple,
    "truefalse": _grade_truefalse,
    "shortanswer": _grade_shortanswer,
    "numerical": _grade_numerical,
    "matching": _grade_matching,
    "essay": _grade_essay,
}


# --------------------------------------------------------------------------- attempt


def attempt_score(
    results: list[tuple[GradeResult, Decimal]],
) -> tuple[Decimal, Decimal, bool]:
    """``(points, max_points, pending)`` of an attempt, from each question's result
    and marks. Descriptions count for nothing; an essay not yet graded counts 0 points
    out of its marks and makes ``pending`` True."""
    points = _ZERO
    max_points = _ZERO
    pending = False
    for result, marks in results:
        if result.state == "ungraded":
            continue
        if marks < 0:
            raise ValueError(f"marks cannot be negative: {marks}")
        points += result.fraction * marks
        max_points += marks
        pending = pending or result.state == "pending"
    return points.quantize(_PLACES), max_points, pending
