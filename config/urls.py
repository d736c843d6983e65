from allauth.account import views as account_views
from allauth.decorators import rate_limit
from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import LoginView as WagtailAdminLoginView
from wagtail.documents import urls as wagtaildocs_urls

from cms import media_views
from config.health import health
from learners import views as learner_views

urlpatterns = [
    path("health/", health, name="health"),
    # One login, one limit: Wagtail's admin login keeps its page (and lands in
    # /admin/) but checks passwords through allauth (AdminLoginForm) under allauth's
    # `login` rate; the private pages' login is allauth's own view.
    path(
        "admin/login/",
        rate_limit(action="login")(WagtailAdminLoginView.as_view()),
        name="wagtailadmin_login",
    ),
    path("_util/login/", account_views.login, name="wagtailcore_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("language/", learner_views.language_switch, name="language_switch"),
    path("", include("learners.urls")),
    path("", include("certificates.urls")),
    path("", include("reports.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # One machine in production: the app serves uploaded images (and only them).
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.lstrip('/')}<path:path>",
            media_views.public_media,
            name="public_media",
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
