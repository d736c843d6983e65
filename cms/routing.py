"""Routing a known path in one query: the route cache of the site's root page.

Wagtail routes `/a/b/c/` with two queries per tree level (the child by slug, then
its specific page). The root page remembers, per path, which page answered
(its id and content type, keyed by the tree version of `cms.page_tree`), and on
the next request loads that page in one query — still live, still at that URL
path — or falls back to Wagtail's routing. Only the page is looked up here:
`before_serve_page` hooks (access rules, view restrictions), `serve()`, previews,
redirects and 404s run exactly as before, and since the page table only holds
published content, a draft is never served. (A page type between the root and a
page that overrode `route()` to refuse some visitors would be skipped on a hit:
Campus has none, and such a rule belongs in a `before_serve_page` hook anyway.)
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from cms.page_tree import tree_version_get

ROUTE_TIMEOUT = 24 * 60 * 60


def _route_key(root: Page, path: str) -> str:
    digest = hashlib.sha256(path.encode()).hexdigest()[:32]
    return f"cms:route:{tree_version_get()}:{root.pk}:{digest}"


def cached_page_get(*, root: Page, path: str) -> Page | None:
    """The live page the cache remembers at `path` under `root`, or None (not
    remembered, or no longer live at that URL path)."""
    remembered = cache.get(_route_key(root, path))
    if remembered is None:
        return None
    page_id, content_type_id = remembered
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return (
        model.objects.live()
        .filter(pk=page_id, url_path=f"{root.url_path}{path}/")
        .first()
    )


def route_remember(*, root: Page, path: str, result) -> None:
    """Remember the page that Wagtail's routing found, when it is the plain live
    page at that URL path (not a sub-route of a routable page)."""
    page = getattr(result, "page", None)
    if page is None or result.args or result.kwargs or not page.live:
        return
    if page.url_path != f"{root.url_path}{path}/":
        return
    cache.set(_route_key(root, path), (page.pk, page.content_type_id), ROUTE_TIMEOUT)


class CachedRouteMixin:
    """For the site's root page: route its descendants through the route cache."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        path = "/".join(path_components)
        page = cached_page_get(root=self, path=path)
        if page is not None:
            return RouteResult(page)
        result = super().route(request, path_components)
        route_remember(root=self, path=path, result=result)
        return result
