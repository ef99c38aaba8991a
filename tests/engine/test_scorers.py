"""The shipped scorers: loaded by encoder, never with a feature list the engine no longer computes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from audit.matching.features import ASK_FEATURES, INFO_FEATURES, REASON_FEATURES
from audit.matching.model import WEIGHTS, Scorers


def test_when_shipped_scorers_load_then_they_match_the_features() -> None:
    s = Scorers.load()
    assert (s.ask.features, s.info.features, s.reason.features) == (ASK_FEATURES, INFO_FEATURES, REASON_FEATURES)
    p = s.ask.predict(np.zeros((3, len(ASK_FEATURES)), dtype=np.float32))
    assert p.shape == (3,) and ((p >= 0) & (p <= 1)).all()


def test_when_a_file_for_the_encoder_is_stale_then_default_scorers_are_used(tmp_path: Path) -> None:
    shutil.copy(WEIGHTS, tmp_path / "matching.json")
    stale = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    stale["meta"]["encoder"] = "other-encoder"
    stale["ask"]["features"] = stale["ask"]["features"][:-1]
    (tmp_path / "matching-other.json").write_text(json.dumps(stale), encoding="utf-8")
    chosen = Scorers.for_encoder("other-encoder", models_dir=tmp_path)
    assert chosen.ask.features == ASK_FEATURES


def test_when_file_fits_the_encoder_then_it_is_chosen(tmp_path: Path) -> None:
    fitted = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    fitted["meta"]["encoder"] = "other-encoder"
    fitted["ask"]["threshold"] = 0.77
    (tmp_path / "matching-other.json").write_text(json.dumps(fitted), encoding="utf-8")
    assert Scorers.for_encoder("other-encoder", models_dir=tmp_path).ask.threshold == 0.77


def test_when_scorers_saved_and_loaded_then_both_information_thresholds_survive(tmp_path: Path) -> None:
    """Typed items and the others have their own information thresholds; a file without the second (an
    older build) reads as one threshold for all."""
    s = Scorers.load()
    assert s.info.threshold_untyped is not None
    s.save(tmp_path / "m.json")
    back = Scorers.load(tmp_path / "m.json")
    assert (back.info.threshold, back.info.threshold_untyped) == (s.info.threshold, s.info.threshold_untyped)
    old = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    del old["info"]["threshold_untyped"]
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    assert Scorers.load(tmp_path / "old.json").info.threshold_untyped is None
