"""Writing GIFT: ``export_gift``, and ``gift_export_issues`` for what GIFT cannot say.

What is written is read back by ``parse_gift`` as equal questions.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from courses.question_types import is_known, question_type
from courses.question_types.base import number_text
from courses.question_types.model import TEXT_FORMATS, ExportIssue, Question

__all__ = ["export_gift", "gift_export_issues", "number_text"]


def export_gift(questions) -> str:
    """Write questions as GIFT; ``parse_gift`` reads them back as equal questions.

    A ``$CATEGORY:`` line is written whenever the category changes (a question with no
    category after one with a category is written after it, and so takes it on: GIFT
    cannot go back to "no category"). Answers are written after the text, Moodle's
    way; a missing-word question keeps its blank in the text.
    """
    blocks, category = [], ""
    for question in questions:
        if not is_known(question.qtype) or not (
            question_type(question.qtype).graded or question.text or question.title
        ):
            continue  # reported by gift_export_issues (an empty description)
        if question.category and question.category != category:
            category = question.category
            blocks.append("$CATEGORY: " + " ".join(category.split()))
        blocks.append(_write_question(question))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def gift_export_issues(questions) -> list[ExportIssue]:
    """The questions ``export_gift`` cannot write faithfully, with the reason.

    GIFT has no escape for ``->``, no way back to "no category", and no place for the
    general feedback of a description; an unknown type is left out of the file.
    """
    issues, category = [], ""
    for index, q in enumerate(questions):
        name = q.title or " ".join(q.text.split())[:60]

        def add(message, index=index, name=name):
            issues.append(ExportIssue(index, message % {"question": name}))

        if not is_known(q.qtype):
            add(_("“%(question)s” is left out: its type is unknown."))
            continue
        if q.category:
            category = q.category
        elif category:
            add(
                _(
                    "“%(question)s” has no category but follows questions that have one: "
                    "it will be read back in theirs."
                )
            )
        for problem in question_type(q.qtype).gift_export_problems(q):
            add(problem)
    return issues


def _escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in "#=~{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def _write_text(text: str, text_format: str, default: str) -> str:
    """Text with a ``[format]`` marker when it differs from the default, or when the
    text itself starts like a marker or a comment."""
    if text_format in TEXT_FORMATS and (
        text_format != default or text.startswith(("[", "//"))
    ):
        return f"[{text_format}]" + _escape(text)
    return _escape(text)


def _feedback(text: str, text_format: str, default: str) -> str:
    return "#" + _write_text(text, text_format, default) if text else ""


def _write_question(q: Question) -> str:
    lines = []
    if q.id:
        lines.append("// [id:" + q.id.replace("]", "\\]") + "]")
    if q.tags:
        lines.append(
            "// " + " ".join("[tag:" + t.replace("]", "\\]") + "]" for t in q.tags)
        )
    head = (f"::{_escape(q.title)}::" if q.title else "") + _write_text(
        q.text, q.text_format, "moodle"
    )
    general = (
        "####"
        + _write_text(q.general_feedback, q.general_feedback_format, q.text_format)
        if q.general_feedback
        else ""
    )
    lines.extend(question_type(q.qtype).gift_lines(q, head, general, _GiftWriter))
    return "\n".join(lines)


class _GiftWriter:
    """What a question type writes its answers with (``QuestionType.gift_lines``)."""

    escape = staticmethod(_escape)
    text = staticmethod(_write_text)
    feedback = staticmethod(_feedback)

    @staticmethod
    def closing(general: str) -> list[str]:
        return _general_line(general)


def _general_line(general: str) -> list[str]:
    return ["\t" + general, "}"] if general else ["}"]
