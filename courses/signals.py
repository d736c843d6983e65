"""Keep the cached course indexes honest: any change to a page changes the tree version."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.course_index import tree_changed


def _page_changed(sender, instance=None, **kwargs):
    if instance is None or isinstance(instance, Page):
        tree_changed()


def connect() -> None:
    post_save.connect(_page_changed, dispatch_uid="courses-tree-saved")
    post_delete.connect(_page_changed, dispatch_uid="courses-tree-deleted")
    page_published.connect(_page_changed, dispatch_uid="courses-tree-published")
    page_unpublished.connect(_page_changed, dispatch_uid="courses-tree-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="courses-tree-moved")
