"""A language's focus cues made ready to use: a small classifier learned from the cue sentences, and the
pattern groups compiled once.

The classifier is what "recognised from meaning" rests on: a multinomial logistic regression over the
language encoder's sentence vectors, trained on the language's own cue sentences (the four kinds plus neutral
agent speech). It reads any sentence as a probability per cue kind, so detector thresholds are probabilities,
comparable across encoders whose cosines sit in very different bands.

Its fitted numbers ship in `audit/models/focus-<language>.json` (`python -m audit.training.focus` writes
them), stamped with a fingerprint of the cue sentences, the encoder and the regularisation: a bank built from
those inputs reads the file instead of fitting, which keeps scikit-learn (seconds to import) off the audit
path. Edited cues no longer match the stamp and are fitted afresh, so the stored file is never used stale.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from audit.languages.base import Language

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
Classifier = tuple[tuple[str, ...], np.ndarray, np.ndarray, np.ndarray]  # kinds, weights, bias, center

NEUTRAL = "neutral"  # cue kind of ordinary, helpful agent speech that focus kinds are contrasted with
PREFILTER = "prefilter"  # pattern group gating which sentences are encoded at all
# Every pattern group a language may define; the detectors read them by these names.
PATTERN_GROUPS = (
    PREFILTER,
    "blame_shift",
    "redirect",
    "half_hearted",
    "ownership",
    "in_person",
    "disclaims",
    "first_person",
    "concrete",
    "agent_acts",
    "safety",
    "handover",
)
# the groups that back one focus kind each (the others qualify a kind: `first_person`, `safety`, ...)
KIND_GROUPS = frozenset({"blame_shift", "redirect", "half_hearted", "ownership"})
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
        """Whether a sentence is worth encoding: the prefilter or a focus kind's own phrasing matches it (a
        kind's pattern backs nothing in a sentence never encoded); every sentence when there is no prefilter."""
        gate = self.patterns.get(PREFILTER)
        if gate is None:
            return True
        low = normalize(text)
        return gate.search(low) is not None or any(
            rx.search(low) for name, rx in self.patterns.items() if name in KIND_GROUPS)

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


def build_bank(language: Language, regularization: float = REGULARIZATION, models_dir: Path = MODELS_DIR) -> CueBank:
    """The language's cue bank: the stored classifier when it was fitted on exactly these cues, else fitted now."""
    stored = _load_classifier(models_dir / f"focus-{language.code}.json", fingerprint(language, regularization))
    kinds, weights, bias, center = stored or fit_classifier(language, regularization)
    patterns = {
        name: re.compile("|".join(f"(?:{p})" for p in group))  # text is normalized: no IGNORECASE, 2x faster
        for name, group in language.focus_patterns().items()
        if group
    }
    return CueBank(kinds, weights, bias, center, patterns)


def fit_classifier(language: Language, regularization: float = REGULARIZATION) -> Classifier:
    """Encode the language's cue sentences and fit the classifier: (kinds, weights, bias, center)."""
    from sklearn.linear_model import LogisticRegression

    texts, labels = _cue_sentences(language)
    matrix = np.asarray(language.fast_encoder().encode(texts), dtype=np.float32)
    # Sentence vectors of one language share a large common direction (for averaged static embeddings most
    # of the cosine between any two sentences); removing the cues' mean keeps what tells the kinds apart.
    center = matrix.mean(axis=0)
    classifier = LogisticRegression(C=regularization, max_iter=5000).fit(_unit(matrix - center), labels)
    weights, bias = classifier.coef_, classifier.intercept_
    if len(classifier.classes_) == 2:  # binary fits keep one row: the softmax of (-w, w) is the same sigmoid
        weights, bias = np.vstack([-weights / 2, weights / 2]), np.array([-bias[0] / 2, bias[0] / 2])
    kinds = tuple(str(k) for k in classifier.classes_)
    return kinds, weights.astype(np.float32), bias.astype(np.float32), center.astype(np.float32)


def fingerprint(language: Language, regularization: float = REGULARIZATION) -> str:
    """What the classifier is a function of: encoder, regularisation, and every cue sentence with its kind."""
    texts, labels = _cue_sentences(language)
    h = hashlib.sha256(f"{language.fast_encoder().name}|{regularization}".encode())
    for text, label in zip(texts, labels, strict=True):
        h.update(f"\n{label}\t{text}".encode())
    return h.hexdigest()


def save_classifier(language: Language, models_dir: Path = MODELS_DIR,
                    regularization: float = REGULARIZATION) -> Path:
    """Fit the language's classifier and write it, stamped, to `focus-<language>.json`."""
    kinds, weights, bias, center = fit_classifier(language, regularization)
    path = models_dir / f"focus-{language.code}.json"
    path.write_text(json.dumps({
        "fingerprint": fingerprint(language, regularization), "kinds": list(kinds),
        "weights": weights.tolist(), "bias": bias.tolist(), "center": center.tolist(),
    }), encoding="utf-8")
    return path


def _cue_sentences(language: Language) -> tuple[list[str], list[str]]:
    cues = [cue for cue in language.focus_cues() if cue.examples]
    texts = [text for cue in cues for text in cue.examples]
    labels = [cue.kind for cue in cues for _ in cue.examples]
    if len(set(labels)) < 2:
        raise ValueError(f"language {language.code!r}: focus cues need examples of at least two kinds")
    return texts, labels


def _load_classifier(path: Path, stamp: str) -> Classifier | None:
    if not path.exists():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    if d.get("fingerprint") != stamp:
        return None
    return (tuple(d["kinds"]), np.array(d["weights"], dtype=np.float32), np.array(d["bias"], dtype=np.float32),
            np.array(d["center"], dtype=np.float32))


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
