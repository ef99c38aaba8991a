"""The `callaudit` command: the engine's commands plus the service's (serve, worker, admin).

Service commands import the web stack lazily so that `callaudit audit` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from audit.cli import add_commands
from audit.errors import AuditError

# module names under app.cli_commands, registered after the engine's commands
SERVICE_COMMANDS: tuple[str, ...] = ("serve", "worker", "admin")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="callaudit",
        description="Audit call-center calls against mandated question checklists.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    add_commands(sub)
    for name in SERVICE_COMMANDS:
        importlib.import_module(f"app.cli_commands.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except AuditError as e:
        print(f"callaudit: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
