"""The admin form every Campus page uses: ASCII slugs, whatever the editor types."""

from anyascii import anyascii
from django.conf import settings
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm


def ascii_slug(value: str) -> str:
    """A URL-safe ASCII slug: accents transliterated (é → e, œ → oe), not dropped."""
    return slugify(anyascii(value or ""))


class CampusPageForm(WagtailAdminPageForm):
    """Wagtail's page form, with the slug made ASCII on the server too.

    `WAGTAIL_ALLOW_UNICODE_SLUGS = False` makes the admin's slug auto-fill
    transliterate; this catches what reaches the server anyway (typed by hand,
    pasted, a browser without JavaScript), so URLs never carry `%C3%A9`.
    """

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        if getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
            return slug
        return ascii_slug(slug)
