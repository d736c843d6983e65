"""Grading of quiz responses (learners.grading): pure functions, no database.

Questions are read from small GIFT snippets with the real parser, so the grader is
checked against what an import produces; Moodle's own GIFT fixture and the gift-pegjs
corpus are graded question by question too.
"""

from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from courses.question_formats import QTYPES, Choice, Question, parse_gift
from learners.grading import (
    GradeResult,
    InvalidResponse,
    attempt_score,
    grade_response,
    matching_answers,
    normalize_answer,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "gift"
MOODLE_QUESTIONS = FIXTURES / "moodle" / "questions.gift.txt"
PEGJS = FIXTURES / "gift-pegjs"

ONE = Decimal(1)
ZERO = Decimal(0)


def question(gift: str) -> Question:
    """The one question of a valid GIFT snippet."""
    result = parse_gift(gift)
    assert result.ok, result.issues
    assert len(result.questions) == 1
    return result.questions[0]


def grade(gift: str, response) -> GradeResult:
    return grade_response(question(gift), response)


BUDGET = (
    "::Budget:: Qui vote le budget de la commune ? {"
    "=Le conseil municipal#Oui : c’est une compétence de l’assemblée délibérante."
    " ~Le préfet#Non : le préfet contrôle la légalité des actes."
    " ~Le maire#Non : le maire prépare et exécute le budget.}"
)

COMPETENCES = (
    "::Compétences:: Quelles compétences relèvent de la commune ? {"
    "~%50%L’état civil#Oui, au nom de l’État."
    " ~%50%Les écoles maternelles et élémentaires#Oui."
    " ~%-50%Les lycées#Non : c’est la région."
    " ~%-100%La défense nationale#Non : c’est l’État.}"
)

ASSEMBLEE = "::Assemblée:: Qui délibère sur les affaires de la commune ? {=conseil municipal#Exact.}"

DOCUMENTS = (
    "::Documents:: Citez un document budgétaire de la commune. {"
    "=budget*#Oui, le budget primitif ou participatif."
    " =%50%compte administratif#Presque : c’est un document d’exécution."
    " =%0%*#Non.}"
)

FUSION = "::Loi:: En quelle année la loi sur le cumul des mandats a-t-elle été votée ? {#1985}"

TAUX = "::Taux:: Quel est le taux de la taxe (en %) ? {#3.5:0.5}"

ADJOINTS = (
    "::Adjoints:: Combien d’adjoints la commune peut-elle élire (de 1 à 5) ? {#1..5}"
)

ELUS = (
    "::Élus:: Combien de conseillers municipaux compte une commune de 1 000 habitants ? {#"
    "=15:0#C’est exact."
    " =%50%14:0#Presque : 15 depuis 2013."
    " ~#Non : 15 conseillers.}"
)

MATCHING = (
    "::Rôles:: Associez chaque élu à son rôle. {"
    "=Le maire -> exécute les délibérations"
    " =Le conseil municipal -> vote le budget"
    " =Le préfet -> contrôle la légalité"
    " = -> nomme les conseillers}"
)

# GIFT gives the wrong answer's feedback first: here feedback_false, then feedback_true.
TRUEFALSE = (
    "::Mandat:: Le mandat des conseillers municipaux dure six ans. {TRUE"
    "#Non : il dure bien six ans.#Exact : six ans depuis 1929.}"
)

ESSAY = "::Projet:: Décrivez un projet que vous proposeriez au conseil municipal. {}"

DESCRIPTION = "::Intro:: Cette partie porte sur les institutions de la commune."


# --------------------------------------------------------------------------- single


def test_single_right_choice_gets_full_marks():
    """The 100% choice gives fraction 1, correct, and its feedback."""
    result = grade(BUDGET, 0)
    assert result == GradeResult(
        ONE, "graded", ["Oui : c’est une compétence de l’assemblée délibérante."]
    )
    assert result.correct
    assert result.fraction.as_tuple().exponent == -7


def test_single_wrong_choice_gets_zero_and_its_feedback():
    """A 0% choice gives fraction 0, not correct, with that choice's feedback."""
    result = grade(BUDGET, 1)
    assert result.fraction == ZERO
    assert result.state == "graded"
    assert not result.correct
    assert result.feedback == ["Non : le préfet contrôle la légalité des actes."]


def test_single_partial_weight_is_a_fraction_of_the_marks():
    """A 50% choice in a single-answer question gives fraction 0.5."""
    gift = "Qui préside le conseil municipal ? {=Le maire ~%50%Un adjoint ~Le préfet}"
    assert grade(gift, 1).fraction == Decimal("0.5")


def test_single_none_is_unanswered():
    """No choice gives state unanswered, fraction 0 and no feedback."""
    assert grade(BUDGET, None) == GradeResult(ZERO, "unanswered", [])


@pytest.mark.parametrize("response", [9, 3, -1, True, "0", 0.0, [0]])
def test_single_invalid_index_raises(response):
    """An index that does not exist (index 9 of 3 choices...) or a non-index raises."""
    with pytest.raises(InvalidResponse):
        grade(BUDGET, response)


# --------------------------------------------------------------------------- multiple


def test_multiple_all_right_choices_get_full_marks():
    """Both 50% choices add up to fraction 1, with their feedbacks in question order."""
    result = grade(COMPETENCES, [1, 0])
    assert result.fraction == ONE
    assert result.correct
    assert result.feedback == ["Oui, au nom de l’État.", "Oui."]


def test_multiple_one_right_choice_gets_partial_credit():
    """One 50% choice of two gives fraction 0.5."""
    assert grade(COMPETENCES, {1}).fraction == Decimal("0.5")


def test_multiple_negative_weight_is_subtracted():
    """50 + 50 - 50 gives fraction 0.5."""
    assert grade(COMPETENCES, {0, 1, 2}).fraction == Decimal("0.5")


def test_multiple_negative_total_is_floored_at_zero():
    """50 - 100 gives fraction 0, not a negative one."""
    result = grade(COMPETENCES, {0, 3})
    assert result.fraction == ZERO
    assert result.state == "graded"


def test_multiple_total_is_capped_at_one():
    """Weights adding up beyond 100% still give fraction 1."""
    overweighted = Question(
        qtype="multiple",
        text="Quelles instances sont élues ?",
        choices=[
            Choice("Le conseil municipal", Decimal(100)),
            Choice("Le conseil départemental", Decimal(100)),
            Choice("La préfecture", Decimal(-100)),
        ],
    )
    assert grade_response(overweighted, {0, 1}).fraction == ONE
    assert grade_response(overweighted, {0}).fraction == ONE
    assert grade_response(overweighted, {0, 2}).fraction == ZERO


def test_multiple_thirds_add_up_to_full_marks():
    """Three 33.33333% answers give exactly 1, one of them 0.3333333."""
    gift = (
        "Quelles collectivités sont territoriales ? {~%33.33333%La commune"
        " ~%33.33333%Le département ~%33.33333%La région ~%-100%L’arrondissement}"
    )
    assert grade(gift, {0, 1, 2}).correct
    assert grade(gift, {0}).fraction == Decimal("0.3333333")
    assert grade(gift, {0, 1}).fraction == Decimal("0.6666667")
    assert grade(gift, {0, 1, 2, 3}).fraction == ZERO


def test_multiple_duplicate_indexes_count_once():
    """A list repeating an index counts that choice once."""
    assert grade(COMPETENCES, [0, 0]).fraction == Decimal("0.5")


@pytest.mark.parametrize("response", [set(), [], None])
def test_multiple_empty_is_unanswered(response):
    """No choice at all gives state unanswered, fraction 0."""
    assert grade(COMPETENCES, response) == GradeResult(ZERO, "unanswered", [])


@pytest.mark.parametrize("response", [{9}, [0, 4], {-1}, {True}, 0, "0,1"])
def test_multiple_invalid_response_raises(response):
    """An index that does not exist, or a response that is not a set or list, raises."""
    with pytest.raises(InvalidResponse):
        grade(COMPETENCES, response)


# --------------------------------------------------------------------------- truefalse


def test_truefalse_right_answer_gets_true_feedback():
    """Answering True to a true statement gives 1 and feedback_true."""
    result = grade(TRUEFALSE, True)
    assert result == GradeResult(ONE, "graded", ["Exact : six ans depuis 1929."])


def test_truefalse_wrong_answer_gets_false_feedback():
    """Answering False to a true statement gives 0 and feedback_false."""
    result = grade(TRUEFALSE, False)
    assert result == GradeResult(ZERO, "graded", ["Non : il dure bien six ans."])


def test_truefalse_false_statement_answered_false_is_right():
    """Answering False to a false statement gives 1."""
    gift = "Le maire est élu au suffrage universel direct. {F}"
    assert grade(gift, False).correct
    assert grade(gift, True).fraction == ZERO


def test_truefalse_none_is_unanswered():
    """No answer gives state unanswered."""
    assert grade(TRUEFALSE, None).state == "unanswered"


@pytest.mark.parametrize("response", [1, "true", "vrai", 0])
def test_truefalse_non_bool_raises(response):
    """Only True, False or None are answers to a true/false question."""
    with pytest.raises(InvalidResponse):
        grade(TRUEFALSE, response)


# --------------------------------------------------------------------------- shortanswer


@pytest.mark.parametrize(
    "response",
    [
        "conseil municipal",
        "Conseil  Municipal",
        "CONSÉIL municipal",
        "  conseil\tmunicipal\n",
        "Cônseil municipal",
    ],
)
def test_shortanswer_ignores_case_accents_and_spaces(response):
    """Case, accents and spacing do not matter: the answer gets fraction 1."""
    result = grade(ASSEMBLEE, response)
    assert result == GradeResult(ONE, "graded", ["Exact."])


def test_shortanswer_accented_accepted_answer_matches_plain_response():
    """An accepted answer with accents accepts the same words typed without them."""
    gift = "Qui représente l’État dans le département ? {=Le préfet}"
    assert grade(gift, "le prefet").correct


def test_shortanswer_other_words_are_wrong():
    """A different answer gets fraction 0, graded, without feedback."""
    assert grade(ASSEMBLEE, "conseil départemental") == GradeResult(ZERO, "graded", [])


def test_shortanswer_wildcard_accepts_any_ending():
    """``budget*`` accepts "budget participatif" and "Budget primitif"."""
    assert grade(DOCUMENTS, "budget participatif").correct
    assert grade(DOCUMENTS, "Budget primitif").feedback == [
        "Oui, le budget primitif ou participatif."
    ]


def test_shortanswer_wildcard_only_covers_its_place():
    """``budget*`` does not accept text before "budget"; the catch-all answer does."""
    result = grade(DOCUMENTS, "le budget")
    assert result.fraction == ZERO
    assert result.feedback == ["Non."]


def test_shortanswer_best_matching_answer_wins():
    """The 50% answer beats the 0% catch-all ``*`` that also matches."""
    result = grade(DOCUMENTS, "Compte administratif")
    assert result.fraction == Decimal("0.5")
    assert result.feedback == ["Presque : c’est un document d’exécution."]


def test_shortanswer_wildcard_in_the_middle():
    """``conseil*municipal`` accepts "conseil municipal" and "conseil-municipal"."""
    gift = "Qui vote le budget ? {=conseil*municipal}"
    assert grade(gift, "Conseil municipal").correct
    assert grade(gift, "conseil-municipal").correct
    assert not grade(gift, "conseil départemental").correct


def test_shortanswer_escaped_asterisk_is_literal():
    """``\\*`` in an accepted answer stands for an asterisk, as in Moodle."""
    gift = r"Quel signe marque une note de bas de page ? {=\*}"
    assert grade(gift, "*").correct
    assert not grade(gift, "note").correct


def test_shortanswer_regex_characters_are_literal():
    """Characters special to regular expressions match only themselves."""
    gift = "Quel article du CGCT ? {=L.2121-29}"
    assert grade(gift, "l.2121-29").correct
    assert not grade(gift, "L22121-29").correct


@pytest.mark.parametrize("response", ["", "   ", None])
def test_shortanswer_empty_is_unanswered(response):
    """An empty or blank answer gives state unanswered, even with a ``*`` answer."""
    assert grade(DOCUMENTS, response).state == "unanswered"


@pytest.mark.parametrize("response", [3, ["conseil municipal"], True])
def test_shortanswer_non_text_raises(response):
    """A short answer must be a string."""
    with pytest.raises(InvalidResponse):
        grade(ASSEMBLEE, response)


def test_normalize_answer_folds_case_accents_and_spaces():
    """Accents, case and runs of spaces (non-breaking too) are folded."""
    assert normalize_answer("  CONSÉIL\u00a0 Municipal ") == "conseil municipal"
    assert normalize_answer("Œuvre ÉLÉMENTAIRE") == "œuvre elementaire"
    assert normalize_answer("Straße") == "strasse"
    assert normalize_answer("ﬁnances") == "finances"


# --------------------------------------------------------------------------- numerical


@pytest.mark.parametrize("response", ["1985", " 1985 ", "+1985", 1985, Decimal(1985)])
def test_numerical_exact_answer_is_right(response):
    """1985 with no tolerance accepts 1985, whatever its type."""
    assert grade(FUSION, response).correct


@pytest.mark.parametrize("response", ["1984", "1985,5", 1986, "-1985"])
def test_numerical_other_number_is_wrong(response):
    """1985 with no tolerance rejects any other number."""
    result = grade(FUSION, response)
    assert result.fraction == ZERO
    assert result.state == "graded"


@pytest.mark.parametrize("response", ["3,5", "3", "4", "4,0", "3.2", 3.9, "+3,5"])
def test_numerical_tolerance_is_inclusive(response):
    """3.5 ± 0.5 accepts 3 to 4 inclusive, with a French decimal comma."""
    assert grade(TAUX, response).correct


@pytest.mark.parametrize("response", ["2,99", "4,01", "-3,5", 4.5])
def test_numerical_outside_tolerance_is_wrong(response):
    """3.5 ± 0.5 rejects numbers beyond 3..4."""
    assert grade(TAUX, response).fraction == ZERO


@pytest.mark.parametrize("response", ["1", "5", "2,5", 3])
def test_numerical_range_is_inclusive(response):
    """The range 1..5 accepts its bounds and what lies between."""
    assert grade(ADJOINTS, response).correct


@pytest.mark.parametrize("response", ["0", "5,5", "-1"])
def test_numerical_outside_range_is_wrong(response):
    """The range 1..5 rejects numbers outside it."""
    assert grade(ADJOINTS, response).fraction == ZERO


def test_numerical_thousands_separated_by_spaces():
    """ "1 000" (ordinary, non-breaking or narrow space) is one thousand."""
    gift = "Combien d’habitants faut-il pour ce seuil ? {#1000}"
    for response in ["1 000", "1\u00a0000", "1\u202f000", "1 000,0"]:
        assert grade(gift, response).correct, response


def test_numerical_best_answer_wins():
    """15 gets 100% and its feedback; 14 gets 50%; another number the catch-all."""
    assert grade(ELUS, "15") == GradeResult(ONE, "graded", ["C’est exact."])
    assert grade(ELUS, "14") == GradeResult(
        Decimal("0.5"), "graded", ["Presque : 15 depuis 2013."]
    )
    assert grade(ELUS, "23") == GradeResult(ZERO, "graded", ["Non : 15 conseillers."])


def test_numerical_overlapping_answers_take_the_best():
    """When a 50% and a 100% answer both hold the number, the 100% one wins."""
    gift = "Quelle durée (en années) ? {#=%50%6:2 =6:0}"
    assert grade(gift, "6").correct
    assert grade(gift, "7").fraction == Decimal("0.5")


@pytest.mark.parametrize("response", ["", "   ", None])
def test_numerical_empty_is_unanswered(response):
    """Nothing typed gives state unanswered, even with a catch-all answer."""
    assert grade(ELUS, response) == GradeResult(ZERO, "unanswered", [])


@pytest.mark.parametrize(
    "response",
    ["abc", "3,5,1", "1.000,5", "12 ans", "- 5", "nan", "inf", float("nan"), True],
)
def test_numerical_not_a_number_raises(response):
    """ "abc" and other non-numbers raise InvalidResponse."""
    with pytest.raises(InvalidResponse):
        grade(TAUX, response)


def test_numerical_invalid_message_names_the_text():
    """The message quotes what the learner typed."""
    with translation.override("en"), pytest.raises(InvalidResponse) as raised:
        grade(TAUX, " abc ")
    assert str(raised.value) == "“abc” is not a number."


# --------------------------------------------------------------------------- matching


def test_matching_answers_include_distractors_once_in_order():
    """The list offered is every pair's answer, distractor included, de-duplicated."""
    gift = (
        "Associez. {=Paris -> France =Lyon -> France =Berlin -> Allemagne = -> Italie}"
    )
    assert matching_answers(question(gift)) == ["France", "Allemagne", "Italie"]
    assert grade(gift, {0: 0, 1: 0, 2: 1}).correct


def test_matching_all_right_gets_full_marks():
    """Each prompt matched with its answer gives fraction 1."""
    assert matching_answers(question(MATCHING)) == [
        "exécute les délibérations",
        "vote le budget",
        "contrôle la légalité",
        "nomme les conseillers",
    ]
    result = grade(MATCHING, {0: 0, 1: 1, 2: 2})
    assert result == GradeResult(ONE, "graded", [])


def test_matching_partial_credit_is_share_of_right_prompts():
    """Two right of three (one on the distractor) gives 2/3 rounded to 7 places."""
    result = grade(MATCHING, {0: 0, 1: 1, 2: 3})
    assert result.fraction == Decimal("0.6666667")
    assert not result.correct


def test_matching_missing_prompts_count_as_wrong():
    """One right prompt out of three answered alone gives 1/3."""
    assert grade(MATCHING, {1: 1}).fraction == Decimal("0.3333333")
    assert grade(MATCHING, {0: 0, 1: 1, 2: None}).fraction == Decimal("0.6666667")


@pytest.mark.parametrize("response", [{}, None, {0: None}])
def test_matching_empty_is_unanswered(response):
    """No prompt answered gives state unanswered."""
    assert grade(MATCHING, response).state == "unanswered"


@pytest.mark.parametrize(
    "response",
    [{0: 4}, {0: -1}, {3: 0}, {-1: 0}, {0: "0"}, {"0": 0}, {0: True}, [0, 1, 2]],
)
def test_matching_out_of_range_raises(response):
    """An answer index beyond the list, an unknown prompt or a non-dict raises."""
    with pytest.raises(InvalidResponse):
        grade(MATCHING, response)


# --------------------------------------------------------------------------- essay and description


def test_essay_text_is_pending():
    """A written essay waits for a trainer: state pending, fraction 0, not correct."""
    result = grade(ESSAY, "Un budget participatif pour rénover l’aire de jeux.")
    assert result == GradeResult(ZERO, "pending", [])
    assert not result.correct


@pytest.mark.parametrize("response", ["", " \n ", None])
def test_essay_empty_is_unanswered(response):
    """An empty essay gives state unanswered."""
    assert grade(ESSAY, response).state == "unanswered"


def test_essay_non_text_raises():
    """An essay must be a string."""
    with pytest.raises(InvalidResponse):
        grade(ESSAY, 42)


@pytest.mark.parametrize("response", [None, "", 0, {0: 1}, "texte"])
def test_description_is_ungraded(response):
    """A description gives state ungraded and fraction 0, whatever the response."""
    assert grade(DESCRIPTION, response) == GradeResult(ZERO, "ungraded", [])


def test_unknown_qtype_is_a_programming_error():
    """A question type the grader does not know raises ValueError, not InvalidResponse."""
    odd = Question(qtype="cloze", text="?")
    with pytest.raises(ValueError) as raised:
        grade_response(odd, "x")
    assert not isinstance(raised.value, InvalidResponse)


# --------------------------------------------------------------------------- messages


@pytest.mark.parametrize(
    ("gift", "response", "message"),
    [
        (BUDGET, 9, "This answer is not one of the answers offered."),
        (COMPETENCES, {9}, "This answer is not one of the answers offered."),
        (MATCHING, {0: 9}, "This answer is not one of the answers offered."),
        (TRUEFALSE, "vrai", "Answer true or false."),
        (ASSEMBLEE, 1, "The answer must be text."),
        (ESSAY, 1, "The answer must be text."),
        (TAUX, "abc", "“abc” is not a number."),
    ],
)
def test_invalid_response_message_is_translatable(gift, response, message):
    """Each invalid response raises InvalidResponse (a ValueError) with its message."""
    with translation.override("en"), pytest.raises(InvalidResponse) as raised:
        grade(gift, response)
    assert str(raised.value) == message
    assert isinstance(raised.value, ValueError)


# --------------------------------------------------------------------------- attempt


def test_attempt_score_counts_pending_essay_and_skips_description():
    """Points add up fraction × marks; a description counts 0 max; an essay makes it pending."""
    results = [
        (grade(BUDGET, 0), Decimal(2)),
        (grade(COMPETENCES, {0}), Decimal(2)),
        (grade(MATCHING, {0: 0, 1: 1, 2: 3}), Decimal(3)),
        (grade(TRUEFALSE, None), Decimal(1)),
        (grade(ESSAY, "Rénover la salle des fêtes."), Decimal(5)),
        (grade(DESCRIPTION, None), Decimal(1)),
    ]
    assert attempt_score(results) == (Decimal("5.0000001"), Decimal(13), True)


def test_attempt_score_without_essay_is_not_pending():
    """Without a pending essay the score is final."""
    results = [
        (grade(BUDGET, 0), Decimal(1)),
        (grade(ESSAY, ""), Decimal(5)),
        (grade(DESCRIPTION, None), Decimal(1)),
    ]
    assert attempt_score(results) == (Decimal(1), Decimal(6), False)


def test_attempt_score_empty_attempt_is_zero():
    """No question gives (0, 0, False)."""
    assert attempt_score([]) == (ZERO, ZERO, False)


def test_attempt_score_negative_marks_raise():
    """Negative marks are a programming error."""
    with pytest.raises(ValueError):
        attempt_score([(grade(BUDGET, 0), Decimal(-1))])


# --------------------------------------------------------------------------- Moodle's fixture

# (qtype, right response, wrong response, fraction of the wrong one) for each question
# of Moodle's questions.gift.txt, in file order.
MOODLE_CASES = [
    ("essay", "Very well, thank you.", "", None),
    ("matching", {0: 0, 1: 1, 2: 2, 3: 3}, {0: 4, 1: 0, 2: 1, 3: 2}, ZERO),
    ("single", 0, 1, ZERO),
    ("multiple", {0, 2}, {0, 1}, ZERO),
    ("numerical", "3", "6", ZERO),
    ("shortanswer", "frog", "dog", ZERO),
    ("truefalse", False, True, ZERO),
    ("truefalse", True, False, ZERO),
    ("truefalse", True, False, ZERO),
]


def moodle_questions() -> list[Question]:
    result = parse_gift(MOODLE_QUESTIONS.read_text(encoding="utf-8"))
    assert result.ok, result.issues
    return result.questions


def test_moodle_fixture_has_the_expected_questions():
    """The fixture gives one question per case below, of the same types."""
    assert [q.qtype for q in moodle_questions()] == [c[0] for c in MOODLE_CASES]


@pytest.mark.parametrize(
    ("index", "right", "wrong", "wrong_fraction"),
    [(i, *case[1:]) for i, case in enumerate(MOODLE_CASES)],
    ids=[f"{i}-{case[0]}" for i, case in enumerate(MOODLE_CASES)],
)
def test_moodle_fixture_question_grades_right_and_wrong(
    index, right, wrong, wrong_fraction
):
    """The right response gets 1 (an essay: pending), the wrong one 0 (essay: unanswered)."""
    q = moodle_questions()[index]
    right_result = grade_response(q, right)
    wrong_result = grade_response(q, wrong)
    if q.qtype == "essay":
        assert right_result.state == "pending"
        assert wrong_result.state == "unanswered"
        return
    assert right_result.state == "graded"
    assert right_result.correct
    assert wrong_result.state == "graded"
    assert wrong_result.fraction == wrong_fraction


def test_moodle_fixture_partial_rules():
    """Moodle's partial answers: half a matching, one 50% colour, the 50% cat, feedbacks."""
    qs = moodle_questions()
    assert grade_response(qs[1], {0: 0, 1: 1}).fraction == Decimal("0.5")
    assert grade_response(qs[2], 2).feedback == ["wrong, it's yellow"]
    assert grade_response(qs[3], {2}).fraction == Decimal("0.5")
    assert grade_response(qs[3], {0, 2, 3}).fraction == ZERO
    assert grade_response(qs[4], "1").correct
    assert grade_response(qs[4], "5,0").correct
    assert grade_response(qs[4], "6").feedback == ["Completely wrong"]
    cat = grade_response(qs[5], "Cat")
    assert cat.fraction == Decimal("0.5")
    assert cat.feedback == ["What is it with Moodlers and cats?"]
    assert grade_response(qs[5], "dog").feedback == ["Completely wrong"]
    assert grade_response(qs[6], False).feedback == ["You gave the right answer."]
    assert grade_response(qs[6], True).feedback == ["42 is the Ultimate Answer."]


# --------------------------------------------------------------------------- gift-pegjs corpus


def best_response(q: Question):
    """A response that should get full marks, built from the question's own answers."""
    if q.qtype == "single":
        return max(range(len(q.choices)), key=lambda i: q.choices[i].fraction)
    if q.qtype == "multiple":
        return {i for i, choice in enumerate(q.choices) if choice.fraction > 0}
    if q.qtype == "truefalse":
        return q.answer
    if q.qtype == "shortanswer":
        best = max(q.choices, key=lambda choice: choice.fraction)
        return best.text.replace("\\*", "\x00").replace("*", "x").replace("\x00", "*")
    if q.qtype == "numerical":
        best = max(
            (a for a in q.numerical if not a.is_catch_all), key=lambda a: a.fraction
        )
        number = best.value if best.value is not None else best.minimum
        return str(number).replace(".", ",")
    if q.qtype == "matching":
        answers = matching_answers(q)
        prompts = [pair for pair in q.pairs if pair.prompt]
        return {i: answers.index(pair.answer) for i, pair in enumerate(prompts)}
    if q.qtype == "essay":
        return "Une réponse rédigée."
    return None


PEGJS_FILES = sorted(PEGJS.glob("*.gift"))


@pytest.mark.parametrize("path", PEGJS_FILES, ids=[p.stem for p in PEGJS_FILES])
def test_pegjs_corpus_question_gets_full_marks_for_its_best_answer(path):
    """Every question the parser reads from the corpus grades its best answer fully."""
    result = parse_gift(path.read_text(encoding="utf-8"))
    for q in result.questions:
        graded = grade_response(q, best_response(q))
        if q.qtype == "essay":
            assert graded.state == "pending", q
        elif q.qtype == "description":
            assert graded.state == "ungraded", q
        else:
            assert graded.correct, (q, graded)


def test_pegjs_corpus_covers_every_question_type():
    """The corpus above holds questions of every type the parser produces."""
    qtypes = {
        q.qtype
        for path in PEGJS_FILES
        for q in parse_gift(path.read_text(encoding="utf-8")).questions
    }
    assert qtypes == set(QTYPES)
