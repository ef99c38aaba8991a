"""One entry point for every transcript format: by file (`load_transcript`) or by body (`parse_transcript`).

The format is told from the content where it has a signature (WebVTT header, JSON object, SRT cue), else
from the file extension, else plain text, so a file saved with the wrong extension still reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from audit.errors import TranscriptError
from audit.formats.audio import sniff_audio
from audit.formats.bench_json import parse_json
from audit.formats.subrip import parse_srt
from audit.formats.text import parse_text
from audit.formats.vtt import parse_vtt
from audit.transcript import Transcript

Format = Literal["json", "text", "vtt", "srt"]
FORMATS: tuple[str, ...] = ("json", "text", "vtt", "srt")
EXTENSIONS: dict[str, Format] = {
    ".json": "json",
    ".txt": "text",
    ".text": "text",
    ".vtt": "vtt",
    ".srt": "srt",
}

_SRT_HEAD = re.compile(r"^\s*\d+\s*\r?\n\s*\d+:\d{2}:\d{2}[,.]\d{1,3}\s*-->")

_PARSERS: dict[str, Callable[..., Transcript]] = {"text": parse_text, "vtt": parse_vtt, "srt": parse_srt}


def detect_format(text: str, *, filename: str | None = None) -> Format:
    """The transcript format of a body: its signature first, then the file extension, else plain text."""
    body = text.lstrip("\ufeff")
    if body.startswith("WEBVTT"):
        return "vtt"
    if body.lstrip().startswith("{"):
        return "json"
    if _SRT_HEAD.match(body):
        return "srt"
    if filename is not None and Path(filename).suffix.lower() in EXTENSIONS:
        return EXTENSIONS[Path(filename).suffix.lower()]
    return "text"


def _default_call_id(where: str) -> str | None:
    if where.startswith("<"):
        return None
    return Path(where).stem or None


def parse_transcript(
    text: str,
    *,
    fmt: Format | Literal["auto"] = "auto",
    where: str = "<transcript>",
    speaker_map: dict[str, str] | None = None,
    call_id: str | None = None,
    language: str = "en",
) -> Transcript:
    """Parse a transcript body.

    Parameters
    ----------
    fmt: one of FORMATS, or "auto" to tell it from the content and `where`'s extension.
    where: the file name or other origin, used in error messages and for the default call id.
    speaker_map: {label: "agent" | "customer"} for speaker labels beyond the usual synonyms.
    call_id: overrides the body's call id (JSON); required for other formats unless `where` is a file name.
    language: the call's language for formats that cannot carry it (JSON states its own).
    """
    if fmt == "auto":
        fmt = detect_format(text, filename=None if where.startswith("<") else where)
    if fmt == "json":
        return parse_json(text, where=where, speaker_map=speaker_map, call_id=call_id)
    if fmt not in _PARSERS:
        raise TranscriptError(f"{where}: unknown transcript format {fmt!r}; use one of {', '.join(FORMATS)}")
    call_id = call_id or _default_call_id(where)
    if not call_id:
        raise TranscriptError(f"{where}: a {fmt} transcript carries no call id; pass one")
    return _PARSERS[fmt](text, where=where, call_id=call_id, speaker_map=speaker_map, language=language)


def load_transcript(
    path: str | Path,
    *,
    speaker_map: dict[str, str] | None = None,
    call_id: str | None = None,
    language: str = "en",
) -> Transcript:
    """Read a transcript file in any supported format (see `parse_transcript`); the call id defaults to
    the file name without extension for formats that carry none."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise TranscriptError(f"{p}: cannot read transcript: {e.strerror or e}") from e
    if sniff_audio(raw[:16]) is not None:
        raise TranscriptError(f"{p}: this is a recording, not a transcript; it needs speech recognition")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise TranscriptError(f"{p}: line {line}: not UTF-8 text") from e
    return parse_transcript(
        text, fmt="auto", where=str(p), speaker_map=speaker_map, call_id=call_id, language=language
    )
