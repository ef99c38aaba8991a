"""Calls: create (idempotent), read, list with filters and cursor pages, delete, re-audit, store results.

Every function takes the tenant id and filters by it: another tenant's call id reads as "not found".
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import func, insert, or_
from sqlmodel import Session, select

from app.calls import rollup
from app.calls.models import Call, CallItem, CallMetadata, CallQuestion, CallReason, CallStatus
from app.core.errors import ApiError
from app.core.ids import new_id, to_utc, utcnow
from app.jobs import service as job_service
from app.jobs.models import JobKind
from audit.transcript import Transcript


@dataclass(frozen=True)
class CallFilters:
    """The list filters of `GET /v1/calls` (all optional)."""

    checklist: str | None = None
    version: int | None = None
    agent: str | None = None
    queue: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    status: CallStatus | None = None
    has_waste: bool | None = None
    external_id: str | None = None


def get(*, session: Session, tenant_id: str, call_id: str) -> Call | None:
    call = session.get(Call, call_id)
    return call if call is not None and call.tenant_id == tenant_id else None


def get_by_idempotency_key(*, session: Session, tenant_id: str, key: str) -> Call | None:
    q = select(Call).where(Call.tenant_id == tenant_id, Call.idempotency_key == key)
    return session.exec(q).first()


def create(
    *,
    session: Session,
    tenant_id: str,
    call_id: str,
    meta: CallMetadata,
    checklist_id: str,
    checklist_version: int,
    source: str,
    transcript: Transcript | None,
    audio_sha256: str | None = None,
    audio_bytes: int | None = None,
    content_type: str | None = None,
    language: str | None = None,
    idempotency_key: str | None = None,
    max_attempts: int = 5,
) -> Call:
    """A queued call and its audit job, in the caller's transaction."""
    started = to_utc(meta.started_at)
    now = utcnow()
    call = Call(
        id=call_id,
        tenant_id=tenant_id,
        external_id=meta.external_id,
        agent_id=meta.agent_id,
        queue=meta.queue,
        started_at=started,
        call_at=started or now,
        labels=dict(meta.labels),
        checklist_id=checklist_id,
        checklist_version=checklist_version,
        source=source,
        audio_sha256=audio_sha256,
        audio_bytes=audio_bytes,
        content_type=content_type,
        language=language or (transcript.language if transcript else None),
        transcript=transcript.model_dump(mode="json") if transcript else None,
        idempotency_key=idempotency_key,
        created_at=now,
        updated_at=now,
    )
    session.add(call)
    session.flush()
    job = job_service.enqueue(
        session=session, tenant_id=tenant_id, kind=JobKind.audit, call_id=call.id, max_attempts=max_attempts
    )
    call.current_job_id = job.id
    session.add(call)
    session.flush()
    return call


def encode_cursor(call: Call) -> str:
    raw = json.dumps([call.created_at.isoformat(), call.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created, call_id = json.loads(raw)
        return to_utc(datetime.fromisoformat(created)), str(call_id)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as e:
        raise ApiError("invalid cursor: pass the `next_cursor` of a previous page unchanged") from e


def get_all(
    *, session: Session, tenant_id: str, filters: CallFilters, limit: int, cursor: str | None = None
) -> tuple[list[Call], str | None]:
    """A page of calls, newest first, and the cursor of the next page."""
    q = select(Call).where(Call.tenant_id == tenant_id)
    f = filters
    if f.checklist is not None:
        q = q.where(Call.checklist_id == f.checklist)
    if f.version is not None:
        q = q.where(Call.checklist_version == f.version)
    if f.agent is not None:
        q = q.where(Call.agent_id == f.agent)
    if f.queue is not None:
        q = q.where(Call.queue == f.queue)
    if f.date_from is not None:
        q = q.where(Call.call_at >= to_utc(f.date_from))
    if f.date_to is not None:
        q = q.where(Call.call_at < to_utc(f.date_to))
    if f.status is not None:
        q = q.where(Call.status == f.status.value)
    if f.has_waste is not None:
        q = q.where(Call.has_waste == f.has_waste)
    if f.external_id is not None:
        q = q.where(Call.external_id == f.external_id)
    if cursor:
        created, cid = decode_cursor(cursor)
        q = q.where(or_(Call.created_at < created, (Call.created_at == created) & (Call.id < cid)))
    rows = list(session.exec(q.order_by(Call.created_at.desc(), Call.id.desc()).limit(limit + 1)))
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return rows[:limit], next_cursor


def delete(*, session: Session, call: Call) -> str | None:
    """Remove the call and its rows; returns its orphaned recording's hash (delete after commit)."""
    job_service.cancel_for_call(session=session, call_id=call.id)
    rollup.remove_call(session, call.id)
    for table in (CallQuestion, CallItem, CallReason):
        session.execute(sql_delete(table).where(table.call_id == call.id))
    sha = call.audio_sha256
    session.delete(call)
    session.flush()
    if sha is None:
        return None
    others = session.exec(select(func.count()).select_from(Call).where(Call.audio_sha256 == sha)).one()
    return sha if int(others) == 0 else None


def reaudit(
    *, session: Session, call: Call, checklist_id: str, checklist_version: int, max_attempts: int = 5
) -> Call:
    """Queue the call again (optionally against another checklist version); the old job's result is void."""
    if call.status in (CallStatus.queued.value, CallStatus.transcribing.value, CallStatus.auditing.value):
        raise ApiError(
            "the call is still being processed; re-audit it once it is done or failed", status_code=409
        )
    if call.transcript is None and call.audio_sha256 is None:
        raise ApiError("the call has neither a transcript nor a recording to audit", status_code=409)
    job_service.cancel_for_call(session=session, call_id=call.id)
    job = job_service.enqueue(
        session=session,
        tenant_id=call.tenant_id,
        kind=JobKind.audit,
        call_id=call.id,
        max_attempts=max_attempts,
    )
    call.current_job_id = job.id
    call.checklist_id = checklist_id
    call.checklist_version = checklist_version
    call.status = CallStatus.queued.value
    call.error = None
    call.updated_at = utcnow()
    session.add(call)
    session.flush()
    return call


def set_status(*, session: Session, call_id: str, job_id: str, status: CallStatus) -> bool:
    """Progress update from a job; ignored when the job no longer owns the call."""
    call = session.get(Call, call_id, populate_existing=True)
    if call is None or call.current_job_id != job_id:
        return False
    call.status = status.value
    call.updated_at = utcnow()
    session.add(call)
    session.commit()
    return True


def store_result(
    *, session: Session, call: Call, transcript: dict[str, Any], report: dict[str, Any], redacted: bool
) -> None:
    """Replace the call's verdict rows and report (so processing twice leaves one result).

    The dashboard rollup follows in the same transaction: the old rows' tallies out, the new ones in.
    """
    deltas = rollup.stored_deltas(session, call.id)
    for table in (CallQuestion, CallItem, CallReason):
        session.execute(sql_delete(table).where(table.call_id == call.id))
    common = {
        "call_id": call.id,
        "tenant_id": call.tenant_id,
        "checklist_id": call.checklist_id,
        "checklist_version": call.checklist_version,
        "agent_id": call.agent_id,
        "queue": call.queue,
        "call_at": call.call_at,
    }
    questions = [
        {
            **common,
            "utterance": q["utterance"],
            "item": q["item"],
            "status": q["status"],
            "seconds": q.get("seconds"),
        }
        for q in report.get("questions") or []
    ]
    items = [{**common, "item": i["item"], "state": i["status"]} for i in report.get("items") or []]
    scores = {r["id"]: r.get("confidence") for r in report.get("reason_scores") or []}
    reasons = [
        {"call_id": call.id, "tenant_id": call.tenant_id, "reason": rid, "confidence": scores.get(rid)}
        for rid in report.get("reasons") or []
    ]
    if questions:
        session.execute(insert(CallQuestion), questions)
    if items:
        session.execute(insert(CallItem), items)
    if reasons:
        session.execute(insert(CallReason), reasons)
    facts = [(q["item"], q["status"], q["seconds"]) for q in questions]
    facts += [(i["item"], rollup.MISSING, None) for i in items if i["state"] == rollup.MISSING]
    rollup.tally(rollup.Scope.of(common), [r["reason"] for r in reasons], facts, 1, deltas)
    rollup.apply(session, deltas)
    summary = report.get("summary") or {}
    call.transcript = transcript
    call.report = report
    call.redacted = redacted
    call.language = transcript.get("language") or call.language
    call.questions_asked = int(summary.get("questions_asked", len(questions)))
    call.waste_count = int(summary.get("waste_count", 0))
    call.waste_seconds = float(summary.get("waste_seconds", 0.0))
    call.has_waste = call.waste_count > 0
    call.status = CallStatus.done.value
    call.error = None
    call.completed_at = call.updated_at = utcnow()
    session.add(call)


def store_failure(*, session: Session, call: Call, message: str) -> None:
    call.status = CallStatus.failed.value
    call.error = message[:4000]
    call.completed_at = call.updated_at = utcnow()
    session.add(call)


def new_call_id() -> str:
    return new_id("call")


def delete_orphan_blob(*, session: Session, settings, sha256: str) -> None:  # noqa: ANN001
    """Remove a recording no call refers to any more."""
    from app.core import storage

    used = session.exec(select(func.count()).select_from(Call).where(Call.audio_sha256 == sha256)).one()
    if int(used) == 0:
        storage.delete(settings, sha256)
