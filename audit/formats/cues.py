"""The text of one subtitle cue, split into speaker turns.

Shared by WebVTT and SRT: a cue names its speaker with a `<v Speaker>` voice span or with a leading
`Speaker:` prefix; a cue may hold several speakers (one span or prefixed line each), and unprefixed lines
continue the speaker before them. Formatting tags are dropped and entities unescaped.
"""

from __future__ import annotations

import html
import re

from audit.errors import TranscriptError
from audit.formats.speakers import SpeakerResolver, split_prefix
from audit.transcript import Speaker

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+(?P<name>[^>]+)>")
# WebVTT escapes a literal "<", so every tag is markup; SRT does not, so only its usual formatting tags are
_VTT_TAG = re.compile(r"</?[^>]*>")
_SRT_TAG = re.compile(r"</?(?:i|b|u|s|font|v|c|lang|ruby|rt)\b[^>]*>|<\d[\d:.]*>|\{\\[^}]*\}", re.IGNORECASE)


def split_cue(
    payload: str, resolver: SpeakerResolver, *, where: str, markup: str = "vtt"
) -> list[tuple[Speaker, str]]:
    """Speaker turns in one cue's text; a cue whose speaker cannot be told is an error naming `where`.

    `markup` is "vtt" (tags stripped, entities unescaped) or "srt" (formatting tags stripped only)."""
    tag = _VTT_TAG if markup == "vtt" else _SRT_TAG

    def _clean(text: str) -> str:
        text = tag.sub("", text)
        return " ".join((html.unescape(text) if markup == "vtt" else text).split())

    voices = list(_VOICE.finditer(payload))
    if voices:
        if _clean(payload[: voices[0].start()]):
            raise TranscriptError(f"{where}: cue text before the first <v Speaker> voice tag")
        turns = []
        for i, v in enumerate(voices):
            end = voices[i + 1].start() if i + 1 < len(voices) else len(payload)
            speaker = resolver.require(v["name"], where=where)
            turns.append((speaker, _clean(payload[v.end() : end])))
        return [t for t in turns if t[1]]
    turns: list[tuple[Speaker, str]] = []
    for line in payload.splitlines():
        line = line.strip().removeprefix("- ").strip()
        if not line:
            continue
        prefix = split_prefix(tag.sub("", line), resolver)
        if prefix is not None:
            turns.append((resolver.require(prefix.label, where=where), _clean(prefix.text)))
        elif turns:
            turns[-1] = (turns[-1][0], f"{turns[-1][1]} {_clean(line)}".strip())
        else:
            raise TranscriptError(
                f"{where}: cue names no speaker: start it with a <v Agent> voice tag or an 'Agent:' prefix"
            )
    return [t for t in turns if t[1]]
