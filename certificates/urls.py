from django.urls import path

from certificates import badge_views, views

app_name = "certificates"

urlpatterns = [
    path("v/<str:code>/", views.verify, name="verify"),
    path("verifier/", views.verify_form, name="verify_form"),
    path(
        "parcours/certificats/<uuid:certificate_id>/pdf/",
        views.certificate_pdf,
        name="pdf",
    ),
    # Open Badges 2.0, hosted verification: stable URLs, all public but the last
    # (the owner's baked badge).
    # Ids are taken as strings so that an unknown or malformed one gets a JSON 404.
    path("badges/issuer.json", badge_views.issuer, name="badge_issuer"),
    path(
        "badges/classes/<str:course_id>.json",
        badge_views.badge_class,
        name="badge_class",
    ),
    path(
        "badges/classes/<str:course_id>.png",
        badge_views.badge_class_image,
        name="badge_class_image",
    ),
    path(
        "badges/assertions/<str:certificate_id>.json",
        badge_views.assertion,
        name="badge_assertion",
    ),
    path(
        "badges/assertions/<str:certificate_id>.png",
        badge_views.assertion_baked_png,
        name="badge_baked",
    ),
]
