"""The container files: the Dockerfile passes hadolint, and the compose file validates against the Compose
specification's JSON schema and runs what the service needs (api, worker, postgres, redis)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed (it is a dev dependency)")
    return path


def test_when_dockerfile_linted_then_hadolint_clean() -> None:
    run = subprocess.run([_tool("hadolint"), "--no-color", str(REPO / "Dockerfile")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_when_dockerfile_read_then_same_steps_as_make_run() -> None:
    docker = (REPO / "Dockerfile").read_text()
    make = (REPO / "Makefile").read_text()
    assert "torch==2.13.0" in docker and "torch==2.13.0" in make
    assert '"callaudit", "serve"' in docker and "callaudit serve" in make
    assert "--demo" in docker and "--demo" in make


def test_when_compose_checked_then_schema_valid_and_complete() -> None:
    path = REPO / "docker-compose.yml"
    run = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    compose = yaml.safe_load(path.read_text())
    services = compose["services"]
    assert set(services) >= {"api", "worker", "postgres", "redis"}
    for name in ("api", "worker"):
        env = services[name]["environment"]
        assert env["CALLAUDIT_DATABASE_URL"].startswith("postgresql+psycopg://")
        assert env["CALLAUDIT_BROKER_URL"].startswith("redis://redis:")
        assert "recordings:/data" in services[name]["volumes"]  # workers read the recordings the API stored
    assert services["worker"]["command"][:2] == ["callaudit", "worker"]
    assert services["api"]["command"][:2] == ["callaudit", "serve"]
    assert "healthcheck" in services["postgres"] and "healthcheck" in services["redis"]
