from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.urls import reverse

from cms.site_address import site_identity_get
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

    def get_login_redirect_url(self, request):
        if not profile_is_complete(user=request.user):
            return reverse("learners:profile_edit")
        return super().get_login_redirect_url(request)
