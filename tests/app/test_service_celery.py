"""Scale-out mode with a real redis-server and real `callaudit worker` processes: a worker killed with SIGKILL
in the middle of a job does not lose it; another worker finishes it and the result is stored once."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from svc_factories import Api, count_rows, golden_call
from svc_process import callaudit, kill

pytestmark = pytest.mark.redis


def _job_of(settings, call_id: str):  # noqa: ANN001, ANN202
    from sqlmodel import select

    from app.calls.models import Call
    from app.core.db import new_session
    from app.jobs.models import Job

    with new_session(settings) as s:
        call = s.exec(select(Call).where(Call.id == call_id)).one()
        return call.status, s.get(Job, call.current_job_id)


# the scale-out deployment's database (the embedded-mode restart test runs on SQLite)
@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_when_worker_killed_mid_job_then_another_finishes_it_once(
    redis_server, service_env, monkeypatch, tmp_path
) -> None:  # noqa: ANN001
    env = {
        **service_env,
        "CALLAUDIT_BROKER_URL": redis_server.url,
        "CALLAUDIT_JOB_LEASE_S": "2",
        "CALLAUDIT_REPUBLISH_S": "3",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    from app.core.config import get_settings
    from app.main import create_app

    get_settings.cache_clear()
    settings = get_settings()
    workers = {
        name: callaudit("worker", "--name", name, "--concurrency", "1", env=env, log=tmp_path / f"{name}.log")
        for name in ("w1", "w2")
    }
    try:
        with TestClient(create_app(settings)) as client:
            api = Api(client=client, settings=settings)
            t = api.tenant()
            assert client.get("/readyz").json()["checks"]["queue"] == "ok"
            call_id = api.submit(t, {"transcript": golden_call()})["id"]
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                status, job = _job_of(settings, call_id)
                if status in ("transcribing", "auditing") and job.locked_by:
                    break
                assert status not in ("done", "failed"), "finished before it could be interrupted"
                time.sleep(0.02)
            holder = next(n for n in workers if f":{n}@" in job.locked_by)
            kill(workers[holder])  # SIGKILL mid-job
            call = api.wait(t, call_id, timeout=90)
            status, job = _job_of(settings, call_id)
    finally:
        for proc in workers.values():
            kill(proc)
    assert call["status"] == "done", call["error"]
    assert job.attempts == 2 and holder not in (job.locked_by or "")
    assert count_rows(settings)["call_questions"] == len(call["report"]["questions"])
