from django.conf import settings
from django.utils import translation

from learners.selectors import preferred_language_get

SESSION_KEY = "campus_preferred_language"


class PreferredLanguageMiddleware:
    """Use a logged-in learner's preferred language unless they chose one in the switcher.

    The switcher sets a cookie, which LocaleMiddleware already honours; only without
    that cookie does the profile's language apply. It is read once per session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        ):
            language = request.session.get(SESSION_KEY)
            if language is None:
                language = preferred_language_get(user=user)
                request.session[SESSION_KEY] = language
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
