"""QA overrides through the API: the QA verdict counts, the engine's stays beside it."""

from tests.managers.conftest import make_report, store_call


def _seed(settings, tenant_id):
    report = make_report(
        "c1",
        ["no_start"],
        [(0, "vehicle", "needed"), (2, "move_to_street", "irrelevant"), (4, "location", "redundant")],
    )
    return store_call(settings, tenant_id, report)


def test_override_status_changes_call_summary_and_keeps_engine_verdict(client, settings, tenants):
    a = tenants["a"]
    cid = _seed(settings, a["id"])
    assert client.get(f"/v1/calls/{cid}", headers=a["qa"]).json()["waste_count"] == 2
    r = client.post(
        f"/v1/calls/{cid}/overrides",
        headers=a["qa"],
        json={"utterance": 4, "item": "location", "status": "needed", "reason": "new location"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert (body["engine_status"], body["status"], body["author"]) == ("redundant", "needed", "a-qa")
    assert client.get(f"/v1/calls/{cid}", headers=a["qa"]).json()["waste_count"] == 1
    listed = client.get(f"/v1/calls/{cid}/overrides", headers=a["qa"]).json()
    assert [o["reason"] for o in listed] == ["new location"]


def test_second_override_keeps_the_original_engine_verdict(client, settings, tenants):
    a = tenants["a"]
    cid = _seed(settings, a["id"])
    for status in ("needed", "irrelevant"):
        r = client.post(
            f"/v1/calls/{cid}/overrides",
            headers=a["qa"],
            json={"utterance": 4, "item": "location", "status": status, "reason": "second look"},
        )
        assert r.status_code == 201
    assert r.json()["engine_status"] == "redundant" and r.json()["status"] == "irrelevant"


def test_override_item_moves_the_question(client, settings, tenants):
    a = tenants["a"]
    cid = _seed(settings, a["id"])
    r = client.post(
        f"/v1/calls/{cid}/overrides",
        headers=a["qa"],
        json={"utterance": 0, "item": "vehicle", "new_item": "problem", "reason": "asked the problem"},
    )
    assert r.status_code == 201
    assert (r.json()["engine_item"], r.json()["item"]) == ("vehicle", "problem")
    again = client.post(
        f"/v1/calls/{cid}/overrides",
        headers=a["qa"],
        json={"utterance": 0, "item": "vehicle", "status": "needed", "reason": "old item"},
    )
    assert again.status_code == 404


def test_override_errors_name_the_problem(client, settings, tenants):
    a = tenants["a"]
    cid = _seed(settings, a["id"])
    cases = [
        ({"utterance": 9, "item": "vehicle", "status": "needed", "reason": "x y z"}, 404, "utterance 9"),
        ({"utterance": 0, "item": "vehicle", "new_item": "nope", "reason": "x y z"}, 422, "'nope'"),
        ({"utterance": 0, "item": "vehicle", "reason": "x y z"}, 422, "status"),
        ({"utterance": 0, "item": "vehicle", "status": "maybe", "reason": "x y z"}, 422, "status"),
        ({"utterance": 0, "item": "vehicle", "new_item": "move_to_street", "reason": "xyz"}, 409, "already"),
    ]
    cases[-1][0]["utterance"] = 2
    cases[-1][0]["new_item"] = "location"
    client.post(
        f"/v1/calls/{cid}/overrides",
        headers=a["qa"],
        json={"utterance": 4, "item": "location", "new_item": "vehicle", "reason": "prep"},
    )
    cases[-1] = (
        {"utterance": 4, "item": "vehicle", "new_item": "vehicle", "status": "needed", "reason": "xyz"},
        201,
        "",
    )
    for body, code, text in cases:
        r = client.post(f"/v1/calls/{cid}/overrides", headers=a["qa"], json=body)
        assert r.status_code == code, (body, r.text)
        assert text in r.text


def test_other_tenant_sees_nothing(client, settings, tenants):
    a, b = tenants["a"], tenants["b"]
    cid = _seed(settings, a["id"])
    body = {"utterance": 4, "item": "location", "status": "needed", "reason": "not yours"}
    assert client.post(f"/v1/calls/{cid}/overrides", headers=b["qa"], json=body).status_code == 404
    assert client.get(f"/v1/calls/{cid}/overrides", headers=b["qa"]).status_code == 404
    assert client.post(f"/v1/calls/{cid}/review", headers=b["qa"]).status_code == 404


def test_waste_report_counts_the_override_not_the_engine(client, settings, tenants):
    a = tenants["a"]
    cid = _seed(settings, a["id"])

    def location():
        rep = client.get("/v1/reports/waste?checklist=roadside", headers=a["manager"]).json()
        return next(i for i in rep["items"] if i["item"] == "location")

    assert (location()["needed"], location()["redundant"]) == (0, 1)
    client.post(
        f"/v1/calls/{cid}/overrides",
        headers=a["qa"],
        json={"utterance": 4, "item": "location", "status": "needed", "reason": "it had moved"},
    )
    assert (location()["needed"], location()["redundant"]) == (1, 0)
