"""Customer-focus analysis of whole calls: agent sentences in, `FocusFinding`s out.

Steps: split agent utterances into sentences; keep those the language's cheap prefilter passes; embed them
(reusing vectors the caller already has); score each against every registered detector; reconcile kinds per
utterance. Only prefiltered agent sentences reach the encoder, which keeps focus cheap in bulk audits.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence

import numpy as np

from audit.focus.base import Candidate, FocusDetector, SentenceView
from audit.focus.cues import CueBank, build_bank
from audit.focus.registry import EXCLUSIVE, default_detectors
from audit.focus.resolve import resolve
from audit.languages.base import Language
from audit.report import FocusFinding
from audit.transcript import Transcript

QUESTION = (
    0.9  # sentences the language reads as questions at least this surely are asks, never focus findings
)
SentenceVectors = Mapping[str, np.ndarray]  # sentence text -> its unit vector from the language's encoder


class FocusAnalyzer:
    """Detects customer focus in one language's calls. Build once per language; thread-safe after that."""

    def __init__(
        self,
        language: Language,
        detectors: Sequence[FocusDetector] | None = None,
        *,
        exclusive: frozenset[frozenset[str]] = EXCLUSIVE,
    ) -> None:
        self.language = language
        self.detectors = list(detectors) if detectors is not None else default_detectors()
        self.exclusive = exclusive
        self._bank: CueBank | None = None
        self._lock = threading.Lock()

    @property
    def bank(self) -> CueBank:
        """The language's cue bank, encoded on first use."""
        with self._lock:
            if self._bank is None:
                self._bank = build_bank(self.language)
            return self._bank

    def agent_sentences(self, transcript: Transcript) -> list[tuple[int, str]]:
        """(utterance index, sentence) for every agent statement that passes the prefilter."""
        bank = self.bank
        out: list[tuple[int, str]] = []
        for index in transcript.agent_turns():
            text = transcript.utterances[index].text
            spans = self.language.sentences(text) or [(0, len(text))]
            for start, end in spans:
                sentence = text[start:end].strip()
                if (
                    sentence
                    and bank.passes_prefilter(sentence)
                    and self.language.is_question(sentence) < QUESTION
                ):
                    out.append((index, sentence))
        return out

    def views(
        self, transcripts: Sequence[Transcript], sentence_vectors: SentenceVectors | None = None
    ) -> list[list[SentenceView]]:
        """Every prefiltered agent sentence of each call, with how it reads as each cue kind and its hits."""
        bank = self.bank
        per_call = [self.agent_sentences(t) for t in transcripts]
        known = sentence_vectors or {}
        texts = list(dict.fromkeys(s for sentences in per_call for _, s in sentences))
        missing = [t for t in texts if t not in known]
        encoded = dict(zip(missing, self.language.fast_encoder().encode(missing), strict=True)) if missing else {}
        if not texts:
            return [[] for _ in transcripts]
        matrix = np.stack(
            [np.asarray(known[t] if t in known else encoded[t], dtype=np.float32) for t in texts]
        )
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
        meaning = dict(zip(texts, bank.meaning(matrix), strict=True))
        groups = bank.groups
        return [
            [SentenceView(u, s, meaning[s], bank.hits(s), groups) for u, s in sentences]
            for sentences in per_call
        ]

    def candidates(self, views: Sequence[SentenceView]) -> list[Candidate]:
        """What each detector finds in each sentence, before reconciling."""
        found = (detector.detect(view) for view in views for detector in self.detectors)
        return [c for c in found if c is not None]

    def detect_many(
        self, transcripts: Sequence[Transcript], sentence_vectors: SentenceVectors | None = None
    ) -> list[list[FocusFinding]]:
        """Findings for each call, with the encoder work batched across calls."""
        return [
            [_finding(c) for c in resolve(self.candidates(views), self.exclusive)]
            for views in self.views(transcripts, sentence_vectors)
        ]

    def detect(
        self, transcript: Transcript, sentence_vectors: SentenceVectors | None = None
    ) -> list[FocusFinding]:
        """Findings for one call."""
        return self.detect_many([transcript], sentence_vectors)[0]


def _finding(candidate: Candidate) -> FocusFinding:
    """A report finding; confidence grows from 0.5 at the threshold to 1 at 0.5 above it."""
    confidence = min(1.0, max(0.0, 0.5 + (candidate.score - candidate.threshold)))
    return FocusFinding(
        utterance=candidate.utterance,
        kind=candidate.kind,
        text=candidate.text,
        confidence=round(confidence, 3),
    )
