"""Russian and Turkish audits: accuracy on a bench set, audits per second after model load, model load time.

    python benchmarks/languages_bench.py ../shared/bench/multilingual-dev      # the multilingual dev set
    python benchmarks/languages_bench.py --handmade                            # our own hand-made calls
    python benchmarks/languages_bench.py SET --repeat 5 --threads 2            # speed on repeated calls

Scores with the bench's `score.py` and `score_extra.py`. Speed: the calls are audited once to load models
(timed as model load), then `--repeat` more times as fresh objects with the encoder cache cleared, so every
repeat pays full encoder cost, as new calls would. Each repeat is timed twice: with the checklists known (a
queue audits thousands of calls on one checklist, whose vectors are prepared once: the service's steady
state) and with every checklist new (its texts embedded again). Pin BLAS threads with `--threads` to match the target
machine (two cores).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCORERS = ROOT.parent / "shared" / "bench"


def _load(set_dir: Path):
    from audit.checklist import load_checklist
    from audit.transcript import Transcript

    checklists = {p.stem: load_checklist(p) for p in sorted((set_dir / "checklists").glob("*.yaml"))}
    calls = []
    for p in sorted((set_dir / "calls").glob("*.json")):
        t = Transcript.model_validate_json(p.read_text(encoding="utf-8"))
        calls.append((t, checklists[t.checklist]))
    return calls


def _clear_caches() -> None:
    from audit.encoders import multilingual

    for enc in multilingual._shared.values():
        enc._cache.clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set_dir", nargs="?", type=Path)
    ap.add_argument("--handmade", action="store_true", help="score the hand-made calls of tests/languages")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the calls after the first")
    ap.add_argument("--threads", type=int, default=None, help="BLAS threads (default: library default)")
    ap.add_argument("--out", type=Path, help="keep the reports here")
    ap.add_argument("--report-language", default="en")
    args = ap.parse_args()
    if args.threads:
        from threadpoolctl import threadpool_limits

        threadpool_limits(args.threads)
    tmp = Path(tempfile.mkdtemp(prefix="langbench-"))
    if args.handmade:
        from tests.languages.handmade import write_bench

        set_dir = write_bench(tmp / "handmade")
    elif args.set_dir:
        set_dir = args.set_dir
    else:
        ap.error("give SET_DIR or --handmade")
    out = args.out or tmp / "preds"
    out.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    from audit.engine import AuditEngine

    calls = _load(set_dir)
    engine = AuditEngine(report_language=args.report_language)
    reports = engine.audit_many(calls)
    load = time.perf_counter() - t0
    for r in reports:
        (out / f"{r.call_id}.json").write_text(r.model_dump_json(), encoding="utf-8")
    times, cold = [], []
    for _ in range(args.repeat):
        for timed, forget in ((times, False), (cold, True)):
            _clear_caches()
            if forget:
                engine.forget_checklists()
            fresh = [(t.model_copy(), c) for t, c in calls]
            t1 = time.perf_counter()
            engine.audit_many(fresh)
            timed.append(time.perf_counter() - t1)
    scorer_dir = set_dir.parent if (set_dir.parent / "score.py").exists() else SCORERS
    for script, gold in (("score.py", "gold.jsonl"), ("score_extra.py", "extra_gold.jsonl")):
        sys.stdout.flush()
        cmd = [sys.executable, str(scorer_dir / script), "--gold", str(set_dir / gold), "--pred", str(out)]
        subprocess.run(cmd, check=False)
    n = len(calls)
    if times:
        for label, timed in (("checklists known", times), ("checklists new", cold)):
            print(
                f"\nthroughput, {label}: {n / sorted(timed)[len(timed) // 2]:.1f} calls/s (median of {len(timed)} "
                f"passes over {n} calls; best {n / min(timed):.1f}), threads={args.threads or os.cpu_count()}"
            )
    print(f"model load + first pass: {load:.2f} s")
    print(json.dumps({"reports": str(out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
