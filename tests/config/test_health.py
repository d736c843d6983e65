"""`/health/` tells a load balancer whether every configured service answers."""

import json

import pytest

pytestmark = pytest.mark.django_db

CLOSED_PORT_REDIS = "redis://127.0.0.1:1/0"


def test_health_is_ok_in_the_embedded_mode(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/health/")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["status"] == "ok"
    assert data["checks"]["database"]["status"] == "ok"
    assert data["checks"]["cache"]["status"] == "ok"
    assert data["checks"]["broker"]["status"] == "not configured"
    assert "no-cache" in response["Cache-Control"]


def test_health_is_503_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CLOSED_PORT_REDIS,
        }
    }
    response = client.get("/health/")
    assert response.status_code == 503
    data = json.loads(response.content)
    assert data["status"] == "error"
    assert data["checks"]["cache"]["status"] == "error"
    assert data["checks"]["database"]["status"] == "ok"


def test_health_is_503_when_the_configured_broker_is_down(client, settings):
    from config.celery import app

    saved = app.conf.broker_url
    settings.CELERY_BROKER_URL = CLOSED_PORT_REDIS
    app.conf.broker_url = CLOSED_PORT_REDIS
    app._pool = None
    try:
        response = client.get("/health/")
    finally:
        app.conf.broker_url = saved
        app._pool = None
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["broker"]["status"] == "error"


def _health_with_closed_broker(client, settings, url=CLOSED_PORT_REDIS):
    from tests.redis_server import celery_broker

    with celery_broker(url, settings):
        return client.get("/health/")


def test_health_shows_only_states_to_anonymous_callers(client, settings):
    """Anonymous: states only, no broker host, port or error text."""
    response = _health_with_closed_broker(client, settings)
    assert response.status_code == 503
    data = json.loads(response.content)
    assert data["checks"]["broker"] == {"status": "error"}
    assert "outbox" not in data
    assert "127.0.0.1" not in response.content.decode()


def test_health_shows_only_states_to_a_learner(client, settings):
    """A logged-in learner is no staff: states only."""
    from tests.factories.learners import UserFactory

    client.force_login(UserFactory())
    response = _health_with_closed_broker(client, settings)
    assert "127.0.0.1" not in response.content.decode()


def test_health_shows_the_broker_address_and_error_to_staff(client, settings):
    """Superusers see where the broker is (password masked), why it failed, and
    the outbox counts."""
    from tests.factories.learners import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = _health_with_closed_broker(
        client, settings, "redis://:s3cret@127.0.0.1:1/0"
    )
    broker = json.loads(response.content)["checks"]["broker"]
    assert broker["status"] == "error"
    assert "127.0.0.1:1/0" in broker["target"]
    assert "s3cret" not in response.content.decode()
    assert broker["error"]
    assert json.loads(response.content)["outbox"] == {
        "pending": 0,
        "sent": 0,
        "failed": 0,
    }


@pytest.mark.redis
def test_health_is_ok_with_real_redis_cache_and_broker(client):
    """On CI: the real Redis cache and broker answer, and the database is PostgreSQL or SQLite."""
    response = client.get("/health/")
    data = json.loads(response.content)
    assert response.status_code == 200, data
    assert data["checks"]["broker"]["status"] == "ok"
    assert data["checks"]["cache"]["status"] == "ok"


def test_health_refuses_post(client):
    assert client.post("/health/").status_code == 405
