"""The shipped scorers: loaded by encoder, never with a feature list the engine no longer computes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np

from audit.matching.features import ASK_FEATURES, CALL_REASON_FEATURES, INFO_FEATURES, REASON_FEATURES
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


ML_WEIGHTS = WEIGHTS.with_name("matching-multilingual.json")


def test_when_multilingual_scorers_load_then_their_call_reason_scorer_reads_the_current_features() -> None:
    s = Scorers.load(ML_WEIGHTS)
    assert s.call_reason is not None and s.call_reason.features == CALL_REASON_FEATURES
    p = s.call_reason.predict(np.zeros((4, len(CALL_REASON_FEATURES))))
    assert p.shape == (4,) and ((p >= 0) & (p <= 1)).all()


def test_when_a_call_reason_scorer_is_stale_then_the_utterance_rule_decides(tmp_path: Path) -> None:
    stale = json.loads(ML_WEIGHTS.read_text(encoding="utf-8"))
    stale["call_reason"]["features"] = stale["call_reason"]["features"][:-1]
    (tmp_path / "matching-multilingual.json").write_text(json.dumps(stale), encoding="utf-8")
    chosen = Scorers.for_encoder(stale["meta"]["encoder"], models_dir=tmp_path)
    assert chosen.ask.features == ASK_FEATURES and chosen.call_reason is None


def test_when_scorers_saved_and_loaded_then_the_call_reason_scorer_survives(tmp_path: Path) -> None:
    s = Scorers.load(ML_WEIGHTS)
    s.save(tmp_path / "m.json")
    again = Scorers.load(tmp_path / "m.json")
    assert again.call_reason is not None
    assert again.call_reason.threshold == s.call_reason.threshold
    assert np.allclose(again.call_reason.coef, s.call_reason.coef)


def test_when_english_scorers_load_then_their_call_reason_scorer_filters_the_rules_reasons() -> None:
    """English keeps the utterance rule's reasons that a whole call bears out (`audit.training.reasons`)."""
    s = Scorers.load(WEIGHTS)
    assert s.call_reason is not None and s.call_reason.features == CALL_REASON_FEATURES
    assert s.meta["call_reason_mode"] == "filter"
    assert Scorers.load(ML_WEIGHTS).meta.get("call_reason_mode", "decide") == "decide"
