from wagtail.snippets.models import register_snippet

from courses.viewsets import QuestionBankViewSet

register_snippet(QuestionBankViewSet)
