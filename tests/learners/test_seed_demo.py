"""`seed_demo` creates the demo people once, prints their logins and refuses production."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from learners.models import CityCoordinator, Municipality, Profile, User
from learners.roles import Role

pytestmark = pytest.mark.django_db

LINE = re.compile(r"^demo account: (\S+@\S+) / (\S+) \(([a-z ]+)\)$")


def _seed(**kwargs):
    out = StringIO()
    call_command("seed_demo", stdout=out, **kwargs)
    return out.getvalue().splitlines()


def test_seed_demo_prints_one_line_per_account_and_they_can_log_in(settings, client):
    settings.DEBUG = True
    lines = _seed()
    accounts = [
        LINE.match(line).groups() for line in lines if line.startswith("demo account:")
    ]
    assert len(accounts) == User.objects.count() >= 8
    roles = {role for _, _, role in accounts}
    assert roles == {
        "site admin",
        "certificate admin",
        "trainer",
        "city coordinator",
        "learner",
    }
    for email, password, _ in accounts:
        response = client.post(
            "/accounts/login/", {"login": email, "password": password}
        )
        assert response.status_code == 302, email
        assert response["Location"] == "/", email
        client.logout()
    countries = set(Municipality.objects.values_list("country", flat=True))
    assert {"SN", "TN", "CM", "CA", "KH"} <= countries
    coordinator = CityCoordinator.objects.get()
    assert coordinator.user.groups.filter(name=Role.CITY_COORDINATOR).exists()


def test_seed_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    first = _seed()
    snapshot = list(User.objects.order_by("pk").values())
    profiles = list(Profile.objects.order_by("pk").values())
    pages = list(
        Page.objects.order_by("pk").values("pk", "title", "latest_revision_id")
    )
    second = _seed()
    assert [line for line in first if line.startswith("demo account:")] == second
    assert list(User.objects.order_by("pk").values()) == snapshot
    assert list(Profile.objects.order_by("pk").values()) == profiles
    assert (
        list(Page.objects.order_by("pk").values("pk", "title", "latest_revision_id"))
        == pages
    )


def test_seed_demo_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        _seed()
    assert not User.objects.exists()
    assert _seed(force=True)
