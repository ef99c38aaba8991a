"""`callaudit trim` end to end on a folder of report files."""

import json

import pytest

from audit.checklist import load_checklist
from tests.trim.factories import CHECKLIST_YAML, many, report


@pytest.fixture()
def folder(tmp_path):
    cl = tmp_path / "tow.yaml"
    cl.write_text(CHECKLIST_YAML)
    reports = tmp_path / "reports"
    reports.mkdir()
    for r in many(40, ["no_start"], [(1, "spare", "irrelevant")]):
        (reports / f"{r.call_id}.json").write_text(r.to_json())
    other = report("old", ["no_start"], [(1, "member", "needed")], checklist_ref=("tow", 2))
    (reports / "old.json").write_text(other.to_json())
    foreign = report("f", ["no_start"], [(1, "member", "needed")], checklist_ref=("bank", 1))
    (reports / "more.jsonl").write_text(foreign.to_json(indent=None) + "\n")
    return cl, reports


def _main(argv):
    from app.cli import main

    return main(argv)


def test_trim_writes_a_loadable_next_version(folder, tmp_path, capsys):
    cl, reports = folder
    out, js = tmp_path / "new.yaml", tmp_path / "proposal.json"
    assert _main(["trim", "--checklist", str(cl), str(reports), "--out", str(out), "--json", str(js)]) == 0
    new = load_checklist(out)
    assert new.version == 4 and "spare" not in [i.id for i in new.items]
    printed = capsys.readouterr().out
    assert "- spare" in printed and "reports read: 40 (skipped 2" in printed
    prop = json.loads(js.read_text())
    decisions = {d["item"]: d for d in prop["decisions"]}
    assert prop["calls"] == 40 and decisions["spare"]["actions"] == ["drop"]


def test_trim_without_out_prints_yaml(folder, capsys):
    cl, reports = folder
    assert _main(["trim", "--checklist", str(cl), str(reports)]) == 0
    assert capsys.readouterr().out.startswith("id: tow\n")


def test_when_no_report_matches_then_error_names_folder(folder, tmp_path, capsys):
    cl, _ = folder
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _main(["trim", "--checklist", str(cl), str(empty)]) == 2
    assert f"{empty}: no report made against checklist tow version 3" in capsys.readouterr().err


def test_when_report_is_malformed_then_error_names_file(folder, capsys):
    cl, reports = folder
    (reports / "bad.json").write_text('{"call_id": "x"')
    assert _main(["trim", "--checklist", str(cl), str(reports)]) == 2
    assert "bad.json: not valid JSON" in capsys.readouterr().err


def test_when_checklist_unknown_then_error(folder, capsys):
    _, reports = folder
    assert _main(["trim", "--checklist", "no-such-list", str(reports)]) == 2
    assert "no checklist 'no-such-list'" in capsys.readouterr().err
