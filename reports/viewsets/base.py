"""What every learning listing shares: its columns (``ReportField``, shown on screen
and written to exports alike), the scoped read-only index view and the viewset the
listings subclass (see the package docstring)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import F, TextChoices
from django.urls import path
from django.utils import timezone, translation
from django.utils.functional import Promise, cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from cms.admin_search import EveryWordSearchMixin
from learners.models import Gender
from learners.scope import learner_scope_or_none
from reports.exports import SpreadsheetStreamMixin
from reports.filters import LEARNER

#: The hook of the admin's "Learning" submenu (``LEARNING_MENU_HOOK`` of
#: reports/wagtail_hooks.py, which imports this package).
LEARNING_MENU_HOOK = "register_learning_menu_item"

# --------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class ReportField:
    """One column of a listing: shown on screen and written to exports alike.

    ``value`` returns what is exported (text, a number, a date or None); ``primary``
    makes it a status tag, highlighted for the rows where it returns True; ``url``
    (row, request) makes it a link on screen, where it returns one.
    """

    name: str
    label: Promise
    value: Callable
    sort_key: str | None = None
    primary: Callable | None = None
    url: Callable | None = None

    def column(self) -> Column:
        shared = {
            "label": self.label,
            "accessor": self.value,
            "sort_key": self.sort_key,
        }
        if self.url is not None:
            return LinkColumn(self.name, url=self.url, **shared)
        if self.primary is not None:
            return StatusTagColumn(self.name, primary=self.primary, **shared)
        return Column(self.name, **shared)


class LinkColumn(TitleColumn):
    """A column whose cells link where ``url(row, request)`` says (no link on None)."""

    def __init__(self, name, *, url: Callable, **kwargs):
        super().__init__(name, **kwargs)
        self.url = url

    def get_link_url(self, instance, parent_context):
        return self.url(instance, parent_context.get("request"))


GENDERS = frozenset(Gender.values)


@lru_cache(maxsize=1024)
def choice_label(choice, language: str) -> str:
    """The translated label of a choice (a TextChoices member), once per language:
    exports ask for it on every row."""
    return str(choice.label)


@lru_cache(maxsize=1024)
def _country_label(code: str, language: str) -> str:
    return str(countries.name(code)) if code else ""


def _gender(row) -> str:
    gender = row.learner_gender
    if gender not in GENDERS:
        return ""
    return choice_label(Gender(gender), translation.get_language())


def _country(row) -> str:
    return _country_label(row.learner_country or "", translation.get_language())


def local_day(value: datetime.datetime | None) -> datetime.date | None:
    """The day of ``value`` in the site's time zone (the day the filters use)."""
    return timezone.localtime(value).date() if value else None


def day_field(name: str, label: Promise) -> ReportField:
    """The day of the row's ``name`` date and time (in the site's time zone), sorted
    on it."""
    return ReportField(name, label, lambda row: local_day(getattr(row, name)), name)


def state_field(states: type[TextChoices], highlighted) -> ReportField:
    """The row's state, labelled as ``states`` says, sorted on it; a status tag
    highlighted on the ``highlighted`` state."""
    return ReportField(
        "state",
        gettext_lazy("State"),
        lambda row: choice_label(states(row.state), translation.get_language()),
        "state",
        primary=lambda row: row.state == highlighted,
    )


def value_field(name: str, label: Promise) -> ReportField:
    """The row's ``name`` value as it is, sorted on it."""
    return ReportField(name, label, attrgetter(name), name)


#: The learner's and the course's columns, read as plain values with each row (no
#: user, profile, city or course page objects to build: exports stay fast).
LEARNER_VALUES = {
    "learner_last_name": F("user__last_name"),
    "learner_first_name": F("user__first_name"),
    "learner_email": F("user__email"),
    "learner_municipality": F("user__profile__municipality__name"),
    "learner_country": F("user__profile__municipality__country"),
    "learner_gender": F("user__profile__gender"),
    "course_title": F("course__title"),
}

LEARNER_FIELDS = (
    ReportField(
        "last_name",
        gettext_lazy("Last name"),
        lambda row: row.learner_last_name,
        "user__last_name",
    ),
    ReportField(
        "first_name",
        gettext_lazy("First name"),
        lambda row: row.learner_first_name,
        "user__first_name",
    ),
    ReportField(
        "email", gettext_lazy("E-mail"), lambda row: row.learner_email, "user__email"
    ),
    ReportField(
        "municipality",
        gettext_lazy("Municipality"),
        lambda row: row.learner_municipality or "",
        "user__profile__municipality__name",
    ),
    ReportField(
        "country",
        gettext_lazy("Country"),
        _country,
        "user__profile__municipality__country",
    ),
    ReportField("gender", gettext_lazy("Gender"), _gender, "user__profile__gender"),
)
COURSE_FIELD = ReportField(
    "course", gettext_lazy("Course"), lambda row: row.course_title, "course__title"
)


def listing_rows(queryset, *fields: str):
    """``queryset`` with only ``fields`` of its model and the learner's values."""
    return (
        queryset.select_related(None)
        .only("user", "course", *fields)
        .annotate(**LEARNER_VALUES)
    )


# --------------------------------------------------------------------------- views


def report_listing_allowed(user, model) -> bool:
    """Whether ``user`` may open the listing of ``model``: a report scope and a
    permission on the model."""
    if learner_scope_or_none(user) is None:
        return False
    return policy_registry.get_by_type(model).user_has_any_permission(
        user, {"add", "change", "delete", "view"}
    )


class ReportIndexView(EveryWordSearchMixin, SpreadsheetStreamMixin, generic.IndexView):
    """A scoped, read-only listing whose exports stream (see the module docstring).
    Searching asks every word typed in the learner's names or e-mail address."""

    results_template_name = "reports/listings/index_results.html"
    report_fields: tuple[ReportField, ...] = ()
    rows: Callable | None = None  # () -> the unscoped queryset of the listing

    def dispatch(self, request, *args, **kwargs):
        self.scope = learner_scope_or_none(request.user)
        if self.scope is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return self.scope.learners(self.rows(), LEARNER)

    # -- filters and search

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "scope": self.scope}

    def filter_queryset(self, queryset):
        """Apply every valid filter; an invalid one is left out (``filter_notices``)
        instead of dropping them all."""
        if not self.filters:
            return queryset
        self.filters.is_valid()
        return self.filters.filter_queryset(queryset)

    @cached_property
    def is_filtering(self):
        return bool(self.filters and self.filters.form.changed_data)

    @cached_property
    def filter_notices(self) -> list[str]:
        if not self.filters:
            return []
        form = self.filters.form
        return [
            _("The filter “%(filter)s” was ignored: %(error)s")
            % {"filter": form.fields[name].label, "error": " ".join(errors)}
            for name, errors in form.errors.items()
            if name in form.fields
        ]

    def order_queryset(self, queryset):
        ordering = self.ordering or ()
        if isinstance(ordering, str):
            ordering = (ordering,)
        # A tie-breaker, so that pages and exports list rows in one stable order.
        return queryset.order_by(*ordering, "-pk")


class ReportListingViewSet(ModelViewSet):
    """A read-only listing of the "Learning" menu; subclasses name the model, the
    rows (``get_rows``), the fields and the filters."""

    index_view_class = ReportIndexView
    menu_hook = LEARNING_MENU_HOOK
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    search_backend_name = None
    list_per_page = 50
    #: The listing's part of its admin address (``reports/<slug>/``) and menu name.
    slug = ""
    #: The listing's own columns, after the learner's and the course's.
    listing_fields: tuple[ReportField, ...] = ()

    @cached_property
    def url_prefix(self):
        return f"reports/{self.slug}"

    @cached_property
    def menu_name(self):
        return f"report-{self.slug}"

    @cached_property
    def report_fields(self) -> tuple[ReportField, ...]:
        return (*LEARNER_FIELDS, COURSE_FIELD, *self.listing_fields)

    def get_rows(self):
        raise NotImplementedError

    @cached_property
    def list_display(self):
        return [field.column() for field in self.report_fields]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            report_fields=self.report_fields,
            rows=self.get_rows,
            page_title=self.menu_label,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    @cached_property
    def menu_item_class(self):
        model = self.model

        def is_shown(item, request):
            return report_listing_allowed(request.user, model)

        return type(
            f"{self.__class__.__name__}MenuItem", (MenuItem,), {"is_shown": is_shown}
        )

    def register_admin_url_finder(self):
        # No edit screen to point at; the certificates' own viewset keeps its finder.
        pass

    def get_permissions_to_register(self):
        """Only "view": the listings never add, change or delete."""
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            codename=get_permission_codename("view", self.model._meta),
        )
