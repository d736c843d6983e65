"""Per-question statistics of a quiz, checked against figures computed by hand."""

import math
from decimal import Decimal

import pytest

from courses.question_formats import question_to_data
from courses.question_types.model import Choice, MatchingPair, Question
from learners.quiz_statistics import AttemptRecord, pearson, quiz_statistics

SINGLE = Question(
    qtype="single",
    text="<p>Quelle est la capitale du <b>Sénégal</b> ?</p>",
    choices=[
        Choice("Dakar", Decimal(100)),
        Choice("Thiès", Decimal(0)),
        Choice("Saint-Louis", Decimal(0)),
    ],
)
TRUEFALSE = Question(
    qtype="truefalse", text="Le budget est voté par le conseil.", answer=True
)
SHORT = Question(
    qtype="shortanswer",
    text="Le principe de proximité s'appelle… ?",
    title="Subsidiarité",
    choices=[Choice("subsidiarité", Decimal(100)), Choice("proxi*", Decimal(50))],
)
ESSAY = Question(qtype="essay", text="Décrivez le budget participatif.")
DESCRIPTION = Question(qtype="description", text="Lisez le cas suivant.")
MATCHING = Question(
    qtype="matching",
    text="Associez.",
    pairs=[
        MatchingPair("Maire", "Exécutif"),
        MatchingPair("Conseil municipal", "Délibérant"),
        MatchingPair("", "Tutelle"),
    ],
)


def _item(position, question_id, question, marks="1", bank=None):
    return {
        "position": position,
        "id": question_id,
        "bank": bank,
        "block_type": question.qtype,
        "marks": marks,
        "question": question_to_data(question),
        "choice_order": None,
        "answer_order": None,
    }


def _result(fraction, state="graded"):
    return {"fraction": str(fraction), "state": state, "points": "0", "feedback": []}


def _attempt(answers, state="graded"):
    """``answers``: (question id, question, marks, response, fraction, result state)."""
    questions, results, responses = [], {}, {}
    for position, (qid, question, marks, response, fraction, result_state) in enumerate(
        answers, start=1
    ):
        questions.append(_item(position, qid, question, marks))
        results[str(position)] = _result(fraction, result_state)
        if response is not None:
            responses[str(position)] = response
    return AttemptRecord(
        state=state, questions=questions, results=results, responses=responses
    )


def _hand_set():
    """Four attempts at A (single, 1 mark), B (true/false, 1), C (short answer, 2).

    Fractions: A = 1, 1, 0, 0; B = 1, 0, 1, 0; C = 1, 1, 0, 0.5.
    """
    rows = [
        ((0, 1), (True, 1), ("subsidiarité", 1)),
        ((0, 1), (False, 0), ("Subsidiarite ", 1)),
        ((1, 0), (True, 1), ("commune", 0)),
        ((2, 0), (False, 0), ("proximité", "0.5")),
    ]
    return [
        _attempt(
            [
                ("A", SINGLE, "1", a[0], a[1], "graded"),
                ("B", TRUEFALSE, "1", b[0], b[1], "graded"),
                ("C", SHORT, "2", c[0], c[1], "graded"),
            ]
        )
        for a, b, c in rows
    ]


def _by_id(statistics):
    return {question.question_id: question for question in statistics.questions}


def test_facility_is_the_mean_percentage_of_full_marks():
    """A and B: 2 of 4 right = 50 %; C: (1 + 1 + 0 + 0.5) / 4 = 62.5 %."""
    stats = _by_id(quiz_statistics(_hand_set()))
    assert stats["A"].facility == pytest.approx(50.0)
    assert stats["B"].facility == pytest.approx(50.0)
    assert stats["C"].facility == pytest.approx(62.5)
    assert (stats["A"].attempts, stats["A"].answered) == (4, 4)


def test_discrimination_is_pearson_with_the_rest_of_the_test():
    """Hand-computed r between the question and the rest (other marks weighted).

    A: x = 1, 1, 0, 0; rest = (B + 2C) / 3 = 1, 2/3, 1/3, 1/3 → r = 6 / √44 ≈ 0.9045.
    B: x = 1, 0, 1, 0; rest = (A + 2C) / 3 = 1, 1, 0, 1/3 → r = −(1/6) / √0.75 ≈ −0.1925.
    C: x = 1, 1, 0, 0.5; rest = (A + B) / 2 = 1, 0.5, 0.5, 0 → r = 0.25 / √0.34375
    ≈ 0.4264.
    """
    stats = _by_id(quiz_statistics(_hand_set()))
    assert stats["A"].discrimination == pytest.approx(6 / math.sqrt(44))
    assert stats["A"].discrimination == pytest.approx(0.9045, abs=1e-4)
    assert stats["B"].discrimination == pytest.approx(-0.1925, abs=1e-4)
    assert stats["C"].discrimination == pytest.approx(0.4264, abs=1e-4)


def test_pearson_of_a_known_series():
    """x = 1..5, y = 2, 4, 5, 4, 5: r = 6 / √(10 × 6) ≈ 0.7746."""
    assert pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]) == pytest.approx(0.7746, abs=1e-4)
    assert pearson([1, 2], [2, 4]) == pytest.approx(1.0)
    assert pearson([1], [1]) is None
    assert pearson([1, 1, 1], [0, 1, 2]) is None


def test_discrimination_needs_two_attempts_and_some_variance():
    """One attempt, or every learner with the same score on the question: no figure."""
    one = _by_id(quiz_statistics(_hand_set()[:1]))
    assert one["A"].discrimination is None
    assert one["A"].facility == pytest.approx(100.0)
    same = [_hand_set()[0], _hand_set()[1]]  # A right both times
    assert _by_id(quiz_statistics(same))["A"].discrimination is None


def test_distribution_of_chosen_answers():
    """Choices by text in the question's order; typed answers normalised, most frequent
    first; the right answers are flagged."""
    stats = _by_id(quiz_statistics(_hand_set()))
    assert [(a.text, a.count, a.correct) for a in stats["A"].answers] == [
        ("Dakar", 2, True),
        ("Thiès", 1, False),
        ("Saint-Louis", 1, False),
    ]
    assert [(a.count, a.correct) for a in stats["B"].answers] == [
        (2, True),
        (2, False),
    ]
    assert [(a.text, a.count, a.correct) for a in stats["C"].answers] == [
        ("subsidiarite", 2, True),
        ("commune", 1, False),
        ("proximite", 1, False),
    ]


def test_multiple_choice_counts_each_ticked_answer():
    multiple = Question(
        qtype="multiple",
        text="Recettes fiscales ?",
        choices=[
            Choice("Taxe foncière", Decimal(50)),
            Choice("Patente", Decimal(50)),
            Choice("Dotation", Decimal(-100)),
        ],
    )
    attempts = [
        _attempt([("M", multiple, "1", [0, 1], 1, "graded")]),
        _attempt([("M", multiple, "1", [0, 2], 0, "graded")]),
    ]
    stats = _by_id(quiz_statistics(attempts))["M"]
    assert [(a.text, a.count, a.correct) for a in stats.answers] == [
        ("Taxe foncière", 2, True),
        ("Patente", 1, True),
        ("Dotation", 1, False),
    ]


def test_typed_answers_list_the_ten_most_frequent():
    attempts = [
        _attempt([("C", SHORT, "1", f"mot {n % 12}", 0, "graded")]) for n in range(14)
    ]
    stats = _by_id(quiz_statistics(attempts))["C"]
    assert len(stats.answers) == 10
    assert [(a.text, a.count) for a in stats.answers[:2]] == [
        ("mot 0", 2),
        ("mot 1", 2),
    ]
    assert stats.other_answers == 2  # "mot 8" and "mot 9" left out, once each


def test_matching_lists_the_answers_chosen_per_prompt():
    attempts = [
        _attempt([("P", MATCHING, "1", {"0": 0, "1": 1}, 1, "graded")]),
        _attempt([("P", MATCHING, "1", {"0": 2, "1": 1}, "0.5", "graded")]),
    ]
    stats = _by_id(quiz_statistics(attempts))["P"]
    assert [p.prompt for p in stats.prompts] == ["Maire", "Conseil municipal"]
    assert [(a.text, a.count, a.correct) for a in stats.prompts[0].answers] == [
        ("Exécutif", 1, True),
        ("Tutelle", 1, False),
    ]
    assert [(a.text, a.count) for a in stats.prompts[1].answers] == [("Délibérant", 2)]


def test_unanswered_questions_count_as_asked_not_answered():
    attempts = _hand_set() + [
        _attempt(
            [
                ("A", SINGLE, "1", None, 0, "unanswered"),
                ("B", TRUEFALSE, "1", True, 1, "graded"),
                ("C", SHORT, "2", None, 0, "unanswered"),
            ]
        )
    ]
    stats = _by_id(quiz_statistics(attempts))
    assert (stats["A"].attempts, stats["A"].answered) == (5, 4)
    assert stats["A"].facility == pytest.approx(40.0)  # 2 of 5


def test_open_attempts_descriptions_and_ungraded_essays_are_left_out():
    """An open attempt counts for nothing; a pending essay neither counts for its
    question nor for the rest of the test of the others."""
    open_attempt = _attempt([("A", SINGLE, "1", 1, 0, "graded")], state="open")
    pending = _attempt(
        [
            ("D", DESCRIPTION, "0", None, 0, "ungraded"),
            ("A", SINGLE, "1", 0, 1, "graded"),
            ("B", TRUEFALSE, "1", False, 0, "graded"),
            ("E", ESSAY, "5", "Mon essai", 0, "pending"),
        ],
        state="pending",
    )
    graded = _attempt(
        [
            ("A", SINGLE, "1", 1, 0, "graded"),
            ("B", TRUEFALSE, "1", True, 1, "graded"),
            ("E", ESSAY, "5", "Un autre essai", "0.8", "graded"),
        ]
    )
    statistics = quiz_statistics([open_attempt, pending, graded])
    stats = _by_id(statistics)
    assert statistics.attempts == 2
    assert "D" not in stats
    assert (stats["A"].attempts, stats["A"].facility) == (2, pytest.approx(50.0))
    assert (stats["E"].attempts, stats["E"].facility) == (1, pytest.approx(80.0))
    # A against the rest: pending → B only (0); graded → (B + 5E) / 6 = 5 / 6.
    # x = 1, 0 and y = 0, 5/6: a perfect negative correlation.
    assert stats["A"].discrimination == pytest.approx(-1.0)


def test_questions_follow_the_given_order_then_first_seen():
    """Grouped by stable id whatever their position; texts of the latest attempt."""
    first = _attempt(
        [("B", TRUEFALSE, "1", True, 1, "graded"), ("A", SINGLE, "1", 0, 1, "graded")]
    )
    edited = Question(qtype="truefalse", text="Texte corrigé.", answer=True)
    second = _attempt(
        [
            ("X", SHORT, "1", "subsidiarité", 1, "graded"),
            ("A", SINGLE, "1", 1, 0, "graded"),
            ("B", edited, "1", False, 0, "graded"),
        ]
    )
    statistics = quiz_statistics([first, second], order=["A", "B"])
    assert [q.question_id for q in statistics.questions] == ["A", "B", "X"]
    assert statistics.questions[0].excerpt == "Quelle est la capitale du Sénégal ?"
    assert statistics.questions[1].excerpt == "Texte corrigé."
    assert statistics.questions[2].label == "Subsidiarité"
