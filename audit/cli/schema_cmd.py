"""`callaudit schema`: print the JSON Schema of an audit report, for integrators."""

from __future__ import annotations

import argparse
import json
import sys

from audit.report import report_json_schema


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "schema", help="print the report JSON Schema", description="Print the JSON Schema of an audit report."
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(report_json_schema(), indent=2) + "\n")
    return 0
