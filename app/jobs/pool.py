"""The embedded worker pool: threads in the API process that take due jobs from the database.

Jobs are rows, so a restarted server resumes every accepted job: queued ones are simply due, and ones that
were running when the process died are due again once their lease expires.
"""

from __future__ import annotations

import logging
import os
import socket
import threading

from app.core.config import Settings
from app.core.db import new_session
from app.jobs import service
from app.jobs.runner import run_job

log = logging.getLogger("callaudit.jobs")


class WorkerPool:
    """`size` threads polling for due jobs; `wake()` after enqueueing starts one without waiting a poll."""

    def __init__(self, settings: Settings, size: int | None = None) -> None:
        self.settings = settings
        self.size = settings.workers if size is None else size
        self._stop = threading.Event()
        self._wake = threading.Condition()
        self._pending_wakes = 0
        self._threads: list[threading.Thread] = []
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        from app.jobs.dispatch import PoolDispatcher

        self.dispatcher = PoolDispatcher(self)

    @property
    def alive(self) -> bool:
        return bool(self._threads) and all(t.is_alive() for t in self._threads)

    def start(self) -> None:
        for i in range(self.size):
            t = threading.Thread(
                target=self._loop, args=(f"{self.name}/{i}",), name=f"job-worker-{i}", daemon=True
            )
            t.start()
            self._threads.append(t)

    def stop(self, timeout: float = 10) -> None:
        """Stop taking jobs; a job in progress finishes or, if it outlasts `timeout`, is resumed later."""
        self._stop.set()
        self.wake(len(self._threads))
        for t in self._threads:
            t.join(timeout=timeout)
        self._threads.clear()

    def wake(self, n: int = 1) -> None:
        with self._wake:
            self._pending_wakes += n
            self._wake.notify(n)

    def _idle(self) -> None:
        with self._wake:
            if self._pending_wakes == 0:
                self._wake.wait(self.settings.job_poll_s)
            self._pending_wakes = max(0, self._pending_wakes - 1)

    def _loop(self, worker: str) -> None:
        while not self._stop.is_set():
            try:
                ran = self._run_one(worker)
            except Exception:  # the database went away: back off, keep the thread alive
                log.exception("embedded worker %s: poll failed", worker)
                ran = False
            if not ran:
                self._idle()

    def _run_one(self, worker: str) -> bool:
        with new_session(self.settings) as s:
            ids = service.due_ids(session=s, limit=self.size * 2)
        for job_id in ids:
            if self._stop.is_set():
                return False
            if (
                run_job(job_id, settings=self.settings, worker=worker, dispatcher=self.dispatcher)
                != "skipped"
            ):
                return True
        return False
