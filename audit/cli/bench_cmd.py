"""`callaudit bench SET_DIR`: audit a bench set, score it, and report speed.

SET_DIR holds `calls/`, `checklists/` and `gold.jsonl` (the bench format); the scorer is `score.py` beside
the set unless `--score-script` names another. Model load is timed apart from throughput, so the speed
figure is what a long-running service sees.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from audit.batch import collect_calls
from audit.cli.batch_cmd import add_speed_options, run_batch, summary_lines
from audit.engine import AuditEngine
from audit.errors import AuditError
from audit.library import ChecklistFolder


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "bench",
        help="audit and score a bench set, with throughput and model-load time",
        description="Audit every call of a bench set (SET_DIR/calls against SET_DIR/checklists), score the "
        "reports with the bench scorer, and print the score table, throughput and model-load time.",
    )
    p.add_argument("set_dir", metavar="SET_DIR", help="bench set folder (calls/, checklists/, gold.jsonl)")
    p.add_argument("--score-script", metavar="PATH", help="scorer (default: SET_DIR/../score.py)")
    p.add_argument("--out", metavar="DIR", help="keep the reports here (default: a temporary folder)")
    add_speed_options(p)
    p.add_argument("--report-language", default="en", help="language of the report's explanations")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        raise AuditError(f"{path}: {what} not found")
    return path


def _score(script: Path, gold: Path, preds: Path, calls: Path) -> int:
    cmd = [sys.executable, str(script), "--gold", str(gold), "--pred", str(preds)]
    if script.name == "score.py":
        cmd += ["--calls", str(calls)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    return proc.returncode


def _bench(args: argparse.Namespace, set_dir: Path, out_dir: Path, score_script: Path) -> int:
    calls = _require(set_dir / "calls", "calls folder")
    gold = _require(set_dir / "gold.jsonl", "gold file")
    folder = ChecklistFolder(_require(set_dir / "checklists", "checklists folder"))
    files, _ = collect_calls([calls])
    if not files:
        raise AuditError(f"{calls}: no calls")

    languages = tuple(sorted({folder.get(cid).language for cid in folder.available()} or {"en"}))
    started = time.perf_counter()
    engine = AuditEngine(report_language=args.report_language)
    engine.warm_up(languages)
    load_seconds = time.perf_counter() - started

    batch_args = argparse.Namespace(
        checklist=None, checklists=str(folder.folder), library=None, out=str(out_dir),
        chunk_size=args.chunk_size, workers=args.workers, language=None, speaker_map=None,
    )  # fmt: skip
    result = run_batch(engine, batch_args, files, quiet=args.quiet)
    for line in summary_lines(result, str(out_dir)):
        print(line)
    print()
    status = _score(score_script, gold, out_dir, calls)
    extra_gold, extra_script = set_dir / "extra_gold.jsonl", score_script.with_name("score_extra.py")
    if extra_gold.is_file() and extra_script.is_file():
        print()
        status = max(status, _score(extra_script, extra_gold, out_dir, calls))
    print()
    rate = f"{result.calls_per_second:.1f} calls/s"
    workers = f"{args.workers} worker process{'es' if args.workers > 1 else ''}"
    print(f"throughput: {rate} ({result.reports} calls in {result.seconds:.2f} s, {workers}, model load excluded)")
    print(f"model load: {load_seconds:.2f} s ({', '.join(languages)})")
    return status or (1 if result.failures else 0)


def run(args: argparse.Namespace) -> int:
    set_dir = _require(Path(args.set_dir), "bench set")
    score_script = _require(
        Path(args.score_script) if args.score_script else set_dir.resolve().parent / "score.py", "scorer"
    )
    if args.out:
        return _bench(args, set_dir, Path(args.out), score_script)
    with tempfile.TemporaryDirectory(prefix="callaudit-bench-") as tmp:
        return _bench(args, set_dir, Path(tmp), score_script)
