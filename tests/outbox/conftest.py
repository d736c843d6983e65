import pytest

from tests.redis_server import RedisServer, redis_available


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server of this test's own on a free port, shut down at the end."""
    if not redis_available():
        pytest.skip("needs redis-server (apt-get install redis-server)")
    server = RedisServer(tmp_path)
    yield server
    server.shutdown()


from tests.certificates.conftest import course, design, learner  # noqa: E402, F401
