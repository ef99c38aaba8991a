"""Choosing the format of a file or body, call ids from file names, refusing recordings and bad bytes."""

from __future__ import annotations

import pytest

from audit.errors import TranscriptError
from audit.formats import detect_format, is_audio, load_transcript, parse_speaker_map, sniff_audio


@pytest.mark.parametrize(
    ("body", "filename", "fmt"),
    [
        ("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Agent>hi", "call.txt", "vtt"),
        ("\ufeffWEBVTT\n", None, "vtt"),
        ('  {"call_id": "x"}', "call.txt", "json"),
        ("1\n00:00:00,000 --> 00:00:01,000\nAgent: hi\n", None, "srt"),
        ("Agent: hi", "call.vtt", "vtt"),
        ("Agent: hi", "call.SRT", "srt"),
        ("[1, 2]", "call.json", "json"),
        ("Agent: hi", None, "text"),
        ("Agent: hi", "call.log", "text"),
    ],
)
def test_when_body_then_format_from_signature_then_extension(body, filename, fmt):
    assert detect_format(body, filename=filename) == fmt


def test_when_text_file_then_call_id_is_file_stem(tmp_path):
    path = tmp_path / "call-42.txt"
    path.write_text("Agent: Hi.\nCustomer: Hello.\n")
    t = load_transcript(path)
    assert t.call_id == "call-42"
    assert load_transcript(path, call_id="x").call_id == "x"


def test_when_vtt_saved_as_txt_then_read_as_vtt(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>Hi.\n")
    assert load_transcript(path).utterances[0].start == 1.0


def test_when_language_given_then_kept_for_formats_without_one(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("Оператор: Здравствуйте.\nКлиент: Добрый день.\n", encoding="utf-8")
    t = load_transcript(path, language="ru")
    assert t.language == "ru"
    assert [u.speaker for u in t.utterances] == ["agent", "customer"]


def test_when_file_missing_then_error_names_it(tmp_path):
    with pytest.raises(TranscriptError, match=r"nope\.json: cannot read transcript"):
        load_transcript(tmp_path / "nope.json")


def test_when_not_utf8_then_error_names_line(tmp_path):
    path = tmp_path / "c.txt"
    path.write_bytes(b"Agent: hi\nCustomer: caf\xe9\n")
    with pytest.raises(TranscriptError, match=r"c\.txt: line 2: not UTF-8"):
        load_transcript(path)


def test_when_recording_then_refused_as_transcript(tmp_path):
    path = tmp_path / "c.json"
    path.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(32))
    assert is_audio(path)
    with pytest.raises(TranscriptError, match="recording, not a transcript"):
        load_transcript(path)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "wav"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "mp3"),
        (b"\xff\xfb\x90\x64\x00\x00", "mp3"),
        (b"\xff\xf1\x50\x80\x00\x1f", "aac"),
        (b"fLaC\x00\x00\x00\x22", "flac"),
        (b"OggS\x00\x02\x00\x00", "ogg"),
        (b"\x00\x00\x00\x20ftypM4A ", "mp4"),
        (b"\x1a\x45\xdf\xa3\x01\x00", "webm"),
        (b"\xff\xfeA\x00g\x00", None),  # UTF-16 text
        (b"Agent: hello", None),
        (b'{"call_id"', None),
        (b"", None),
    ],
)
def test_when_bytes_then_audio_told_apart(head, kind):
    assert sniff_audio(head) == kind


@pytest.mark.parametrize(
    ("spec", "mapping"),
    [
        ("agent=Rep", {"Rep": "agent"}),
        ("agent=Dana, customer=Jo", {"Dana": "agent", "Jo": "customer"}),
        ("Dana=agent", {"Dana": "agent"}),
        ("AGENT=Speaker 1,customer=Speaker 2", {"Speaker 1": "agent", "Speaker 2": "customer"}),
        ("", {}),
        (None, {}),
    ],
)
def test_when_speaker_map_option_then_parsed(spec, mapping):
    assert parse_speaker_map(spec) == mapping


@pytest.mark.parametrize("spec", ["agent", "boss=Dana", "agent="])
def test_when_speaker_map_option_malformed_then_error(spec):
    with pytest.raises(TranscriptError, match="--speaker-map"):
        parse_speaker_map(spec)
