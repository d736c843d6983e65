"""Who may see which learners' figures: the one place where the reports' rule lives.

Trainers, certificate admins and superusers see every course and every city; a city
coordinator sees only the learners of their municipality; anybody else sees nothing.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from learners.models import Municipality, User
from learners.roles import Role
from learners.selectors import coordinated_municipality_get, user_roles_list

STAFF_ROLES = {Role.TRAINER, Role.CERTIFICATE_ADMIN}


@dataclass(frozen=True)
class ReportScope:
    """The learners a user's reports may count: all of them, or one municipality's."""

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


def report_scope_get(*, user: User) -> ReportScope:
    """The user's scope; raises PermissionDenied for users who may see no report."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.is_superuser:
        return ReportScope(municipality=None)
    roles = set(user_roles_list(user=user))
    if roles & STAFF_ROLES:
        return ReportScope(municipality=None)
    if Role.CITY_COORDINATOR in roles:
        municipality = coordinated_municipality_get(user=user)
        if municipality is not None:
            return ReportScope(municipality=municipality)
    raise PermissionDenied
