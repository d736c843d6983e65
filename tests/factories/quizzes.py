"""Quizzes and question banks for tests, built from plain question dicts.

``question("single", ...)`` returns a raw StreamField block; ``quiz_create`` publishes
a QuizPage holding them under a module.
"""

import json
import uuid

from courses.models import QuestionBank, QuizDraw, QuizPage
from tests.factories.courses import publish


def _rich(text: str) -> str:
    return text if text.startswith("<") else f"<p>{text}</p>"


def question(block_type: str, text: str = "Question ?", *, marks="1", **value):
    """A raw question block (with a fresh stable id) of the given block type."""
    data = {"title": value.pop("title", ""), "text": _rich(text), "category": ""}
    if block_type != "description":
        data.update(
            marks=str(marks), general_feedback=value.pop("general_feedback", "")
        )
    data["category"] = value.pop("category", "")
    data.update(value)
    return {"type": block_type, "value": data, "id": str(uuid.uuid4())}


def single(
    text="Quelle est la capitale du Sénégal ?",
    right="Dakar",
    wrong=("Thiès", "Saint-Louis"),
    **extra,
):
    choices = [{"text": right, "weight": "100", "feedback": "Exact."}] + [
        {"text": w, "weight": "0", "feedback": "Non."} for w in wrong
    ]
    return question("single_choice", text, choices=choices, **extra)


def multiple(text="Quelles recettes sont fiscales ?", choices=None, **extra):
    choices = choices or [
        {"text": "Taxe foncière", "weight": "50", "feedback": "Oui."},
        {"text": "Patente", "weight": "50", "feedback": "Oui."},
        {
            "text": "Dotation de l'État",
            "weight": "-100",
            "feedback": "Non : un transfert.",
        },
    ]
    return question("multiple_choice", text, choices=choices, **extra)


def truefalse(text="Le budget est voté par le conseil.", answer=True, **extra):
    return question(
        "true_false",
        text,
        answer="true" if answer else "false",
        feedback_true="Vrai : c'est le conseil.",
        feedback_false="Faux.",
        **extra,
    )


def shortanswer(text="Le principe de proximité s'appelle… ?", answers=None, **extra):
    answers = answers or [
        {"text": "subsidiarité", "weight": "100", "feedback": "Oui."},
        {"text": "proxi*", "weight": "50", "feedback": "Presque."},
    ]
    return question("short_answer", text, answers=answers, **extra)


def numerical(
    text="Combien de mois dure un exercice budgétaire ?",
    value="12",
    tolerance="0",
    **extra,
):
    answers = [
        {
            "value": value,
            "tolerance": tolerance,
            "minimum": None,
            "maximum": None,
            "weight": "100",
            "feedback": "Oui, douze.",
        }
    ]
    return question("numerical", text, answers=answers, **extra)


def matching(text="Associez.", **extra):
    pairs = [
        {"prompt": "Maire", "answer": "Exécutif"},
        {"prompt": "Conseil municipal", "answer": "Délibérant"},
        {"prompt": "Préfet", "answer": "Contrôle de légalité"},
    ]
    return question("matching", text, pairs=pairs, distractors=["Tutelle"], **extra)


def essay(text="Décrivez le budget participatif de votre ville.", **extra):
    return question("essay", text, grader_info="Cite au moins une étape.", **extra)


def description(text="Lisez le cas suivant.", **extra):
    return question("description", text, **extra)


def quiz_create(
    module,
    *,
    questions=None,
    title="Quiz",
    slug=None,
    draws=(),
    **fields,
):
    """A published quiz in ``module``; ``draws`` are ``(bank, category, count)``."""
    if questions is None:
        questions = [single(), truefalse()]
    quiz = QuizPage(
        title=title,
        slug=slug or uuid.uuid4().hex[:12],
        questions=json.dumps(questions),
        **fields,
    )
    quiz.draws = [
        QuizDraw(bank=bank, category=category, count=count)
        for bank, category, count in draws
    ]
    return publish(module, quiz)


def bank_create(name="Banque", questions=()):
    return QuestionBank.objects.create(name=name, questions=json.dumps(list(questions)))
