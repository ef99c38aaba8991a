"""Running the `callaudit` command in-process, and the shared bench data the end-to-end tests use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli import main

SHARED = Path(__file__).resolve().parents[3] / "shared"


@dataclass
class Result:
    status: int
    out: str
    err: str


@pytest.fixture
def cli(capsys):
    """Run `callaudit ARGS...` and return its exit status, stdout and stderr."""

    def run(*args: str | Path) -> Result:
        capsys.readouterr()
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    """`../shared` beside the repository (CI lays it there); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED
