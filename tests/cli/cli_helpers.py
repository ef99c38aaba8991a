"""Helpers for the CLI tests: the bench's golden check, copying bench calls."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def check_golden(shared: Path, case: str, report: Path) -> subprocess.CompletedProcess:
    """The bench's own golden check on a written report."""
    script = shared / "bench" / "check_golden.py"
    expected = shared / "golden" / case / "expected.json"
    return subprocess.run(
        [sys.executable, str(script), str(expected), str(report)], capture_output=True, text=True, check=False
    )


def copy_calls(src: Path, dst: Path, names: list[str]) -> list[Path]:
    dst.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(src / f"{n}.json", dst / f"{n}.json")) for n in names]
