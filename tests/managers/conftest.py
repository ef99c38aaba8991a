"""A service on SQLite in a temp folder, two tenants, and audited calls stored through the calls service."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from app.calls import service as call_service
from app.calls.models import CallMetadata
from app.core.config import Settings
from app.core.db import dispose_engines, session_scope
from app.jobs import service as job_service
from app.main import create_app
from app.tenants import service as tenant_service
from app.tenants.models import Role
from audit.report import ChecklistRef, Evidence, FocusFinding, ItemStatus, QuestionVerdict, Report, summarize
from audit.transcript import Transcript, Utterance

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def managers_postgres():
    """One throwaway PostgreSQL cluster for these tests (each test gets its own database)."""
    from tests.app import svc_servers

    if svc_servers.pg_binary("initdb") is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    server = svc_servers.start_postgres()
    yield server
    server.stop()


@pytest.fixture()
def settings(tmp_path, request):
    """SQLite by default; `pytest.mark.parametrize("settings", BACKENDS, indirect=True)` adds PostgreSQL."""
    url = None
    if getattr(request, "param", "sqlite") == "postgres":
        server = request.getfixturevalue("managers_postgres")
        url = server.create_database(f"m_{uuid.uuid4().hex[:12]}")
    yield Settings(data_dir=tmp_path / "data", environment="test", workers=0, database_url=url)
    dispose_engines()


@pytest.fixture()
def client(settings):
    with TestClient(create_app(settings, run_jobs=False)) as c:
        yield c


@pytest.fixture()
def tenants(client, settings):
    """{'a': {'id', 'qa', 'manager'}, 'b': {...}}: bearer headers per role."""
    out = {}
    with session_scope(settings) as s:
        for name in ("a", "b"):
            t = tenant_service.create(session=s, name=f"tenant-{name}")
            s.flush()
            keys = {}
            for role in (Role.qa, Role.manager):
                _, secret = tenant_service.create_key(session=s, tenant_id=t.id, role=role, name=f"{name}-{role}")
                keys[role.value] = {"Authorization": f"Bearer {secret}"}
            out[name] = {"id": t.id, **keys}
    from app.checklists import service as checklist_service

    with session_scope(settings) as s:
        for t in out.values():
            checklist_service.load_library(session=s, tenant_id=t["id"], scripts_dir=settings.scripts_dir)
    return out


def make_report(
    call_id: str,
    reasons: list[str],
    asks: list[tuple],
    focus: list[tuple] = (),
    states: dict[str, str] | None = None,
    version: int = 1,
) -> Report:
    qs = [
        QuestionVerdict(
            utterance=u,
            item=i,
            status=s,
            confidence=0.9,
            why=f"{i} judged {s}",
            text=f"question {i}",
            evidence=[Evidence(utterance=max(u - 1, 0), text="said before")],
            seconds=2.0,
        )
        for u, i, s in asks
    ]
    items = [ItemStatus(item=i, status=st) for i, st in (states or {}).items()]
    items += [ItemStatus(item=i, status="asked") for i in sorted({q.item for q in qs})]
    return Report(
        call_id=call_id,
        language="en",
        checklist=ChecklistRef(id="roadside", version=version),
        reasons=reasons,
        questions=qs,
        items=items,
        customer_focus=[FocusFinding(utterance=u, kind=k, text=t) for u, k, t in focus],
        summary=summarize(qs, items),
    )


def store_call(
    settings,
    tenant_id: str,
    report: Report,
    *,
    agent: str = "ag1",
    queue: str = "q1",
    started_at: datetime | None = None,
    version: int = 1,
) -> str:
    """A call stored as the audit job would store it."""
    n = 1 + max([q.utterance for q in report.questions] + [f.utterance for f in report.customer_focus] + [1])
    utts = [
        Utterance(
            speaker="agent" if i % 2 == 0 else "customer",
            text=f"utterance {i}",
            start=2.0 * i,
            end=2.0 * i + 1.5,
        )
        for i in range(n)
    ]
    tr = Transcript(call_id=report.call_id, checklist="roadside", utterances=utts)
    with session_scope(settings) as s:
        call = call_service.create(
            session=s,
            tenant_id=tenant_id,
            call_id=call_service.new_call_id(),
            meta=CallMetadata(agent_id=agent, queue=queue, started_at=started_at, external_id=report.call_id),
            checklist_id="roadside",
            checklist_version=version,
            source="transcript",
            transcript=tr,
        )
        job_service.cancel_for_call(session=s, call_id=call.id)  # stored as its job would have: nothing left to run
        call_service.store_result(
            session=s,
            call=call,
            transcript=tr.model_dump(mode="json"),
            report=report.model_dump(mode="json"),
            redacted=True,
        )
        return call.id
