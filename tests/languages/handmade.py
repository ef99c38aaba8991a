"""Hand-made Russian and Turkish calls (`data/handmade.yaml`): transcripts, expected verdicts, a bench folder.

The same calls serve the tests (one verdict kind, value or focus kind at a time) and
`benchmarks/languages_bench.py` (scored with the bench scorers as a small development set).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from audit.checklist import Checklist
from audit.library import ChecklistLibrary
from audit.transcript import Transcript, Utterance

DATA = Path(__file__).resolve().parent / "data" / "handmade.yaml"


@dataclass
class HandmadeCall:
    transcript: Transcript
    checklist: Checklist
    questions: dict[tuple[int, str], str]  # (utterance, item) -> needed | redundant | irrelevant
    reasons: list[str]
    items: dict[str, str]  # item -> asked | covered | not_applicable | missing
    focus: dict[int, str] = field(default_factory=dict)  # utterance -> kind


def load_calls(path: Path = DATA) -> list[HandmadeCall]:
    """Every hand-made call with its expected report."""
    library = ChecklistLibrary()
    out = []
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
        checklist = library.get(raw["checklist"])
        utterances, questions, focus = [], {}, {}
        for i, turn in enumerate(raw["turns"]):
            speaker = "agent" if turn[0] == "A" else "customer"
            utterances.append(Utterance(speaker=speaker, text=turn[1]))
            for item, label in (turn[2] if len(turn) > 2 else {}).items():
                questions[(i, item)] = label
            if len(turn) > 3:
                focus[i] = turn[3]
        reasons = list(raw["reasons"])
        asked = {item for _, item in questions}
        items = {}
        for it in checklist.items:
            if it.id in asked:
                items[it.id] = "asked"
            elif it.applies_to and not set(it.applies_to) & set(reasons):
                items[it.id] = "not_applicable"
            elif it.id in raw.get("covered", []):
                items[it.id] = "covered"
            else:
                items[it.id] = "missing"
        transcript = Transcript(call_id=raw["call_id"], checklist=checklist.id, language=raw["language"],
                                metadata=raw.get("metadata", {}), utterances=utterances)
        out.append(HandmadeCall(transcript, checklist, questions, reasons, items, focus))
    return out


def write_bench(folder: Path, calls: list[HandmadeCall] | None = None) -> Path:
    """Write the calls as a bench set (calls/, checklists/, gold.jsonl, extra_gold.jsonl) under `folder`."""
    calls = load_calls() if calls is None else calls
    (folder / "calls").mkdir(parents=True, exist_ok=True)
    (folder / "checklists").mkdir(exist_ok=True)
    gold, extra = [], []
    for c in calls:
        (folder / "calls" / f"{c.transcript.call_id}.json").write_text(
            c.transcript.model_dump_json(exclude_none=True), encoding="utf-8")
        (folder / "checklists" / f"{c.checklist.id}.yaml").write_text(c.checklist.to_yaml(), encoding="utf-8")
        for (u, item), label in sorted(c.questions.items()):
            gold.append({"call_id": c.transcript.call_id, "utterance": u, "item": item, "label": label,
                         "inserted": False})
        extra.append({"call_id": c.transcript.call_id, "reasons": c.reasons, "items": c.items,
                      "customer_focus": [{"utterance": u, "kind": k} for u, k in sorted(c.focus.items())]})
    (folder / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold),
                                       encoding="utf-8")
    (folder / "extra_gold.jsonl").write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in extra),
                                             encoding="utf-8")
    return folder
