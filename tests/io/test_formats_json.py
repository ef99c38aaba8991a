"""Bench JSON transcripts: the bench and golden files read as they are; malformed ones name the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.errors import TranscriptError
from audit.formats import load_transcript, parse_transcript

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOOD = {
    "call_id": "c1",
    "checklist": "roadside",
    "language": "en",
    "metadata": {"caller_phone": "+1 555 0100"},
    "utterances": [
        {"speaker": "agent", "text": "How can I help?", "start": 0.0, "end": 1.5},
        {"speaker": "customer", "text": "My car won't start."},
    ],
}


def parse(data, **kw):
    body = data if isinstance(data, str) else json.dumps(data, indent=2)
    return parse_transcript(body, fmt="json", where="c1.json", **kw)


def test_when_bench_json_then_every_field_kept():
    t = parse(GOOD)
    assert (t.call_id, t.checklist, t.language) == ("c1", "roadside", "en")
    assert t.metadata == {"caller_phone": "+1 555 0100"}
    assert [(u.speaker, u.start, u.end) for u in t.utterances] == [
        ("agent", 0.0, 1.5),
        ("customer", None, None),
    ]


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared")
def test_when_golden_and_bench_calls_then_read_unchanged():
    for path in [SHARED / "golden/roadside/call.json", SHARED / "golden/ownership/call.json"] + sorted(
        (SHARED / "bench/realistic-dev/calls").glob("*.json")
    ):
        raw = json.loads(path.read_text())
        t = load_transcript(path)
        assert t.call_id == raw["call_id"]
        assert [u.text for u in t.utterances] == [u["text"] for u in raw["utterances"]]


def test_when_syntax_error_then_line_and_column_named():
    with pytest.raises(TranscriptError, match=r"c1\.json: line 3, column \d+: not valid JSON"):
        parse('{"call_id": "c1",\n "utterances": [\n {"speaker": "agent" "text": "hi"}]}')


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("call_id"), r"field call_id: missing"),
        (lambda d: d.pop("utterances"), r"field utterances: missing"),
        (lambda d: d.update(utterances=[]), r"field utterances: the call has no utterances"),
        (lambda d: d["utterances"][1].pop("speaker"), r"field utterances\[1\]\.speaker: missing"),
        (
            lambda d: d["utterances"][1].update(speaker="robot"),
            r"utterances\[1\]\.speaker: unknown speaker 'robot'",
        ),
        (lambda d: d["utterances"][0].pop("text"), r"field utterances\[0\]\.text: Field required"),
        (lambda d: d["utterances"][0].update(start=-1), r"field utterances\[0\]\.start: "),
        (lambda d: d["utterances"][0].update(end=-0.5, start=None), r"field utterances\[0\]\.end"),
        (lambda d: d.update(metadata=[1]), r"field metadata: "),
        (lambda d: d.update(surprise=1), r"field surprise: Extra inputs are not permitted"),
    ],
)
def test_when_field_malformed_then_error_names_it(change, message):
    data = json.loads(json.dumps(GOOD))
    change(data)
    with pytest.raises(
        TranscriptError, match=r"c1\.json: " + message if message.startswith("field") else message
    ):
        parse(data)


def test_when_not_an_object_then_error():
    with pytest.raises(TranscriptError, match="must be a JSON object"):
        parse("[1, 2]")


def test_when_speaker_is_synonym_or_mapped_then_resolved():
    data = json.loads(json.dumps(GOOD))
    data["utterances"][0]["speaker"] = "CSR"
    data["utterances"][1]["speaker"] = "Jane"
    t = parse(data, speaker_map={"jane": "customer"})
    assert [u.speaker for u in t.utterances] == ["agent", "customer"]


def test_when_call_id_given_then_it_replaces_the_body_one():
    assert parse(GOOD, call_id="other").call_id == "other"
