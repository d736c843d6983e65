"""Admin screens for the site admin: municipalities and who coordinates which city."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
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


class CityCoordinatorViewSet(SnippetViewSet):
    model = CityCoordinator
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
