"""`callaudit audit CALL`: audit one call (transcript or recording) and print or save its report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from audit.checklist import Checklist
from audit.cli._inputs import add_call_options, load_call, speaker_map_of
from audit.engine import AuditEngine
from audit.library import ChecklistLibrary, resolve_checklist
from audit.render import render_text
from audit.transcript import Transcript


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit",
        help="audit one call against a checklist",
        description="Audit one call: which checklist questions the agent asked were needed, redundant or "
        "irrelevant, which items were missing, and where the agent shifted responsibility or took "
        "ownership. CALL is a transcript (JSON, text, WebVTT, SRT) or a recording.",
    )
    p.add_argument("call", metavar="CALL", help="transcript or recording of the call")
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--checklist",
        metavar="PATH|ID",
        help="checklist file, or the id of a library checklist (default: the call's own `checklist` "
        "field, looked up in the library; none when the call names none)",
    )
    which.add_argument(
        "--no-checklist", action="store_true", help="audit customer focus only, without a checklist"
    )
    p.add_argument("--library", metavar="DIR", help="checklist library folder (default: scripts_db/)")
    p.add_argument("--format", choices=("json", "text"), default="json", help="report format (default json)")
    p.add_argument("--out", metavar="FILE", help="write the report here instead of standard output")
    add_call_options(p)
    p.set_defaults(func=run)


def choose_checklist(
    args: argparse.Namespace, transcript: Transcript, given: Checklist | None = None
) -> Checklist | None:
    """--checklist (already resolved as `given`), else the checklist the call names (from the library), else none."""
    if args.no_checklist:
        return None
    if given is not None:
        return given
    if args.checklist:
        return resolve_checklist(args.checklist, library=args.library)
    if transcript.checklist:
        return ChecklistLibrary(args.library).get(transcript.checklist)
    return None


def run(args: argparse.Namespace) -> int:
    preset = resolve_checklist(args.checklist, library=args.library) if args.checklist else None
    transcript = load_call(args.call, speaker_map=speaker_map_of(args), language=args.language, checklist=preset)
    checklist = choose_checklist(args, transcript, preset)
    if checklist is None and not args.no_checklist:
        print(f"callaudit: {args.call}: no checklist; reporting customer focus only", file=sys.stderr)
    report = AuditEngine(report_language=args.report_language).audit(transcript, checklist)
    text = report.to_json() + "\n" if args.format == "json" else render_text(report, checklist=checklist)
    if args.out:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
