"""The client's address, as every rate limit of Campus and of allauth sees it.

Behind reverse proxies REMOTE_ADDR is the nearest proxy's, so every learner would
share one bucket. `TRUSTED_PROXY_COUNT` (environment, default 0) says how many
proxies in front of Campus append to X-Forwarded-For; settings pass it on as
`ALLAUTH_TRUSTED_PROXY_COUNT`, and allauth's `get_client_ip` then takes the entry
that the outermost trusted proxy wrote. With 0 the header is ignored, so a client
cannot pick its own bucket.
"""

from allauth.account.adapter import get_adapter
from django.http import HttpRequest


def client_address_get(request: HttpRequest) -> str:
    """The address to count a request against (allauth's rule, via Campus's adapter)."""
    return get_adapter(request).get_client_ip(request)
