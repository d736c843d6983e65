"""Essay: an open answer a trainer grades by hand; GIFT ``{}``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from wagtail import blocks

from courses.question_types.base import QuestionType, not_text, result, unanswered
from courses.question_types.blocks import QuestionBlock
from courses.question_types.model import Question


class Essay(QuestionType):
    """Left "pending" until a trainer grades it."""

    key = block_type = "essay"
    label = gettext_lazy("Essay")
    form_widget = "textarea"
    graded_by_hand = True  # by a trainer, through learners.services.essays

    def block(self):
        return EssayQuestionBlock()

    def grade(self, question: Question, response):
        if not isinstance(response, str):
            raise not_text()
        if not response.strip():
            return unanswered()
        return result("pending")

    def gift_lines(self, question: Question, head: str, general: str, gift) -> list:
        return [head + "{" + general + "}"]

    def sample_response(self, question: Question, *, right: bool):
        return "Dans ma commune, nous avons d'abord chiffré le coût réel du service."


# --------------------------------------------------------------------------- block


class EssayQuestionBlock(QuestionBlock):
    """An open answer a trainer grades by hand."""

    qtype = "essay"

    grader_info = blocks.TextBlock(
        label=gettext_lazy("Information for graders"),
        required=False,
        help_text=gettext_lazy("What a good answer contains. Never shown to learners."),
    )

    class Meta:
        icon = "doc-full"
        label = Essay.label
        description = gettext_lazy(
            "Learners write a text; the attempt waits until a trainer grades it."
        )
