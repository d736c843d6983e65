"""The Content-Security-Policy header: django-csp's middleware, with one policy for the
public site (settings.CONTENT_SECURITY_POLICY) and one for the Wagtail admin
(settings.CONTENT_SECURITY_POLICY_ADMIN, every path under ADMIN_PATH_PREFIX).

Wagtail renders a preview by running a fake request for the page's public URL
through the middleware (`request.is_dummy`): the preview keeps the public policy,
so what works in it works on the site, except that the admin may frame it.

A view may still set its own with django-csp's decorators (`@csp`, `@csp_update`,
`@csp_replace`, `@csp_exempt`): those apply on top of the policy of its path.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

ADMIN_PATH_PREFIX = "/admin/"


class CampusCSPMiddleware(CSPMiddleware):
    """django-csp's middleware; the admin's paths get the admin's policy."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if getattr(request, "is_dummy", False) and parts.replace is None:
            parts.replace = {"frame-ancestors": ["'self'"]}
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PATH_PREFIX)
        ):
            parts.config = default_config(
                settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            )
        return parts
