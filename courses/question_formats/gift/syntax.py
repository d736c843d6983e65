"""GIFT's lexical layer: padding, escapes and the mask the structure is searched in
(``_Block``), weights and numbers as the format writes them, ``[format]`` markers.

Shared by the question reader (``parse``) and the answers' reader (``answers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from courses.question_types.model import TEXT_FORMATS

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


def _decimal(text: str) -> Decimal | None:
    if not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
        return None
