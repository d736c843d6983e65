"""Question types: one module per type, each knowing its rules, its attempt form, its
grading, its statistics and its GIFT mapping; the registry picks the one a question
needs (``question_type(question.qtype)``).

A new type is one module (its ``QuestionType`` subclass and its block) and one
``register`` line below; its block then joins ``courses.question_blocks``'s stream
(``makemigrations`` records it in the quiz and bank fields).
"""

from courses.question_types.base import (
    AnswerCount,
    GradeResult,
    InvalidResponse,
    MatchingPrompt,
    Option,
    PromptAnswers,
    QuestionType,
    normalize_answer,
)
from courses.question_types.description import Description
from courses.question_types.essay import Essay
from courses.question_types.matching import Matching, matching_answers
from courses.question_types.model import (
    Choice,
    MatchingPair,
    NumericalAnswer,
    Question,
    question_from_data,
    question_to_data,
)
from courses.question_types.multiple import MultipleChoice
from courses.question_types.numerical import Numerical
from courses.question_types.registry import (
    all_question_types,
    is_known,
    question_type,
    question_type_for_block,
    register,
)
from courses.question_types.shortanswer import ShortAnswer
from courses.question_types.single import SingleChoice
from courses.question_types.truefalse import TrueFalse

register(SingleChoice())
register(MultipleChoice())
register(TrueFalse())
register(ShortAnswer())
register(Numerical())
register(Matching())
register(Essay())
register(Description())

#: Every question type's key, in registration order.
QTYPES = tuple(known.key for known in all_question_types())
#: The name trainers see for each type (the label of its block).
QTYPE_LABELS = {known.key: known.label for known in all_question_types()}

__all__ = [
    "QTYPES",
    "QTYPE_LABELS",
    "AnswerCount",
    "Choice",
    "GradeResult",
    "InvalidResponse",
    "MatchingPair",
    "MatchingPrompt",
    "NumericalAnswer",
    "Option",
    "PromptAnswers",
    "Question",
    "QuestionType",
    "all_question_types",
    "is_known",
    "matching_answers",
    "normalize_answer",
    "question_from_data",
    "question_to_data",
    "question_type",
    "question_type_for_block",
    "register",
]
