"""The Redis cache, carrying on when Redis does not answer.

Campus's cache only saves work (course indexes, rate-limit counters, site roots):
when Redis is down or hung, a read is a miss and a write is dropped, so pages are
built from the database instead of answering 500. After a failure the cache is
skipped for ``PAUSE_SECONDS``, so that one hung Redis costs a request its socket
timeout once, not once per cache call. `/health/` still reports the cache as
failing (its value written cannot be read back).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 10


class ResilientRedisCache(RedisCache):
    """``RedisCache`` whose reads miss and writes are dropped while Redis fails."""

    _down_until = 0.0  # monotonic time before which Redis is not asked (per process)

    def _guarded(self, method: str, fallback, *args, **kwargs):
        if time.monotonic() < ResilientRedisCache._down_until:
            return fallback
        try:
            return getattr(super(), method)(*args, **kwargs)
        except RedisError:
            ResilientRedisCache._down_until = time.monotonic() + PAUSE_SECONDS
            logger.warning(
                "Redis cache unavailable: %s skipped for %s s",
                method,
                PAUSE_SECONDS,
                exc_info=True,
            )
            return fallback

    def get(self, key, default=None, version=None):
        return self._guarded("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guarded("has_key", False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set_many", [], data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded("delete", False, key, version)

    def delete_many(self, keys, version=None):
        self._guarded("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        # A miss: callers (rate limits) treat the key as new and set it.
        return self._guarded("incr", delta, key, delta, version)

    def clear(self):
        self._guarded("clear", None)
