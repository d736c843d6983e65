"""The site's public address and name: the one source of every absolute URL.

``settings.CAMPUS_BASE_URL`` (from the ``CAMPUS_BASE_URL`` environment variable) is
where learners reach the site. E-mails, QR codes, Open Badges, Wagtail's own links
(through its default Site, kept in sync by :func:`site_address_sync`) and the API
build their absolute URLs with :func:`absolute_url`.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings


def public_base_url() -> str:
    """The site's public address, without a trailing slash (``https://campus.org``)."""
    return settings.CAMPUS_BASE_URL.rstrip("/")


def absolute_url(path: str = "/") -> str:
    """``path`` (a site-relative URL such as ``/v/CODE/``) as an absolute URL."""
    if not path.startswith("/"):
        path = "/" + path
    return public_base_url() + path


def _host_and_port() -> tuple[str, int]:
    parts = urlsplit(public_base_url())
    default = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default


@dataclass(frozen=True)
class SiteIdentity:
    """What e-mails call the site (allauth's ``current_site``): a name and a domain."""

    name: str
    domain: str


def site_identity_get() -> SiteIdentity:
    """The site's name (the default Wagtail Site's, else ``WAGTAIL_SITE_NAME``) and
    its domain as learners type it (host, and port when not the default one)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).only("site_name").first()
    name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    return SiteIdentity(name=name, domain=urlsplit(public_base_url()).netloc)


def site_address_sync() -> bool:
    """Point the default Wagtail Site at ``CAMPUS_BASE_URL`` (hostname and port), so
    that Wagtail's ``page.full_url`` (review e-mails, previews) agrees with the rest.

    Idempotent; returns True when the Site was changed. Run after every ``migrate``
    (a post_migrate receiver) and by ``seed_demo``.
    """
    from wagtail.models import Site

    hostname, port = _host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    Site.clear_site_root_paths_cache()
    return True
