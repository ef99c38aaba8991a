"""The job queue: a job run twice stores one result; a worker that lost its lease cannot write; metrics."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from svc_factories import Api, count_rows, golden_call

from app.core.db import new_session
from app.core.ids import utcnow
from app.jobs import service
from app.jobs.models import Job
from app.jobs.runner import JobContext, LeaseLost, run_job


def test_when_job_run_again_then_one_result(api: Api) -> None:
    t = api.tenant()
    call = api.wait(t, api.submit(t, {"transcript": golden_call()})["id"])
    rows = count_rows(api.settings)
    with new_session(api.settings) as s:
        job_id = s.get(Job, s.exec(service.select(Job.id).where(Job.call_id == call["id"])).one()).id
    assert run_job(job_id, settings=api.settings, worker="again") == "skipped"  # a redelivered message
    with new_session(api.settings) as s:  # a worker presumed dead: its lease ran out, the job runs again
        s.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(state="running", lease_until=utcnow() - timedelta(1), lease_token="old")
        )
        s.commit()
    assert run_job(job_id, settings=api.settings, worker="again") == "done"
    assert count_rows(api.settings)["call_questions"] == rows["call_questions"]
    assert count_rows(api.settings)["calls"] == 1


def test_when_lease_taken_over_then_first_worker_cannot_settle(api: Api) -> None:
    t = api.tenant()
    api.client.app.state.stop_queue()  # nobody else takes the job
    call_id = api.submit(t, {"transcript": golden_call()})["id"]
    with new_session(api.settings) as s:
        job_id = s.exec(service.select(Job.id).where(Job.call_id == call_id)).one()
        first = service.claim(session=s, job_id=job_id, worker="slow", lease_s=60)
        first_token = first.lease_token  # the same row object is refreshed by the later claim
        assert service.claim(session=s, job_id=job_id, worker="eager", lease_s=60) is None  # lease is live
        s.execute(update(Job).where(Job.id == job_id).values(lease_until=utcnow() - timedelta(seconds=1)))
        s.commit()
        second = service.claim(session=s, job_id=job_id, worker="rescuer", lease_s=60)
        assert second is not None and second.attempts == 2
    ctx = JobContext(job=first, token=first_token, settings=api.settings, worker="slow")
    with new_session(api.settings) as s:
        try:
            ctx.complete(s)
            raise AssertionError("a worker without the lease settled the job")
        except LeaseLost:
            s.rollback()


def test_when_scraped_then_metrics_and_health(api: Api) -> None:
    t = api.tenant()
    api.wait(t, api.submit(t, {"transcript": golden_call()})["id"])
    text = api.client.get("/metrics").text
    assert 'callaudit_jobs{kind="audit",state="done"}' in text
    assert 'callaudit_http_requests_total{method="POST",route="/v1/calls",status="202"}' in text
    assert "callaudit_job_duration_seconds_bucket" in text
    assert api.client.get("/healthz").json() == {"status": "ok"}
    assert api.client.get("/readyz").json()["checks"] == {"database": "ok", "queue": "ok"}
