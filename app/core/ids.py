"""Identifiers and timestamps shared by every table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id(prefix: str) -> str:
    """A readable, unguessable id such as `call_3f2a...` (prefix tells an integrator what it names)."""
    return f"{prefix}_{uuid.uuid4().hex}"


def utcnow() -> datetime:
    """Aware UTC: the tables store UTC on SQLite and PostgreSQL alike."""
    return datetime.now(UTC)


def to_utc(value: datetime | None) -> datetime | None:
    """An aware datetime in UTC; naive input (no offset given) is taken as UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
