from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_login_redirect_url
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from cms.site_address import public_base_url, site_identity_get
from learners.models import User
from learners.selectors import profile_is_complete
from learners.services import email_send


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's mails through the task queue and asks new learners for a profile."""

    def send_mail(self, template_prefix, email, context):
        # Campus has no django.contrib.sites: the site's name and domain come from the
        # one site address (CAMPUS_BASE_URL), as every other absolute URL does.
        ctx = {
            "request": allauth_context.request,
            "email": email,
            "current_site": site_identity_get(),
        }
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        email_send(message=message)

    def get_client_ip(self, request):
        """allauth's address rule (see learners.client_address), without its 500 for a
        request that carries fewer X-Forwarded-For entries than there are trusted
        proxies: such a request did not come through them, so its peer is the client."""
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            return request.META.get("REMOTE_ADDR", "")

    def _get_login_attempts_cache_key(self, request, **credentials):
        """One failed-login counter per account for the whole site: allauth keys it on
        the request's host (``get_current_site``, which is the Host header without
        django.contrib.sites), so a site answering under several names, or nodes reached
        by their own addresses, would give five tries per name. The site's one public
        address (CAMPUS_BASE_URL) is the same on every node."""
        login = credentials.get("email", credentials.get("username", "")).lower()
        return f"{urlsplit(public_base_url()).netloc}:{login}"

    def get_login_redirect_url(self, request):
        if not profile_is_complete(user=request.user):
            return reverse("learners:profile_edit")
        return super().get_login_redirect_url(request)

    def post_login(self, request, user, *, redirect_url, signup, **kwargs):
        """A learner without a profile fills it in first, then goes on to the page
        they logged in for (the course they were enrolling in): it rides along as
        the profile form's ``next``."""
        if not profile_is_complete(user=user):
            target = get_login_redirect_url(request, redirect_url, signup=signup)
            profile = reverse("learners:profile_edit")
            if target and target not in {
                profile,
                resolve_url(settings.LOGIN_REDIRECT_URL),
            }:
                redirect_url = f"{profile}?{urlencode({'next': target})}"
            else:
                redirect_url = profile
        return super().post_login(
            request, user, redirect_url=redirect_url, signup=signup, **kwargs
        )

    def clean_email(self, email: str) -> str:
        """Refuse an address longer than the account's e-mail field holds: it would
        be cut, and mail sent to the cut address (every allauth e-mail form asks)."""
        email = super().clean_email(email)
        limit = User._meta.get_field("email").max_length
        if len(email) > limit:
            raise ValidationError(
                _(
                    "An e-mail address has %(limit)s characters at most; this one "
                    "has %(count)s."
                )
                % {"limit": limit, "count": len(email)}
            )
        return email
