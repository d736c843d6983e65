"""Rate limits key on the client's address: behind TRUSTED_PROXY_COUNT proxies it is
read from X-Forwarded-For, otherwise X-Forwarded-For is ignored (not spoofable)."""

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
import time_machine
from django.conf import settings as django_settings
from django.test import RequestFactory
from django.urls import reverse

from learners.client_address import client_address_get
from tests.factories.learners import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
VERIFY_RATE = 30
TOO_MANY_LOGINS = "Trop de tentatives de connexion échouées"


@pytest.fixture
def frozen_clock():
    """The verification limit counts per calendar minute: stay inside one."""
    with time_machine.travel(datetime(2026, 3, 4, 10, 0, 5, tzinfo=UTC), tick=False):
        yield


def _verify(client, forwarded_for: str | None):
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded_for:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.get(
        reverse("certificates:verify", args=["ZZZZ-ZZZZ-ZZZZ"]), **headers
    )


def test_setting_comes_from_the_environment_and_feeds_allauth():
    """TRUSTED_PROXY_COUNT=2 in the environment sets allauth's count to 2; unset, 0."""
    code = (
        "import config.settings.base as s;"
        "print(s.TRUSTED_PROXY_COUNT, s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    )
    env = {k: v for k, v in os.environ.items() if k != "TRUSTED_PROXY_COUNT"}
    run = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
    )
    assert run.stdout.split() == ["0", "0"], run.stderr
    run = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "TRUSTED_PROXY_COUNT": "2"},
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
    )
    assert run.stdout.split() == ["2", "2"], run.stderr


def test_without_trusted_proxy_x_forwarded_for_is_ignored(settings):
    """With a count of 0 the address is REMOTE_ADDR whatever the header says."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get(
        "/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.1"
    )
    assert client_address_get(request) == "198.51.100.7"


def test_with_one_proxy_the_last_forwarded_address_is_the_client(settings):
    """With one proxy, the entry it appended is the client; earlier ones are forgeable."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.1"
    )
    assert client_address_get(request) == "203.0.113.1"


def test_fewer_forwarded_entries_than_proxies_is_no_error(settings):
    """A request that bypassed the proxies keys on its peer address, not a 500."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1"
    )
    assert client_address_get(request) == PROXY


def test_verification_limit_is_per_client_behind_a_proxy(
    client, settings, frozen_clock
):
    """Behind one proxy, a client that used up its lookups does not block another."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    statuses = [_verify(client, "203.0.113.1").status_code for _ in range(31)]
    assert statuses[:VERIFY_RATE] == [404] * VERIFY_RATE
    assert statuses[-1] == 429
    assert _verify(client, "203.0.113.2").status_code == 404


def test_verification_limit_ignores_forged_x_forwarded_for(
    client, settings, frozen_clock
):
    """Without a trusted proxy, changing X-Forwarded-For does not buy more lookups."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for number in range(VERIFY_RATE):
        assert _verify(client, f"203.0.113.{number}").status_code == 404
    assert _verify(client, "203.0.113.250").status_code == 429


def _login_failures(client, forwarded_for: str, count: int):
    """Wrong passwords for `count` different accounts, so only the address bucket fills."""
    last = None
    for _ in range(count):
        last = client.post(
            "/accounts/login/",
            {"login": UserFactory().email, "password": "pas-le-bon"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )
    return last


def test_login_address_limit_is_per_client_behind_a_proxy(
    client, settings, frozen_clock
):
    """allauth's per-address login limit, behind one proxy, blocks one client only."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    response = _login_failures(client, "203.0.113.1", 11)
    assert TOO_MANY_LOGINS in response.content.decode()
    response = _login_failures(client, "203.0.113.2", 1)
    assert TOO_MANY_LOGINS not in response.content.decode()
