"""The learner-journey figures of ``make bench``, measured after the page figures:
queries by course size with progress, the dashboard by enrolments, and the course page
with progress against an anonymous visitor (see ``benchmarks/run.py``).
"""

from __future__ import annotations

import gc
import statistics
import sys
import uuid

from benchmarks.harness import (
    Case,
    client_for,
    print_rows,
    print_sql,
    timed_get,
    timed_response,
)
from benchmarks.pages import COURSE_SIZES

# The learner journey (issue "learner journey"), measured after the page figures: its
# courses and learners are built only then, so those figures stay comparable with
# earlier runs (20 more courses would change the catalogue and the home page).
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
    return timed_response(client.post, complete_url(lesson), expected=302)


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
