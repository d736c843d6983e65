"""`/health/`: is every service this instance is configured with answering?

Load balancers and the site admin poll it. A service that is not configured (no
broker in the embedded mode) is reported as such and does not fail the check.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

OK = "ok"
NOT_CONFIGURED = "not configured"


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

    with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=1, timeout=3)
    return OK


CHECKS = {"database": _check_database, "cache": _check_cache, "broker": _check_broker}


@never_cache
@require_GET
def health(request):
    results = {}
    healthy = True
    for name, check in CHECKS.items():
        try:
            results[name] = {"status": check()}
        except Exception as exc:  # any failure of a service means "unhealthy"
            healthy = False
            results[name] = {"status": "error", "error": f"{type(exc).__name__}: {exc}"}
    return JsonResponse(
        {"status": OK if healthy else "error", "checks": results},
        status=200 if healthy else 503,
    )
