"""The golden roadside call, spoken into a stereo recording and audited from the audio."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.cli import main

from .conftest import GOLDEN, SHARED


def _verdicts(rows: list[dict]) -> list[tuple]:
    return [(r.get("utterance"), r.get("item"), r.get("status")) for r in rows]


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not GOLDEN.is_dir(), reason="needs ../shared (golden calls)"),
]


def test_when_golden_call_is_audited_from_audio_then_check_golden_passes(
    stereo_call, model_dir, tmp_path, monkeypatch, capsys
):
    # `callaudit audit` uses the default model cache under the home folder: point it at the session's
    monkeypatch.setenv("HOME", str(model_dir.parent / "home"))
    report = tmp_path / "report.json"
    rc = main(
        ["audit", str(stereo_call), "--checklist", str(GOLDEN / "checklist.yaml"), "--out", str(report)]
    )
    assert rc == 0
    # the recording gives the verdicts the transcript gives
    spoken = json.loads(report.read_text())
    written = tmp_path / "written.json"
    assert (
        main(
            [
                "audit",
                str(GOLDEN / "call.json"),
                "--checklist",
                str(GOLDEN / "checklist.yaml"),
                "--out",
                str(written),
            ]
        )
        == 0
    )
    written_report = json.loads(written.read_text())
    for key in ("questions", "items"):
        assert _verdicts(spoken[key]) == _verdicts(written_report[key]), key
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
