"""The question blocks trainers build quizzes and question banks from.

Each question is a block of a StreamField; its block id (a UUID Wagtail keeps across
edits, moves and translations) is the question's stable identity, which attempts and
statistics refer to.

Texts of choices, answers and feedback are short HTML fragments (plain text is fine):
they are sanitised when imported and again when shown (``courses.question_html``).

``question_from_block`` turns a block into the ``Question`` shared with the
GIFT/Aiken formats and the grading code; ``question_block_data`` does the reverse, for
the importer. What is particular to a type (its fields, its rules, its label) is asked
of its ``courses.question_types`` object.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

from courses.question_html import fragment_from_format, rich_text_from_format
from courses.question_types import (
    Question,
    QuestionType,
    all_question_types,
    question_type,
    question_type_for_block,
)

QUESTION_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "image"]
FEEDBACK_FEATURES = ["bold", "italic", "link"]
_HUNDRED = Decimal(100)


def _error(block_name: str, message) -> blocks.StructBlockValidationError:
    return blocks.StructBlockValidationError(
        block_errors={block_name: ValidationError(message)}
    )


class QuestionBlock(blocks.StructBlock):
    """What every question has: a text, its marks, general feedback, a category.

    ``clean()`` asks the block's question type (``qtype``) to validate the question.
    """

    qtype = ""

    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("A short name for you, shown in statistics (not to learners)."),
    )
    text = blocks.RichTextBlock(label=_("Question"), features=QUESTION_TEXT_FEATURES)
    marks = blocks.DecimalBlock(
        label=_("Marks"),
        default=Decimal(1),
        min_value=0,
        max_digits=6,
        decimal_places=2,
    )
    general_feedback = blocks.RichTextBlock(
        label=_("General feedback"),
        required=False,
        features=FEEDBACK_FEATURES,
        help_text=_(
            "Shown to every learner after the attempt, whatever they answered."
        ),
    )
    category = blocks.CharBlock(
        label=_("Category"),
        required=False,
        max_length=200,
        help_text=_(
            "In a question bank, the category quizzes draw random questions from."
        ),
    )

    class Meta:
        group = _("Questions")

    def clean(self, value):
        value = super().clean(value)
        kind = question_type(self.qtype)
        try:
            kind.validate(_question(kind, value))
        except ValidationError as error:
            raise _error(kind.answers_field, error.messages[0]) from error
        return value


class WeightedChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=1000)
    weight = blocks.DecimalBlock(
        label=_("Weight (%)"),
        default=Decimal(0),
        min_value=-100,
        max_value=100,
        max_digits=8,
        decimal_places=5,
        help_text=_("100 for a right answer, 0 for a wrong one; partial or negative."),
    )
    feedback = blocks.CharBlock(label=_("Feedback"), required=False, max_length=1000)


def _new_choice(weight: Decimal) -> dict:
    """An empty answer of a new question, worth ``weight``."""
    return {"text": "", "weight": weight, "feedback": ""}


class SingleChoiceQuestionBlock(QuestionBlock):
    """One answer to pick among several (radio buttons)."""

    qtype = "single"

    # A new question starts with as many answers as it needs (the first one right),
    # not with one answer and the "at least 2" error at once.
    choices = blocks.ListBlock(
        WeightedChoiceBlock(),
        label=_("Answers"),
        min_num=2,
        default=[_new_choice(_HUNDRED), _new_choice(Decimal(0))],
    )

    class Meta:
        icon = "radio-full"
        label = question_type("single").label
        description = _("Learners pick one answer; give the right one a weight of 100.")


class MultipleChoiceQuestionBlock(QuestionBlock):
    """Several answers to tick; weights give partial credit, negative ones penalise."""

    qtype = "multiple"

    choices = blocks.ListBlock(
        WeightedChoiceBlock(),
        label=_("Answers"),
        min_num=2,
        default=[_new_choice(Decimal(0)), _new_choice(Decimal(0))],
    )

    class Meta:
        icon = "tasks"
        label = question_type("multiple").label
        description = _(
            "Learners tick every right answer; the positive weights add up to 100."
        )


class TrueFalseQuestionBlock(QuestionBlock):
    """A statement that is true or false."""

    qtype = "truefalse"

    answer = blocks.ChoiceBlock(
        label=_("Right answer"), choices=[("true", _("True")), ("false", _("False"))]
    )
    feedback_true = blocks.CharBlock(
        label=_("Feedback to “true”"), required=False, max_length=1000
    )
    feedback_false = blocks.CharBlock(
        label=_("Feedback to “false”"), required=False, max_length=1000
    )

    class Meta:
        icon = "tick"
        label = question_type("truefalse").label
        description = _("A statement learners judge true or false.")


class AcceptedAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Accepted answer"),
        max_length=500,
        help_text=_("Case, accents and spaces are ignored; * stands for anything."),
    )
    weight = blocks.DecimalBlock(
        label=_("Weight (%)"),
        default=_HUNDRED,
        min_value=0,
        max_value=100,
        max_digits=8,
        decimal_places=5,
    )
    feedback = blocks.CharBlock(label=_("Feedback"), required=False, max_length=1000)


class ShortAnswerQuestionBlock(QuestionBlock):
    """A word or a few words typed by the learner."""

    qtype = "shortanswer"

    answers = blocks.ListBlock(
        AcceptedAnswerBlock(), label=_("Accepted answers"), min_num=1
    )

    class Meta:
        icon = "edit"
        label = question_type("shortanswer").label
        description = _("Learners type a word or two, compared with accepted answers.")


class NumericalAnswerBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(
        label=_("Value"), required=False, max_digits=20, decimal_places=6
    )
    tolerance = blocks.DecimalBlock(
        label=_("± tolerance"),
        required=False,
        min_value=0,
        max_digits=20,
        decimal_places=6,
    )
    minimum = blocks.DecimalBlock(
        label=_("or from"), required=False, max_digits=20, decimal_places=6
    )
    maximum = blocks.DecimalBlock(
        label=_("to"), required=False, max_digits=20, decimal_places=6
    )
    weight = blocks.DecimalBlock(
        label=_("Weight (%)"),
        default=_HUNDRED,
        min_value=0,
        max_value=100,
        max_digits=8,
        decimal_places=5,
    )
    feedback = blocks.CharBlock(label=_("Feedback"), required=False, max_length=1000)

    def clean(self, value):
        value = super().clean(value)
        has_value = value["value"] is not None
        has_range = value["minimum"] is not None or value["maximum"] is not None
        if has_value and has_range:
            raise _error("minimum", _("Give a value or a range, not both."))
        if has_range and (value["minimum"] is None or value["maximum"] is None):
            raise _error("maximum", _("A range needs both ends."))
        if has_range and value["minimum"] > value["maximum"]:
            raise _error("maximum", _("The end of the range is below its start."))
        return value


class NumericalQuestionBlock(QuestionBlock):
    """A number, right within a tolerance or a range; several graded answers."""

    qtype = "numerical"

    answers = blocks.ListBlock(
        NumericalAnswerBlock(), label=_("Accepted numbers"), min_num=1
    )

    class Meta:
        icon = "order"
        label = question_type("numerical").label
        description = _("Learners type a number (a decimal comma is fine).")


class MatchingPairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("Item"), max_length=1000)
    answer = blocks.CharBlock(label=_("Matches"), max_length=500)


class MatchingQuestionBlock(QuestionBlock):
    """Items to match with their answers, among distractors."""

    qtype = "matching"

    pairs = blocks.ListBlock(
        MatchingPairBlock(),
        label=_("Pairs"),
        min_num=2,
        default=[{"prompt": "", "answer": ""}, {"prompt": "", "answer": ""}],
    )
    distractors = blocks.ListBlock(
        blocks.CharBlock(max_length=500),
        label=_("Distractors"),
        required=False,
        default=[],
        help_text=_("Wrong answers offered with the right ones."),
    )

    class Meta:
        icon = "list-ul"
        label = question_type("matching").label
        description = _("Learners match each item with an answer from a list.")


class EssayQuestionBlock(QuestionBlock):
    """An open answer a trainer grades by hand."""

    qtype = "essay"

    grader_info = blocks.TextBlock(
        label=_("Information for graders"),
        required=False,
        help_text=_("What a good answer contains. Never shown to learners."),
    )

    class Meta:
        icon = "doc-full"
        label = question_type("essay").label
        description = _(
            "Learners write a text; the attempt waits until a trainer grades it."
        )


class DescriptionBlock(blocks.StructBlock):
    """Text between questions (a case to read, instructions); not graded."""

    qtype = "description"

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=QUESTION_TEXT_FEATURES)
    category = blocks.CharBlock(label=_("Category"), required=False, max_length=200)

    class Meta:
        icon = "info-circle"
        label = question_type("description").label
        group = _("Questions")
        description = _("Text shown between questions, without a score.")


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    short_answer = ShortAnswerQuestionBlock()
    numerical = NumericalQuestionBlock()
    matching = MatchingQuestionBlock()
    essay = EssayQuestionBlock()
    description = DescriptionBlock()


#: Question type key → the block type holding such questions.
BLOCK_BY_QTYPE = {known.key: known.block_type for known in all_question_types()}


#: The keys Wagtail's editor gives each paragraph: internal, never part of a question.
_BLOCK_KEY = re.compile(r'\s+data-block-key="[^"]*"')


def _source(value) -> str:
    """A rich text's HTML without the editor's internal markup."""
    source = value.source if isinstance(value, RichText) else value or ""
    return _BLOCK_KEY.sub("", source)


def _question(kind: QuestionType, value) -> Question:
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


def question_from_block(block_type: str, value) -> Question:
    """The question a block holds, as the shared ``Question`` (texts in HTML)."""
    return _question(question_type_for_block(block_type), value)


def _rich_text(name: str, text: str, text_format: str, features) -> str:
    try:
        return rich_text_from_format(text, text_format, features)
    except ValidationError as error:
        raise _error(name, error.messages[0]) from error


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
