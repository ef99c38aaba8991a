"""The recording path: is speech recognition installed, is a recording decodable, transcribe it.

The engine's `audit.speech` does the work; this module only adapts it and says clearly when it is absent,
so an upload of a recording gets 415 with the reason rather than a failed job later.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from app.core.errors import UnsupportedMediaType
from audit.errors import SpeechError
from audit.transcript import Transcript


def _speech():  # noqa: ANN202 - module
    try:
        module = importlib.import_module("audit.speech")
    except ImportError:
        return None
    return module if hasattr(module, "transcribe_file") else None


def available() -> bool:
    """Whether this installation can transcribe recordings."""
    return _speech() is not None


def require_available(container: str) -> None:
    if not available():
        raise UnsupportedMediaType(
            f"this is a {container} recording, but speech recognition is not installed in this service; "
            "upload a transcript (JSON, text, WebVTT or SRT) instead"
        )


def check_decodable(path: Path, container: str) -> None:
    """Refuse a corrupt recording at upload time (a SpeechError names the problem)."""
    from audit.speech.audio import probe

    try:
        info = probe(path)
    except SpeechError as e:  # name the upload, not the server's temp path
        raise SpeechError(f"corrupt {container} recording: " + str(e).replace(f"{path}: ", "")) from e
    except Exception as e:  # the decoder's own exception types vary by container
        raise SpeechError(f"corrupt {container} recording: cannot decode it ({type(e).__name__})") from e
    if info.duration is not None and info.duration <= 0:
        raise SpeechError(f"the {container} recording has no audio")


def transcribe(path: Path, *, call_id: str, language: str | None, metadata: dict) -> Transcript:
    """Transcribe a stored recording into a transcript for the engine."""
    speech = _speech()
    if speech is None:
        raise SpeechError("speech recognition is not installed in this service")
    transcript = speech.transcribe_file(path, language=language or None, call_id=call_id)
    return transcript.model_copy(update={"call_id": call_id, "metadata": {**transcript.metadata, **metadata}})
