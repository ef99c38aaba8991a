"""`callaudit batch`: one report per call, bad calls reported and skipped, exit status 1 when any was."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from cli_helpers import copy_calls

from audit.batch import BatchRunner, collect_calls
from audit.cli._inputs import load_call
from audit.engine import AuditEngine
from audit.library import ChecklistFolder

CALLS = ["parcel_courier-1", "pharmacy_refills-2", "student_loans-3"]


def test_when_folder_with_a_bad_call_then_others_written_and_status_1(cli, shared, tmp_path):
    set_dir = shared / "bench/realistic-dev"
    calls = tmp_path / "calls"
    copy_calls(set_dir / "calls", calls, CALLS)
    (calls / "broken.json").write_text('{"call_id": "broken", "utterances": [}')
    (calls / "no-checklist.txt").write_text("Agent: Hello.\nCustomer: Hi.\n")
    (calls / "notes.md").write_text("not a call, not picked up")
    klingon = json.loads((calls / CALLS[0]).with_suffix(".json").read_text())
    klingon.update(call_id="klingon", language="tlh")
    (calls / "klingon.json").write_text(json.dumps(klingon))  # the engine refuses it, in a chunk with others
    out = tmp_path / "reports"

    res = cli("batch", calls, "--checklists", set_dir / "checklists", "--out", out, "--quiet")

    assert res.status == 1
    assert sorted(p.stem for p in out.glob("*.json")) == sorted(CALLS)
    assert "broken.json: line 1, column" in res.err
    assert "no-checklist.txt: " in res.err and "names no checklist" in res.err
    assert "klingon.json: " in res.err
    assert "audited 3 calls" in res.out and "3 skipped" in res.out
    report = json.loads((out / "parcel_courier-1.json").read_text())
    assert report["call_id"] == "parcel_courier-1"
    assert report["checklist"]["id"] == "parcel_courier"
    assert all(isinstance(q["utterance"], int) for q in report["questions"])


def test_when_one_checklist_for_all_then_every_format_audited(cli, shared, tmp_path):
    golden = shared / "golden/roadside"
    calls = tmp_path / "calls"
    calls.mkdir()
    shutil.copy(golden / "call.json", calls / "a.json")
    (calls / "b.txt").write_text("Agent: Where is your vehicle?\nCustomer: On Main Street.\n")
    (calls / "c.vtt").write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Agent>Can I get your full name?\n"
    )
    out = tmp_path / "out"

    res = cli(
        "batch",
        calls / "a.json",
        calls / "b.txt",
        calls / "c.vtt",
        "--checklist",
        "roadside",
        "--out",
        out,
        "--chunk-size",
        "2",
        "--quiet",
    )

    assert res.status == 0, res.err
    assert sorted(p.name for p in out.iterdir()) == ["b.json", "c.json", "roadside-seed-003.json"]
    assert {json.loads(p.read_text())["checklist"]["id"] for p in out.iterdir()} == {"roadside"}


def test_when_two_files_share_a_call_id_then_second_skipped(cli, shared, tmp_path):
    golden = shared / "golden/roadside/call.json"
    calls = tmp_path / "calls"
    calls.mkdir()
    shutil.copy(golden, calls / "one.json")
    shutil.copy(golden, calls / "two.json")
    res = cli("batch", calls, "--checklist", "roadside", "--out", tmp_path / "out", "--quiet")
    assert res.status == 1
    assert "two.json: call id 'roadside-seed-003' was already audited from" in res.err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["roadside-seed-003.json"]


def test_when_no_call_files_then_status_2(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    res = cli("batch", tmp_path / "empty", tmp_path / "missing", "--out", tmp_path / "out", "--quiet")
    assert res.status == 2
    assert "missing: no such file or folder" in res.err
    assert "no call files found" in res.err


def test_when_chunks_go_to_worker_processes_then_reports_match_one_process(cli, shared, tmp_path):
    set_dir = shared / "bench/realistic-dev"
    calls = tmp_path / "calls"
    copy_calls(set_dir / "calls", calls, CALLS)
    (calls / "broken.json").write_text('{"call_id": "broken", "utterances": [}')
    shutil.copy(calls / f"{CALLS[0]}.json", calls / "zz-same-id.json")
    klingon = json.loads((calls / CALLS[1]).with_suffix(".json").read_text())
    klingon.update(call_id="klingon", language="tlh")
    (calls / "aa-klingon.json").write_text(json.dumps(klingon))  # first: the models load for its chunk
    reports = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}"
        res = cli("batch", calls, "--checklists", set_dir / "checklists", "--out", out, "--quiet",
                  "--chunk-size", "1", "--workers", workers)  # fmt: skip
        assert res.status == 1
        assert "broken.json: line 1, column" in res.err
        assert "zz-same-id.json: call id 'parcel_courier-1' was already audited" in res.err
        assert "aa-klingon.json: " in res.err and "tlh" in res.err
        assert "audited 3 calls" in res.out and "3 skipped" in res.out
        reports[workers] = {p.name: json.loads(p.read_text()) for p in out.glob("*.json")}
    assert sorted(reports["2"]) == sorted(f"{c}.json" for c in CALLS)
    assert reports["2"] == reports["1"]


def test_when_workers_is_zero_then_usage_error(cli, tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        cli("batch", tmp_path, "--out", tmp_path / "out", "--workers", "0")
    assert exited.value.code == 2
    assert "argument --workers: 0 is below 1" in capsys.readouterr().err


class _DyingEngine(AuditEngine):
    """The real engine, except that the worker auditing the call "die" is killed outright (as by the kernel)."""

    def audit_many(self, calls):
        if any(t.call_id == "die" for t, _ in calls):
            os._exit(9)
        return super().audit_many(calls)


def test_when_a_worker_dies_then_only_its_calls_are_lost_and_the_rest_are_written(shared, tmp_path):
    set_dir = shared / "bench/realistic-dev"
    calls = tmp_path / "calls"
    copy_calls(set_dir / "calls", calls, CALLS)
    dying = json.loads((calls / f"{CALLS[0]}.json").read_text())
    dying.update(call_id="die")
    (calls / "aa-die.json").write_text(json.dumps(dying))
    files, _ = collect_calls([calls])
    runner = BatchRunner(
        _DyingEngine(), load=lambda p: load_call(p, speaker_map=None, language=None),
        checklist_for=ChecklistFolder(set_dir / "checklists").for_call, out_dir=tmp_path / "out", chunk_size=1,
        workers=2,
    )

    result = runner.run(files)

    failed = {f.path.name for f in result.failures}
    assert "aa-die.json" in failed
    assert {f.error for f in result.failures} == {"the worker process auditing it died"}
    written = {p.name for p in (tmp_path / "out").glob("*.json")}
    assert result.reports == len(written) >= 1  # chunks handed out after the death are audited in this process
    assert written | failed == {f"{c}.json" for c in CALLS} | {"aa-die.json"}
