"""Reading the part of a GIFT question between its braces: each kind of answer list
(choices, pairs, true/false, short answers, numbers) with Moodle's rules, into the
fields of the shared ``Question``; the question type's own validation then decides,
its refusals said in GIFT's notation."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from courses.question_types import question_type
from courses.question_types.base import number_text
from courses.question_types.model import (
    Choice,
    MatchingPair,
    NumericalAnswer,
    Question,
)

from .syntax import (
    _HUNDRED,
    _PAD,
    _TF,
    _WEIGHT,
    _WEIGHT_LIKE,
    _WEIGHT_NUMBER,
    _WS,
    _decimal,
    _split_format,
)


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

    def weighted_choices(self, markers: str, default) -> list[Choice] | None:
        """The answers after each of ``markers``, weighted ``default(marker)`` where
        no weight is written; None once an answer had an issue (all are reported)."""
        choices, ok = [], True
        for marker, start, end, line in self.segments(self.start, self.end, markers):
            fraction, start = self.weight(start, end, default(marker), line)
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
        return choices if ok else None

    def multichoice(self, question: Question, single: bool):
        choices = self.weighted_choices(
            "~=", lambda marker: _HUNDRED if marker == "=" else Decimal(0)
        )
        if choices is None:
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
        choices = self.weighted_choices("=", lambda marker: _HUNDRED)
        if choices is None:
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
