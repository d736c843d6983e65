"""The question types Campus knows, by key: ``register``, ``question_type``, ``all``."""

from __future__ import annotations

from courses.question_types.base import QuestionType

_TYPES: dict[str, QuestionType] = {}


def register(question_type: QuestionType) -> QuestionType:
    """Make ``question_type`` known (once per key)."""
    if question_type.key in _TYPES:
        raise ValueError(f"question type {question_type.key!r} is registered twice")
    _TYPES[question_type.key] = question_type
    return question_type


def question_type(key: str) -> QuestionType:
    """The type called ``key``; ValueError for an unknown one."""
    try:
        return _TYPES[key]
    except KeyError:
        raise ValueError(f"unknown question type {key!r}") from None


def question_type_for_block(block_type: str) -> QuestionType:
    """The type a block of ``QuestionStreamBlock`` holds."""
    for known in _TYPES.values():
        if known.block_type == block_type:
            return known
    raise ValueError(f"no question type for block {block_type!r}")


def all_question_types() -> list[QuestionType]:
    """Every type, in the order they were registered."""
    return list(_TYPES.values())


def is_known(key: str) -> bool:
    return key in _TYPES
