"""`callaudit schema` and `callaudit checklists`."""

from __future__ import annotations

import json

from audit.report import Report


def test_when_schema_then_report_json_schema_printed(cli):
    res = cli("schema")
    assert res.status == 0
    schema = json.loads(res.out)
    assert schema["title"] == "callaudit report"
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"call_id", "questions", "items", "customer_focus", "summary"} <= set(schema["properties"])
    assert schema["properties"].keys() == Report.model_json_schema()["properties"].keys()


def test_when_checklists_then_library_listed(cli):
    res = cli("checklists")
    assert res.status == 0
    ids = [line.split()[0] for line in res.out.splitlines()]
    assert {"roadside", "ecommerce", "telecom_support", "bank_cards"} <= set(ids)
    roadside = next(line for line in res.out.splitlines() if line.startswith("roadside "))
    assert "17 items" in roadside and "Roadside assistance intake" in roadside
