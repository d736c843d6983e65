"""The stream of question blocks trainers build quizzes and question banks from.

Each question is a block of a StreamField; its block id (a UUID Wagtail keeps across
edits, moves and translations) is the question's stable identity, which attempts and
statistics refer to.

Texts of choices, answers and feedback are short HTML fragments (plain text is fine):
they are sanitised when imported and again when shown (``courses.question_html``).

``question_from_block`` turns a block into the ``Question`` shared with the
GIFT/Aiken formats and the grading code; ``question_block_data`` does the reverse, for
the importer. Each type's block (its fields, its rules, its label) is in the type's own
module of ``courses.question_types``; the stream holds one per registered type.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks

from courses.question_html import fragment_from_format, rich_text_from_format
from courses.question_types import (
    Question,
    all_question_types,
    question_type,
    question_type_for_block,
)
from courses.question_types.blocks import (
    FEEDBACK_FEATURES,
    QUESTION_TEXT_FEATURES,
    field_error,
    question_from_value,
)


class QuestionStreamBlock(blocks.StreamBlock):
    """Every question type's block, in the registry's order."""

    def __init__(self, local_blocks=None, **kwargs):
        own = [(known.block_type, known.block()) for known in all_question_types()]
        super().__init__(own + list(local_blocks or ()), **kwargs)


#: Question type key → the block type holding such questions.
BLOCK_BY_QTYPE = {known.key: known.block_type for known in all_question_types()}


def question_from_block(block_type: str, value) -> Question:
    """The question a block holds, as the shared ``Question`` (texts in HTML)."""
    return question_from_value(question_type_for_block(block_type), value)


def _rich_text(name: str, text: str, text_format: str, features) -> str:
    try:
        return rich_text_from_format(text, text_format, features)
    except ValidationError as error:
        raise field_error(name, error.messages[0]) from error


def question_block_data(question: Question) -> tuple[str, dict]:
    """``(block_type, raw value)`` of a block holding ``question`` (for the importer).

    Texts are turned into sanitised HTML according to their format, in the form the
    editor of each rich-text field opens; a question's marks are 1, Moodle's default
    (GIFT does not carry them). Raises StructBlockValidationError for a text the
    block cannot hold (an image).
    """
    kind = question_type(question.qtype)
    fmt = question.text_format

    def fragment(text: str, text_format: str | None = None) -> str:
        return fragment_from_format(text, text_format or fmt)

    value: dict = {
        "title": question.title[:200],
        "text": _rich_text("text", question.text, fmt, QUESTION_TEXT_FEATURES),
        "category": question.category[:200],
    }
    if not kind.graded:
        return kind.block_type, value
    value["marks"] = "1"
    value["general_feedback"] = _rich_text(
        "general_feedback",
        question.general_feedback,
        question.general_feedback_format,
        FEEDBACK_FEATURES,
    )
    value.update(kind.to_block(question, fragment))
    return kind.block_type, value
