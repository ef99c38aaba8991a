"""Speech: call recordings to speaker-attributed, timestamped transcripts with local Whisper.

Public surface: :func:`transcribe_file`, :func:`is_audio`, :func:`load_recognizer`. Heavy libraries
(CTranslate2, PyTorch, PyAV) load on first use, not at import.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from audit.errors import SpeechError
from audit.speech.asr import DecodeOptions, Recognizer
from audit.speech.audio import is_audio
from audit.speech.backends import BACKENDS, load_recognizer
from audit.speech.models import DEFAULT_MODEL
from audit.speech.pipeline import DEFAULT_MAX_SECONDS, PipelineOptions, run
from audit.speech.prompt import checklist_prompt
from audit.transcript import Speaker, Transcript

__all__ = [
    "BACKENDS",
    "DEFAULT_MAX_SECONDS",
    "DEFAULT_MODEL",
    "DecodeOptions",
    "PipelineOptions",
    "Recognizer",
    "checklist_prompt",
    "is_audio",
    "load_recognizer",
    "transcribe_file",
    "transcribe_with",
]


@functools.lru_cache(maxsize=2)
def _cached_recognizer(
    asr: str,
    model: str,
    cache_dir: Path | None,
    allow_download: bool,
    options: DecodeOptions,
    cpu_threads: int,
    device: str | None,
) -> Recognizer:
    # one worker using every core decodes the channels in turn: on 2 cores as fast as two one-thread
    # workers in parallel, and lighter (the README, Speech)
    threads = cpu_threads or os.cpu_count() or 2
    return load_recognizer(
        asr,
        model,
        options=options,
        cache_dir=cache_dir,
        allow_download=allow_download,
        device=device,
        cpu_threads=threads,
        num_workers=1,
    )


def transcribe_with(
    recognizer: Recognizer,
    path: str | Path,
    options: PipelineOptions | None = None,
    *,
    call_id: str | None = None,
) -> Transcript:
    """Transcribe with a recognizer the caller loaded (and keeps) itself."""
    return run(recognizer, Path(path), options or PipelineOptions(), call_id=call_id)


def transcribe_file(
    path: str | Path,
    *,
    model: str = DEFAULT_MODEL,
    asr: str = "faster-whisper",
    language: str | None = None,
    translate: bool = False,
    channel_roles: tuple[Speaker, Speaker] = ("agent", "customer"),
    roles: tuple[Speaker, Speaker] | None = None,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
    call_id: str | None = None,
    prompt: str | None = None,
    cache_dir: str | Path | None = None,
    allow_download: bool = False,
    decode: DecodeOptions | None = None,
    cpu_threads: int = 0,
    device: str | None = None,
) -> Transcript:
    """Transcribe a call recording into a speaker-attributed `Transcript`.

    Parameters
    ----------
    path : recording (WAV incl. mu-law/A-law, MP3, FLAC, OGG/Opus, M4A/AAC; any sample rate).
    model : Whisper model name (`base`, `tiny.en`) or a path; resolved offline first.
    asr : "faster-whisper" (default) or "openai-whisper".
    language : ISO code to force; None detects it (kept in `Transcript.language`).
    translate : add Whisper's English translation to each utterance (`Utterance.translation`).
    channel_roles : role of the left and the right channel of a dual-channel recording.
    roles : for a mono recording, the role of the first voice heard and of the other; None infers them.
    max_seconds : longer recordings are refused with SpeechError.
    call_id : defaults to the file name without its extension.
    prompt : domain vocabulary Whisper reads before the audio, e.g. the checklist's questions.
    cache_dir : model cache; defaults to ~/.cache/callaudit/models.
    allow_download : let a model missing offline come from the hub.
    decode : beam size, batching, VAD (defaults: greedy, batches of 8, VAD on).
    cpu_threads : threads for recognition (0: all cores).
    device : "cpu" or "cuda" (default: cuda when present).

    Returns
    -------
    Transcript, with `metadata["speech"]` saying how it was made (model, language, how roles were set).

    Raises
    ------
    SpeechError for a bad or unsupported recording, ModelNotFoundError when the model is nowhere.
    """
    for pair, what in ((channel_roles, "channel_roles"), (roles, "roles")):
        if pair is not None and sorted(pair) != ["agent", "customer"]:
            raise SpeechError(f"{what} must name agent and customer once each, got {tuple(pair)}")
    recognizer = _cached_recognizer(
        asr,
        model,
        Path(cache_dir) if cache_dir else None,
        allow_download,
        decode or DecodeOptions(),
        cpu_threads,
        device,
    )
    options = PipelineOptions(
        language=language,
        translate=translate,
        channel_roles=tuple(channel_roles),
        roles=tuple(roles) if roles else None,
        max_seconds=max_seconds,
        prompt=prompt,
    )
    return transcribe_with(recognizer, path, options, call_id=call_id)
