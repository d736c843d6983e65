"""Description: text between questions (a case to read, instructions), not graded."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks

from courses.question_types.base import QuestionType
from courses.question_types.blocks import QUESTION_TEXT_FEATURES, name_block
from courses.question_types.model import Question


class Description(QuestionType):
    """No field in the attempt form, no number, no marks."""

    key = block_type = "description"
    label = gettext_lazy("Description")
    form_widget, graded = "", False

    def block(self):
        return DescriptionBlock()

    def gift_export_problems(self, question: Question) -> list[str]:
        problems = []
        if not (question.text or question.title):
            problems.append(
                _("“%(question)s”: a description without text or title is left out.")
            )
        if question.general_feedback:
            problems.append(
                _(
                    "“%(question)s”: the general feedback of a description cannot be "
                    "written in GIFT."
                )
            )
        return problems

    def gift_lines(self, question: Question, head: str, general: str, gift) -> list:
        return [head]


# --------------------------------------------------------------------------- block


class DescriptionBlock(blocks.StructBlock):
    """Text between questions (a case to read, instructions); not graded."""

    qtype = "description"

    title = name_block(gettext_lazy("Title"))
    text = blocks.RichTextBlock(
        label=gettext_lazy("Text"), features=QUESTION_TEXT_FEATURES
    )
    category = name_block(gettext_lazy("Category"))

    class Meta:
        icon = "info-circle"
        label = Description.label
        group = gettext_lazy("Questions")
        description = gettext_lazy("Text shown between questions, without a score.")
