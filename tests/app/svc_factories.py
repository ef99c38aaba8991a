"""Builders for the service tests: tenants with a key per role, calls from hand-made transcripts."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLDEN = SHARED / "golden" / "roadside"


def golden_call() -> dict[str, Any]:
    return json.loads((GOLDEN / "call.json").read_text())


def golden_checklist_yaml() -> str:
    return (GOLDEN / "checklist.yaml").read_text()


def transcript(*turns: tuple[str, str], call_id: str = "c1", checklist: str | None = "roadside") -> dict:
    """A bench-format transcript from (speaker, text) pairs, with made-up timestamps."""
    utts = []
    t = 0.0
    for speaker, text in turns:
        utts.append({"speaker": speaker, "text": text, "start": t, "end": t + 3.0})
        t += 3.5
    body: dict[str, Any] = {"call_id": call_id, "language": "en", "utterances": utts}
    if checklist:
        body["checklist"] = checklist
    return body


PII_CALL = transcript(
    ("agent", "Thanks for calling roadside assistance, how can I help?"),
    ("customer", "My car broke down on the highway and I need a tow."),
    ("agent", "Can I get your card number for the payment?"),
    ("customer", "Sure, it's four one one one one one one one one one one one one one one one."),
    ("agent", "And your social security number?"),
    ("customer", "It's 536-22-4187."),
    ("agent", "What's a good callback number?"),
    ("customer", "You can reach me at (415) 555-0132, or email jane.doe@example.com."),
    ("agent", "Thank you, a tow truck is on the way."),
    call_id="pii-1",
)


@dataclass
class Tenant:
    id: str
    name: str
    keys: dict[str, str]

    def headers(self, role: str = "admin") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}


@dataclass
class Api:
    client: Any  # fastapi.testclient.TestClient
    settings: Any
    tenants: dict[str, Tenant] = field(default_factory=dict)

    def tenant(self, name: str = "acme") -> Tenant:
        """A tenant with the checklist library and one key per role."""
        if name in self.tenants:
            return self.tenants[name]
        from app.checklists import service as checklist_service
        from app.core.db import session_scope
        from app.tenants import service as tenant_service
        from app.tenants.models import Role

        with session_scope(self.settings) as s:
            t = tenant_service.create(session=s, name=name)
            checklist_service.load_library(session=s, tenant_id=t.id, scripts_dir=self.settings.scripts_dir)
            keys = {r.value: tenant_service.create_key(session=s, tenant_id=t.id, role=r)[1] for r in Role}
            tenant = Tenant(id=t.id, name=name, keys=keys)
        self.tenants[name] = tenant
        return tenant

    def submit(self, tenant: Tenant, body: dict, headers: dict | None = None) -> dict:
        r = self.client.post("/v1/calls", json=body, headers=headers or tenant.headers("qa"))
        assert r.status_code == 202, r.text
        return r.json()

    def wait(self, tenant: Tenant, call_id: str, timeout: float = 60) -> dict:
        """Poll until the call is done or failed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            r = self.client.get(f"/v1/calls/{call_id}", headers=tenant.headers("qa"))
            assert r.status_code == 200, r.text
            body = r.json()
            if body["status"] in ("done", "failed"):
                return body
            time.sleep(0.05)
        raise AssertionError(f"call {call_id} not finished after {timeout}s: {body['status']}")


def count_rows(settings: Any) -> dict[str, int]:
    """Rows per table and files in the data dir's blob store and temp dir (for "nothing left behind")."""
    from sqlalchemy import func, select

    from app.calls.models import Call, CallItem, CallQuestion, CallReason
    from app.core.db import new_session
    from app.jobs.models import Job

    with new_session(settings) as s:
        counts = {
            t.__tablename__: s.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (Call, CallQuestion, CallItem, CallReason, Job)
        }
    for name, folder in (("blobs", settings.blob_dir), ("tmp", settings.tmp_dir)):
        counts[name] = sum(1 for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0
    return counts
