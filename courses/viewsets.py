"""Admin screens of the course content that is not a page: question banks."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import QuestionBank


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "help"
    menu_label = _("Question banks")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "updated_at"]
    search_fields = ["name"]
    ordering = ["name"]
