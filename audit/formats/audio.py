"""Telling a recording from a transcript by its first bytes, whatever the file is called."""

from __future__ import annotations

from pathlib import Path

AUDIO_EXTENSIONS: frozenset[str] = frozenset(
    {
        ".wav",
        ".mp3",
        ".flac",
        ".ogg",
        ".oga",
        ".opus",
        ".m4a",
        ".mp4",
        ".aac",
        ".webm",
        ".aiff",
        ".aif",
        ".amr",
    }
)


def sniff_audio(head: bytes) -> str | None:
    """The container of a recording from its first 16 bytes (`wav`, `mp3`, ...); None for anything else."""
    if head[:4] == b"RIFF" and head[8:12] in (b"WAVE", b"RF64"):
        return "wav"
    if head[:4] in (b"RF64", b"BW64"):
        return "wav"
    if head[:4] == b"fLaC":
        return "flac"
    if head[:4] == b"OggS":
        return "ogg"
    if head[:3] == b"ID3":
        return "mp3"
    if len(head) >= 2 and head[0] == 0xFF and head[1] != 0xFE and head[1] & 0xE0 == 0xE0:
        # MPEG frame sync; FF FE is a UTF-16 byte-order mark, not audio
        if head[1] & 0x06 == 0:
            return "aac"  # ADTS: layer bits 00
        if head[1] & 0x18 != 0x08:  # version bits 01 are reserved
            return "mp3"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return "aiff"
    if head[:5] == b"#!AMR":
        return "amr"
    return None


def is_audio(path: str | Path) -> bool:
    """True when the file's bytes are a recording (it is never decoded here)."""
    try:
        with open(path, "rb") as f:
            return sniff_audio(f.read(16)) is not None
    except OSError:
        return False
