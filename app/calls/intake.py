"""Reading an upload: what it is by its bytes (recording or transcript), and turning it into a call's inputs.

The file name is used only in messages and to tell transcript formats apart, never as a path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from app.calls import speech
from app.calls.models import CallCreateJSON, CallMetadata
from app.core.config import Settings
from app.core.errors import ApiError, Unprocessable, UnsupportedMediaType
from app.core.storage import TempUpload
from audit.errors import TranscriptError
from audit.formats import detect_format, parse_transcript, sniff_audio
from audit.languages import get_language
from audit.transcript import Transcript

MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Intake:
    """A parsed upload: a transcript, or a recording to transcribe later."""

    transcript: Transcript | None
    audio_container: str | None
    external_id: str | None  # the transcript's own call id, used when the caller gives none


def _display_name(filename: str | None) -> str:
    name = (filename or "upload").replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in name if ch.isprintable())[:100] or "upload"


def read_transcript(
    text: str, *, where: str, call_id: str, language: str | None
) -> tuple[Transcript, str | None]:
    """Parse a transcript body in any supported format; returns it (with our call id) and its own call id."""
    fmt = detect_format(text, filename=where)
    if fmt == "json":
        transcript = parse_transcript(text, fmt="json", where=where)
        own_id: str | None = transcript.call_id
        transcript = transcript.model_copy(update={"call_id": call_id})
    else:
        transcript = parse_transcript(text, fmt=fmt, where=where, call_id=call_id, language=language or "en")
        own_id = None
    if not transcript.utterances:
        raise TranscriptError(f"{where}: the transcript has no utterances")
    if language and fmt == "json" and transcript.language != language:
        transcript = transcript.model_copy(update={"language": language})
    get_language(transcript.language)  # refuse an unsupported language now (422 naming the supported ones)
    return transcript, own_id


def read_file(
    upload: TempUpload, *, filename: str | None, call_id: str, language: str | None, settings: Settings
) -> Intake:
    """Classify a spooled upload by its bytes and parse or check it."""
    where = _display_name(filename)
    if upload.size == 0:
        raise Unprocessable(f"{where}: the file is empty")
    container = sniff_audio(upload.head)
    if container is not None:
        speech.require_available(container)
        speech.check_decodable(upload.path, container)
        return Intake(transcript=None, audio_container=container, external_id=None)
    if upload.size > MAX_TRANSCRIPT_BYTES:
        raise ApiError(
            f"{where}: a transcript may be at most {MAX_TRANSCRIPT_BYTES // 2**20} MB", status_code=413
        )
    data = upload.path.read_bytes()
    if b"\x00" in data[:4096]:
        raise UnsupportedMediaType(
            f"{where}: neither a known audio format nor a text transcript (binary data)"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UnsupportedMediaType(
            f"{where}: neither a known audio format nor UTF-8 text (invalid byte at offset {e.start})"
        ) from e
    transcript, own_id = read_transcript(text, where=where, call_id=call_id, language=language)
    return Intake(transcript=transcript, audio_container=None, external_id=own_id)


def parse_json_body(raw: bytes) -> CallCreateJSON:
    """The JSON form of `POST /v1/calls`; errors name the field."""
    try:
        data: Any = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        pos = f" at line {e.lineno}, column {e.colno}" if isinstance(e, json.JSONDecodeError) else ""
        raise ApiError(f"malformed JSON body{pos}: {e.msg if hasattr(e, 'msg') else e}") from e
    try:
        return CallCreateJSON.model_validate(data)
    except ValidationError as e:
        raise Unprocessable(_fields(e, "body")) from e


def parse_form_metadata(form: dict[str, str]) -> CallMetadata:
    """Metadata fields of the multipart form (labels as a JSON object)."""
    data: dict[str, Any] = {
        k: v for k, v in form.items() if k in ("external_id", "agent_id", "queue", "started_at") and v != ""
    }
    if form.get("labels"):
        try:
            data["labels"] = json.loads(form["labels"])
        except json.JSONDecodeError as e:
            raise Unprocessable(f"form field labels: not a JSON object ({e.msg})") from e
    try:
        return CallMetadata.model_validate(data)
    except ValidationError as e:
        raise Unprocessable(_fields(e, "form field")) from e


def _fields(err: ValidationError, prefix: str) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "(top level)"
        parts.append(f"{prefix} {loc}: {e['msg']}")
    return "; ".join(parts)
