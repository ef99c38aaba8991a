"""A language's focus cues made ready to use: cue sentences encoded once, pattern groups compiled once.

Built once per language by `FocusAnalyzer`, so the encoder sees each cue sentence once per process however
many calls are audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from audit.languages.base import Language

NEUTRAL = "neutral"  # cue kind of ordinary, helpful agent speech that focus kinds are contrasted with
PREFILTER = "prefilter"  # pattern group gating which sentences are encoded at all
# Every pattern group a language may define; the detectors read them by these names.
PATTERN_GROUPS = (
    PREFILTER,
    "blame_shift",
    "redirect",
    "half_hearted",
    "ownership",
    "first_person",
    "concrete",
    "agent_acts",
    "safety",
    "handover",
)


def normalize(text: str) -> str:
    """Lower case with typographic apostrophes folded, the form pattern groups are written against."""
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


@dataclass(frozen=True)
class CueBank:
    """Encoded cue sentences by kind and compiled pattern groups of one language."""

    vectors: dict[str, np.ndarray]  # cue kind -> (n, d) unit vectors of its example sentences
    patterns: dict[str, re.Pattern[str]]  # group name -> one alternation of the group's expressions
    center: np.ndarray  # mean of all cue vectors; removed before comparing (see `build_bank`)
    top_k: int = 2  # similarity to a kind = mean cosine of the sentence's k nearest cues of that kind

    @property
    def groups(self) -> frozenset[str]:
        """Names of the pattern groups the language defines (the prefilter aside)."""
        return frozenset(name for name in self.patterns if name != PREFILTER)

    def passes_prefilter(self, text: str) -> bool:
        """Whether a sentence is worth encoding; every sentence is when the language has no prefilter."""
        gate = self.patterns.get(PREFILTER)
        return gate is None or gate.search(normalize(text)) is not None

    def hits(self, text: str) -> frozenset[str]:
        """Names of the pattern groups that match the sentence."""
        low = normalize(text)
        return frozenset(name for name, rx in self.patterns.items() if name != PREFILTER and rx.search(low))

    def similarities(self, vectors: np.ndarray) -> list[dict[str, float]]:
        """For each sentence vector, its similarity to each cue kind."""
        out: list[dict[str, float]] = [{} for _ in range(len(vectors))]
        if not len(vectors):
            return out
        vectors = _unit(vectors - self.center)
        for kind, cues in self.vectors.items():
            sims = vectors @ cues.T
            k = min(self.top_k, sims.shape[1])
            top = -np.sort(-sims, axis=1)[:, :k].mean(axis=1)
            for row, value in zip(out, top, strict=True):
                row[kind] = float(value)
        return out


def build_bank(language: Language, top_k: int = 2) -> CueBank:
    """Encode a language's cue sentences and compile its pattern groups."""
    cues = [cue for cue in language.focus_cues() if cue.examples]
    encoder = language.encoder()
    texts = [text for cue in cues for text in cue.examples]
    matrix = np.asarray(encoder.encode(texts), dtype=np.float32)
    vectors: dict[str, list[np.ndarray]] = {}
    for text_vector, kind in zip(matrix, [cue.kind for cue in cues for _ in cue.examples], strict=True):
        vectors.setdefault(kind, []).append(text_vector)
    patterns = {
        name: re.compile("|".join(f"(?:{p})" for p in group), re.IGNORECASE)
        for name, group in language.focus_patterns().items()
        if group
    }
    # Sentence vectors of one language share a large common direction (for averaged static embeddings most
    # of the cosine between any two sentences); removing the cues' mean keeps what tells the kinds apart.
    center = matrix.mean(axis=0)
    centered = {k: _unit(np.stack(v) - center) for k, v in vectors.items()}
    return CueBank(centered, patterns, center, top_k)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
