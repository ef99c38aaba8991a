"""Fixtures for the service tests: settings in a temp data dir, real PostgreSQL and Redis, an API client.

Tests choose their database with `backend` ("sqlite" by default; modules run on both with
`pytest.mark.parametrize("backend", BACKENDS, indirect=True)`). Each test gets its own database.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator

import pytest
import svc_servers as servers
from svc_factories import Api

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres() -> Iterator[servers.Postgres]:
    if servers.pg_binary("initdb") is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    server = servers.start_postgres()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[servers.Redis]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = servers.start_redis(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest) -> str | None:
    if backend == "sqlite":
        return None
    server = request.getfixturevalue("postgres")
    return server.create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def service_env(tmp_path, database_url, monkeypatch) -> dict[str, str]:  # noqa: ANN001
    """CALLAUDIT_* variables for this test (also what subprocesses get)."""
    env = {
        "CALLAUDIT_ENVIRONMENT": "test",
        "CALLAUDIT_DATA_DIR": str(tmp_path / "data"),
        "CALLAUDIT_JOB_POLL_S": "0.05",
        "CALLAUDIT_JOB_BACKOFF_S": "0.2",
        "CALLAUDIT_WEBHOOK_BACKOFF_S": "0.2",
        "CALLAUDIT_WEBHOOK_TIMEOUT_S": "2",
        "CALLAUDIT_WEBHOOK_ALLOW_PRIVATE": "true",  # the test receivers listen on loopback
    }
    if database_url:
        env["CALLAUDIT_DATABASE_URL"] = database_url
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("CALLAUDIT_BROKER_URL", raising=False)
    if not database_url:
        monkeypatch.delenv("CALLAUDIT_DATABASE_URL", raising=False)
    from app.core.config import get_settings

    get_settings.cache_clear()
    yield env
    get_settings.cache_clear()


@pytest.fixture
def settings(service_env):  # noqa: ANN001, ANN201
    from app.core.config import get_settings

    return get_settings()


@pytest.fixture
def api(settings) -> Iterator[Api]:  # noqa: ANN001
    """A running app (embedded workers) and helpers to make tenants and calls."""
    from fastapi.testclient import TestClient

    from app.core.db import dispose_engines
    from app.main import create_app

    app = create_app(settings)
    with TestClient(app) as client:
        yield Api(client=client, settings=settings)
    dispose_engines()
