import pytest

from learners.roles import Role
from learners.services import role_grant
from tests.factories.learners import UserFactory


@pytest.fixture
def reader(client):
    """A client logged in as a trainer, who reads every lesson without enrolling."""
    user = UserFactory()
    role_grant(user=user, role=Role.TRAINER)
    client.force_login(user)
    return user
