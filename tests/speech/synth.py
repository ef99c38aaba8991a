"""Speech the suite makes itself: espeak-ng voices placed on a stereo or mono timeline, sox/ffmpeg for codecs.

Two clearly different voices (a low male agent, a higher female customer) so stereo roles and mono voice
separation can both be checked against the script that was spoken.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np

RATE = 22_050  # espeak-ng's output rate
VOICES = {"agent": "en-us+m3", "customer": "en-us+f2"}
GAP = 0.35  # seconds between turns


def have_tools() -> bool:
    return all(shutil.which(t) for t in ("espeak-ng", "sox", "ffmpeg"))


def speak(text: str, voice: str, *, speed: int = 165) -> np.ndarray:
    """One utterance as float32 samples at RATE."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "u.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(out), text],
            check=True,
            capture_output=True,
        )
        with wave.open(str(out)) as w:
            assert w.getframerate() == RATE and w.getnchannels() == 1
            pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    return pcm.astype(np.float32) / 32768.0


def trim(x: np.ndarray, threshold: float = 1e-3) -> np.ndarray:
    idx = np.flatnonzero(np.abs(x) > threshold)
    return x[idx[0] : idx[-1] + 1] if idx.size else x


def render(
    turns: list[tuple[str, str]], *, voices: dict[str, str] | None = None, lead: float = 0.5, gap: float = GAP
) -> tuple[np.ndarray, np.ndarray, list[tuple[float, float]]]:
    """Left (agent) and right (customer) tracks at RATE, and each turn's (start, end) in seconds."""
    voices = voices or VOICES
    clips = [trim(speak(text, voices[role])) for role, text in turns]
    total = int((lead + sum(len(c) / RATE + gap for c in clips) + 0.5) * RATE)
    tracks = {"agent": np.zeros(total, np.float32), "customer": np.zeros(total, np.float32)}
    spans = []
    t = int(lead * RATE)
    for (role, _), clip in zip(turns, clips, strict=True):
        tracks[role][t : t + len(clip)] += clip
        spans.append((t / RATE, (t + len(clip)) / RATE))
        t += len(clip) + int(gap * RATE)
    return tracks["agent"], tracks["customer"], spans


def write_wav(path: Path, channels: list[np.ndarray], rate: int = RATE) -> Path:
    data = np.stack(channels, axis=1)
    pcm = (np.clip(data, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(len(channels))
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return path


def stereo_call(path: Path, turns: list[tuple[str, str]], **kw) -> list[tuple[float, float]]:
    left, right, spans = render(turns, **kw)
    write_wav(path, [left, right])
    return spans


def mono_call(path: Path, turns: list[tuple[str, str]], **kw) -> list[tuple[float, float]]:
    left, right, spans = render(turns, **kw)
    write_wav(path, [left + right])
    return spans


def convert(src: Path, dst: Path, *args: str) -> Path:
    """Re-encode with ffmpeg (codec chosen by `args` or the extension)."""
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(src), *args, str(dst)], check=True)
    return dst


def sox(src: Path, dst: Path, *args: str) -> Path:
    subprocess.run(["sox", str(src), *args, str(dst)], check=True)
    return dst
