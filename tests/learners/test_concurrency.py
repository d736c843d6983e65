"""Constraints hold when many requests race (PostgreSQL, real threads and connections)."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from learners.models import Municipality, User
from learners.services import municipality_get_or_create


def _race(worker, count=8):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run(i):
        try:
            barrier.wait()
            results.append(worker(i))
        except Exception as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_profiles_naming_the_same_city_create_one_municipality():
    names = ["Tunis", "tunis", "TUNIS ", " Tunis", "Tunis", "tunis", "Tunis", "TuNiS"]
    results, errors = _race(
        lambda i: municipality_get_or_create(name=names[i], country="TN")
    )
    assert errors == []
    assert Municipality.objects.filter(country="TN").count() == 1
    assert len({m.pk for m in results}) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_two_accounts_with_one_email():
    def create(i):
        with transaction.atomic():
            return User.objects.create_user("meme@ville.example", "x")

    results, errors = _race(create, count=4)
    assert len(results) == 1
    assert all(isinstance(e, IntegrityError) for e in errors)
    assert User.objects.filter(email="meme@ville.example").count() == 1
