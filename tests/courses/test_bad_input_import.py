"""Question files with markup the editor cannot hold, or heavy content: made safe for
the editor, or refused with a message by line, and nothing written."""

import pytest
from django.urls import reverse
from django.utils import translation

from courses.models import QuestionBank, QuizPage
from courses.question_formats import parse_gift
from courses.services import issue_text, questions_import
from tests.courses.test_question_import_admin import (  # noqa: F401
    bank_edit_url,
    quiz,
    site_admin,
)

pytestmark = pytest.mark.django_db

#: Markup Moodle files carry that Draftail cannot open as such: line breaks, underline,
#: tables, headings, code.
RICH_GIFT = (
    "::Budget::Le budget\nest <u>voté</u> par le <table><tr><td>conseil</td></tr>"
    "</table><h2>Qui ?</h2><code>x</code>{=Le conseil ~Le maire}\n"
)
IMG_GIFT = '::Q:: Texte <img src="x"> fin ? {=a ~b}'


def test_imported_markup_keeps_bank_and_quiz_editors_working(
    client,
    site_admin,  # noqa: F811
    quiz,  # noqa: F811
):
    """Line breaks, tables and headings import; the bank and the quiz editors open."""
    into_bank = questions_import(text=RICH_GIFT, fmt="gift", bank_name="Banque")
    into_quiz = questions_import(text=RICH_GIFT, fmt="gift", quiz=quiz, user=site_admin)
    assert into_bank.ok and into_quiz.ok
    assert client.get(bank_edit_url(into_bank.bank)).status_code == 200
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert edit.status_code == 200
    text = into_bank.bank.questions[0].value["text"].source
    assert "<br/>" in text and "voté" in text and "conseil" in text
    assert "<table" not in text and "<u>" not in text


def test_imported_image_is_refused_by_line(
    client,
    site_admin,  # noqa: F811
    quiz,  # noqa: F811
):
    """An <img> in a question is refused with its line; the quiz and banks are unchanged."""
    text = "Première ?{T}\n\n" + IMG_GIFT
    with translation.override("en"):
        result = questions_import(text=text, fmt="gift", bank_name="Banque")
        assert not result.ok
        assert issue_text(result.issues[0]).startswith("line 3: ")
    assert "image" in result.issues[0].message
    assert not QuestionBank.objects.exists()
    result = questions_import(text=text, fmt="gift", quiz=quiz, user=site_admin)
    assert not result.ok
    assert (
        len(QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object().questions)
        == 2
    )
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk])).status_code
        == 200
    )


def test_equals_sign_inside_an_html_attribute_is_not_an_answer():
    """`=` and `#` inside a link's address stay in the answer: one right answer only."""
    result = parse_gift('Où ?{=<a href="https://ex.org/?a=1#b">Ici</a> ~Là}')
    assert result.ok
    (question,) = result.questions
    assert question.qtype == "single"
    assert [(c.text, int(c.fraction)) for c in question.choices] == [
        ('<a href="https://ex.org/?a=1#b">Ici</a>', 100),
        ("Là", 0),
    ]


def test_gift_export_has_no_editor_markup(client, site_admin):  # noqa: F811
    """The downloaded GIFT holds the question's HTML, not the editor's paragraph keys."""
    result = questions_import(text=RICH_GIFT, fmt="gift", bank_name="Banque")
    assert "data-block-key" in result.bank.questions[0].value["text"].source
    response = client.get(
        reverse("courses_questions:export_bank", args=[result.bank.pk])
    )
    exported = response.content.decode()
    assert "data-block-key" not in exported
    assert "<p>Le budget<br/>est voté" in exported


def test_deeply_nested_html_is_refused_before_parsing():
    """100,000 nested <div> are refused at once with their line; nothing is written."""
    text = "Première ?{T}\n\nQ " + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "{T}"
    with translation.override("en"):
        result = questions_import(text=text, fmt="gift", bank_name="Banque")
        assert [issue_text(issue) for issue in result.issues] == [
            "line 3: The HTML here nests more than 30 elements deep: simplify the "
            "markup of this question."
        ]
    assert not QuestionBank.objects.exists()


def test_too_many_questions_are_refused_before_parsing():
    """A file of 48,103 questions is refused with the limit; no bank is created."""
    text = "\n\n".join(f"Q{n} ?{{=a ~b}}" for n in range(48_103))
    with translation.override("en"):
        result = questions_import(text=text, fmt="gift", bank_name="Banque")
        assert [issue.message for issue in result.issues] == [
            "This file holds about 48103 questions; one import takes 2000 at most: "
            "split the file."
        ]
    assert not QuestionBank.objects.exists()


def test_oversized_text_is_refused_on_the_command_line_too():
    """Over 2 MB is refused by the import service itself, whatever the caller."""
    text = "Q ?{T}\n\n" + "x" * (2 * 1024 * 1024)
    result = questions_import(text=text, fmt="gift", bank_name="Banque")
    assert not result.ok and "2,0" in result.issues[0].message
    assert not QuestionBank.objects.exists()
