"""The engine's command-line commands. `app.cli` adds the service's commands and is the `callaudit` entry point.

Each command lives in its own module exposing `add_parser(subparsers)`, which registers the sub-command
and sets `func` to a callable taking the parsed arguments and returning an exit status. COMMANDS is the one
place a command is registered.
"""

from __future__ import annotations

import argparse
import importlib

# module names under audit.cli, in the order `--help` lists them
COMMANDS: tuple[str, ...] = (
    "audit_cmd", "batch_cmd", "bench_cmd", "schema_cmd", "checklists_cmd", "trim_cmd", "transcribe_cmd",
)


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register every engine command on a sub-parser set."""
    for name in COMMANDS:
        importlib.import_module(f"audit.cli.{name}").add_parser(sub)
