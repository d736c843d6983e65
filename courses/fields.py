"""How learner and certificate records point at content (see DESIGN.md, invariant 1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def content_record_field(
    to="courses.CoursePage", verbose_name=None, *, related_name="+"
):
    """The course (or step) a learner's record belongs to, by id with PROTECT:
    editing, moving or unpublishing the content leaves the record untouched, and the
    content cannot be deleted while a record points at it."""
    return models.ForeignKey(
        to,
        on_delete=models.PROTECT,
        related_name=related_name,
        verbose_name=verbose_name or _("course"),
    )
