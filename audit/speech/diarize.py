"""Two-speaker separation for mono recordings, on CPU, with no downloaded weights.

How, honestly: the recognised speech is cut into short units (sentence pieces, and wherever words are
more than a quarter second apart). Each unit gets a voice signature: the mean of its MFCCs (the timbre,
loudness dropped) and its median pitch from autocorrelation. k-means splits the units into two voices,
and the silhouette of that split is the separation confidence (near 0: the voices are hard to tell apart,
or there is only one). Which voice is the agent is a second, weaker guess: the one that asks more
questions, or, when neither does, the one that speaks first. Both confidences go into the transcript
metadata; a caller who knows the roles passes them and nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from audit.speech.asr import Segment, Word
from audit.speech.audio import SAMPLE_RATE
from audit.speech.turns import segment_words
from audit.transcript import Speaker

_UNIT_GAP = 0.25  # seconds between words that start a new unit
_PAUSE = 0.2  # seconds of silence in the audio inside a unit that split it
_PAUSE_FRAME = 320  # samples (20 ms)
_SENTENCE_END = (".", "?", "!", "。", "？", "！")
_PITCH_WIN, _PITCH_HOP = 640, 320  # 40 ms windows, 20 ms hop
_MIN_LAG, _MAX_LAG = SAMPLE_RATE // 400, SAMPLE_RATE // 60  # 400 Hz .. 60 Hz


@dataclass
class Unit:
    words: list[Word]
    features: np.ndarray | None = None  # voice signature; None when the unit is too short to measure
    label: int = -1  # voice 0 or 1 after clustering
    translation: str | None = None

    @property
    def start(self) -> float:
        return self.words[0].start

    @property
    def end(self) -> float:
        return max(w.end for w in self.words)

    @property
    def text(self) -> str:
        return "".join(w.text for w in self.words).strip()


def split_units(segments: list[Segment]) -> list[Unit]:
    """Short stretches of one voice: sentence pieces, broken at pauses."""
    units: list[Unit] = []
    for segment in segments:
        current: list[Word] = []
        for word in segment_words(segment):
            if current and (
                word.start - current[-1].end > _UNIT_GAP or current[-1].text.strip().endswith(_SENTENCE_END)
            ):
                units.append(Unit(current))
                current = []
            current.append(word)
        if current:
            units.append(Unit(current))
    return units


def _pauses(audio: np.ndarray, start: float, end: float, offset: float) -> list[float]:
    """Centres (call seconds) of silences of at least _PAUSE s inside [start, end]: where a turn may change.

    Whisper stretches word timings over short pauses, so the audio, not the word gaps, shows them. Silence
    is a 20 ms frame 20 dB or more below the stretch's loud frames.
    """
    lo, hi = int((start - offset) * SAMPLE_RATE), int((end - offset) * SAMPLE_RATE)
    x = audio[max(lo, 0) : hi]
    n = len(x) // _PAUSE_FRAME
    if n < 3:
        return []
    power = np.square(x[: n * _PAUSE_FRAME]).reshape(n, _PAUSE_FRAME).mean(axis=1)
    quiet = power < 0.01 * np.percentile(power, 90)
    out, run = [], 0
    need = int(_PAUSE * SAMPLE_RATE / _PAUSE_FRAME)
    for i, q in enumerate(np.append(quiet, False)):
        if q:
            run += 1
            continue
        if run >= need and i - run > 0 and i < n:  # inside the stretch, not at its edges
            out.append(start + (i - run / 2) * _PAUSE_FRAME / SAMPLE_RATE)
        run = 0
    return out


def split_at_pauses(units: list[Unit], audio: np.ndarray, offset: float) -> list[Unit]:
    """Split units wherever the audio pauses between two of their words (a possible change of speaker)."""
    out: list[Unit] = []
    for unit in units:
        cuts = _pauses(audio, unit.start, unit.end, offset)
        current: list[Word] = []
        for word in unit.words:
            mid = (word.start + word.end) / 2
            while cuts and mid > cuts[0]:
                cuts.pop(0)
                if current:
                    out.append(Unit(current))
                    current = []
            current.append(word)
        if current:
            out.append(Unit(current))
    return out


def _mfcc(audio: np.ndarray) -> np.ndarray:
    """13 MFCCs per 10 ms frame (from Whisper's log-mel), shape (frames, 13)."""
    import whisper
    from scipy.fft import dct

    mel = whisper.log_mel_spectrogram(audio.astype(np.float32), 80).numpy()
    return dct(mel, type=2, axis=0, norm="ortho")[:13].T


def _pitch(audio: np.ndarray) -> float:
    """Median fundamental frequency (log Hz) of the voiced frames, NaN when none are voiced."""
    if len(audio) < _PITCH_WIN:
        return float("nan")
    frames = np.lib.stride_tricks.sliding_window_view(audio, _PITCH_WIN)[::_PITCH_HOP]
    frames = frames - frames.mean(axis=1, keepdims=True)
    spec = np.fft.rfft(frames, n=2 * _PITCH_WIN, axis=1)
    ac = np.fft.irfft(np.abs(spec) ** 2, axis=1)[:, : _MAX_LAG + 1]
    energy = ac[:, 0]
    loud = energy > 0.1 * np.median(energy[energy > 0]) if np.any(energy > 0) else energy > 0
    lag = _MIN_LAG + np.argmax(ac[:, _MIN_LAG:], axis=1)
    peak = ac[np.arange(len(ac)), lag] / np.maximum(energy, 1e-9)
    voiced = loud & (peak > 0.45)
    if not np.any(voiced):
        return float("nan")
    return float(np.log(np.median(SAMPLE_RATE / lag[voiced])))


def measure(units: list[Unit], audio: np.ndarray, offset: float) -> None:
    """Give each unit its voice signature from `audio`, which starts `offset` seconds into the call."""
    if not units:
        return
    mfcc = _mfcc(audio)
    for unit in units:
        lo, hi = unit.start - offset, unit.end - offset
        f_lo, f_hi = int(lo * 100), int(hi * 100)
        if f_hi - f_lo < 10:  # under 0.1 s of frames: too short to say anything
            continue
        pitch = _pitch(audio[int(lo * SAMPLE_RATE) : int(hi * SAMPLE_RATE)])
        unit.features = np.concatenate([mfcc[f_lo:f_hi, 1:].mean(axis=0), [pitch]])


def cluster(units: list[Unit]) -> float:
    """Label every unit 0 or 1; returns the separation confidence."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    measured = [u for u in units if u.features is not None]
    if len(measured) < 2:
        for u in units:
            u.label = 0
        return 0.0
    x = np.stack([u.features for u in measured])
    pitch = x[:, -1]
    x[:, -1] = np.where(np.isnan(pitch), np.nanmedian(pitch) if np.any(~np.isnan(pitch)) else 0.0, pitch)
    std = x.std(axis=0)
    x = (x - x.mean(axis=0)) / np.where(std > 1e-9, std, 1.0)
    x[:, -1] *= 3.0  # pitch is one number but the strongest single cue: weigh it as three MFCCs
    labels = KMeans(n_clusters=2, n_init=10, random_state=0).fit_predict(x)
    for u, label in zip(measured, labels, strict=True):
        u.label = int(label)
    _fill_unmeasured(units)
    if len(set(labels)) < 2:
        return 0.0
    return float(max(0.0, silhouette_score(x, labels)))


def _fill_unmeasured(units: list[Unit]) -> None:
    """A unit too short to measure takes the voice of its nearest measured neighbour in time."""
    measured = [u for u in units if u.features is not None]
    for u in units:
        if u.features is None:
            u.label = min(measured, key=lambda m: abs(m.start - u.start)).label


def assign_roles(units: list[Unit], roles: tuple[Speaker, Speaker] | None) -> tuple[dict[int, Speaker], float, str]:
    """Map voice labels to roles: as the caller says (first voice heard, other), else by questions asked."""
    first = units[0].label if units else 0
    if roles is not None:
        return {first: roles[0], 1 - first: roles[1]}, 1.0, "caller"
    questions = [sum(u.text.endswith("?") for u in units if u.label == k) for k in (0, 1)]
    if sum(questions) == 0 or questions[0] == questions[1]:
        return {first: "agent", 1 - first: "customer"}, 0.5, "first speaker"
    agent = int(np.argmax(questions))
    return {agent: "agent", 1 - agent: "customer"}, questions[agent] / sum(questions), "questions"
