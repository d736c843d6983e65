"""Which learners a user may see: the one place where the rule lives.

Trainers, certificate admins and superusers see every learner; a city coordinator
sees only the learners of their municipality; anybody else sees nobody's data but
their own. Every admin listing, detail and download of learner data (reports,
certificates, quiz attempts) and the coordinator's public page ask this module;
``reports`` and ``certificates`` import it, as imports flow
``cms ← courses ← learners ← certificates ← reports``.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from learners.models import Municipality, User
from learners.roles import STAFF_ROLES, Role
from learners.selectors import coordinated_municipality_get, user_roles_list


@dataclass(frozen=True)
class LearnerScope:
    """The learners a user may see: all of them, or one municipality's."""

    municipality: Municipality | None  # None: every learner

    @property
    def everything(self) -> bool:
        return self.municipality is None

    def learners(self, queryset, path: str = ""):
        """``queryset`` restricted to the scope; ``path`` leads from its model to the
        learner (e.g. "user__" for enrolments, "" for users)."""
        if self.municipality is None:
            return queryset
        return queryset.filter(**{f"{path}profile__municipality": self.municipality})

    def includes(self, user: User) -> bool:
        """Whether ``user``'s data is inside the scope (one query for a city)."""
        if self.municipality is None:
            return True
        return self.learners(User.objects.filter(pk=user.pk)).exists()


def learner_scope_get(*, user: User) -> LearnerScope:
    """The user's scope; raises PermissionDenied for users who may see no other
    learner's data."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.is_superuser:
        return LearnerScope(municipality=None)
    roles = set(user_roles_list(user=user))
    if roles & STAFF_ROLES:
        return LearnerScope(municipality=None)
    if Role.CITY_COORDINATOR in roles:
        municipality = coordinated_municipality_get(user=user)
        if municipality is not None:
            return LearnerScope(municipality=municipality)
    raise PermissionDenied


_NO_SCOPE = object()


def learner_scope_or_none(user) -> LearnerScope | None:
    """``learner_scope_get``, or None when the user may see nobody (remembered for
    the request: menus, panels and the view all ask)."""
    scope = getattr(user, "_campus_learner_scope", None)
    if scope is None:
        try:
            scope = learner_scope_get(user=user)
        except PermissionDenied:
            scope = _NO_SCOPE
        user._campus_learner_scope = scope
    return None if scope is _NO_SCOPE else scope


def city_scope_get(*, user: User) -> LearnerScope:
    """The scope of the coordinator's public page (``/ma-ville/``): the city the user
    coordinates, never every city (staff who see every learner in the admin have no
    city page); raises PermissionDenied for anybody else."""
    if not user.is_authenticated:
        raise PermissionDenied
    municipality = coordinated_municipality_get(user=user)
    if municipality is None:
        raise PermissionDenied
    return LearnerScope(municipality=municipality)
