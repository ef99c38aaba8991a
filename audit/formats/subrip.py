"""SRT transcripts: numbered cues whose text starts with a speaker prefix (`Agent: ...`), timestamps kept.

The `srt` library does the parsing; it refuses malformed cues instead of skipping them, and its error
offset is turned into a line number here.
"""

from __future__ import annotations

import srt

from audit.errors import TranscriptError
from audit.formats.cues import split_cue
from audit.formats.speakers import SpeakerResolver
from audit.transcript import Transcript, Utterance


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def parse_srt(
    text: str,
    *,
    where: str,
    call_id: str,
    speaker_map: dict[str, str] | None = None,
    language: str = "en",
) -> Transcript:
    """Parse an SRT transcript; one utterance per speaker turn of each cue."""
    text = text.lstrip("\ufeff")
    try:
        cues = list(srt.parse(text))
    except srt.SRTParseError as e:
        unmatched = text[e.expected_start :]
        line = _line_of(text, e.expected_start + len(unmatched) - len(unmatched.lstrip()))
        raise TranscriptError(f"{where}: line {line}: malformed SRT cue: {e.unmatched_content[:60]!r}") from e
    timing_lines = [i for i, line in enumerate(text.splitlines(), start=1) if "-->" in line]
    resolver = SpeakerResolver(speaker_map)
    utterances: list[Utterance] = []
    for k, cue in enumerate(cues):
        lineno = timing_lines[k] if k < len(timing_lines) else 0
        start, end = round(cue.start.total_seconds(), 3), round(cue.end.total_seconds(), 3)
        if end < start:
            raise TranscriptError(f"{where}: line {lineno}: cue {cue.index} ends before it starts")
        for speaker, said in split_cue(
            cue.content, resolver, markup="srt", where=f"{where}: line {lineno + 1} (cue {cue.index})"
        ):
            utterances.append(Utterance(speaker=speaker, text=said, start=start, end=end))
    if not utterances:
        raise TranscriptError(f"{where}: the SRT file has no cues with text")
    return Transcript(call_id=call_id, language=language, utterances=utterances)
