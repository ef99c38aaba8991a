"""`callaudit checklists`: list the checklist library, the ids `--checklist` accepts."""

from __future__ import annotations

import argparse
import sys

from audit.library import ChecklistLibrary


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "checklists",
        help="list the checklist library",
        description="List the checklists of the library (scripts_db/), whose ids --checklist accepts.",
    )
    p.add_argument("--library", metavar="DIR", help="checklist library folder (default: scripts_db/)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    entries = ChecklistLibrary(args.library).entries()
    width = max((len(e.id) for e in entries), default=2)
    for e in entries:
        counts = f"{e.items:>3} items {e.reasons:>2} reasons"
        sys.stdout.write(f"{e.id:<{width}}  v{e.version}  {e.language:<3} {counts}  {e.name}\n")
    return 0
