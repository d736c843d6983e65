from wagtail.snippets.models import register_snippet

from learners.viewsets import PeopleViewSetGroup

register_snippet(PeopleViewSetGroup)
