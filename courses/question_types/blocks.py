"""What the question blocks of every type share: the common fields, the weighted
answer, and ``clean()`` asking the block's question type to validate the question.

Each type's own block is in its module (``single.py`` …); ``courses.question_blocks``
gathers them into the ``QuestionStreamBlock`` quizzes and banks are made of.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.rich_text import RichText

from courses.question_types.base import QuestionType
from courses.question_types.model import Question
from courses.question_types.registry import question_type

QUESTION_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "image"]
FEEDBACK_FEATURES = ["bold", "italic", "link"]


def name_block(label, **options) -> blocks.CharBlock:
    """An optional short name (a title, a category)."""
    return blocks.CharBlock(label=label, required=False, max_length=200, **options)


def weight_block(**options) -> blocks.DecimalBlock:
    """An answer's weight, in percent of the question's marks."""
    return blocks.DecimalBlock(
        label=gettext_lazy("Weight (%)"),
        max_value=100,
        max_digits=8,
        decimal_places=5,
        **options,
    )


def feedback_block() -> blocks.CharBlock:
    """The feedback shown to a learner who gave an answer."""
    return blocks.CharBlock(
        label=gettext_lazy("Feedback"), required=False, max_length=1000
    )


def accepted_answers_block(child: blocks.Block, label) -> blocks.ListBlock:
    """The answers a typed response is compared with (at least one)."""
    return blocks.ListBlock(child, label=label, min_num=1)


def field_error(block_name: str, message) -> blocks.StructBlockValidationError:
    return blocks.StructBlockValidationError(
        block_errors={block_name: ValidationError(message)}
    )


class QuestionBlock(blocks.StructBlock):
    """What every question has: a text, its marks, general feedback, a category.

    ``clean()`` asks the block's question type (``qtype``) to validate the question.
    """

    qtype = ""

    title = name_block(
        gettext_lazy("Title"),
        help_text=gettext_lazy(
            "A short name for you, shown in statistics (not to learners)."
        ),
    )
    text = blocks.RichTextBlock(
        label=gettext_lazy("Question"), features=QUESTION_TEXT_FEATURES
    )
    marks = blocks.DecimalBlock(
        label=gettext_lazy("Marks"),
        default=Decimal(1),
        min_value=0,
        max_digits=6,
        decimal_places=2,
    )
    general_feedback = blocks.RichTextBlock(
        label=gettext_lazy("General feedback"),
        required=False,
        features=FEEDBACK_FEATURES,
        help_text=gettext_lazy(
            "Shown to every learner after the attempt, whatever they answered."
        ),
    )
    category = name_block(
        gettext_lazy("Category"),
        help_text=gettext_lazy(
            "In a question bank, the category quizzes draw random questions from."
        ),
    )

    class Meta:
        group = gettext_lazy("Questions")

    def clean(self, value):
        value = super().clean(value)
        kind = question_type(self.qtype)
        try:
            kind.validate(question_from_value(kind, value))
        except ValidationError as error:
            raise field_error(kind.answers_field, error.messages[0]) from error
        return value


class WeightedChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=gettext_lazy("Answer"), max_length=1000)
    weight = weight_block(
        default=Decimal(0),
        min_value=-100,
        help_text=gettext_lazy(
            "100 for a right answer, 0 for a wrong one; partial or negative."
        ),
    )
    feedback = feedback_block()


def new_choice(weight: Decimal) -> dict:
    """An empty answer of a new question, worth ``weight``."""
    return {"text": "", "weight": weight, "feedback": ""}


def choices_block(first_weight: Decimal) -> blocks.ListBlock:
    """The answers of a choice question. A new question starts with as many answers
    as it needs (the first worth ``first_weight``), not with one answer and the "at
    least 2" error at once."""
    return blocks.ListBlock(
        WeightedChoiceBlock(),
        label=gettext_lazy("Answers"),
        min_num=2,
        default=[new_choice(first_weight), new_choice(Decimal(0))],
    )


#: The keys Wagtail's editor gives each paragraph: internal, never part of a question.
_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def _source(value) -> str:
    """A rich text's HTML without the editor's internal markup."""
    source = value.source if isinstance(value, RichText) else value or ""
    return _BLOCK_KEY.sub("", source)


def question_from_value(kind: QuestionType, value) -> Question:
    """The question a block of type ``kind`` holds (texts in HTML)."""
    return Question(
        qtype=kind.key,
        title=value.get("title") or "",
        text=_source(value.get("text")),
        text_format="html",
        category=value.get("category") or "",
        general_feedback=_source(value.get("general_feedback")),
        general_feedback_format="html",
        **kind.from_block(value),
    )
