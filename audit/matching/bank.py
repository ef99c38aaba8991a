"""Example banks: labelled sentences from annotated calls, used as nearest-neighbour evidence.

A new agent sentence that reads like training sentences which asked for "the city of the event" is likely
to ask an item whose description means the same. Labels are item descriptions, never item ids, so the
evidence carries over to checklists the banks have never seen. `python -m audit.training.bank` builds them.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from audit.languages.base import Encoder

BANK_DIR = Path(__file__).resolve().parent.parent / "models"
K = 8


@dataclass
class Bank:
    vecs: np.ndarray  # (entries, d)
    descs: np.ndarray  # (entries, max labels): indices into desc_vecs, -1 padding
    is_pos: np.ndarray  # (entries,) bool: has at least one label
    services: np.ndarray  # (entries,) service index, for leave-one-service-out training
    service_names: list[str]
    desc_vecs: np.ndarray  # (unique descriptions, d)
    _vecs_t: np.ndarray | None = field(default=None, init=False, repr=False)  # vecs.T, laid out for the product

    @classmethod
    def load(cls, path: Path, encoder: Encoder) -> Bank:
        rows = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
        desc_list = sorted({d for r in rows for d in r["d"]})
        didx = {d: i for i, d in enumerate(desc_list)}
        svc = sorted({r["s"] for r in rows})
        sidx = {s: i for i, s in enumerate(svc)}
        width = max([len(r["d"]) for r in rows] + [1])
        descs = np.full((len(rows), width), -1, dtype=np.int64)
        for k, r in enumerate(rows):
            for j, d in enumerate(r["d"]):
                descs[k, j] = didx[d]
        return cls(
            vecs=encoder.encode([r["t"] for r in rows]).astype(np.float32),
            descs=descs,
            is_pos=(descs[:, 0] >= 0),
            services=np.array([sidx[r["s"]] for r in rows], dtype=np.int64),
            service_names=svc,
            desc_vecs=encoder.encode(desc_list).astype(np.float32) if desc_list else np.zeros((0, 1), np.float32),
        )

    def entry_item_match(self, item_desc_vecs: np.ndarray) -> np.ndarray:
        """(entries, items): how well each entry's best label means the same as each item's description."""
        if len(self.desc_vecs) == 0 or item_desc_vecs.shape[0] == 0:
            return np.zeros((len(self.vecs), item_desc_vecs.shape[0]), dtype=np.float32)
        e = self.desc_vecs @ item_desc_vecs.T  # (descs, items)
        e = np.vstack([e, np.full((1, e.shape[1]), -1.0, dtype=np.float32)])  # row for padding
        return e[self.descs].max(axis=1)

    def neighbours(self, queries: np.ndarray, exclude_service: str | None = None,
                   chunk: int = 2048) -> tuple[np.ndarray, np.ndarray]:
        """The K nearest entries of each query: (indices, similarities), both (queries, K).

        Many calls' queries go through in one call, because one large matrix product is several times
        faster than one per call.
        """
        k = min(K, len(self.vecs))
        tops, sims_out = [], []
        bank_t = self._transposed()
        for a in range(0, queries.shape[0], chunk):
            sims = np.ascontiguousarray(queries[a : a + chunk], dtype=np.float32) @ bank_t
            if exclude_service is not None and exclude_service in self.service_names:
                sims[:, self.services == self.service_names.index(exclude_service)] = -1.0
            top, values = top_k(sims, k)
            tops.append(top)
            sims_out.append(values)
        if not tops:
            return np.zeros((0, k), dtype=np.int64), np.zeros((0, k), dtype=np.float32)
        return np.vstack(tops), np.vstack(sims_out)

    def _transposed(self) -> np.ndarray:
        if self._vecs_t is None or self._vecs_t.shape[1] != len(self.vecs):
            self._vecs_t = np.ascontiguousarray(self.vecs.T, dtype=np.float32)
        return self._vecs_t

    def features(self, queries: np.ndarray, match: np.ndarray, exclude_service: str | None = None,
                 found: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
        """(queries, items, 3): best neighbour agreement, neighbour vote for the item, share of labelled
        neighbours. `found` passes neighbours already searched for these queries."""
        n_q, n_i = queries.shape[0], match.shape[1]
        out = np.zeros((n_q, n_i, 3), dtype=np.float32)
        if n_q == 0 or len(self.vecs) == 0:
            return out
        top, s = found if found is not None else self.neighbours(queries, exclude_service)
        w = np.exp((s - s.max(axis=1, keepdims=True)) * 20.0)
        w /= w.sum(axis=1, keepdims=True)
        m = match[top]  # (q, k, items)
        out[:, :, 0] = (s[:, :, None] * np.clip(m, 0, 1)).max(axis=1)
        out[:, :, 1] = (w[:, :, None] * (m >= 0.8)).sum(axis=1)
        out[:, :, 2] = (w * self.is_pos[top]).sum(axis=1)[:, None]
        return out


def top_k(sims: np.ndarray, k: int, block: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """Each row's k largest entries, largest first: (columns, values).

    A row's k largest entries lie in the k blocks of columns with the largest maxima, so only those blocks
    are partitioned. On rows of 17,000 similarities this takes a third of `np.argpartition`'s time, about
    what torch's top-k takes, without importing torch (2.5 s of model load).
    """
    n_q, n = sims.shape
    if k == 0:
        return np.zeros((n_q, 0), dtype=np.int64), np.zeros((n_q, 0), dtype=sims.dtype)
    if n <= k * block:
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    else:
        starts = np.arange(0, n, block)
        best = np.argpartition(-np.maximum.reduceat(sims, starts, axis=1), k - 1, axis=1)[:, :k]
        cols = (starts[best][:, :, None] + np.arange(block)).reshape(n_q, k * block)
        inside = cols < n  # the last block may be short
        cand = np.where(inside, np.take_along_axis(sims, np.minimum(cols, n - 1), axis=1), -np.inf)
        top = np.take_along_axis(cols, np.argpartition(-cand, k - 1, axis=1)[:, :k], axis=1)
    values = np.take_along_axis(sims, top, axis=1)
    order = np.argsort(-values, axis=1, kind="stable")
    return np.take_along_axis(top, order, axis=1).astype(np.int64), np.take_along_axis(values, order, axis=1)
