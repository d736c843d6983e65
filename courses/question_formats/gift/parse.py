"""Reading GIFT, Moodle's plain-text quiz format: ``parse_gift``.

The reading follows Moodle's own importer (``qformat_gift``), so that a file gives the
questions Moodle would give, with a few deliberate differences, all towards reporting
mistakes instead of importing something odd:

* Every problem is reported with its line, and parsing goes on to find them all.
  Moodle's later save-time checks are made here too (a single-answer, short-answer
  or numerical question needs an answer worth 100%; the positive weights of a
  multiple-answer question add up to 100%).
* Moodle treats a second pair of braces, or ``{T F}``, as text; they are reported
  here, as are a true/false answer with more than two feedbacks, empty answers,
  weights outside -100..100, empty ranges and numbers that are not numbers (Moodle
  lets ``{#abc}`` through). ``{true}`` stays a short answer "true", as in Moodle
  and gift-pegjs.
* ``=%50%answer`` in a multiple-choice question is read as a weight (Moodle keeps
  "%50%answer" as the answer text); ``=`` still makes the question single-answer.
* ``->`` in a short answer's ``#feedback`` does not make it a matching question.
* A matching question needs two pairs with a prompt (a distractor ``= -> x`` does
  not count).
* The ``";`` that Moodle's own test fixture leaves after a closing brace (a PHP
  string's end) is ignored rather than turning the question into a missing-word one.
* Lines keep their leading and trailing spaces (Moodle trims them), so markdown line
  breaks and indented ``<pre>`` survive.

Which kind of multiple choice is Moodle's rule: answers containing ``=`` make a
single-answer question, answers with only ``~`` (``~%50%``-style weights) a
multiple-answer one.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from courses.question_types.model import (
    BLANK,
    ParseIssue,
    ParseResult,
    Question,
)

from .answers import _Answers
from .syntax import (
    _COMMENT,
    _ID,
    _MASKED,
    _PAD,
    _STRAY_AFTER_BRACE,
    _TAG,
    _WS,
    _Block,
    _split_format,
)

__all__ = ["parse_gift"]


def parse_gift(text: str) -> ParseResult:
    """Read a GIFT file; every question that is correct, and every issue by line."""
    return _GiftParser(text).parse()


class _GiftParser:
    def __init__(self, text: str):
        if text.startswith("\ufeff"):
            text = text[1:]
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        # Characters the parser uses as markers have no business in a text file.
        self.lines = text.replace(_MASKED, "").replace(_COMMENT, "").split("\n")
        self.category = ""
        self.questions: list[Question] = []
        self.issues: list[ParseIssue] = []

    def parse(self) -> ParseResult:
        start = None
        for number, line in enumerate(self.lines + [""], start=1):
            if line.strip(_WS):
                if start is None:
                    start = number
            elif start is not None:
                self._block(_Block.build(start, self.lines[start - 1 : number - 1]))
                start = None
        return ParseResult(self.questions, self.issues)

    def _issue(self, line: int, message: str) -> None:
        self.issues.append(ParseIssue(line, message))

    # -- one block ------------------------------------------------------------------

    def _block(self, block: _Block) -> None:
        pos = block.skip(0)
        if pos == len(block.mask):
            return  # comments only
        if block.mask.startswith("$CATEGORY:", pos):
            eol = block.mask.find("\n", pos)
            eol = len(block.mask) if eol == -1 else eol
            self.category = block.text(pos + len("$CATEGORY:"), eol).strip(_WS)
            pos = block.skip(eol)
            if pos == len(block.mask):
                return
        issues_before = len(self.issues)
        question = self._question(block, pos)
        if question is not None and len(self.issues) == issues_before:
            self.questions.append(question)

    def _question(self, block: _Block, pos: int) -> Question | None:
        mask = block.mask
        first_line = block.line_at(pos)
        title = ""
        if mask.startswith("::", pos):
            end = mask.find("::", pos + 2)
            if end == -1:
                self._issue(
                    first_line,
                    _("The question title is not closed: “::” is missing after it."),
                )
                return None
            title = block.text(pos + 2, end).strip(_WS)
            pos = end + 2

        opening, closing = mask.find("{", pos), mask.find("}", pos)
        common = {
            "title": title,
            "category": self.category,
            "line": first_line,
            **_id_and_tags(block.comments),
        }
        if opening == -1 and closing == -1:
            text, text_format = _split_format(block.text(pos, len(mask)), "moodle")
            return Question(
                qtype="description", text=text, text_format=text_format, **common
            )
        if closing == -1:
            self._issue(
                block.line_at(opening),
                _(
                    "Unclosed brace: the answers opened with “{” are never closed with “}”."
                ),
            )
            return None
        if opening == -1 or closing < opening:
            self._issue(
                block.line_at(closing),
                _(
                    "This “}” closes answers that were never opened with “{”; "
                    "a brace in the text is written \\}."
                ),
            )
            return None
        inner = mask.find("{", opening + 1, closing)
        if inner != -1:
            self._issue(
                block.line_at(inner),
                _(
                    "A second “{” before the answers are closed: is a “}” missing, "
                    "or a blank line between two questions? A brace in the text is "
                    "written \\{."
                ),
            )
            return None
        extra = [
            i
            for i in (mask.find("{", closing + 1), mask.find("}", closing + 1))
            if i != -1
        ]
        if extra:
            self._issue(
                block.line_at(min(extra)),
                _(
                    "A question has only one set of answers in braces: separate "
                    "questions with a blank line, and write a brace in the text as "
                    "\\{ or \\}."
                ),
            )
            return None

        # The question text, with a blank where the answers were when text follows them.
        after = block.text(closing + 1, len(mask))
        before = block.text(pos, opening)
        if after.strip(_PAD) in ("", _STRAY_AFTER_BRACE):
            text = before
        else:
            text = before + BLANK + after
        text, text_format = _split_format(text, "moodle")

        start = block.skip(opening + 1, closing)
        end = block.rskip(start, closing)
        general_feedback, general_feedback_format = "", text_format
        separator = mask.rfind("####", start, end)
        if separator != -1:
            general_feedback, general_feedback_format = _split_format(
                block.text(separator + 4, end), text_format
            )
            end = block.rskip(start, separator)

        question = Question(
            qtype="essay",
            text=text,
            text_format=text_format,
            general_feedback=general_feedback,
            general_feedback_format=general_feedback_format,
            **common,
        )
        answers = _Answers(self, block, start, end, text_format, block.line_at(opening))
        body = mask[start:end]
        if not body:
            return question
        if body[0] == "#":
            return answers.numerical(question)
        if "~" in body:
            return answers.multichoice(question, single="=" in body)
        if "=" in body and _arrow_in_answers(body):
            return answers.matching(question)
        return answers.truefalse_or_shortanswer(question)


def _arrow_in_answers(body: str) -> bool:
    """Whether ``->`` stands in an answer, not only in a ``#feedback`` (Moodle looks
    anywhere, so "Use File -> Save" in a short answer's feedback made it a matching
    question)."""
    return any("->" in part.split("#", 1)[0] for part in body.split("="))


def _id_and_tags(comments: list[str]) -> dict:
    joined = "\n".join(comments)
    found = _ID.search(joined)
    return {
        "id": found.group(1).replace("\\]", "]").strip() if found else None,
        "tags": [tag.replace("\\]", "]").strip() for tag in _TAG.findall(joined)],
    }
