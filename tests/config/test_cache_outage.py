"""A hung Redis cache (SIGSTOP) costs a page its timeout, never a 500."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from config.cache import ResilientRedisCache
from courses.models import LessonPage
from learners.models import Completion
from learners.services import enrollment_create
from tests.certificates.conftest import course, design, learner  # noqa: F401
from tests.redis_server import RedisServer, redis_available

pytestmark = pytest.mark.django_db


@pytest.fixture
def hung_cache(settings, tmp_path):
    """The default cache on a redis-server of this test's own, then frozen."""
    if not redis_available():
        pytest.skip("needs redis-server (apt-get install redis-server)")
    server = RedisServer(tmp_path)
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": server.url(0),
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
        }
    }
    ResilientRedisCache._down_until = 0.0
    cache.set("probe", "answered")
    assert cache.get("probe") == "answered"  # a working Redis first
    server.stop()
    yield server
    server.shutdown()
    ResilientRedisCache._down_until = 0.0


def test_pages_and_progress_work_while_the_redis_cache_hangs(
    client,
    hung_cache,
    course,  # noqa: F811
    learner,  # noqa: F811
):
    """The catalogue, a lesson and "mark complete" answer normally with Redis hung;
    the completion is recorded."""
    assert cache.get("probe") is None  # a miss, not an exception
    cache.set("other", "dropped")  # a dropped write, not an exception
    enrollment_create(user=learner, course=course)
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    client.force_login(learner)

    assert client.get("/cours/").status_code == 200
    assert client.get(lesson.url).status_code == 200
    response = client.post(reverse("learners:step_complete", args=[lesson.pk]))

    assert response.status_code == 302
    assert Completion.objects.filter(user=learner, page=lesson).exists()


def test_health_still_reports_the_hung_cache(client, hung_cache):
    """/health/ says the cache is failing (503), even though pages carry on."""
    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["status"] == "error"
