"""Multiple choice: several answers to tick; weights give partial credit, negative
ones penalise; GIFT ``{~%50%a ~%50%b ~%-100%c}``."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.question_types.base import (
    HUNDRED,
    ZERO,
    chosen_values,
    is_index,
    not_offered,
    read_index,
    result,
    unanswered,
)
from courses.question_types.blocks import (
    QuestionBlock,
    choices_block,
)
from courses.question_types.model import Choice, Question
from courses.question_types.single import SingleChoice, _weight_marker


def positive_total(question: Question) -> Decimal:
    return sum((c.fraction for c in question.choices if c.fraction > 0), ZERO)


def is_full_weight(total: Decimal) -> bool:
    """The rule of multiple-answer questions: the positive weights add up to 100 %,
    3 × 33.33333 % included."""
    return total > 0 and round(total / HUNDRED, 2) == 1


class MultipleChoice(SingleChoice):
    """The chosen weights add up (floored at 0); the positive ones make 100 %."""

    key, block_type, form_widget = "multiple", "multiple_choice", "checkbox"
    label = gettext_lazy("Multiple choice")

    def block(self):
        return MultipleChoiceQuestionBlock()

    def validate(self, question: Question) -> None:
        total = positive_total(question)
        if not is_full_weight(total):
            raise ValidationError(
                _("The positive weights add up to %(total)s %%, not 100 %%."),
                code="weights_total",
                params={"total": total},
            )

    def read_response(self, item: dict, question: Question, data):
        order = item["choice_order"]
        values = chosen_values(data, f"q{item['position']}")
        return sorted({order[read_index(value, len(order))] for value in values})

    def grade(self, question: Question, response):
        if not isinstance(response, set | frozenset | list | tuple):
            raise not_offered()
        chosen = set(response)
        if not chosen:
            return unanswered()
        if not all(
            is_index(index) and 0 <= index < len(question.choices) for index in chosen
        ):
            raise not_offered()
        picked = [question.choices[index] for index in sorted(chosen)]
        total = sum((choice.fraction for choice in picked), ZERO)
        return result(
            "graded", total / self.full_weight(question), [c.feedback for c in picked]
        )

    def full_weight(self, question: Question) -> Decimal:
        """What the chosen weights are divided by: 100, or the total of the positive
        weights when ``validate`` takes it for 100 % (three answers at 33.33333 % add
        up to 99.99999 %), so that every right answer gives 1."""
        total = positive_total(question)
        return total if is_full_weight(total) else HUNDRED

    def right_answers(self, question: Question) -> list[str]:
        return [c.text for c in question.choices if c.fraction > 0]

    def your_answer(self, question: Question, response) -> list[str]:
        return [question.choices[i].text for i in response]

    def is_right_choice(self, choice: Choice, best) -> bool:
        return choice.fraction > 0

    def gift_marker(self, choice: Choice, text: str) -> str:
        return _weight_marker(choice, text)

    def sample_response(self, question: Question, *, right: bool):
        fractions = [choice.fraction for choice in question.choices]
        return [i for i, f in enumerate(fractions) if (f > 0) == right] or [0]


# --------------------------------------------------------------------------- block


class MultipleChoiceQuestionBlock(QuestionBlock):
    """Several answers to tick; weights give partial credit, negative ones penalise."""

    qtype = "multiple"

    choices = choices_block(Decimal(0))

    class Meta:
        icon = "tasks"
        label = MultipleChoice.label
        description = gettext_lazy(
            "Learners tick every right answer; the positive weights add up to 100."
        )
