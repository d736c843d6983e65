"""Which callable delivers which kind of outbox message.

Each app registers its handlers in its ``AppConfig.ready()``::

    handler_register("learners.email", email_deliver)

A handler takes the message's payload (a JSON dict of ids and values), does the side
effect and returns; it raises to ask for a retry. It must be idempotent: a message
is delivered at least once (a crash between the side effect and the commit of
"sent" delivers it again).
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

Handler = Callable[[dict], None]

_handlers: dict[str, Handler] = {}


def handler_register(kind: str, handler: Handler) -> None:
    """Make ``handler`` the one deliverer of ``kind`` (registering it again is a no-op)."""
    existing = _handlers.get(kind)
    if existing is not None and existing is not handler:
        raise ImproperlyConfigured(f"Outbox kind {kind!r} already has a handler.")
    _handlers[kind] = handler


def handler_get(kind: str) -> Handler | None:
    return _handlers.get(kind)
