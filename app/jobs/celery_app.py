"""The Celery application for scale-out mode (`callaudit worker`): Redis broker, late acknowledgement.

The task body is the same `run_job` the embedded pool runs; retries and backoff are decided by the job
row (see `app.jobs.runner`), and the sweeper republishes what is due.
"""

from __future__ import annotations

from celery import Celery

from app.core.config import Settings, get_settings
from app.jobs.dispatch import TASK_NAME


def create_celery(settings: Settings | None = None) -> Celery:
    settings = settings or get_settings()
    if not settings.broker_url:
        raise ValueError("CALLAUDIT_BROKER_URL is not set: the embedded worker runs jobs instead")
    app = Celery("callaudit", broker=settings.broker_url)
    app.conf.update(
        task_acks_late=True,  # a message is acknowledged only after the job ran
        task_reject_on_worker_lost=True,  # a killed worker's message goes back to the queue
        worker_prefetch_multiplier=1,
        task_default_queue="callaudit",
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": max(60, int(settings.republish_s * 2))},
        task_ignore_result=True,
        worker_hijack_root_logger=False,
    )

    @app.task(name=TASK_NAME, ignore_result=True)
    def run_job_task(job_id: str) -> str:
        from app.jobs.runner import run_job

        return run_job(
            job_id,
            settings=settings,
            worker=f"celery:{run_job_task.request.hostname}",
            dispatcher=_dispatcher(app, settings),
        )

    return app


_dispatchers: dict[int, object] = {}


def _dispatcher(app: Celery, settings: Settings):  # noqa: ANN202
    from app.jobs.dispatch import CeleryDispatcher

    key = id(app)
    if key not in _dispatchers:
        _dispatchers[key] = CeleryDispatcher(settings, celery_app=app)
    return _dispatchers[key]
