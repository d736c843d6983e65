"""Pages for anonymous visitors, served from the cache (Redis in production).

Most of the catalogue's traffic is visitors without an account: for them the home,
catalogue and course pages are the same for everyone who asks in the same language,
so the first answer is kept and the next ones are served from it, before the
session is read, Wagtail routes the path or a template is rendered.

What guarantees that a kept page holds nobody's data: a page is served from the
cache only to a request that certainly belongs to nobody (no session cookie, no
messages cookie, no credentials), and kept only when it was built for such a
request and nothing of a visitor went into it — the user was anonymous, no CSRF
token, no session data, no message, no CSP nonce, no cookie set — and when the
page opted in (`AnonymousCacheMixin`, set by `on_serve_page` in cms.wagtail_hooks
once the page's view restrictions have let the visitor through).

The key holds the tree version of cms.page_tree (shared by every node through the
cache, renewed on any publication, unpublication, move, slug change or save of a
page, and on changes of what those pages show: images, topics, trainers), read at
the start of the request: a page built while the tree changed is kept under the
old version, which nobody reads again.

Every answer of an opted-in page says how a browser may keep it: anonymous ones
an ETag (a hash of the page) with `Cache-Control: no-cache`, so a revisit asks
again and gets a 304 without a body; the others `private, no-cache`.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.text import compress_string

from cms.page_tree import tree_version_get, tree_version_pinned

# Renewed whenever what is stored or how the key is built changes, so that a
# deployment never reads entries written by the previous code.
FORMAT_VERSION = 1
CACHE_HEADER = "X-Campus-Cache"
# Headers of the rendered page that are not replayed from the cache: set again for
# each answer (or, for cookies, never kept: a response that sets one is not kept).
_NOT_REPLAYED = {"content-length", "etag", "set-cookie", CACHE_HEADER.lower()}
# What a kept page may vary on; a view that varies on anything else is not kept.
_VARY_ALLOWED = {"cookie", "accept-language", "accept-encoding"}
_CREDENTIAL_HEADERS = ("HTTP_AUTHORIZATION", "HTTP_X_SESSION_TOKEN")
_PAGE_ATTRIBUTE = "_campus_cacheable_page"


class AnonymousCacheMixin:
    """For a page type that looks the same to every anonymous visitor: its answers
    to them are kept in the page cache.

    ``anonymous_cache_query_params`` lists the query parameters the page reads: an
    address with any other parameter is served but not kept (so that made-up query
    strings cannot fill the cache).
    """

    anonymous_cache_query_params: tuple[str, ...] = ()


def page_served(*, request, page, args, kwargs) -> None:
    """Note that `page` answers this request (called by Wagtail's serve view, after
    the view restrictions), when it is a page that may be kept."""
    if isinstance(page, AnonymousCacheMixin) and not args and not kwargs:
        setattr(request, _PAGE_ATTRIBUTE, page)


def _request_language(request) -> str:
    """The language an anonymous request asks for by the switcher's cookie ("" when
    it asks for none); the key holds it, and a page is kept only if that is the
    language it was rendered in (see `_language_matches`)."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return code if code in dict(settings.LANGUAGES) else ""


def request_is_anonymous(request) -> bool:
    """Whether the request certainly belongs to nobody: a GET or HEAD without a
    session, a pending message or credentials, and not an admin's preview."""
    if request.method not in ("GET", "HEAD") or getattr(request, "is_dummy", False):
        return False
    cookies = request.COOKIES
    # An empty cookie (as some clients send one that was deleted) holds nothing.
    if cookies.get(settings.SESSION_COOKIE_NAME) or cookies.get(
        CookieStorage.cookie_name
    ):
        return False
    return not any(request.META.get(header) for header in _CREDENTIAL_HEADERS)


def routed_to_pages(request) -> bool:
    """Whether the path goes to Wagtail's page view (not to the admin, the accounts,
    the API or /health/, which never read the page cache)."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return match.url_name == "wagtail_serve"


def page_cache_key(request, *, version: str) -> str:
    """The key of the page this request asks for, under tree version `version`.

    Raises DisallowedHost for a host that ALLOWED_HOSTS refuses."""
    address = "\n".join(
        (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            _request_language(request),
        )
    )
    digest = hashlib.sha256(address.encode()).hexdigest()[:40]
    return f"cms:page:{FORMAT_VERSION}:{version}:{digest}"


def _language_matches(request) -> bool:
    rendered_in = getattr(request, "LANGUAGE_CODE", None)
    return rendered_in == (_request_language(request) or settings.LANGUAGE_CODE)


def _session_untouched(request) -> bool:
    session = getattr(request, "session", None)
    return session is None or (not session.modified and session.is_empty())


def _messages_unused(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is None or not (storage.used or storage.added_new)


def _query_allowed(request, page) -> bool:
    return set(request.GET) <= set(page.anonymous_cache_query_params)


def _response_keepable(response) -> bool:
    if response.streaming or response.status_code != 200 or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.has_header("Content-Encoding"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    vary = {
        header.strip().lower()
        for header in response.get("Vary", "").split(",")
        if header.strip()
    }
    return vary <= _VARY_ALLOWED


def _keepable(request, response) -> bool:
    """Whether this answer, built for an anonymous request, holds nothing of anyone
    and may be served to every anonymous visitor who asks the same."""
    page = getattr(request, _PAGE_ATTRIBUTE, None)
    user = getattr(request, "user", None)
    return (
        page is not None
        and not getattr(request, "is_dummy", False)
        and (user is None or not user.is_authenticated)
        and not request.META.get("CSRF_COOKIE_USED")
        # A CSP nonce is new on every answer: a kept page would carry a stale one.
        and not isinstance(getattr(request, "_csp_nonce", None), str)
        and _session_untouched(request)
        and _messages_unused(request)
        and _language_matches(request)
        and _query_allowed(request, page)
        and _response_keepable(response)
    )


def _etag(body: bytes) -> str:
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


def _entry_make(response) -> tuple:
    """What is kept of a page: its headers, its body, the body compressed, its ETag."""
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in _NOT_REPLAYED
    ]
    body = response.content
    compressed = compress_string(body)
    if len(compressed) >= len(body):
        compressed = None
    return headers, body, compressed, _etag(body)


def _accepts_gzip(request) -> bool:
    from django.middleware.gzip import re_accepts_gzip

    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def _response_from_entry(request, entry) -> HttpResponse:
    headers, body, compressed, etag = entry
    response = HttpResponse(status=200)
    for name, value in headers:
        response[name] = value
    patch_vary_headers(response, ("Accept-Encoding",))
    if compressed is not None and _accepts_gzip(request):
        # As CampusGZipMiddleware would answer: compressed, with a weak ETag.
        response.content = compressed
        response["Content-Encoding"] = "gzip"
        response["ETag"] = f"W/{etag}"
    else:
        response.content = body
        response["ETag"] = etag
    response["Content-Length"] = str(len(response.content))
    response[CACHE_HEADER] = "hit"
    return response


def _mark_shared(response, etag: str) -> None:
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))


def _mark_private(response) -> None:
    if response.has_header("ETag"):
        del response["ETag"]
    patch_cache_control(response, private=True, no_cache=True)


class AnonymousPageCacheMiddleware:
    """Serve opted-in pages to anonymous visitors from the cache, keep what is safe
    to keep, and answer conditional requests with 304.

    It sits outside the session, CSRF, authentication, language and messages
    middlewares (a hit needs none of them) and inside the security, CSP and gzip
    ones, so that their headers and compression apply to a page from the cache too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with tree_version_pinned():
            return self._answer(request)

    def _answer(self, request):
        if not (
            settings.PAGE_CACHE_ENABLED
            and request_is_anonymous(request)
            and routed_to_pages(request)
        ):
            return self._private_answer(request)
        try:
            key = page_cache_key(request, version=tree_version_get())
        except DisallowedHost:
            return self.get_response(request)
        entry = cache.get(key)
        if entry is not None:
            response = _response_from_entry(request, entry)
            return get_conditional_response(
                request, etag=response["ETag"], response=response
            )
        response = self.get_response(request)
        if getattr(request, _PAGE_ATTRIBUTE, None) is None:
            return response
        if not _keepable(request, response):
            _mark_private(response)
            return response
        # Headers first, so that the kept page carries the ones every answer does.
        _mark_shared(response, _etag(response.content))
        entry = _entry_make(response)
        cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        response[CACHE_HEADER] = "miss"
        return get_conditional_response(
            request, etag=response["ETag"], response=response
        )

    def _private_answer(self, request):
        response = self.get_response(request)
        if getattr(request, _PAGE_ATTRIBUTE, None) is not None:
            _mark_private(response)
        return response
