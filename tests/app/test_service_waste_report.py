"""The waste report aggregates stored verdict rows in SQL: exact counts on hand-made reports, JSON and CSV."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import BACKENDS
from svc_factories import Api

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)

YAML = """\
id: mini
name: Mini
reasons:
  - {id: tow, description: needs a tow}
  - {id: lockout, description: locked out of the car}
items:
  - {id: name, question: 'Your name?'}
  - {id: location, question: 'Where are you?', applies_to: [tow]}
  - {id: keys, question: 'Where are the keys?', applies_to: [lockout]}
"""


def _report(
    call_id: str,
    reasons: list[str],
    questions: list[tuple[int, str, str, float | None]],
    items: dict[str, str],
) -> dict:
    qs = [
        {"utterance": u, "item": i, "status": s, "confidence": 0.9, "why": "w", "seconds": sec}
        for u, i, s, sec in questions
    ]
    waste = [q for q in qs if q["status"] != "needed"]
    return {
        "call_id": call_id,
        "language": "en",
        "reasons": reasons,
        "questions": qs,
        "items": [{"item": k, "status": v} for k, v in items.items()],
        "summary": {
            "questions_asked": len(qs),
            "waste_count": len(waste),
            "waste_seconds": sum(q["seconds"] or 0 for q in waste),
        },
    }


def _store(api: Api, tenant_id: str, agent: str, report: dict) -> None:
    """A call audited earlier: stored through the same service function the job uses."""
    from app.calls import service
    from app.calls.models import CallMetadata
    from app.core.db import session_scope

    with session_scope(api.settings) as s:
        call = service.create(
            session=s,
            tenant_id=tenant_id,
            call_id=service.new_call_id(),
            meta=CallMetadata(agent_id=agent, queue="main", started_at="2026-02-01T09:00:00Z"),
            checklist_id="mini",
            checklist_version=1,
            source="transcript",
            transcript=None,
        )
        from app.jobs import service as jobs

        jobs.cancel_for_call(session=s, call_id=call.id)
        service.store_result(session=s, call=call, transcript={"utterances": []}, report=report, redacted=True)


def test_when_calls_stored_then_per_item_and_reason_counts_exact(api: Api) -> None:
    t = api.tenant()
    r = api.client.post(
        "/v1/checklists", content=YAML, headers={**t.headers("manager"), "Content-Type": "application/yaml"}
    )
    assert r.status_code == 201
    _store(
        api,
        t.id,
        "a1",
        _report(
            "c1",
            ["tow"],
            [(1, "name", "needed", 2.0), (3, "location", "needed", 3.0), (5, "keys", "irrelevant", 4.0)],
            {"name": "asked", "location": "asked", "keys": "asked"},
        ),
    )
    _store(
        api,
        t.id,
        "a1",
        _report(
            "c2",
            ["tow"],
            [(1, "name", "redundant", 2.5), (3, "name", "redundant", 1.5)],
            {"name": "asked", "location": "missing", "keys": "not_applicable"},
        ),
    )
    _store(
        api,
        t.id,
        "a2",
        _report(
            "c3",
            ["lockout"],
            [(1, "keys", "needed", None)],
            {"name": "covered", "location": "not_applicable", "keys": "asked"},
        ),
    )
    h = t.headers("manager")
    rep = api.client.get("/v1/reports/waste", params={"checklist": "mini"}, headers=h).json()
    assert rep["calls"] == 3 and rep["times_asked"] == 6 and rep["waste_count"] == 3
    assert rep["waste_seconds"] == 8.0
    items = {i["item"]: i for i in rep["items"]}
    assert [i["item"] for i in rep["items"]] == ["name", "location", "keys"]
    assert (
        items["name"]["times_asked"],
        items["name"]["calls_asked"],
        items["name"]["needed"],
        items["name"]["redundant"],
    ) == (3, 2, 1, 2)
    assert items["name"]["rates"] == {"needed": 0.3333, "redundant": 0.6667, "irrelevant": 0.0}
    assert items["name"]["covered"] == 1 and items["name"]["waste_seconds"] == 4.0
    assert items["location"]["missing"] == 1 and items["location"]["times_asked"] == 1
    assert items["keys"]["irrelevant"] == 1 and items["keys"]["needed"] == 1 and items["keys"]["waste_seconds"] == 4.0
    reasons = {r["reason"]: r for r in rep["reasons"]}
    assert reasons["tow"]["calls"] == 2 and reasons["tow"]["times_asked"] == 5 and reasons["tow"]["redundant"] == 2
    assert reasons["lockout"]["times_asked"] == 1 and reasons["lockout"]["needed"] == 1
    by_agent = api.client.get("/v1/reports/waste", params={"checklist": "mini", "agent": "a2"}, headers=h).json()
    assert by_agent["calls"] == 1 and by_agent["times_asked"] == 1
    by_reason = api.client.get("/v1/reports/waste", params={"checklist": "mini", "reason": "tow"}, headers=h).json()
    assert by_reason["calls"] == 2 and by_reason["times_asked"] == 5
    later = api.client.get(
        "/v1/reports/waste", params={"checklist": "mini", "from": "2026-03-01T00:00:00Z"}, headers=h
    ).json()
    assert later["calls"] == 0 and later["times_asked"] == 0
    as_csv = api.client.get("/v1/reports/waste", params={"checklist": "mini"}, headers={**h, "Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert as_csv.text == api.client.get("/v1/reports/waste.csv", params={"checklist": "mini"}, headers=h).text
    name = next(r for r in rows if r["group"] == "item" and r["key"] == "name")
    assert (name["times_asked"], name["redundant"], name["redundant_rate"]) == ("3", "2", "0.6667")
    assert {r["key"] for r in rows if r["group"] == "reason"} == {"tow", "lockout"}
