"""The job queue in the database: enqueue, claim with a lease, renew, finish, retry later.

Every state change is one conditional UPDATE, so two workers (threads, processes or machines) never both
own a job, and a worker that lost its lease (it was too slow, or killed and replaced) cannot write.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import and_, or_, update
from sqlmodel import Session, select

from app.core.ids import new_id, utcnow
from app.jobs.models import Job, JobKind, JobState


def enqueue(
    *,
    session: Session,
    tenant_id: str,
    kind: JobKind,
    call_id: str | None = None,
    delivery_id: str | None = None,
    max_attempts: int = 5,
) -> Job:
    """Add a job row (committed by the caller, in the same transaction as what it works on)."""
    job = Job(
        id=new_id("job"),
        tenant_id=tenant_id,
        kind=kind.value,
        call_id=call_id,
        delivery_id=delivery_id,
        max_attempts=max_attempts,
    )
    session.add(job)
    session.flush()
    return job


def _claimable(now):  # noqa: ANN001, ANN202 - SQL expression
    return or_(
        and_(Job.state == JobState.queued.value, Job.run_after <= now),
        and_(Job.state == JobState.running.value, Job.lease_until < now),
    )


def claim(*, session: Session, job_id: str, worker: str, lease_s: float) -> Job | None:
    """Take a due job (queued, or running with an expired lease); None if taken or over."""
    now = utcnow()
    token = uuid.uuid4().hex
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, _claimable(now))
        .values(
            state=JobState.running.value,
            attempts=Job.attempts + 1,
            lease_token=token,
            lease_until=now + timedelta(seconds=lease_s),
            locked_by=worker[:200],
            started_at=now,
            published_at=None,
        )
    )
    session.commit()
    if result.rowcount != 1:
        return None
    job = session.get(Job, job_id, populate_existing=True)
    return job if job is not None and job.lease_token == token else None


def due_ids(*, session: Session, limit: int = 10) -> list[str]:
    """Jobs a worker may claim now, oldest first."""
    q = select(Job.id).where(_claimable(utcnow())).order_by(Job.run_after, Job.created_at).limit(limit)
    return list(session.exec(q))


def renew(*, session: Session, job_id: str, token: str, lease_s: float) -> bool:
    """Extend the lease; False when the job is no longer ours."""
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.lease_token == token, Job.state == JobState.running.value)
        .values(lease_until=utcnow() + timedelta(seconds=lease_s))
    )
    session.commit()
    return result.rowcount == 1


def finish(*, session: Session, job_id: str, token: str, state: JobState, error: str | None = None) -> bool:
    """Mark the job over, if still ours; the caller commits it with the job's results (fencing)."""
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.lease_token == token, Job.state == JobState.running.value)
        .values(state=state.value, finished_at=utcnow(), lease_token=None, lease_until=None, last_error=error)
    )
    return result.rowcount == 1


def retry_later(*, session: Session, job_id: str, token: str, delay_s: float, error: str) -> bool:
    """Put the job back in the queue after `delay_s`, if still ours."""
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.lease_token == token, Job.state == JobState.running.value)
        .values(
            state=JobState.queued.value,
            run_after=utcnow() + timedelta(seconds=delay_s),
            lease_token=None,
            lease_until=None,
            published_at=None,
            last_error=error,
        )
    )
    session.commit()
    return result.rowcount == 1


def mark_published(*, session: Session, job_id: str, republish_s: float) -> bool:
    """Celery mode: record that the job is being sent; False if another sweeper just sent it."""
    now = utcnow()
    cutoff = now - timedelta(seconds=republish_s)
    result = session.execute(
        update(Job)
        .where(Job.id == job_id, _claimable(now), or_(Job.published_at.is_(None), Job.published_at < cutoff))
        .values(published_at=now)
    )
    session.commit()
    return result.rowcount == 1


def to_publish(*, session: Session, republish_s: float, limit: int = 100) -> list[str]:
    """Celery mode: due jobs never sent, or sent long ago and still not taken (lost message, dead worker)."""
    now = utcnow()
    cutoff = now - timedelta(seconds=republish_s)
    q = (
        select(Job.id)
        .where(_claimable(now), or_(Job.published_at.is_(None), Job.published_at < cutoff))
        .order_by(Job.run_after)
        .limit(limit)
    )
    return list(session.exec(q))


def cancel_for_call(*, session: Session, call_id: str) -> None:
    """Drop the call's pending jobs (the call is being deleted or re-audited)."""
    session.execute(
        update(Job)
        .where(Job.call_id == call_id, Job.state.in_([JobState.queued.value, JobState.running.value]))
        .values(state=JobState.done.value, finished_at=utcnow(), lease_token=None, last_error="cancelled")
    )


def count_by_state(*, session: Session) -> dict[tuple[str, str], int]:
    """(kind, state) -> number of jobs, for /metrics."""
    from sqlalchemy import func

    rows = session.execute(select(Job.kind, Job.state, func.count()).group_by(Job.kind, Job.state))
    return {(k, s): int(n) for k, s, n in rows}


def unpublish(*, session: Session, job_id: str) -> None:
    """Forget a publish that failed, so the sweeper retries it at once."""
    session.execute(update(Job).where(Job.id == job_id).values(published_at=None))
    session.commit()
