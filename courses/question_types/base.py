"""What a question type knows, and the small pieces every type builds on.

A ``QuestionType`` is a stateless object; the registry holds one per type, and every
caller asks it instead of branching on ``question.qtype`` (as Wagtail's form builder
keeps one ``create_<type>_field`` per field type and picks it by the type):

* ``block()``: the block trainers author such questions with (in the type's module);
* ``validate(question)``: raises ``ValidationError`` for a question the type refuses
  (the blocks' ``clean()``, the GIFT and Aiken readers and the tests call it);
* ``from_block(value)`` / ``to_block(question, fragment)``: the type's own fields of
  its block, both ways (texts already turned into HTML by the caller's ``fragment``);
* ``snapshot_orders``, ``field_names``, ``form_fill`` and ``read_response``: the
  attempt form, built and read back by the same object;
* ``grade(question, response)``: the grade of an answered response;
* ``right_answers`` / ``your_answer``: the review's texts;
* ``tally`` / ``distribution``: the answers' statistics;
* ``gift_lines``: the answers' part of a GIFT question;
* ``sample_response``: a response meant right or wrong (load data, benchmarks).

Pure Python: no database, no learner models.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, TypeAlias, TypeGuard

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from courses.question_types.model import Choice, Question

GradeState: TypeAlias = Literal["graded", "pending", "unanswered", "ungraded"]

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
PLACES = Decimal("0.0000001")
#: Longest typed answer the attempt form takes.
MAX_TEXT_LENGTH = 10_000

_SPACES = re.compile(r"\s+")


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
        object.__setattr__(self, "correct", self.fraction == ONE)


def fraction_of(value: Decimal) -> Decimal:
    """``value`` (0..1, possibly beyond) rounded to 7 places, floored at 0, capped at 1."""
    rounded = value.quantize(PLACES, rounding=ROUND_HALF_UP)
    return min(ONE, max(ZERO, rounded)).quantize(PLACES)


def result(
    state: GradeState, fraction: Decimal = ZERO, feedback: Iterable[str] = ()
) -> GradeResult:
    return GradeResult(
        fraction_of(fraction), state, [text for text in feedback if text]
    )


def unanswered() -> GradeResult:
    return result("unanswered")


def is_index(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def not_offered() -> InvalidResponse:
    return InvalidResponse(_("This answer is not one of the answers offered."))


def not_text() -> InvalidResponse:
    return InvalidResponse(_("The answer must be text."))


def read_index(raw: str, size: int) -> int:
    """A posted position among ``size`` answers shown; InvalidResponse otherwise."""
    try:
        index = int(raw)
    except (TypeError, ValueError):
        raise not_offered() from None
    if not 0 <= index < size:
        raise not_offered()
    return index


def chosen_values(data, name: str) -> list[str]:
    """The values sent for a field, without the empty marker every form sends."""
    return [value for value in data.getlist(name) if value != ""]


def read_text(data, name: str) -> str:
    """A typed answer; InvalidResponse when it is too long."""
    text = data.get(name, "")
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidResponse(
            _("This answer is too long (%(max)s characters at most).")
            % {"max": MAX_TEXT_LENGTH}
        )
    return text


def normalize_answer(text: str) -> str:
    """``text`` with accents and case dropped and spaces collapsed: "  CONSÉIL  Municipal "
    gives "conseil municipal"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", bare.casefold()).strip()


def number_text(value: Decimal) -> str:
    """A number as GIFT writes it (and as messages quote it): no trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# --------------------------------------------------------------------------- form


@dataclass
class Option:
    """An answer offered by the attempt form (``value`` is what the form posts)."""

    value: str
    text: str
    selected: bool = False


@dataclass
class MatchingPrompt:
    """A matching question's prompt in the attempt form, with its own select."""

    name: str
    text: str
    options: list[Option]


# --------------------------------------------------------------------------- statistics


@dataclass
class AnswerCount:
    """An answer and how many attempts gave it; ``correct``: it earns full marks
    (for typed answers: the attempts that gave it got full marks)."""

    text: str
    count: int
    correct: bool = False


@dataclass
class PromptAnswers:
    """The answers chosen for one prompt of a matching question."""

    prompt: str
    answers: list[AnswerCount]


@dataclass
class AnswerTally:
    """The answers given to one question, counted while reading the attempts."""

    choices: Counter[str] = field(default_factory=Counter)
    texts: Counter[str] = field(default_factory=Counter)
    full_mark_texts: set[str] = field(default_factory=set)
    prompts: dict[str, Counter[str]] = field(default_factory=dict)


@dataclass
class Distribution:
    """What statistics show of the answers: choices or typed answers, or prompts."""

    answers: list[AnswerCount] = field(default_factory=list)
    prompts: list[PromptAnswers] = field(default_factory=list)
    #: Typed answers beyond those listed (how many responses they hold).
    other_answers: int = 0


def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most frequent first; equal counts in alphabetical order."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


# --------------------------------------------------------------------------- type


class QuestionType:
    """A question type: the defaults are those of a question answered by one text."""

    #: The type's name in ``Question.qtype``, snapshots and GIFT/Aiken.
    key: str = ""
    #: The block type of ``QuestionStreamBlock`` that holds such questions.
    block_type: str = ""
    #: The name trainers see (the block's label).
    label = ""
    #: The block field a validation error is shown on.
    answers_field: str = ""
    #: False for text without an answer: no number, no marks, no statistics.
    graded: bool = True
    #: True when a trainer grades the answers (``grade`` leaves them "pending").
    graded_by_hand: bool = False
    #: How the attempt form shows it: ``templates/learners/question_widgets/<name>.html``
    #: ("" for no field at all).
    form_widget: str = "text"

    def __repr__(self) -> str:
        return f"<QuestionType {self.key}>"

    #: Types whose rule is "one answer is worth 100 %" (single choice, short answer,
    #: numerical) say it with this message, in the words of their block.
    full_marks_message = None

    # -- rules and blocks

    def block(self):
        """A new instance of the block trainers author such questions with."""
        raise NotImplementedError

    def validate(self, question: Question) -> None:
        """Raise ValidationError (translated message) for a question this type refuses."""
        if self.full_marks_message is None:
            return
        if max(self.weights(question), default=ZERO) != HUNDRED:
            raise ValidationError(self.full_marks_message, code="no_right_answer")

    def weights(self, question: Question) -> list:
        """The weights (percent) of the answers."""
        return [choice.fraction for choice in question.choices]

    def from_block(self, value) -> dict:
        """The ``Question`` fields of this type read from its block's value."""
        return {}

    def to_block(self, question: Question, fragment) -> dict:
        """The block's own fields holding ``question``; ``fragment(text, format)``
        gives a text as the block keeps it."""
        return {}

    # -- attempt form

    def snapshot_orders(self, question: Question, *, shuffle_choices: bool, rng):
        """The order answers are shown in: ``(choice_order, answer_order)``."""
        return None, None

    def field_names(self, item: dict, question: Question) -> list[str]:
        """The names the attempt form posts for this question."""
        return [f"q{item['position']}"] if self.graded else []

    def form_fill(self, form, item: dict, question: Question, response) -> None:
        """Fill ``form`` (the question's part of the attempt form) with ``response``."""
        if isinstance(response, str):
            form.value = response

    def read_response(self, item: dict, question: Question, data):
        """The response posted in ``data`` as the attempt stores it; InvalidResponse."""
        return read_text(data, f"q{item['position']}")

    def post_data(self, item: dict, question: Question, response) -> list:
        """``(name, value)`` pairs the form posts for a stored ``response``."""
        return [(name, response or "") for name in self.field_names(item, question)]

    def grading_shape(self, response):
        """A stored response as ``grade`` takes it."""
        return response

    def is_unanswered(self, response) -> bool:
        if not self.graded:
            return False
        return response in (None, "", [], {}) or (
            isinstance(response, str) and not response.strip()
        )

    # -- grading and review

    def grade(self, question: Question, response) -> GradeResult:
        """The grade of ``response`` (never None); InvalidResponse if it does not fit."""
        return result("ungraded")

    def right_answers(self, question: Question) -> list[str]:
        return []

    def your_answer(self, question: Question, response) -> list[str]:
        """The learner's (non-empty) response as the texts they chose or typed."""
        return [str(response)]

    # -- statistics

    def tally(self, tally: AnswerTally, question, response, fraction) -> None:
        """Count ``response`` (to ``question`` as that attempt asked it)."""

    def distribution(self, tally: AnswerTally, question: Question) -> Distribution:
        """The answers counted, against the latest version of the question."""
        return Distribution()

    # -- formats

    def gift_lines(self, question: Question, head: str, general: str, gift) -> list:
        """The lines of a GIFT question; ``gift`` has the writer's ``text``,
        ``feedback`` and ``closing`` helpers."""
        raise NotImplementedError

    def gift_export_problems(self, question: Question) -> list[str]:
        """Why GIFT cannot write ``question`` faithfully (``%(question)s`` messages)."""
        return []

    def sample_response(self, question: Question, *, right: bool):
        """A stored response meant right (or wrong), for load data and benchmarks."""
        return None


def block_decimal(value) -> Decimal | None:
    """A block's number as a Decimal (None stays None)."""
    return None if value is None else Decimal(str(value))


def choices_from_block(items, text_format: str) -> list[Choice]:
    """The answers of a block's list of weighted answers (text, weight, feedback);
    feedback is HTML, the answers' text in ``text_format``."""
    return [
        Choice(
            text=item["text"],
            fraction=block_decimal(item["weight"]),
            feedback=item["feedback"] or "",
            text_format=text_format,
            feedback_format="html",
        )
        for item in items
    ]


def choices_to_block(choices: list[Choice], fragment, *, html_text: bool) -> list:
    """The block's list of weighted answers holding ``choices`` (their text turned
    into HTML with ``html_text``, kept as typed otherwise)."""
    return [
        {
            "text": fragment(c.text, c.text_format) if html_text else c.text,
            "weight": str(c.fraction),
            "feedback": fragment(c.feedback, c.feedback_format),
        }
        for c in choices
    ]


def best_matching(answers, matches):
    """The best-weighted answer ``matches`` accepts (the first of equal weights), or
    None: with several accepted answers, the best one a response fits wins."""
    best = None
    for answer in answers:
        if matches(answer) and (best is None or answer.fraction > best.fraction):
            best = answer
    return best


def gift_arrow_problems(texts: Iterable[str], message: str) -> list[str]:
    """``[message]`` when a text holds "->", which GIFT cannot escape."""
    return [message] if any("->" in text for text in texts) else []
