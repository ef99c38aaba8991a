"""Nothing accepted is lost: a server killed with jobs queued finishes them all after restart,
each stored once; the CLI creates tenants and keys."""

from __future__ import annotations

import time

import httpx
import pytest
from svc_factories import count_rows, golden_call
from svc_process import callaudit, kill, run_callaudit, wait_ready
from svc_servers import free_port

N_CALLS = 6


def _done(settings) -> dict[str, str]:  # noqa: ANN001
    from sqlmodel import select

    from app.calls.models import Call
    from app.core.db import new_session

    with new_session(settings) as s:
        return {c.id: c.status for c in s.exec(select(Call))}


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # the embedded default (Celery test: PostgreSQL)
def test_when_server_killed_with_jobs_queued_then_all_finish_after_restart(service_env, settings, tmp_path) -> None:  # noqa: ANN001
    env = {**service_env, "CALLAUDIT_WORKERS": "1", "CALLAUDIT_JOB_LEASE_S": "2"}
    created = run_callaudit("admin", "create-tenant", "durable", env=env)
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip().splitlines()[-1]
    assert key.startswith("ca_")
    qa = run_callaudit("admin", "create-key", "durable", "--role", "qa", env=env)
    assert qa.returncode == 0 and qa.stdout.strip().splitlines()[-1].startswith("ca_")
    h = {"Authorization": f"Bearer {key}"}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = callaudit("serve", "--port", str(port), env=env, log=tmp_path / "serve1.log")
    try:
        wait_ready(base, server)
        assert httpx.patch(f"{base}/v1/tenant", json={"redact_pii": False}, headers=h).status_code == 200
        ids = [
            httpx.post(f"{base}/v1/calls", json={"transcript": golden_call()}, headers=h).json()["id"]
            for _ in range(N_CALLS)
        ]
    finally:
        kill(server)  # SIGKILL: no graceful shutdown at all
    before = _done(settings)
    assert set(before) == set(ids)
    assert sum(s == "done" for s in before.values()) < N_CALLS, "killed too late to prove anything"
    server = callaudit("serve", "--port", str(port), env=env, log=tmp_path / "serve2.log")
    try:
        wait_ready(base, server)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and any(s not in ("done", "failed") for s in _done(settings).values()):
            time.sleep(0.2)
        calls = [httpx.get(f"{base}/v1/calls/{i}", headers=h).json() for i in ids]
    finally:
        kill(server)
    assert [c["status"] for c in calls] == ["done"] * N_CALLS, [c["error"] for c in calls]
    assert count_rows(settings)["call_questions"] == sum(len(c["report"]["questions"]) for c in calls)
