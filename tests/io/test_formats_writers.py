"""Writers: every format reads back into the same utterances (and what a format cannot carry is said)."""

from __future__ import annotations

import pytest

from audit.errors import TranscriptError
from audit.formats import parse_transcript, render_transcript, write_transcript
from audit.formats.loader import load_transcript
from audit.transcript import Transcript, Utterance

CALL = Transcript(
    call_id="w1",
    checklist="roadside",
    language="en",
    metadata={"caller_phone": "+1 555 0100"},
    utterances=[
        Utterance(speaker="agent", text="Where is the car? <near> the A&B store?", start=0.0, end=2.25),
        Utterance(speaker="customer", text="In my garage.", start=2.5, end=3.75, translation="В гараже."),
        Utterance(speaker="customer", text="It won't start.", start=3.9, end=5.0),
        Utterance(speaker="agent", text="I'll send a truck.", start=3661.001, end=3662.5),
    ],
)


def _core(t: Transcript) -> list[tuple]:
    return [(u.speaker, u.text, u.start, u.end) for u in t.utterances]


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
def test_when_subtitles_written_then_read_back_with_times(fmt):
    back = parse_transcript(render_transcript(CALL, fmt), fmt="auto", where=f"w1.{fmt}")
    assert _core(back) == _core(CALL)


def test_when_json_written_then_whole_transcript_read_back():
    back = parse_transcript(render_transcript(CALL, "json"), fmt="auto", where="w1.json")
    assert back == CALL


def test_when_txt_written_then_speakers_text_and_starts_read_back():
    back = parse_transcript(render_transcript(CALL, "txt"), fmt="auto", where="w1.txt")
    assert [(u.speaker, u.text, u.start) for u in back.utterances] == [
        (u.speaker, u.text, u.start) for u in CALL.utterances
    ]


def test_when_untimed_call_to_subtitles_then_error_unless_allowed():
    untimed = Transcript(call_id="u", utterances=[Utterance(speaker="agent", text="Hi.")])
    with pytest.raises(TranscriptError, match="utterance 0 has no start/end time"):
        render_transcript(untimed, "srt")
    from audit.formats.writers import to_vtt

    assert "00:00:00.000 --> 00:00:01.000" in to_vtt(untimed, allow_untimed=True)


def test_when_written_to_path_then_format_from_extension(tmp_path):
    for ext in ("json", "vtt", "srt", "txt"):
        path = write_transcript(CALL, tmp_path / "out" / f"w1.{ext}")
        assert load_transcript(path).utterances[0].text == CALL.utterances[0].text


def test_when_unknown_output_format_then_error():
    with pytest.raises(TranscriptError, match="unknown output format 'docx'"):
        render_transcript(CALL, "docx")
