"""Each question type has one home: the registry knows every block, and the rules a
type writes are the ones the editor, the GIFT importer and grading apply."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from courses.question_blocks import QuestionStreamBlock, question_from_block
from courses.question_formats import parse_gift
from courses.question_types import (
    QTYPE_LABELS,
    QTYPES,
    Choice,
    Question,
    all_question_types,
    question_type,
    question_type_for_block,
    register,
)
from courses.question_types.single import SingleChoice
from learners.grading import grade_response


def _clean(block_type: str, raw: dict):
    block = QuestionStreamBlock().child_blocks[block_type]
    return block.clean(block.to_python(raw))


def _choices(*weights) -> list[dict]:
    return [
        {"text": f"Réponse {n}", "weight": str(weight), "feedback": ""}
        for n, weight in enumerate(weights)
    ]


def _choice_question(*weights) -> dict:
    return {
        "title": "",
        "text": "<p>Qui vote le budget ?</p>",
        "marks": "1",
        "general_feedback": "",
        "category": "",
        "choices": _choices(*weights),
    }


def test_every_question_block_has_one_registered_type():
    """Each block an editor can add is handled by exactly one question type, and back."""
    block_types = set(QuestionStreamBlock().child_blocks)
    assert {known.block_type for known in all_question_types()} == block_types
    assert len(QTYPES) == len(block_types) == 8
    for block_type in block_types:
        assert question_type_for_block(block_type).block_type == block_type


def test_type_labels_are_the_labels_of_the_blocks():
    """The admin's statistics name each type exactly as the editor's block picker does."""
    blocks = QuestionStreamBlock().child_blocks
    for known in all_question_types():
        assert QTYPE_LABELS[known.key] == blocks[known.block_type].meta.label


def test_an_unknown_type_or_a_second_registration_is_refused():
    """A question of a type nobody registered is not graded silently."""
    with pytest.raises(ValueError, match="unknown question type"):
        grade_response(Question(qtype="ordering", text="?"), 1)
    with pytest.raises(ValueError, match="registered twice"):
        register(SingleChoice())


def test_a_single_choice_without_a_right_answer_is_refused_everywhere():
    """The editor, the type and the GIFT importer refuse the same question."""
    with translation.override("en"):
        with pytest.raises(StructBlockValidationError) as refused:
            _clean("single_choice", _choice_question(50, 0))
        message = refused.value.block_errors["choices"].messages[0]
        question = question_from_block("single_choice", _choice_question(50, 0))
        with pytest.raises(ValidationError) as validated:
            question_type("single").validate(question)
        assert validated.value.messages == [message]
        assert message == "Give one answer a weight of 100 %."
        result = parse_gift("Qui vote le budget ? {=%50%Le conseil ~Le maire}")
        assert not result.ok and "No answer is right" in result.issues[0].message


def test_the_editor_and_the_gift_importer_call_the_type_validation(monkeypatch):
    """Whatever a type refuses, the editor and the importer refuse with its words."""

    def refuse(self, question):
        raise ValidationError("Refusée par le type.", code="test")

    monkeypatch.setattr(SingleChoice, "validate", refuse)
    with pytest.raises(StructBlockValidationError) as refused:
        _clean("single_choice", _choice_question(100, 0))
    assert refused.value.block_errors["choices"].messages == ["Refusée par le type."]
    result = parse_gift("Qui vote le budget ? {=Le conseil ~Le maire}")
    assert [issue.message for issue in result.issues] == ["Refusée par le type."]


def test_weights_the_type_takes_for_100_percent_give_full_marks():
    """Three right answers at 33.33333 % are accepted by the editor and the importer,
    and ticking all three earns full marks, by the same rule."""
    weights = ("33.33333", "33.33333", "33.33333", "-100")
    _clean("multiple_choice", _choice_question(*weights))
    parsed = parse_gift(
        "Qui ? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}"
    ).questions[0]
    question_type("multiple").validate(parsed)
    question = Question(
        qtype="multiple",
        text="Qui ?",
        choices=[Choice(str(n), Decimal(w)) for n, w in enumerate(weights)],
    )
    assert grade_response(question, {0, 1, 2}).fraction == 1
    assert grade_response(parsed, {0, 1, 2}).fraction == 1


def test_multiple_weights_not_adding_up_are_refused_by_editor_and_importer():
    """60 % of positive weights is refused in the editor and in a GIFT file."""
    with translation.override("en"):
        with pytest.raises(StructBlockValidationError) as refused:
            _clean("multiple_choice", _choice_question(30, 30, 0))
        assert "add up to 60" in refused.value.block_errors["choices"].messages[0]
        result = parse_gift("Pick {~%30%a ~%30%b ~c}")
        assert "add up to 60%" in result.issues[0].message


def test_a_new_type_is_one_class_and_its_registration(monkeypatch):
    """A ninth type, once registered, is offered in the editor and graded, with no
    other change."""
    from courses.question_types import QuestionType, registry
    from courses.question_types.base import result
    from courses.question_types.blocks import QuestionBlock

    monkeypatch.setattr(registry, "_TYPES", dict(registry._TYPES))

    class OrderingBlock(QuestionBlock):
        qtype = "ordering"

    class Ordering(QuestionType):
        key = block_type = "ordering"
        label = "Ordering"

        def block(self):
            return OrderingBlock()

        def grade(self, question, response):
            return result("graded", Decimal(1) if response == "abc" else Decimal(0))

    register(Ordering())
    assert "ordering" in QuestionStreamBlock().child_blocks
    assert grade_response(Question(qtype="ordering", text="?"), "abc").fraction == 1
    item = {"position": 3}
    assert Ordering().field_names(item, Question(qtype="ordering", text="?")) == ["q3"]
