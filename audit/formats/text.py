"""Plain-text transcripts: one turn per line, `Speaker: what they said`.

A line starting with whitespace, or one without a speaker prefix, continues the turn above. A line may
start with a timestamp (`[00:01:05] Agent: ...`), kept as the turn's start. A capitalised `Word:` prefix
that is not a known or mapped speaker is an error rather than text, so a third speaker is never folded
silently into the previous turn; indent such a line to make it a continuation.
"""

from __future__ import annotations

from audit.errors import TranscriptError
from audit.formats.speakers import SpeakerResolver, split_prefix
from audit.formats.timecode import parse_timecode
from audit.transcript import Transcript, Utterance


def parse_text(
    text: str,
    *,
    where: str,
    call_id: str,
    speaker_map: dict[str, str] | None = None,
    language: str = "en",
) -> Transcript:
    """Parse a plain-text transcript."""
    resolver = SpeakerResolver(speaker_map)
    turns: list[dict] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        prefix = None if raw[:1].isspace() else split_prefix(line, resolver)
        if prefix is not None:
            speaker = resolver.require(prefix.label, where=f"{where}: line {lineno}")
            start = parse_timecode(prefix.timecode) if prefix.timecode else None
            turns.append({"speaker": speaker, "text": prefix.text, "start": start, "line": lineno})
            continue
        if not turns:
            raise TranscriptError(
                f"{where}: line {lineno}: expected a speaker prefix such as 'Agent:' or 'Customer:'"
            )
        turns[-1]["text"] = f"{turns[-1]['text']} {line.strip()}".strip()
    if not turns:
        raise TranscriptError(f"{where}: the transcript has no speaker turns")
    utterances = []
    for t in turns:
        if not t["text"]:
            raise TranscriptError(f"{where}: line {t['line']}: the turn has no text")
        utterances.append(Utterance(speaker=t["speaker"], text=t["text"], start=t["start"]))
    return Transcript(call_id=call_id, language=language, utterances=utterances)
