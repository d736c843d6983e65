"""Trainers build quizzes in the Wagtail admin; bad questions are refused with a message."""

import html
import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from courses.models import ModulePage, QuizPage
from tests.factories.courses import course_create
from tests.factories.quizzes import bank_create, single

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(reader):
    return reader


def _text(response) -> str:
    """The page as a reader sees it: Wagtail puts StreamField errors in JSON attributes."""
    unescaped = html.unescape(response.content.decode())
    return re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), unescaped)


def _add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("courses", "quizpage", parent.pk))


def _module():
    return ModulePage.objects.child_of(
        course_create(modules=1, lessons_per_module=1)
    ).get()


def _choices(*weights):
    return streamfield(
        [
            ("item", {"text": f"Réponse {n}", "weight": str(w), "feedback": ""})
            for n, w in enumerate(weights)
        ]
    )


def _quiz_data(questions, draws=(), **extra):
    return nested_form_data(
        {
            "title": "Quiz : le budget",
            "slug": "quiz-budget",
            "title_en": "",
            "intro": rich_text(""),
            "pass_mark": "60",
            "max_attempts": "0",
            "time_limit_minutes": "",
            "grading_method": "best",
            "review_policy": "each",
            "shuffle_choices": "on",
            "questions": questions
            if isinstance(questions, dict)
            else streamfield(questions),
            "draws": inline_formset(list(draws)),
            **extra,
        }
    )


def _single(weights):
    return (
        "single_choice",
        {
            "title": "",
            "text": rich_text("<p>Qui vote le budget ?</p>"),
            "marks": "1",
            "general_feedback": rich_text(""),
            "category": "",
            "choices": _choices(*weights),
        },
    )


def test_trainer_adds_a_quiz_with_a_question(client, trainer):
    """The quiz is saved as a draft holding the question, with a stable id."""
    module = _module()
    response = client.post(
        _add_url(module), {**_quiz_data([_single((100, 0))]), "action-submit": "submit"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = QuizPage.objects.get(slug="quiz-budget")
    block = quiz.get_latest_revision_as_object().questions[0]
    assert block.block_type == "single_choice" and block.id


def test_a_single_choice_question_without_a_right_answer_is_refused(client, trainer):
    """The form comes back with a French message and no page is created."""
    module = _module()
    response = client.post(
        _add_url(module), {**_quiz_data([_single((50, 0))]), "action-submit": "submit"}
    )
    assert response.status_code == 200
    assert "Donnez un poids de 100 % à une réponse." in _text(response)
    assert not QuizPage.objects.filter(slug="quiz-budget").exists()


def test_a_quiz_without_questions_is_refused(client, trainer):
    module = _module()
    response = client.post(
        _add_url(module), {**_quiz_data([]), "action-submit": "submit"}
    )
    assert "Un quiz doit contenir au moins une question notée." in _text(response)
    assert not QuizPage.objects.exists()


def test_a_draw_larger_than_the_bank_is_refused(client, trainer):
    module = _module()
    bank = bank_create("Budget", [single(category="vote"), single(category="vote")])
    data = _quiz_data(
        [], draws=[{"bank": str(bank.pk), "category": "vote", "count": "3"}]
    )
    response = client.post(_add_url(module), {**data, "action-submit": "submit"})
    assert "contient 2 questions dans cette catégorie" in _text(response)
    assert not QuizPage.objects.exists()


def test_editing_a_question_keeps_its_identity(client, trainer):
    """A question edited in the admin keeps its block id: attempts and statistics follow it."""
    module = _module()
    client.post(_add_url(module), _quiz_data([_single((100, 0))]))
    quiz = QuizPage.objects.get(slug="quiz-budget")
    block = quiz.get_latest_revision_as_object().questions[0]
    edited = streamfield(
        [
            (
                "single_choice",
                {
                    "title": "",
                    "text": rich_text("<p>Qui adopte le budget communal ?</p>"),
                    "marks": "2",
                    "general_feedback": rich_text(""),
                    "category": "",
                    "choices": _choices(100, 0),
                },
            )
        ]
    )
    edited["0"]["id"] = block.id  # the admin form posts each block's id back
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(quiz.pk,)),
        _quiz_data(edited),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    after = (
        QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object().questions[0]
    )
    assert after.id == block.id
    assert "adopte" in after.value["text"].source
