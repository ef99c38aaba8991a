"""The golden calls of ../shared/golden through `callaudit audit`, checked by the bench's golden check."""

from __future__ import annotations

import json

from cli_helpers import check_golden


def test_when_golden_roadside_call_audited_then_golden_check_holds(cli, shared, tmp_path):
    out = tmp_path / "roadside.json"
    res = cli(
        "audit",
        shared / "golden/roadside/call.json",
        "--checklist",
        shared / "golden/roadside/checklist.yaml",
        "--out",
        out,
    )
    assert res.status == 0, res.err
    check = check_golden(shared, "roadside", out)
    assert check.returncode == 0, check.stdout


def test_when_golden_ownership_call_audited_without_checklist_then_golden_check_holds(cli, shared, tmp_path):
    res = cli("audit", shared / "golden/ownership/call.json")
    assert res.status == 0, res.err
    assert "no checklist" in res.err
    report = json.loads(res.out)
    assert report["questions"] == [] and report["checklist"] is None
    out = tmp_path / "ownership.json"
    out.write_text(res.out)
    check = check_golden(shared, "ownership", out)
    assert check.returncode == 0, check.stdout
