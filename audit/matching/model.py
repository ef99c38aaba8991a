"""Small learned scorers: logistic regression over pairwise feature products, stored as JSON.

Why this form: it ships as a few kilobytes of plain numbers in the repository, loads in milliseconds with
no pickle or library-version coupling, and scores a whole call in one matrix product.
`python -m audit.training.train` rebuilds the weights from sgd-train.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).resolve().parent.parent / "models" / "matching.json"


@dataclass(frozen=True)
class Scorer:
    """One decision: P(label | features)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    powers: np.ndarray  # (terms, features): exponents of each polynomial term
    coef: np.ndarray
    intercept: float
    threshold: float
    # a second threshold for one group of rows, where the engine's rules make its scores run lower or higher
    # (information: items that ask for no typed value, whose scores no value rule sharpens); None: `threshold`
    threshold_untyped: float | None = None

    def expand(self, x: np.ndarray) -> np.ndarray:
        """Polynomial terms of degree <= 2, in the order of `powers`."""
        z = np.clip((x - self.mean) / self.scale, -4.0, 4.0)  # no wild extrapolation off the training range
        first, second = self._factors()
        z1 = np.hstack([z, np.ones((z.shape[0], 1))])  # column -1 is the constant 1
        return z1[:, first] * z1[:, second]

    def _factors(self) -> tuple[np.ndarray, np.ndarray]:
        cached = self.__dict__.get("_factor_cache")
        if cached is None:
            n = self.powers.shape[1]
            first, second = [], []
            for row in self.powers:
                idx = [j for j in range(n) for _ in range(int(row[j]))]
                idx += [n] * (2 - len(idx))
                first.append(idx[0])
                second.append(idx[1])
            cached = (np.array(first), np.array(second))
            object.__setattr__(self, "_factor_cache", cached)
        return cached

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Probabilities for an (..., features) array."""
        shape = x.shape[:-1]
        flat = x.reshape(-1, x.shape[-1]).astype(np.float64)
        if flat.shape[0] == 0:
            return np.zeros(shape, dtype=np.float32)
        logit = self.expand(flat) @ self.coef + self.intercept
        return (1.0 / (1.0 + np.exp(-np.clip(logit, -30, 30)))).reshape(shape).astype(np.float32)

    def to_json(self) -> dict:
        return {
            "features": list(self.features),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "powers": self.powers.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
            "threshold": self.threshold,
            **({"threshold_untyped": self.threshold_untyped} if self.threshold_untyped is not None else {}),
        }

    @classmethod
    def from_json(cls, d: dict) -> Scorer:
        return cls(
            features=tuple(d["features"]),
            mean=np.array(d["mean"]),
            scale=np.array(d["scale"]),
            powers=np.array(d["powers"], dtype=np.int64),
            coef=np.array(d["coef"]),
            intercept=float(d["intercept"]),
            threshold=float(d["threshold"]),
            threshold_untyped=float(d["threshold_untyped"]) if "threshold_untyped" in d else None,
        )


@dataclass(frozen=True)
class Scorers:
    ask: Scorer
    info: Scorer
    reason: Scorer
    meta: dict
    # which reasons a whole call is about (`audit.training.reasons`); None: the utterance rule decides
    call_reason: Scorer | None = None

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Scorers:
        d = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            ask=Scorer.from_json(d["ask"]),
            info=Scorer.from_json(d["info"]),
            reason=Scorer.from_json(d["reason"]),
            meta=d.get("meta", {}),
            call_reason=Scorer.from_json(d["call_reason"]) if "call_reason" in d else None,
        )

    @classmethod
    def for_encoder(cls, encoder_name: str, models_dir: Path = WEIGHTS.parent) -> Scorers:
        """The scorers fitted on features from this encoder (`matching*.json` whose meta names it)."""
        from audit.matching.features import ASK_FEATURES, CALL_REASON_FEATURES, INFO_FEATURES, REASON_FEATURES

        current = (ASK_FEATURES, INFO_FEATURES, REASON_FEATURES)
        for path in sorted(models_dir.glob("matching*.json")):
            scorers = cls.load(path)
            fitted = (scorers.ask.features, scorers.info.features, scorers.reason.features)
            if scorers.meta.get("encoder") == encoder_name and fitted == current:  # a stale file is skipped
                if scorers.call_reason is not None and scorers.call_reason.features != CALL_REASON_FEATURES:
                    return dataclasses.replace(scorers, call_reason=None)
                return scorers
        return cls.load(WEIGHTS)

    def save(self, path: Path = WEIGHTS) -> None:
        d = {"meta": self.meta, "ask": self.ask.to_json(), "info": self.info.to_json(),
             "reason": self.reason.to_json(),
             **({"call_reason": self.call_reason.to_json()} if self.call_reason is not None else {})}
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(d, indent=1), encoding="utf-8")
