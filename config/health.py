"""`/health/`: is every service this instance is configured with answering?

Load balancers and the site admin poll it. A service that is not configured (no
broker in the embedded mode) is reported as such and does not fail the check.

Every check is bounded: the broker and the cache have socket timeouts
(``CELERY_BROKER_TIMEOUT``, ``REDIS_TIMEOUT``), and both run in worker threads that
the view waits for ``HEALTH_CHECK_TIMEOUT`` seconds at most, so a hung Redis answers
503 in about that time instead of hanging the caller. Anonymous callers get the
states only; staff see the broker's address, the errors and the outbox's counts.
"""

import uuid
from concurrent.futures import ThreadPoolExecutor, wait

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

OK = "ok"
NOT_CONFIGURED = "not configured"
TIMEOUT = "timeout"

#: Threads for the checks that talk to Redis; a check stuck on a hung server keeps
#: its thread until its socket timeout, so there are a few spare ones.
_executor = ThreadPoolExecutor(max_workers=6, thread_name_prefix="health")


def health_check_timeout() -> float:
    return getattr(settings, "HEALTH_CHECK_TIMEOUT", 1.5)


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return OK


def _check_cache() -> str:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != "1":
        raise RuntimeError("value written to the cache could not be read back")
    return OK


def _check_broker() -> str:
    if not settings.CELERY_BROKER_URL:
        return NOT_CONFIGURED
    from config.celery import app

    # The app's transport options carry the socket timeouts; no retry here.
    with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=0, timeout=health_check_timeout())
    return OK


#: Checks run in the request's thread (the database connection is per thread).
INLINE_CHECKS = {"database": _check_database}
#: Checks run in worker threads, under the deadline.
BOUNDED_CHECKS = {"cache": _check_cache, "broker": _check_broker}


def _broker_target() -> str:
    if not settings.CELERY_BROKER_URL:
        return ""
    from kombu import Connection

    return Connection(settings.CELERY_BROKER_URL).as_uri()  # password masked


def _outbox_counts() -> dict:
    from outbox.selectors import outbox_counts_get

    return outbox_counts_get()


def _error(exc: BaseException) -> dict:
    return {"status": "error", "error": f"{type(exc).__name__}: {exc}"}


def health_results() -> dict[str, dict]:
    """The state of each service: {"status": "ok" | "not configured" | "error" |
    "timeout", "error": detail}; returns within about ``HEALTH_CHECK_TIMEOUT``."""
    futures = {name: _executor.submit(check) for name, check in BOUNDED_CHECKS.items()}
    results = {}
    for name, check in INLINE_CHECKS.items():
        try:
            results[name] = {"status": check()}
        except Exception as exc:  # any failure of a service means "unhealthy"
            results[name] = _error(exc)
    wait(futures.values(), timeout=health_check_timeout())
    for name, future in futures.items():
        if not future.done():
            future.cancel()
            results[name] = {
                "status": TIMEOUT,
                "error": f"no answer within {health_check_timeout()} s",
            }
        elif future.exception() is not None:
            results[name] = _error(future.exception())
        else:
            results[name] = {"status": future.result()}
    return results


@never_cache
@require_GET
def health(request):
    results = health_results()
    healthy = all(r["status"] in (OK, NOT_CONFIGURED) for r in results.values())
    user = request.user
    if user.is_authenticated and (user.is_staff or user.is_superuser):
        results["broker"]["target"] = _broker_target()
        body = {"checks": results}
        if results["database"]["status"] == OK:
            body["outbox"] = _outbox_counts()
    else:  # the states only: no host, port or error text for anonymous callers
        body = {
            "checks": {name: {"status": r["status"]} for name, r in results.items()}
        }
    return JsonResponse(
        {"status": OK if healthy else "error", **body},
        status=200 if healthy else 503,
    )
