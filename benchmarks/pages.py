"""The page figures of ``make bench``: pages against a bare Django view, page weight,
the lesson against a bare Wagtail page, and query counts by course size.

See ``benchmarks/run.py`` for what each measures; ``bench_data`` builds what they need.
"""

from __future__ import annotations

import gc
import gzip
import statistics
import sys
import types
import uuid
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.harness import (
    Case,
    bench_data_new,
    client_for,
    print_rows,
    print_sql,
    timed_get,
)

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
BARE_LESSON_BUDGET = 1.15  # issue 14
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


def bench_data() -> dict:
    """The objects the cases need. Returns them by name; removed again by `cleanup`."""
    from courses.models import CoursePage, LessonPage
    from demo.catalogue import course_data_list, demo_catalogue_load
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
    demo_course = CoursePage.objects.get(slug=course_data_list()[0]["slug"])
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
    verdict = "PASS" if bare["within_budget"] else "MISS"
    print(f"ratio {bare['ratio']:.2f}× (budget <= {bare['budget']}×: {verdict})")


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
