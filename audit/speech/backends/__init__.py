"""Backend registry: the one place an `--asr` name maps to a recognizer."""

from __future__ import annotations

from pathlib import Path

from audit.errors import SpeechError
from audit.speech.asr import DecodeOptions, Recognizer

BACKENDS: tuple[str, ...] = ("faster-whisper", "openai-whisper")


def load_recognizer(
    asr: str,
    model: str,
    *,
    options: DecodeOptions,
    cache_dir: Path | None = None,
    allow_download: bool = False,
    device: str | None = None,
    cpu_threads: int = 0,
    num_workers: int = 1,
) -> Recognizer:
    """Resolve `model` for the `asr` backend (offline first) and load it."""
    if asr == "faster-whisper":
        from audit.speech.backends.faster import FasterWhisperRecognizer
        from audit.speech.models import resolve_ct2

        path = resolve_ct2(model, cache_dir=cache_dir, allow_download=allow_download)
        return FasterWhisperRecognizer(
            path, name=model, options=options, device=device, cpu_threads=cpu_threads, num_workers=num_workers
        )
    if asr == "openai-whisper":
        from audit.speech.backends.openai_whisper import OpenAIWhisperRecognizer, resolve_checkpoint

        checkpoint = resolve_checkpoint(model, cache_dir=cache_dir, allow_download=allow_download)
        return OpenAIWhisperRecognizer(checkpoint, name=model, options=options, device=device)
    raise SpeechError(f"unknown speech recognizer {asr!r}; choose one of: {', '.join(BACKENDS)}")
