"""One version for the whole page tree, in the default cache (Redis in production,
so every web node sees it): any publication, unpublication, move, slug change,
save or deletion of a page, and any change of a Site, of a page's view restrictions,
of an image or of a model that pages show (``shown_on_pages = True`` on the model:
topics, trainers), gives it a new value.

Whatever is cached from the tree (the route cache, the course indexes) puts the
version in its keys, so after a change nothing stale is read on any node.
"""

import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

TREE_VERSION_KEY = "cms:tree-version"

# The version a request has read, so that its route cache, course outline, catalogue
# link, lesson fragment and page cache ask the cache once and agree on one tree.
_pinned: ContextVar[list | None] = ContextVar("campus_tree_version", default=None)


@contextmanager
def tree_version_pinned():
    """Within it (one request: cms.page_cache's middleware opens it), the version is
    read from the cache once; a change made inside it still renews it at once."""
    token = _pinned.set([])
    try:
        yield
    finally:
        _pinned.reset(token)


def tree_version_get() -> str:
    """The tree's current version (a fresh one if the cache lost it)."""
    pinned = _pinned.get()
    if pinned:
        return pinned[0]
    version = _version_read()
    if pinned is not None:
        pinned.append(version)
    return version


def _version_read() -> str:
    version = cache.get(TREE_VERSION_KEY)
    if version is None:
        # A random start, so an evicted version never brings old entries back.
        cache.add(TREE_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(TREE_VERSION_KEY, "")
    return version


def _version_renew() -> None:
    version = uuid.uuid4().hex
    cache.set(TREE_VERSION_KEY, version, None)
    pinned = _pinned.get()
    if pinned is not None:
        pinned[:] = [version]


def tree_changed() -> None:
    """Forget everything cached from the tree (called whenever a page changes): at
    once, and again when the change is committed, so that what another request
    cached from the tree while the change was not yet visible to it is dropped too."""
    _version_renew()
    transaction.on_commit(_version_renew)


def _changes_pages(instance) -> bool:
    """Whether saving or deleting `instance` changes what a page shows (or to whom):
    the cached pages (cms.page_cache) and indexes must then be built again."""
    return isinstance(
        instance, Page | Site | PageViewRestriction | AbstractImage
    ) or getattr(instance, "shown_on_pages", False)


def _page_changed(sender, instance=None, **kwargs):
    if instance is None or _changes_pages(instance):
        tree_changed()


def connect() -> None:
    """Listen to every change of a page or a site (called from CmsConfig.ready)."""
    post_save.connect(_page_changed, dispatch_uid="cms-tree-saved")
    post_delete.connect(_page_changed, dispatch_uid="cms-tree-deleted")
    page_published.connect(_page_changed, dispatch_uid="cms-tree-published")
    page_unpublished.connect(_page_changed, dispatch_uid="cms-tree-unpublished")
    page_slug_changed.connect(_page_changed, dispatch_uid="cms-tree-slug")
    post_page_move.connect(_page_changed, dispatch_uid="cms-tree-moved")
