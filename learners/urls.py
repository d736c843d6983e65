from django.urls import path

from learners import views

app_name = "learners"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile_edit"),
]
