"""Reads of the course tree whose query count does not grow with the size of a course."""

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Length, NullIf, Substr
from wagtail.images import get_image_model
from wagtail.models import Page

from courses.course_index import PageRef, course_index_get, page_ref
from courses.models import (
    CatalogPage,
    CoursePage,
    LessonPage,
    Level,
    QuizPage,
    Topic,
)
from courses.reading_time import course_minutes
from courses.search_terms import query_variants, title_matches

SEARCH_HITS_LIMIT = 500


@dataclass(frozen=True)
class CatalogFilters:
    """What a visitor asked of the catalogue (GET parameters); unknown values are dropped."""

    topic: str = ""
    level: str = ""
    language: str = ""
    q: str = ""
    rejected: tuple[str, ...] = field(default=())

    @classmethod
    def from_querydict(cls, params) -> "CatalogFilters":
        rejected = []
        topic = params.get("topic", "").strip()
        if topic and not Topic.objects.filter(slug=topic).exists():
            rejected.append("topic")
            topic = ""
        level = params.get("level", "").strip()
        if level and level not in Level.values:
            rejected.append("level")
            level = ""
        language = params.get("language", "").strip()
        if language and language not in dict(settings.LANGUAGES):
            rejected.append("language")
            language = ""
        q = " ".join(params.get("q", "").split())[:100]
        return cls(
            topic=topic, level=level, language=language, q=q, rejected=tuple(rejected)
        )

    @property
    def active(self) -> bool:
        return bool(self.topic or self.level or self.language or self.q)

    def as_query_string(self) -> str:
        """The filters as GET parameters, for pagination links."""
        return urlencode(
            {
                k: v
                for k, v in (
                    ("q", self.q),
                    ("topic", self.topic),
                    ("level", self.level),
                    ("language", self.language),
                )
                if v
            }
        )


def course_minutes_expression():
    """SQL twin of `reading_time.course_minutes`, for a queryset of courses.

    Sums the minutes of the course's live, public lessons and quizzes whose module is
    live and public too: exactly the steps of `course_outline_get`.
    """
    steps = Page.objects.live().public()
    live_module = steps.filter(
        depth=OuterRef("depth") - 1,
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen),
    )
    step_minutes = (
        steps.type(LessonPage, QuizPage)
        .filter(
            path__startswith=OuterRef("path"),
            depth=OuterRef("depth") + 2,
        )
        .filter(Exists(live_module))
        .order_by()
        .annotate(
            total=Func(
                Coalesce("lessonpage__reading_minutes", "quizpage__reading_minutes", 0),
                function="SUM",
            )
        )
        .values("total")[:1]
    )
    return Coalesce(
        NullIf(F("duration_override"), 0),
        Subquery(step_minutes, output_field=IntegerField()),
        0,
    )


def _cover_renditions():
    return Prefetch(
        "cover_image", queryset=get_image_model().objects.prefetch_renditions()
    )


def _topic_q(slug: str) -> Q:
    """Courses of a topic, or of an axis and its topics (the topic filter's one rule)."""
    return Q(topics__slug=slug) | Q(topics__parent__slug=slug)


def course_search_ranking(*, catalog: CatalogPage, q: str) -> list[int]:
    """Ids of the catalogue's live courses that match the query, most relevant first.

    First the courses whose title the query names (`search_terms.title_matches`),
    then the search engine's course hits by relevance (title, summary, description),
    then the courses of its lesson hits by relevance. Every spelling of the query
    (`search_terms.query_variants`) is searched.
    """
    courses = list(
        CoursePage.objects.live()
        .child_of(catalog)
        .order_by("path")
        .values_list("pk", "path", "title", "title_en")
    )
    course_by_path = {path: pk for pk, path, _title, _title_en in courses}
    course_path_length = (catalog.depth + 1) * CoursePage.steplen
    ranked = [
        pk
        for pk, _path, title, title_en in courses
        if title_matches(q, title, title_en)
    ]
    course_hits, lesson_hits = [], []
    for variant in query_variants(q):
        course_hits += [
            hit.pk
            for hit in CoursePage.objects.live()
            .child_of(catalog)
            .search(variant)[:SEARCH_HITS_LIMIT]
        ]
        lesson_hits += [
            course_by_path.get(hit.path[:course_path_length])
            for hit in LessonPage.objects.live()
            .descendant_of(catalog)
            .search(variant)[:SEARCH_HITS_LIMIT]
        ]
    for pk in course_hits + lesson_hits:
        if pk is not None and pk not in ranked:
            ranked.append(pk)
    return ranked


def _catalog_courses(*, catalog: CatalogPage, filters: CatalogFilters):
    """The catalogue's live courses matching the filters; `relevance` when searched."""
    courses = CoursePage.objects.live().public().child_of(catalog)
    if filters.topic:
        courses = courses.filter(_topic_q(filters.topic))
    if filters.level:
        courses = courses.filter(level=filters.level)
    if filters.language:
        courses = courses.filter(language=filters.language)
    if filters.q:
        ranked = course_search_ranking(catalog=catalog, q=filters.q)
        courses = courses.filter(pk__in=ranked).annotate(
            relevance=Case(
                *(When(pk=pk, then=Value(n)) for n, pk in enumerate(ranked)),
                default=Value(len(ranked)),
                output_field=IntegerField(),
            )
        )
    return courses


def catalog_course_list(*, catalog: CatalogPage, filters: CatalogFilters):
    """Live, public courses of the catalogue matching the filters: newest first, or
    most relevant first when the visitor searched (see `course_search_ranking`).

    Each course carries `minutes` (see `reading_time.course_minutes`), its topics
    and its cover image's renditions, so a card costs no further query.
    """
    order = ("-first_published_at", "path")
    if filters.q:
        order = ("relevance", *order)
    return (
        _catalog_courses(catalog=catalog, filters=filters)
        .distinct()
        .annotate(minutes=course_minutes_expression())
        .prefetch_related("topics", _cover_renditions())
        .order_by(*order)
    )


@dataclass(frozen=True)
class TopicOption:
    topic: Topic
    count: int  # courses the visitor would get by choosing it (other filters kept)


@dataclass(frozen=True)
class TopicGroup:
    """An axis of the catalogue and its finer topics, for one `<optgroup>`."""

    axis: TopicOption
    topics: list[TopicOption]


def topic_filter_options(
    *, catalog: CatalogPage, filters: CatalogFilters
) -> list[TopicGroup]:
    """The topic filter's choices, grouped by axis, each with its number of courses.

    The counts keep the visitor's other filters (level, language, search) and follow
    the topic filter's own rule (`_topic_q`); one query for the topics, one for all
    the counts, whatever the number of courses.
    """
    topics = list(Topic.objects.order_by("name"))
    if not topics:
        return []
    others = _catalog_courses(catalog=catalog, filters=replace(filters, topic=""))
    counts = others.aggregate(
        **{
            f"topic_{topic.pk}": Count("pk", filter=_topic_q(topic.slug), distinct=True)
            for topic in topics
        }
    )
    options = {
        t.pk: TopicOption(topic=t, count=counts[f"topic_{t.pk}"]) for t in topics
    }
    axes = [t for t in topics if t.parent_id is None or t.parent_id not in options]
    return [
        TopicGroup(
            axis=options[axis.pk],
            topics=[options[t.pk] for t in topics if t.parent_id == axis.pk],
        )
        for axis in sorted(axes, key=lambda t: t.display_name)
    ]


@dataclass
class ModuleOutline:
    module: PageRef
    steps: list[PageRef]  # its live lessons and quizzes, in tree order

    @property
    def minutes(self) -> int:
        return sum(step.reading_minutes for step in self.steps)


@dataclass
class CourseOutline:
    modules: list[ModuleOutline]

    @property
    def steps(self) -> list[PageRef]:
        return [step for module in self.modules for step in module.steps]

    @property
    def minutes(self) -> int:
        return sum(module.minutes for module in self.modules)


def course_minutes_get(*, course: CoursePage, outline: CourseOutline | None = None):
    """The course's duration in minutes, by the one rule (`reading_time.course_minutes`)."""
    outline = outline or course_outline_get(course=course)
    return course_minutes(
        override=course.duration_override,
        steps_minutes=(step.reading_minutes for step in outline.steps),
    )


def course_outline_get(*, course: CoursePage, request=None) -> CourseOutline:
    """The course's live modules and lessons in tree order, from the cached course index.

    In a preview, the draft modules, lessons and quizzes too (see `course_index_get`).
    """
    index = course_index_get(course_path=course.path, request=request, previewed=course)
    if index is None:
        return CourseOutline(modules=[])
    by_module = {
        path: ModuleOutline(module=ref, steps=[])
        for path, ref in sorted(index.modules.items())
    }
    for step in index.steps:
        outline = by_module.get(step.path[: -CoursePage.steplen])
        if outline is not None:
            outline.steps.append(step)
    return CourseOutline(modules=list(by_module.values()))


@dataclass
class StepNavigation:
    breadcrumbs: list[PageRef]
    course: PageRef
    module: PageRef
    previous: PageRef | None
    next: PageRef | None
    position: int
    total: int
    required_ids: set[int]


def step_navigation_get(*, step: LessonPage | QuizPage, request=None) -> StepNavigation:
    """Breadcrumbs, course, module and the neighbouring live steps of a lesson or quiz.

    Read from the cached course index: no query once the index is built, whatever
    the size of the course.
    """
    index = course_index_get(
        course_path=step.path[: -2 * step.steplen],
        request=request,
        previewed=step,
    )
    steps = index.steps
    position = next((i for i, ref in enumerate(steps) if ref.path == step.path), None)
    if position is None:  # not (or no longer) a live step: no neighbours
        previous = following = None
    else:
        previous = steps[position - 1] if position > 0 else None
        following = steps[position + 1] if position + 1 < len(steps) else None
    module = index.modules.get(step.path[: -step.steplen])
    if module is None:  # a live step whose module was unpublished since
        module = page_ref(step.get_parent().specific, request)
    return StepNavigation(
        breadcrumbs=[*index.ancestors, index.course, module],
        course=index.course,
        module=module,
        previous=previous,
        next=following,
        position=(position + 1) if position is not None else 0,
        total=len(steps),
        required_ids=index.required_ids,
    )


def catalog_get() -> CatalogPage | None:
    """The live catalogue page of the site (the first one in the tree)."""
    return CatalogPage.objects.live().order_by("path").first()


def featured_course_list(*, limit: int = 4):
    """The newest live courses of the catalogue, for the home page."""
    catalog = catalog_get()
    if catalog is None:
        return [], None
    return list(
        catalog_course_list(catalog=catalog, filters=CatalogFilters())[:limit]
    ), catalog


def course_for_page_get(*, page: Page) -> CoursePage | None:
    """The course a lesson (or any page under a course) belongs to, or None."""
    return CoursePage.objects.ancestor_of(page, inclusive=True).first()


def _steps_of(course: CoursePage):
    return Page.objects.live().descendant_of(course).type(LessonPage, QuizPage)


def required_step_ids_get(*, course: CoursePage) -> set[int]:
    """Ids of the live, required lessons and quizzes of a course: what completing it
    takes (one query)."""
    return set(
        _steps_of(course)
        .filter(Q(lessonpage__required=True) | Q(quizpage__required=True))
        .values_list("pk", flat=True)
    )


def next_step_get(*, course: CoursePage, done_ids: set[int]) -> Page | None:
    """The first live lesson or quiz of the course, in outline order, not in done_ids."""
    return _steps_of(course).exclude(pk__in=done_ids).order_by("path").first()
