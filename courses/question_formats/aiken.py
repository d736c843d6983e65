"""Aiken, the simplest Moodle quiz format: single-answer multiple choice only.

    What is the capital of France?
    A) Lyon
    B. Paris
    ANSWER: B

One line of question text, options ``A)``/``A.`` (the space after is optional), then
``ANSWER: X``. The reading follows Moodle's ``qformat_aiken`` (lines shorter than two
characters are skipped; the same problems are reported, on the same lines); the
answer letter is looked up among the options' own letters, and a letter that names no
option is an issue. Aiken has no markup: texts are read as plain text
(``text_format="plain"``), so ``<b>`` stays the four characters it is.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from courses.question_types import question_type
from courses.question_types.model import (
    ExportIssue,
    ExportResult,
    ParseIssue,
    ParseResult,
    Question,
)

__all__ = ["parse_aiken", "export_aiken"]

_OPTION = re.compile(r"^([A-Z])[).][ \t]?")
_ANSWER = re.compile(r"^ANSWER:")
_WS = " \t\n\r\0\x0b"
_MAX_OPTIONS = 26
#: The only question type Aiken holds.
_SINGLE = question_type("single")


def parse_aiken(text: str) -> ParseResult:
    """Read an Aiken file: every complete question, and every issue by line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    questions: list[Question] = []
    issues: list[ParseIssue] = []
    current: dict | None = None

    def issue(line: int, message: str) -> None:
        issues.append(ParseIssue(line, message))

    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        line = line.strip(_WS)
        if len(line) < 2:
            continue
        option = _OPTION.match(line)
        if option:
            if current is None:
                issue(number, _("An option comes before any question text."))
                continue
            letter = option.group(1)
            if letter in current["letters"]:
                issue(
                    number, _("Option %(letter)s is given twice.") % {"letter": letter}
                )
                current["bad"] = True
            current["letters"].append(letter)
            current["options"].append(line[option.end() :].strip(_WS))
            if not current["options"][-1]:
                issue(number, _("Option %(letter)s is empty.") % {"letter": letter})
                current["bad"] = True
        elif _ANSWER.match(line):
            if current is None:
                issue(number, _("An ANSWER: line comes before any question text."))
                continue
            question, current = current, None
            letter = line[len("ANSWER:") :].strip(_WS)[:1]
            if len(question["options"]) < 2:
                issue(number, _("A question needs at least two options (A, B…)."))
                continue
            if letter not in question["letters"]:
                issue(
                    number,
                    _(
                        "The answer “%(letter)s” is not one of the options (%(letters)s)."
                    )
                    % {"letter": letter, "letters": ", ".join(question["letters"])},
                )
                continue
            if question["bad"]:
                continue
            right = question["letters"].index(letter)
            questions.append(
                Question(
                    qtype=_SINGLE.key,
                    text=question["text"],
                    text_format="plain",
                    general_feedback_format="plain",
                    feedback_true_format="plain",
                    feedback_false_format="plain",
                    line=question["line"],
                    **_SINGLE.from_aiken(question["options"], right),
                )
            )
        else:
            if current is not None:
                issue(
                    number,
                    _(
                        "The question “%(question)s” (line %(line)s) has no ANSWER: "
                        "line before this next question starts."
                    )
                    % {"question": _shorten(current["text"]), "line": current["line"]},
                )
            current = {
                "text": line,
                "line": number,
                "letters": [],
                "options": [],
                "bad": False,
            }
    if current is not None:
        issue(
            current["line"],
            _(
                "The question “%(question)s” has no ANSWER: line before the end of the file."
            )
            % {"question": _shorten(current["text"])},
        )
    return ParseResult(questions, issues)


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- export


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _plain(text: str, text_format: str) -> str:
    """One line of plain text (Aiken has no markup and no line breaks)."""
    if text_format == "html":
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        text = unescape("".join(parser.parts))
    return " ".join(text.split())


def export_aiken(questions) -> ExportResult:
    """Write the single-answer multiple-choice questions as Aiken.

    Other questions are left out and reported (Aiken knows no other kind), as are
    questions that would not read back: more than 26 options, not exactly one right
    option, or a text that would be taken for an option or an ANSWER: line.
    Feedback and titles are not part of the format and are dropped.
    """
    blocks: list[str] = []
    issues: list[ExportIssue] = []
    for index, question in enumerate(questions):
        problem = _unexportable(question)
        if problem:
            issues.append(ExportIssue(index, problem))
            continue
        lines = [_plain(question.text, question.text_format)]
        for k, choice in enumerate(question.choices):
            lines.append(
                f"{chr(ord('A') + k)}) " + _plain(choice.text, choice.text_format)
            )
        right = _SINGLE.aiken_answer(question)
        lines.append(f"ANSWER: {chr(ord('A') + right)}")
        blocks.append("\n".join(lines))
    return ExportResult("\n\n".join(blocks) + "\n" if blocks else "", issues)


def _unexportable(question: Question) -> str | None:
    name = _shorten(question.title or " ".join(question.text.split()))
    if question.qtype != _SINGLE.key:
        return _(
            "“%(question)s” is not exported: Aiken only holds single-answer "
            "multiple-choice questions."
        ) % {"question": name}
    if not 2 <= len(question.choices) <= _MAX_OPTIONS:
        return _("“%(question)s” is not exported: Aiken takes 2 to 26 options.") % {
            "question": name
        }
    if _SINGLE.aiken_answer(question) is None:
        return _(
            "“%(question)s” is not exported: Aiken needs exactly one right option "
            "and no partial credit."
        ) % {"question": name}
    text = _plain(question.text, question.text_format)
    if len(text) < 2 or _OPTION.match(text) or _ANSWER.match(text):
        return _(
            "“%(question)s” is not exported: its text would be read back as an "
            "option or an answer line."
        ) % {"question": name}
    return None
