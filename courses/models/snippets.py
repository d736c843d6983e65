"""Shared vocabulary of the catalogue: topics and the trainers who teach."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.fields import optional_image_field, optional_link_field, protected_link_field
from cms.models import NamedModel, english_active


class Level(models.TextChoices):
    BEGINNER = "debutant", _("Beginner")
    INTERMEDIATE = "intermediaire", _("Intermediate")
    ADVANCED = "avance", _("Advanced")


class Topic(index.Indexed, models.Model):
    """A theme of the catalogue; the four axes of the association and finer topics under them.

    Editors pick topics on each course; learners filter the catalogue by them.
    """

    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    parent = protected_link_field(
        "self",
        _("axis"),
        related_name="children",
        null=True,
        blank=True,
        help_text=_("The broader axis this topic belongs to; empty for an axis."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The catalogue's filters and the course pages show topics (cms.page_tree).
    shown_on_pages = True

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            # Trainers pick topics by name: two of the same name cannot be told apart.
            models.UniqueConstraint(
                Lower("name"),
                name="courses_topic_name_unique",
                violation_error_message=_("A topic with this name already exists."),
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.name_en and english_active():
            return self.name_en
        return self.name


class Trainer(NamedModel):
    """A person who teaches courses, shown on the course page with photo and short bio."""

    name = models.CharField(_("name"), max_length=150)
    photo = optional_image_field(_("photo"))
    bio = models.TextField(_("biography"), blank=True)
    user = optional_link_field(
        settings.AUTH_USER_MODEL,
        _("account"),
        field_class=models.OneToOneField,
        related_name="trainer_profile",
        help_text=_("Optional: the trainer's Campus account."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user"),
    ]
    # Course pages show their trainers (cms.page_tree).
    shown_on_pages = True

    class Meta(NamedModel.Meta):
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")
