"""What the engine commands share: reading a call (transcript or recording) and the options for it."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from audit.checklist import Checklist
from audit.errors import SpeechError
from audit.formats import is_audio, load_transcript, parse_speaker_map
from audit.transcript import Transcript


def add_call_options(p: argparse.ArgumentParser) -> None:
    """Options for reading calls, shared by `audit` and `batch`."""
    p.add_argument(
        "--speaker-map",
        metavar="ROLE=LABEL,...",
        help="speaker labels beyond the usual synonyms, e.g. agent=Dana,customer=Caller2",
    )
    p.add_argument(
        "--language",
        help="language of plain-text and subtitle calls (default en) and of recordings (default: "
        "detected); JSON calls state their own",
    )
    p.add_argument(
        "--report-language", default="en", help="language of the report's explanations (default en)"
    )


def transcribe(path: Path, *, language: str | None, checklist: Checklist | None = None) -> Transcript:
    """A recording through speech recognition; the speech package is imported only when a call needs it.

    A known checklist primes the recogniser with its vocabulary ("towed", not "told").
    """
    try:
        from audit.speech import checklist_prompt, transcribe_file
    except ImportError as e:
        raise SpeechError(
            f"{path}: is a recording, but speech recognition is not available in this installation ({e})"
        ) from e
    prompt = checklist_prompt(checklist) if checklist is not None else None
    cache = os.environ.get("CALLAUDIT_MODEL_DIR")
    return transcribe_file(path, language=language, call_id=path.stem, prompt=prompt,
                           **({"cache_dir": cache} if cache else {}))


def load_call(
    path: str | Path, *, speaker_map: dict[str, str] | None, language: str | None = None,
    checklist: Checklist | None = None,
) -> Transcript:
    """A call from a transcript file in any format, or from a recording (told apart by its bytes)."""
    p = Path(path)
    if is_audio(p):
        return transcribe(p, language=language, checklist=checklist)
    return load_transcript(p, speaker_map=speaker_map, language=language or "en")


def speaker_map_of(args: argparse.Namespace) -> dict[str, str]:
    return parse_speaker_map(getattr(args, "speaker_map", None))
