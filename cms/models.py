"""The site shell: the home page every visitor lands on, and the English fields that
pages of every app share (French is the source; English shows when the interface is
in English and the field is filled)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.forms import CampusPageForm
from cms.page_cache import AnonymousCacheMixin
from cms.routing import CachedRouteMixin


def english_active() -> bool:
    """Whether the interface is in English (English titles then replace French ones)."""
    return (get_language() or "").startswith("en")


def in_language(french, english):
    """``english`` when the interface is in English and it is filled, else ``french``."""
    return english if english and english_active() else french


class EnglishTitleMixin(models.Model):
    """An optional English title, shown when the interface is in English."""

    title_en = models.CharField(
        _("title in English"),
        max_length=255,
        blank=True,
        help_text=_("Shown to learners who use Campus in English."),
    )

    class Meta:
        abstract = True

    @property
    def display_title(self) -> str:
        return in_language(self.title, self.title_en)


class NamedModel(index.Indexed, models.Model):
    """A row editors find, sort and recognise by its ``name`` (designs, banks,
    trainers); the subclass declares ``name`` and extends ``NamedModel.Meta``."""

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class HomePage(AnonymousCacheMixin, CachedRouteMixin, EnglishTitleMixin, Page):
    """The root of the site: a welcome for city staff and the way into the catalogue.

    It routes the pages under it through the route cache (cms.routing); anonymous
    visitors get it from the page cache (cms.page_cache), as the catalogue and the
    course pages.
    """

    base_form_class = CampusPageForm

    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("One sentence under the title, e.g. who the courses are for."),
    )
    tagline_en = models.CharField(_("tagline in English"), max_length=200, blank=True)
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
    )
    intro_en = RichTextField(
        _("introduction in English"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
    )

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        FieldPanel("tagline"),
        FieldPanel("tagline_en"),
        FieldPanel("intro"),
        FieldPanel("intro_en"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CatalogPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def __str__(self):
        return self.title

    @property
    def display_tagline(self) -> str:
        return in_language(self.tagline, self.tagline_en)

    @property
    def display_intro(self) -> str:
        return in_language(self.intro, self.intro_en)
