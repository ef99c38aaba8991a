"""The golden roadside call, spoken into a stereo recording and audited from the audio."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.cli import main

from .conftest import GOLDEN, SHARED

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not GOLDEN.is_dir(), reason="needs ../shared (golden calls)"),
]


def test_when_golden_call_is_audited_from_audio_then_check_golden_passes(stereo_call, model_dir, tmp_path):
    checklist = str(GOLDEN / "checklist.yaml")
    transcript = tmp_path / "call.json"
    rc = main(
        [
            "transcribe",
            str(stereo_call),
            "--checklist",
            checklist,
            "--model-dir",
            str(model_dir),
            "--out",
            str(transcript),
        ]
    )
    assert rc == 0
    report = tmp_path / "report.json"
    assert main(["audit", str(transcript), "--checklist", checklist, "--out", str(report)]) == 0
    check = subprocess.run(
        [
            sys.executable,
            str(SHARED / "bench" / "check_golden.py"),
            str(GOLDEN / "expected.json"),
            str(report),
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout
