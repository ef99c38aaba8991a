"""Plain-text transcripts: speaker prefixes, synonyms, continuations, timestamps and malformed input."""

from __future__ import annotations

import pytest

from audit.errors import TranscriptError
from audit.formats import parse_transcript


def parse(text: str, **kw):
    return parse_transcript(text, fmt="text", where="call.txt", **kw)


def test_when_agent_and_customer_lines_then_one_utterance_each():
    t = parse("Agent: Hello, how can I help?\nCustomer: My car won't start.\n")
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("agent", "Hello, how can I help?"),
        ("customer", "My car won't start."),
    ]
    assert t.call_id == "call"
    assert t.language == "en"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("CSR", "agent"),
        ("rep", "agent"),
        ("Representative", "agent"),
        ("OPERATOR", "agent"),
        ("Agent 2", "agent"),
        ("Agent (Dana)", "agent"),
        ("[Agent]", "agent"),
        ("Caller", "customer"),
        ("client", "customer"),
        ("Member", "customer"),
        ("User", "customer"),
    ],
)
def test_when_usual_synonym_then_role_resolved(label, role):
    t = parse(f"{label}: hello there")
    assert t.utterances[0].speaker == role
    assert t.utterances[0].text == "hello there"


def test_when_continuation_lines_then_joined_to_turn_above():
    t = parse(
        "Agent: What is the address?\n"
        "Customer: It's 12 Main Street,\n"
        "  apartment 4B,\n"
        "springfield.\n"
        "\n"
        "Agent: Thanks."
    )
    assert [u.text for u in t.utterances] == [
        "What is the address?",
        "It's 12 Main Street, apartment 4B, springfield.",
        "Thanks.",
    ]


def test_when_colon_inside_sentence_then_not_read_as_speaker():
    t = parse("Agent: When?\nCustomer: At 10:30, and then I said: no way.\nso I told him: fine")
    assert len(t.utterances) == 2
    assert t.utterances[1].text == "At 10:30, and then I said: no way. so I told him: fine"


def test_when_line_has_timestamp_then_start_kept():
    t = parse("[00:00:03.5] Agent: Hi.\n00:01:02 Customer: Hello.")
    assert [u.start for u in t.utterances] == [3.5, 62.0]
    assert all(u.end is None for u in t.utterances)


def test_when_unknown_capitalised_speaker_then_error_names_line_and_label():
    with pytest.raises(TranscriptError, match=r"call\.txt: line 2: unknown speaker 'Supervisor'"):
        parse("Agent: Let me get my supervisor.\nSupervisor: Hello.")


def test_when_unknown_speaker_mapped_then_accepted():
    t = parse("Dana: Hi, Dana speaking.\nJohn: Hi Dana.", speaker_map={"Dana": "agent", "john": "customer"})
    assert [u.speaker for u in t.utterances] == ["agent", "customer"]


def test_when_map_overrides_synonym_then_map_wins():
    t = parse("User: Welcome to support.\nCaller: Hi.", speaker_map={"user": "agent"})
    assert [u.speaker for u in t.utterances] == ["agent", "customer"]


def test_when_first_line_has_no_prefix_then_error_names_line():
    with pytest.raises(TranscriptError, match=r"call\.txt: line 1: expected a speaker prefix"):
        parse("hello there\nAgent: hi")


def test_when_file_empty_then_error():
    with pytest.raises(TranscriptError, match="no speaker turns"):
        parse("\n\n   \n")


def test_when_turn_has_no_text_then_error_names_line():
    with pytest.raises(TranscriptError, match=r"line 2: the turn has no text"):
        parse("Agent: Hi.\nCustomer:\nAgent: Hello?")


def test_when_body_has_no_file_name_then_call_id_required():
    with pytest.raises(TranscriptError, match="carries no call id"):
        parse_transcript("Agent: hi", fmt="text", where="<upload>")
    assert parse_transcript("Agent: hi", fmt="text", where="<upload>", call_id="c-1").call_id == "c-1"
