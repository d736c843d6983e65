"""Single choice: one answer to pick among several (radio buttons); GIFT ``{=a ~b}``."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.question_types.base import (
    HUNDRED,
    ZERO,
    AnswerCount,
    AnswerTally,
    Distribution,
    InvalidResponse,
    Option,
    QuestionType,
    choices_from_block,
    choices_to_block,
    chosen_values,
    is_index,
    not_offered,
    number_text,
    read_index,
    result,
)
from courses.question_types.blocks import (
    QuestionBlock,
    choices_block,
)
from courses.question_types.model import Choice, Question


class SingleChoice(QuestionType):
    """The right answer weighs 100 %; others may give partial credit."""

    key, block_type, form_widget = "single", "single_choice", "radio"
    label = gettext_lazy("Single choice")
    answers_field = "choices"
    full_marks_message = gettext_lazy("Give one answer a weight of 100 %.")

    def block(self):
        return SingleChoiceQuestionBlock()

    def from_block(self, value) -> dict:
        return {"choices": choices_from_block(value["choices"], "html")}

    def to_block(self, question: Question, fragment) -> dict:
        return {"choices": choices_to_block(question.choices, fragment, html_text=True)}

    # -- attempt form: the answers are shown in ``choice_order``, posted by position

    def snapshot_orders(self, question: Question, *, shuffle_choices: bool, rng):
        order = list(range(len(question.choices)))
        if shuffle_choices:
            rng.shuffle(order)
        return order, None

    def chosen(self, response) -> set[int]:
        if isinstance(response, int):
            return {response}
        return set(response) if isinstance(response, list) else set()

    def form_fill(self, form, item: dict, question: Question, response) -> None:
        chosen = self.chosen(response)
        form.options = [
            Option(str(shown), question.choices[index].text, index in chosen)
            for shown, index in enumerate(item["choice_order"])
        ]

    def read_response(self, item: dict, question: Question, data):
        order = item["choice_order"]
        values = chosen_values(data, f"q{item['position']}")
        if len(values) > 1:
            raise InvalidResponse(_("Choose one answer only."))
        return order[read_index(values[0], len(order))] if values else None

    def post_data(self, item: dict, question: Question, response) -> list:
        name = f"q{item['position']}"
        # Radio buttons and checkboxes always send an empty value first.
        shown = [item["choice_order"].index(i) for i in sorted(self.chosen(response))]
        return [(name, "")] + [(name, str(position)) for position in shown]

    # -- grading and review

    def grade(self, question: Question, response):
        if not is_index(response) or not 0 <= response < len(question.choices):
            raise not_offered()
        choice = question.choices[response]
        return result("graded", choice.fraction / HUNDRED, [choice.feedback])

    def right_answers(self, question: Question) -> list[str]:
        best = max((c.fraction for c in question.choices), default=0)
        return [c.text for c in question.choices if c.fraction == best]

    def your_answer(self, question: Question, response) -> list[str]:
        return [question.choices[response].text]

    # -- statistics: every choice, by text, with how many attempts chose it

    def is_right_choice(self, choice: Choice, best) -> bool:
        return choice.fraction == best and best > 0

    def tally(self, tally: AnswerTally, question, response, fraction) -> None:
        for index in self.chosen(response):
            if is_index(index) and 0 <= index < len(question.choices):
                tally.choices[question.choices[index].text] += 1

    def distribution(self, tally: AnswerTally, question: Question) -> Distribution:
        best = max((c.fraction for c in question.choices), default=ZERO)
        listed: list[AnswerCount] = []
        for choice in question.choices:
            if choice.text in {a.text for a in listed}:
                continue
            correct = self.is_right_choice(choice, best)
            listed.append(AnswerCount(choice.text, tally.choices[choice.text], correct))
        # Answers of earlier versions of the question, no longer offered.
        known = {a.text for a in listed}
        listed += [
            AnswerCount(text, count)
            for text, count in sorted(tally.choices.items())
            if text not in known
        ]
        return Distribution(answers=listed)

    # -- formats

    def gift_marker(self, choice: Choice, text: str) -> str:
        if choice.fraction == HUNDRED:
            return "=%100%" if text.startswith("%") else "="
        return _weight_marker(choice, text)

    def gift_lines(self, question: Question, head: str, general: str, gift) -> list:
        lines = [head + "{"]
        fmt = question.text_format
        for c in question.choices:
            text = gift.text(c.text, c.text_format, fmt)
            lines.append(
                "\t"
                + self.gift_marker(c, text)
                + text
                + gift.feedback(c.feedback, c.feedback_format, fmt)
            )
        return lines + gift.closing(general)

    def sample_response(self, question: Question, *, right: bool):
        fractions = [choice.fraction for choice in question.choices]
        return fractions.index(max(fractions) if right else min(fractions))

    # -- Aiken holds single-choice questions only, one right option and no weights

    def from_aiken(self, options: list[str], right: int) -> dict:
        """The choices of an Aiken question: the right option at 100 %, others 0."""
        return {
            "choices": [
                Choice(
                    option,
                    HUNDRED if k == right else ZERO,
                    text_format="plain",
                    feedback_format="plain",
                )
                for k, option in enumerate(options)
            ]
        }

    def aiken_answer(self, question: Question) -> int | None:
        """The index of the one right option, when Aiken can say it: one answer at
        100 %, every other at 0 (no partial credit, no penalty)."""
        fractions = [choice.fraction for choice in question.choices]
        if sorted(fractions)[-2:] != [0, 100] or any(f < 0 for f in fractions):
            return None
        return fractions.index(HUNDRED)


def _weight_marker(choice: Choice, text: str) -> str:
    if choice.fraction == 0 and not text.startswith("%"):
        return "~"
    return f"~%{number_text(choice.fraction)}%"


# --------------------------------------------------------------------------- block


class SingleChoiceQuestionBlock(QuestionBlock):
    """One answer to pick among several (radio buttons)."""

    qtype = "single"

    choices = choices_block(HUNDRED)

    class Meta:
        icon = "radio-full"
        label = SingleChoice.label
        description = gettext_lazy(
            "Learners pick one answer; give the right one a weight of 100."
        )
