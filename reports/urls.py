from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("ma-ville/", views.city_staff, name="city_staff"),
    path("ma-ville/export.csv", views.city_staff_csv, name="city_staff_csv"),
]
