"""A recording goes the whole way: upload (sniffed by bytes), stored by content hash, transcribed, audited,
redacted (numbers Whisper writes out), served back, deleted with its file."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from svc_factories import Api, count_rows

pytestmark = pytest.mark.slow

TURNS = [
    ("agent", "Thank you for calling roadside assistance. How can I help you today?"),
    ("customer", "My car will not start and I need a tow truck."),
    ("agent", "I can help with that. What is the card number for the service fee?"),
    ("customer", "It is four one one one, one one one one, one one one one, one one one one."),
    ("agent", "Thank you. A tow truck is on the way to you now."),
]


def _synth():  # noqa: ANN202
    """The speech tests' own voice synthesiser (espeak-ng), loaded from its file."""
    path = Path(__file__).resolve().parents[1] / "speech" / "synth.py"
    spec = importlib.util.spec_from_file_location("callaudit_test_synth", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    synth = _synth()
    if not synth.have_tools():
        pytest.skip("espeak-ng, sox and ffmpeg make the test recording (installed by .ci/run)")
    path = tmp_path_factory.mktemp("audio") / "call.wav"
    synth.stereo_call(path, TURNS)
    return path.read_bytes()


def test_when_recording_uploaded_then_transcribed_audited_redacted_and_deletable(api: Api, recording: bytes) -> None:
    t = api.tenant()
    api.client.app.state.settings.__dict__["redact_audio"] = True  # silence the card number in the stored copy
    r = api.client.post(
        "/v1/calls",
        headers=t.headers("qa"),
        data={"checklist": "roadside", "language": "en"},
        files={"file": ("no-extension", recording, "application/octet-stream")},
    )
    assert r.status_code == 202, r.text
    call = api.wait(t, r.json()["id"], timeout=240)
    assert call["status"] == "done", call["error"]
    assert call["source"] == "audio" and call["audio_url"] == f"/v1/calls/{call['id']}/audio"
    speakers = {u["speaker"] for u in call["transcript"]["utterances"]}
    assert speakers == {"agent", "customer"}
    text = " ".join(u["text"] for u in call["transcript"]["utterances"])
    assert "tow" in text.lower()
    assert "[CARD]" in text and "4111" not in text.replace(" ", "")
    served = api.client.get(call["audio_url"], headers=t.headers("qa")).content
    assert len(served) == len(recording) and served != recording  # same length, card words silenced
    blobs = [p for p in api.settings.blob_dir.rglob("*") if p.is_file()]
    assert len(blobs) == 1 and blobs[0].read_bytes() == served  # the unsilenced original is gone
    assert api.client.delete(f"/v1/calls/{call['id']}", headers=t.headers("qa")).status_code == 204
    assert count_rows(api.settings)["blobs"] == 0
    assert shutil.which("ffmpeg")
