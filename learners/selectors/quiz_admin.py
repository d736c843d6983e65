"""Reads of quiz attempts for trainers: essays to grade, one attempt in full,
per-question statistics.

Unlike ``learners.selectors.quizzes`` (the learner's side), everything here shows the
right answers and what graders need; callers check that the reader is staff
(``learners.access.reads_every_lesson``) and pass the reader's ``learners.scope``,
which restricts every row to the learners they may see. Each selector runs a fixed number of
queries, whatever the number of attempts.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.utils.dateparse import parse_datetime

from courses.models import QuestionBank, QuizPage
from courses.question_types import (
    all_question_types,
    question_from_data,
    question_type,
)
from learners.models import QuizAttempt, User
from learners.quiz_statistics import AttemptRecord, QuizStatistics, quiz_statistics
from learners.scope import LearnerScope
from learners.selectors.quizzes import right_answers_list, your_answer_list

__all__ = [
    "AttemptDetail",
    "AttemptQuestion",
    "EssayToGrade",
    "attempt_detail_get",
    "essay_pending_count",
    "essay_queue_list",
    "quiz_statistics_get",
]

_PENDING = QuizAttempt.State.PENDING


# --------------------------------------------------------------------------- essays


def _numbers(questions: list[dict]) -> dict[int, int]:
    """Question numbers as the learner saw them (descriptions have none)."""
    numbers, number = {}, 0
    for item in questions:
        if question_type(item["question"]["qtype"]).graded:
            number += 1
            numbers[item["position"]] = number
    return numbers


#: The blocks of questions a trainer grades by hand (they carry grader information).
_HAND_GRADED_BLOCKS = {
    known.block_type for known in all_question_types() if known.graded_by_hand
}


def _grader_info(attempts: list[QuizAttempt]) -> dict[str, str]:
    """Each essay's "information for graders", by stable question id, from the
    current quizzes and banks (the attempt snapshots do not keep it). Needs the
    attempts' quizzes loaded; reads the banks in one query."""
    blocks = []
    quizzes = {attempt.quiz_id: attempt.quiz for attempt in attempts}
    for quiz in quizzes.values():
        blocks.extend(quiz.questions.raw_data)
    bank_ids = {
        item["bank"]
        for attempt in attempts
        for item in attempt.questions
        if item.get("bank") is not None
    }
    if bank_ids:
        for bank in QuestionBank.objects.filter(pk__in=bank_ids).only("questions"):
            blocks.extend(bank.questions.raw_data)
    return {
        block["id"]: (block.get("value") or {}).get("grader_info") or ""
        for block in blocks
        if block.get("id") and block.get("type") in _HAND_GRADED_BLOCKS
    }


@dataclass
class EssayToGrade:
    """One essay answer waiting for a trainer's grade."""

    attempt: QuizAttempt
    position: int
    number: int
    text: str
    answer: str
    marks: Decimal
    grader_info: str


def essay_queue_list(
    *, scope: LearnerScope, quiz: QuizPage | None = None
) -> list[EssayToGrade]:
    """Essays waiting for a grade, oldest submission first (in the attempt's order),
    for one quiz or, with ``quiz`` None, for every quiz (three queries)."""
    attempts = (
        scope.learners(QuizAttempt.objects.filter(state=_PENDING), "user__")
        .select_related("user", "user__profile", "user__profile__municipality", "quiz")
        .order_by("submitted_at", "pk")
    )
    if quiz is not None:
        attempts = attempts.filter(quiz=quiz)
    attempts = list(attempts)
    grader_info = _grader_info(attempts)
    queue = []
    for attempt in attempts:
        numbers = _numbers(attempt.questions)
        for item in attempt.questions:
            position = item["position"]
            result = attempt.results.get(str(position)) or {}
            if (
                not question_type(item["question"]["qtype"]).graded_by_hand
                or result.get("state") != "pending"
            ):
                continue
            queue.append(
                EssayToGrade(
                    attempt=attempt,
                    position=position,
                    number=numbers[position],
                    text=item["question"].get("text", ""),
                    answer=str(attempt.responses.get(str(position)) or ""),
                    marks=Decimal(item["marks"]),
                    grader_info=grader_info.get(item["id"], ""),
                )
            )
    return queue


def essay_pending_count(*, scope: LearnerScope) -> int:
    """How many submitted attempts wait for an essay grade (one COUNT query)."""
    return scope.learners(QuizAttempt.objects.filter(state=_PENDING), "user__").count()


# --------------------------------------------------------------------------- one attempt


@dataclass
class AttemptQuestion:
    """One question of an attempt as a trainer reviews it."""

    position: int
    number: int | None  # None for a description
    qtype: str
    title: str
    text: str
    marks: Decimal
    points: Decimal | None
    state: str
    answer: list[str]
    right_answers: list[str] = field(default_factory=list)
    comment: str = ""
    graded_by: User | None = None
    graded_at: datetime | None = None
    grader_info: str = ""

    @property
    def needs_grade(self) -> bool:
        return question_type(self.qtype).graded_by_hand and self.state == "pending"


@dataclass
class AttemptDetail:
    attempt: QuizAttempt
    questions: list[AttemptQuestion]

    @property
    def pending(self) -> list[AttemptQuestion]:
        return [question for question in self.questions if question.needs_grade]


def attempt_detail_get(*, attempt_id: int, scope: LearnerScope) -> AttemptDetail | None:
    """An attempt with every question, the learner's answers, the right answers,
    points and graders' comments; None when it does not exist or its learner is
    outside ``scope`` (three queries)."""
    attempt = (
        scope.learners(QuizAttempt.objects.all(), "user__")
        .select_related(
            "user", "user__profile", "user__profile__municipality", "quiz", "course"
        )
        .filter(pk=attempt_id)
        .first()
    )
    if attempt is None:
        return None
    grader_info = _grader_info([attempt])
    grader_ids = {
        result.get("graded_by")
        for result in attempt.results.values()
        if result.get("graded_by")
    }
    graders = User.objects.in_bulk(grader_ids) if grader_ids else {}
    numbers = _numbers(attempt.questions)
    questions = []
    for item in attempt.questions:
        question = question_from_data(item["question"])
        position = item["position"]
        result = attempt.results.get(str(position)) or {}
        response = attempt.responses.get(str(position))
        try:
            answer = your_answer_list(question, response)
        except (IndexError, KeyError, TypeError, ValueError):  # an unreadable answer
            answer = [str(response)]
        questions.append(
            AttemptQuestion(
                position=position,
                number=numbers.get(position),
                qtype=question.qtype,
                title=question.title,
                text=question.text,
                marks=Decimal(item["marks"]),
                points=Decimal(result["points"]) if "points" in result else None,
                state=result.get("state", ""),
                answer=answer,
                right_answers=right_answers_list(question),
                comment=result.get("comment") or "",
                graded_by=graders.get(result.get("graded_by")),
                graded_at=parse_datetime(result.get("graded_at") or ""),
                grader_info=grader_info.get(item["id"], "")
                if question_type(question.qtype).graded_by_hand
                else "",
            )
        )
    return AttemptDetail(attempt=attempt, questions=questions)


# --------------------------------------------------------------------------- statistics


def quiz_statistics_get(*, quiz: QuizPage, scope: LearnerScope) -> QuizStatistics:
    """Per-question statistics of ``quiz`` over its graded and pending attempts
    (``learners.quiz_statistics``), read in chunks, with the quiz's own questions in
    their authored order first."""
    attempts = QuizAttempt.objects.filter(
        quiz=quiz, state__in=[QuizAttempt.State.GRADED, _PENDING]
    )
    rows = (
        scope.learners(attempts, "user__")
        .order_by("started_at", "pk")
        .values_list("state", "questions", "results", "responses")
        .iterator(chunk_size=500)
    )
    return quiz_statistics(
        (AttemptRecord(*row) for row in rows),
        order=[block.get("id") for block in quiz.questions.raw_data],
    )
