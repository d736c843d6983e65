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
