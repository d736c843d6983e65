"""Server time and SQL queries of Campus pages, against a bare Django view.

Run from the repository root:  .venv/bin/python benchmarks/run.py  (or `make bench`).

For every case (a page, seen by an anonymous visitor or a logged-in user) it:
- counts the SQL queries of one request on a warm session (CaptureQueriesContext);
- times the page and a bare view that returns the very same bytes through the same
  middleware, interleaved, after a warm-up, with django.test.Client, and reports the
  medians and their ratio: the ratio is what the page costs beyond Django itself.

The database is a throw-away SQLite file, migrated at start, unless BENCH_DATABASE_URL
is set (that database is then migrated and used; the user the script adds is deleted
at the end). Nothing here asserts on wall-clock time: the figures are for reading and
for comparing runs on the same machine. The last line of output is JSON.

To add a page, add a Case to CASES (its path may depend on the objects that
`bench_data()` creates; add those there).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
import types
import uuid
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Case:
    name: str
    path: str | Callable[[dict], str]  # a URL path, or a function of bench_data()
    user: str | None = None  # a key of bench_data() to log in as; None: anonymous


CASES = [
    Case("home, anonymous", "/"),
    Case("home, learner with a profile", "/", user="learner"),
]


def bench_data() -> dict:
    """The objects the cases need. Returns them by name; removed again by `cleanup`."""
    from tests.factories.learners import ProfileFactory

    profile = ProfileFactory(
        user__email=f"bench-{uuid.uuid4().hex[:12]}@ville.example",
        user__first_name="Awa",
    )
    return {"learner": profile.user, "_cleanup": [profile.user]}


def cleanup(data: dict) -> None:
    for obj in data.get("_cleanup", []):
        obj.delete()


# --- set-up -------------------------------------------------------------------------


def configure(tmpdir: str) -> str:
    """Environment for Django before it is imported; returns a printable DB label."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        os.environ["DATABASE_URL"] = url
        label = url.split("@")[-1]  # never print a password
    else:
        path = Path(tmpdir) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        label = "temporary SQLite file"
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    return label


BARE_RESPONSES: dict[int, tuple[bytes, str]] = {}


def bare_view(request, index: int):
    """Returns what the page of case `index` returned, with no other work."""
    from django.http import HttpResponse

    content, content_type = BARE_RESPONSES[index]
    return HttpResponse(content, content_type=content_type)


def bench_urlconf() -> str:
    """The site's URLs plus the bare view, as a module registered under a new name."""
    from django.urls import include, path

    module = types.ModuleType("campus_bench_urls")
    module.urlpatterns = [
        path("__bench__/bare/<int:index>/", bare_view),
        path("", include("config.urls")),
    ]
    sys.modules[module.__name__] = module
    return module.__name__


# --- measurement --------------------------------------------------------------------


def client_for(case: Case, data: dict):
    from django.test import Client

    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    if case.user:
        client.force_login(data[case.user])
    return client


def timed_get(client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code} during the benchmark")
    return elapsed


def run_case(
    index: int, case: Case, data: dict, requests: int, warmup: int, show_sql: bool
) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = case.path(data) if callable(case.path) else case.path
    client = client_for(case, data)

    first = client.get(url)
    if first.status_code != 200:
        raise SystemExit(f"{case.name}: {url} answered {first.status_code}, not 200")
    BARE_RESPONSES[index] = (first.content, first["Content-Type"])
    bare_url = f"/__bench__/bare/{index}/"

    for _ in range(warmup):
        client.get(url)
        client.get(bare_url)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    # Read now: the next request empties the connection's query log.
    queries = [query["sql"] for query in captured.captured_queries]
    if show_sql:
        print(f"-- {case.name}: {len(queries)} queries", file=sys.stderr)
        for sql in queries:
            print(f"   {sql}", file=sys.stderr)
    # Same size, not same bytes: the CSRF token in forms is masked anew each time.
    if len(response.content) != len(first.content):
        print(f"note: {case.name}: size varies between requests", file=sys.stderr)

    page_times, bare_times = [], []
    gc.collect()
    for i in range(requests):  # interleaved, alternating which goes first
        if i % 2:
            bare_times.append(timed_get(client, bare_url))
            page_times.append(timed_get(client, url))
        else:
            page_times.append(timed_get(client, url))
            bare_times.append(timed_get(client, bare_url))

    page_ms = statistics.median(page_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    return {
        "case": case.name,
        "path": url,
        "user": case.user or "anonymous",
        "bytes": len(response.content),
        "queries": len(queries),
        "page_ms": round(page_ms, 3),
        "bare_ms": round(bare_ms, 3),
        "ratio": round(page_ms / bare_ms, 2),
        "page_p90_ms": round(statistics.quantiles(page_times, n=10)[-1] * 1000, 3),
    }


def print_table(results: list[dict]) -> None:
    header = ("case", "path", "bytes", "queries", "page ms", "bare ms", "ratio")
    rows = [
        (
            r["case"],
            r["path"],
            str(r["bytes"]),
            str(r["queries"]),
            f"{r['page_ms']:.2f}",
            f"{r['bare_ms']:.2f}",
            f"{r['ratio']:.1f}×",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for n, row in enumerate([header, *rows]):
        cells = [
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells))
        if n == 0:
            print("  ".join("-" * width for width in widths))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests each")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests each")
    parser.add_argument("--sql", action="store_true", help="print the queries (stderr)")
    args = parser.parse_args()
    if args.requests < 2:
        parser.error("--requests must be at least 2")

    with tempfile.TemporaryDirectory(prefix="campus-bench-") as tmpdir:
        db_label = configure(tmpdir)

        import django

        # WhiteNoise warns when `collectstatic` has not run; pages do not need it here.
        warnings.filterwarnings("ignore", message=r"No directory at: .*staticfiles")

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection, connections
        from django.test.utils import override_settings

        print(f"Campus benchmark: {db_label}, migrating…", file=sys.stderr)
        call_command("migrate", verbosity=0, interactive=False)

        data = bench_data()
        try:
            with override_settings(ROOT_URLCONF=bench_urlconf()):
                results = [
                    run_case(i, case, data, args.requests, args.warmup, args.sql)
                    for i, case in enumerate(CASES)
                ]
        finally:
            cleanup(data)
            connections.close_all()

        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        print(
            f"\n{args.requests} requests each after {args.warmup} warm-up, interleaved;"
            f" medians. Database: {connection.vendor} ({db_label}); cache: {cache}."
        )
        print_table(results)
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
                    "results": results,
                },
                ensure_ascii=False,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
