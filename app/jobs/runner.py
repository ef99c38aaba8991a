"""Runs one job, whoever calls it (embedded pool thread or Celery task): claim, heartbeat, handle, settle.

Handlers (one per job kind, see `app.jobs.handlers`) do the work and settle the job in the same transaction
as their results through `JobContext.complete`, which fails if the lease was lost: a job processed twice
(a retried message, a worker presumed dead) stores one result.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from sqlmodel import Session

from app.core import metrics
from app.core.config import Settings
from app.core.db import new_session
from app.jobs import service
from app.jobs.models import Job, JobState
from audit.errors import AuditError

log = logging.getLogger("callaudit.jobs")


class LeaseLost(Exception):
    """Another worker owns the job now; drop the work without writing."""


@dataclass
class JobContext:
    """What a handler gets: the claimed job, its lease token and the settings."""

    job: Job
    token: str
    settings: Settings
    worker: str
    dispatcher: object | None = None  # app.jobs.dispatch.Dispatcher, told about jobs this job creates
    lost: threading.Event = field(default_factory=threading.Event)

    def submitted(self, job_ids: list[str]) -> None:
        """Announce jobs committed by the handler (webhook deliveries)."""
        if self.dispatcher is not None and job_ids:
            self.dispatcher.submitted(job_ids)

    def complete(self, session: Session, state: JobState = JobState.done, error: str | None = None) -> None:
        """Settle the job in the caller's transaction; raises LeaseLost when it is no longer ours."""
        if not service.finish(
            session=session, job_id=self.job.id, token=self.token, state=state, error=error
        ):
            raise LeaseLost(self.job.id)


class _Heartbeat:
    """Renews the lease while a handler runs, so a slow but live job is not taken over."""

    def __init__(self, ctx: JobContext) -> None:
        self.ctx = ctx
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-{ctx.job.id}", daemon=True)

    def _run(self) -> None:
        interval = max(0.2, self.ctx.settings.job_lease_s / 3)
        while not self._stop.wait(interval):
            try:
                with new_session(self.ctx.settings) as s:
                    ok = service.renew(
                        session=s,
                        job_id=self.ctx.job.id,
                        token=self.ctx.token,
                        lease_s=self.ctx.settings.job_lease_s,
                    )
            except Exception:  # a database hiccup: try again next beat
                log.warning("lease renewal failed for %s", self.ctx.job.id, exc_info=True)
                continue
            if not ok:
                self.ctx.lost.set()
                return

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def _settle_failure(ctx: JobContext, handler, message: str) -> str:  # noqa: ANN001
    try:
        handler.fail(ctx, message)
        return "failed"
    except LeaseLost:
        return "lost"


def run_job(job_id: str, *, settings: Settings, worker: str, dispatcher: object | None = None) -> str:
    """Claim and run one job; returns the outcome: done, failed, retry, lost or skipped."""
    from app.jobs.handlers import HANDLERS

    with new_session(settings) as s:
        job = service.claim(session=s, job_id=job_id, worker=worker, lease_s=settings.job_lease_s)
    if job is None:
        return "skipped"
    handler = HANDLERS[job.kind]
    ctx = JobContext(
        job=job, token=job.lease_token or "", settings=settings, worker=worker, dispatcher=dispatcher
    )
    started = time.perf_counter()
    with _Heartbeat(ctx):
        try:
            handler.run(ctx)
            outcome = "done"
        except LeaseLost:
            outcome = "lost"
        except AuditError as e:  # the input is at fault: retrying cannot help
            outcome = _settle_failure(ctx, handler, str(e))
        except Exception as e:
            log.exception("job %s (%s) attempt %d failed", job.id, job.kind, job.attempts)
            message = f"{type(e).__name__}: {e}"
            if job.attempts >= job.max_attempts:
                outcome = _settle_failure(ctx, handler, f"gave up after {job.attempts} attempts: {message}")
            else:
                delay = handler.backoff_s(settings) * 2 ** (job.attempts - 1)
                with new_session(settings) as s:
                    service.retry_later(
                        session=s, job_id=job.id, token=ctx.token, delay_s=delay, error=message
                    )
                outcome = "retry"
    metrics.JOB_DURATION.labels(kind=job.kind, outcome=outcome).observe(time.perf_counter() - started)
    metrics.JOBS_RUN.labels(kind=job.kind, outcome=outcome).inc()
    return outcome
