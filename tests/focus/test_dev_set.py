"""Accuracy floors on the hand-made utterances the detectors were calibrated on (dev) and on utterances kept
out of calibration (holdout); a change that loses accuracy fails here before it reaches a bench run."""

from __future__ import annotations

import json

import pytest

from tests.focus.conftest import DATA

KINDS = ("blame_shift", "redirect", "half_hearted", "ownership")


def rows(name: str) -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def f1_by_kind(kinds_of, data: list[dict]) -> dict[str, float]:
    predicted = [kinds_of(row["text"]) for row in data]
    out = {}
    for kind in (*KINDS, "all"):
        wanted = KINDS if kind == "all" else (kind,)
        tp = fp = fn = 0
        for row, got in zip(data, predicted, strict=True):
            for k in wanted:
                tp += k in row["kinds"] and k in got
                fp += k not in row["kinds"] and k in got
                fn += k in row["kinds"] and k not in got
        out[kind] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


@pytest.mark.parametrize("name", ["dev_utterances.jsonl", "holdout_utterances.jsonl"])
def test_when_data_files_are_read_then_every_kind_has_positives_and_near_misses(name):
    data = rows(name)
    assert all(set(row["kinds"]) <= set(KINDS) for row in data)
    for kind in KINDS:
        assert sum(kind in row["kinds"] for row in data) >= 6
    assert sum(not row["kinds"] for row in data) >= len(data) // 3


def test_when_dev_utterances_are_scored_then_every_kind_keeps_its_f1(kinds_of):
    scores = f1_by_kind(kinds_of, rows("dev_utterances.jsonl"))
    assert scores["all"] >= 0.88, scores
    assert min(scores[k] for k in KINDS) >= 0.75, scores


def test_when_holdout_utterances_are_scored_then_overall_f1_holds(kinds_of):
    scores = f1_by_kind(kinds_of, rows("holdout_utterances.jsonl"))
    assert scores["all"] >= 0.8, scores
