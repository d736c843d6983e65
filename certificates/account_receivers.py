"""What becomes of a learner's certificates when they delete their account, and
what their data export says about them (hooks learners offer through signals)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from learners.signals import (
    account_deleting,
    account_deletion_fields,
    user_data_collect,
)

#: The name of the question on the deletion page, and its two answers.
FIELD = "certificates"
KEEP = "keep"
WITHDRAW = "withdraw"


def _deletion_field(sender, user, **kwargs):
    from certificates.selectors import certificates_of_holder_count

    count = certificates_of_holder_count(user=user)
    if not count:
        return None
    field = forms.ChoiceField(
        label=ngettext(
            "Your certificate: what becomes of it?",
            "Your %(count)d certificates: what becomes of them?",
            count,
        )
        % {"count": count},
        help_text=_(
            "A certificate is evidence that others (employers, your city) rely on: it "
            "is not erased with your account. Anyone with its code or QR code will "
            "keep seeing the name, course and date printed on it, with the state you "
            "choose here."
        ),
        choices=[
            (
                KEEP,
                ngettext(
                    "Keep it verifiable: its code still answers “valid”.",
                    "Keep them verifiable: their codes still answer “valid”.",
                    count,
                ),
            ),
            (
                WITHDRAW,
                ngettext(
                    "Withdraw it: its code will answer “withdrawn by the holder”.",
                    "Withdraw them: their codes will answer “withdrawn by the holder”.",
                    count,
                ),
            ),
        ],
        initial=KEEP,
        widget=forms.RadioSelect,
    )
    return FIELD, field


def _account_deleting(sender, user, choices, **kwargs):
    from certificates.services import certificates_holder_leave

    certificates_holder_leave(user=user, withdraw=choices.get(FIELD) == WITHDRAW)


def _data_collect(sender, user, **kwargs):
    from certificates.selectors import certificates_export

    return {"certificates": certificates_export(user=user)}


def connect() -> None:
    account_deletion_fields.connect(
        _deletion_field, dispatch_uid="certificates-deletion-field"
    )
    account_deleting.connect(_account_deleting, dispatch_uid="certificates-deleting")
    user_data_collect.connect(_data_collect, dispatch_uid="certificates-data-export")
