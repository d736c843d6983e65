"""Reads of quiz attempts, shaped for the learner's pages.

``attempt_form_list`` gives what the attempt form shows: question texts and the
answers offered, in the order recorded at the start, and nothing else — no weight, no
feedback, no right answer (DESIGN invariant 3). ``attempt_review_get`` adds those only
when the quiz's review policy allows it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from courses.models import QuizPage, ReviewPolicy
from courses.question_types import (
    MatchingPrompt,
    Option,
    question_from_data,
    question_type,
)
from courses.selectors import next_step_get
from learners.models import Enrollment, QuizAttempt, User
from learners.scoring import counted_attempt
from learners.selectors.learning import completed_page_ids_get, enrollment_get


@dataclass
class QuizStatus:
    """Where a learner stands with a quiz, for the quiz page."""

    enrolled: bool
    attempts: list[QuizAttempt]
    open_attempt: QuizAttempt | None
    attempts_left: int | None  # None: unlimited
    counted: QuizAttempt | None  # the graded attempt whose score counts
    passed: bool

    @property
    def can_start(self) -> bool:
        return self.enrolled and (self.attempts_left is None or self.attempts_left > 0)


def quiz_status_get(
    *, user: User, quiz: QuizPage, enrolled: bool | None = None
) -> QuizStatus:
    """The learner's attempts at the quiz (two queries; one when the caller already
    knows whether they are `enrolled` in its course)."""
    if not user.is_authenticated:
        return QuizStatus(False, [], None, quiz.max_attempts or None, None, False)
    if enrolled is None:
        enrolled = Enrollment.objects.filter(
            user=user, course__in=quiz.get_ancestors(), left_at__isnull=True
        ).exists()
    attempts = list(
        QuizAttempt.objects.filter(user=user, quiz=quiz)
        .defer("questions", "responses", "results")
        .order_by("number")
    )
    graded = [a for a in attempts if a.state == QuizAttempt.State.GRADED]
    counted = counted_attempt(graded, quiz.grading_method)
    left = None
    if quiz.max_attempts:
        left = max(0, quiz.max_attempts - len(attempts))
    return QuizStatus(
        enrolled=enrolled,
        attempts=attempts,
        open_attempt=next((a for a in attempts if a.is_open), None),
        attempts_left=left,
        counted=counted,
        passed=any(a.passed for a in attempts),
    )


def attempt_get(*, user: User, attempt_id: int) -> QuizAttempt | None:
    """The learner's own attempt, or None (another learner's attempt is not found)."""
    return (
        QuizAttempt.objects.select_related("quiz", "course")
        .filter(pk=attempt_id, user=user)
        .first()
    )


# --------------------------------------------------------------------------- form


@dataclass
class QuestionForm:
    """One question of the attempt form: what to show and what the learner answered
    (its question type fills ``options``, ``prompts`` or ``value``)."""

    position: int
    number: int | None  # None for a description
    qtype: str
    text: str
    marks: Decimal
    name: str
    widget: str = ""  # the question type's ``form_widget``; "" for a description
    options: list[Option] = field(default_factory=list)
    prompts: list[MatchingPrompt] = field(default_factory=list)
    value: str = ""
    error: str = ""

    @property
    def widget_template(self) -> str:
        return f"learners/question_widgets/{self.widget}.html"

    @property
    def marks_count(self) -> int:
        """An integer for choosing the plural of "mark" (1.5 marks is plural)."""
        return int(self.marks) if self.marks == int(self.marks) else 2


def _numbered(items):
    number = 0
    for item in items:
        if not question_type(item["question"]["qtype"]).graded:
            yield item, None
        else:
            number += 1
            yield item, number


def attempt_form_list(
    *, attempt: QuizAttempt, responses: dict | None = None, errors: dict | None = None
) -> list[QuestionForm]:
    """The questions of an open attempt as its form shows them, filled with
    ``responses`` (default: the answers saved so far)."""
    responses = attempt.responses if responses is None else responses
    errors = errors or {}
    forms = []
    for item, number in _numbered(attempt.questions):
        question = question_from_data(item["question"])
        kind = question_type(question.qtype)
        position = item["position"]
        response = responses.get(str(position))
        form = QuestionForm(
            position=position,
            number=number,
            qtype=question.qtype,
            text=question.text,
            marks=Decimal(item["marks"]),
            name=f"q{position}",
            widget=kind.form_widget,
            error=errors.get(str(position), ""),
        )
        kind.form_fill(form, item, question, response)
        forms.append(form)
    return forms


# --------------------------------------------------------------------------- review


@dataclass
class ReviewItem:
    position: int
    number: int | None
    qtype: str
    text: str
    marks: Decimal
    points: Decimal | None
    state: str
    your_answer: list[str]
    right_answers: list[str] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)
    general_feedback: str = ""
    comment: str = ""

    @property
    def correct(self) -> bool:
        return self.state == "graded" and self.points == self.marks

    @property
    def partial(self) -> bool:
        return self.state == "graded" and bool(self.points) and not self.correct


@dataclass
class AttemptReview:
    attempt: QuizAttempt
    reveal: bool  # right answers and feedback may be shown
    items: list[ReviewItem]
    attempts_left: int | None


def review_allowed(*, attempt: QuizAttempt, quiz: QuizPage, status: QuizStatus) -> bool:
    """Whether the quiz's policy lets the learner see right answers and feedback."""
    if attempt.is_open:
        return False
    policy = quiz.review_policy
    if policy == ReviewPolicy.AFTER_EACH:
        return True
    if policy == ReviewPolicy.AFTER_PASS:
        return status.passed
    if policy == ReviewPolicy.AFTER_LAST:
        return status.attempts_left == 0 and status.open_attempt is None
    return False


def right_answers_list(question) -> list[str]:
    """The right answers of a question, as texts (for reviews and trainers)."""
    return question_type(question.qtype).right_answers(question)


def your_answer_list(question, response) -> list[str]:
    """The learner's response as the texts they chose or typed."""
    if response in (None, "", [], {}):
        return []
    return question_type(question.qtype).your_answer(question, response)


def attempt_review_get(*, attempt: QuizAttempt, status: QuizStatus) -> AttemptReview:
    """The result of a submitted attempt, with what the review policy allows."""
    reveal = review_allowed(attempt=attempt, quiz=attempt.quiz, status=status)
    items = []
    for item, number in _numbered(attempt.questions):
        question = question_from_data(item["question"])
        position = str(item["position"])
        result = attempt.results.get(position, {})
        response = attempt.responses.get(position)
        review = ReviewItem(
            position=item["position"],
            number=number,
            qtype=question.qtype,
            text=question.text,
            marks=Decimal(item["marks"]),
            points=Decimal(result["points"]) if "points" in result else None,
            state=result.get("state", ""),
            your_answer=your_answer_list(question, response),
            comment=result.get("comment", ""),
        )
        if reveal:
            review.right_answers = right_answers_list(question)
            review.feedback = list(result.get("feedback", []))
            review.general_feedback = question.general_feedback
        items.append(review)
    return AttemptReview(
        attempt=attempt, reveal=reveal, items=items, attempts_left=status.attempts_left
    )


# --------------------------------------------------------------------------- next


class NextAction:
    """What a quiz result offers first (``QuizNextAction.kind``)."""

    RETAKE = "retake"  # not passed, attempts left: start a new attempt
    CONTINUE_ATTEMPT = "continue_attempt"  # not passed, another attempt is open
    NEXT_STEP = "next_step"  # passed (or waiting for a grade): the next unfinished step
    COURSE_COMPLETED = "course_completed"  # the course's last requirement is met
    NO_ATTEMPTS_LEFT = "no_attempts_left"  # not passed and every attempt used
    OUTLINE = "outline"  # nothing else to do here: back to the course outline


@dataclass
class QuizNextAction:
    """The outcome's follow-up on a quiz result page, decided here, not in templates."""

    kind: str
    attempts_left: int | None  # None: unlimited
    course: object  # the CoursePage of the attempt
    next_step: object = None  # the Page to open next, if any
    completed_at: object = None  # when the course was completed
    open_attempt: QuizAttempt | None = None  # the attempt to continue, if any


def quiz_next_action_get(
    *, user: User, attempt: QuizAttempt, status: QuizStatus
) -> QuizNextAction:
    """What the learner should do after this attempt: retake the quiz, go on to the
    first step of the course they have not finished (as "Continuer" does), or learn
    that the course is complete. Three queries."""
    course = attempt.course
    enrollment = enrollment_get(user=user, course=course)
    action = QuizNextAction(
        kind=NextAction.OUTLINE, attempts_left=status.attempts_left, course=course
    )
    if enrollment is not None and enrollment.completed_at and status.passed:
        action.kind = NextAction.COURSE_COMPLETED
        action.completed_at = enrollment.completed_at
        return action
    if not status.passed and attempt.state == QuizAttempt.State.GRADED:
        if status.open_attempt is not None:
            action.kind = NextAction.CONTINUE_ATTEMPT
            action.open_attempt = status.open_attempt
            return action
        if status.can_start:
            action.kind = NextAction.RETAKE
            return action
        if status.enrolled:
            action.kind = NextAction.NO_ATTEMPTS_LEFT
            return action
    if enrollment is None or not enrollment.is_active:
        return action
    step = next_step_get(
        course=course, done_ids=completed_page_ids_get(user=user, course=course)
    )
    if step is not None and step.pk != attempt.quiz_id:
        action.kind = NextAction.NEXT_STEP
        action.next_step = step
    return action


__all__ = [
    "AttemptReview",
    "NextAction",
    "QuizNextAction",
    "QuestionForm",
    "QuizStatus",
    "attempt_form_list",
    "attempt_get",
    "attempt_review_get",
    "quiz_next_action_get",
    "quiz_status_get",
    "review_allowed",
]
