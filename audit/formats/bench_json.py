"""The bench JSON transcript (`call_id`, `checklist`, `language`, `metadata`, `utterances`).

Also reads what the speech pipeline writes (word timings, translations), since that is the same model.
Errors name the JSON line and column for syntax, and the field path (`utterances[3].speaker`) for content.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from audit.errors import TranscriptError
from audit.formats.speakers import SpeakerResolver
from audit.transcript import Transcript


def _field(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def parse_json(
    text: str,
    *,
    where: str,
    speaker_map: dict[str, str] | None = None,
    call_id: str | None = None,
) -> Transcript:
    """Parse a bench JSON transcript; `call_id`, when given, replaces the one in the body."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise TranscriptError(f"{where}: line {e.lineno}, column {e.colno}: not valid JSON: {e.msg}") from e
    if not isinstance(data, dict):
        raise TranscriptError(f"{where}: a transcript must be a JSON object with call_id and utterances")
    if call_id is not None:
        data["call_id"] = call_id
    elif "call_id" not in data:
        raise TranscriptError(f"{where}: field call_id: missing")
    utterances = data.get("utterances")
    if not isinstance(utterances, list):
        raise TranscriptError(f"{where}: field utterances: missing or not a list")
    if not utterances:
        raise TranscriptError(f"{where}: field utterances: the call has no utterances")
    resolver = SpeakerResolver(speaker_map)
    resolved = []
    for i, utt in enumerate(utterances):
        if not isinstance(utt, dict):
            raise TranscriptError(f"{where}: field utterances[{i}]: not an object")
        speaker = utt.get("speaker")
        if not isinstance(speaker, str):
            raise TranscriptError(f"{where}: field utterances[{i}].speaker: missing or not a string")
        resolved.append(
            {**utt, "speaker": resolver.require(speaker, where=f"{where}: field utterances[{i}].speaker")}
        )
    data["utterances"] = resolved
    try:
        return Transcript.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        more = f" (and {len(e.errors()) - 1} more)" if len(e.errors()) > 1 else ""
        raise TranscriptError(f"{where}: field {_field(first['loc'])}: {first['msg']}{more}") from e
