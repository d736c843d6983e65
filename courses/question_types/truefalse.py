"""True or false: a statement learners judge; GIFT ``{TRUE#if wrong#if right}``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks

from courses.question_types.base import (
    ONE,
    ZERO,
    AnswerCount,
    Distribution,
    InvalidResponse,
    Option,
    QuestionType,
    chosen_values,
    result,
)
from courses.question_types.blocks import QuestionBlock
from courses.question_types.model import Question


def _answer_text(answer: bool) -> str:
    return _("True") if answer else _("False")


class TrueFalse(QuestionType):
    """Feedback depends on the answer given, right or wrong."""

    key, block_type, form_widget = "truefalse", "true_false", "radio"
    label = gettext_lazy("True or false")
    answers_field = "answer"

    def block(self):
        return TrueFalseQuestionBlock()

    def validate(self, question: Question) -> None:
        if question.answer is None:
            raise ValidationError(
                _("A true/false question needs its answer."), code="no_answer"
            )

    def from_block(self, value) -> dict:
        return {
            "answer": value["answer"] == "true",
            "feedback_true": value["feedback_true"] or "",
            "feedback_false": value["feedback_false"] or "",
            "feedback_true_format": "html",
            "feedback_false_format": "html",
        }

    def to_block(self, question: Question, fragment) -> dict:
        return {
            "answer": "true" if question.answer else "false",
            "feedback_true": fragment(
                question.feedback_true, question.feedback_true_format
            ),
            "feedback_false": fragment(
                question.feedback_false, question.feedback_false_format
            ),
        }

    def form_fill(self, form, item: dict, question: Question, response) -> None:
        form.options = [
            Option("true", _("True"), response is True),
            Option("false", _("False"), response is False),
        ]

    def read_response(self, item: dict, question: Question, data):
        values = chosen_values(data, f"q{item['position']}")
        if not values:
            return None
        if len(values) > 1 or values[0] not in ("true", "false"):
            raise InvalidResponse(_("Answer true or false."))
        return values[0] == "true"

    def post_data(self, item: dict, question: Question, response) -> list:
        name = f"q{item['position']}"
        if response is None:
            return [(name, "")]
        return [(name, ""), (name, "true" if response else "false")]

    def grade(self, question: Question, response):
        if not isinstance(response, bool):
            raise InvalidResponse(_("Answer true or false."))
        feedback = question.feedback_true if response else question.feedback_false
        fraction = ONE if response == question.answer else ZERO
        return result("graded", fraction, [feedback])

    def right_answers(self, question: Question) -> list[str]:
        return [_answer_text(question.answer)]

    def your_answer(self, question: Question, response) -> list[str]:
        return [_answer_text(response)]

    def tally(self, tally, question, response, fraction) -> None:
        if isinstance(response, bool):
            tally.choices["true" if response else "false"] += 1

    def distribution(self, tally, question: Question) -> Distribution:
        return Distribution(
            answers=[
                AnswerCount(_("True"), tally.choices["true"], question.answer is True),
                AnswerCount(
                    _("False"), tally.choices["false"], question.answer is False
                ),
            ]
        )

    def gift_export_problems(self, question: Question) -> list[str]:
        if question.answer is None:
            return [_("“%(question)s”: a true/false question needs its answer.")]
        return []

    def gift_lines(self, question: Question, head: str, general: str, gift) -> list:
        q, fmt = question, question.text_format
        if q.answer:
            right = (q.feedback_true, q.feedback_true_format)
            wrong = (q.feedback_false, q.feedback_false_format)
        else:
            right = (q.feedback_false, q.feedback_false_format)
            wrong = (q.feedback_true, q.feedback_true_format)
        body = "TRUE" if q.answer else "FALSE"
        if wrong[0] or right[0]:
            body += "#" + gift.text(wrong[0], wrong[1], fmt)
        if right[0]:
            body += "#" + gift.text(right[0], right[1], fmt)
        return [head + "{" + body + general + "}"]

    def sample_response(self, question: Question, *, right: bool):
        return bool(question.answer) == right


# --------------------------------------------------------------------------- block


class TrueFalseQuestionBlock(QuestionBlock):
    """A statement that is true or false."""

    qtype = "truefalse"

    answer = blocks.ChoiceBlock(
        label=gettext_lazy("Right answer"),
        choices=[("true", gettext_lazy("True")), ("false", gettext_lazy("False"))],
    )
    feedback_true = blocks.CharBlock(
        label=gettext_lazy("Feedback to “true”"), required=False, max_length=1000
    )
    feedback_false = blocks.CharBlock(
        label=gettext_lazy("Feedback to “false”"), required=False, max_length=1000
    )

    class Meta:
        icon = "tick"
        label = TrueFalse.label
        description = gettext_lazy("A statement learners judge true or false.")
