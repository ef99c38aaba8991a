"""The call-level reason scorer's fitting: a threshold chosen on held-out checklists by the irrelevant
verdicts the chosen reasons imply."""

from __future__ import annotations

import numpy as np

from audit.matching.features import CALL_REASON_FEATURES
from audit.training.reasons import CallRows, chosen, fit, held_out_threshold, irrelevant_counts

N = len(CALL_REASON_FEATURES)


def _call(k: int, truth: list[int], rng: np.random.Generator) -> CallRows:
    """A three-reason call whose first feature shows its reasons (0.8-1.0) against the others (0-0.2)."""
    x = rng.uniform(0, 0.05, (3, N))
    x[:, 0] = [rng.uniform(0.8, 1.0) if r in truth else rng.uniform(0.0, 0.2) for r in range(3)]
    ids = ["a", "b", "c"]
    # one gold ask per reason's own item: irrelevant where the reason is not the call's
    asks = [([ids[r]], r not in truth) for r in range(3)]
    return CallRows(source=0, checklist=f"c{k % 8}", features=x, truth=np.array([int(r in truth) for r in range(3)]),
                    asks=asks, reason_ids=ids, weight=1.0)


def test_when_a_feature_separates_reasons_then_held_out_calls_keep_their_second_reason_and_no_other() -> None:
    rng = np.random.default_rng(1)
    rows = [_call(k, [0] if k % 2 else [0, 1 + (k // 2) % 2], rng) for k in range(160)]
    threshold, f1 = held_out_threshold(rows, 1)
    model = fit(rows, threshold)
    assert f1.max() > 0.99
    second = _call(0, [2, 1], rng)
    assert chosen(model.predict(second.features), model.threshold) == {1, 2}
    alone = _call(0, [2], rng)
    assert chosen(model.predict(alone.features), model.threshold) == {2}


def test_when_reasons_are_chosen_then_irrelevant_asks_are_counted_against_gold() -> None:
    row = CallRows(source=0, checklist="c", features=np.zeros((2, N)), truth=np.array([1, 0]),
                   asks=[(["a"], False), (["b"], True), (None, False), (["a", "b"], False)],
                   reason_ids=["a", "b"], weight=1.0)
    assert irrelevant_counts(row, {0}).tolist() == [1, 1, 1]  # the "b" ask: predicted and gold
    assert irrelevant_counts(row, {1}).tolist() == [0, 1, 1]  # the "a" ask predicted, the "b" one missed


def test_when_filtering_then_the_rules_reasons_stay_only_where_the_scorer_backs_them() -> None:
    """`filter` mode: the utterance rule picked reasons 0 and 1; a scorer backing only 0 drops 1 and never adds
    2, and one backing none keeps the reason it rates highest."""
    p = np.array([0.9, 0.2, 0.95])
    assert chosen(p, 0.5, "filter", [0, 1]) == {0}
    assert chosen(np.array([0.1, 0.3, 0.9]), 0.5, "filter", [0, 1]) == {1}
    assert chosen(p, 0.5, "decide", [0, 1]) == {0, 2}
