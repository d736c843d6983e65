from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("v/<str:code>/", views.verify, name="verify"),
    path("verifier/", views.verify_form, name="verify_form"),
    path(
        "parcours/certificats/<uuid:certificate_id>/pdf/",
        views.certificate_pdf,
        name="pdf",
    ),
]
