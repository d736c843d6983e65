"""Writes of learner data. Each service runs in one transaction and is safe to retry."""

from django.contrib.auth.models import Group
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import IntegrityError, transaction

from learners.figures_marks import course_figures_changed
from learners.models import (
    CityCoordinator,
    Municipality,
    Profile,
    User,
)
from learners.outbox_handlers import EMAIL
from learners.roles import Role
from learners.signals import account_deleting
from outbox.services import outbox_message_create


def municipality_get_or_create(*, name: str, country: str) -> Municipality:
    """The municipality of that name (case-insensitive) in that country, created if new.

    Safe under concurrent calls: the unique constraint on (lower(name), country)
    decides, and the loser reads the winner's row.
    """
    name = " ".join(name.split())
    existing = Municipality.objects.filter(name__iexact=name, country=country).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Municipality.objects.create(name=name, country=country)
    except IntegrityError:
        return Municipality.objects.get(name__iexact=name, country=country)


@transaction.atomic
def profile_update(
    *,
    user: User,
    first_name: str,
    last_name: str,
    city: str,
    country: str,
    job_title: str,
    department: str = "",
    gender: str = "",
    preferred_language: str,
) -> Profile:
    """Save the learner's name and profile together; nothing is written if one part fails."""
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.save(update_fields=["first_name", "last_name"])
    municipality = municipality_get_or_create(name=city, country=country)
    profile, _created = Profile.objects.select_for_update().get_or_create(user=user)
    profile.municipality = municipality
    profile.job_title = job_title.strip()
    profile.department = department.strip()
    profile.gender = gender
    profile.preferred_language = preferred_language
    profile.full_clean()
    profile.save()
    course_figures_changed(user=user)
    return profile


@transaction.atomic
def role_grant(*, user: User, role: Role) -> None:
    """Add the user to the role's group (idempotent)."""
    user.groups.add(Group.objects.get(name=role.value))


@transaction.atomic
def city_coordinator_assign(
    *, user: User, municipality: Municipality
) -> CityCoordinator:
    """Make the user the coordinator of that municipality (and only that one)."""
    role_grant(user=user, role=Role.CITY_COORDINATOR)
    link, _created = CityCoordinator.objects.update_or_create(
        user=user, defaults={"municipality": municipality}
    )
    return link


def email_send(*, message: EmailMessage, dedup_key: str | None = None) -> None:
    """Send the message once the current transaction commits, through the outbox.

    The message is recorded in the caller's transaction (never sent if it rolls
    back) and delivered by a Celery worker, or by the outbox sweep when the broker
    is unreachable: an outage delays it, never loses it. ``dedup_key`` records a
    message at most once (e.g. one mail per certificate).
    """
    outbox_message_create(
        kind=EMAIL, payload=email_message_to_payload(message), dedup_key=dedup_key
    )


def email_message_to_payload(message: EmailMessage) -> dict:
    """A JSON-safe copy of an e-mail (for the task queue)."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype]
            for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def email_message_from_payload(payload: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


@transaction.atomic
def account_delete(*, user: User, choices: dict | None = None) -> None:
    """Delete the account and everything personal attached to it.

    Profile, e-mail addresses, enrolments, completions and coordinator links go with
    it (CASCADE); a trainer card keeps its text but loses the link to the account.
    Records others rely on (certificates) are kept by their app, which gets the
    learner's ``choices`` (answers to ``account_deletion_fields``) first.
    """
    account_deleting.send(sender=User, user=user, choices=choices or {})
    course_figures_changed(user=user)
    user.delete()
