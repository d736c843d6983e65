"""Moodle quiz formats (GIFT and Aiken): read them into plain dataclasses, write them back.

Pure Python: no database and no models, so the same code serves the
``import_questions`` command, the admin upload screen and the tests.

    result = parse_gift(text)
    if not result.ok:          # import nothing: show every issue, by line
        ...
    for question in result.questions:
        ...
"""

from courses.question_types import QTYPES
from courses.question_types.model import (
    BLANK,
    TEXT_FORMATS,
    Choice,
    ExportIssue,
    ExportResult,
    MatchingPair,
    NumericalAnswer,
    ParseIssue,
    ParseResult,
    Question,
    question_from_data,
    question_to_data,
)

from .aiken import export_aiken, parse_aiken
from .gift import export_gift, gift_export_issues, parse_gift

__all__ = [
    "BLANK",
    "QTYPES",
    "TEXT_FORMATS",
    "Choice",
    "ExportIssue",
    "ExportResult",
    "MatchingPair",
    "NumericalAnswer",
    "ParseIssue",
    "ParseResult",
    "Question",
    "export_aiken",
    "export_gift",
    "gift_export_issues",
    "parse_aiken",
    "parse_gift",
    "question_from_data",
    "question_to_data",
]
