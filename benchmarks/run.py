"""Server time and SQL queries of Campus pages, against a bare Django view.

Run from the repository root:  .venv/bin/python benchmarks/run.py  (or `make bench`).

For every case (a page, seen by an anonymous visitor or a logged-in user) it:
- counts the SQL queries of one request on a warm session (CaptureQueriesContext);
- times the page and a bare view that returns the very same bytes through the same
  middleware, interleaved, after a warm-up, with django.test.Client, and reports the
  medians and their ratio: the ratio is what the page costs beyond Django itself.

In the same run it also measures, on the demo catalogue (`courses.demo`, loaded once)
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

The database is a throw-away SQLite file, migrated at start, unless BENCH_DATABASE_URL
is set (that database is then migrated and used; the users and courses the script adds
are deleted at the end, the demo catalogue too when the script loaded it). Nothing here
asserts on wall-clock time or weight: the figures are for reading and for comparing
runs on the same machine; budgets are printed next to them. The last line of output is
JSON.

To add a page, add a Case to CASES (its path may depend on the objects that
`bench_data()` creates; add those there).
"""

from __future__ import annotations

import argparse
import copy
import gc
import gzip
import json
import os
import statistics
import sys
import tempfile
import time
import types
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: benchmarks/ alone is on the path
    sys.path.insert(0, str(REPO))

from benchmarks.harness import bench_data_new, cleanup, django_start  # noqa: E402


@dataclass(frozen=True)
class Case:
    name: str
    path: str | Callable[[dict], str]  # a URL path, or a function of bench_data()
    user: str | None = None  # a key of bench_data() to log in as; None: anonymous


CASES = [
    Case("home, anonymous", "/"),
    Case("home, learner with a profile", "/", user="learner"),
    Case("catalogue, anonymous", "/cours/"),
    Case("demo lesson, enrolled learner", lambda d: d["demo_lesson_url"], "learner"),
]

# Page weight: HTML + linked CSS + JS, gzipped, images aside.
WEIGHT_CASES = [
    Case("catalogue, anonymous", "/cours/"),
    Case("demo lesson, enrolled learner", lambda d: d["demo_lesson_url"], "learner"),
]
WEIGHT_BUDGET_KB = 60  # kB = 1000 bytes, as browsers' developer tools count them
GZIP_LEVEL = 6

# The lesson page against a bare Wagtail page with the same body.
BARE_LESSON_BUDGET = 1.3
BARE_LESSON_TEMPLATE_NAME = "campus_bench/bare_lesson.html"
BARE_LESSON_TEMPLATE = (
    "{% load wagtailcore_tags %}<!DOCTYPE html>\n"
    '<html lang="fr"><head><meta charset="utf-8"><title>{{ page.title }}</title></head>\n'
    "<body>{% for block in page.body %}{% include_block block %}{% endfor %}</body>\n"
    "</html>\n"
)

# Query counts by course size: (label, modules, lessons per module).
COURSE_SIZES = [("10 lessons", 2, 5), ("200 lessons", 10, 20)]
SIZE_PAGES = [  # (page, key of the course's URLs, user)
    ("catalogue (filtered on the course's topic)", "catalogue", None),
    ("course", "course", None),
    ("course, enrolled learner", "course", "learner"),
    ("lesson in the middle, enrolled learner", "lesson", "learner"),
]
SIZE_TIMED_REQUESTS = 30  # at most; fewer when --requests is lower

# The learner journey (issue "learner journey"), measured after everything above: its
# courses and learners are built only then, so the figures above stay comparable
# with earlier runs (20 more courses would change the catalogue and the home page).
JOURNEY_DONE = 3  # lessons the journey learner has completed in each course
JOURNEY_POSTS = 3  # measured "mark complete" POSTs per course, after one warm-up POST
JOURNEY_TIMED_REQUESTS = 10  # median ms of the journey pages by size and dashboards
JOURNEY_PAGES = [  # (row, kind)
    ("course page with progress", "course"),
    ("lesson page with navigation (middle lesson)", "lesson"),
    ("mark complete POST (a new lesson each time)", "complete"),
]
DASHBOARD_ENROLMENTS = [1, 20]  # small courses: 1 module of 2 lessons, 1 lesson done
PROGRESS_BUDGET = 1.5  # demo course page: enrolled learner with progress / anonymous
PROGRESS_MIN_REQUESTS = 50  # timed requests of that ratio, whatever --requests says


def bench_data() -> dict:
    """The objects the cases need. Returns them by name; removed again by `cleanup`."""
    from courses.demo import demo_catalogue_load
    from courses.demo_catalogue import COURSES
    from courses.models import CoursePage, LessonPage
    from learners.services import enrollment_create
    from tests.factories.courses import course_create, topic_create
    from tests.factories.learners import ProfileFactory

    data = bench_data_new()
    profile = ProfileFactory(
        user__email=f"bench-{uuid.uuid4().hex[:12]}@ville.example",
        user__first_name="Awa",
    )
    learner = data["learner"] = profile.user
    data["_users"].append(learner)

    # The demo catalogue of `make run`, for realistic lessons; its first lesson.
    created = set(demo_catalogue_load())
    demo_course = CoursePage.objects.get(slug=COURSES[0]["slug"])
    if demo_course.title in created:
        data["_pages"].append(demo_course)
    data["_pages"] += [
        page
        for page in CoursePage.objects.filter(title__in=created)
        if page != demo_course
    ]
    demo_lesson = (
        LessonPage.objects.live().descendant_of(demo_course).order_by("path").first()
    )
    enrollment_create(user=learner, course=demo_course)
    data["demo_course"] = demo_course
    data["demo_lesson"] = demo_lesson
    data["demo_lesson_url"] = demo_lesson.get_url()

    # Courses of two sizes, each alone under a topic of its own.
    data["sizes"] = {}
    for label, modules, per_module in COURSE_SIZES:
        tag = uuid.uuid4().hex[:8]
        topic = topic_create(name=f"Bench {label} {tag}", slug=f"bench-{tag}")
        data["_topics"].append(topic)
        course = course_create(
            title=f"Bench {label}",
            slug=f"bench-{tag}",
            modules=modules,
            lessons_per_module=per_module,
            topics=[topic],
        )
        data["_pages"].append(course)
        enrollment_create(user=learner, course=course)
        middle = (
            course.get_children()
            .get(slug=f"module-{(modules + 1) // 2}")
            .get_children()
            .get(slug=f"lecon-{(modules + 1) // 2}-{(per_module + 1) // 2}")
        )
        data.setdefault("size_courses", {})[label] = course
        data["sizes"][label] = {
            "catalogue": f"/cours/?topic={topic.slug}",
            "course": course.get_url(),
            "lesson": middle.get_url(),
        }
    return data


def live_lessons(course) -> list:
    """The live lessons of a course, in outline (tree) order."""
    from courses.models import LessonPage

    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def journey_data(data: dict) -> None:
    """Learners with progress and 20 small courses, added to `data` (and to cleanup).

    - "journey_learner": enrolled in the demo course and in the 10- and 200-lesson
      courses, with their first JOURNEY_DONE lessons completed;
    - "dashboard_1" / "dashboard_20": enrolled in 1 / 20 small courses (1 module of
      2 lessons), the first lesson of each completed: the same progress per course.
    """
    from learners.services import enrollment_create, step_complete
    from tests.factories.courses import course_create
    from tests.factories.learners import ProfileFactory

    def learner_create(key: str):
        profile = ProfileFactory(
            user__email=f"bench-{key.replace('_', '-')}-{uuid.uuid4().hex[:8]}"
            "@ville.example"
        )
        data["_users"].append(profile.user)
        data[key] = profile.user
        return profile.user

    def follow(user, course, done: int) -> list:
        enrollment_create(user=user, course=course)
        lessons = live_lessons(course)
        for lesson in lessons[:done]:
            step_complete(user=user, page=lesson)
        return lessons

    learner = learner_create("journey_learner")
    follow(learner, data["demo_course"], JOURNEY_DONE)
    journey = data["journey"] = {}
    for label, course in data["size_courses"].items():
        lessons = follow(learner, course, JOURNEY_DONE)
        targets = lessons[JOURNEY_DONE : JOURNEY_DONE + 1 + JOURNEY_POSTS]
        if len(targets) != JOURNEY_POSTS + 1 or targets[-1] == lessons[-1]:
            raise SystemExit(f"{label}: too few lessons for the journey benchmark")
        journey[label] = {
            "course": course.get_url(),
            "lesson": lessons[len(lessons) // 2].get_url(),  # not completed
            "complete": targets,  # [warm-up, measured…], none of them completed
        }

    tag = uuid.uuid4().hex[:8]
    courses = []
    for n in range(max(DASHBOARD_ENROLMENTS)):
        course = course_create(
            title=f"Bench dashboard {n + 1:02d} {tag}", modules=1, lessons_per_module=2
        )
        data["_pages"].append(course)
        courses.append(course)
    data["dashboard_titles"] = {}
    for count in DASHBOARD_ENROLMENTS:
        user = learner_create(f"dashboard_{count}")
        for course in courses[:count]:
            follow(user, course, 1)
        data["dashboard_titles"][count] = [course.title for course in courses[:count]]


# --- set-up -------------------------------------------------------------------------


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


def print_sql(name: str, queries: list[str], show: bool) -> None:
    if show:
        print(f"-- {name}: {len(queries)} queries", file=sys.stderr)
        for sql in queries:
            print(f"   {sql}", file=sys.stderr)


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
    print_sql(case.name, queries, show_sql)
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


def case_url(case: Case, data: dict) -> str:
    return case.path(data) if callable(case.path) else case.path


class AssetLinks(HTMLParser):
    """The stylesheets and scripts an HTML page makes the browser download."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        if (
            tag == "link"
            and attrs.get("href")
            and ({"stylesheet", "modulepreload"} & set(rel))
        ):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def gzip_size(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0))


def run_weight(case: Case, data: dict) -> dict:
    """gzip -6 of the HTML plus of every linked stylesheet and script (static files)."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    url = case_url(case, data)
    response = client_for(case, data).get(url)
    if response.status_code != 200:
        raise SystemExit(f"{case.name}: {url} answered {response.status_code}, not 200")
    parser = AssetLinks()
    parser.feed(response.content.decode(response.charset or "utf-8"))
    assets, missing = [], []
    for href in dict.fromkeys(parser.urls):  # each file once, in page order
        path = urlsplit(href).path
        if not path.startswith(settings.STATIC_URL):
            missing.append(href)  # not ours (another host, or not a static file)
            continue
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        if not found:
            missing.append(href)
            continue
        content = Path(found).read_bytes()
        assets.append({"url": href, "bytes": len(content), "gzip": gzip_size(content)})
    html_gzip = gzip_size(response.content)
    total = html_gzip + sum(asset["gzip"] for asset in assets)
    return {
        "case": case.name,
        "path": url,
        "html_bytes": len(response.content),
        "html_gzip": html_gzip,
        "assets": assets,
        "not_counted": missing,
        "total_gzip": total,
        "total_kb": round(total / 1000, 1),
        "budget_kb": WEIGHT_BUDGET_KB,
        "within_budget": total <= WEIGHT_BUDGET_KB * 1000,
    }


@contextmanager
def bare_lesson_pages():
    """LessonPage served as a bare Wagtail page: Page's context, the bare template."""
    from wagtail.models import Page

    from courses.models import LessonPage

    saved = {
        name: LessonPage.__dict__[name]
        for name in ("get_template", "get_context")
        if name in LessonPage.__dict__
    }
    LessonPage.get_template = lambda self, request, *args, **kwargs: (
        BARE_LESSON_TEMPLATE_NAME
    )
    LessonPage.get_context = Page.get_context
    try:
        yield
    finally:
        for name in ("get_template", "get_context"):
            if name in saved:
                setattr(LessonPage, name, saved[name])
            else:
                delattr(LessonPage, name)


def run_bare_lesson(data: dict, requests: int, warmup: int, show_sql: bool) -> dict:
    """The demo lesson page against the same page through the bare template."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    case = Case("demo lesson vs bare Wagtail page", "", user="learner")
    url = data["demo_lesson_url"]
    client = client_for(case, data)

    def get(bare: bool):
        if bare:
            with bare_lesson_pages():
                return client.get(url)
        return client.get(url)

    def timed(bare: bool) -> float:
        if bare:
            with bare_lesson_pages():
                return timed_get(client, url)
        return timed_get(client, url)

    page, bare = get(False), get(True)
    for response in (page, bare):
        if response.status_code != 200:
            raise SystemExit(
                f"{url} answered {response.status_code} during the benchmark"
            )
    if b"<html" not in bare.content or len(bare.content) >= len(page.content):
        raise SystemExit("the bare lesson template was not used")
    for _ in range(warmup):
        get(False)
        get(True)
    counts = {}
    for flag in (False, True):
        with CaptureQueriesContext(connection) as captured:
            get(flag)
        queries = [query["sql"] for query in captured.captured_queries]
        counts[flag] = len(queries)
        print_sql("bare lesson page" if flag else "lesson page", queries, show_sql)

    page_times, bare_times = [], []
    gc.collect()
    for i in range(requests):
        order = (True, False) if i % 2 else (False, True)
        for flag in order:
            (bare_times if flag else page_times).append(timed(flag))
    page_ms = statistics.median(page_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    ratio = page_ms / bare_ms
    return {
        "case": case.name,
        "path": url,
        "page_bytes": len(page.content),
        "bare_bytes": len(bare.content),
        "page_queries": counts[False],
        "bare_queries": counts[True],
        "page_ms": round(page_ms, 3),
        "bare_ms": round(bare_ms, 3),
        "ratio": round(ratio, 2),
        "budget": BARE_LESSON_BUDGET,
        "within_budget": ratio <= BARE_LESSON_BUDGET,
    }


def run_sizes(data: dict, requests: int, show_sql: bool) -> list[dict]:
    """Queries and median time of each page, for each course size."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timed_requests = max(2, min(requests, SIZE_TIMED_REQUESTS))
    rows = []
    for page_label, key, user in SIZE_PAGES:
        row = {"page": page_label, "user": user or "anonymous", "by_size": {}}
        for size_label, urls in data["sizes"].items():
            url = urls[key]
            client = client_for(Case(page_label, url, user), data)
            for _ in range(2):  # a warm session: language, caches
                timed_get(client, url)
            with CaptureQueriesContext(connection) as captured:
                timed_get(client, url)
            # Read now: the next request empties the connection's query log.
            queries = [query["sql"] for query in captured.captured_queries]
            print_sql(f"{page_label}, {size_label}", queries, show_sql)
            times = [timed_get(client, url) for _ in range(timed_requests)]
            row["by_size"][size_label] = {
                "path": url,
                "queries": len(queries),
                "ms": round(statistics.median(times) * 1000, 3),
            }
        rows.append(row)
    return rows


def growth(counts: list[int]) -> str:
    """Counts against the first (smallest) case: "same", "GROWS" or "differs"."""
    if all(count == counts[0] for count in counts):
        return "same"
    return "GROWS" if max(counts[1:]) > counts[0] else "differs"


def logged_in_client(data: dict, user: str):
    return client_for(Case(user, "", user), data)


def measured_get(client, url: str, label: str, show_sql: bool, timed: int) -> dict:
    """Queries of one request on a warm session, then the median of `timed` more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # a warm session: language, caches, course index
        timed_get(client, url)
    with CaptureQueriesContext(connection) as captured:
        timed_get(client, url)
    # Read now: the next request empties the connection's query log.
    queries = [query["sql"] for query in captured.captured_queries]
    print_sql(label, queries, show_sql)
    times = [timed_get(client, url) for _ in range(timed)]
    return {
        "path": url,
        "queries": len(queries),
        "ms": round(statistics.median(times) * 1000, 3),
    }


def complete_url(lesson) -> str:
    from django.urls import reverse

    return reverse("learners:step_complete", args=[lesson.pk])


def timed_complete(client, lesson) -> float:
    """POST "mark complete" for the lesson; it must answer with a redirect."""
    url = complete_url(lesson)
    start = time.perf_counter()
    response = client.post(url)
    elapsed = time.perf_counter() - start
    if response.status_code != 302:
        raise SystemExit(f"{url} answered {response.status_code}, not 302")
    return elapsed


def completion_check(user, lesson) -> None:
    """The view also redirects on refusal: check that the completion was recorded."""
    from learners.models import Completion

    if not Completion.objects.filter(user=user, page_id=lesson.pk).exists():
        raise SystemExit(f"{complete_url(lesson)} did not record the completion")


def run_journey_sizes(data: dict, show_sql: bool) -> list[dict]:
    """Queries of the learner's course page, lesson page and "mark complete" by size.

    The POST completes a different, not yet completed lesson each time (the first
    one untimed, as a warm-up): the queries of a real first click, never the
    shorter path of a repeat. Its count is the highest of the JOURNEY_POSTS.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    learner = data["journey_learner"]
    rows = {
        kind: {"page": label, "user": "journey_learner", "by_size": {}}
        for label, kind in JOURNEY_PAGES
    }
    for size_label, journey in data["journey"].items():
        client = logged_in_client(data, "journey_learner")
        for kind in ("course", "lesson"):  # before any POST changes the progress
            rows[kind]["by_size"][size_label] = measured_get(
                client,
                journey[kind],
                f"{rows[kind]['page']}, {size_label}",
                show_sql,
                JOURNEY_TIMED_REQUESTS,
            )
        warmup, *measured = journey["complete"]
        timed_complete(client, warmup)
        completion_check(learner, warmup)
        counts, times = [], []
        for lesson in measured:
            with CaptureQueriesContext(connection) as captured:
                times.append(timed_complete(client, lesson))
            # Read now, before the check's own query.
            queries = [query["sql"] for query in captured.captured_queries]
            completion_check(learner, lesson)
            print_sql(f"mark complete {lesson.title}, {size_label}", queries, show_sql)
            counts.append(len(queries))
        rows["complete"]["by_size"][size_label] = {
            "path": complete_url(measured[0]),  # the first measured POST
            "lesson": measured[0].get_url(),
            "queries": max(counts),
            "queries_each": counts,
            "ms": round(statistics.median(times) * 1000, 3),
        }
    for row in rows.values():
        row["verdict"] = growth([cell["queries"] for cell in row["by_size"].values()])
    return list(rows.values())


def run_dashboards(data: dict, show_sql: bool) -> dict:
    """Queries (and median ms) of the dashboard with 1 and with 20 enrolments."""
    from django.urls import reverse

    url = reverse("learners:dashboard")
    by_count = {}
    for count in DASHBOARD_ENROLMENTS:
        client = logged_in_client(data, f"dashboard_{count}")
        html = client.get(url).content.decode()
        missing = [t for t in data["dashboard_titles"][count] if t not in html]
        if missing:
            raise SystemExit(f"the dashboard does not list {missing[0]!r}")
        cell = measured_get(
            client,
            url,
            f"dashboard, {count} enrolments",
            show_sql,
            JOURNEY_TIMED_REQUESTS,
        )
        by_count[str(count)] = cell
    counts = [cell["queries"] for cell in by_count.values()]
    return {"path": url, "by_enrolments": by_count, "verdict": growth(counts)}


def run_progress_vs_anonymous(
    data: dict, requests: int, warmup: int, show_sql: bool
) -> dict:
    """The demo course page: learner with progress against an anonymous visitor."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = data["demo_course"].get_url()
    clients = {
        "learner": logged_in_client(data, "journey_learner"),
        "anonymous": client_for(Case("anonymous", url), data),
    }
    sizes, counts, times = {}, {}, {"learner": [], "anonymous": []}
    for who, client in clients.items():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code} to {who}")
        sizes[who] = len(response.content)
    if sizes["learner"] == sizes["anonymous"]:
        print("note: the course page is the same size for both", file=sys.stderr)
    for _ in range(warmup):
        for client in clients.values():
            client.get(url)
    for who, client in clients.items():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries = [query["sql"] for query in captured.captured_queries]
        counts[who] = len(queries)
        print_sql(f"demo course page, {who}", queries, show_sql)
    gc.collect()
    for i in range(requests):  # interleaved, alternating which goes first
        order = ("anonymous", "learner") if i % 2 else ("learner", "anonymous")
        for who in order:
            times[who].append(timed_get(clients[who], url))
    medians = {who: statistics.median(t) * 1000 for who, t in times.items()}
    ratio = medians["learner"] / medians["anonymous"]
    return {
        "path": url,
        "requests": requests,
        "warmup": warmup,
        "completed_lessons": JOURNEY_DONE,
        "learner_bytes": sizes["learner"],
        "anonymous_bytes": sizes["anonymous"],
        "learner_queries": counts["learner"],
        "anonymous_queries": counts["anonymous"],
        "learner_ms": round(medians["learner"], 3),
        "anonymous_ms": round(medians["anonymous"], 3),
        "learner_p90_ms": round(
            statistics.quantiles(times["learner"], n=10)[-1] * 1000, 3
        ),
        "anonymous_p90_ms": round(
            statistics.quantiles(times["anonymous"], n=10)[-1] * 1000, 3
        ),
        "ratio": round(ratio, 2),
        "budget": PROGRESS_BUDGET,
        "within_budget": ratio <= PROGRESS_BUDGET,
    }


def run_journey(data: dict, requests: int, warmup: int, show_sql: bool) -> dict:
    """Builds the journey's learners and courses, then measures the three budgets."""
    journey_data(data)
    return {
        "completed_lessons": JOURNEY_DONE,
        "complete_post": (
            "a different, not yet completed lesson on each request (one warm-up POST,"
            f" then {JOURNEY_POSTS} measured; queries: the highest)"
        ),
        "by_size": run_journey_sizes(data, show_sql),
        "dashboard": run_dashboards(data, show_sql),
        "course_progress_vs_anonymous": run_progress_vs_anonymous(
            data, max(requests, PROGRESS_MIN_REQUESTS), warmup, show_sql
        ),
    }


def print_rows(header: tuple, rows: list[tuple], left: int = 1) -> None:
    """Columns padded to their widest cell; the first `left` ones left-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for n, row in enumerate([header, *rows]):
        cells = [
            cell.ljust(width) if i < left else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * width for width in widths))


def print_weights(weights: list[dict]) -> None:
    print(
        f"\nPage weight: HTML + linked CSS/JS, gzip -{GZIP_LEVEL}, images aside"
        f" (kB = 1000 bytes); budget {WEIGHT_BUDGET_KB} kB."
    )
    rows = []
    for w in weights:
        assets = sum(asset["gzip"] for asset in w["assets"])
        rows.append(
            (
                w["case"],
                w["path"],
                f"{w['html_bytes'] / 1000:.1f}",
                f"{w['html_gzip'] / 1000:.1f}",
                f"{len(w['assets'])}",
                f"{assets / 1000:.1f}",
                f"{w['total_kb']:.1f}",
                "ok" if w["within_budget"] else "OVER",
            )
        )
    print_rows(
        (
            "page",
            "path",
            "HTML kB",
            "HTML gz",
            "files",
            "CSS+JS gz",
            "total gz",
            "60 kB",
        ),
        rows,
        left=2,
    )
    for w in weights:
        for asset in w["assets"]:
            print(
                f"  {w['case']}: {asset['url']} {asset['bytes'] / 1000:.1f} kB,"
                f" {asset['gzip'] / 1000:.1f} kB gzipped"
            )
        for href in w["not_counted"]:
            print(f"  {w['case']}: {href} not counted (not a local static file)")


def print_bare(bare: dict) -> None:
    print(
        "\nDemo lesson against a bare Wagtail page with the same body (same URL, same"
        " learner; medians, interleaved):"
    )
    print_rows(
        ("", "bytes", "queries", "median ms"),
        [
            (
                "lesson page",
                str(bare["page_bytes"]),
                str(bare["page_queries"]),
                f"{bare['page_ms']:.2f}",
            ),
            (
                "bare page",
                str(bare["bare_bytes"]),
                str(bare["bare_queries"]),
                f"{bare['bare_ms']:.2f}",
            ),
        ],
    )
    verdict = "within" if bare["within_budget"] else "OVER"
    print(f"ratio {bare['ratio']:.2f}× ({verdict} the {bare['budget']}× budget)")


def print_sizes(sizes: list[dict]) -> None:
    labels = [label for label, _, _ in COURSE_SIZES]
    print("\nQueries (and median ms) by course size:")
    rows = []
    for row in sizes:
        cells = [row["page"]]
        for label in labels:
            cell = row["by_size"][label]
            cells += [str(cell["queries"]), f"{cell['ms']:.2f}"]
        rows.append(tuple(cells))
    header = ["page"]
    for label in labels:
        header += [f"queries {label}", "ms"]
    print_rows(tuple(header), rows)
    for label in labels:
        paths = dict.fromkeys(row["by_size"][label]["path"] for row in sizes)
        print(f"  {label}: {', '.join(paths)}")


def print_journey(journey: dict) -> None:
    labels = [label for label, _, _ in COURSE_SIZES]
    print(
        f"\nLearner journey: queries (and median ms) by course size, enrolled learner"
        f" with {journey['completed_lessons']} lessons completed; must be the same:"
    )
    rows = []
    for row in journey["by_size"]:
        cells = [row["page"]]
        for label in labels:
            cell = row["by_size"][label]
            cells += [str(cell["queries"]), f"{cell['ms']:.2f}"]
        rows.append((*cells, row["verdict"]))
    header = ["page"]
    for label in labels:
        header += [f"queries {label}", "ms"]
    print_rows((*header, "10 → 200"), rows)
    print(f"  mark complete: {journey['complete_post']}.")
    for row in journey["by_size"]:
        for label in labels:
            each = row["by_size"][label].get("queries_each")
            if each and len(set(each)) > 1:
                print(f"  note: {row['page']}, {label}: queries vary {each}")
    for label in labels:
        course, lesson, post = (row["by_size"][label] for row in journey["by_size"])
        print(
            f"  {label}: {course['path']}, {lesson['path']}; first measured POST"
            f" {post['path']} ({post['lesson']})"
        )

    dashboard = journey["dashboard"]
    print(
        f"\nDashboard {dashboard['path']}: queries (and median ms) by number of"
        " enrolments (courses of 2 lessons, 1 completed in each); must be the same:"
    )
    cells, header = ["dashboard"], ["page"]
    for count, cell in dashboard["by_enrolments"].items():
        plural = "s" if count != "1" else ""
        header += [f"queries {count} enrolment{plural}", "ms"]
        cells += [str(cell["queries"]), f"{cell['ms']:.2f}"]
    print_rows((*header, "1 → 20"), [(*cells, dashboard["verdict"])])

    ratio = journey["course_progress_vs_anonymous"]
    print(
        f"\nDemo course page {ratio['path']}: enrolled learner with"
        f" {ratio['completed_lessons']} lessons completed against an anonymous visitor"
        f" ({ratio['requests']} requests each after {ratio['warmup']} warm-up,"
        " interleaved; medians):"
    )
    print_rows(
        ("", "bytes", "queries", "median ms", "p90 ms"),
        [
            (
                "learner with progress",
                str(ratio["learner_bytes"]),
                str(ratio["learner_queries"]),
                f"{ratio['learner_ms']:.2f}",
                f"{ratio['learner_p90_ms']:.2f}",
            ),
            (
                "anonymous",
                str(ratio["anonymous_bytes"]),
                str(ratio["anonymous_queries"]),
                f"{ratio['anonymous_ms']:.2f}",
                f"{ratio['anonymous_p90_ms']:.2f}",
            ),
        ],
    )
    verdict = "within" if ratio["within_budget"] else "OVER"
    print(f"ratio {ratio['ratio']:.2f}× ({verdict} the {ratio['budget']}× budget)")


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
        overrides = {"ROOT_URLCONF": bench_urlconf(), "TEMPLATES": templates}
        if not os.environ.get("BENCH_DATABASE_URL"):
            # Demo pictures and renditions go away with the throw-away database.
            overrides["MEDIA_ROOT"] = Path(tmpdir) / "media"

        with override_settings(**overrides):
            print("Loading the demo catalogue and building courses…", file=sys.stderr)
            data = bench_data()
            try:
                results = [
                    run_case(i, case, data, args.requests, args.warmup, args.sql)
                    for i, case in enumerate(CASES)
                ]
                weights = [run_weight(case, data) for case in WEIGHT_CASES]
                bare = run_bare_lesson(data, args.requests, args.warmup, args.sql)
                sizes = run_sizes(data, args.requests, args.sql)
                journey = run_journey(data, args.requests, args.warmup, args.sql)
                quizzes = run_quizzes(data)
                certificates = run_certificates(data)
                reports = run_reports(data)
            finally:
                cleanup(data)
                connections.close_all()

        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        print(
            f"\n{args.requests} requests each after {args.warmup} warm-up, interleaved;"
            f" medians. Database: {connection.vendor} ({db_label}); cache: {cache}."
        )
        print_table(results)
        print_weights(weights)
        print_bare(bare)
        print_sizes(sizes)
        print_journey(journey)
        print_quizzes(quizzes)
        print_certificates(certificates)
        print_reports(reports)
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
                    "weights": weights,
                    "bare_lesson": bare,
                    "course_sizes": sizes,
                    "learner_journey": journey,
                    "quizzes": quizzes,
                    "certificates": certificates,
                    "reports": reports,
                },
                ensure_ascii=False,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
