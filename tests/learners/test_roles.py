"""Roles are groups created by migration; each gets exactly the access it needs."""

import pytest
from django.contrib.auth.models import Group
from wagtail.documents.permissions import permission_policy as document_permissions
from wagtail.images.permissions import permission_policy as image_permissions
from wagtail.models import GroupPagePermission

from learners.roles import Role
from learners.selectors import coordinated_municipality_get, user_roles_list
from learners.services import city_coordinator_assign, role_grant
from tests.factories.learners import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_role_groups_exist_after_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}


def test_trainers_edit_the_page_tree_and_reach_the_admin(client):
    trainer = UserFactory()
    role_grant(user=trainer, role=Role.TRAINER)
    perms = set(
        GroupPagePermission.objects.filter(group__name=Role.TRAINER).values_list(
            "permission__codename", flat=True
        )
    )
    assert perms == {"add_page", "change_page"}
    assert image_permissions.user_has_permission(trainer, "add")
    assert document_permissions.user_has_permission(trainer, "choose")
    client.force_login(trainer)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code in (200, 302)


def test_learners_and_coordinators_cannot_reach_the_admin(client):
    learner = UserFactory()
    coordinator = UserFactory()
    city_coordinator_assign(user=coordinator, municipality=MunicipalityFactory())
    for user in (learner, coordinator):
        client.force_login(user)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_certificate_admins_reach_the_admin(client):
    admin = UserFactory()
    role_grant(user=admin, role=Role.CERTIFICATE_ADMIN)
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200


def test_a_coordinator_follows_exactly_one_municipality():
    """Re-assigning moves the coordinator; they never follow two cities."""
    user = UserFactory()
    dakar = MunicipalityFactory(name="Dakar", country="SN")
    tunis = MunicipalityFactory(name="Tunis", country="TN")
    city_coordinator_assign(user=user, municipality=dakar)
    city_coordinator_assign(user=user, municipality=tunis)
    assert coordinated_municipality_get(user=user) == tunis
    assert user_roles_list(user=user) == [Role.CITY_COORDINATOR]


def test_a_plain_learner_has_no_role_and_no_city_to_coordinate():
    user = UserFactory()
    assert user_roles_list(user=user) == []
    assert coordinated_municipality_get(user=user) is None


def test_profile_page_names_the_roles_in_french(client):
    user = UserFactory()
    role_grant(user=user, role=Role.TRAINER)
    client.force_login(user)
    assert "Formateur ou formatrice" in client.get("/profile/").content.decode()
