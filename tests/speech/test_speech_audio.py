"""Decoding recordings: every supported format, window cutting, and each kind of bad input."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from audit.errors import SpeechError
from audit.speech import is_audio
from audit.speech.audio import SAMPLE_RATE, probe, windows

from . import synth

FORMATS = {
    "mulaw_8k.wav": ("pcm_mulaw", ["-ar", "8000", "-c:a", "pcm_mulaw"]),
    "alaw_8k.wav": ("pcm_alaw", ["-ar", "8000", "-c:a", "pcm_alaw"]),
    "pcm_44k.wav": ("pcm_s16le", ["-ar", "44100"]),
    "call.mp3": ("mp3", ["-c:a", "libmp3lame", "-b:a", "64k"]),
    "call.flac": ("flac", []),
    "call.ogg": ("opus", ["-c:a", "libopus", "-b:a", "32k"]),
    "call.m4a": ("aac", ["-c:a", "aac", "-b:a", "64k"]),
}


def _decode(path: Path, **kw) -> np.ndarray:
    return np.concatenate([w.samples for w in windows(probe(path), **kw)], axis=1)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_when_call_is_encoded_in_any_supported_format_then_both_channels_decode_at_16k(short_stereo, name):
    codec, args = FORMATS[name]
    path = synth.convert(short_stereo, short_stereo.parent / name, *args)
    assert is_audio(path)
    info = probe(path)
    assert info.codec.startswith(codec) and info.channels == 2
    audio = _decode(path)
    reference = _decode(short_stereo)
    assert audio.shape[0] == 2
    assert abs(audio.shape[1] - reference.shape[1]) < 0.15 * SAMPLE_RATE  # codec padding only
    # the agent speaks first, on the left: the left channel carries the energy of the first second
    first = slice(int(0.5 * SAMPLE_RATE), int(1.5 * SAMPLE_RATE))
    assert np.square(audio[0, first]).sum() > 20 * np.square(audio[1, first]).sum()


def test_when_recording_is_long_then_windows_cover_it_exactly_and_cut_in_quiet(stereo_call):
    whole = _decode(stereo_call)
    parts = list(windows(probe(stereo_call), window_seconds=8.0, search_seconds=3.0))
    assert len(parts) > 3
    assert sum(p.samples.shape[1] for p in parts) == whole.shape[1]
    for prev, nxt in zip(parts, parts[1:], strict=False):
        assert nxt.offset == pytest.approx(prev.offset + prev.seconds)
        cut = int(nxt.offset * SAMPLE_RATE)
        around = whole[:, cut - 400 : cut + 400]
        assert np.abs(around).max() < 0.5 * np.abs(whole).max()  # never in the middle of a loud word


def test_when_bytes_are_sniffed_then_content_decides_not_name(short_stereo, tmp_path):
    assert is_audio(short_stereo.read_bytes()[:16])
    assert not is_audio(b'{"call_id": "x"}')
    assert not is_audio(b"Agent: hello\n")
    fake = tmp_path / "notes.wav"
    fake.write_text("Agent: hello\nCustomer: hi\n")
    assert not is_audio(fake)
    assert not is_audio(tmp_path / "missing.wav")


def _bogus_codec(path: Path) -> Path:
    data = b"\x01\x02" * 8000
    fmt = struct.pack("<HHIIHH", 0x1234, 1, 16000, 32000, 2, 16)  # format tag no decoder knows
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


@pytest.mark.parametrize(
    "kind, message",
    [
        ("empty", "empty file"),
        ("text", "not an audio recording"),
        ("truncated", "truncated"),
        ("header_only", "no audio samples"),
        ("bogus_codec", "unsupported audio codec"),
        ("missing", "no such file"),
    ],
)
def test_when_input_is_bad_then_speech_error_names_file_and_fault(short_stereo, tmp_path, kind, message):
    path = tmp_path / f"{kind}.wav"
    raw = short_stereo.read_bytes()
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("Agent: hello\n")
    elif kind == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif kind == "header_only":
        path.write_bytes(raw[:40] + struct.pack("<I", 0))  # a valid header announcing no data
    elif kind == "bogus_codec":
        _bogus_codec(path)
    with pytest.raises(SpeechError, match=message) as err:
        list(windows(probe(path)))
    assert str(path) in str(err.value)


def test_when_recording_is_longer_than_limit_then_refused(short_stereo):
    with pytest.raises(SpeechError, match="limit"):
        probe(short_stereo, max_seconds=1.0)
    flac = synth.convert(short_stereo, short_stereo.parent / "limit.flac")
    with pytest.raises(SpeechError, match="limit"):
        list(windows(probe(flac), max_seconds=1.0))
