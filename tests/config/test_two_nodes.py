"""Two web nodes behind one address: what is done on one is seen on the other.

Two `make serve` nodes (production settings, gunicorn, two workers each) on two
ports share one PostgreSQL database, one Redis and one S3 bucket, as several
machines behind a load balancer would (README: "Running several web nodes"). The
test is the load balancer: every request carries the site's public host name, and
each check sends its requests to the node it chooses, with the cookies one browser
would keep.

What the nodes share, made for this test alone and removed at the end:
- the database `campus_nodes_<pid>` on the PostgreSQL server of DATABASE_URL,
  created empty (node A migrates it, then the people and course are added);
- Redis database TWO_NODES_REDIS_DB (6 unless set) of the server of REDIS_URL,
  under a cache key prefix of this run, whose keys are deleted at the end;
- a bucket on moto's S3 server, on a free port.
The nodes listen on two free ports (TWO_NODES_PORTS="8611,8612" chooses them).
Celery's broker is left out: no worker runs here, so tasks run in-process, as
without a broker; nothing checked here goes through it. Each node has its own
STATIC_ROOT (collectstatic) and its own, empty, MEDIA_ROOT.
"""

import io
import json
import os
import shutil
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from PIL import Image

from courses.models import CoursePage, LessonPage
from tests.nodes import (
    WebNode,
    cache_keys_delete,
    form_data,
    free_port,
    manage,
    scratch_database,
    stream_form_data,
    stream_form_states,
    url_with_path,
)
from tests.s3_server import CREDENTIALS, REGION, s3_client, s3_server

pytest.importorskip(
    "moto.server", reason="moto[server] is not installed: pip install -e '.[dev]'"
)
requests = pytest.importorskip("requests")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(not shutil.which("make"), reason="needs make (`make serve`)"),
]

PUBLIC_HOST = "campus.test"
BUCKET = "campus-nodes"
LOGIN_FORM = '//form[contains(@action, "/accounts/login/")]'


@dataclass
class Cluster:
    a: WebNode
    b: WebNode
    database_url: str
    s3_endpoint: str
    media_roots: list[Path]
    seed: dict


def _ports() -> tuple[int, int]:
    chosen = os.environ.get("TWO_NODES_PORTS")
    if chosen:
        first, second = (int(port) for port in chosen.split(","))
        return first, second
    first = free_port()
    second = free_port()
    while second == first:
        second = free_port()
    return first, second


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Nodes A and B started (A first: it migrates), stopped at the end whatever
    happens, with the database, the bucket and the cache keys they used."""
    tmp = tmp_path_factory.mktemp("two-nodes")
    redis_url = url_with_path(
        os.environ["REDIS_URL"], os.environ.get("TWO_NODES_REDIS_DB", "6")
    )
    prefix = f"campus-nodes-{uuid.uuid4().hex[:8]}"
    port_a, port_b = _ports()
    with ExitStack() as stack:
        database_url = stack.enter_context(
            scratch_database(os.environ["DATABASE_URL"], f"campus_nodes_{os.getpid()}")
        )
        endpoint = stack.enter_context(s3_server(BUCKET))
        stack.callback(cache_keys_delete, redis_url, prefix)
        shared = {
            "SECRET_KEY": uuid.uuid4().hex * 2,
            "ALLOWED_HOSTS": PUBLIC_HOST,
            "CAMPUS_BASE_URL": f"http://{PUBLIC_HOST}",
            "HTTPS": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": prefix,
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": REGION,
            **CREDENTIALS,
            "WEB_CONCURRENCY": "2",
            "LOG_LEVEL": "WARNING",
        }

        def node_env(name):
            return {
                **shared,
                "STATIC_ROOT": str(tmp / f"static-{name}"),
                "MEDIA_ROOT": str(tmp / f"media-{name}"),
                # Two gunicorns on one machine: a control socket each.
                "GUNICORN_CMD_ARGS": f"--control-socket={tmp}/gunicorn-{name}.ctl",
            }

        a = WebNode("A", port_a, node_env("A"), tmp / "node-A.log")
        stack.callback(a.stop)
        a.wait(host=PUBLIC_HOST)
        b = WebNode("B", port_b, node_env("B"), tmp / "node-B.log")
        stack.callback(b.stop)
        # While B collects its static files, the people and the course are added.
        seed = manage(
            node_env("A"),
            "shell",
            "-c",
            "from tests.nodes import nodes_seed; nodes_seed()",
        )
        b.wait(host=PUBLIC_HOST)
        yield Cluster(
            a=a,
            b=b,
            database_url=database_url,
            s3_endpoint=endpoint,
            media_roots=[tmp / "media-A", tmp / "media-B"],
            seed=json.loads(seed.strip().splitlines()[-1]),
        )


def _browser():
    """A browser with no cookies yet, reaching every node under the site's name."""
    session = requests.Session()
    session.headers.update({"Host": PUBLIC_HOST, "Accept-Language": "fr"})
    return session


def _login(browser, node, email, password):
    """The login form of ``node`` filled in and sent: the answer (not followed)."""
    form = browser.get(f"{node.url}/accounts/login/")
    assert form.status_code == 200, f"node {node.name}: login form {form.status_code}"
    data = dict(form_data(form.text, LOGIN_FORM))
    data.update(login=email, password=password)
    return browser.post(f"{node.url}/accounts/login/", data=data, allow_redirects=False)


def _logged_in(cluster, email, node=None):
    browser = _browser()
    answer = _login(browser, node or cluster.a, email, cluster.seed["password"])
    assert answer.status_code == 302, f"{email} could not log in: {answer.text[:500]}"
    return browser


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def _heading(html: str) -> str:
    (heading,) = lxml.html.fromstring(html).xpath("//main//h1")
    return " ".join(heading.text_content().split())


def _publish(browser, node, model, page_id: int, title: str):
    """Edit the page in Wagtail's admin on ``node``: its form sent back as it is,
    with a new title, by "Publish"; the answer (not followed)."""
    url = f"{node.url}/admin/pages/{page_id}/edit/"
    form = browser.get(url)
    assert form.status_code == 200, f"edit form of page {page_id}: {form.status_code}"
    data = [
        (name, value)
        for name, value in form_data(
            form.text, f'//form[@action="{url[len(node.url) :]}"]'
        )
        if name != "title"
    ]
    data += [("title", title), ("action-publish", "action-publish")]
    for name, state in stream_form_states(form.text).items():
        block = model._meta.get_field(name).stream_block
        data += list(stream_form_data(block, state, name).items())
    return browser.post(url, data=data, allow_redirects=False)


def test_a_learner_logged_in_on_node_a_carries_on_on_node_b(cluster):
    """The session made by A's login opens the learner's own pages on B."""
    learner = _logged_in(cluster, cluster.seed["learner"])

    dashboard = learner.get(f"{cluster.b.url}/mon-parcours/", allow_redirects=False)
    lesson = learner.get(
        f"{cluster.b.url}{cluster.seed['lesson']['url']}", allow_redirects=False
    )

    assert dashboard.status_code == 200, (
        f"B answered {dashboard.status_code} ({dashboard.headers.get('Location')}) "
        "to the session made on A: sessions are not shared"
    )
    assert "Awa Diop" in _text(dashboard.text), "B's « Mon parcours » is not Awa's"
    assert f'href="{cluster.seed["course"]["url"]}' in dashboard.text, (
        "B's « Mon parcours » does not list the course Awa is enrolled in"
    )
    assert lesson.status_code == 200, (
        f"the lesson on B answered {lesson.status_code} "
        f"({lesson.headers.get('Location')}) to Awa, logged in on A"
    )
    assert "La commune vote son budget" in _text(lesson.text)


def test_an_image_uploaded_through_node_a_is_served_by_node_b(cluster):
    """An image added in A's admin is shown by B's admin, from the shared bucket."""
    import psycopg

    admin = _logged_in(cluster, cluster.seed["admin"])
    png = io.BytesIO()
    Image.new("RGB", (1200, 800), "#2a7ab0").save(png, format="PNG")
    add_form = admin.get(f"{cluster.a.url}/admin/images/add/")
    data = dict(form_data(add_form.text, '//form[contains(@action, "/images/add/")]'))
    data["title"] = "Hôtel de ville de Dakar"
    uploaded = admin.post(
        f"{cluster.a.url}/admin/images/add/",
        data=data,
        files={"file": ("hotel-de-ville.png", png.getvalue(), "image/png")},
        allow_redirects=False,
    )
    assert uploaded.status_code == 302, f"upload on A refused: {uploaded.text[:800]}"
    with psycopg.connect(cluster.database_url) as conn:
        (image_id,) = conn.execute(
            "SELECT id FROM wagtailimages_image WHERE title = %s",
            ["Hôtel de ville de Dakar"],
        ).fetchone()

    # B's edit page shows a preview size A never made: B reads the original.
    edit = admin.get(f"{cluster.b.url}/admin/images/{image_id}/")
    assert edit.status_code == 200, f"B's edit page of the image: {edit.status_code}"
    sources = [
        img.get("src")
        for img in lxml.html.fromstring(edit.text).xpath("//img")
        if img.get("src", "").startswith(f"{cluster.s3_endpoint}/{BUCKET}/")
    ]
    assert sources, "B's page shows no image from the bucket"
    preview = requests.get(sources[0], timeout=10)
    stored = {
        item["Key"]
        for item in s3_client(cluster.s3_endpoint).list_objects_v2(Bucket=BUCKET)[
            "Contents"
        ]
    }
    on_disk = [path for root in cluster.media_roots for path in root.rglob("*")]

    assert preview.status_code == 200, f"{sources[0]} answered {preview.status_code}"
    assert preview.headers["Content-Type"].startswith("image/")
    assert Image.open(io.BytesIO(preview.content)).size == (800, 533)
    assert "original_images/hotel-de-ville.png" in stored, sorted(stored)
    assert on_disk == [], f"media written on a node's own disk: {on_disk}"


def test_a_page_published_through_node_a_is_fresh_on_node_b(cluster):
    """A lesson and a course published in A's admin show their new titles on B at
    once, to the enrolled learner and to an anonymous visitor, who had just seen
    (and B had just cached) the old ones."""
    seed = cluster.seed
    learner = _logged_in(cluster, seed["learner"])
    visitor = _browser()
    lesson_url = f"{cluster.b.url}{seed['lesson']['url']}"
    course_url = f"{cluster.b.url}{seed['course']['url']}"
    old_lesson = _heading(learner.get(lesson_url).text)
    old_course = _heading(visitor.get(course_url).text)
    admin = _logged_in(cluster, seed["admin"])

    lesson_published = _publish(
        admin, cluster.a, LessonPage, seed["lesson"]["id"], "Voter le budget en conseil"
    )
    course_published = _publish(
        admin,
        cluster.a,
        CoursePage,
        seed["course"]["id"],
        "Budget participatif, deuxième édition",
    )
    lesson = learner.get(lesson_url, allow_redirects=False)
    course = visitor.get(course_url, allow_redirects=False)

    assert old_lesson == "Leçon 1.1" and old_course == "Budget participatif"
    assert lesson_published.status_code == 302, _text(lesson_published.text)[:800]
    assert course_published.status_code == 302, _text(course_published.text)[:800]
    assert lesson.status_code == 200, f"lesson on B: {lesson.status_code}"
    assert _heading(lesson.text) == "Voter le budget en conseil", (
        "B still shows the lesson's old title to the learner after A published it"
    )
    assert course.status_code == 200, f"course on B: {course.status_code}"
    assert _heading(course.text) == "Budget participatif, deuxième édition", (
        "B still shows the course's old title to an anonymous visitor"
    )


def test_failed_logins_counted_on_node_a_lock_the_account_on_node_b(cluster):
    """After the allowed wrong passwords on A, B refuses even the right one."""
    from allauth.account.adapter import DefaultAccountAdapter

    email = cluster.seed["guessed"]
    wrong = [
        _login(_browser(), cluster.a, email, "pas-le-bon-mot-de-passe")
        for _ in range(5)
    ]
    browser = _browser()
    refused = _login(browser, cluster.b, email, cluster.seed["password"])
    too_many = str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])

    assert [answer.status_code for answer in wrong] == [200] * 5
    assert refused.status_code == 200, (
        "B let the account in after 5 wrong passwords on A: "
        "the failed-login counter is not shared"
    )
    assert too_many in _text(refused.text)
    assert "sessionid" not in browser.cookies
