"""Recording in, `Transcript` out: the orchestrator. Each step is a named function of its own module.

Steps: probe the file; pick the language once (given, or detected on the first window); then per window
of at most ten minutes, transcribe (both channels of a dual-channel call at once, or the single channel)
and, for stereo, build turns and translate them; finally join turns a window boundary split, separate the
voices of a mono call, and build the transcript.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from audit.errors import SpeechError
from audit.speech import diarize
from audit.speech.asr import Recognizer, Segment, Word
from audit.speech.audio import SAMPLE_RATE, AudioInfo, Window, probe, windows
from audit.speech.turns import DEFAULT_MAX_PAUSE, Turn, build_turns, join_seams, segment_words
from audit.transcript import Speaker, Transcript, Utterance

DEFAULT_MAX_SECONDS = 4 * 3600.0  # longest recording accepted unless the caller says otherwise


@dataclass(frozen=True)
class PipelineOptions:
    language: str | None = None  # ISO code to force; None = detect
    translate: bool = False  # add Whisper's English translation to each utterance
    channel_roles: tuple[Speaker, Speaker] = ("agent", "customer")  # role of the left and right channel
    roles: tuple[Speaker, Speaker] | None = None  # mono: role of the first voice heard and of the other
    max_seconds: float | None = DEFAULT_MAX_SECONDS  # longer recordings are refused
    window_seconds: float = 600.0  # audio decoded and held at once
    max_pause: float = DEFAULT_MAX_PAUSE  # seconds of silence that end a speaker's turn
    # decode a stereo call's two channels at the same time (needs a recognizer with two workers); measured
    # slower on a busy 2-core machine than one worker using both cores, and heavier (the README, Speech)
    parallel_channels: bool = False
    prompt: str | None = None  # domain vocabulary for Whisper (e.g. the checklist's questions)


@dataclass
class _State:
    language: str | None = None
    language_probability: float | None = None
    mode: str | None = None  # "stereo", "mono" or "mono-from-stereo"
    turns: list[Turn] = field(default_factory=list)
    units: list[diarize.Unit] = field(default_factory=list)


def _channel_mode(window: Window) -> str:
    """Stereo only when the channels carry different signals (duplicated mono is not a dual-channel call)."""
    if window.samples.shape[0] < 2:
        return "mono"
    left, right = window.samples[0], window.samples[1]
    el, er = float(np.dot(left, left)), float(np.dot(right, right))
    if min(el, er) < 1e-4 * max(el, er, 1e-12):
        return "mono-from-stereo"  # one channel is silent: everything is on the other
    corr = float(np.dot(left, right)) / np.sqrt(el * er)
    return "mono-from-stereo" if corr > 0.98 else "stereo"


def _mono(window: Window) -> np.ndarray:
    """The one channel to listen to: the louder one when the other is silent, else the mix."""
    samples = window.samples
    if samples.shape[0] == 1:
        return samples[0]
    energy = np.einsum("ij,ij->i", samples, samples)
    if energy.min() < 1e-4 * energy.max():
        return samples[int(np.argmax(energy))]
    return samples.mean(axis=0)


def _shift_segment(segment: Segment, offset: float) -> Segment:
    """A segment with times counted from the start of the call rather than of its window."""
    words = tuple(Word(w.start + offset, w.end + offset, w.text, w.probability) for w in segment_words(segment))
    return Segment(segment.start + offset, segment.end + offset, segment.text, words)


def _clip(audio: np.ndarray, start: float, end: float, offset: float) -> np.ndarray:
    lo, hi = int((start - offset) * SAMPLE_RATE), int((end - offset) * SAMPLE_RATE)
    return audio[max(lo - SAMPLE_RATE // 10, 0) : hi + SAMPLE_RATE // 10]


def _translations(rec: Recognizer, clips: list[np.ndarray], language: str, texts: list[str]) -> list[str]:
    if language == "en":
        return texts  # already English: Whisper's translate task would only transcribe it again
    if not rec.multilingual:
        raise SpeechError(f"model {rec.name} is English-only and cannot translate {language!r} speech")
    return rec.translate(clips, language=language)


def _stereo_window(rec: Recognizer, window: Window, opts: PipelineOptions, state: _State) -> None:
    channels = [window.samples[0], window.samples[1]]
    workers = 2 if opts.parallel_channels else 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda a: rec.transcribe(a, language=state.language, prompt=opts.prompt), channels))
    shifted = [
        (role, [_shift_segment(s, window.offset) for s in segments])
        for role, segments in zip(opts.channel_roles, results, strict=True)
    ]
    turns = build_turns(shifted, max_pause=opts.max_pause)
    if opts.translate and turns:
        channel = {role: audio for role, audio in zip(opts.channel_roles, channels, strict=True)}
        clips = [_clip(channel[t.speaker], t.start, t.end, window.offset) for t in turns]
        for turn, text in zip(turns, _translations(rec, clips, state.language, [t.text for t in turns]), strict=True):
            turn.pieces.append(text)
    state.turns.extend(turns)


def _mono_window(rec: Recognizer, window: Window, opts: PipelineOptions, state: _State) -> None:
    audio = _mono(window)
    segments = rec.transcribe(audio, language=state.language, prompt=opts.prompt)
    units = diarize.split_units([_shift_segment(s, window.offset) for s in segments])
    units = diarize.split_at_pauses(units, audio, window.offset)
    diarize.measure(units, audio, window.offset)
    if opts.translate and units:
        clips = [_clip(audio, u.start, u.end, window.offset) for u in units]
        for unit, text in zip(units, _translations(rec, clips, state.language, [u.text for u in units]), strict=True):
            unit.translation = text
    state.units.extend(units)


def _mono_turns(state: _State, opts: PipelineOptions) -> dict[str, Any]:
    """Separate the voices and build turns; returns what the transcript metadata says about roles."""
    separation = diarize.cluster(state.units)
    roles, role_confidence, basis = diarize.assign_roles(state.units, opts.roles)
    for unit in state.units:
        speaker = roles[unit.label]
        last = state.turns[-1] if state.turns else None
        if last is not None and last.speaker == speaker and unit.start - last.end <= opts.max_pause:
            last.words.extend(unit.words)
        else:
            last = Turn(speaker, list(unit.words))
            state.turns.append(last)
        if unit.translation is not None:
            last.pieces.append(unit.translation)
    inferred = opts.roles is None
    return {
        "method": "voice clustering (MFCC + pitch, k-means)" if inferred else "voice clustering, roles from caller",
        "inferred": inferred,
        "separation_confidence": round(separation, 3),
        "role_confidence": round(role_confidence, 3),
        "role_basis": basis,
    }


def _pick_language(rec: Recognizer, window: Window, state: _State, forced: str | None) -> None:
    if forced is not None:
        if not rec.multilingual and forced != "en":
            raise SpeechError(f"model {rec.name} is English-only; use a multilingual model (base) for {forced!r}")
        state.language, state.language_probability = forced, None
    elif not rec.multilingual:
        state.language, state.language_probability = "en", None
    else:
        state.language, state.language_probability = rec.detect_language(window.samples.mean(axis=0))


def run(rec: Recognizer, path: Path, opts: PipelineOptions, *, call_id: str | None = None) -> Transcript:
    """Transcribe one recording with a loaded recognizer."""
    info = probe(path, max_seconds=opts.max_seconds)
    state = _State()
    for window in windows(info, window_seconds=opts.window_seconds, max_seconds=opts.max_seconds):
        if state.mode is None:
            state.mode = _channel_mode(window)
            _pick_language(rec, window, state, opts.language)
        if state.mode == "stereo":
            _stereo_window(rec, window, opts, state)
        else:
            _mono_window(rec, window, opts, state)
    roles_meta = (
        {
            "method": "channels",
            "inferred": False,
            "left": opts.channel_roles[0],
            "right": opts.channel_roles[1],
        }
        if state.mode == "stereo"
        else _mono_turns(state, opts)
    )
    turns = join_seams(state.turns, max_pause=opts.max_pause)
    if not turns:
        raise SpeechError(f"{path}: no speech was recognised in the recording")
    return _transcript(turns, info, state, roles_meta, opts, rec, call_id or path.stem)


def _transcript(
    turns: Sequence[Turn],
    info: AudioInfo,
    state: _State,
    roles: dict[str, Any],
    opts: PipelineOptions,
    rec: Recognizer,
    call_id: str,
) -> Transcript:
    utterances = [
        Utterance(
            speaker=t.speaker,
            text=t.text,
            start=round(t.start, 2),
            end=round(t.end, 2),
            translation=" ".join(p for p in t.pieces if p) if opts.translate else None,
            words=[
                {
                    "word": w.text.strip(),
                    "start": round(w.start, 2),
                    "end": round(w.end, 2),
                    "probability": round(w.probability, 3),
                }
                for w in t.words
            ],
        )
        for t in turns
    ]
    speech = {
        "asr": rec.backend,
        "model": rec.name,
        "language": state.language,
        "language_source": "given" if opts.language else "detected",
        "language_probability": None if state.language_probability is None else round(state.language_probability, 3),
        "channels": state.mode,
        "roles": roles,
        "translated": opts.translate,
        "recording": {
            "file": info.path.name,
            "container": info.container,
            "codec": info.codec,
            "sample_rate": info.sample_rate,
            "channels": info.channels,
            "seconds": info.duration,
        },
    }
    return Transcript(
        call_id=call_id, language=state.language or "en", metadata={"speech": speech}, utterances=utterances
    )
