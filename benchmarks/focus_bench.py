"""Customer focus on a bench set: accuracy by `score_extra.py` and throughput of `detect_focus`.

    python benchmarks/focus_bench.py                                # realistic-dev accuracy + sgd-dev speed
    python benchmarks/focus_bench.py --set ../shared/bench/realistic-dev --speed-set ../shared/bench/sgd-dev

Accuracy: the focus detectors alone (no checklist) on every call of the set, written as reports and scored
by the set's `extra_gold.jsonl` (only the customer-focus lines are printed). Speed: calls per second over the
speed set after the model has loaded: batched with an empty encoder cache (every sentence encoded), batched
again with the vectors cached (as in the engine, which has already embedded the agent sentences), and one
call at a time as `detect_focus` runs; with the number of sentences that passed the prefilter.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.focus import FocusAnalyzer  # noqa: E402
from audit.languages import get_language  # noqa: E402
from audit.transcript import Transcript  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"


def load_calls(folder: Path) -> list[Transcript]:
    return [
        Transcript.model_validate_json(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))
    ]


def accuracy(set_dir: Path) -> None:
    calls = load_calls(set_dir / "calls")
    analyzer = FocusAnalyzer(get_language(calls[0].language))
    findings = analyzer.detect_many(calls)
    with tempfile.TemporaryDirectory() as tmp:
        preds = Path(tmp) / "reports.jsonl"
        with preds.open("w", encoding="utf-8") as out:
            for call, found in zip(calls, findings, strict=True):
                report = {
                    "call_id": call.call_id,
                    "customer_focus": [f.model_dump(mode="json") for f in found],
                }
                out.write(json.dumps(report) + "\n")
        result = subprocess.run(
            [
                sys.executable,
                str(BENCH / "score_extra.py"),
                "--gold",
                str(set_dir / "extra_gold.jsonl"),
                "--pred",
                str(preds),
                "--json",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    focus = json.loads(result.stdout)["customer_focus"]
    print(f"{set_dir.name}: {len(calls)} calls, {sum(map(len, findings))} findings")
    for kind, row in [*focus["kinds"].items(), ("overall", focus["overall"])]:
        print(f"  {kind:13s} P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}")


def speed(set_dir: Path) -> None:
    calls = load_calls(set_dir / "calls")
    language = get_language(calls[0].language)
    t0 = time.perf_counter()
    language.encoder().encode(["warm up"])
    analyzer = FocusAnalyzer(language)
    analyzer.bank  # noqa: B018  (encodes the cue sentences)
    load = time.perf_counter() - t0
    sentences = sum(len(analyzer.agent_sentences(c)) for c in calls)
    runs = [
        ("batched, cold encoder cache", lambda: analyzer.detect_many(calls)),
        ("batched, warm encoder cache", lambda: analyzer.detect_many(calls)),
        ("one call at a time, warm cache", lambda: [analyzer.detect(c) for c in calls]),
    ]
    for label, run in runs:
        t0 = time.perf_counter()
        run()
        dt = time.perf_counter() - t0
        print(f"{set_dir.name} {label}: {len(calls)} calls in {dt:.2f} s = {len(calls) / dt:.0f} calls/s")
    print(
        f"  load {load:.2f} s; {sentences} agent sentences passed the prefilter "
        f"({sentences / len(calls):.1f} per call)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", type=Path, default=BENCH / "realistic-dev", help="set with extra_gold.jsonl")
    parser.add_argument("--speed-set", type=Path, default=BENCH / "sgd-dev", help="set to time")
    args = parser.parse_args()
    accuracy(args.set)
    speed(args.speed_set)


if __name__ == "__main__":
    main()
