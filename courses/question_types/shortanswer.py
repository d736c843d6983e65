"""Short answer: a word or a few typed, compared with accepted answers (``*`` stands
for anything, ``\\*`` for an asterisk, as in Moodle); GIFT ``{=conseil =maire}``."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks

from courses.question_types.base import (
    HUNDRED,
    AnswerCount,
    AnswerTally,
    Distribution,
    QuestionType,
    best_matching,
    choices_from_block,
    choices_to_block,
    gift_arrow_problems,
    normalize_answer,
    not_text,
    number_text,
    ranked,
    result,
    unanswered,
)
from courses.question_types.blocks import (
    QuestionBlock,
    accepted_answers_block,
    feedback_block,
    weight_block,
)
from courses.question_types.model import Choice, Question

#: How many different typed answers the statistics list.
TOP_TEXTS = 10

# Unescaped runs of asterisks are wildcards; ``\*`` is a literal asterisk (Moodle's
# qtype_shortanswer_question::compare_string_with_wildcard).
_WILDCARD = re.compile(r"(?<!\\)\*+")


def _wildcard_pattern(accepted: str) -> re.Pattern[str]:
    bits = _WILDCARD.split(normalize_answer(accepted))
    escaped = (re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.compile(".*".join(escaped), re.DOTALL)


def _matches(choice: Choice, answer: str) -> bool:
    return _wildcard_pattern(choice.text).fullmatch(answer) is not None


class TypedAnswer(QuestionType):
    """What short-answer and numerical questions share: typed answers, the most
    frequent of which statistics list."""

    def tally(self, tally: AnswerTally, question, response, fraction) -> None:
        if isinstance(response, str) and response.strip():
            text = normalize_answer(response)
            tally.texts[text] += 1
            if fraction == 1:
                tally.full_mark_texts.add(text)

    def distribution(self, tally: AnswerTally, question: Question) -> Distribution:
        counts = ranked(tally.texts)
        return Distribution(
            answers=[
                AnswerCount(text, count, text in tally.full_mark_texts)
                for text, count in counts[:TOP_TEXTS]
            ],
            other_answers=sum(count for _text, count in counts[TOP_TEXTS:]),
        )


class ShortAnswer(TypedAnswer):
    """Accepted answers are kept as typed (``*`` wildcards), compared normalised."""

    label = gettext_lazy("Short answer")
    key, block_type = "shortanswer", "short_answer"
    full_marks_message = gettext_lazy("Give one accepted answer a weight of 100 %.")
    answers_field = "answers"

    def block(self):
        return ShortAnswerQuestionBlock()

    def from_block(self, value) -> dict:
        return {"choices": choices_from_block(value["answers"], "moodle")}

    def to_block(self, question: Question, fragment) -> dict:
        return {
            "answers": choices_to_block(question.choices, fragment, html_text=False)
        }

    def grade(self, question: Question, response):
        if not isinstance(response, str):
            raise not_text()
        answer = normalize_answer(response)
        if not answer:
            return unanswered()
        best = best_matching(question.choices, lambda choice: _matches(choice, answer))
        if best is None:
            return result("graded")
        return result("graded", best.fraction / HUNDRED, [best.feedback])

    def right_answers(self, question: Question) -> list[str]:
        best = max((c.fraction for c in question.choices), default=0)
        return [c.text for c in question.choices if c.fraction == best]

    def gift_export_problems(self, question: Question) -> list[str]:
        return gift_arrow_problems(
            (c.text for c in question.choices),
            _(
                "“%(question)s”: an accepted answer contains “->”, which GIFT "
                "cannot escape; it would be read back as a matching question."
            ),
        )

    def gift_lines(self, question: Question, head: str, general: str, gift) -> list:
        fmt = question.text_format
        lines = [head + "{"]
        for c in question.choices:
            lines.append(
                f"\t=%{number_text(c.fraction)}%"
                + gift.text(c.text, c.text_format, fmt)
                + gift.feedback(c.feedback, c.feedback_format, fmt)
            )
        return lines + gift.closing(general)

    def sample_response(self, question: Question, *, right: bool):
        best = max(question.choices, key=lambda choice: choice.fraction)
        return best.text if right else "je ne sais pas"


# --------------------------------------------------------------------------- block


class AcceptedAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=gettext_lazy("Accepted answer"),
        max_length=500,
        help_text=gettext_lazy(
            "Case, accents and spaces are ignored; * stands for anything."
        ),
    )
    weight = weight_block(default=HUNDRED, min_value=0)
    feedback = feedback_block()


class ShortAnswerQuestionBlock(QuestionBlock):
    """A word or a few words typed by the learner."""

    qtype = "shortanswer"

    answers = accepted_answers_block(
        AcceptedAnswerBlock(), gettext_lazy("Accepted answers")
    )

    class Meta:
        icon = "edit"
        label = ShortAnswer.label
        description = gettext_lazy(
            "Learners type a word or two, compared with accepted answers."
        )
