"""Recordings the suite speaks itself (espeak-ng, sox, ffmpeg), made once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from . import synth

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLDEN = SHARED / "golden" / "roadside"

# used when ../shared is absent: a short call in the same shape
FALLBACK_CALL = [
    ("agent", "Thank you for calling. What is the year, make and model of your vehicle?"),
    ("customer", "It is a red Toyota Corolla from twenty ten."),
    ("agent", "Where is your vehicle right now?"),
    ("customer", "It is parked in front of my house."),
]
RUSSIAN = [
    ("agent", "Здравствуйте, чем я могу вам помочь?"),
    ("customer", "Моя машина не заводится."),
]
TURKISH = [
    ("agent", "Merhaba, size nasıl yardımcı olabilirim?"),
    ("customer", "Arabam çalışmıyor."),
]


@pytest.fixture(scope="session")
def tools() -> None:
    if not synth.have_tools():
        pytest.skip("espeak-ng, sox and ffmpeg are needed to make test speech (installed by .ci/run)")


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory) -> Path:
    """A private model cache, so tests never touch the user's."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def golden_turns() -> list[tuple[str, str]]:
    if not GOLDEN.is_dir():
        return FALLBACK_CALL
    call = json.loads((GOLDEN / "call.json").read_text(encoding="utf-8"))
    return [(u["speaker"], u["text"]) for u in call["utterances"]]


@pytest.fixture(scope="session")
def audio_dir(tools, tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("speech")


@pytest.fixture(scope="session")
def stereo_call(audio_dir, golden_turns) -> Path:
    path = audio_dir / "call_stereo.wav"
    synth.stereo_call(path, golden_turns)
    return path


@pytest.fixture(scope="session")
def mono_call(audio_dir, golden_turns) -> Path:
    path = audio_dir / "call_mono.wav"
    synth.mono_call(path, golden_turns)
    return path


@pytest.fixture(scope="session")
def short_stereo(audio_dir) -> Path:
    """Two turns, for decoding tests that need a real recording but no model."""
    path = audio_dir / "short.wav"
    synth.stereo_call(path, FALLBACK_CALL[:2])
    return path


@pytest.fixture(scope="session")
def russian_call(audio_dir) -> Path:
    path = audio_dir / "ru.wav"
    synth.stereo_call(path, RUSSIAN, voices={"agent": "ru", "customer": "ru+f2"})
    return path


@pytest.fixture(scope="session")
def turkish_call(audio_dir) -> Path:
    path = audio_dir / "tr.wav"
    synth.stereo_call(path, TURKISH, voices={"agent": "tr", "customer": "tr+f2"})
    return path
