"""`callaudit bench`: a small bench set audited, scored by the bench scorers, with speed figures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cli_helpers import copy_calls


def make_set(shared: Path, tmp_path: Path, name: str, calls: list[str]) -> Path:
    """A bench set with a few calls of a shared one, and its scorers beside it as in ../shared/bench."""
    src = shared / "bench" / name
    dst = tmp_path / "bench" / name
    copy_calls(src / "calls", dst / "calls", calls)
    used = {json.loads((dst / "calls" / f"{c}.json").read_text())["checklist"] for c in calls}
    (dst / "checklists").mkdir()
    for cid in used:
        shutil.copy(src / "checklists" / f"{cid}.yaml", dst / "checklists")
    for gold in ("gold.jsonl", "extra_gold.jsonl"):
        if (src / gold).is_file():
            lines = [ln for ln in (src / gold).read_text().splitlines() if json.loads(ln)["call_id"] in calls]
            (dst / gold).write_text("\n".join(lines) + "\n")
    for script in ("score.py", "score_extra.py"):
        shutil.copy(shared / "bench" / script, tmp_path / "bench")
    return dst


def test_when_sgd_set_benched_then_score_table_and_speed_printed(cli, shared, tmp_path):
    set_dir = make_set(shared, tmp_path, "sgd-dev", ["1_00000", "1_00001", "1_00002", "1_00003"])
    res = cli("bench", set_dir, "--quiet", "--out", tmp_path / "preds")
    assert res.status == 0, res.err
    assert "calls: 4 in set" in res.out and "4 reports scored" in res.out
    assert "macro-F1 (needed, redundant, irrelevant):" in res.out
    assert "throughput: " in res.out and " calls/s" in res.out
    assert "model load: " in res.out
    assert "reasons (micro over calls)" not in res.out  # no extra gold in this set
    assert len(list((tmp_path / "preds").glob("*.json"))) == 4


def test_when_set_has_extra_gold_then_extra_scores_printed(cli, shared, tmp_path):
    set_dir = make_set(shared, tmp_path, "realistic-dev", ["dental_clinic-1", "parcel_courier-2"])
    res = cli("bench", set_dir, "--quiet")
    assert res.status == 0, res.err
    assert "macro-F1 (needed, redundant, irrelevant):" in res.out
    assert "reasons (micro over calls)" in res.out
    assert "items: " in res.out and "status accuracy" in res.out


def test_when_set_folder_incomplete_then_status_2(cli, tmp_path):
    (tmp_path / "set" / "calls").mkdir(parents=True)
    (tmp_path / "score.py").write_text("")
    res = cli("bench", tmp_path / "set")
    assert res.status == 2
    assert "gold.jsonl: gold file not found" in res.err
