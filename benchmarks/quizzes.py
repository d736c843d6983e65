"""Quiz budgets (issue 5), called from benchmarks/run.py after the page figures.

- SQL queries (and median ms) of starting an attempt and of submitting it, through the
  real views, for a quiz of 5 and of 50 questions (all graded types, in turn): the
  counts must not grow with the number of questions;
- grading time of a 50-question attempt: `grade_response` over every question (pure
  grading, median of GRADING_RUNS), and the whole "submit" request (median);
- import time of a 1,000-question GIFT file (benchmarks/quiz_import.py): parsing
  alone, then parsing + validating + saving into a new question bank;
- starting a quiz that draws 10 questions from a bank of 20 and of 50,000
  (benchmarks/quiz_draws.py): median time and queries, budget ≤ 1.5×.
"""

from __future__ import annotations

import statistics
import time
import uuid

QUIZ_SIZES = (5, 50)
SUBMITS = 15  # attempts started and submitted per size (the first is a warm-up)
GRADING_RUNS = 200
IMPORT_QUESTIONS = 1000


def _questions(count: int) -> list[dict]:
    from tests.factories import quizzes as q

    kinds = [q.single, q.multiple, q.truefalse, q.shortanswer, q.numerical, q.matching]
    return [kinds[n % len(kinds)]() for n in range(count)]


def _form(attempt) -> dict:
    """Right answers of every question, as the attempt form posts them."""
    from courses.question_types import question_from_data, question_type

    data: dict[str, list[str] | str] = {"action": "finish"}
    for item in attempt.questions:
        question = question_from_data(item["question"])
        kind = question_type(question.qtype)
        response = kind.sample_response(question, right=True)
        for name, value in kind.post_data(item, question, response):
            data.setdefault(name, []).append(value)
    return data


def _capture(client, method: str, url: str, data=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        started = time.perf_counter()
        response = getattr(client, method)(url, data or {})
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code in (200, 302), (url, response.status_code)
    return response, len(context.captured_queries), elapsed


def run_quizzes(data: dict) -> dict:
    from django.test import Client
    from django.urls import reverse

    from courses.models import ModulePage
    from courses.question_types import question_from_data, question_type
    from learners.grading import grade_response
    from learners.models import QuizAttempt
    from learners.services import enrollment_create
    from tests.factories.courses import course_create
    from tests.factories.learners import ProfileFactory
    from tests.factories.quizzes import quiz_create

    course = course_create(
        title="Banc d'essai des quiz", modules=1, lessons_per_module=1
    )
    data["_pages"].insert(0, course)
    module = ModulePage.objects.child_of(course).get()
    sizes = []
    for size in QUIZ_SIZES:
        quiz = quiz_create(module, questions=_questions(size), title=f"Quiz {size}")
        profile = ProfileFactory(
            user__email=f"bench-quiz-{uuid.uuid4().hex[:8]}@ville.example"
        )
        data["_users"].insert(0, profile.user)
        enrollment_create(user=profile.user, course=course)
        client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
        client.force_login(profile.user)
        starts, submits, start_ms, submit_ms = [], [], [], []
        for _ in range(SUBMITS):
            _, queries, elapsed = _capture(
                client, "post", reverse("learners:quiz_start", args=[quiz.pk])
            )
            starts.append(queries)
            start_ms.append(elapsed)
            attempt = QuizAttempt.objects.get(user=profile.user, state="open")
            url = reverse("learners:quiz_attempt", args=[attempt.pk])
            _, queries, elapsed = _capture(client, "post", url, _form(attempt))
            submits.append(queries)
            submit_ms.append(elapsed)
            attempt.refresh_from_db()
            assert attempt.score == 100, attempt.score
        sizes.append(
            {
                "questions": size,
                "start_queries": max(starts[1:]),
                "submit_queries": max(submits[1:]),
                "start_ms": statistics.median(start_ms[1:]),
                "submit_ms": statistics.median(submit_ms[1:]),
                "attempt": attempt,
            }
        )

    # Pure grading of the last 50-question attempt, as the submit service does it.
    attempt = sizes[-1].pop("attempt")
    sizes[0].pop("attempt")
    graded = [
        (question_from_data(item["question"]), attempt.responses[str(item["position"])])
        for item in attempt.questions
    ]
    timings = []
    for _ in range(GRADING_RUNS):
        started = time.perf_counter()
        for question, response in graded:
            grade_response(
                question, question_type(question.qtype).grading_shape(response)
            )
        timings.append((time.perf_counter() - started) * 1000)

    from benchmarks.quiz_import import gift_import_bench

    imported = gift_import_bench(n=IMPORT_QUESTIONS)
    from benchmarks.quiz_draws import draw_bench

    draws = draw_bench(data)
    small, big = sizes
    return {
        "sizes": sizes,
        "verdict": "same"
        if (small["start_queries"], small["submit_queries"])
        == (big["start_queries"], big["submit_queries"])
        else "GROWS",
        "grading_50_ms": statistics.median(timings),
        "gift_import": imported,
        "draws": draws,
    }


def print_quizzes(result: dict) -> None:
    print("\nQuizzes: queries (and median ms) of starting and submitting an attempt:")
    for row in result["sizes"]:
        print(
            f"  {row['questions']:>3} questions: start {row['start_queries']} queries "
            f"({row['start_ms']:.1f} ms), submit {row['submit_queries']} queries "
            f"({row['submit_ms']:.1f} ms)"
        )
    print(f"  5 → 50 questions: {result['verdict']}")
    print(
        f"  grading a 50-question attempt (grade_response only): "
        f"{result['grading_50_ms']:.2f} ms (median of {GRADING_RUNS})"
    )
    from benchmarks.quiz_draws import print_draws

    print_draws(result["draws"])
    imported = result["gift_import"]
    print(
        "  GIFT import of "
        + ", ".join(f"{key}: {value}" for key, value in imported.items())
    )
