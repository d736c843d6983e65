"""Server time and SQL queries of Campus pages, against a bare Django view.

Run from the repository root:  .venv/bin/python benchmarks/run.py  (or `make bench`).

For every case (a page, seen by an anonymous visitor or a logged-in user) it:
- counts the SQL queries of one request on a warm session (CaptureQueriesContext);
- times the page and a bare view that returns the very same bytes through the same
  middleware, interleaved, after a warm-up, with django.test.Client, and reports the
  medians and their ratio: the ratio is what the page costs beyond Django itself.

In the same run it also measures, on the demo catalogue (`demo.catalogue`, loaded once)
and on two courses built with tests/factories/courses.py:
- page weight: the HTML of the catalogue and of the demo's first lesson gzipped (-6),
  plus the gzipped size of every stylesheet and script the HTML links to, read from
  the static files through the staticfiles finders (images aside), against a budget;
- the demo lesson against a bare Wagtail page with the same body: the same LessonPage
  at the same URL, served with `get_template` and `get_context` patched to a template
  that only renders the body's blocks (`BARE_LESSON_TEMPLATE`) and to Page's context,
  interleaved, medians and ratio, against a budget;
- SQL queries (and median time) of the catalogue, course and lesson pages for a course
  of 10 lessons and for one of 200, side by side: query counts must not grow with the
  size of a course.

Then the load section (benchmarks/load.py): the production server (gunicorn, 2
workers) on the same database, requests/s and p50/p99 of a static file, the home
page, the catalogue, a course page (each anonymous page also with If-None-Match, the
statuses counted) and the demo lesson (enrolled learner) under 4 concurrent clients,
5 interleaved rounds, with the ratio to the static file; and the same against a
checkout of the commit before issue 14 (BASELINE_COMMIT, unless --no-baseline),
interleaved, with each ratio to it beside its budget.

Last, the learner-journey budgets: after everything above has been measured (so that
those figures stay comparable with earlier runs), it adds a learner enrolled in the
demo course and in both sized courses with their first JOURNEY_DONE lessons completed,
20 small courses (1 module of 2 lessons) and two learners following 1 and 20 of them
(first lesson of each completed), then measures:
- SQL queries (and median time) of the course page with progress, a lesson page with
  its navigation (the middle lesson, not completed) and the "mark complete" POST, for
  the 10- and the 200-lesson course; the POST completes a different, not yet
  completed lesson each time (one warm-up POST, then JOURNEY_POSTS measured, the
  highest count kept): "same" or "GROWS" next to each pair;
- SQL queries (and median time) of the dashboard with 1 and with 20 enrolments;
- the demo course page for that learner against the same page for an anonymous
  visitor: interleaved medians (at least PROGRESS_MIN_REQUESTS requests each) and
  their ratio, against PROGRESS_BUDGET.

After that, the quiz budgets (benchmarks/quizzes.py): queries of starting and
submitting a 5- and a 50-question attempt, the grading time of a 50-question attempt,
the import time of a 1,000-question GIFT file and the start of a quiz drawing from a
bank of 20 and of 50,000 questions (benchmarks/quiz_draws.py).

Last, the certificate budget (benchmarks/certificates.py): issuing and rendering 1,000
certificates (CERT_BENCH_COUNT to lower it) in one batch (certificate_batch_run),
against WeasyPrint alone on the same HTML, with the peak memory of each chunk of 100.

After everything else, the reports at scale (benchmarks/reports.py): report pages and
selectors with 1,000 and with 100,000 generated learners (`generate_load_data`; 10,000
on SQLite), queries and times side by side, and the memory of the listings' exports.

Last before the JSON, issue 14's budgets from this run's figures (benchmarks/budgets.py),
PASS or MISS. `--only pages,load` runs some sections only (in the order above).

The database is a throw-away SQLite file, migrated at start, unless BENCH_DATABASE_URL
is set (that database is then migrated and used; the users and courses the script adds
are deleted at the end, the demo catalogue too when the script loaded it). Nothing here
asserts on wall-clock time or weight: the figures are for reading and for comparing
runs on the same machine; budgets are printed next to them. The last line of output is
JSON.

To add a page, add a Case to CASES in benchmarks/pages.py (its path may depend on the
objects that `bench_data()` creates there; add those too). The learner journey is in
benchmarks/journey.py; what every script shares (database, clients, timing) in
benchmarks/harness.py.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: benchmarks/ alone is on the path
    sys.path.insert(0, str(REPO))

from benchmarks.budgets import budgets_get, print_budgets  # noqa: E402
from benchmarks.harness import cleanup, django_start, media_overrides  # noqa: E402
from benchmarks.journey import print_journey, run_journey  # noqa: E402
from benchmarks.load import BASELINE_COMMIT, print_load, run_load  # noqa: E402
from benchmarks.pages import (  # noqa: E402
    BARE_LESSON_TEMPLATE,
    BARE_LESSON_TEMPLATE_NAME,
    CASES,
    WEIGHT_CASES,
    bench_data,
    bench_urlconf,
    print_bare,
    print_sizes,
    print_table,
    print_weights,
    run_bare_lesson,
    run_case,
    run_sizes,
    run_weight,
)

# In the order they run: what a section adds to the database changes what the
# sections after it see (the journey's 20 courses change the catalogue).
SECTIONS = ("pages", "load", "journey", "quizzes", "certificates", "reports")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests each")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests each")
    parser.add_argument("--sql", action="store_true", help="print the queries (stderr)")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run, in this order: {','.join(SECTIONS)}"
        " (default: all)",
    )
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help=f"load section: skip the baseline server (commit {BASELINE_COMMIT[:7]})",
    )
    args = parser.parse_args()
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    if only - set(SECTIONS):
        parser.error(f"unknown sections: {', '.join(sorted(only - set(SECTIONS)))}")
    if args.requests < 2:
        parser.error("--requests must be at least 2")

    with tempfile.TemporaryDirectory(prefix="campus-bench-") as tmpdir:
        db_label = django_start(tmpdir, "Campus benchmark")
        import django
        from django.conf import settings
        from django.db import connection, connections
        from django.test.utils import override_settings

        from benchmarks.certificates import print_certificates, run_certificates
        from benchmarks.quizzes import print_quizzes, run_quizzes
        from benchmarks.reports import print_reports, run_reports

        # The bare lesson template, in a folder of its own after the project's.
        template_dir = Path(tmpdir) / "templates"
        bare_template = template_dir / BARE_LESSON_TEMPLATE_NAME
        bare_template.parent.mkdir(parents=True)
        bare_template.write_text(BARE_LESSON_TEMPLATE, encoding="utf-8")
        templates = copy.deepcopy(settings.TEMPLATES)
        templates[0]["DIRS"] = [*templates[0].get("DIRS", []), template_dir]
        overrides = {
            "ROOT_URLCONF": bench_urlconf(),
            "TEMPLATES": templates,
            **media_overrides(tmpdir),
        }

        with override_settings(**overrides):
            print("Loading the demo catalogue and building courses…", file=sys.stderr)
            data = bench_data()
            figures: dict = {}
            try:
                if "pages" in only:
                    figures["results"] = [
                        run_case(i, case, data, args.requests, args.warmup, args.sql)
                        for i, case in enumerate(CASES)
                    ]
                    figures["weights"] = [
                        run_weight(case, data) for case in WEIGHT_CASES
                    ]
                    figures["bare_lesson"] = run_bare_lesson(
                        data, args.requests, args.warmup, args.sql
                    )
                    figures["course_sizes"] = run_sizes(data, args.requests, args.sql)
                if "load" in only:  # before the journey adds 20 courses
                    figures["load"] = run_load(data, baseline=not args.no_baseline)
                if "journey" in only:
                    figures["learner_journey"] = run_journey(
                        data, args.requests, args.warmup, args.sql
                    )
                if "quizzes" in only:
                    figures["quizzes"] = run_quizzes(data)
                if "certificates" in only:
                    figures["certificates"] = run_certificates(data)
                if "reports" in only:
                    figures["reports"] = run_reports(data)
            finally:
                cleanup(data)
                connections.close_all()

        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        print(
            f"\n{args.requests} requests each after {args.warmup} warm-up, interleaved;"
            f" medians. Database: {connection.vendor} ({db_label}); cache: {cache}."
        )
        printers = {
            "results": print_table,
            "weights": print_weights,
            "bare_lesson": print_bare,
            "course_sizes": print_sizes,
            "load": print_load,
            "learner_journey": print_journey,
            "quizzes": print_quizzes,
            "certificates": print_certificates,
            "reports": print_reports,
        }
        for key, print_figures in printers.items():
            if key in figures:
                print_figures(figures[key])
        print_budgets(figures)
        print(
            json.dumps(
                {
                    "benchmark": "campus-pages",
                    "database": connection.vendor,
                    "cache": cache,
                    "requests": args.requests,
                    "warmup": args.warmup,
                    "python": sys.version.split()[0],
                    "django": django.get_version(),
                    "sections": [name for name in SECTIONS if name in only],
                    **figures,
                    "budgets": budgets_get(figures),
                },
                ensure_ascii=False,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
