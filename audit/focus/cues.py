"""A language's focus cues made ready to use: a small classifier learned from the cue sentences, and the
pattern groups compiled once.

The classifier is what "recognised from meaning" rests on: a multinomial logistic regression over the
language encoder's sentence vectors, trained on the language's own cue sentences (the four kinds plus neutral
agent speech) each time a bank is built. It reads any sentence as a probability per cue kind, so detector
thresholds are probabilities, comparable across encoders whose cosines sit in very different bands.
Built once per language by `FocusAnalyzer` (tens of milliseconds); nothing is stored on disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

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
REGULARIZATION = 2.0  # inverse L2 strength of the cue classifier, chosen on the English dev utterances


def normalize(text: str) -> str:
    """Lower case, typographic apostrophes folded, Russian ё as е: the form patterns are written in."""
    return text.replace("\u2019", "'").replace("\u2018", "'").lower().replace("ё", "е")


@dataclass(frozen=True)
class CueBank:
    """The cue classifier and compiled pattern groups of one language."""

    kinds: tuple[str, ...]  # the cue kinds, in the order of the classifier's rows
    weights: np.ndarray  # (kinds, d) classifier weights over centred unit sentence vectors
    bias: np.ndarray  # (kinds,)
    center: np.ndarray  # mean cue vector, removed before classifying (see `build_bank`)
    patterns: dict[str, re.Pattern[str]]  # group name -> one alternation of the group's expressions

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

    def meaning(self, vectors: np.ndarray) -> list[dict[str, float]]:
        """For each sentence vector, how much it reads as each cue kind (probabilities summing to 1)."""
        if not len(vectors):
            return []
        logits = _unit(vectors - self.center) @ self.weights.T + self.bias
        logits = np.exp(logits - logits.max(axis=1, keepdims=True))
        probabilities = logits / logits.sum(axis=1, keepdims=True)
        return [dict(zip(self.kinds, map(float, row), strict=True)) for row in probabilities]


def build_bank(language: Language, regularization: float = REGULARIZATION) -> CueBank:
    """Encode a language's cue sentences, fit the cue classifier and compile the pattern groups."""
    cues = [cue for cue in language.focus_cues() if cue.examples]
    texts = [text for cue in cues for text in cue.examples]
    labels = [cue.kind for cue in cues for _ in cue.examples]
    if len(set(labels)) < 2:
        raise ValueError(f"language {language.code!r}: focus cues need examples of at least two kinds")
    matrix = np.asarray(language.fast_encoder().encode(texts), dtype=np.float32)
    # Sentence vectors of one language share a large common direction (for averaged static embeddings most
    # of the cosine between any two sentences); removing the cues' mean keeps what tells the kinds apart.
    center = matrix.mean(axis=0)
    classifier = LogisticRegression(C=regularization, max_iter=5000).fit(_unit(matrix - center), labels)
    weights, bias = classifier.coef_, classifier.intercept_
    if len(classifier.classes_) == 2:  # binary fits keep one row: the softmax of (-w, w) is the same sigmoid
        weights, bias = np.vstack([-weights / 2, weights / 2]), np.array([-bias[0] / 2, bias[0] / 2])
    patterns = {
        name: re.compile("|".join(f"(?:{p})" for p in group))  # text is normalized: no IGNORECASE, 2x faster
        for name, group in language.focus_patterns().items()
        if group
    }
    kinds = tuple(str(k) for k in classifier.classes_)
    return CueBank(kinds, weights.astype(np.float32), bias.astype(np.float32), center, patterns)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
