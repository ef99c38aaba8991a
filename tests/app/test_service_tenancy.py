"""Every endpoint, called with another tenant's key on the first tenant's ids, answers 404."""

from __future__ import annotations

import re

import pytest
from conftest import BACKENDS
from svc_factories import Api, golden_call

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)

BODIES = {
    "/v1/calls/{call_id}/reaudit": {},
    "/v1/calls/{call_id}/overrides": {"utterance": 1, "item": "x", "reason": "checking", "status": "needed"},
}


def _example(schema: dict, spec: dict) -> object:
    """A minimal valid instance of a JSON schema (required fields only), so validation passes and the
    route's own tenant check is what answers."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _example(spec["components"]["schemas"][name], spec)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"] or schema[key]
            return _example(options[0], spec)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: _example(props.get(k, {"type": "string"}), spec) for k in schema.get("required", [])}
    if kind == "array":
        return [_example(schema.get("items", {}), spec) for _ in range(schema.get("minItems", 0))]
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    return "x" * max(1, schema.get("minLength", 1))


def _body(template: str, operation: dict, spec: dict) -> dict:
    if template in BODIES:
        return {"json": BODIES[template]}
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        return {"json": _example(content["application/json"]["schema"], spec)}
    return {}


def _a_ids(api: Api) -> dict[str, str]:
    a = api.tenant("tenant-a")
    call = api.wait(a, api.submit(a, {"transcript": golden_call()})["id"])
    yaml = "id: private_a\nname: A only\nitems: [{id: q1, question: 'What is your name?'}]\n"
    r = api.client.post(
        "/v1/checklists", content=yaml, headers={**a.headers("manager"), "Content-Type": "application/yaml"}
    )
    assert r.status_code == 201
    hook = api.client.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}, headers=a.headers()).json()
    key = api.client.post("/v1/keys", json={"role": "qa"}, headers=a.headers()).json()
    api.wait(a, api.submit(a, {"transcript": golden_call(), "checklist": "private_a"})["id"])
    proposal = api.client.post("/v1/checklists/private_a/proposals", json={}, headers=a.headers("manager"))
    assert proposal.status_code == 201, proposal.text
    return {"call_id": call["id"], "checklist_id": "private_a", "webhook_id": hook["id"], "key_id": key["id"],
            "proposal_id": proposal.json()["id"]}


def test_when_other_tenant_uses_first_tenants_ids_then_404_everywhere(api: Api) -> None:
    ids = _a_ids(api)
    b = api.tenant("tenant-b")
    walked = []
    spec = api.client.get("/openapi.json").json()
    for template, operations in spec["paths"].items():
        params = re.findall(r"{(\w+)}", template)
        if not template.startswith("/v1/") or not params:
            continue
        for method in sorted(operations):
            path = template.format(**{p: ids[p] for p in params})
            kwargs = _body(template, operations[method], spec)
            r = api.client.request(method.upper(), path, headers=b.headers("admin"), **kwargs)
            assert r.status_code == 404, (method, template, r.status_code, r.text)
            assert ids[params[0]] in r.json()["detail"] or "unknown" in r.json()["detail"]
            walked.append((method, template))
    assert len(walked) >= 9, walked
    h = b.headers("admin")
    assert api.client.get("/v1/calls", headers=h).json()["items"] == []
    assert "private_a" not in {c["id"] for c in api.client.get("/v1/checklists", headers=h).json()["items"]}
    assert api.client.get("/v1/webhooks", headers=h).json()["items"] == []
    assert ids["key_id"] not in {k["id"] for k in api.client.get("/v1/keys", headers=h).json()}
    assert api.client.get("/v1/reports/waste", params={"checklist": "private_a"}, headers=h).status_code == 404
    waste = api.client.get("/v1/reports/waste", params={"checklist": "roadside"}, headers=h).json()
    assert waste["calls"] == 0 and waste["times_asked"] == 0
    # the first tenant still sees all of it
    a = api.tenants["tenant-a"]
    assert api.client.get(f"/v1/calls/{ids['call_id']}", headers=a.headers("qa")).status_code == 200
