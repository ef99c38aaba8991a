"""Sentence encoders behind one small interface, with a per-process text cache.

Checklist texts recur on every call and call-center speech repeats itself ("Can I have your name?"), so
caching by exact text removes most encoder work in a batch.
"""

from __future__ import annotations

import threading

import numpy as np


class CachedEncoder:
    """Wraps an encoder with an exact-text cache of bounded size."""

    def __init__(self, inner, max_items: int = 200_000) -> None:
        self.inner = inner
        self.name = inner.name
        self._cache: dict[str, np.ndarray] = {}
        self._max = max_items
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vecs = self.inner.encode(missing)
            with self._lock:
                if len(self._cache) + len(missing) > self._max:
                    self._cache.clear()
                self._cache.update(zip(missing, vecs, strict=True))
        with self._lock:
            rows = [self._cache.get(t) for t in texts]
        if any(r is None for r in rows):  # evicted meanwhile by another thread
            return self.inner.encode(texts)
        if not rows:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack(rows).astype(np.float32, copy=False)

    @property
    def dim(self) -> int:
        return int(self.inner.dim)
