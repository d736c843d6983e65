from django.urls import path

from learners import quiz_views, views

app_name = "learners"

urlpatterns = [
    path("profile/", views.profile_edit, name="profile_edit"),
    path("mon-parcours/", views.dashboard, name="dashboard"),
    path(
        "parcours/cours/<int:course_id>/inscription/",
        views.course_enroll,
        name="course_enroll",
    ),
    path(
        "parcours/cours/<int:course_id>/quitter/",
        views.course_leave,
        name="course_leave",
    ),
    path(
        "parcours/cours/<int:course_id>/continuer/",
        views.course_continue,
        name="course_continue",
    ),
    path(
        "parcours/etapes/<int:page_id>/terminer/",
        views.step_complete_view,
        name="step_complete",
    ),
    path(
        "parcours/quiz/<int:quiz_id>/commencer/",
        quiz_views.quiz_start,
        name="quiz_start",
    ),
    path(
        "parcours/tentatives/<int:attempt_id>/",
        quiz_views.quiz_attempt,
        name="quiz_attempt",
    ),
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/export.json", views.my_data_export, name="my_data_export"),
    path("mes-donnees/supprimer/", views.account_delete_view, name="account_delete"),
]
