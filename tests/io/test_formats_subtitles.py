"""WebVTT and SRT transcripts: voice spans and speaker prefixes, kept timestamps, malformed cues."""

from __future__ import annotations

import pytest

from audit.errors import TranscriptError
from audit.formats import parse_transcript

VTT = """WEBVTT - a call

NOTE recorded on line 3

STYLE
::cue { color: white }

1
00:00:00.000 --> 00:00:03.400 align:start
<v Agent>What is the year, make and model &amp; colour?</v>

00:00:03.600 --> 00:00:06.250
<v.loud Customer>It's a <i>2000</i> GMC
Yukon Denali.

00:06.300 --> 00:09.100
<v Agent>There is no such car.</v> <v Customer>Yes there is.</v>
"""

SRT = """1
00:00:00,000 --> 00:00:03,400
Agent: What is the year, make and model?

2
00:00:03,600 --> 00:00:06,250
Customer: It's a 2000 GMC
Yukon Denali.

3
00:00:06,300 --> 00:00:09,100
- Rep: There is no such car.
- Caller: Yes there is.
"""


def vtt(text: str, **kw):
    return parse_transcript(text, fmt="vtt", where="call.vtt", **kw)


def srt(text: str, **kw):
    return parse_transcript(text, fmt="srt", where="call.srt", **kw)


def test_when_vtt_has_voice_spans_then_speakers_text_and_times_kept():
    t = vtt(VTT)
    assert [(u.speaker, u.text, u.start, u.end) for u in t.utterances] == [
        ("agent", "What is the year, make and model & colour?", 0.0, 3.4),
        ("customer", "It's a 2000 GMC Yukon Denali.", 3.6, 6.25),
        ("agent", "There is no such car.", 6.3, 9.1),
        ("customer", "Yes there is.", 6.3, 9.1),
    ]


def test_when_srt_has_prefixes_then_speakers_text_and_times_kept():
    t = srt(SRT)
    assert [(u.speaker, u.text, u.start, u.end) for u in t.utterances] == [
        ("agent", "What is the year, make and model?", 0.0, 3.4),
        ("customer", "It's a 2000 GMC Yukon Denali.", 3.6, 6.25),
        ("agent", "There is no such car.", 6.3, 9.1),
        ("customer", "Yes there is.", 6.3, 9.1),
    ]


def test_when_vtt_cue_uses_prefix_instead_of_voice_then_accepted():
    t = vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCustomer: Hi.\n")
    assert (t.utterances[0].speaker, t.utterances[0].text) == ("customer", "Hi.")


def test_when_vtt_lacks_header_then_error_names_line_1():
    with pytest.raises(TranscriptError, match=r"call\.vtt: line 1: .*WEBVTT"):
        vtt("00:00:00.000 --> 00:00:03.400\n<v Agent>hi\n")


def test_when_vtt_timing_malformed_then_error_names_line():
    text = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:03.400\n<v Agent>hi\n\n00:00:0x --> 00:00:05.000\n<v Customer>hey\n"
    )
    with pytest.raises(TranscriptError, match=r"call\.vtt: line 6: malformed cue timing"):
        vtt(text)


def test_when_vtt_cue_ends_before_start_then_error_names_line():
    with pytest.raises(TranscriptError, match=r"line 3: cue ends"):
        vtt("WEBVTT\n\n00:00:05.000 --> 00:00:03.400\n<v Agent>hi\n")


def test_when_vtt_cue_has_no_speaker_then_error_names_line():
    with pytest.raises(TranscriptError, match=r"call\.vtt: line 4: cue names no speaker"):
        vtt("WEBVTT\n\n00:00:00.000 --> 00:00:03.400\njust words\n")


def test_when_vtt_voice_unknown_then_error_unless_mapped():
    text = "WEBVTT\n\n00:00:00.000 --> 00:00:03.400\n<v Dana>Hi, Dana here.\n"
    with pytest.raises(TranscriptError, match=r"line 4: unknown speaker 'Dana'"):
        vtt(text)
    assert vtt(text, speaker_map={"Dana": "agent"}).utterances[0].speaker == "agent"


def test_when_srt_cue_malformed_then_error_names_line():
    bad = SRT + "\n4\n00:00:1x,000 --> 00:00:12,000\nAgent: hm\n"
    with pytest.raises(TranscriptError, match=r"call\.srt: line 15: malformed SRT cue"):
        srt(bad)


def test_when_srt_cue_without_prefix_then_error_names_cue():
    with pytest.raises(TranscriptError, match=r"line 3 \(cue 1\): cue names no speaker"):
        srt("1\n00:00:00,000 --> 00:00:01,000\nhello\n")


def test_when_srt_speaker_unknown_then_error_names_cue():
    with pytest.raises(TranscriptError, match=r"line 7 \(cue 2\): unknown speaker 'Manager'"):
        srt("1\n00:00:00,000 --> 00:00:01,000\nAgent: hi\n\n2\n00:00:01,000 --> 00:00:02,000\nManager: hey\n")
