"""The transcript model every input format is parsed into and the engine reads.

Utterance indices (0-based, in spoken order) are the coordinates of every verdict, so a transcript is
immutable once built.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Speaker = Literal["agent", "customer"]


class Utterance(BaseModel):
    """One speaker turn."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    speaker: Speaker
    text: str
    start: float | None = Field(default=None, ge=0, description="Start time in seconds, when known.")
    end: float | None = Field(default=None, ge=0, description="End time in seconds, when known.")
    translation: str | None = Field(
        default=None, description="English translation (speech `--translate`), kept beside the original text."
    )
    words: list[dict[str, Any]] | None = Field(
        default=None, description="Word timings from speech recognition: {word, start, end, probability}."
    )

    @model_validator(mode="after")
    def _times_ordered(self) -> Utterance:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self

    @property
    def seconds(self) -> float | None:
        """Duration, when both timestamps are known."""
        if self.start is None or self.end is None:
            return None
        return round(self.end - self.start, 3)


class Transcript(BaseModel):
    """A call: utterances in spoken order plus what the call-center system knew about it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    call_id: str = Field(min_length=1, max_length=200)
    checklist: str | None = Field(default=None, description="Id of the checklist this call is audited against.")
    language: str = Field(default="en", min_length=2, max_length=12)
    metadata: dict[str, Any] = Field(
        default_factory=dict,
        description="Facts known before the call (caller ID, account number from the phone menu, reason, ...).",
    )
    utterances: list[Utterance]

    def agent_turns(self) -> list[int]:
        """Indices of the agent's utterances."""
        return [i for i, u in enumerate(self.utterances) if u.speaker == "agent"]

    def customer_turns(self) -> list[int]:
        """Indices of the customer's utterances."""
        return [i for i, u in enumerate(self.utterances) if u.speaker == "customer"]
