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
    assert "pip install --no-cache-dir -e ." in docker and "pip install -e " in make, "both run from the source tree"


def test_when_package_built_then_every_model_file_is_in_it(tmp_path) -> None:
    """A wheel (what a plain `pip install .` installs) carries every file under audit/models/.

    Built from a copy of the sources, so that no earlier build's leftovers can stand in for a missing file.
    """
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    for name in ("audit", "app"):
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation",
                          "-q", "-w", str(tmp_path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    import zipfile

    wheel = zipfile.ZipFile(next(tmp_path.glob("*.whl")))
    packed = {n for n in wheel.namelist() if n.startswith("audit/models/")}
    models = REPO / "audit" / "models"
    shipped = {f"audit/models/{p.relative_to(models).as_posix()}" for p in models.rglob("*") if p.is_file()}
    assert shipped - packed == set()


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
