"""What the load learners do: enrolments, progress and quiz attempts, built unsaved.

Learner n is drawn from ``random.Random(f"{seed}:{n}")`` alone. Each gets 1–3
enrolments in the courses (earlier ones more popular) over the last 12 months, then
the steps of each course in outline order: lessons completed directly, quizzes through
graded attempts (some never start, some stop halfway, most of those who reach the end
pass); ``completed_at`` only once every live required step is done, as
``course_completion_update`` records it. About ten progress rows per learner.

Attempts carry the question snapshots the app takes (``quiz_attempt_start``, in a
transaction that is rolled back; VARIANTS per quiz) and each question answered right
or wrong as ``grade_response`` grades it; essays count as graded by a trainer.
"""

import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction

from courses.models import CoursePage, LessonPage, QuizPage
from courses.question_types import question_from_data, question_type
from demo.load_people import (
    DEPARTMENTS,
    JOB_TITLES,
    NAMES,
    countries_list,
    words,
)
from learners.grading import InvalidResponse, grade_response
from learners.models import Completion, Enrollment, Profile, QuizAttempt, User
from learners.scoring import attempt_passed, attempt_percent
from learners.services import quiz_attempt_start

LOAD_DOMAIN = "load.campus.invalid"
VARIANTS = 4  # attempt snapshots per quiz: random draws and answer orders differ
YEAR = 365 * 24 * 3600
PLACES = Decimal("0.0000001")  # of fractions and points, as the grading rounds them

ENROLMENT_COUNTS = ((1, 35), (2, 40), (3, 25))
GENDERS = (("female", 47), ("male", 45), ("other", 1), ("undisclosed", 4), ("", 3))
NOT_STARTED = 0.15  # of enrolments; then partial progress, then to the end
TO_THE_END = 0.40
QUIZ_TAKEN = 0.35  # of those who reach a quiz; the others stop there for now
GIVE_UP = 0.35  # after a failed attempt
LEFT = 0.06  # of the enrolments not completed
OTHER_REGION_NAME = 0.12
ENGLISH = 0.12


def load_users():
    """Every user generate_load_data made."""
    return User.objects.filter(email__endswith=f"@{LOAD_DOMAIN}")


# --------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class Graded:
    """One question answered one way: the stored response, its result, its points."""

    response: object
    result: dict
    points: Decimal


@dataclass(frozen=True)
class Answer:
    position: str
    essay: bool
    right: Graded
    wrong: Graded


@dataclass
class QuizVariant:
    questions: list[dict]
    answers: list[Answer]
    ungraded: dict  # results of the descriptions, which count for nothing
    max_points: Decimal


@dataclass
class QuizPlan:
    pass_mark: int
    max_attempts: int
    time_limit_minutes: int | None
    variants: list[QuizVariant]


@dataclass
class Step:
    page_id: int
    quiz: QuizPlan | None = None


@dataclass
class CoursePlan:
    page_id: int
    steps: list[Step]
    required: frozenset[int]


@dataclass
class Learner:
    user: User
    profile: Profile
    city: tuple[str, str]  # municipality name, country code
    enrollments: list[Enrollment] = field(default_factory=list)
    completions: list[Completion] = field(default_factory=list)
    attempts: list[QuizAttempt] = field(default_factory=list)


def _graded(item: dict, question, right: bool) -> Graded:
    marks = Decimal(item["marks"])
    kind = question_type(question.qtype)
    response = kind.sample_response(question, right=right)
    if kind.graded_by_hand:  # graded by a trainer: all or nothing
        fraction, state = Decimal(1 if right else 0).quantize(PLACES), "graded"
    else:
        shape = kind.grading_shape(response)
        try:
            result = grade_response(question, shape)
        except InvalidResponse:
            response, result = None, grade_response(question, None)
        fraction, state = result.fraction, result.state
    points = fraction * marks
    return Graded(
        response=response,
        result={
            "fraction": format(fraction, "f"),
            "state": state,
            "points": str(points.quantize(Decimal("0.001"))),
            "feedback": [],
            "comment": "",
            "graded_by": None,
            "graded_at": None,
        },
        points=points,
    )


def quiz_variants_get(*, quiz: QuizPage, seed: int) -> list[QuizVariant]:
    """Attempts as the app starts them, in a transaction that is rolled back: their
    question snapshots, and each question answered right and wrong."""
    variants = []
    with transaction.atomic():
        user = User.objects.create(
            email=f"snapshot@{LOAD_DOMAIN}", password=make_password(None)
        )
        Enrollment.objects.create(user=user, course_id=_course_id(quiz))
        for n in range(VARIANTS):
            rng = random.Random(f"{seed}:{quiz.pk}:{n}")
            attempt = quiz_attempt_start(user=user, quiz=quiz, rng=rng)
            answers, ungraded, max_points = [], {}, Decimal(0)
            for item in attempt.questions:
                question = question_from_data(item["question"])
                position = str(item["position"])
                if not question_type(question.qtype).graded:
                    ungraded[position] = _graded(item, question, True).result
                    continue
                max_points += Decimal(item["marks"])
                answers.append(
                    Answer(
                        position=position,
                        essay=question_type(question.qtype).graded_by_hand,
                        right=_graded(item, question, True),
                        wrong=_graded(item, question, False),
                    )
                )
            variants.append(
                QuizVariant(attempt.questions, answers, ungraded, max_points)
            )
            QuizAttempt.objects.filter(pk=attempt.pk).delete()
        transaction.set_rollback(True)
    return variants


def _course_id(page) -> int:
    return CoursePage.objects.ancestor_of(page).values_list("pk", flat=True).get()


def course_plans_get(*, courses, seed: int) -> list[CoursePlan]:
    """Each course's live lessons and quizzes in outline order, with what completing
    the course takes (its live required steps)."""
    plans = []
    for course in courses:
        lessons = LessonPage.objects.live().descendant_of(course)
        quizzes = QuizPage.objects.live().descendant_of(course)
        rows = [(lesson.path, lesson, None) for lesson in lessons] + [
            (quiz.path, quiz, quiz) for quiz in quizzes
        ]
        steps, required = [], set()
        for _, page, quiz in sorted(rows, key=lambda row: row[0]):
            plan = None
            if quiz is not None:
                plan = QuizPlan(
                    pass_mark=quiz.pass_mark,
                    max_attempts=quiz.max_attempts or 3,
                    time_limit_minutes=quiz.time_limit_minutes,
                    variants=quiz_variants_get(quiz=quiz, seed=seed),
                )
            steps.append(Step(page_id=page.pk, quiz=plan))
            if page.required:
                required.add(page.pk)
        if steps:
            plans.append(CoursePlan(course.pk, steps, frozenset(required)))
    return plans


# --------------------------------------------------------------------------- learners


class LearnerFactory:
    """Builds learner n, unsaved, from (seed, n) alone."""

    def __init__(self, *, seed, now, courses):
        self.seed, self.now, self.courses = seed, now, courses
        self.password = make_password(None)  # one unusable password, hashed never
        self.countries = countries_list()
        self.country_weights = [weight for _, weight, _, _ in self.countries]
        self.city_weights = [1 / (rank + 1) for rank in range(10)]  # capitals first
        self.names = {
            region: tuple(words(part) for part in parts)
            for region, parts in NAMES.items()
        }
        self.course_weights = [1 / (1 + n / 2) for n in range(len(courses))]

    def build(self, n: int) -> Learner:
        rng = random.Random(f"{self.seed}:{n}")
        code, _, region, cities = rng.choices(self.countries, self.country_weights)[0]
        city = rng.choices(cities, self.city_weights[: len(cities)])[0]
        if rng.random() < OTHER_REGION_NAME:
            region = rng.choice(list(self.names))
        women, men, families = self.names[region]
        gender = rng.choices(*zip(*GENDERS, strict=True))[0]
        first_names = {"female": women, "male": men}.get(gender, women + men)
        user = User(
            email=f"learner-{n:07d}@{LOAD_DOMAIN}",
            first_name=rng.choice(first_names),
            last_name=rng.choice(families),
            password=self.password,
        )
        profile = Profile(  # its municipality is set on saving, from `city`
            user=user,
            job_title=rng.choice(JOB_TITLES),
            department=rng.choice(DEPARTMENTS),
            gender=gender,
            preferred_language="en" if rng.random() < ENGLISH else "fr",
        )
        learner = Learner(user=user, profile=profile, city=(city, code))
        count = rng.choices(*zip(*ENROLMENT_COUNTS, strict=True))[0]
        for course in self._courses(rng, count):
            self._follow(rng, learner, course)
        user.date_joined = min(e.enrolled_at for e in learner.enrollments) - timedelta(
            seconds=rng.uniform(60, 3 * 24 * 3600)
        )
        return learner

    def _courses(self, rng, count: int) -> list[CoursePlan]:
        courses, weights, chosen = list(self.courses), list(self.course_weights), []
        while courses and len(chosen) < count:
            index = rng.choices(range(len(courses)), weights)[0]
            chosen.append(courses.pop(index))
            weights.pop(index)
        return chosen

    def _follow(self, rng, learner: Learner, course: CoursePlan) -> None:
        """One enrolment, and the steps done in it, in outline order."""
        user, now = learner.user, self.now
        enrolled = now - timedelta(seconds=rng.uniform(0, YEAR))
        draw, total = rng.random(), len(course.steps)
        if draw < NOT_STARTED:
            target = 0
        elif draw < NOT_STARTED + TO_THE_END or total == 1:
            target = total
        else:
            target = rng.randint(1, total - 1)
        gap = (now - enrolled).total_seconds() * rng.random() / max(target, 1)
        moment = enrolled

        def later(minimum: float = 60):
            return min(now, moment + timedelta(seconds=minimum + rng.random() * gap))

        done = {}
        for step in course.steps[:target]:
            if step.quiz is None:
                moment = later()
                done[step.page_id] = moment
                continue
            if rng.random() >= QUIZ_TAKEN:
                break
            skill, passed = rng.uniform(0.35, 1.0), False
            for number in range(1, step.quiz.max_attempts + 1):
                started = later()
                minutes = rng.uniform(4, 35)
                if step.quiz.time_limit_minutes:  # submitted in time
                    minutes = min(minutes, step.quiz.time_limit_minutes * 0.9)
                moment = min(now, started + timedelta(minutes=minutes))
                attempt, passed = self._attempt(
                    rng, user, course, step, number, skill, started, moment
                )
                learner.attempts.append(attempt)
                skill += 0.12
                if passed or rng.random() < GIVE_UP:
                    break
            if not passed:
                break
            done[step.page_id] = moment

        learner.completions += [
            Completion(
                user=user, page_id=page_id, course_id=course.page_id, completed_at=at
            )
            for page_id, at in done.items()
        ]
        completed_at = None
        if course.required and course.required <= done.keys():
            completed_at = max(done[page_id] for page_id in course.required)
        left_at = None
        if completed_at is None and rng.random() < LEFT:
            left_at = moment + (now - moment) * rng.random()
        learner.enrollments.append(
            Enrollment(
                user=user,
                course_id=course.page_id,
                enrolled_at=enrolled,
                last_activity_at=moment,
                completed_at=completed_at,
                left_at=left_at,
            )
        )

    def _attempt(self, rng, user, course, step, number, skill, started, submitted):
        quiz = step.quiz
        variant = rng.choice(quiz.variants)
        responses, results, points = {}, dict(variant.ungraded), Decimal(0)
        for answer in variant.answers:
            graded = answer.right if rng.random() < skill else answer.wrong
            responses[answer.position] = graded.response
            result = graded.result
            if answer.essay:
                result = {**result, "graded_at": submitted.isoformat()}
            results[answer.position] = result
            points += graded.points
        points = points.quantize(PLACES)
        score = attempt_percent(points, variant.max_points)
        passed = attempt_passed(score, quiz.pass_mark)
        attempt = QuizAttempt(
            user=user,
            quiz_id=step.page_id,
            course_id=course.page_id,
            number=number,
            state=QuizAttempt.State.GRADED,
            started_at=started,
            deadline=started + timedelta(minutes=quiz.time_limit_minutes)
            if quiz.time_limit_minutes
            else None,
            submitted_at=submitted,
            graded_at=submitted,
            pass_mark=quiz.pass_mark,
            questions=variant.questions,
            responses=responses,
            results=results,
            points=points.quantize(Decimal("0.001")),
            max_points=variant.max_points,
            score=score,
            passed=passed,
        )
        return attempt, passed


@contextmanager
def dates_as_given():
    """bulk_create would stamp the auto_now_add dates with the current time: the load
    data spreads them over a year instead."""
    fields = [
        Enrollment._meta.get_field("enrolled_at"),
        Enrollment._meta.get_field("last_activity_at"),
        Completion._meta.get_field("completed_at"),
    ]
    for date_field in fields:
        date_field.auto_now_add = False
    try:
        yield
    finally:
        for date_field in fields:
            date_field.auto_now_add = True
