"""A redis-server of the tests' own, started on a free loopback port and stopped after."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy import services


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with services.redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture
def store_url(redis_url: str) -> Iterator[str]:
    """The module's Redis, emptied for each test."""
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushall()
    yield redis_url
    client.close()


def here() -> Path:
    return Path(__file__).parent
