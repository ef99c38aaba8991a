"""Threshold choice in training: the middle of a flat stretch of scores, not its luckiest point."""

from __future__ import annotations

import numpy as np

from audit.training.train import GRID, _best_threshold, _plateau_best


def test_when_the_best_score_sits_at_the_edge_of_a_flat_stretch_then_its_middle_is_chosen() -> None:
    scores = np.full(len(GRID), 0.5)
    scores[30:51] = 0.80  # thresholds 0.35-0.55 all score alike
    scores[31] = 0.803  # one of them a little better, by chance
    assert _plateau_best(scores) == 40


def test_when_the_best_score_stands_alone_then_it_is_chosen() -> None:
    scores = np.full(len(GRID), 0.5)
    scores[70] = 0.9
    assert _plateau_best(scores) == 70


def test_when_classes_separate_then_the_threshold_falls_between_them() -> None:
    rng = np.random.default_rng(0)
    y = np.r_[np.ones(200), np.zeros(200)]
    p = np.r_[rng.uniform(0.4, 0.9, 200), rng.uniform(0.0, 0.3, 200)]
    t, f1 = _best_threshold(p, y)
    assert 0.3 <= t <= 0.4
    assert f1 > 0.95
