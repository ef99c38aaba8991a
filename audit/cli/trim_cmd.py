"""`callaudit trim`: propose the next, shorter version of a checklist from a folder of audit reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from audit.errors import AuditError
from audit.library import resolve_checklist
from audit.trim import Observations, ReadStats, TrimOptions, iter_reports, propose
from audit.trim.proposal import Proposal


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "trim",
        help="propose a shorter checklist version from audit reports",
        description="Read the audit reports made against one checklist version and propose the next "
        "version: drop items almost never needed, make items conditional on the call reasons they serve, "
        "have the agent confirm what customers usually volunteer. Required items are never dropped.",
    )
    p.add_argument("--checklist", required=True, metavar="ID_OR_PATH",
                   help="the checklist version the reports used")
    p.add_argument("reports", metavar="REPORTS_DIR",
                   help="folder of <call_id>.json reports (or a .jsonl file)")
    p.add_argument("--out", metavar="FILE", help="write the proposed checklist YAML here (default: stdout)")
    p.add_argument("--json", metavar="FILE", help="also write the whole proposal, with its evidence, as JSON")
    d = TrimOptions()
    p.add_argument("--max-needed-rate", type=float, default=d.max_needed_rate,
                   help="drop when the needed rate's upper 95%% bound is below this (default %(default)s)")
    p.add_argument("--min-calls", type=int, default=d.min_calls,
                   help="calls needed before a drop or a narrower condition (default %(default)s)")
    p.add_argument("--confirm-min", type=float, default=d.confirm_min_volunteered,
                   help="confirm when the volunteered share's lower 95%% bound is above this "
                   "(default %(default)s)")
    p.set_defaults(func=run)


def _summary(prop: Proposal, stats: ReadStats) -> str:
    s = prop.savings
    lines = [prop.diff.rstrip(), ""]
    skipped = stats.other_checklist + stats.other_version
    lines.append(f"reports read: {stats.read} (skipped {skipped}: other checklist {stats.other_checklist}, "
                 f"other version {stats.other_version})")
    secs = "n/a (no timestamps)" if s.agent_seconds_per_call is None else f"{s.agent_seconds_per_call:g} s"
    lines.append(
        f"per call: {s.questions_per_call:g} questions now, {s.questions_removed_per_call:g} removed, "
        f"{s.confirmations_per_call:g} turned into confirmations, agent time saved {secs}; "
        f"customer repeats avoided {s.customer_repeats_avoided}; needed asks cut {s.needed_asks_cut}"
    )
    for dec in prop.decisions:
        if dec.actions or dec.costly:
            label = "+".join(dec.actions) if dec.actions else "costly (required)"
            lines.append(f"  {dec.item}: {label}: {dec.why}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    checklist = resolve_checklist(args.checklist)
    try:
        options = TrimOptions(max_needed_rate=args.max_needed_rate, min_calls=args.min_calls,
                              confirm_min_volunteered=args.confirm_min)
    except ValueError as e:
        raise AuditError(f"invalid trim option: {e}") from e
    obs = Observations(checklist)
    stats = ReadStats()
    for report in iter_reports(args.reports, checklist, stats):
        obs.add_report(report)
    if not stats.read:
        raise AuditError(
            f"{args.reports}: no report made against checklist {checklist.id} version {checklist.version} "
            f"({stats.files} files, {stats.other_checklist} for other checklists, "
            f"{stats.other_version} for other versions)"
        )
    prop = propose(obs, options)
    if args.out:
        Path(args.out).write_text(prop.checklist_yaml, encoding="utf-8")
    else:
        sys.stdout.write(prop.checklist_yaml)
    if args.json:
        Path(args.json).write_text(prop.model_dump_json(indent=2), encoding="utf-8")
    print(_summary(prop, stats), file=sys.stderr if not args.out else sys.stdout)
    return 0
