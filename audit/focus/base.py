"""What a customer-focus detector sees and decides: one agent sentence, scored against one kind.

A detector never encodes or matches text itself: `SentenceView` carries how the sentence reads as each cue
kind (the cue classifier's probabilities) and the pattern groups it matched, computed once for all detectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class SentenceView:
    """One agent sentence as every detector sees it."""

    utterance: int  # 0-based index of the agent utterance in the transcript
    text: str  # the sentence, as spoken
    meaning: dict[str, float]  # cue kind (four kinds and `neutral`) -> probability the sentence reads as it
    hits: frozenset[str]  # names of the language's pattern groups that match the sentence
    groups: frozenset[str] = frozenset()  # every pattern group the language defines


@dataclass(frozen=True)
class Candidate:
    """A kind one detector found in one sentence, before kinds are reconciled per utterance."""

    utterance: int
    kind: str
    score: float  # meaning plus pattern boost; compared with the detector's threshold
    threshold: float
    text: str  # the sentence it rests on
    detector: str  # class name of the detector that decided


class FocusDetector:
    """Scores one customer-focus kind from meaning (the cue classifier), backed by phrase patterns.

    Class attributes hold the calibrated defaults; constructor arguments override them. A sentence is a
    candidate when its score (the probability that it reads as the kind, plus `boost` if the kind's own
    pattern group matches) reaches `threshold`, beats the probability of neutral agent speech by `margin`,
    every group in `requires` matches (a group the language does not define is not required), no group in
    `vetoes` matches, and `validate` agrees.
    """

    kind: ClassVar[str] = ""
    threshold: float = 0.5
    margin: float = 0.0
    boost: float = 0.1
    requires: tuple[str, ...] = ()
    vetoes: tuple[str, ...] = ()
    # pattern groups so plainly of this kind ("I'll put it through myself") that they decide against the
    # routine-sounding words around them (the `margin` over neutral agent speech is not asked)
    outweigh_neutral: tuple[str, ...] = ()

    def __init__(
        self,
        *,
        threshold: float | None = None,
        margin: float | None = None,
        boost: float | None = None,
    ) -> None:
        if threshold is not None:
            self.threshold = threshold
        if margin is not None:
            self.margin = margin
        if boost is not None:
            self.boost = boost

    def score(self, view: SentenceView) -> float:
        """How much the sentence reads as this kind, raised when the kind's own phrasing is there."""
        return view.meaning.get(self.kind, 0.0) + (self.boost if self.kind in view.hits else 0.0)

    def validate(self, view: SentenceView) -> bool:
        """Hook for a kind-specific check beyond patterns; accepts by default."""
        return True

    def detect(self, view: SentenceView) -> Candidate | None:
        """The candidate this sentence yields for this kind, or None."""
        if any(group in view.groups and group not in view.hits for group in self.requires):
            return None
        if any(group in view.hits for group in self.vetoes):
            return None
        score = self.score(view)
        if score < self.threshold:
            return None
        if score - view.meaning.get("neutral", 0.0) < self.margin and not any(
                group in view.hits for group in self.outweigh_neutral):
            return None
        if not self.validate(view):
            return None
        return Candidate(
            view.utterance, self.kind, round(score, 4), self.threshold, view.text, type(self).__name__
        )
