"""A cached, read-only index of each course's tree, for the lesson page's navigation.

Rebuilding it costs a few queries; reading it costs one cache lookup. Any save,
publication, move or deletion of a page changes the tree version, so a stale index
is never read (see `courses/signals.py`).
"""

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.models import Page

from cms.models import english_active  # noqa: F401  (the one rule, re-exported)

TREE_VERSION_KEY = "courses:tree-version"
INDEX_TIMEOUT = 24 * 60 * 60
STEP_FIELDS = (
    "id",
    "title",
    "title_en",
    "url_path",
    "path",
    "depth",
    "required",
    "reading_minutes",
    "locale_id",
)


@dataclass(frozen=True)
class PageRef:
    """What a link to a page needs: id, titles and URL."""

    pk: int
    title: str
    title_en: str
    url: str
    path: str = ""
    required: bool = True
    reading_minutes: int = 0
    kind: str = "lesson"  # or "quiz"

    @property
    def display_title(self) -> str:
        return self.title_en if self.title_en and english_active() else self.title


@dataclass
class CourseIndex:
    course: PageRef
    ancestors: list[PageRef]  # home page → catalogue
    modules: dict[str, PageRef]  # by path
    # The steps of the course: live lessons and quizzes, in outline order.
    lessons: list[PageRef] = field(default_factory=list)

    @property
    def required_ids(self) -> set[int]:
        return {lesson.pk for lesson in self.lessons if lesson.required}


def tree_version_get() -> str:
    version = cache.get(TREE_VERSION_KEY)
    if version is None:
        cache.add(TREE_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(TREE_VERSION_KEY, "")
    return version


def tree_changed() -> None:
    """Forget every course index (called whenever a page changes)."""
    cache.set(TREE_VERSION_KEY, uuid.uuid4().hex, None)


def _ref(page, request, **extra) -> PageRef:
    return PageRef(
        pk=page.pk,
        title=page.title,
        title_en=getattr(page, "title_en", ""),
        url=page.get_url(request) or "",
        path=page.path,
        **extra,
    )


def course_index_get(*, course_path: str, request=None) -> CourseIndex | None:
    """The index of the course at that tree path (built and cached on first use)."""
    from courses.models import CoursePage, LessonPage, ModulePage, QuizPage

    site_id = getattr(getattr(request, "_wagtail_site", None), "pk", "")
    key = f"courses:index:{tree_version_get()}:{site_id}:{course_path}"
    index = cache.get(key)
    if index is not None:
        return index
    course = CoursePage.objects.filter(path=course_path).first()
    if course is None:
        return None
    ancestors = (
        Page.objects.ancestor_of(course)
        .filter(depth__gt=1)
        .order_by("depth")
        .specific()  # their English titles
    )
    index = CourseIndex(
        course=_ref(course, request),
        ancestors=[_ref(page, request) for page in ancestors],
        modules={
            m.path: _ref(m, request)
            for m in ModulePage.objects.live()
            .public()
            .child_of(course)
            .order_by("path")
        },
        lessons=sorted(
            [
                _ref(
                    step,
                    request,
                    required=step.required,
                    reading_minutes=step.reading_minutes,
                    kind=kind,
                )
                for model, kind in ((LessonPage, "lesson"), (QuizPage, "quiz"))
                for step in model.objects.live()
                .public()
                .descendant_of(course)
                .only(*STEP_FIELDS)
            ],
            key=lambda ref: ref.path,
        ),
    )
    cache.set(key, index, INDEX_TIMEOUT)
    return index


def catalog_url_get(*, request=None) -> str:
    """The URL of the site's live catalogue (cached with the tree version)."""
    from courses.models import CatalogPage

    site_id = getattr(getattr(request, "_wagtail_site", None), "pk", "")
    key = f"courses:catalog-url:{tree_version_get()}:{site_id}"
    url = cache.get(key)
    if url is None:
        catalog = CatalogPage.objects.live().order_by("path").first()
        url = (catalog.get_url(request) or "") if catalog else ""
        cache.set(key, url, INDEX_TIMEOUT)
    return url
