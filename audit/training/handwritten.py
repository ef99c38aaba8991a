"""Check a hand-written training set and derive its gold verdicts from its per-utterance annotations.

    python -m audit.training.handwritten audit/training/handwritten/en

A hand-written set is a bench-format folder (`calls/`, `checklists/`) plus `annotations.jsonl` in the shape
of sgd-train's: one row per utterance, so the same training code reads both.

- agent row: `{"call_id", "utterance", "requests": [item ids asked], "focus": "ownership" | ...,
  "fresh": [item ids]}` (focus optional; `fresh` marks requests for genuinely new information, such as a
  second booking's dates, which are needed even though the item was answered before)
- customer row: `{"call_id", "utterance", "intent": reason id being pursued or "NONE",
  "informs": {item id: [the words that give it]}}` ("I don't know" / "any is fine" answers inform too)
- call row (optional): `{"call_id", "metadata": {metadata key: [item ids it holds]}}`

The verdicts follow from the product's rules, so they are derived rather than written by hand, which keeps
them consistent: `irrelevant` when no reason of the call (every intent the customer pursues) is among the
item's `applies_to`; `redundant` when an earlier customer utterance or the metadata informs the item;
`needed` otherwise. Writes `gold.jsonl` and `extra_gold.jsonl` beside the calls.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from audit.checklist import Checklist, load_checklist
from audit.transcript import Transcript

FOCUS_KINDS = {"ownership", "blame_shift", "redirect", "half_hearted"}


class AnnotationError(ValueError):
    pass


def _rows(set_dir: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    path = set_dir / "annotations.jsonl"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise AnnotationError(f"{path}:{n}: not JSON: {e}") from e
        out[row["call_id"]].append(row)
    return out


def derive_call(t: Transcript, c: Checklist, rows: list[dict]) -> tuple[list[dict], dict]:
    """Gold rows and the extra-gold line of one call; raises AnnotationError naming the first problem."""
    items = {it.id: it for it in c.items}
    reason_ids = {r.id for r in c.reasons}
    where = f"{t.call_id}"
    by_utt: dict[int, dict] = {}
    meta_items: set[str] = set()
    for row in rows:
        if "metadata" in row:
            for key, ids in row["metadata"].items():
                if key not in t.metadata:
                    raise AnnotationError(f"{where}: metadata key {key!r} is not in the call's metadata")
                unknown = [i for i in ids if i not in items]
                if unknown:
                    raise AnnotationError(f"{where}: metadata key {key!r}: unknown item {unknown[0]!r}")
                meta_items |= set(ids)
            continue
        u = row.get("utterance")
        if not isinstance(u, int) or not 0 <= u < len(t.utterances):
            raise AnnotationError(f"{where}: utterance {u!r} out of range")
        if u in by_utt:
            raise AnnotationError(f"{where}: utterance {u} annotated twice")
        speaker = t.utterances[u].speaker
        if speaker == "agent" and "requests" not in row:
            raise AnnotationError(f"{where}: utterance {u} is the agent's and needs `requests`")
        if speaker == "customer" and ("intent" not in row or "informs" not in row):
            raise AnnotationError(f"{where}: utterance {u} is the customer's and needs `intent` and `informs`")
        ids = row.get("requests", []) + list(row.get("informs", {}))
        bad = [i for i in ids if i not in items]
        if bad:
            raise AnnotationError(f"{where}: utterance {u}: unknown item {bad[0]!r}")
        if speaker == "customer" and row["intent"] != "NONE" and row["intent"] not in reason_ids:
            raise AnnotationError(f"{where}: utterance {u}: unknown reason {row['intent']!r}")
        if row.get("focus") and row["focus"] not in FOCUS_KINDS:
            raise AnnotationError(f"{where}: utterance {u}: focus must be one of {sorted(FOCUS_KINDS)}")
        by_utt[u] = row
    missing = [u for u in range(len(t.utterances)) if u not in by_utt]
    if missing:
        raise AnnotationError(f"{where}: utterances {missing[:5]} have no annotation row")
    reasons = {r["intent"] for r in by_utt.values() if r.get("intent", "NONE") != "NONE"}
    if not reasons and c.reasons:
        raise AnnotationError(f"{where}: no customer utterance pursues any reason")
    given: set[str] = set(meta_items)
    asked: set[str] = set()
    gold = []
    for u in range(len(t.utterances)):
        row = by_utt[u]
        fresh = set(row.get("fresh", []))
        if fresh - set(row.get("requests", [])):
            raise AnnotationError(f"{where}: utterance {u}: `fresh` names an item it does not request")
        given -= fresh
        for it in row.get("requests", []):
            applies = items[it].applies_to
            if applies and not set(applies) & reasons:
                label = "irrelevant"
            elif it in given:
                label = "redundant"
            else:
                label = "needed"
            gold.append({"call_id": t.call_id, "utterance": u, "item": it, "label": label, "inserted": False})
            asked.add(it)
        given |= set(row.get("informs", {}))
    statuses = {}
    for it in c.items:
        if it.id in asked:
            statuses[it.id] = "asked"
        elif it.applies_to and not set(it.applies_to) & reasons:
            statuses[it.id] = "not_applicable"
        elif it.id in given:
            statuses[it.id] = "covered"
        else:
            statuses[it.id] = "missing"
    focus = [{"utterance": u, "kind": by_utt[u]["focus"]} for u in sorted(by_utt) if by_utt[u].get("focus")]
    extra = {"call_id": t.call_id, "reasons": sorted(reasons), "items": statuses, "customer_focus": focus}
    return gold, extra


def derive(set_dir: Path) -> tuple[int, int]:
    checklists = {p.stem: load_checklist(p) for p in sorted((set_dir / "checklists").glob("*.yaml"))}
    rows = _rows(set_dir)
    gold, extra = [], []
    calls = sorted((set_dir / "calls").glob("*.json"))
    for path in calls:
        t = Transcript.model_validate_json(path.read_text(encoding="utf-8"))
        if t.checklist not in checklists:
            raise AnnotationError(f"{path}: checklist {t.checklist!r} not in {set_dir / 'checklists'}")
        g, e = derive_call(t, checklists[t.checklist], rows.get(t.call_id, []))
        gold += g
        extra.append(e)
    with open(set_dir / "gold.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in gold)
    with open(set_dir / "extra_gold.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in extra)
    return len(calls), len(gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set_dir", type=Path)
    args = ap.parse_args(argv)
    try:
        n_calls, n_gold = derive(args.set_dir)
    except (ValueError, KeyError) as e:  # AnnotationError and pydantic's ValidationError are ValueErrors
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"{n_calls} calls, {n_gold} gold questions written to {args.set_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
