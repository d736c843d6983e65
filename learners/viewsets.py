"""Admin screens for the site admin: municipalities and who coordinates which city."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from learners.models import CityCoordinator, Municipality
from learners.services import city_coordinator_assign


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Municipalities")
    list_display = ["name", "country"]
    list_filter = ["country"]
    search_fields = ["name"]
    ordering = ["name"]


class CityCoordinatorForm(WagtailAdminModelForm):
    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        # The group membership and the link are written together by the service.
        return city_coordinator_assign(
            user=self.cleaned_data["user"],
            municipality=self.cleaned_data["municipality"],
        )

    class Meta:
        model = CityCoordinator
        fields = ["user", "municipality"]
        widgets = {"user": forms.Select}


#: The permissions of which any one opens a snippet's listing (Wagtail's rule for
#: the index view), and so its chooser.
LISTING_PERMISSIONS = {"add", "change", "delete", "view"}


class ListingPermissionMixin:
    """Refuses the chooser to users who may not open the snippet's listing: Wagtail's
    choosers check no permission, so anybody with admin access could read through
    them what the listing refuses them (coordinators' names and e-mails)."""

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model_class)
        if not policy.user_has_any_permission(request.user, LISTING_PERMISSIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ListingPermissionChooserViewSet(chooser.SnippetChooserViewSet):
    """A snippet chooser with the permission rule of the snippet's listing."""

    choose_view_class = type(
        "ChooseView", (ListingPermissionMixin, chooser.ChooseView), {}
    )
    choose_results_view_class = type(
        "ChooseResultsView", (ListingPermissionMixin, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type(
        "ChosenView", (ListingPermissionMixin, chooser.SnippetChosenView), {}
    )
    chosen_multiple_view_class = type(
        "ChosenMultipleView",
        (ListingPermissionMixin, chooser.SnippetChosenMultipleView),
        {},
    )


class CityCoordinatorViewSet(SnippetViewSet):
    """Who coordinates which city; its chooser is as closed as its listing."""

    model = CityCoordinator
    chooser_viewset_class = ListingPermissionChooserViewSet
    icon = "group"
    menu_label = _("City coordinators")
    list_display = ["user", "municipality"]
    list_filter = ["municipality"]
    form_fields = ["user", "municipality"]

    def get_form_class(self, for_update=False):
        return CityCoordinatorForm


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (MunicipalityViewSet, CityCoordinatorViewSet)
    menu_icon = "group"
    menu_label = _("Cities")
    menu_name = "cities"
