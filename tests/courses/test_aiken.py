"""Aiken import/export, checked against Moodle's own Aiken fixtures.

tests/fixtures/aiken/ holds copies of /work/shared/oracles/aiken/: two valid questions
(questions.aiken.txt) and Moodle's error fixture (aiken_errors.txt), whose expected
errors come from Moodle's qformat_aiken test. No database needed.
"""

from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from courses.question_formats import (
    Choice,
    Question,
    export_aiken,
    parse_aiken,
    parse_gift,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "aiken"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def parse_en(text: str):
    with translation.override("en"):
        return parse_aiken(text)


def plain(text: str, right: bool) -> Choice:
    return Choice(text, Decimal(100 if right else 0), "", "plain", "plain")


def test_aiken_fixture_gives_two_single_choice_questions():
    """questions.aiken.txt: two single-answer questions, B then A right."""
    result = parse_aiken(read("questions.aiken.txt"))
    assert result.ok, result.issues
    first, second = result.questions
    assert (first.qtype, first.text, first.line) == (
        "single",
        "The Moodle project was started by:",
        1,
    )
    assert first.choices == [
        plain("Petr Skoda", False),
        plain("Martin Dougiamas", True),
        plain("Eloy Lafuente", False),
        plain("Tim Hunt", False),
    ]
    assert second.choices == [plain("True", True), plain("False", False)]
    assert second.line == 8


def test_aiken_html_characters_are_kept_as_plain_text():
    """`<html class="cool"> & images` stays those characters, in plain-text format."""
    question = parse_aiken(read("questions.aiken.txt")).questions[1]
    assert question.text == (
        "Moodle's abilities include handling user input that includes "
        '<html class="cool"> & images:'
    )
    assert question.text_format == "plain"


def test_aiken_error_fixture_reports_moodle_errors_by_line():
    """Too few answers (3), not started (5, 7), not finished (18); 2 good questions."""
    result = parse_en(read("aiken_errors.txt"))
    assert not result.ok
    assert [issue.line for issue in result.issues] == [3, 5, 7, 18]
    messages = [issue.message for issue in result.issues]
    assert "at least two options" in messages[0]
    assert "before any question" in messages[1]
    assert "ANSWER: line comes before any question" in messages[2]
    assert "A question started but not finished" in messages[3]
    assert "(line 14)" in messages[3]
    good, second_good = result.questions
    assert (good.text, good.choices) == (
        "A good question",
        [plain("Correct", True), plain("Incorrect", False)],
    )
    assert (second_good.text, second_good.choices) == (
        "A second good question",
        [plain("Incorrect (No space)", False), plain("Correct (No space)", True)],
    )


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        (
            "Capital?\nA) Lyon\nB) Paris\nANSWER: C",
            4,
            "“C” is not one of the options (A, B)",
        ),
        ("Capital?\nA) Lyon\nB) Paris\nANSWER:", 4, "is not one of the options"),
        ("Capital?\nA) Lyon\nA) Paris\nANSWER: A", 3, "given twice"),
        ("Capital?\nA) Lyon\nB) Paris", 1, "before the end of the file"),
    ],
)
def test_aiken_malformed_question_reports_its_line(source, line, words):
    """A wrong answer letter, a repeated option, an unfinished question: one issue each."""
    result = parse_en(source)
    assert result.questions == []
    assert [issue.line for issue in result.issues] == [line]
    assert words in result.issues[0].message


def test_aiken_accepts_dots_crlf_and_short_lines():
    """`A.` options, Windows line ends; lines under two characters are skipped."""
    result = parse_en("Capital?\r\nA. Lyon\r\n \r\nB.Paris\r\nANSWER: B\r\n")
    assert result.ok
    assert result.questions[0].choices == [plain("Lyon", False), plain("Paris", True)]


def test_aiken_issue_messages_go_through_gettext(monkeypatch):
    """Messages are translated when the file is parsed, in the active language."""
    from courses.question_formats import aiken

    monkeypatch.setattr(aiken, "_", lambda message: f"<{message}>")
    assert parse_aiken("A) orphan").issues[0].message.startswith("<An option")


def test_aiken_export_then_parse_gives_the_questions_back():
    """parse(export(questions)) equals the questions of the Aiken fixture."""
    questions = parse_aiken(read("questions.aiken.txt")).questions
    exported = export_aiken(questions)
    assert exported.ok
    assert parse_aiken(exported.text).questions == questions


def test_aiken_export_reports_what_aiken_cannot_hold():
    """Only single-choice questions are written; the others are reported by position."""
    gift = parse_gift(
        "[html]<p>Capital of <b>France</b>?</p>{=Paris ~Lyon#feedback is dropped}\n\n"
        "Several?{~%50%a ~%50%b ~c}\n\n"
        "Sure?{T}\n\n"
        "Partial?{=a ~%50%b ~c}\n\n"
        "A) looks like an option{=a ~b}"
    )
    assert gift.ok, gift.issues
    with translation.override("en"):
        exported = export_aiken(gift.questions)
    assert [issue.index for issue in exported.issues] == [1, 2, 3, 4]
    assert "Several?" in exported.issues[0].message
    assert exported.text == "Capital of France?\nA) Paris\nB) Lyon\nANSWER: A\n"
    back = parse_aiken(exported.text).questions
    assert [c.text for c in back[0].choices] == ["Paris", "Lyon"]


def test_aiken_export_of_nothing_is_empty():
    """No exportable question: an empty file and one issue per question."""
    exported = export_aiken([Question("essay", "Why?")])
    assert exported.text == ""
    assert [issue.index for issue in exported.issues] == [0]
