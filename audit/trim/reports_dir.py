"""Read a folder of report files (one `<call_id>.json` each, or JSON Lines) for one checklist version."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from audit.checklist import Checklist
from audit.errors import AuditError
from audit.report import Report


class ReportsError(AuditError):
    """A reports folder or file cannot be read."""


@dataclass
class ReadStats:
    """What was read, and why reports were left out."""

    read: int = 0
    other_checklist: int = 0
    other_version: int = 0
    files: int = 0
    skipped_versions: dict[int, int] = field(default_factory=dict)


def _parse(line: str, where: str) -> Report:
    try:
        return Report.model_validate(json.loads(line))
    except json.JSONDecodeError as e:
        raise ReportsError(f"{where}: not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}") from e
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ReportsError(f"{where}: not an audit report: {loc}: {first['msg']}") from e


def _reports_in(path: Path) -> Iterator[Report]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield _parse(line, f"{path}:{n}")
    else:
        yield _parse(text, str(path))


def iter_reports(
    source: str | Path, checklist: Checklist, stats: ReadStats | None = None
) -> Iterator[Report]:
    """Reports made against this checklist's id and version; others are counted in `stats` and skipped."""
    src = Path(source)
    if src.is_dir():
        paths = sorted(p for p in src.iterdir() if p.suffix in (".json", ".jsonl") and p.is_file())
    elif src.is_file():
        paths = [src]
    else:
        raise ReportsError(f"{src}: no such reports folder or file")
    st = stats or ReadStats()
    for p in paths:
        st.files += 1
        for r in _reports_in(p):
            if r.checklist is None or r.checklist.id != checklist.id:
                st.other_checklist += 1
            elif r.checklist.version != checklist.version:
                st.other_version += 1
                st.skipped_versions[r.checklist.version] = st.skipped_versions.get(r.checklist.version, 0) + 1
            else:
                st.read += 1
                yield r
