"""Transcripts written back out: bench JSON, WebVTT, SRT and plain text, each readable by this package.

The speech command writes recognised calls with these, so a transcript can be corrected by hand in the
format a person prefers and then audited. Subtitle formats need timestamps; utterances without them are
given consecutive placeholder times of one second only when `allow_untimed` is set, never silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from audit.errors import TranscriptError
from audit.formats.timecode import format_timecode
from audit.transcript import Transcript, Utterance

WRITE_FORMATS: tuple[str, ...] = ("json", "vtt", "srt", "txt")
_LABELS = {"agent": "Agent", "customer": "Customer"}


def to_json(transcript: Transcript) -> str:
    """Bench JSON; optional fields (timestamps, word timings, translations) only where present."""
    data = transcript.model_dump(mode="json", exclude_none=True)
    if not data.get("metadata"):
        data.pop("metadata", None)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _times(transcript: Transcript, allow_untimed: bool, fmt: str) -> list[tuple[float, float]]:
    times: list[tuple[float, float]] = []
    for i, u in enumerate(transcript.utterances):
        if u.start is None or u.end is None:
            if not allow_untimed:
                raise TranscriptError(
                    f"{transcript.call_id}: utterance {i} has no start/end time, which {fmt} needs"
                )
            times.append((float(i), float(i + 1)))
        else:
            times.append((u.start, u.end))
    return times


def _escape_vtt(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(transcript: Transcript, *, allow_untimed: bool = False) -> str:
    """WebVTT with one cue per utterance and a `<v Agent>`/`<v Customer>` voice span."""
    out = ["WEBVTT", ""]
    for u, (start, end) in zip(
        transcript.utterances, _times(transcript, allow_untimed, "WebVTT"), strict=True
    ):
        out += [
            f"{format_timecode(start)} --> {format_timecode(end)}",
            f"<v {_LABELS[u.speaker]}>{_escape_vtt(u.text)}",
            "",
        ]
    return "\n".join(out)


def to_srt(transcript: Transcript, *, allow_untimed: bool = False) -> str:
    """SRT with one numbered cue per utterance, its text prefixed `Agent:` or `Customer:`."""
    out: list[str] = []
    for n, (u, (start, end)) in enumerate(
        zip(transcript.utterances, _times(transcript, allow_untimed, "SRT"), strict=True), start=1
    ):
        timing = f"{format_timecode(start, decimal=',')} --> {format_timecode(end, decimal=',')}"
        out += [str(n), timing, f"{_LABELS[u.speaker]}: {u.text}", ""]
    return "\n".join(out)


def _txt_line(u: Utterance) -> str:
    stamp = f"[{format_timecode(u.start)}] " if u.start is not None else ""
    return f"{stamp}{_LABELS[u.speaker]}: {' '.join(u.text.split())}"


def to_txt(transcript: Transcript) -> str:
    """Plain text, one `Agent:`/`Customer:` line per utterance, with its start time when known."""
    return "\n".join(_txt_line(u) for u in transcript.utterances) + "\n"


_WRITERS: dict[str, Callable[[Transcript], str]] = {
    "json": to_json,
    "vtt": to_vtt,
    "srt": to_srt,
    "txt": to_txt,
}


def render_transcript(transcript: Transcript, fmt: str) -> str:
    """The transcript in one of WRITE_FORMATS."""
    fmt = {"text": "txt", "webvtt": "vtt"}.get(fmt, fmt)
    if fmt not in _WRITERS:
        raise TranscriptError(f"unknown output format {fmt!r}; use one of {', '.join(WRITE_FORMATS)}")
    return _WRITERS[fmt](transcript)


def write_transcript(transcript: Transcript, path: str | Path, fmt: str | None = None) -> Path:
    """Write a transcript; the format defaults to the file extension."""
    p = Path(path)
    text = render_transcript(transcript, fmt or p.suffix.lower().lstrip("."))
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p
