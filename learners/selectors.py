"""Reads of learner data."""

from learners.models import CityCoordinator, Profile, User
from learners.roles import Role


def profile_get(*, user: User) -> Profile:
    """The user's profile; an unsaved empty one when they have not filled it in yet."""
    try:
        return Profile.objects.select_related("municipality").get(user=user)
    except Profile.DoesNotExist:
        return Profile(user=user)


def preferred_language_get(*, user: User) -> str:
    """The language the user chose in their profile, or "" when they have none."""
    return (
        Profile.objects.filter(user=user)
        .values_list("preferred_language", flat=True)
        .first()
        or ""
    )


def profile_is_complete(*, user: User) -> bool:
    return (
        Profile.objects.filter(user=user, municipality__isnull=False)
        .exclude(job_title="")
        .exists()
    )


def user_roles_list(*, user: User) -> list[Role]:
    """The roles the user holds, in the order of `Role`; learners hold none."""
    if not user.is_authenticated:
        return []
    names = set(user.groups.values_list("name", flat=True))
    return [role for role in Role if role.value in names]


def coordinated_municipality_get(*, user: User):
    """The municipality a city coordinator follows, or None."""
    link = (
        CityCoordinator.objects.select_related("municipality")
        .filter(user=user, user__groups__name=Role.CITY_COORDINATOR.value)
        .first()
    )
    return link.municipality if link else None
