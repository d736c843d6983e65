from allauth.account.adapter import get_adapter
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from learners.models import Gender, User
from learners.signals import account_deletion_fields


class AccessibleErrorsMixin:
    """Mark invalid inputs with aria-invalid and tie them to their error text."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self[name].auto_id}-errors"


class ProfileForm(AccessibleErrorsMixin, forms.Form):
    """The profile a learner completes after sign-up and can edit later."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    city = forms.CharField(
        label=_("City or local authority"),
        max_length=150,
        help_text=_("The municipality you work for, e.g. Dakar."),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        error_messages={
            "invalid_choice": _(
                "“%(value)s” is not a country we know. Choose one from the list."
            )
        },
    )
    job_title = forms.CharField(label=_("Job title"), max_length=150)
    department = forms.CharField(
        label=_("Department or service"), max_length=150, required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=[("", _("Not answered"))] + list(Gender.choices),
        required=False,
        help_text=_("Used only for anonymous equality statistics."),
        widget=forms.RadioSelect,
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a language Campus speaks.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country"))] + list(countries)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["country"].widget.attrs["autocomplete"] = "country"


class AccountDeleteForm(AccessibleErrorsMixin, forms.Form):
    """Deleting an account asks for the password, so that a left-open session cannot."""

    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account, my progress and my data will be deleted for good."
        )
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Apps built on learners ask their questions first (before the password).
        asked = {}
        for _receiver, answer in account_deletion_fields.send(sender=User, user=user):
            if answer:
                name, field = answer
                asked[name] = field
        self.choice_names = list(asked)
        self.fields = {**asked, **self.fields}

    def choices(self) -> dict:
        """The answers to the other apps' questions, by name (after is_valid)."""
        return {name: self.cleaned_data[name] for name in self.choice_names}

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's admin login form, checked by allauth (`WAGTAILADMIN_USER_LOGIN_FORM`).

    allauth's adapter counts each failure in the same `login_failed` buckets as
    /accounts/login/ (per address and per e-mail), refuses once they are full, even
    with the right password, and gives back the attempt when the password is right.
    Wagtail's form gives the password no label, so Django would show "Password"
    untranslated.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")

    def clean(self):
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email is not None and password:
            self.user_cache = get_adapter(self.request).authenticate(
                self.request, email=email.strip(), password=password
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data
