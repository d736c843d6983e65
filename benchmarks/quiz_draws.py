"""Cost of starting a quiz that draws questions from a small and from a huge bank.

Run from the repository root:  .venv/bin/python benchmarks/quiz_draws.py [-n 50000]
(also part of `make bench`, in the quiz budgets).

Builds a bank of DRAW_SMALL (20) and one of n (50,000) single-choice questions in two
categories, a quiz drawing DRAW_COUNT questions of one category from each, and times
``quiz_attempt_start`` (median of DRAW_RUNS starts, small and big interleaved, the
attempt deleted after each, untimed) with its SQL queries, and the draw alone
(``bank_questions_draw``). The budget: the big bank costs at most DRAW_BUDGET times
the small one. The database is set up by benchmarks/harness.py. Figures are for
comparing runs on one machine; nothing is asserted. The last line of output is JSON.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

DRAW_SMALL = 20
DRAW_LARGE = 50_000
DRAW_COUNT = 10
DRAW_RUNS = 30
DRAW_BUDGET = 1.5


def _bank(size: int):
    from courses.models import QuestionBank
    from courses.services import question_bank_entries_sync
    from tests.factories.quizzes import single

    blocks = [
        single(f"Question {n} ?", category="budget" if n % 2 else "fiscalité")
        for n in range(size)
    ]
    bank = QuestionBank.objects.create(
        name=f"Bench {size} {uuid.uuid4().hex[:6]}", questions=json.dumps(blocks)
    )
    question_bank_entries_sync(bank=bank)
    return bank


def draw_bench(data: dict | None = None, large: int = DRAW_LARGE) -> dict:
    """Median ms and queries of starting a quiz drawing from a bank of 20 and of
    ``large`` questions. Needs a configured Django with a migrated database; what it
    creates is deleted after (pages through ``data["_pages"]`` when given)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses.models import ModulePage
    from courses.services import bank_questions_draw
    from learners.models import QuizAttempt
    from learners.services import enrollment_create, quiz_attempt_start
    from tests.factories.courses import course_create
    from tests.factories.learners import ProfileFactory
    from tests.factories.quizzes import quiz_create

    course = course_create(title="Banc d'essai des tirages", modules=1)
    module = ModulePage.objects.child_of(course).get()
    profile = ProfileFactory(
        user__email=f"bench-draw-{uuid.uuid4().hex[:8]}@ville.example"
    )
    enrollment_create(user=profile.user, course=course)
    sizes, banks, quizzes, builds = (DRAW_SMALL, large), [], [], []
    for size in sizes:
        started = time.perf_counter()
        banks.append(_bank(size))
        builds.append(time.perf_counter() - started)
        quizzes.append(
            quiz_create(
                module,
                questions=[],
                draws=[(banks[-1], "budget", DRAW_COUNT)],
                title=f"Tirage {size}",
            )
        )
    timings, draw_timings, queries = ([], []), ([], []), ([], [])
    for run in range(DRAW_RUNS + 1):  # interleaved: small, big, small, big…
        for index, quiz in enumerate(quizzes):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as context:
                attempt = quiz_attempt_start(user=profile.user, quiz=quiz)
            elapsed = (time.perf_counter() - started) * 1000
            assert len(attempt.questions) == DRAW_COUNT, len(attempt.questions)
            QuizAttempt.objects.filter(pk=attempt.pk).delete()
            started = time.perf_counter()
            bank_questions_draw(
                bank=banks[index],
                category="budget",
                count=DRAW_COUNT,
                usage={},
                exclude=set(),
                rng=random.Random(run),
            )
            drawn = (time.perf_counter() - started) * 1000
            if run:  # the first round is a warm-up
                timings[index].append(elapsed)
                draw_timings[index].append(drawn)
                queries[index].append(len(context.captured_queries))
    rows = [
        {
            "bank_questions": size,
            "start_ms": round(statistics.median(timings[index]), 2),
            "draw_ms": round(statistics.median(draw_timings[index]), 3),
            "start_queries": max(queries[index]),
            "bank_build_seconds": round(builds[index], 2),
        }
        for index, size in enumerate(sizes)
    ]
    small, big = rows
    if data is not None:
        data["_pages"].insert(0, course)
        data["_users"].insert(0, profile.user)
    else:
        profile.user.delete()  # its attempts and enrolment first: they protect pages
        course.delete()
    for bank in banks:
        bank.draws.all().delete()
        bank.delete()
    return {
        "sizes": rows,
        "ratio": round(big["start_ms"] / small["start_ms"], 2),
        "draw_ratio": round(big["draw_ms"] / small["draw_ms"], 2),
        "budget": DRAW_BUDGET,
        "queries": "same"
        if small["start_queries"] == big["start_queries"]
        else "GROWS",
    }


def print_draws(result: dict) -> None:
    print(
        f"\nQuiz start drawing {DRAW_COUNT} questions (median of {DRAW_RUNS} "
        "quiz_attempt_start):"
    )
    for row in result["sizes"]:
        print(
            f"  bank of {row['bank_questions']:>6} questions: {row['start_ms']:.1f} ms, "
            f"draw alone {row['draw_ms']:.2f} ms, "
            f"{row['start_queries']} queries (bank built and indexed in "
            f"{row['bank_build_seconds']} s)"
        )
    print(
        f"  ratio {result['ratio']}× (budget ≤ {result['budget']}×), draw alone "
        f"{result['draw_ratio']}×, "
        f"queries {result['queries']}"
    )


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.harness import django_start, size_argument

    questions = size_argument(__doc__, DRAW_LARGE, "questions, big bank")

    with tempfile.TemporaryDirectory(prefix="campus-bench-") as tmpdir:
        db_label = django_start(tmpdir, "Quiz draw benchmark")
        from django.db import connection, connections

        try:
            result = draw_bench(large=questions)
        finally:
            connections.close_all()
    print(f"Database: {connection.vendor} ({db_label})")
    print_draws(result)
    print(json.dumps({"benchmark": "quiz-draws", **result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
