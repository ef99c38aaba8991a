"""Customer focus: agent utterances that shift responsibility (blame_shift, redirect, half_hearted) or take
ownership, recognised by meaning (cue sentences of the call's language) backed by that language's patterns.

`detect_focus` is the entry point the engine calls; `FocusAnalyzer` batches many calls of one language.
Detectors are registered in `audit.focus.registry`.
"""

from __future__ import annotations

import threading

from audit.focus.analyzer import FocusAnalyzer, SentenceVectors
from audit.focus.base import Candidate, FocusDetector, SentenceView
from audit.languages.base import Language
from audit.report import FocusFinding
from audit.transcript import Transcript

__all__ = ["Candidate", "FocusAnalyzer", "FocusDetector", "SentenceView", "analyzer_for", "detect_focus"]

_analyzers: dict[Language, FocusAnalyzer] = {}  # languages live as long as the process (built once each)
_lock = threading.Lock()


def analyzer_for(language: Language) -> FocusAnalyzer:
    """The shared analyzer of a language, with the default detectors (its cues are encoded once)."""
    with _lock:
        analyzer = _analyzers.get(language)
        if analyzer is None:
            analyzer = _analyzers[language] = FocusAnalyzer(language)
        return analyzer


def detect_focus(
    transcript: Transcript, language: Language, sentence_vectors: SentenceVectors | None = None
) -> list[FocusFinding]:
    """Customer-focus findings of one call, in utterance order; needs no checklist.

    Parameters
    ----------
    transcript : the call.
    language : the call's language; its encoder, focus cues and focus patterns are used.
    sentence_vectors : optional vectors the caller already computed with ``language.fast_encoder()``, keyed by
        sentence text (as cut by ``language.sentences``); sentences not in it are encoded here.
    """
    return analyzer_for(language).detect(transcript, sentence_vectors)
