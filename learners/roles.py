"""The roles of Campus, as Django groups (created by a data migration).

Learners are plain users; the other roles are group memberships. The group names
are stable identifiers stored in the database; `label` is what people read.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    TRAINER = "Trainers", _("Trainer")
    CERTIFICATE_ADMIN = "Certificate admins", _("Certificate admin")
    CITY_COORDINATOR = "City coordinators", _("City coordinator")


#: Roles that see every learner: they author courses, grade and issue certificates
#: for learners of every city (``learners.scope`` and ``learners.access`` ask this).
STAFF_ROLES = frozenset({Role.TRAINER, Role.CERTIFICATE_ADMIN})
