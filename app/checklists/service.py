"""Checklist versions: create (a new immutable version per upload), read, and the bundled library."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from app.checklists.models import ChecklistVersion
from app.core.errors import NotFound, Unprocessable
from audit.checklist import Checklist, parse_checklist
from audit.errors import ChecklistError

log = logging.getLogger("callaudit.checklists")


def _content_hash(checklist: Checklist) -> str:
    body = checklist.model_dump(mode="json", exclude={"version", "changelog"})
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def get(
    *, session: Session, tenant_id: str, checklist_id: str, version: int | None = None
) -> ChecklistVersion | None:
    """A version of a checklist (the latest when `version` is None)."""
    q = select(ChecklistVersion).where(
        ChecklistVersion.tenant_id == tenant_id, ChecklistVersion.checklist_id == checklist_id
    )
    if version is not None:
        q = q.where(ChecklistVersion.version == version)
    return session.exec(q.order_by(ChecklistVersion.version.desc()).limit(1)).first()


def get_or_raise(
    *, session: Session, tenant_id: str, checklist_id: str, version: int | None = None, status_code: int = 404
) -> ChecklistVersion:
    row = get(session=session, tenant_id=tenant_id, checklist_id=checklist_id, version=version)
    if row is None:
        what = f"checklist {checklist_id!r}" + (f" version {version}" if version is not None else "")
        raise (NotFound if status_code == 404 else Unprocessable)(f"unknown {what}")
    return row


def get_all(*, session: Session, tenant_id: str) -> list[ChecklistVersion]:
    """Every version of every checklist of the tenant, by id then version."""
    q = select(ChecklistVersion).where(ChecklistVersion.tenant_id == tenant_id)
    return list(session.exec(q.order_by(ChecklistVersion.checklist_id, ChecklistVersion.version)))


def to_engine(row: ChecklistVersion) -> Checklist:
    return Checklist.model_validate(row.body)


def create(*, session: Session, tenant_id: str, checklist: Checklist) -> tuple[ChecklistVersion, bool]:
    """Store `checklist` as the next version of its id; an upload equal to the latest returns it.

    Returns the row and whether a new version was created.
    """
    digest = _content_hash(checklist)
    latest = get(session=session, tenant_id=tenant_id, checklist_id=checklist.id)
    if latest is not None and latest.content_hash == digest:
        return latest, False
    version = (latest.version + 1) if latest is not None else max(1, checklist.version)
    stored = checklist.model_copy(update={"version": version})
    row = ChecklistVersion(
        tenant_id=tenant_id,
        checklist_id=checklist.id,
        version=version,
        name=checklist.name[:300],
        language=checklist.language,
        body=stored.model_dump(mode="json"),
        content_hash=digest,
    )
    session.add(row)
    session.flush()
    return row, True


def parse_upload(text: str, *, where: str) -> Checklist:
    """Validate an uploaded checklist with the engine's model (errors name the line or field)."""
    return parse_checklist(text, where=where)


def library_files(scripts_dir: Path) -> list[Path]:
    return sorted(p for p in scripts_dir.rglob("*.y*ml") if p.is_file()) if scripts_dir.is_dir() else []


def load_library(*, session: Session, tenant_id: str, scripts_dir: Path) -> int:
    """Load the bundled checklist library into a tenant; returns how many versions were added."""
    added = 0
    for path in library_files(scripts_dir):
        try:
            checklist = parse_checklist(path.read_text(encoding="utf-8"), where=str(path))
        except (ChecklistError, OSError, UnicodeDecodeError) as e:
            log.warning("skipping library checklist %s: %s", path, e)
            continue
        _, created = create(session=session, tenant_id=tenant_id, checklist=checklist)
        added += int(created)
    return added


def count_versions(*, session: Session, tenant_id: str) -> int:
    q = select(func.count()).select_from(ChecklistVersion).where(ChecklistVersion.tenant_id == tenant_id)
    return int(session.exec(q).one())
