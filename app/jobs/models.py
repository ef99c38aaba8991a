"""Jobs are database rows: the queue's source of truth in both modes, so nothing accepted is lost."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.core.ids import utcnow


class JobKind(StrEnum):
    audit = "audit"  # transcribe if needed, audit, store, notify
    webhook = "webhook"  # deliver one webhook event


class JobState(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class Job(SQLModel, table=True):
    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_due", "state", "run_after"),)

    # Columns
    id: str = Field(primary_key=True, max_length=40)
    tenant_id: str = Field(foreign_key="tenants.id", index=True, max_length=40)
    kind: str = Field(max_length=16)
    call_id: str | None = Field(default=None, max_length=40, index=True)
    delivery_id: str | None = Field(default=None, max_length=40)
    state: str = Field(default=JobState.queued.value, max_length=16)
    attempts: int = 0
    max_attempts: int = 5
    run_after: datetime = Field(default_factory=utcnow)
    lease_token: str | None = Field(default=None, max_length=40)
    lease_until: datetime | None = None
    locked_by: str | None = Field(default=None, max_length=200)
    published_at: datetime | None = None
    last_error: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None
