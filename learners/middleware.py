from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from learners.selectors import preferred_language_get

SESSION_KEY = "campus_preferred_language"


class LanguageMiddleware(LocaleMiddleware):
    """Choose the interface language: switcher cookie, then profile, then French.

    The browser's Accept-Language is deliberately ignored: Campus is French first,
    and many learners use borrowed or English-configured phones. The profile's
    language is read once per session.
    """

    def process_request(self, request):
        language = self._cookie_language(request) or self._profile_language(request)
        language = language or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    @staticmethod
    def _cookie_language(request) -> str:
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        return code if code in dict(settings.LANGUAGES) else ""

    @staticmethod
    def _profile_language(request) -> str:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return ""
        language = request.session.get(SESSION_KEY)
        if language is None:
            language = preferred_language_get(user=user)
            request.session[SESSION_KEY] = language
        return language
