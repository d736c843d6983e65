"""Reports at scale (issue 7), called from benchmarks/run.py after the other sections.

`generate_load_data` (run as a command, in a process of its own) makes SMALL (1,000)
load learners in the demo courses; the report pages are measured; the learners are
grown to LARGE (100,000, about 1,000,000 progress rows) and the pages measured again.
That needs PostgreSQL: BENCH_DATABASE_URL, or BENCH_REPORTS_PG naming a scratch
PostgreSQL database for this section alone (it then runs in a subprocess on it). On
SQLite the section compares 1,000 with SQLITE_LARGE (10,000) learners and says so.

Measured, logged in as a superuser:
- every report page found (REPORT_PAGES by URL name, plus any other argument-free
  page of the "reports_admin" namespace and the index of any "report_…" listing): the
  SQL queries of one request on a warm session ("same" or "GROWS"), the first (cold)
  request and the median of TIMED requests, and the time ratio large / small against
  the data ratio (100× on PostgreSQL);
- the report selectors called directly (REPORT_SELECTORS), the same way: for every
  learner they read the stored figures (reports/services/figures.py), recomputed
  after each generation by ``report_figures_rebuild_all`` (the load bypasses the
  services that mark changes), whose own time is printed on a line of its own;
- the enrolment listing's CSV and XLSX exports through the view, at both sizes: rows,
  bytes, seconds and the increase of the process's peak RSS during the download
  (VmHWM reset before it; Linux) — "flat" when the large one stays within
  FLAT_FACTOR of the small one plus FLAT_SLACK_MB; with tracemalloc's peak too when
  benchmarks/report_exports.py is missing. When that module exists and no other
  section ran it, its ``export_memory_bench()`` gives the Python heap's peak for a
  10,000- and a 100,000-row export (REPORT_BENCH_ROWS lowers them).

A page that is missing (URL name not registered) or does not answer 200 is left out
with a printed note; one slower than SLOW_MS (10 s) is requested once only, and one
still running after LIMIT_S (60 s) is cancelled and shown as "> 60 s".
REPORTS_BENCH_SIZES="200,2000" changes the two sizes (to try the section out). The
load learners are deleted at the end (``generate_load_data --delete``), and so are
the superuser and, when this section loaded them, the demo courses. About 10 minutes
on PostgreSQL on a 2-core machine (3 generating, 4 in the exports), 5 on SQLite.

Also runnable alone, on a throw-away SQLite file or BENCH_DATABASE_URL as
benchmarks/run.py sets them up:  .venv/bin/python benchmarks/reports.py
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import uuid
import zipfile
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SMALL, LARGE = (
    int(size)
    for size in os.environ.get("REPORTS_BENCH_SIZES", "1000,100000").split(",")
)
SQLITE_LARGE = min(LARGE, 10_000)
SEED = 2026
TIMED = 5  # timed requests per page and size, after one cold and one counted request
SLOW_MS = 10_000  # a page slower than this is requested once only
LIMIT_S = 60  # and one slower than this is cancelled (reported as over LIMIT_S)
FLAT_FACTOR = 1.5
FLAT_SLACK_MB = 8.0  # RSS moves by whole pages and allocator arenas

REPORT_PAGES = [  # (label, URL name, argument: None or "course")
    ("course reports, every course", "reports_admin:course_list", None),
    ("course report, most followed course", "reports_admin:course_report", "course"),
    ("admin home with the dashboard panel", "wagtailadmin_home", None),
    ("enrolments listing", "report_enrollments:index", None),
    ("progress listing", "report_progress:index", None),
    ("quiz attempts listing", "report_quiz_attempts:index", None),
    ("certificates listing", "report_certificates:index", None),
]
REPORT_SELECTORS = [  # (label, function in reports.selectors, argument)
    ("course_report_list", "course_report_list", None),
    ("course_report_get, most followed course", "course_report_get", "course"),
    ("dashboard_get", "dashboard_get", None),
]
EXPORT_LISTING = ("enrolments", "report_enrollments:index")
EXPORT_KINDS = ("csv", "xlsx")


# --------------------------------------------------------------------------- data


def _command(*args: str) -> float:
    """generate_load_data in a process of its own (its memory stays out of ours);
    returns the seconds it took. Its output goes to stderr."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "generate_load_data", *args, "--force"],
        cwd=REPO,
        env=os.environ.copy(),
        stdout=sys.stderr,
        check=True,
    )
    return round(time.perf_counter() - started, 1)


def _stage(learners: int, courses: list[str]) -> dict:
    from django.core.cache import cache

    from demo.load_progress import load_users
    from learners.models import Completion, Enrollment, QuizAttempt

    print(f"Reports: generating {learners:,} load learners…", file=sys.stderr)
    seconds = _command(
        "--learners", str(learners), "--seed", str(SEED),
        *(arg for slug in courses for arg in ("--course", slug)),
    )  # fmt: skip
    cache.clear()  # figures cached at the smaller size would answer for the larger
    users = load_users()
    # The load bypasses the services (no marks): recompute the stored figures the
    # reports read, as `manage.py rebuild_report_figures` does, and time it.
    rebuild_s = None
    try:
        from reports.services.figures import report_figures_rebuild_all
    except ImportError:
        pass
    else:
        print("Reports: rebuilding the stored figures…", file=sys.stderr)
        started = time.perf_counter()
        report_figures_rebuild_all()
        rebuild_s = round(time.perf_counter() - started, 2)
    return {
        "rebuild_s": rebuild_s,
        "learners": users.count(),
        "enrolments": Enrollment.objects.filter(user__in=users).count(),
        "progress_rows": Completion.objects.filter(user__in=users).count(),
        "attempts": QuizAttempt.objects.filter(user__in=users).count(),
        "generation_s": seconds,
    }


# --------------------------------------------------------------------------- pages


def _report_pages() -> list[tuple[str, str, str | None]]:
    """REPORT_PAGES, then the other report pages the URLconf holds."""
    from django.urls import URLPattern, URLResolver, get_resolver

    pages = list(REPORT_PAGES)
    known = {name for _, name, _ in pages}

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or ""
                yield from walk(
                    pattern.url_patterns,
                    f"{namespace}:{inner}".strip(":") if inner else namespace,
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                if not getattr(pattern.pattern, "converters", {}):
                    yield f"{namespace}:{pattern.name}".strip(":")

    for name in dict.fromkeys(walk(get_resolver().url_patterns, "")):
        namespace, _, view = name.rpartition(":")
        wanted = namespace == "reports_admin" or (
            namespace.startswith("report_") and view == "index"
        )
        if wanted and name not in known:
            pages.append((name, name, None))
    return pages


def _url(name: str, argument, course) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, args=[course.pk] if argument == "course" else [])
    except NoReverseMatch:
        return None


@contextmanager
def _time_limit(seconds: float):
    """Cancel the database work still running after `seconds` (PostgreSQL's
    statement_timeout, SQLite's interrupt): a report that slow is only reported as
    such, and the run keeps its time."""
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            saved = cursor.fetchone()[0]
            cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = %s", [saved])
    elif connection.vendor == "sqlite":
        timer = threading.Timer(seconds, connection.connection.interrupt)
        timer.start()
        try:
            yield
        finally:
            timer.cancel()
    else:
        yield


def _measure(call) -> dict:
    """`call()` once cold, once counting queries, then TIMED times (median). A call
    slower than SLOW_MS is made once only, its queries counted then; one still
    running after LIMIT_S is cancelled and reported as such."""
    from django.db import DatabaseError, connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        try:
            with _time_limit(LIMIT_S):
                call()
        except DatabaseError:
            return {"queries": None, "ms": None, "first_ms": None, "requests": 0}
        first_ms = (time.perf_counter() - started) * 1000
    if first_ms > SLOW_MS:
        return {
            "queries": len(captured.captured_queries),
            "ms": round(first_ms, 2),
            "first_ms": round(first_ms, 2),
            "requests": 1,
        }
    with CaptureQueriesContext(connection) as captured:
        call()
    queries = len(captured.captured_queries)
    times = []
    for _ in range(TIMED):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return {
        "queries": queries,
        "ms": round(statistics.median(times), 2),
        "first_ms": round(first_ms, 2),
        "requests": TIMED,
    }


def _get(client, url: str):
    def call():
        response = client.get(url)
        if response.status_code != 200:
            raise _Unavailable(f"{url} answered {response.status_code}")
        return response

    return call


class _Unavailable(Exception):
    """A page or selector that cannot be measured here (the message says why)."""


def _measure_pages(client, course, notes: list[str]) -> dict:
    figures = {}
    for label, name, argument in _report_pages():
        url = _url(name, argument, course)
        if url is None:
            notes.append(f"{label}: no URL named {name} (not built yet?), skipped")
            continue
        try:
            figures[label] = {"path": url, **_measure(_get(client, url))}
        except _Unavailable as error:
            notes.append(f"{label}: {error}, skipped")
    return figures


def _measure_selectors(scope, course, notes: list[str]) -> dict:
    try:
        from reports import selectors
    except ImportError as error:
        notes.append(f"reports.selectors cannot be imported ({error}), skipped")
        return {}
    figures = {}
    for label, function_name, argument in REPORT_SELECTORS:
        function = getattr(selectors, function_name, None)
        if function is None:
            notes.append(f"reports.selectors.{function_name} is missing, skipped")
            continue
        kwargs = {"scope": scope, **({"course": course} if argument else {})}
        figures[label] = _measure(lambda f=function, k=kwargs: f(**k))
    return figures


# --------------------------------------------------------------------------- exports


def _rows(path: str, kind: str) -> int:
    """Data rows of a downloaded file (the heading row left out), read in pieces."""
    if kind == "csv":
        with open(path, "rb") as received:
            return sum(1 for _line in received) - 1
    with zipfile.ZipFile(path) as archive:
        sheet = next(n for n in archive.namelist() if n.startswith("xl/worksheets/"))
        count, tail = 0, b""
        with archive.open(sheet) as xml:
            while piece := xml.read(1 << 20):
                count += (tail + piece).count(b"<row")
                tail = piece[-3:]
        return count - 1


def _download(client, url: str, kind: str, traced: bool) -> dict:
    """One export read chunk by chunk as a browser would, into a temporary file;
    the peak RSS increase, or with `traced` the Python heap's peak (slower)."""
    from benchmarks.harness import peak_rss_reset, proc_status_kb

    with tempfile.NamedTemporaryFile(suffix=f".{kind}") as received:
        gc.collect()
        resettable = peak_rss_reset()
        rss_before = proc_status_kb("VmRSS")
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        response = client.get(url, {"export": kind})
        if response.status_code != 200:
            raise _Unavailable(f"{url}?export={kind} answered {response.status_code}")
        for chunk in response.streaming_content:
            received.write(chunk)
        response.close()
        seconds = time.perf_counter() - started
        figures = {"seconds": round(seconds, 2)}
        if traced:
            figures["heap_peak_mb"] = round(
                tracemalloc.get_traced_memory()[1] / 2**20, 2
            )
            tracemalloc.stop()
        else:
            peak = proc_status_kb("VmHWM")
            if resettable and peak is not None and rss_before is not None:
                figures["rss_delta_mb"] = round((peak - rss_before) / 1024, 1)
        received.flush()
        figures.update(bytes=received.tell(), rows=_rows(received.name, kind))
    return figures


def _measure_exports(client, traced: bool, warm_up: bool, notes: list[str]) -> dict:
    label, name = EXPORT_LISTING
    url = _url(name, None, None)
    if url is None:
        notes.append(f"{label} export: no URL named {name}, skipped")
        return {}
    figures = {}
    try:
        for kind in EXPORT_KINDS:
            if warm_up:  # imports, translations, caches
                _download(client, url, kind, traced=False)
            figures[kind] = _download(client, url, kind, traced=False)
            if traced:
                figures[kind]["heap_peak_mb"] = _download(client, url, kind, True)[
                    "heap_peak_mb"
                ]
    except _Unavailable as error:
        notes.append(f"{label} export: {error}, skipped")
    return figures


def _flat(small: float | None, large: float | None) -> str:
    if small is None or large is None:
        return "n/a"
    return "flat" if large <= small * FLAT_FACTOR + FLAT_SLACK_MB else "GROWS"


def _export_memory_bench(notes: list[str]) -> dict | None:
    """benchmarks/report_exports.py's 10,000 against 100,000 rows, unless a section
    before this one ran it already (or it is missing)."""
    if "benchmarks.report_exports" in sys.modules:
        notes.append("export_memory_bench: measured by its own section above")
        return None
    try:
        from benchmarks.report_exports import export_memory_bench
    except ImportError:
        return None
    print("Reports: export_memory_bench()…", file=sys.stderr)
    return export_memory_bench()


# --------------------------------------------------------------------------- run


def run_reports(data: dict | None = None) -> dict:
    """Every figure of this section (see the module docstring). `data` is
    benchmarks/run.py's and unused: this section builds what it needs."""
    if os.environ.get("BENCH_REPORTS_PG"):
        return _run_in_subprocess(os.environ["BENCH_REPORTS_PG"])
    from importlib.util import find_spec

    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from courses.models import CoursePage
    from demo.catalogue import course_data_list, demo_catalogue_load
    from demo.load_progress import load_users
    from learners.models import Enrollment, User
    from learners.scope import LearnerScope

    notes: list[str] = []
    postgres = connection.vendor == "postgresql"
    large = LARGE if postgres else SQLITE_LARGE
    if not postgres:
        notes.append(
            f"SQLite: {SMALL:,} against {large:,} learners; the {LARGE:,}-learner"
            " figures need PostgreSQL (BENCH_DATABASE_URL or BENCH_REPORTS_PG)"
        )
    if load_users().exists():
        notes.append("load learners left by an earlier run were deleted first")
        _command("--delete")
    loaded = demo_catalogue_load()
    slugs = [course["slug"] for course in course_data_list()]
    admin = User.objects.create_superuser(
        f"bench-reports-{uuid.uuid4().hex[:8]}@ville.example"
    )
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(admin)
    # The Python heap's peak comes from report_exports.py when it exists.
    traced = find_spec("benchmarks.report_exports") is None
    scope = LearnerScope(municipality=None)
    stages, pages, selectors, exports, module_bench = [], {}, {}, {}, None
    try:
        for size in (SMALL, large):
            stages.append(_stage(size, slugs))
            if size == SMALL:  # the same course at both sizes
                top = (
                    Enrollment.objects.filter(user__in=load_users())
                    .values("course_id")
                    .annotate(n=Count("pk"))
                    .order_by("-n")
                    .first()
                )
                course = CoursePage.objects.get(pk=top["course_id"])
            print(f"Reports: measuring at {size:,} learners…", file=sys.stderr)
            pages[size] = _measure_pages(client, course, notes)
            selectors[size] = _measure_selectors(scope, course, notes)
            exports[size] = _measure_exports(client, traced, size == SMALL, notes)
        module_bench = _export_memory_bench(notes)
    finally:
        print("Reports: deleting the load learners…", file=sys.stderr)
        delete_s = _command("--delete")
        admin.delete()
        for page in CoursePage.objects.filter(title__in=loaded):
            page.delete()
    return {
        "database": connection.vendor,
        "sizes": [SMALL, large],
        "stages": stages,
        "course": course.title,
        "pages": _side_by_side(pages, SMALL, large),
        "selectors": _side_by_side(selectors, SMALL, large),
        "exports": _exports_side_by_side(exports, SMALL, large),
        "export_memory_bench": module_bench,
        "delete_s": delete_s,
        "notes": list(dict.fromkeys(notes)),
    }


def _side_by_side(figures: dict, small: int, large: int) -> list[dict]:
    rows = []
    for label in figures[small]:
        if label not in figures[large]:
            continue
        a, b = figures[small][label], figures[large][label]
        if a["queries"] is None or b["queries"] is None:
            verdict = f"over {LIMIT_S} s"
        elif a["queries"] == b["queries"]:
            verdict = "same"
        else:
            verdict = "GROWS" if b["queries"] > a["queries"] else "differs"
        rows.append(
            {
                "label": label,
                "path": a.get("path", ""),
                "small": a,
                "large": b,
                "verdict": verdict,
                "time_ratio": round(b["ms"] / a["ms"], 2)
                if a["ms"] and b["ms"]
                else None,
            }
        )
    return rows


def _exports_side_by_side(figures: dict, small: int, large: int) -> dict:
    result = {}
    for kind in EXPORT_KINDS:
        a, b = figures[small].get(kind), figures[large].get(kind)
        if not a or not b:
            continue
        result[kind] = {
            "small": a,
            "large": b,
            "rss": _flat(a.get("rss_delta_mb"), b.get("rss_delta_mb")),
            "heap": _flat(a.get("heap_peak_mb"), b.get("heap_peak_mb")),
        }
    return result


def _run_in_subprocess(url: str) -> dict:
    """This section alone on the BENCH_REPORTS_PG database: its JSON line back."""
    env = {**os.environ, "BENCH_DATABASE_URL": url}
    env.pop("BENCH_REPORTS_PG")
    print(
        f"Reports: on {url.split('@')[-1]}, in a process of its own…", file=sys.stderr
    )
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve())],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])["reports"]


# --------------------------------------------------------------------------- output


def _print_rows(header: tuple, rows: list[tuple]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for n, row in enumerate([header, *rows]):
        cells = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * width for width in widths))


def _cell(value, template: str) -> str:
    return "—" if value is None else template.format(value)


def _ms(figures: dict) -> str:
    if figures["ms"] is None:
        return f"> {LIMIT_S} s"
    return f"{figures['ms']:.1f}" + ("*" if figures["requests"] == 1 else "")


def print_reports(result: dict) -> None:
    small, large = result["sizes"]
    data_ratio = large // small
    a, b = result["stages"]
    print(
        f"\nReports at scale ({result['database']}): {a['learners']:,} learners"
        f" ({a['enrolments']:,} enrolments, {a['progress_rows']:,} progress rows,"
        f" {a['attempts']:,} attempts) against {b['learners']:,} ({b['enrolments']:,},"
        f" {b['progress_rows']:,}, {b['attempts']:,}); generated in"
        f" {a['generation_s']:.0f} s and {b['generation_s']:.0f} s more, deleted in"
        f" {result['delete_s']:.0f} s. Queries must be the same; time ratio against"
        f" the data ratio ({data_ratio}×). Course report: {result['course']}."
    )
    if a.get("rebuild_s") is not None and b.get("rebuild_s") is not None:
        print(
            f"Stored figures rebuilt (every course and the admin home, the task's"
            f" work after a change): {a['rebuild_s']:.2f} s at {a['learners']:,}"
            f" learners, {b['rebuild_s']:.2f} s at {b['learners']:,}."
        )
    for title, rows in (("page", result["pages"]), ("selector", result["selectors"])):
        if not rows:
            continue
        _print_rows(
            (title, f"queries {small:,}", f"{large:,}", "", f"ms {small:,}",
             f"ms {large:,}", "ratio", f"first ms {large:,}"),
            [
                (
                    row["label"],
                    _cell(row["small"]["queries"], "{}"),
                    _cell(row["large"]["queries"], "{}"),
                    row["verdict"],
                    _ms(row["small"]),
                    _ms(row["large"]),
                    _cell(row["time_ratio"], f"{{:.1f}}× / {data_ratio}×"),
                    _cell(row["large"]["first_ms"], "{:.0f}"),
                )
                for row in rows
            ],
        )  # fmt: skip
        print()
    if any(
        row[size].get("requests") == 1
        for row in result["pages"] + result["selectors"]
        for size in ("small", "large")
    ):
        print(f"  * slower than {SLOW_MS / 1000:.0f} s: measured on one request only")
    if any(
        row[size]["ms"] is None
        for row in result["pages"] + result["selectors"]
        for size in ("small", "large")
    ):
        print(f"  > {LIMIT_S} s: cancelled (statement timeout), queries not counted")
    for row in result["pages"]:
        print(f"  {row['label']}: {row['path']}")
    exports = result["exports"]
    if exports:
        print(
            "\nExports of the enrolment listing through its view: rows, seconds and"
            " the increase of the peak RSS during the download (heap = tracemalloc):"
        )
        rows = []
        for kind, figures in exports.items():
            lo, hi = figures["small"], figures["large"]
            heap = (
                f"  heap {lo['heap_peak_mb']:.1f} → {hi['heap_peak_mb']:.1f} MB:"
                f" {figures['heap']}"
                if "heap_peak_mb" in lo
                else ""
            )
            rows.append(
                (
                    kind.upper(),
                    f"{lo['rows']:,}",
                    f"{lo['seconds']:.1f} s",
                    f"{lo.get('rss_delta_mb', float('nan')):.1f} MB",
                    f"{hi['rows']:,}",
                    f"{hi['seconds']:.1f} s",
                    f"{hi.get('rss_delta_mb', float('nan')):.1f} MB",
                    figures["rss"] + heap,
                )
            )
        _print_rows(
            ("", f"rows {small:,}", "time", "RSS +", f"rows {large:,}", "time",
             "RSS +", ""),
            rows,
        )  # fmt: skip
    if result.get("export_memory_bench"):
        from benchmarks.report_exports import print_report_exports

        print_report_exports(result["export_memory_bench"])
    for note in result["notes"]:
        print(f"  note: {note}")


def main() -> int:
    sys.path.insert(0, str(REPO))
    from benchmarks.harness import django_start

    with tempfile.TemporaryDirectory(prefix="campus-bench-") as tmpdir:
        django_start(tmpdir, "Reports benchmark")
        from django.db import connections
        from django.test.utils import override_settings

        overrides = {}
        if not os.environ.get("BENCH_DATABASE_URL"):
            # Demo pictures go away with the throw-away database.
            overrides["MEDIA_ROOT"] = Path(tmpdir) / "media"
        try:
            with override_settings(**overrides):
                result = run_reports()
        finally:
            connections.close_all()
    print_reports(result)
    print(json.dumps({"benchmark": "campus-reports", "reports": result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
