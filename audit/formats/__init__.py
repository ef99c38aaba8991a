"""Transcript formats: bench JSON, plain text, WebVTT and SRT in; the same out (see `writers`).

`load_transcript` reads a file, `parse_transcript` a body (the service's uploads); both return
`audit.transcript.Transcript` and raise `audit.errors.TranscriptError` naming the file and line or field.
"""

from audit.formats.audio import AUDIO_EXTENSIONS, is_audio, sniff_audio
from audit.formats.loader import EXTENSIONS, FORMATS, detect_format, load_transcript, parse_transcript
from audit.formats.speakers import parse_speaker_map
from audit.formats.writers import WRITE_FORMATS, render_transcript, write_transcript

__all__ = [
    "AUDIO_EXTENSIONS",
    "EXTENSIONS",
    "FORMATS",
    "WRITE_FORMATS",
    "detect_format",
    "is_audio",
    "load_transcript",
    "parse_speaker_map",
    "parse_transcript",
    "render_transcript",
    "sniff_audio",
    "write_transcript",
]
