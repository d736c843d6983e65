"""A cached, read-only index of each course's tree, for the lesson page's navigation.

Rebuilding it costs a few queries; reading it costs one cache lookup. Any save,
publication, move or deletion of a page changes the tree version, so a stale index
is never read (see `cms/page_tree.py`).
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.models import Page

from cms.models import english_active
from cms.page_tree import tree_version_get

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
    steps: list[PageRef] = field(default_factory=list)

    @property
    def required_ids(self) -> set[int]:
        return {step.pk for step in self.steps if step.required}


def page_ref(page, request, **extra) -> PageRef:
    return PageRef(
        pk=page.pk,
        title=page.title,
        title_en=getattr(page, "title_en", ""),
        url=page.get_url(request) or "",
        path=page.path,
        **extra,
    )


def _step_ref(step, request, kind: str) -> PageRef:
    return page_ref(
        step,
        request,
        required=step.required,
        reading_minutes=step.reading_minutes,
        kind=kind,
    )


def _as_draft(page):
    """The page as its author last saved it (its latest revision), tree fields kept."""
    revision = getattr(page, "latest_revision", None)
    if revision is None or not page.has_unpublished_changes:
        return page
    return page.with_content_json(revision.content)


def course_index_get(
    *, course_path: str, request=None, previewed: Page | None = None
) -> CourseIndex | None:
    """The index of the course at that tree path (built and cached on first use).

    In a preview (`request.is_preview`, set by Wagtail for the editor's preview panel
    and "view draft"), the index is built afresh, uncached, with the draft state of
    every page of the course and the previewed page itself (`previewed`, possibly not
    saved yet): learners never see it, previews never read a stale index.
    """
    if getattr(request, "is_preview", False):
        return _index_build(
            course_path=course_path, request=request, drafts=True, previewed=previewed
        )
    site_id = getattr(getattr(request, "_wagtail_site", None), "pk", "")
    key = f"courses:index:v2:{tree_version_get()}:{site_id}:{course_path}"
    index = cache.get(key)
    if index is not None:
        return index
    index = _index_build(course_path=course_path, request=request, drafts=False)
    if index is not None:
        cache.set(key, index, INDEX_TIMEOUT)
    return index


def _index_build(
    *, course_path: str, request, drafts: bool, previewed: Page | None = None
) -> CourseIndex | None:
    from courses.models import CoursePage, LessonPage, ModulePage, QuizPage

    def visible(queryset, *fields):
        if drafts:  # every state; each page is then read as last saved
            return queryset.select_related("latest_revision")
        queryset = queryset.live().public()
        return queryset.only(*fields) if fields else queryset

    if previewed is not None and previewed.path == course_path:
        course = previewed
    else:
        courses = CoursePage.objects.filter(path=course_path)
        if drafts:
            courses = courses.select_related("latest_revision")
        course = courses.first()
        if course is None:
            return None
        if drafts:
            course = _as_draft(course)
    ancestors = (
        Page.objects.ancestor_of(course)
        .filter(depth__gt=1)
        .order_by("depth")
        .specific()  # their English titles
    )
    modules = [
        _as_draft(m) if drafts else m
        for m in visible(ModulePage.objects.child_of(course)).order_by("path")
    ]
    steps = [
        (_as_draft(step) if drafts else step, kind)
        for model, kind in ((LessonPage, "lesson"), (QuizPage, "quiz"))
        for step in visible(model.objects.descendant_of(course), *STEP_FIELDS)
    ]
    if previewed is not None and previewed.path != course_path:
        if isinstance(previewed, ModulePage):
            modules = [m for m in modules if m.path != previewed.path] + [previewed]
        elif isinstance(previewed, LessonPage | QuizPage):
            kind = "quiz" if isinstance(previewed, QuizPage) else "lesson"
            steps = [
                (step, k)
                for step, k in steps
                if step.path != previewed.path
                and (previewed.pk is None or step.pk != previewed.pk)
            ] + [(previewed, kind)]
    return CourseIndex(
        course=page_ref(course, request),
        ancestors=[page_ref(page, request) for page in ancestors],
        modules={
            m.path: page_ref(m, request) for m in sorted(modules, key=lambda m: m.path)
        },
        steps=sorted(
            (_step_ref(step, request, kind) for step, kind in steps),
            key=lambda ref: ref.path,
        ),
    )


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
