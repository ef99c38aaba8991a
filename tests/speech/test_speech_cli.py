"""`callaudit transcribe` end to end, in process."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from audit.formats import load_transcript

pytestmark = pytest.mark.slow


def test_when_transcribing_to_vtt_then_voice_tagged_cues_are_printed(short_stereo, model_dir, capsys):
    rc = main(
        [
            "transcribe",
            str(short_stereo),
            "--format",
            "vtt",
            "--model",
            "tiny.en",
            "--model-dir",
            str(model_dir),
        ]
    )
    out = capsys.readouterr().out
    assert rc == 0 and out.startswith("WEBVTT")
    assert out.index("<v Agent>") < out.index("<v Customer>")


def test_when_transcript_is_saved_as_json_then_the_engine_reads_it_back(short_stereo, model_dir, tmp_path):
    out = tmp_path / "call.json"
    rc = main(
        [
            "transcribe",
            str(short_stereo),
            "--model",
            "tiny.en",
            "--model-dir",
            str(model_dir),
            "--call-id",
            "c-1",
            "--out",
            str(out),
        ]
    )
    assert rc == 0
    data = json.loads(out.read_text())
    assert data["call_id"] == "c-1" and data["metadata"]["speech"]["model"] == "tiny.en"
    transcript = load_transcript(out)
    assert [u.speaker for u in transcript.utterances] == ["agent", "customer"]


def test_when_input_is_not_audio_then_exit_2_and_no_output_left(tmp_path, model_dir, capsys):
    bad = tmp_path / "call.wav"
    bad.write_text("Agent: hello\n")
    out = tmp_path / "out" / "call.json"
    rc = main(["transcribe", str(bad), "--model", "tiny.en", "--model-dir", str(model_dir), "--out", str(out)])
    assert rc == 2
    assert "not an audio recording" in capsys.readouterr().err
    assert not out.exists()


def test_when_model_is_unknown_then_exit_2_naming_what_to_install(short_stereo, tmp_path, capsys):
    rc = main(["transcribe", str(short_stereo), "--model", "large-v3", "--model-dir", str(tmp_path)])
    assert rc == 2
    assert "pip install" in capsys.readouterr().err
