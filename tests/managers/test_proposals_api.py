"""Trim proposals over stored calls: computed in SQL, stored, adopted as the latest version."""

import pytest
import yaml

from tests.managers.conftest import BACKENDS, make_report, store_call

pytestmark = pytest.mark.parametrize("settings", BACKENDS, indirect=True)


def _seed_many(settings, tenant_id, n=32):
    # move_to_street is asked on no-start calls, where it does not apply; location is always needed
    for i in range(n):
        rep = make_report(f"c{i}", ["no_start"], [(0, "location", "needed"), (2, "move_to_street", "irrelevant")])
        store_call(settings, tenant_id, rep)
    for i in range(4):
        rep = make_report(f"f{i}", ["flat_tire"], [(0, "location", "needed"), (2, "move_to_street", "needed")])
        store_call(settings, tenant_id, rep)


def test_proposal_from_stored_calls_then_adopt(client, settings, tenants):
    a = tenants["a"]
    _seed_many(settings, a["id"])
    r = client.post("/v1/checklists/roadside/proposals", headers=a["manager"], json={})
    assert r.status_code == 201, r.text
    prop = r.json()
    assert prop["checklist_version"] == 1 and prop["proposal"]["calls"] == 36
    dec = {d["item"]: d for d in prop["proposal"]["decisions"]}
    assert dec["move_to_street"]["actions"] == ["conditional"]
    assert dec["move_to_street"]["evidence"]["irrelevant_calls"]["k"] == 32
    assert dec["move_to_street"]["evidence"]["examples"][0]["text"] == "question move_to_street"
    assert dec["location"]["actions"] == []
    assert prop["proposal"]["savings"]["questions_removed_per_call"] > 0.8

    got = client.get(prop["url"], headers=a["manager"])
    assert got.status_code == 200 and got.json()["id"] == prop["id"]
    adopted = client.post(f"/v1/checklists/roadside/proposals/{prop['id']}/adopt", headers=a["manager"])
    assert adopted.status_code == 200, adopted.text
    assert adopted.json()["adopted_version"] == 2
    latest = client.get("/v1/checklists/roadside", headers=a["manager"]).json()
    assert latest["version"] == 2
    item = next(i for i in latest["checklist"]["items"] if i["id"] == "move_to_street")
    assert item["conditional"] is True
    assert yaml.safe_load(latest["yaml"])["changelog"][-1]["action"] == "conditional"
    again = client.post(f"/v1/checklists/roadside/proposals/{prop['id']}/adopt", headers=a["manager"])
    assert again.status_code == 409


def test_overrides_count_in_proposals(client, settings, tenants):
    a = tenants["a"]
    ids = [
        store_call(settings, a["id"], make_report(f"c{i}", ["no_start"], [(0, "move_to_street", "irrelevant")]))
        for i in range(40)
    ]
    first = client.post("/v1/checklists/roadside/proposals", headers=a["manager"], json={}).json()
    dec = {d["item"]: d for d in first["proposal"]["decisions"]}
    assert dec["move_to_street"]["actions"] == ["drop"]
    for cid in ids[:5]:
        client.post(
            f"/v1/calls/{cid}/overrides",
            headers=a["qa"],
            json={
                "utterance": 0,
                "item": "move_to_street",
                "status": "needed",
                "reason": "it was a flat tire",
            },
        )
    second = client.post("/v1/checklists/roadside/proposals", headers=a["manager"], json={}).json()
    dec = {d["item"]: d for d in second["proposal"]["decisions"]}
    assert "drop" not in dec["move_to_street"]["actions"]
    assert dec["move_to_street"]["evidence"]["needed_of_asked"]["k"] == 5


def test_filters_and_errors(client, settings, tenants):
    a, b = tenants["a"], tenants["b"]
    store_call(settings, a["id"], make_report("c", ["no_start"], [(0, "location", "needed")]), queue="east")
    none = client.post("/v1/checklists/roadside/proposals", headers=a["manager"], json={"filters": {"queue": "west"}})
    assert none.status_code == 409 and "no audited call" in none.text
    east = client.post("/v1/checklists/roadside/proposals", headers=a["manager"], json={"filters": {"queue": "east"}})
    assert east.status_code == 201 and east.json()["proposal"]["calls"] == 1
    assert client.post("/v1/checklists/roadside/proposals", headers=a["qa"], json={}).status_code == 403
    assert client.post("/v1/checklists/nope/proposals", headers=a["manager"], json={}).status_code == 404
    bad = client.post(
        "/v1/checklists/roadside/proposals", headers=a["manager"], json={"options": {"max_needed_rate": 2}}
    )
    assert bad.status_code == 422
    # another tenant: its own roadside has no calls, and a's proposal is not found
    pid = east.json()["id"]
    assert client.get(f"/v1/checklists/roadside/proposals/{pid}", headers=b["manager"]).status_code == 404
    assert client.post(f"/v1/checklists/roadside/proposals/{pid}/adopt", headers=b["manager"]).status_code == 404
    assert client.get("/v1/checklists/roadside/proposals", headers=b["manager"]).json() == []
