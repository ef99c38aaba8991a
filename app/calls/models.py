"""Calls, and the per-question / per-item / per-reason rows that reports aggregate in SQL.

The verdict rows copy the call's filter columns (tenant, checklist, version, agent, queue, call time) so the
waste report is one indexed scan with no join to `calls`.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.ids import utcnow


class CallStatus(StrEnum):
    queued = "queued"
    transcribing = "transcribing"
    auditing = "auditing"
    done = "done"
    failed = "failed"


_SCOPE = ("tenant_id", "checklist_id", "checklist_version")
_COUNTED = ("checklist_version", "status", "call_at")


def _call_fk() -> Any:
    return Field(sa_column=Column(String(40), ForeignKey("calls.id", ondelete="CASCADE"), nullable=False, index=True))


class Call(SQLModel, table=True):
    __tablename__ = "calls"
    __table_args__ = (
        UniqueConstraint("tenant_id", "idempotency_key", name="uq_call_idempotency"),
        Index("ix_calls_tenant_page", "tenant_id", "created_at", "id"),
        Index("ix_calls_tenant_call_at", "tenant_id", "call_at"),
        Index("ix_calls_checklist_status", *_SCOPE, "status", "call_at"),
        # agent / queue filters; version, status and time make the dashboard's call count index-only (0004)
        Index("ix_calls_tenant_agent", "tenant_id", "checklist_id", "agent_id", *_COUNTED),
        Index("ix_calls_tenant_queue", "tenant_id", "checklist_id", "queue", *_COUNTED),
    )

    # Columns
    id: str = Field(primary_key=True, max_length=40)
    tenant_id: str = Field(foreign_key="tenants.id", max_length=40)
    external_id: str | None = Field(default=None, max_length=200)
    agent_id: str | None = Field(default=None, max_length=200)
    queue: str | None = Field(default=None, max_length=200)
    started_at: datetime | None = None
    call_at: datetime = Field(description="started_at when given, else the upload time: what date filters use.")
    labels: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    checklist_id: str = Field(max_length=100)
    checklist_version: int
    status: str = Field(default=CallStatus.queued.value, max_length=16, index=True)
    error: str | None = None
    source: str = Field(max_length=16, description="`audio` or `transcript`.")
    audio_sha256: str | None = Field(default=None, max_length=64, index=True)
    audio_bytes: int | None = None
    content_type: str | None = Field(default=None, max_length=100)
    language: str | None = Field(default=None, max_length=12)
    transcript: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    report: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    redacted: bool = False
    idempotency_key: str | None = Field(default=None, max_length=200)
    current_job_id: str | None = Field(default=None, max_length=40)
    questions_asked: int | None = None
    waste_count: int | None = None
    waste_seconds: float | None = None
    has_waste: bool | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None


class CallQuestion(SQLModel, table=True):
    """One agent ask of one checklist item, with its verdict."""

    __tablename__ = "call_questions"
    # the last four are the covering indexes the managers' dashboard and trim read (migration 0002)
    __table_args__ = (
        Index("ix_questions_report", "tenant_id", "checklist_id", "checklist_version", "item"),
        Index("ix_questions_by_item", *_SCOPE, "item", "status", "seconds", "call_id"),
        Index("ix_questions_by_call", *_SCOPE, "call_id", "item", "status", "utterance", "seconds"),
        Index("ix_questions_by_time", *_SCOPE, "call_at", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    call_id: str = _call_fk()
    tenant_id: str = Field(max_length=40)
    checklist_id: str = Field(max_length=100)
    checklist_version: int
    agent_id: str | None = Field(default=None, max_length=200)
    queue: str | None = Field(default=None, max_length=200)
    call_at: datetime
    utterance: int
    item: str = Field(max_length=100)
    status: str = Field(max_length=16)
    seconds: float | None = None


class CallItem(SQLModel, table=True):
    """The state of each checklist item in a call: asked, covered, not_applicable or missing."""

    __tablename__ = "call_items"
    __table_args__ = (
        Index("ix_items_report", "tenant_id", "checklist_id", "checklist_version", "item"),
        Index("ix_items_by_state", *_SCOPE, "state", "item"),
    )

    id: int | None = Field(default=None, primary_key=True)
    call_id: str = _call_fk()
    tenant_id: str = Field(max_length=40)
    checklist_id: str = Field(max_length=100)
    checklist_version: int
    agent_id: str | None = Field(default=None, max_length=200)
    queue: str | None = Field(default=None, max_length=200)
    call_at: datetime
    item: str = Field(max_length=100)
    state: str = Field(max_length=16)


class CallReason(SQLModel, table=True):
    """A reason detected for a call."""

    __tablename__ = "call_reasons"
    __table_args__ = (
        Index("ix_reasons_tenant_reason", "tenant_id", "reason"),
        Index("ix_reasons_call_reason", "call_id", "reason"),
    )

    id: int | None = Field(default=None, primary_key=True)
    call_id: str = _call_fk()
    tenant_id: str = Field(max_length=40)
    reason: str = Field(max_length=100)
    confidence: float | None = None


class VerdictDay(SQLModel, table=True):
    """Per-day rollup of the verdict rows: counts and waste seconds the dashboard reads instead of every row.

    One verdict adds to up to 3 x (1 + reasons) rows: `dim` is `all` (value ''), `agent` or `queue` (value the
    agent or queue id), and `reason` is '' (any reason) or one of the call's reasons, so each dashboard filter
    is one index range. `status` is a verdict status, or `missing` for an item the call never covered.
    Maintained by `app.calls.rollup` in the transaction that writes the verdict rows (audit, re-audit,
    delete, QA override), so it never drifts from them; rows whose count falls to 0 are removed.
    """

    __tablename__ = "verdict_days"

    tenant_id: str = Field(primary_key=True, max_length=40)
    checklist_id: str = Field(primary_key=True, max_length=100)
    checklist_version: int = Field(primary_key=True)
    dim: str = Field(primary_key=True, max_length=8)
    value: str = Field(primary_key=True, max_length=200)
    reason: str = Field(primary_key=True, max_length=100)
    day: date = Field(primary_key=True)
    item: str = Field(primary_key=True, max_length=100)
    status: str = Field(primary_key=True, max_length=16)
    n: int = 0
    seconds: float = 0.0


# Schemas


class CallMetadata(BaseModel):
    """What the call-center system knows about the call."""

    external_id: str | None = PField(default=None, max_length=200, description="Your id for the call.")
    agent_id: str | None = PField(default=None, max_length=200)
    queue: str | None = PField(default=None, max_length=200)
    started_at: datetime | None = PField(default=None, description="When the call started (ISO 8601).")
    labels: dict[str, str] = PField(default_factory=dict, description="Free-form labels.")


class CallCreateJSON(CallMetadata):
    """A call sent as a JSON transcript."""

    checklist: str | None = PField(
        default=None,
        max_length=100,
        description="Checklist id; defaults to the transcript's own `checklist` field.",
    )
    checklist_version: int | None = PField(default=None, ge=1, description="Version; the latest if absent.")
    transcript: dict[str, Any] = PField(
        description="The transcript: `call_id`, `language`, `metadata`, `utterances` "
        "[{`speaker`: agent|customer, `text`, `start`, `end`}]."
    )


class CallAccepted(BaseModel):
    id: str = PField(description="The call id.")
    status: CallStatus
    url: str = PField(description="Where to poll the call: `GET` it until status is `done` or `failed`.")


class CallSummary(BaseModel):
    id: str
    status: CallStatus
    external_id: str | None
    agent_id: str | None
    queue: str | None
    started_at: datetime | None
    labels: dict[str, Any]
    checklist: str
    checklist_version: int
    source: str
    questions_asked: int | None
    waste_count: int | None
    waste_seconds: float | None
    has_waste: bool | None
    created_at: datetime
    completed_at: datetime | None
    url: str


class CallDetail(CallSummary):
    error: str | None = PField(description="Why the call failed, when status is `failed`.")
    language: str | None
    redacted: bool = PField(description="Whether personal data was redacted from transcript and report.")
    transcript: dict[str, Any] | None
    report: dict[str, Any] | None
    audio_url: str | None


class CallPage(BaseModel):
    items: list[CallSummary]
    next_cursor: str | None = PField(description="Pass as `cursor` to get the next page; null on the last page.")


class ReauditRequest(BaseModel):
    checklist: str | None = PField(default=None, max_length=100, description="Another checklist id (optional).")
    checklist_version: int | None = PField(default=None, ge=1, description="A version; latest if absent.")
