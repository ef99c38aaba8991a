"""Recordings go through speech recognition: `batch` takes a folder mixing a recording and a transcript."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("espeak-ng") is None or shutil.which("sox") is None,
        reason="needs espeak-ng and sox to speak a test call",
    ),
]


def test_when_folder_has_recording_then_it_is_transcribed_and_audited(cli, tmp_path):
    calls = tmp_path / "calls"
    calls.mkdir()
    turns = [
        (
            "en-us",
            "Thank you for calling roadside assistance. What seems to be the problem with your vehicle?",
        ),
        ("en+f3", "Hi. My car will not start this morning. I think the battery is dead."),
        ("en-us", "I am sorry to hear that. May I have your membership number, please?"),
        ("en+f3", "Sure, it is four five one two, seven seven eight nine."),
    ]
    parts = []
    for i, (voice, text) in enumerate(turns):
        parts.append(tmp_path / f"turn{i}.wav")
        subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(parts[-1]), text], check=True)
    # a recording whose name says nothing about its format: it is told apart by its bytes
    subprocess.run(["sox", *map(str, parts), "-t", "wav", str(calls / "spoken-call.data")], check=True)
    (calls / "typed-call.txt").write_text("Agent: Where is your vehicle?\nCustomer: On Main Street.\n")
    out = tmp_path / "out"

    res = cli("batch", calls / "spoken-call.data", calls / "typed-call.txt", "--checklist", "roadside",
              "--language", "en", "--out", out, "--quiet")  # fmt: skip

    assert res.status == 0, res.err
    spoken = json.loads((out / "spoken-call.json").read_text())
    assert spoken["language"] == "en"
    assert spoken["checklist"]["id"] == "roadside"
    assert (out / "typed-call.json").is_file()
