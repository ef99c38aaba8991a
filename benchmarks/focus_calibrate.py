"""Calibrate and measure the customer-focus detectors on the hand-made English development utterances.

    python benchmarks/focus_calibrate.py            # per-kind P/R/F1 with the detectors' current settings
    python benchmarks/focus_calibrate.py --sweep    # also the best threshold/margin/boost per kind
    python benchmarks/focus_calibrate.py --holdout  # measure on the held-out utterances (never swept)

The development set is `tests/focus/data/dev_utterances.jsonl` (one agent utterance per line with the kinds it
carries, near misses included). Thresholds are chosen here and written into the detector classes by hand;
the bench sets are for measuring only, never for choosing thresholds.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.focus import FocusAnalyzer  # noqa: E402
from audit.focus.registry import DETECTORS  # noqa: E402
from audit.languages import get_language  # noqa: E402
from audit.transcript import Transcript, Utterance  # noqa: E402

DEV = ROOT / "tests" / "focus" / "data" / "dev_utterances.jsonl"
SGD_TRAIN = ROOT.parent / "shared" / "bench" / "sgd-train" / "calls"
HOLDOUT = ROOT / "tests" / "focus" / "data" / "holdout_utterances.jsonl"


def load_rows(path: Path = DEV) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sgd_negatives(count: int, folder: Path = SGD_TRAIN) -> list[dict]:
    """Agent utterances of SGD-train calls (every 7th call, in name order): booking-assistant speech that
    never shifts responsibility, the bulk negatives that keep false alarms rare."""
    rows: list[dict] = []
    for path in sorted(folder.glob("*.json"))[::7]:
        call = json.loads(path.read_text(encoding="utf-8"))
        rows += [{"text": u["text"], "kinds": []} for u in call["utterances"] if u["speaker"] == "agent"]
        if len(rows) >= count:
            break
    return rows[:count]


def as_transcripts(rows: list[dict]) -> list[Transcript]:
    return [
        Transcript(call_id=f"dev-{i}", utterances=[Utterance(speaker="agent", text=row["text"])])
        for i, row in enumerate(rows)
    ]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def measure(rows: list[dict], predicted: list[set[str]]) -> dict[str, tuple[int, int, int]]:
    counts: dict[str, tuple[int, int, int]] = {}
    for kind in [*DETECTORS, "all"]:
        tp = fp = fn = 0
        for row, pred in zip(rows, predicted, strict=True):
            gold = set(row["kinds"])
            kinds = DETECTORS if kind == "all" else [kind]
            for k in kinds:
                tp += k in gold and k in pred
                fp += k not in gold and k in pred
                fn += k in gold and k not in pred
        counts[kind] = (tp, fp, fn)
    return counts


def sweep(analyzer: FocusAnalyzer, views, rows: list[dict]) -> None:
    """Best settings for each detector alone (before kinds are reconciled), by F1 then by a wider margin."""
    for detector in analyzer.detectors:
        gold = [detector.kind in row["kinds"] for row in rows]
        best = None
        for threshold, margin, boost in itertools.product(
            [x / 100 for x in range(0, 81, 2)],
            [x / 100 for x in range(-10, 16, 1)],
            [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3],
        ):
            probe = type(detector)(threshold=threshold, margin=margin, boost=boost)
            fired = [any(probe.detect(v) for v in vs) for vs in views]
            tp = sum(f and g for f, g in zip(fired, gold, strict=True))
            fp = sum(f and not g for f, g in zip(fired, gold, strict=True))
            fn = sum(g and not f for f, g in zip(fired, gold, strict=True))
            key = (prf(tp, fp, fn)[2], margin, -abs(boost - 0.1))
            if best is None or key > best[0]:
                best = (key, threshold, margin, boost, tp, fp, fn)
        (f1, _, _), threshold, margin, boost, tp, fp, fn = best
        print(
            f"{detector.kind:13s} best F1 {f1:.3f}: threshold={threshold} margin={margin} boost={boost} "
            f"(tp {tp} fp {fp} fn {fn})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sweep", action="store_true", help="search each detector's best settings")
    parser.add_argument("--holdout", action="store_true", help="measure on the held-out set (no sweep)")
    parser.add_argument("--data", type=Path, help="measure on another utterance file (no sweep)")
    parser.add_argument(
        "--sgd-negatives",
        type=int,
        default=0,
        metavar="N",
        help="add N agent utterances of ../shared/bench/sgd-train as negatives",
    )
    parser.add_argument("--errors", action="store_true", help="list every wrong utterance")
    args = parser.parse_args()
    rows = load_rows(args.data or (HOLDOUT if args.holdout else DEV))
    if args.sgd_negatives:
        rows += sgd_negatives(args.sgd_negatives)
    analyzer = FocusAnalyzer(get_language("en"))
    transcripts = as_transcripts(rows)
    views = analyzer.views(transcripts)
    predicted = [{f.kind for f in findings} for findings in analyzer.detect_many(transcripts)]
    print(f"{len(rows)} utterances, encoder {analyzer.language.encoder().name}")
    for kind, (tp, fp, fn) in measure(rows, predicted).items():
        p, r, f = prf(tp, fp, fn)
        print(f"{kind:13s} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {tp} fp {fp} fn {fn})")
    if args.errors:
        for row, pred in zip(rows, predicted, strict=True):
            if set(row["kinds"]) != pred:
                print(f"  gold {sorted(row['kinds'])} got {sorted(pred)}: {row['text']}")
    if args.sweep and not (args.holdout or args.data):
        sweep(analyzer, views, rows)


if __name__ == "__main__":
    main()
