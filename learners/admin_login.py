"""The Wagtail admin's login form, with its labels translated.

Wagtail's form gives the password field no label, so Django shows the field's name,
"Password", untranslated in every language (``WAGTAILADMIN_USER_LOGIN_FORM``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
