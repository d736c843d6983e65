"""Writing GIFT: ``export_gift``, and ``gift_export_issues`` for what GIFT cannot say.

What is written is read back by ``parse_gift`` as equal questions.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from ..model import (
    QTYPES,
    TEXT_FORMATS,
    ExportIssue,
    ParsedQuestion,
)

__all__ = ["export_gift", "gift_export_issues"]

_HUNDRED = Decimal(100)


def export_gift(questions) -> str:
    """Write questions as GIFT; ``parse_gift`` reads them back as equal questions.

    A ``$CATEGORY:`` line is written whenever the category changes (a question with no
    category after one with a category is written after it, and so takes it on: GIFT
    cannot go back to "no category"). Answers are written after the text, Moodle's
    way; a missing-word question keeps its blank in the text.
    """
    blocks, category = [], ""
    for question in questions:
        if question.qtype not in QTYPES or not (
            question.qtype != "description" or question.text or question.title
        ):
            continue  # reported by gift_export_issues
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

        if q.qtype not in QTYPES:
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
        if q.qtype == "shortanswer" and any("->" in c.text for c in q.choices):
            add(
                _(
                    "“%(question)s”: an accepted answer contains “->”, which GIFT "
                    "cannot escape; it would be read back as a matching question."
                )
            )
        if q.qtype == "matching" and any("->" in p.prompt for p in q.pairs):
            add(
                _(
                    "“%(question)s”: a matching prompt contains “->”, which GIFT "
                    "cannot escape."
                )
            )
        if q.qtype == "description" and not (q.text or q.title):
            add(_("“%(question)s”: a description without text or title is left out."))
        if q.qtype == "description" and q.general_feedback:
            add(
                _(
                    "“%(question)s”: the general feedback of a description cannot be "
                    "written in GIFT."
                )
            )
        if q.qtype == "truefalse" and q.answer is None:
            add(_("“%(question)s”: a true/false question needs its answer."))
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


def number_text(value: Decimal) -> str:
    """A number as GIFT writes it (and as the importer's messages quote it)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _feedback(text: str, text_format: str, default: str) -> str:
    return "#" + _write_text(text, text_format, default) if text else ""


def _write_question(q: ParsedQuestion) -> str:
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
    fmt = q.text_format
    general = (
        "####" + _write_text(q.general_feedback, q.general_feedback_format, fmt)
        if q.general_feedback
        else ""
    )

    if q.qtype == "description":
        lines.append(head)
    elif q.qtype == "essay":
        lines.append(head + "{" + general + "}")
    elif q.qtype == "truefalse":
        if q.answer:
            right = (q.feedback_true, q.feedback_true_format)
            wrong = (q.feedback_false, q.feedback_false_format)
        else:
            right = (q.feedback_false, q.feedback_false_format)
            wrong = (q.feedback_true, q.feedback_true_format)
        body = "TRUE" if q.answer else "FALSE"
        if wrong[0] or right[0]:
            body += "#" + _write_text(wrong[0], wrong[1], fmt)
        if right[0]:
            body += "#" + _write_text(right[0], right[1], fmt)
        lines.append(head + "{" + body + general + "}")
    elif q.qtype in ("single", "multiple"):
        lines.append(head + "{")
        for c in q.choices:
            text = _write_text(c.text, c.text_format, fmt)
            if q.qtype == "single" and c.fraction == _HUNDRED:
                marker = "=%100%" if text.startswith("%") else "="
            elif c.fraction == 0 and not text.startswith("%"):
                marker = "~"
            else:
                marker = f"~%{number_text(c.fraction)}%"
            lines.append(
                "\t" + marker + text + _feedback(c.feedback, c.feedback_format, fmt)
            )
        lines.extend(_general_line(general))
    elif q.qtype == "shortanswer":
        lines.append(head + "{")
        for c in q.choices:
            lines.append(
                f"\t=%{number_text(c.fraction)}%"
                + _write_text(c.text, c.text_format, fmt)
                + _feedback(c.feedback, c.feedback_format, fmt)
            )
        lines.extend(_general_line(general))
    elif q.qtype == "numerical":
        lines.append(head + "{#")
        for k, a in enumerate(q.numerical):
            feedback = _feedback(a.feedback, a.feedback_format, fmt)
            if a.is_catch_all and a.fraction == 0 and k == len(q.numerical) - 1:
                lines.append("\t~" + (feedback or "#"))
                continue
            if a.is_catch_all:
                number = "*"
            elif a.value is None:
                number = f"{number_text(a.minimum)}..{number_text(a.maximum)}"
            else:
                number = f"{number_text(a.value)}:{number_text(a.tolerance)}"
            lines.append(f"\t=%{number_text(a.fraction)}%{number}{feedback}")
        lines.extend(_general_line(general))
    else:  # matching
        lines.append(head + "{")
        for p in q.pairs:
            lines.append(
                "\t="
                + _write_text(p.prompt, p.prompt_format, fmt)
                + " -> "
                + _escape(p.answer)
            )
        lines.extend(_general_line(general))
    return "\n".join(lines)


def _general_line(general: str) -> list[str]:
    return ["\t" + general, "}"] if general else ["}"]
