"""How good are trim proposals? Build one per checklist from audit reports of a bench set, check the engine
loads each, and judge them against the set's gold questions.

    python benchmarks/managers_trim_sgd.py --set ../shared/bench/sgd-dev --pred PRED_DIR
    python benchmarks/managers_trim_sgd.py --set ../shared/bench/sgd-dev --oracle   # gold verdicts as reports

A gold waste question (redundant, irrelevant) counts as removed when the proposal drops its item or makes
the item conditional on reasons the call does not have, and as confirmed when a redundant question's item
becomes `confirm`. A gold needed question counts as cut when the proposal would not ask it. The call's
reasons are not in the set, so they are inferred from the gold labels (an irrelevant question rules the
item's reasons out, any other rules one of them in); where they stay ambiguous the count is pessimistic:
needed questions count as cut and waste questions as kept if any reading allows it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.checklist import Checklist, load_checklist, parse_checklist  # noqa: E402
from audit.report import ChecklistRef, QuestionVerdict, Report, summarize  # noqa: E402
from audit.trim import Observations, ReadStats, TrimOptions, iter_reports, propose  # noqa: E402


def load_gold(path: Path) -> dict[str, list[dict]]:
    by_call: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            by_call[row["call_id"]].append(row)
    return by_call


def reason_readings(checklist: Checklist, rows: list[dict]) -> list[frozenset[str]]:
    """Every set of call reasons consistent with the call's gold labels."""
    ids = [r.id for r in checklist.reasons]
    sets = [frozenset(c) for n in range(1, len(ids) + 1) for c in itertools.combinations(ids, n)]
    ok = []
    for s in sets:
        good = True
        for row in rows:
            scope = checklist.item(row["item"]).applies_to
            if not scope:
                continue
            hit = bool(s & set(scope))
            if (row["label"] == "irrelevant") == hit:
                good = False
                break
        if good:
            ok.append(s)
    return ok or sets


def judge(checklist: Checklist, decisions: dict, calls: dict[str, list[dict]]) -> dict[str, int]:
    out = defaultdict(int)
    for rows in calls.values():
        readings = reason_readings(checklist, rows)
        for row in rows:
            dec = decisions[row["item"]]
            if "drop" in dec.actions:
                removed = [True]
            elif "conditional" in dec.actions:
                removed = [not (s & set(dec.applies_to)) for s in readings]
            else:
                removed = [False]
            label = row["label"]
            if label == "needed":
                out["needed"] += 1
                out["needed_cut"] += any(removed)
            else:
                out["waste"] += 1
                out[label] += 1
                if all(removed):
                    out["waste_removed"] += 1
                    out[f"{label}_removed"] += 1
                elif label == "redundant" and "confirm" in dec.actions:
                    out["waste_confirmed"] += 1
                    out["redundant_confirmed"] += 1
    return out


def oracle_reports(checklist: Checklist, calls: dict[str, list[dict]]) -> list[Report]:
    """Gold verdicts dressed as reports, reasons read as the widest consistent set (a perfect engine)."""
    out = []
    for call_id, rows in sorted(calls.items()):
        readings = reason_readings(checklist, rows)
        reasons = sorted(max(readings, key=len))
        qs = [
            QuestionVerdict(
                utterance=r["utterance"], item=r["item"], status=r["label"], confidence=1, why="gold", text=""
            )
            for r in rows
        ]
        out.append(
            Report(
                call_id=call_id,
                language="en",
                checklist=ChecklistRef(id=checklist.id, version=1),
                reasons=reasons,
                questions=qs,
                items=[],
                summary=summarize(qs, []),
            )
        )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--set", required=True, type=Path, help="bench set folder (checklists/, calls/, gold.jsonl)"
    )
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--pred", type=Path, help="folder of the engine's reports for the set")
    src.add_argument("--oracle", action="store_true", help="use the gold verdicts as the reports")
    ap.add_argument("--min-calls", type=int, default=TrimOptions().min_calls)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    opt = TrimOptions(min_calls=args.min_calls)
    gold = load_gold(args.set / "gold.jsonl")
    call_checklist = {
        p.stem: json.loads(p.read_text())["checklist"] for p in (args.set / "calls").glob("*.json")
    }
    rows, total = [], defaultdict(int)
    for path in sorted((args.set / "checklists").glob("*.yaml")):
        cl = load_checklist(path)
        calls = {c: gold.get(c, []) for c, cid in call_checklist.items() if cid == cl.id}
        obs = Observations(cl)
        if args.oracle:
            for r in oracle_reports(cl, {c: g for c, g in calls.items()}):
                obs.add_report(r)
        else:
            for r in iter_reports(args.pred, cl, ReadStats()):
                obs.add_report(r)
        prop = propose(obs, opt)
        loaded = parse_checklist(prop.checklist_yaml, where=f"proposal for {cl.id}")
        decisions = {d.item: d for d in prop.decisions}
        res = judge(cl, decisions, calls)
        changes = {d.item: "+".join(d.actions) for d in prop.decisions if d.actions}
        rows.append(
            {
                "checklist": cl.id,
                "calls": obs.calls,
                "items": f"{len(cl.items)}->{len(loaded.items)}",
                "changes": changes,
                **res,
            }
        )
        for k, v in res.items():
            total[k] += v
        total["calls"] += obs.calls
    waste, needed = max(total["waste"], 1), max(total["needed"], 1)
    summary = {
        "calls": total["calls"],
        "gold_waste": total["waste"],
        "waste_removed": total["waste_removed"],
        "waste_confirmed": total["waste_confirmed"],
        "waste_removed_or_confirmed_share": round(
            (total["waste_removed"] + total["waste_confirmed"]) / waste, 4
        ),
        "irrelevant_removed_share": round(total["irrelevant_removed"] / max(total["irrelevant"], 1), 4),
        "redundant_removed_or_confirmed_share": round(
            (total["redundant_removed"] + total["redundant_confirmed"]) / max(total["redundant"], 1), 4
        ),
        "gold_needed": total["needed"],
        "needed_cut": total["needed_cut"],
        "needed_cut_share": round(total["needed_cut"] / needed, 4),
    }
    if args.json:
        print(json.dumps({"summary": summary, "checklists": rows}, indent=2))
        return 0
    print(
        f"{'checklist':<15}{'calls':>6} {'items':>6} {'waste':>6} {'removed':>8} {'confirm':>8} "
        f"{'needed':>7} {'cut':>4}  changes"
    )
    for r in rows:
        print(
            f"{r['checklist']:<15}{r['calls']:>6} {r['items']:>6} {r.get('waste', 0):>6} "
            f"{r.get('waste_removed', 0):>8} {r.get('waste_confirmed', 0):>8} {r.get('needed', 0):>7} "
            f"{r.get('needed_cut', 0):>4}  {r['changes'] or '-'}"
        )
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
