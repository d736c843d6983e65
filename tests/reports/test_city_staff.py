"""City coordinators follow their own city's staff, and nobody else's."""

import csv
import io

import pytest
from django.urls import reverse

from courses.models import LessonPage
from learners.services import city_coordinator_assign, enrollment_create, step_complete
from tests.factories.courses import course_create
from tests.factories.learners import MunicipalityFactory, ProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def _csv_rows(response, delimiter=";"):
    """The rows of a CSV download (French interface: fields separated by ";")."""
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=delimiter))


@pytest.fixture
def dakar_setup(client):
    dakar = MunicipalityFactory(name="Dakar", country="SN")
    tunis = MunicipalityFactory(name="Tunis", country="TN")
    coordinator = UserFactory()
    city_coordinator_assign(user=coordinator, municipality=dakar)
    budget = course_create(title="Budget", modules=1, lessons_per_module=2)
    iso = course_create(title="ISO 37001", modules=1, lessons_per_module=2)
    awa = ProfileFactory(
        municipality=dakar, user__first_name="Awa", user__last_name="Diop"
    ).user
    fatou = ProfileFactory(
        municipality=dakar, user__first_name="Fatou", user__last_name="Sall"
    ).user
    youssef = ProfileFactory(
        municipality=tunis, user__first_name="Youssef", user__last_name="Ben Ali"
    ).user
    for user, course in ((awa, budget), (fatou, iso), (youssef, budget)):
        enrollment_create(user=user, course=course)
    for lesson in LessonPage.objects.live().descendant_of(budget):
        step_complete(user=awa, page=lesson)
    client.force_login(coordinator)
    return {"budget": budget, "iso": iso}


def test_coordinator_sees_own_city_staff_with_progress(client, dakar_setup):
    body = client.get(reverse("reports:city_staff")).content.decode()
    assert "Les agents de Dakar" in body
    assert "Awa Diop" in body and "Fatou Sall" in body
    assert "Youssef" not in body
    assert "100 %" in body and "0 %" in body


def test_coordinator_filters_by_course(client, dakar_setup):
    url = reverse("reports:city_staff")
    body = client.get(url, {"course": dakar_setup["iso"].pk}).content.decode()
    assert "Fatou Sall" in body and "Awa Diop" not in body
    body = client.get(url, {"course": "999999"}).content.decode()  # unknown: no filter
    assert "Awa Diop" in body and "Fatou Sall" in body


def test_csv_export_lists_only_own_city(client, dakar_setup):
    """The coordinator's CSV holds their city's staff, in French Excel's dialect."""
    response = client.get(reverse("reports:city_staff_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv_rows(response)
    assert rows[0][0] == "Nom"
    names = {(row[1], row[0]) for row in rows[1:]}
    assert names == {("Awa", "Diop"), ("Fatou", "Sall")}
    awa = next(row for row in rows if row[1] == "Awa")
    assert awa[5] == "Budget" and awa[6] == "100" and awa[9]


def test_people_who_are_not_coordinators_are_refused(client, dakar_setup):
    learner = ProfileFactory().user
    client.force_login(learner)
    assert client.get(reverse("reports:city_staff")).status_code == 403
    assert client.get(reverse("reports:city_staff_csv")).status_code == 403
    client.logout()
    assert client.get(reverse("reports:city_staff")).status_code == 302


def test_a_coordinator_removed_from_the_group_loses_access(client, dakar_setup):
    from django.contrib.auth.models import Group

    from learners.models import CityCoordinator

    coordinator = CityCoordinator.objects.get().user
    coordinator.groups.remove(Group.objects.get(name="City coordinators"))
    assert client.get(reverse("reports:city_staff")).status_code == 403


def test_csv_cells_that_look_like_formulas_are_neutralised(client, dakar_setup):
    """A job title typed as a formula reaches the spreadsheet as text, not as a formula."""
    from learners.models import Profile

    Profile.objects.filter(user__first_name="Awa").update(
        job_title='=HYPERLINK("http://x")'
    )
    response = client.get(reverse("reports:city_staff_csv"))
    rows = _csv_rows(response)
    awa = next(row for row in rows if row[1] == "Awa")
    assert awa[3] == '\'=HYPERLINK("http://x")'


def test_csv_export_in_english_uses_commas(client, dakar_setup):
    """In English the coordinator's CSV separates fields with commas, BOM kept."""
    client.cookies["campus_language"] = "en"
    response = client.get(reverse("reports:city_staff_csv"))
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Last name", "First name"]
