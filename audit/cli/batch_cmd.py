"""`callaudit batch CALLS... --out DIR`: audit many calls, one `<call_id>.json` report each.

A call's checklist is `--checklist` for all of them, or its own `checklist` field looked up in
`--checklists DIR` (a bench set's layout) or, without either, in the library. Bad calls are reported and
skipped; the exit status is 1 when any was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from audit.batch import BatchResult, BatchRunner, ChecklistFor, Failure, collect_calls, default_workers
from audit.cli._inputs import add_call_options, load_call, speaker_map_of
from audit.engine import AuditEngine
from audit.errors import AuditError
from audit.library import ChecklistFolder, ChecklistLibrary, resolve_checklist
from audit.transcript import Transcript


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch",
        help="audit many calls, one report each",
        description="Audit many calls and write one <call_id>.json report per call into --out. CALLS are "
        "transcript or recording files, or folders of them.",
    )
    p.add_argument("calls", nargs="+", metavar="CALLS", help="call files or folders of call files")
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--checklist", metavar="PATH|ID", help="one checklist (file or library id) for every call"
    )
    which.add_argument(
        "--checklists",
        metavar="DIR",
        help="folder of <id>.yaml checklists; each call's own `checklist` field names its file",
    )
    p.add_argument("--library", metavar="DIR", help="checklist library folder (default: scripts_db/)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the reports")
    add_speed_options(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_call_options(p)
    p.set_defaults(func=run)


def add_speed_options(p: argparse.ArgumentParser) -> None:
    """Chunk size and worker processes, shared by `batch` and `bench`."""
    p.add_argument("--chunk-size", type=_positive, default=64, help="calls audited together (default 64)")
    p.add_argument(
        "--workers",
        type=_positive,
        default=default_workers(),
        help=f"worker processes auditing chunks side by side (default: one per core, at most 8; here "
        f"{default_workers()})",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is below 1")
    return value


def checklist_resolver(args: argparse.Namespace) -> ChecklistFor:
    """How each call gets its checklist under the command's options."""
    if args.checklist:
        checklist = resolve_checklist(args.checklist, library=args.library)
        return lambda _t: checklist
    if args.checklists:
        return ChecklistFolder(args.checklists).for_call
    library = ChecklistLibrary(args.library)

    def from_library(transcript: Transcript):
        return library.get(transcript.checklist) if transcript.checklist else None

    return from_library


def run_batch(
    engine: AuditEngine, args: argparse.Namespace, files: list[Path], *, quiet: bool = False
) -> BatchResult:
    """Audit `files` under the command's options with a progress bar on stderr."""
    speaker_map = speaker_map_of(args)
    with tqdm(total=len(files), unit="call", file=sys.stderr, disable=quiet, dynamic_ncols=True) as bar:

        def on_failure(f: Failure) -> None:
            bar.write(f"callaudit: skipped {f.path}: {f.error}", file=sys.stderr)

        runner = BatchRunner(
            engine,
            load=lambda p: load_call(p, speaker_map=speaker_map, language=args.language),
            checklist_for=checklist_resolver(args),
            out_dir=Path(args.out),
            chunk_size=args.chunk_size,
            workers=args.workers,
            on_progress=bar.update,
            on_failure=on_failure,
        )
        return runner.run(files)


def summary_lines(result: BatchResult, out_dir: str) -> list[str]:
    q = result.questions
    return [
        f"audited {result.reports} calls in {result.seconds:.2f} s ({result.calls_per_second:.1f} calls/s), "
        f"{len(result.failures)} skipped; reports in {out_dir}",
        f"questions: {sum(q.values())} ({q['needed']} needed, {q['redundant']} redundant, "
        f"{q['irrelevant']} irrelevant); waste {q['redundant'] + q['irrelevant']} "
        f"({result.waste_seconds:.1f} s); items missing {result.items_missing}",
    ]


def run(args: argparse.Namespace) -> int:
    files, missing = collect_calls(args.calls)
    for f in missing:
        print(f"callaudit: skipped {f.path}: {f.error}", file=sys.stderr)
    if not files:
        raise AuditError(f"no call files found in {', '.join(args.calls)}")
    engine = AuditEngine(report_language=args.report_language)
    result = run_batch(engine, args, files, quiet=args.quiet)
    result.failures[:0] = missing
    for line in summary_lines(result, args.out):
        print(line)
    return 1 if result.failures else 0
