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

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from courses.question_types import question_type
from courses.question_types.base import number_text
from courses.question_types.model import (
    BLANK,
    TEXT_FORMATS,
    Choice,
    MatchingPair,
    NumericalAnswer,
    ParseIssue,
    ParseResult,
    Question,
)

__all__ = ["parse_gift"]

# PHP's trim() set, which Moodle uses: non-breaking spaces are text, not padding.
_WS = " \t\n\r\0\x0b"
_MASKED = "\x00"  # stands, in the mask, for both characters of an escape sequence
_COMMENT = "\x01"  # fills the characters of a // comment line
_PAD = _WS.replace(_MASKED, "") + _COMMENT  # padding, in the mask

_ESCAPES = {
    ":": ":",
    "#": "#",
    "=": "=",
    "{": "{",
    "}": "}",
    "~": "~",
    "n": "\n",
    "\\": "\\",
}
_TF = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_STRAY_AFTER_BRACE = '";'

_WEIGHT = re.compile(r"[ \t\n\r\x01]*%([^%\n]*)%")
_WEIGHT_NUMBER = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*")
_WEIGHT_LIKE = re.compile(r"[\s\d.,+-]+")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_ID = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f])+)\]")

_HUNDRED = Decimal(100)

# An HTML start tag with its attributes, searched in the mask (where ``\=`` is two
# _MASKED characters). Its ``=`` ``#`` ``~`` ``{`` ``}`` ``-`` belong to the markup
# (``<a href="?a=1#x">``), never to the GIFT structure: ``=`` there is no answer.
_HTML_TAG = re.compile(
    r"<[a-zA-Z][a-zA-Z0-9]*"
    r"(?:\s+[a-zA-Z_:][-\w:.]*(?:\s*(?:=|\x00\x00)\s*"
    r"(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\"'=<>`\x00]+))?)*\s*/?>"
)
_TAG_STRUCTURE = str.maketrans(dict.fromkeys("=#~{}-", _MASKED))


def _neutral_tag(match: re.Match) -> str:
    return match.group(0).translate(_TAG_STRUCTURE)


def parse_gift(text: str) -> ParseResult:
    """Read a GIFT file; every question that is correct, and every issue by line."""
    return _GiftParser(text).parse()


@dataclass
class _Block:
    """Consecutive non-blank lines: one question (or a category switch).

    ``raw`` is the text with comment lines blanked out; ``mask`` has the same length,
    with each escape sequence (``\\{``...) replaced by two neutral characters, so the
    structure (braces, ``~``, ``=``, ``#``) is searched in ``mask`` and the text taken
    from ``raw`` by the same offsets, which also give the line numbers.
    """

    first_line: int
    raw: str
    mask: str
    comments: list[str]

    @classmethod
    def build(cls, first_line: int, lines: list[str]) -> _Block:
        comments, kept = [], []
        for line in lines:
            if line.strip(_WS).startswith("//"):
                comments.append(line.strip(_WS))
                kept.append(_COMMENT * len(line))
            else:
                kept.append(line)
        raw = "\n".join(kept)
        mask, i = [], 0
        while i < len(raw):
            if raw[i] == "\\" and i + 1 < len(raw) and raw[i + 1] in _ESCAPES:
                mask.append(_MASKED * 2)
                i += 2
            else:
                mask.append(raw[i])
                i += 1
        mask = _HTML_TAG.sub(_neutral_tag, "".join(mask))
        return cls(first_line, raw, mask, comments)

    def line_at(self, offset: int) -> int:
        return self.first_line + self.raw.count("\n", 0, offset)

    def skip(self, start: int, end: int | None = None) -> int:
        """The first offset at or after ``start`` that is not padding (or ``end``)."""
        end = len(self.mask) if end is None else end
        while start < end and self.mask[start] in _PAD:
            start += 1
        return start

    def rskip(self, start: int, end: int) -> int:
        """``end`` moved back over padding, not before ``start``."""
        while end > start and self.mask[end - 1] in _PAD:
            end -= 1
        return end

    def text(self, start: int, end: int) -> str:
        """The text between two offsets: comments dropped, escapes decoded, not trimmed."""
        piece = self.raw[start:end]
        if _COMMENT in piece:
            piece = "\n".join(
                line
                for line in piece.split("\n")
                if not (line and line.strip(_COMMENT) == "")
            )
        out, i = [], 0
        while i < len(piece):
            char = piece[i]
            if char == "\\" and i + 1 < len(piece) and piece[i + 1] in _ESCAPES:
                out.append(_ESCAPES[piece[i + 1]])
                i += 2
            else:
                out.append(char)
                i += 1
        return "".join(out)


def _split_format(text: str, default: str) -> tuple[str, str]:
    """``[html]text`` gives ("text", "html"); text without a known marker keeps it."""
    text = text.strip(_WS)
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in TEXT_FORMATS:
            return text[end + 1 :].strip(_WS), text[1:end]
    return text, default


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


class _Answers:
    """The part between the braces (general feedback already taken off)."""

    def __init__(self, parser, block, start, end, text_format, brace_line):
        self.parser, self.block = parser, block
        self.start, self.end = start, end
        self.format, self.brace_line = text_format, brace_line

    def issue(self, line: int, message: str) -> None:
        self.parser._issue(line, message)

    def segments(self, start: int, end: int, markers: str):
        """(marker, content start, content end, line) for each answer; text before the
        first marker counts as an answer without one, as in Moodle."""
        mask = self.block.mask
        positions = [i for i in range(start, end) if mask[i] in markers]
        found = []
        first = positions[0] if positions else end
        if mask[start:first].strip(_PAD):
            lead = self.block.skip(start, first)
            found.append(("", start, first, self.block.line_at(lead)))
        for k, i in enumerate(positions):
            stop = positions[k + 1] if k + 1 < len(positions) else end
            found.append((mask[i], i + 1, stop, self.block.line_at(i)))
        return found

    def weight(self, start: int, end: int, default: Decimal, line: int):
        """A ``%n%`` weight at ``start``: (weight or None if malformed, text start)."""
        found = _WEIGHT.match(self.block.mask, start, end)
        if not found:
            return default, start
        inside = found.group(1)
        number = _WEIGHT_NUMBER.fullmatch(inside)
        if number:
            value = Decimal(number.group(1))
            if not -_HUNDRED <= value <= _HUNDRED:
                self.issue(
                    line,
                    _(
                        "The weight %(weight)s%% is out of range: weights go from "
                        "-100%% to 100%%."
                    )
                    % {"weight": inside.strip()},
                )
                return None, found.end()
            return value, found.end()
        if _WEIGHT_LIKE.fullmatch(inside):
            self.issue(
                line,
                _(
                    "The weight %%%(weight)s%% is not a number: write it like %%50%% "
                    "or %%-33.33333%%."
                )
                % {"weight": inside},
            )
            return None, found.end()
        return default, start  # "%...%" that is no number: part of the answer's text

    def text_and_feedback(self, start: int, end: int):
        """``answer # feedback``: ((text, format), (feedback, format))."""
        hash_at = self.block.mask.find("#", start, end)
        if hash_at == -1:
            return _split_format(self.block.text(start, end), self.format), (
                "",
                self.format,
            )
        return (
            _split_format(self.block.text(start, hash_at), self.format),
            _split_format(self.block.text(hash_at + 1, end), self.format),
        )

    def valid(self, question: Question) -> Question | None:
        """``question`` if its type's ``validate`` accepts it; otherwise None, and the
        type's reason, in GIFT's words when GIFT has its own way of saying it."""
        try:
            question_type(question.qtype).validate(question)
        except ValidationError as error:
            wording = _GIFT_WORDING.get(error.code)
            params = error.params or {}
            self.issue(
                self.brace_line,
                wording(params) if wording else error.messages[0],
            )
            return None
        return question

    # -- question types ---------------------------------------------------------------

    def multichoice(self, question: Question, single: bool):
        choices, ok = [], True
        for marker, start, end, line in self.segments(self.start, self.end, "~="):
            default = _HUNDRED if marker == "=" else Decimal(0)
            fraction, start = self.weight(start, end, default, line)
            (text, text_format), (feedback, feedback_format) = self.text_and_feedback(
                start, end
            )
            if not text:
                self.issue(line, _("An answer is empty."))
                ok = False
            if fraction is None:
                ok = False
                continue
            choices.append(
                Choice(text, fraction, feedback, text_format, feedback_format)
            )
        if not ok:
            return None
        if len(choices) < 2:
            self.issue(
                self.brace_line,
                _("A multiple-choice question needs at least two answers."),
            )
            return None
        return self.valid(
            _replace(
                question, qtype="single" if single else "multiple", choices=choices
            )
        )

    def matching(self, question: Question):
        pairs, ok = [], True
        for _marker, start, end, line in self.segments(self.start, self.end, "="):
            arrow = self.block.mask.find("->", start, end)
            answer = self.block.text(arrow + 2, end).strip(_WS) if arrow != -1 else ""
            if arrow == -1 or not answer:
                self.issue(
                    line,
                    _("Badly formed matching pair “%(pair)s”: write =prompt -> answer.")
                    % {"pair": " ".join(self.block.text(start, end).split())},
                )
                ok = False
                continue
            prompt, prompt_format = _split_format(
                self.block.text(start, arrow), self.format
            )
            pairs.append(MatchingPair(prompt, answer, prompt_format))
        if not ok:
            return None
        return self.valid(_replace(question, qtype="matching", pairs=pairs))

    def truefalse_or_shortanswer(self, question: Question):
        mask = self.block.mask
        hashes = [i for i in range(self.start, self.end) if mask[i] == "#"]
        head_end = hashes[0] if hashes else self.end
        head = self.block.text(self.start, head_end).strip(_WS)
        words = head.split()
        if head not in _TF and len(words) > 1 and all(word in _TF for word in words):
            self.issue(
                self.brace_line,
                _(
                    "Malformed true/false answer “%(answer)s”: write {T}, {TRUE}, {F} or {FALSE}."
                )
                % {"answer": head},
            )
            return None
        if head not in _TF:
            return self.shortanswer(question)
        if len(hashes) > 2:
            self.issue(
                self.block.line_at(hashes[2]),
                _(
                    "Malformed true/false answer: it takes at most two feedbacks, "
                    "{TRUE#feedback if wrong#feedback if right}; a # in a feedback is "
                    "written \\#."
                ),
            )
            return None
        bounds = [self.start, *hashes, self.end]
        feedbacks = [
            _split_format(self.block.text(bounds[k] + 1, bounds[k + 1]), self.format)
            for k in range(1, len(bounds) - 1)
        ]
        feedbacks += [("", self.format)] * (2 - len(feedbacks))
        (wrong, wrong_format), (right, right_format) = feedbacks
        answer = _TF[head]
        if answer:
            true, false = (right, right_format), (wrong, wrong_format)
        else:
            true, false = (wrong, wrong_format), (right, right_format)
        return _replace(
            question,
            qtype="truefalse",
            answer=answer,
            feedback_true=true[0],
            feedback_true_format=true[1],
            feedback_false=false[0],
            feedback_false_format=false[1],
        )

    def shortanswer(self, question: Question):
        choices, ok = [], True
        for _marker, start, end, line in self.segments(self.start, self.end, "="):
            fraction, start = self.weight(start, end, _HUNDRED, line)
            (text, text_format), (feedback, feedback_format) = self.text_and_feedback(
                start, end
            )
            if not text:
                self.issue(line, _("An answer is empty."))
                ok = False
            if fraction is None:
                ok = False
                continue
            choices.append(
                Choice(text, fraction, feedback, text_format, feedback_format)
            )
        if not ok:
            return None
        return self.valid(_replace(question, qtype="shortanswer", choices=choices))

    def numerical(self, question: Question):
        mask = self.block.mask
        start = self.start + 1  # after the "#"
        tilde = mask.find("~", start, self.end)
        answers_end = tilde if tilde != -1 else self.end
        answers, ok = [], True
        for _marker, seg_start, seg_end, line in self.segments(start, answers_end, "="):
            fraction, seg_start = self.weight(seg_start, seg_end, _HUNDRED, line)
            (text, _format), (feedback, feedback_format) = self.text_and_feedback(
                seg_start, seg_end
            )
            answer = self.number(text, line)
            if fraction is None or answer is None:
                ok = False
                continue
            answers.append(
                NumericalAnswer(
                    **answer,
                    fraction=fraction,
                    feedback=feedback,
                    feedback_format=feedback_format,
                )
            )
        if tilde != -1:
            line = self.block.line_at(tilde)
            (text, _format), (feedback, feedback_format) = self.text_and_feedback(
                tilde + 1, self.end
            )
            if text not in ("", "*"):
                self.issue(
                    line,
                    _(
                        "In a numerical question, “~” only gives the feedback for any "
                        "other answer: write ~#feedback."
                    ),
                )
                ok = False
            else:
                answers.append(
                    NumericalAnswer(
                        None,
                        Decimal(0),
                        None,
                        None,
                        Decimal(0),
                        feedback,
                        feedback_format,
                    )
                )
        if not ok:
            return None
        if not any(not a.is_catch_all for a in answers):
            self.issue(
                self.brace_line,
                _(
                    "This numerical question has no number: write the answer after “#”, e.g. {#42}."
                ),
            )
            return None
        return self.valid(_replace(question, qtype="numerical", numerical=answers))

    def number(self, text: str, line: int) -> dict | None:
        """``3``, ``3:0.5``, ``1..5`` or ``*`` as NumericalAnswer fields, or None."""
        if text == "*":
            return {
                "value": None,
                "tolerance": Decimal(0),
                "minimum": None,
                "maximum": None,
            }
        if text.find("..") > 0:
            low, high = (part.strip(_WS) for part in text.split("..", 1))
            low, high = _decimal(low), _decimal(high)
            if low is not None and high is not None:
                if low > high:
                    self.issue(
                        line,
                        _(
                            "The range %(range)s is empty: write the smaller number first."
                        )
                        % {"range": text},
                    )
                    return None
                return {
                    "value": None,
                    "tolerance": Decimal(0),
                    "minimum": low,
                    "maximum": high,
                }
        elif text.find(":") > 0:
            value, tolerance = (part.strip(_WS) for part in text.split(":", 1))
            value, tolerance = _decimal(value), _decimal(tolerance)
            if value is not None and tolerance is not None:
                if tolerance < 0:
                    self.issue(
                        line,
                        _("The margin of error of “%(answer)s” cannot be negative.")
                        % {"answer": text},
                    )
                    return None
                return {
                    "value": value,
                    "tolerance": tolerance,
                    "minimum": None,
                    "maximum": None,
                }
        else:
            value = _decimal(text)
            if value is not None:
                return {
                    "value": value,
                    "tolerance": Decimal(0),
                    "minimum": None,
                    "maximum": None,
                }
        self.issue(
            line,
            _(
                "“%(answer)s” is not a number: a numerical answer is written {#3}, "
                "{#3:0.5} (margin of error) or {#1..5} (range)."
            )
            % {"answer": text},
        )
        return None


def _decimal(text: str) -> Decimal | None:
    if not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
        return None


def _no_right_answer(params: dict) -> str:
    return _(
        "No answer is right: mark the right answer with “=” (or, for several "
        "right answers, give weights such as %(example)s that add up to 100%%)."
    ) % {"example": "~%50%"}


def _weights_total(params: dict) -> str:
    if params["total"] == 0:
        return _no_right_answer(params)
    return _(
        "The positive weights of this multiple-answer question add up to "
        "%(total)s%%; they must add up to 100%%."
    ) % {"total": number_text(params["total"])}


def _too_few_pairs(params: dict) -> str:
    return _(
        "A matching question needs at least two pairs (=prompt -> answer); "
        "this one has %(count)s."
    ) % {"count": params["count"]}


#: What a type's validation refuses, said with GIFT's notation (by the error's code).
_GIFT_WORDING = {
    "no_right_answer": _no_right_answer,
    "weights_total": _weights_total,
    "too_few_pairs": _too_few_pairs,
}


def _replace(question: Question, **changes) -> Question:
    return replace(question, **changes)
