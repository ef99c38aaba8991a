"""Telling workers that jobs are waiting: wake the embedded pool, or publish to Celery.

The job row is committed first and published second; a publish that never happens (a crash in between, a
broker outage, a worker killed holding the message) is repaired by the sweeper, which republishes due jobs
that no worker has taken. Duplicates are harmless: only one worker can claim a job.
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from app.core.config import Settings
from app.core.db import new_session
from app.jobs import service

log = logging.getLogger("callaudit.jobs")

TASK_NAME = "callaudit.run_job"


class Dispatcher(Protocol):
    def submitted(self, job_ids: list[str]) -> None: ...


class PoolDispatcher:
    """Embedded mode: wake pool threads."""

    def __init__(self, pool) -> None:  # noqa: ANN001 - WorkerPool
        self.pool = pool

    def submitted(self, job_ids: list[str]) -> None:
        if job_ids:
            self.pool.wake(len(job_ids))


class CeleryDispatcher:
    """Scale-out mode: send one message per job to the broker."""

    def __init__(self, settings: Settings, celery_app=None) -> None:  # noqa: ANN001
        from app.jobs.celery_app import create_celery

        self.settings = settings
        self.celery = celery_app or create_celery(settings)

    def submitted(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            with new_session(self.settings) as s:
                if not service.mark_published(
                    session=s, job_id=job_id, republish_s=self.settings.republish_s
                ):
                    continue
            try:
                self.celery.send_task(TASK_NAME, args=[job_id])
            except Exception:  # broker down: the sweeper sends it when it is back
                log.warning("could not publish job %s; it will be retried", job_id, exc_info=True)
                with new_session(self.settings) as s:
                    service.unpublish(session=s, job_id=job_id)

    def ping(self) -> bool:
        """Whether the broker answers (for /readyz)."""
        with self.celery.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True


class Sweeper:
    """Celery mode: republish due jobs nobody has taken, every `interval` seconds."""

    def __init__(self, settings: Settings, dispatcher: Dispatcher, interval: float | None = None) -> None:
        self.settings = settings
        self.dispatcher = dispatcher
        self.interval = interval or min(2.0, max(0.2, settings.job_lease_s / 3))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="job-sweeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def sweep(self) -> int:
        with new_session(self.settings) as s:
            ids = service.to_publish(session=s, republish_s=self.settings.republish_s)
        self.dispatcher.submitted(ids)
        return len(ids)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.sweep()
            except Exception:
                log.warning("job sweep failed", exc_info=True)
