"""The speech-recognition interface both backends implement, and its result types.

A recognizer turns one channel of 16 kHz audio into segments with word timings, in one language, and
translates short clips into English. The pipeline only ever talks to this interface, so faster-whisper
and openai-whisper are interchangeable behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class Word:
    start: float  # seconds from the start of the audio passed in
    end: float  # seconds
    text: str  # as Whisper spells it, with its leading space
    probability: float  # Whisper's confidence in the word, 0-1


@dataclass(frozen=True)
class Segment:
    start: float  # seconds
    end: float  # seconds
    text: str  # the segment's text, stripped
    words: tuple[Word, ...]  # word timings; empty only when the backend could not align


@dataclass(frozen=True)
class DecodeOptions:
    """How hard to search; shared by both backends."""

    beam_size: int = 1  # 1 = greedy; measured no worse on call speech and several times faster (the README, Speech)
    batch_size: int = 8  # speech chunks decoded together (faster-whisper's batched pipeline); 0 = sequential
    vad: bool = True  # skip silence with Silero VAD before decoding
    vad_pad_ms: int = 200  # speech kept either side of each VAD span (faster-whisper: 400); see the README, Speech


class Recognizer(Protocol):
    """A loaded Whisper model."""

    backend: str  # "faster-whisper" or "openai-whisper"
    name: str  # the model it was loaded as, for transcript metadata
    multilingual: bool  # False for `.en` models, which can neither detect languages nor translate

    def detect_language(self, audio: np.ndarray) -> tuple[str, float]:
        """Language code and probability for a stretch of speech."""
        ...

    def transcribe(self, audio: np.ndarray, *, language: str, prompt: str | None = None) -> list[Segment]:
        """Segments with word timings, silence skipped, in the given language.

        `prompt` is text Whisper reads as if it preceded the audio: domain words in it (a checklist's
        questions: "towed", "membership number") are recognised more reliably.
        """
        ...

    def translate(self, clips: list[np.ndarray], *, language: str) -> list[str]:
        """Whisper's English translation (its `translate` task) of each clip."""
        ...
