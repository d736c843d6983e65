"""Quiz attempts: start, save, submit, expire. Grading happens here only.

What depends on the type of a question (the order of its answers, the fields of the
form, how they read back, its grade) is asked of ``courses.question_types``; essays a
trainer grades are in ``learners.services.essays``.

Every service locks the row it changes (``select_for_update``), so two submissions of
one attempt grade it once, and two starts make one attempt. A refused request raises
``QuizError`` (translated message, HTTP status for the view) and changes nothing.
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import QuizPage
from courses.question_blocks import question_from_block
from courses.question_types import (
    GradeResult,
    InvalidResponse,
    question_from_data,
    question_to_data,
    question_type,
)
from courses.selectors import course_for_page_get
from courses.services import bank_questions_draw
from learners.figures_marks import activity_changes_figures, course_figures_changed
from learners.grading import grade_response
from learners.models import Completion, Enrollment, QuizAttempt, User
from learners.scoring import attempt_totals
from learners.selectors import completed_page_ids_get
from learners.services.enrollment import course_completion_update

#: Network slack after the time limit before answers stop counting.
GRACE = timedelta(seconds=30)


class QuizError(Exception):
    """A request the learner (or grader) cannot make; ``status`` is the HTTP status."""

    def __init__(self, message, status: int = 400):
        super().__init__(str(message))
        self.status = status


@dataclass
class SubmissionError(QuizError):
    """A submitted form that does not fit the attempt; nothing was saved.

    ``errors`` maps a question position (or "form") to a message; ``responses`` holds
    what could be read, so the form can be shown again as the learner filled it.
    """

    errors: dict = field(default_factory=dict)
    responses: dict = field(default_factory=dict)
    status: int = 400

    def __post_init__(self):
        Exception.__init__(self, "; ".join(str(m) for m in self.errors.values()))


# --------------------------------------------------------------------------- start


def _usage_counts(user: User, quiz: QuizPage) -> dict[str, int]:
    """How many earlier attempts of this learner asked each question id."""
    counts: dict[str, int] = {}
    for questions in QuizAttempt.objects.filter(user=user, quiz=quiz).values_list(
        "questions", flat=True
    ):
        for item in questions:
            counts[item["id"]] = counts.get(item["id"], 0) + 1
    return counts


def _snapshot_item(block, *, bank_id, shuffle_choices: bool, rng) -> dict:
    question = question_from_block(block.block_type, block.value)
    kind = question_type(question.qtype)
    choice_order, answer_order = kind.snapshot_orders(
        question, shuffle_choices=shuffle_choices, rng=rng
    )
    return {
        "id": block.id,
        "bank": bank_id,
        "block_type": block.block_type,
        "marks": str(block.value.get("marks") or Decimal(1)) if kind.graded else "0",
        "question": question_to_data(question),
        "choice_order": choice_order,
        "answer_order": answer_order,
    }


def _snapshot(*, user: User, quiz: QuizPage, rng) -> list[dict]:
    """The questions of a new attempt, in the order they will be asked."""
    items = [
        _snapshot_item(
            block, bank_id=None, shuffle_choices=quiz.shuffle_choices, rng=rng
        )
        for block in quiz.questions
    ]
    taken = {item["id"] for item in items}
    # The banks' questions are not read whole: a draw reads the rows it picks.
    draws = list(
        quiz.draws.select_related("bank")
        .defer("bank__questions")
        .order_by("sort_order")
    )
    usage = _usage_counts(user, quiz) if draws else {}
    for draw in draws:
        # Questions asked least often first: a retake gets new ones while there are.
        drawn = bank_questions_draw(
            bank=draw.bank,
            category=draw.category,
            count=draw.count,
            usage=usage,
            exclude=taken,
            rng=rng,
        )
        for block in drawn:
            taken.add(block.id)
            items.append(
                _snapshot_item(
                    block,
                    bank_id=draw.bank_id,
                    shuffle_choices=quiz.shuffle_choices,
                    rng=rng,
                )
            )
    if quiz.shuffle_questions:
        # Descriptions stay where the trainer put them; questions move around them.
        slots = [
            i
            for i, item in enumerate(items)
            if question_type(item["question"]["qtype"]).graded
        ]
        moved = [items[i] for i in slots]
        rng.shuffle(moved)
        for slot, item in zip(slots, moved, strict=True):
            items[slot] = item
    for position, item in enumerate(items, start=1):
        item["position"] = position
    return items


def _active_enrollment(*, user: User, course, lock: bool = False):
    queryset = Enrollment.objects.filter(user=user, course=course, left_at__isnull=True)
    if lock:
        queryset = queryset.select_for_update()
    return queryset.first()


@transaction.atomic
def quiz_attempt_start(
    *, user: User, quiz: QuizPage, now=None, rng: random.Random | None = None
) -> QuizAttempt:
    """The learner's open attempt at the quiz, started now if they have none.

    Records the questions asked (random draws included), their order and the order
    of their answers. Raises QuizError when the quiz is not live, the learner is not
    enrolled, or every allowed attempt is used.
    """
    now = now or timezone.now()
    rng = rng or random.SystemRandom()
    if not isinstance(quiz, QuizPage) or not quiz.live:
        raise QuizError(gettext_lazy("This quiz is not available."), status=404)
    course = course_for_page_get(page=quiz)
    enrollment = _active_enrollment(user=user, course=course, lock=True)
    if enrollment is None:
        raise QuizError(
            gettext_lazy("Enrol in the course before taking its quizzes."), status=403
        )
    current = QuizAttempt.objects.filter(
        user=user, quiz=quiz, state=QuizAttempt.State.OPEN
    ).first()
    if current is not None:
        if not _is_expired(current, now):
            return current
        _finish(current, current.responses, now=now, late=True)
    used = QuizAttempt.objects.filter(user=user, quiz=quiz).count()
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise QuizError(
            _("You have used all %(count)s attempts at this quiz.")
            % {"count": quiz.max_attempts},
            status=409,
        )
    deadline = (
        now + timedelta(minutes=quiz.time_limit_minutes)
        if quiz.time_limit_minutes
        else None
    )
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                user=user,
                quiz=quiz,
                course=course,
                number=used + 1,
                started_at=now,
                deadline=deadline,
                pass_mark=quiz.pass_mark,
                questions=_snapshot(user=user, quiz=quiz, rng=rng),
            )
    except IntegrityError:  # the same click arrived twice at once
        return QuizAttempt.objects.get(
            user=user, quiz=quiz, state=QuizAttempt.State.OPEN
        )
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=now)
    if activity_changes_figures(enrollment.last_activity_at, now):
        course_figures_changed(course_ids=[course.pk])
    return attempt


# --------------------------------------------------------------------------- responses


def quiz_responses_read(*, attempt: QuizAttempt, data) -> dict:
    """The responses of a submitted attempt form, keyed by position (as strings).

    Raises SubmissionError listing every problem: a field for an unknown question, a
    question whose field is missing, an answer that is not one offered, a value that
    is not a number.
    """
    errors, responses = {}, {}
    expected: set[str] = set()
    for item in attempt.questions:
        question = question_from_data(item["question"])
        kind = question_type(question.qtype)
        fields = kind.field_names(item, question)
        expected.update(fields)
        if not fields:
            continue
        position = str(item["position"])
        if any(name not in data for name in fields):
            errors[position] = _("The answer to this question is missing.")
            continue
        try:
            responses[position] = kind.read_response(item, question, data)
        except InvalidResponse as error:
            errors[position] = str(error)
            responses[position] = None
    unknown = sorted(
        key
        for key in data
        if key.startswith("q") and key[1:2].isdigit() and key not in expected
    )
    if unknown:
        errors["form"] = _(
            "The form holds answers to questions this attempt does not ask (%(fields)s)."
        ) % {"fields": ", ".join(unknown)}
    if errors:
        raise SubmissionError(errors=errors, responses=responses)
    return responses


def unanswered_positions(attempt: QuizAttempt, responses: dict) -> list[int]:
    return [
        item["position"]
        for item in attempt.questions
        if question_type(item["question"]["qtype"]).is_unanswered(
            responses.get(str(item["position"]))
        )
    ]


# --------------------------------------------------------------------------- grading


def _result_data(result: GradeResult, marks: Decimal) -> dict:
    return {
        "fraction": format(result.fraction, "f"),
        "state": result.state,
        "points": str((result.fraction * marks).quantize(Decimal("0.001"))),
        "feedback": result.feedback,
        "comment": "",
        "graded_by": None,
        "graded_at": None,
    }


def attempt_totals_apply(attempt: QuizAttempt) -> None:
    """Points, score and pass/fail of the attempt from its per-question results."""
    pairs = []
    for item in attempt.questions:
        result = attempt.results[str(item["position"])]
        pairs.append(
            (
                GradeResult(Decimal(result["fraction"]), result["state"]),
                Decimal(item["marks"]),
            )
        )
    totals = attempt_totals(pairs, pass_mark=attempt.pass_mark)
    attempt.points = totals.points
    attempt.max_points = totals.max_points
    attempt.score = totals.score
    attempt.passed = totals.passed
    attempt.state = (
        QuizAttempt.State.PENDING if totals.pending else QuizAttempt.State.GRADED
    )


def _finish(attempt: QuizAttempt, responses: dict, *, now, late: bool = False) -> None:
    """Grade every question of the attempt and close it (the row must be locked)."""
    results = {}
    for item in attempt.questions:
        question = question_from_data(item["question"])
        position = str(item["position"])
        response = question_type(question.qtype).grading_shape(responses.get(position))
        try:
            result = grade_response(question, response)
        except InvalidResponse:  # a saved answer can no longer be read: no credit
            result = GradeResult(Decimal(0), "unanswered")
        results[position] = _result_data(result, Decimal(item["marks"]))
    attempt.responses = responses
    attempt.results = results
    attempt.submitted_at = now
    attempt.late = late
    attempt_totals_apply(attempt)
    if attempt.state == QuizAttempt.State.GRADED:
        attempt.graded_at = now
    attempt.save()
    attempt_progress_update(attempt, now=now)


def attempt_progress_update(attempt: QuizAttempt, *, now) -> None:
    """A passed attempt completes the quiz step, through the course completion rule."""
    Enrollment.objects.filter(
        user_id=attempt.user_id, course_id=attempt.course_id
    ).update(last_activity_at=now)
    course_figures_changed(course_ids=[attempt.course_id])
    if not attempt.passed:
        return
    try:
        with transaction.atomic():
            Completion.objects.get_or_create(
                user_id=attempt.user_id,
                page_id=attempt.quiz_id,
                defaults={"course_id": attempt.course_id},
            )
    except IntegrityError:
        pass
    enrollment = Enrollment.objects.filter(
        user_id=attempt.user_id, course_id=attempt.course_id
    ).first()
    if enrollment is not None:
        course_completion_update(
            enrollment=enrollment,
            course=attempt.course,
            done_ids=completed_page_ids_get(user=attempt.user, course=attempt.course),
            now=now,
        )


def _is_expired(attempt: QuizAttempt, now) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + GRACE


def _locked_attempt(*, user: User, attempt_id: int) -> QuizAttempt:
    attempt = (
        QuizAttempt.objects.select_for_update(of=("self",))
        .select_related("course")
        .filter(pk=attempt_id, user=user)
        .first()
    )
    if attempt is None:
        raise QuizError(gettext_lazy("This attempt does not exist."), status=404)
    return attempt


@transaction.atomic
def quiz_attempt_submit(
    *, user: User, attempt_id: int, data, finish: bool = True, now=None
) -> QuizAttempt:
    """Save the answers of an open attempt and, with ``finish``, grade and close it.

    A submission that arrives after the time limit (plus ``GRACE``) is not read: the
    attempt is graded with the answers saved before the limit. Unanswered questions
    are refused unless the form says ``confirm_unanswered``. Raises QuizError (the
    attempt is closed, or not the learner's) or SubmissionError (the form does not fit
    the attempt); either way nothing changes.
    """
    now = now or timezone.now()
    attempt = _locked_attempt(user=user, attempt_id=attempt_id)
    if not attempt.is_open:
        raise QuizError(
            gettext_lazy("This attempt is already submitted: it cannot change."),
            status=409,
        )
    if _is_expired(attempt, now):
        _finish(attempt, attempt.responses, now=now, late=True)
        return attempt
    responses = quiz_responses_read(attempt=attempt, data=data)
    if not finish:
        attempt.responses = responses
        attempt.save(update_fields=["responses"])
        return attempt
    blank = unanswered_positions(attempt, responses)
    if blank and not data.get("confirm_unanswered"):
        raise SubmissionError(
            errors={
                "form": _(
                    "%(count)s questions have no answer. Answer them, or tick "
                    "“Submit with unanswered questions”."
                )
                % {"count": len(blank)}
            },
            responses=responses,
            status=400,
        )
    _finish(attempt, responses, now=now)
    return attempt


@transaction.atomic
def quiz_attempt_expire(*, attempt: QuizAttempt, now=None) -> QuizAttempt:
    """Close an open attempt whose time is up, graded with the answers saved in time
    (idempotent: an attempt still in time, or closed, is returned unchanged)."""
    now = now or timezone.now()
    locked = _locked_attempt(user=attempt.user, attempt_id=attempt.pk)
    if locked.is_open and _is_expired(locked, now):
        _finish(locked, locked.responses, now=now, late=True)
    return locked
