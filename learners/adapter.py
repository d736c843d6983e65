from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from learners.models import User
from learners.selectors import profile_is_complete
from learners.services import email_send


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's mails through the task queue and asks new learners for a profile."""

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        email_send(message=message)

    def get_login_redirect_url(self, request):
        if not profile_is_complete(user=request.user):
            return reverse("learners:profile_edit")
        return super().get_login_redirect_url(request)

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
