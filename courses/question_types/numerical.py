"""Numerical: a number, right within a tolerance or a range, a French decimal comma
and spaces between thousands accepted; GIFT ``{#3.5:0.1 =%50%1..5 ~#feedback}``."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks

from courses.question_types.base import (
    HUNDRED,
    InvalidResponse,
    best_matching,
    block_decimal,
    number_text,
    read_text,
    result,
    unanswered,
)
from courses.question_types.blocks import (
    QuestionBlock,
    accepted_answers_block,
    feedback_block,
    field_error,
    weight_block,
)
from courses.question_types.model import NumericalAnswer, Question
from courses.question_types.shortanswer import TypedAnswer

# Spaces people put between groups of digits: ordinary, non-breaking, thin, narrow.
_DIGIT_GROUP_SPACE = re.compile(r"(?<=\d)[\s\u00a0\u2009\u202f]+(?=\d)")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def _not_number(value: object) -> InvalidResponse:
    return InvalidResponse(_("“%(value)s” is not a number.") % {"value": value})


def parse_number(response) -> Decimal | None:
    """The number typed or given; None when nothing was typed; InvalidResponse."""
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


def _matches(answer: NumericalAnswer, number: Decimal) -> bool:
    bounds = answer.bounds()
    return bounds is not None and bounds[0] <= number <= bounds[1]


def _number_text(value) -> str:
    return format(Decimal(value).normalize(), "f") if value is not None else ""


class Numerical(TypedAnswer):
    """The best-weighted accepted number wins; "any other answer" only when none does."""

    key = block_type = "numerical"
    form_widget = "number"
    label = gettext_lazy("Numerical")
    answers_field = "answers"
    full_marks_message = gettext_lazy("Give one accepted number a weight of 100 %.")

    def block(self):
        return NumericalQuestionBlock()

    def weights(self, question: Question) -> list:
        return [answer.fraction for answer in question.numerical]

    def from_block(self, value) -> dict:
        return {
            "numerical": [
                NumericalAnswer(
                    value=block_decimal(a["value"]),
                    tolerance=block_decimal(a["tolerance"]) or Decimal(0),
                    minimum=block_decimal(a["minimum"]),
                    maximum=block_decimal(a["maximum"]),
                    fraction=block_decimal(a["weight"]),
                    feedback=a["feedback"] or "",
                    feedback_format="html",
                )
                for a in value["answers"]
            ]
        }

    def to_block(self, question: Question, fragment) -> dict:
        def text(value):
            return None if value is None else str(value)

        return {
            "answers": [
                {
                    "value": text(a.value),
                    "tolerance": text(a.tolerance if a.value is not None else None),
                    "minimum": text(a.minimum),
                    "maximum": text(a.maximum),
                    "weight": str(a.fraction),
                    "feedback": fragment(a.feedback, a.feedback_format),
                }
                for a in question.numerical
            ]
        }

    def read_response(self, item: dict, question: Question, data):
        text = read_text(data, f"q{item['position']}")
        parse_number(text)  # refuses what is not a number, now
        return text

    def grade(self, question: Question, response):
        number = parse_number(response)
        if number is None:
            return unanswered()
        best = best_matching(
            question.numerical, lambda answer: _matches(answer, number)
        )
        if best is None:
            best = next((a for a in question.numerical if a.is_catch_all), None)
        if best is None:
            return result("graded")
        return result("graded", best.fraction / HUNDRED, [best.feedback])

    def right_answers(self, question: Question) -> list[str]:
        best = max((a.fraction for a in question.numerical), default=0)
        shown = []
        for answer in question.numerical:
            if answer.fraction != best or answer.is_catch_all:
                continue
            if answer.is_range:
                shown.append(
                    _("from %(min)s to %(max)s")
                    % {
                        "min": _number_text(answer.minimum),
                        "max": _number_text(answer.maximum),
                    }
                )
            elif answer.tolerance:
                shown.append(
                    f"{_number_text(answer.value)} ± {_number_text(answer.tolerance)}"
                )
            else:
                shown.append(_number_text(answer.value))
        return shown

    def gift_lines(self, question: Question, head: str, general: str, gift) -> list:
        fmt = question.text_format
        lines = [head + "{#"]
        for k, a in enumerate(question.numerical):
            feedback = gift.feedback(a.feedback, a.feedback_format, fmt)
            if a.is_catch_all and a.fraction == 0 and k == len(question.numerical) - 1:
                lines.append("\t~" + (feedback or "#"))
                continue
            if a.is_catch_all:
                number = "*"
            elif a.value is None:
                number = f"{number_text(a.minimum)}..{number_text(a.maximum)}"
            else:
                number = f"{number_text(a.value)}:{number_text(a.tolerance)}"
            lines.append(f"\t=%{number_text(a.fraction)}%{number}{feedback}")
        return lines + gift.closing(general)

    def sample_response(self, question: Question, *, right: bool):
        best = max(question.numerical, key=lambda answer: answer.fraction)
        value = best.value if best.value is not None else best.minimum or Decimal(0)
        if not right:
            # A tempting wrong number the trainer foresaw, when there is one.
            foreseen = [
                answer.value
                for answer in question.numerical
                if answer.fraction == 0 and answer.value is not None
            ]
            value = foreseen[0] if foreseen else value + 1000
        return format(value.normalize(), "f")


# --------------------------------------------------------------------------- block


def _number_block(label, **options) -> blocks.DecimalBlock:
    return blocks.DecimalBlock(
        label=label, required=False, max_digits=20, decimal_places=6, **options
    )


class NumericalAnswerBlock(blocks.StructBlock):
    value = _number_block(gettext_lazy("Value"))
    tolerance = _number_block(gettext_lazy("± tolerance"), min_value=0)
    minimum = _number_block(gettext_lazy("or from"))
    maximum = _number_block(gettext_lazy("to"))
    weight = weight_block(default=HUNDRED, min_value=0)
    feedback = feedback_block()

    def clean(self, value):
        value = super().clean(value)
        has_value = value["value"] is not None
        has_range = value["minimum"] is not None or value["maximum"] is not None
        if has_value and has_range:
            raise field_error(
                "minimum", gettext_lazy("Give a value or a range, not both.")
            )
        if has_range and (value["minimum"] is None or value["maximum"] is None):
            raise field_error("maximum", gettext_lazy("A range needs both ends."))
        if has_range and value["minimum"] > value["maximum"]:
            raise field_error(
                "maximum", gettext_lazy("The end of the range is below its start.")
            )
        return value


class NumericalQuestionBlock(QuestionBlock):
    """A number, right within a tolerance or a range; several graded answers."""

    qtype = "numerical"

    class Meta:
        icon = "order"
        label = Numerical.label
        description = gettext_lazy("Learners type a number (a decimal comma is fine).")

    answers = accepted_answers_block(
        NumericalAnswerBlock(), gettext_lazy("Accepted numbers")
    )
