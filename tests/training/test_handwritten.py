"""Hand-written training sets: annotations are checked and the gold verdicts follow from them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from audit.training.handwritten import AnnotationError, derive, main

SETS = Path(__file__).resolve().parents[2] / "audit" / "training" / "handwritten"

CHECKLIST = """
id: tiny
name: Tiny
version: 1
language: en
reasons:
  - {id: no_start, description: "The car will not start"}
  - {id: flat_tire, description: "A tire is flat"}
items:
  - {id: location, question: "Where is the car?", description: "Where the car is"}
  - {id: service_type, question: "Tow or jump start?", description: "Tow or jump", applies_to: [no_start]}
  - {id: callback_phone, question: "Best number to reach you?", description: "Phone number to call back"}
  - {id: anything_else, question: "Anything else?", description: "Whether the caller needs more help"}
"""
UTTERANCES = [
    ("customer", "Hi, I have a flat tire at 5 Main Street."),
    ("agent", "Where is the car?"),
    ("customer", "5 Main Street, like I said."),
    ("agent", "Do you need a tow or a jump start?"),
    ("customer", "No."),
    ("agent", "Best number to reach you? Anything else?"),
    ("customer", "This number. And no, that's all."),
    ("agent", "Anything else at all? I'll send the van myself now."),
]
ROWS = [
    {"utterance": 0, "intent": "flat_tire", "informs": {"location": ["5 Main Street"]}},
    {"utterance": 1, "requests": ["location"]},
    {"utterance": 2, "intent": "flat_tire", "informs": {"location": ["5 Main Street"]}},
    {"utterance": 3, "requests": ["service_type"]},
    {"utterance": 4, "intent": "flat_tire", "informs": {}},
    {"utterance": 5, "requests": ["callback_phone", "anything_else"]},
    {"utterance": 6, "intent": "flat_tire", "informs": {"anything_else": ["that's all"]}},
    {"utterance": 7, "requests": ["anything_else"], "fresh": ["anything_else"], "focus": "ownership"},
    {"metadata": {"caller_phone": ["callback_phone"]}},
]


def _write_set(root: Path, rows: list[dict]) -> Path:
    (root / "calls").mkdir(parents=True)
    (root / "checklists").mkdir()
    (root / "checklists" / "tiny.yaml").write_text(CHECKLIST, encoding="utf-8")
    call = {"call_id": "tiny-1", "checklist": "tiny", "language": "en", "metadata": {"caller_phone": "555 0100"},
            "utterances": [{"speaker": s, "text": t} for s, t in UTTERANCES]}
    (root / "calls" / "tiny-1.json").write_text(json.dumps(call), encoding="utf-8")
    lines = [json.dumps({"call_id": "tiny-1", **r}) for r in rows]
    (root / "annotations.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_when_annotated_then_verdicts_follow_the_products_rules(tmp_path: Path) -> None:
    root = _write_set(tmp_path / "set", ROWS)
    assert derive(root) == (1, 5)
    gold = {(g["utterance"], g["item"]): g["label"] for g in _jsonl(root / "gold.jsonl")}
    assert gold == {
        (1, "location"): "redundant",  # volunteered in the first turn
        (3, "service_type"): "irrelevant",  # a flat tire call has no use for a tow-or-jump question
        (5, "callback_phone"): "redundant",  # caller ID
        (5, "anything_else"): "needed",
        (7, "anything_else"): "needed",  # asked again for new information: `fresh`
    }
    extra = _jsonl(root / "extra_gold.jsonl")[0]
    assert extra["reasons"] == ["flat_tire"]
    assert extra["items"]["service_type"] == "asked"
    assert extra["customer_focus"] == [{"utterance": 7, "kind": "ownership"}]


@pytest.mark.parametrize(("change", "message"), [
    ({"utterance": 1, "requests": ["colour"]}, "unknown item 'colour'"),
    ({"utterance": 2, "intent": "towing", "informs": {}}, "unknown reason 'towing'"),
    ({"utterance": 2, "requests": []}, "needs `intent` and `informs`"),
])
def test_when_annotation_is_wrong_then_error_names_call_and_utterance(tmp_path: Path, change, message) -> None:
    rows = [change if r.get("utterance") == change["utterance"] else r for r in ROWS]
    root = _write_set(tmp_path / "set", rows)
    with pytest.raises(AnnotationError, match=message):
        derive(root)
    assert not (root / "gold.jsonl").exists()


def test_when_an_utterance_has_no_row_then_cli_exits_2(tmp_path: Path, capsys) -> None:
    root = _write_set(tmp_path / "set", [r for r in ROWS if r.get("utterance") != 4])
    assert main([str(root)]) == 2
    assert "tiny-1: utterances [4] have no annotation row" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(p.name for p in SETS.iterdir() if p.is_dir()))
def test_when_shipped_set_rederived_then_gold_is_unchanged(tmp_path: Path, name: str) -> None:
    copy = shutil.copytree(SETS / name, tmp_path / name)
    derive(copy)
    for f in ("gold.jsonl", "extra_gold.jsonl"):
        assert _jsonl(copy / f) == _jsonl(SETS / name / f)
