"""The course tree: catalogue → course → module → lesson."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.fields import optional_image_field
from cms.forms import CampusPageForm
from cms.models import EnglishTitleMixin, english_active, in_language
from cms.page_cache import AnonymousCacheMixin
from cms.page_tree import tree_version_get
from courses.blocks import LessonBodyBlock
from courses.models.snippets import Level
from courses.reading_time import reading_minutes, stream_text, words_count

CATALOG_PAGE_SIZE = 12
# Seconds a lesson's rendered content (breadcrumbs, header, body) is kept: a new
# tree version (any page saved or published) replaces it at once; an image or
# document replaced under the same id (which does not move the tree version) shows
# within this time.
LESSON_CONTENT_TIMEOUT = 15 * 60


class CatalogPage(AnonymousCacheMixin, EnglishTitleMixin, Page):
    """The list of courses, with filters by topic, level and language, and search."""

    base_form_class = CampusPageForm
    # Its filters and pages (cms.page_cache keeps each address for visitors).
    anonymous_cache_query_params = ("q", "topic", "level", "language", "page")

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    intro_en = RichTextField(
        _("introduction in English"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        FieldPanel("intro"),
        FieldPanel("intro_en"),
    ]

    @property
    def display_intro(self) -> str:
        return in_language(self.intro, self.intro_en)

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import (
            CatalogFilters,
            catalog_course_list,
            topic_filter_options,
        )

        context = super().get_context(request, *args, **kwargs)
        filters = CatalogFilters.from_querydict(request.GET)
        courses = catalog_course_list(catalog=self, filters=filters)
        paginator = Paginator(courses, CATALOG_PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            filters=filters,
            page_obj=page_obj,
            courses=page_obj.object_list,
            topic_groups=topic_filter_options(catalog=self, filters=filters),
            levels=Level.choices,
            languages=settings.LANGUAGES,
            query_string=filters.as_query_string(),
        )
        return context


class CoursePage(AnonymousCacheMixin, EnglishTitleMixin, Page):
    """A course: what it teaches, to whom, by whom, and its outline of modules."""

    base_form_class = CampusPageForm

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences for the catalogue card."),
    )
    summary_en = models.TextField(_("summary in English"), max_length=400, blank=True)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    topics = ParentalManyToManyField(
        "courses.Topic", blank=True, related_name="courses", verbose_name=_("topics")
    )
    level = models.CharField(
        _("level"), max_length=16, choices=Level.choices, default=Level.BEGINNER
    )
    language = models.CharField(
        _("language of the course"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="fr",
    )
    cover_image = optional_image_field(_("cover image"))
    trainers = ParentalManyToManyField(
        "courses.Trainer",
        blank=True,
        related_name="courses",
        verbose_name=_("trainers"),
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    duration_override = models.PositiveIntegerField(
        _("estimated duration (minutes)"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the sum of the lessons' reading times."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        FieldPanel("summary"),
        FieldPanel("summary_en"),
        FieldPanel("description"),
        InlinePanel(
            "outcomes", label=_("Learning outcome"), heading=_("Learning outcomes")
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("level"),
                FieldPanel("language"),
                FieldPanel("duration_override"),
            ],
            heading=_("Catalogue"),
        ),
        FieldPanel("cover_image"),
        FieldPanel("trainers"),
        FieldPanel("prerequisites"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("summary_en"),
        index.SearchField("title_en"),
        index.SearchField("description"),
        index.FilterField("level"),
        index.FilterField("language"),
    ]
    parent_page_types = ["courses.CatalogPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def display_summary(self) -> str:
        if self.summary_en and english_active():
            return self.summary_en
        return self.summary

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_minutes_get, course_outline_get

        context = super().get_context(request, *args, **kwargs)
        outline = course_outline_get(course=self, request=request)
        context["outline"] = outline
        context["minutes"] = course_minutes_get(course=self, outline=outline)
        return context


class CourseOutcome(Orderable):
    """One thing a learner can do after the course."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="outcomes")
    text = models.CharField(_("learning outcome"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("learning outcome")
        verbose_name_plural = _("learning outcomes")


class ModulePage(EnglishTitleMixin, Page):
    """A chapter of a course, grouping a few lessons and quizzes."""

    base_form_class = CampusPageForm

    summary = models.TextField(_("summary"), blank=True, max_length=400)

    content_panels = Page.content_panels + [
        FieldPanel("title_en"),
        FieldPanel("summary"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        # A module has no page of its own: learners land on its place in the course outline.
        from django.shortcuts import redirect

        return redirect(f"{self.get_parent().get_url(request)}#module-{self.pk}")


class LessonPage(EnglishTitleMixin, Page):
    """A short lesson (3–6 minutes of reading) made of text, media and practice blocks."""

    base_form_class = CampusPageForm

    body = StreamField(LessonBodyBlock(), verbose_name=_("content"))
    reading_minutes = models.PositiveIntegerField(
        _("reading time (minutes)"), default=0, editable=False
    )
    required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Learners must complete this lesson to complete the course."),
    )

    content_panels = Page.content_panels + [FieldPanel("title_en"), FieldPanel("body")]
    settings_panels = Page.settings_panels + [FieldPanel("required")]
    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("title_en"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def clean(self):
        super().clean()
        if not self.body:
            raise ValidationError(
                {"body": _("A lesson needs at least one block of content.")}
            )
        # Derived from the body so that outlines can sum durations without reading bodies.
        self.reading_minutes = reading_minutes(
            words_count(stream_text(self.body.get_prep_value()))
        )

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import step_navigation_get

        context = super().get_context(request, *args, **kwargs)
        context["navigation"] = step_navigation_get(step=self, request=request)
        context["content_cache_key"] = self.content_cache_key(request)
        context["content_cache_timeout"] = LESSON_CONTENT_TIMEOUT
        return context

    def content_cache_key(self, request) -> str | None:
        """What the lesson's breadcrumbs, header and rendered body are cached under
        (templates/courses/lesson_page.html): the page tree's version (any save or
        publication of a page moves it, so titles, positions and links to other pages
        stay right), the site, the live revision and the language. None in a preview:
        a draft is never cached. That part holds no learner data."""
        if getattr(request, "is_preview", False):
            return None
        site_id = getattr(getattr(request, "_wagtail_site", None), "pk", "")
        return (
            f"{tree_version_get()}:{site_id}:{self.pk}:{self.live_revision_id}"
            f":{get_language()}"
        )
