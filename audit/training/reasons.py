"""Fit the call-level reason scorer and store it beside the utterance scorers it reads.

    python -m audit.training.reasons audit/models/matching.json \
        --set ../shared/bench/sgd-train --limit 1000 --offset 1 --set audit/training/handwritten/en-a:8 ...

Which reasons a call is about decides every irrelevant verdict, and the utterance scorer alone misses
reasons worded unlike their description. This scorer reads a whole call (`call_reason_features`): the
utterance scorer's probabilities, the reason's and its items' likeness to what the customer says, and the
information the customer gives that only one reason's items ask for. So it is fitted on the engine's own
outputs for calls the utterance scorers were not fitted on (`--offset` moves the spread of `--limit` off the
first fit's calls; hand-written sets are small, and their in-fit scores are accepted).

It works in one of two ways, stored with it (`--mode`): `decide`, its strongest reason and any other passing
its threshold are the call's (Russian and Turkish, whose utterance scorer reads the multilingual encoder
loosely); `filter`, the utterance rule's reasons stay only where it agrees (at least the one it rates highest):
English, whose utterance rule reads reasons well but adds second reasons a whole call does not bear out.
Its threshold is chosen on checklists held out in four folds, by what it is for: the F1 of the irrelevant
verdicts the chosen reasons imply on the sets' gold asks, each call counting with its set's weight.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from audit.engine import AuditEngine
from audit.matching.features import CALL_REASON_FEATURES, call_reason_features
from audit.matching.model import Scorer, Scorers
from audit.training.data import load_set
from audit.training.train import _fit, _plateau_best, _set_arg
from audit.verdicts import utterance_reasons

GRID = np.round(np.arange(0.3, 0.91, 0.05), 2)
FILTER_GRID = np.round(np.arange(0.05, 0.91, 0.05), 2)
MODES = ("decide", "filter")
FOLDS = 4


@dataclass
class CallRows:
    """One call's reason features and what its gold says."""

    source: int  # which --set it came from
    checklist: str
    features: np.ndarray  # (reasons, features)
    truth: np.ndarray  # (reasons,) 1 where the reason is the call's
    asks: list[tuple[list[str] | None, bool]]  # each gold ask: the item's applies_to, whether gold says irrelevant
    reason_ids: list[str]
    weight: float
    rule: list[int] = field(default_factory=list)  # the utterance rule's reasons, strongest first


def _gold_asks(set_dir: Path) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    with open(set_dir / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out.setdefault(r["call_id"], []).append((r["item"], r["label"]))
    return out


def collect(engine: AuditEngine, sets: list[tuple[Path, float]], limit: int | None, offset: int) -> list[CallRows]:
    rows: list[CallRows] = []
    for source, (d, w) in enumerate(sets):
        examples = [ex for ex in load_set(d, limit, w, offset) if len(ex.checklist.reasons) >= 2]
        gold = _gold_asks(d)
        for start in range(0, len(examples), 64):
            chunk = examples[start : start + 64]
            for ex, sig in zip(chunk, engine.signals_many([(ex.transcript, ex.checklist) for ex in chunk]),
                               strict=True):
                kv = sig.kv
                threshold = engine.scorers_for(sig.cv.language).reason.threshold
                picked = utterance_reasons(sig.cv, kv, sig.p_reason, sig.customer_rows, threshold, sig.p_sentences,
                                           sig.asked)[0]
                rule = np.zeros(len(kv.reason_ids))
                rule[picked] = 1
                truth = set(ex.intents.values())
                applies = {it.id: it.applies_to for it in ex.checklist.items}
                rows.append(CallRows(
                    source=source, checklist=ex.checklist.id,
                    features=call_reason_features(sig.cv, kv, sig.customer_reason, sig.p_sentences, sig.asked,
                                                    rule),
                    truth=np.array([int(r in truth) for r in kv.reason_ids]),
                    asks=[(applies.get(item), label == "irrelevant")
                          for item, label in gold.get(ex.transcript.call_id, [])],
                    reason_ids=kv.reason_ids, weight=ex.weight, rule=list(picked)))
        print(f"{d}: {sum(r.source == source for r in rows)} calls with two reasons or more", file=sys.stderr)
    return rows


def fit(rows: list[CallRows], threshold: float = 0.5) -> Scorer:
    """A linear scorer: a call gives a few hundred rows per checklist, too few for pairwise products."""
    x = np.concatenate([r.features for r in rows])
    y = np.concatenate([r.truth for r in rows])
    w = np.concatenate([np.full(len(r.truth), r.weight) for r in rows])
    return replace(_fit(x, y, CALL_REASON_FEATURES, w=w, degree=1), threshold=threshold)


def chosen(p: np.ndarray, threshold: float, mode: str = "decide", rule: list[int] = ()) -> set[int]:
    """The reasons picked from the scorer's probabilities (see the module's text for the modes)."""
    if mode == "filter" and rule:
        return {r for r in rule if p[r] >= threshold} or {max(rule, key=lambda r: p[r])}
    top = int(np.argmax(p))
    return {top} | {r for r in range(len(p)) if p[r] >= threshold}


def irrelevant_counts(row: CallRows, picked: set[int]) -> np.ndarray:
    """(true positives, predicted, gold) irrelevant verdicts among the call's gold asks."""
    reasons = {row.reason_ids[r] for r in picked}
    out = np.zeros(3)
    for applies, gold_irrelevant in row.asks:
        predicted = bool(applies) and not reasons & set(applies or [])
        out += (predicted and gold_irrelevant, predicted, gold_irrelevant)
    return out


def held_out_threshold(rows: list[CallRows], n_sets: int, mode: str = "decide") -> tuple[float, np.ndarray]:
    """The threshold whose held-out irrelevant F1 (calls weighted) is best, the middle of its plateau; and each
    set's F1 along the grid."""
    grid = grid_for(mode)
    counts = np.zeros((n_sets, len(grid), 3))
    fold_of = {}
    for source in range(n_sets):
        ids = sorted({r.checklist for r in rows if r.source == source})
        fold_of.update({(source, c): k % FOLDS for k, c in enumerate(ids)})
    for fold in range(FOLDS):
        model = fit([r for r in rows if fold_of[r.source, r.checklist] != fold])
        for r in (r for r in rows if fold_of[r.source, r.checklist] == fold):
            p = model.predict(r.features)
            for k, t in enumerate(grid):
                counts[r.source, k] += r.weight * irrelevant_counts(r, chosen(p, t, mode, r.rule))
    f1 = 2 * counts[:, :, 0] / np.maximum(counts[:, :, 1] + counts[:, :, 2], 1e-9)
    total = counts.sum(axis=0)
    pooled = 2 * total[:, 0] / np.maximum(total[:, 1] + total[:, 2], 1e-9)
    return float(grid[_plateau_best(pooled)]), f1


def grid_for(mode: str) -> np.ndarray:
    return FILTER_GRID if mode == "filter" else GRID


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scorers", type=Path, help="the scorers file to add the call-level reason scorer to")
    ap.add_argument("--set", dest="sets", type=_set_arg, action="append", required=True, metavar="DIR[:WEIGHT]",
                    help="an annotated set and how much each call counts (default 1)")
    ap.add_argument("--limit", type=int, default=None, help="take at most N calls of a set, spread over services")
    ap.add_argument("--offset", type=int, default=0, help="shift that spread (off the utterance scorers' calls)")
    ap.add_argument("--mode", choices=MODES, default="decide",
                    help="decide: the scorer picks the reasons; filter: it keeps those of the utterance rule it "
                         "agrees with (default decide)")
    args = ap.parse_args(argv)
    t0 = time.time()
    rows = collect(AuditEngine(), args.sets, args.limit, args.offset)
    threshold, f1 = held_out_threshold(rows, len(args.sets), args.mode)
    for (d, _), scores in zip(args.sets, f1, strict=True):
        k = list(grid_for(args.mode)).index(threshold)
        print(f"{d.name}: held-out irrelevant F1 {scores[k]:.3f} at {threshold:.2f}", file=sys.stderr)
    scorers = Scorers.load(args.scorers)
    meta = {**scorers.meta, "call_reason_mode": args.mode}
    replace(scorers, call_reason=fit(rows, threshold), meta=meta).save(args.scorers)
    print(f"wrote the call-level reason scorer ({args.mode}, threshold {threshold:.2f}) into {args.scorers} "
          f"in {time.time() - t0:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
