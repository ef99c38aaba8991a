"""Silencing redacted spans in a stored recording (optional, `CALLAUDIT_REDACT_AUDIO`).

The spans come from the transcript's word timings: each word that overlaps a redacted span is silenced, on
every channel. PCM WAV recordings only (what call-center systems export); others are kept as they are.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from app.privacy.redactor import Redactor

PAD_S = 0.15  # silence a little around each word: timings from speech recognition are approximate


def redacted_times(transcript: dict, redactor: Redactor) -> list[tuple[float, float]]:
    """(start, end) seconds of the words that fall in personal-data spans."""
    times: list[tuple[float, float]] = []
    for utt in transcript.get("utterances") or []:
        text, words = utt.get("text") or "", utt.get("words") or []
        spans = [(sp.start, sp.end) for sp in redactor.find(text)] if words else []
        if spans:
            cursor = 0
            for w in words:
                token = str(w.get("word", "")).strip()
                at = text.find(token, cursor) if token else -1
                if at < 0:
                    continue
                cursor = at + len(token)
                if any(at < e and cursor > s for s, e in spans) and w.get("start") is not None:
                    times.append((max(0.0, float(w["start"]) - PAD_S), float(w["end"]) + PAD_S))
    return times


def silence_wav(src: Path, dst: Path, times: list[tuple[float, float]]) -> bool:
    """Write `src` to `dst` with `times` silenced; False (nothing written) if `src` is not PCM WAV."""
    try:
        with wave.open(str(src), "rb") as w:
            params = w.getparams()
            frames = w.readframes(w.getnframes())
    except (wave.Error, EOFError):
        return False
    if params.sampwidth not in (1, 2, 4):
        return False
    dtype = {1: np.uint8, 2: np.int16, 4: np.int32}[params.sampwidth]
    samples = np.frombuffer(frames, dtype=dtype).reshape(-1, params.nchannels).copy()
    quiet = 128 if params.sampwidth == 1 else 0
    for start, end in times:
        a = max(0, int(start * params.framerate))
        b = min(len(samples), int(end * params.framerate))
        samples[a:b] = quiet
    with wave.open(str(dst), "wb") as out:
        out.setparams(params)
        out.writeframes(samples.tobytes())
    return True
