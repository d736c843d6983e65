"""Field declarations every app makes alike: optional links and images."""

from django.db import models


def optional_link_field(
    to, verbose_name, *, related_name="+", field_class=models.ForeignKey, **options
):
    """A link that may be empty and is emptied, never cascaded, when its target goes:
    the row holding it outlives what it points at (an image, an account, a revision).
    """
    return field_class(
        to,
        **{
            "on_delete": models.SET_NULL,
            "null": True,
            "blank": True,
            "related_name": related_name,
            "verbose_name": verbose_name,
            **options,
        },
    )


def optional_image_field(verbose_name, **options):
    """An optional Wagtail image (a logo, a photo, a cover)."""
    return optional_link_field("wagtailimages.Image", verbose_name, **options)


def protected_link_field(to, verbose_name, *, related_name="+", **options):
    """A link whose target cannot be deleted while this row points at it: a learner's
    record keeps its course, a certificate its design, a draw its bank (editing,
    moving or unpublishing the target leaves the row untouched)."""
    return models.ForeignKey(
        to,
        **{
            "on_delete": models.PROTECT,
            "related_name": related_name,
            "verbose_name": verbose_name,
            **options,
        },
    )
