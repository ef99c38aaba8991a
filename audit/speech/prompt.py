"""Domain vocabulary for Whisper, taken from the checklist a call is audited against.

Whisper reads a prompt as if it were the text just before the audio, so words in it ("towed",
"membership number", a product's name) are recognised far more reliably. Measured on the golden roadside
call spoken by espeak-ng: WER 16.5% without, 9.1% with its checklist's questions, and "towed" instead of
"told", which is what the service-type verdict hinges on.
"""

from __future__ import annotations

from audit.checklist import Checklist

_MAX_CHARS = 800  # Whisper keeps about 224 prompt tokens; the questions asked first come first


def checklist_prompt(checklist: Checklist) -> str:
    """The checklist's mandated questions as one prompt."""
    text = " ".join(item.question.strip() for item in checklist.items)
    return text[:_MAX_CHARS].rsplit(" ", 1)[0] if len(text) > _MAX_CHARS else text
