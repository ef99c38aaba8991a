"""`callaudit audit`: the golden calls end to end, every transcript format, and errors a user can cause."""

from __future__ import annotations

import json

import pytest

from audit.formats import load_transcript, write_transcript


@pytest.mark.parametrize("ext", ["vtt", "srt"])
def test_when_call_given_as_subtitles_then_same_verdicts_as_json(cli, shared, tmp_path, ext):
    golden = shared / "golden/roadside"
    sub = write_transcript(load_transcript(golden / "call.json"), tmp_path / f"roadside-seed-003.{ext}")
    as_json = cli("audit", golden / "call.json", "--checklist", golden / "checklist.yaml")
    as_sub = cli("audit", sub, "--checklist", golden / "checklist.yaml")
    assert as_sub.status == 0, as_sub.err

    def verdicts(out: str) -> list[tuple]:
        return [(q["utterance"], q["item"], q["status"]) for q in json.loads(out)["questions"]]

    assert verdicts(as_sub.out) == verdicts(as_json.out)
    assert json.loads(as_sub.out)["call_id"] == "roadside-seed-003"


def test_when_text_format_then_readable_report(cli, tmp_path):
    call = tmp_path / "call-7.txt"
    call.write_text(
        "Rep: Thanks for calling roadside assistance. What seems to be the problem?\n"
        "Caller: My car won't start, the battery is dead. I'm at 12 Elm Street.\n"
        "Rep: Where is your vehicle located right now?\n"
        "Caller: Like I said, 12 Elm Street.\n"
    )
    res = cli("audit", call, "--checklist", "roadside", "--format", "text")
    assert res.status == 0, res.err
    assert res.out.startswith("Call call-7\n  checklist: roadside v1")
    for section in ("Questions asked:", "Items not asked:", "Customer focus", "Summary:"):
        assert section in res.out


def test_when_transcript_malformed_then_status_2_naming_file_and_line(cli, tmp_path):
    call = tmp_path / "bad.txt"
    call.write_text("Agent: Hello.\nSupervisor: Hi.\n")
    res = cli("audit", call, "--checklist", "roadside")
    assert res.status == 2
    assert f"{call}: line 2: unknown speaker 'Supervisor'" in res.err
    assert res.out == ""


def test_when_checklist_id_unknown_then_status_2_listing_library(cli, tmp_path):
    call = tmp_path / "c.txt"
    call.write_text("Agent: Hello.\n")
    res = cli("audit", call, "--checklist", "no_such_script")
    assert res.status == 2
    assert "no checklist 'no_such_script'" in res.err and "roadside" in res.err


def test_when_call_names_checklist_missing_from_library_then_status_2(cli, tmp_path):
    call = tmp_path / "c.json"
    call.write_text(
        json.dumps(
            {
                "call_id": "c",
                "checklist": "restaurants_2",
                "utterances": [{"speaker": "agent", "text": "Hi."}],
            }
        )
    )
    res = cli("audit", call)
    assert res.status == 2
    assert "no checklist 'restaurants_2'" in res.err
