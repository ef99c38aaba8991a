"""Calibration (engine versus QA) and the customer-focus report."""

import json
from datetime import datetime

import pytest

from tests.managers.conftest import BACKENDS, make_report, store_call

pytestmark = pytest.mark.parametrize("settings", BACKENDS, indirect=True)


def test_calibration_counts_agreement_over_reviewed_calls(client, settings, tenants):
    a = tenants["a"]
    asks = [(0, "vehicle", "needed"), (2, "location", "redundant")]
    c1 = store_call(settings, a["id"], make_report("c1", ["no_start"], asks))
    c2 = store_call(settings, a["id"], make_report("c2", ["no_start"], asks))
    store_call(settings, a["id"], make_report("c3", ["no_start"], asks))  # never reviewed
    client.post(
        f"/v1/calls/{c1}/overrides",
        headers=a["qa"],
        json={"utterance": 2, "item": "location", "status": "needed", "reason": "moved since"},
    )
    assert client.post(f"/v1/calls/{c2}/review", headers=a["qa"]).status_code == 204
    cal = client.get("/v1/reports/calibration", headers=a["manager"]).json()
    assert cal["reviewed_calls"] == 2 and cal["questions"] == 4 and cal["overrides"] == 1
    assert cal["agreement"]["k"] == 3
    by_status = {s["key"]: s for s in cal["by_status"]}
    assert by_status["redundant"]["agreed"]["k"] == 1 and by_status["redundant"]["questions"] == 2
    assert cal["confusion"]["redundant"] == {"needed": 1, "redundant": 1}
    lines = client.get("/v1/reports/calibration?format=jsonl", headers=a["manager"])
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(ln) for ln in lines.text.splitlines()]
    assert len(rows) == 1
    assert rows[0]["label"] == "needed" and rows[0]["engine_status"] == "redundant"
    assert rows[0]["text"] == "utterance 2" and rows[0]["requests"] == ["location"]
    other = client.get("/v1/reports/calibration", headers=tenants["b"]["manager"]).json()
    assert other["reviewed_calls"] == 0 and other["overrides"] == 0
    assert client.get("/v1/reports/calibration", headers=a["qa"]).status_code == 403


def test_customer_focus_per_agent_and_queue(client, settings, tenants):
    a = tenants["a"]
    shift = [(1, "blame_shift", "That's the dealer's fault."), (3, "redirect", "Call the manufacturer.")]
    own = [(1, "ownership", "I will book the tow for you now.")]
    store_call(
        settings,
        a["id"],
        make_report("c1", [], [], focus=shift),
        agent="ann",
        started_at=datetime(2026, 11, 2, 10),
    )
    store_call(
        settings,
        a["id"],
        make_report("c2", [], [], focus=own),
        agent="ann",
        started_at=datetime(2026, 11, 10, 10),
    )
    store_call(settings, a["id"], make_report("c3", [], [], focus=own), agent="bob")
    rep = client.get("/v1/reports/customer-focus", headers=a["manager"]).json()
    rows = {r["agent"]: r for r in rep["rows"]}
    ann = rows["ann"]
    assert ann["calls"] == 2 and ann["shifting"] == 2 and ann["ownership"] == 1
    assert ann["shifting_share"]["k"] == 2 and ann["shifting_share"]["n"] == 3
    assert ann["examples"][0]["text"] == "That's the dealer's fault."
    assert [w["week"] for w in ann["trend"]] == ["2026-11-02", "2026-11-09"]
    only = client.get("/v1/reports/customer-focus?agent=bob", headers=a["manager"]).json()
    assert [r["agent"] for r in only["rows"]] == ["bob"]
    dated = client.get(
        "/v1/reports/customer-focus?from=2026-11-05T00:00:00&to=2026-11-20T00:00:00", headers=a["manager"]
    ).json()
    assert dated["calls"] == 1
    assert client.get("/v1/reports/customer-focus", headers=tenants["b"]["manager"]).json()["calls"] == 0
