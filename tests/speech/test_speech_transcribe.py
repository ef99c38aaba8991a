"""Spoken calls through the whole pipeline with real Whisper models."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.checklist import load_checklist
from audit.errors import SpeechError
from audit.speech import (
    DecodeOptions,
    PipelineOptions,
    checklist_prompt,
    load_recognizer,
    transcribe_file,
    transcribe_with,
)

from . import synth
from .conftest import FALLBACK_CALL, GOLDEN
from .wer import wer

pytestmark = pytest.mark.slow
SHARED_TINY = Path(__file__).resolve().parents[2].parent / "shared" / "models" / "openai-whisper-tiny.en.pt"


def _text(turns) -> str:
    return " ".join(t for _, t in turns)


def _assert_call(transcript, golden_turns, max_wer=0.25):
    assert [u.speaker for u in transcript.utterances] == [r for r, _ in golden_turns]
    assert wer(_text(golden_turns), " ".join(u.text for u in transcript.utterances)) <= max_wer
    starts = [u.start for u in transcript.utterances]
    assert starts == sorted(starts)
    assert all(u.start < u.end and u.words for u in transcript.utterances)


@pytest.fixture(scope="module")
def stereo_base(stereo_call, model_dir):
    return transcribe_file(stereo_call, model="base", cache_dir=model_dir)


def test_when_stereo_call_is_transcribed_then_roles_words_and_times_are_right(stereo_base, golden_turns):
    _assert_call(stereo_base, golden_turns)
    spans = synth.render(golden_turns)[2]
    for u, (start, end) in zip(stereo_base.utterances, spans, strict=True):
        assert u.start < end and u.end > start  # each utterance overlaps the turn that was spoken
    speech = stereo_base.metadata["speech"]
    assert stereo_base.language == "en" and speech["language_source"] == "detected"
    assert speech["channels"] == "stereo" and speech["roles"]["inferred"] is False
    assert speech["model"] == "base" and speech["asr"] == "faster-whisper"


def test_when_channel_roles_are_swapped_then_speakers_follow_the_setting(stereo_call, golden_turns, model_dir):
    t = transcribe_file(stereo_call, model="tiny.en", cache_dir=model_dir, channel_roles=("customer", "agent"))
    swap = {"agent": "customer", "customer": "agent"}
    assert [u.speaker for u in t.utterances] == [swap[r] for r, _ in golden_turns]


def test_when_call_is_mono_then_voices_are_separated_and_roles_marked_inferred(mono_call, golden_turns, model_dir):
    t = transcribe_file(mono_call, model="base", cache_dir=model_dir)
    _assert_call(t, golden_turns)
    roles = t.metadata["speech"]["roles"]
    assert roles["inferred"] is True and roles["role_basis"] == "questions"
    assert 0.3 < roles["separation_confidence"] <= 1 and 0 < roles["role_confidence"] <= 1


def test_when_caller_supplies_mono_roles_then_nothing_is_guessed(mono_call, golden_turns, model_dir):
    t = transcribe_file(mono_call, model="tiny.en", cache_dir=model_dir, roles=("customer", "agent"))
    swap = {"agent": "customer", "customer": "agent"}
    assert [u.speaker for u in t.utterances] == [swap[r] for r, _ in golden_turns]
    assert t.metadata["speech"]["roles"]["inferred"] is False


def test_when_call_is_8k_mulaw_telephony_then_it_still_transcribes(stereo_call, golden_turns, model_dir):
    phone = synth.convert(stereo_call, stereo_call.parent / "phone.wav", "-ar", "8000", "-c:a", "pcm_mulaw")
    t = transcribe_file(phone, model="tiny.en", cache_dir=model_dir, language="en")
    _assert_call(t, golden_turns, max_wer=0.3)
    assert t.metadata["speech"]["recording"]["codec"] == "pcm_mulaw"


@pytest.mark.skipif(not SHARED_TINY.is_file(), reason="needs ../shared/models")
def test_when_openai_whisper_loads_a_checkpoint_path_then_call_transcribes(short_stereo, model_dir):
    t = transcribe_file(short_stereo, model=str(SHARED_TINY), asr="openai-whisper", cache_dir=model_dir)
    _assert_call(t, FALLBACK_CALL[:2])
    assert t.metadata["speech"]["asr"] == "openai-whisper" and t.language == "en"


def test_when_openai_whisper_is_asked_by_name_then_packaged_weights_are_converted_once(short_stereo, model_dir):
    t = transcribe_file(short_stereo, model="tiny.en", asr="openai-whisper", cache_dir=model_dir)
    _assert_call(t, FALLBACK_CALL[:2])
    assert (model_dir / "openai-whisper" / "tiny.en.pt").is_file()


@pytest.mark.parametrize("fixture, language", [("russian_call", "ru"), ("turkish_call", "tr")])
def test_when_foreign_call_is_translated_then_language_is_kept_and_each_turn_has_english(
    request, model_dir, fixture, language
):
    t = transcribe_file(
        request.getfixturevalue(fixture), model="base", cache_dir=model_dir, language=language, translate=True
    )
    assert t.language == language
    speech = t.metadata["speech"]
    assert speech["language_source"] == "given" and speech["translated"] is True
    assert t.utterances and {u.speaker for u in t.utterances} <= {"agent", "customer"}
    assert t.utterances[0].speaker == "agent"
    for u in t.utterances:
        assert u.text and isinstance(u.translation, str)
    assert any(u.translation for u in t.utterances)


def test_when_english_call_is_translated_then_translation_is_the_text(short_stereo, model_dir):
    t = transcribe_file(short_stereo, model="tiny.en", cache_dir=model_dir, translate=True)
    assert all(u.translation == u.text for u in t.utterances)


def test_when_english_only_model_is_forced_to_russian_then_refused(russian_call, model_dir):
    with pytest.raises(SpeechError, match="English-only"):
        transcribe_file(russian_call, model="tiny.en", cache_dir=model_dir, language="ru")


def test_when_recording_is_empty_then_public_api_raises_speech_error(tmp_path, model_dir):
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(SpeechError, match="empty"):
        transcribe_file(empty, model="tiny.en", cache_dir=model_dir)


@pytest.mark.skipif(not GOLDEN.is_dir(), reason="needs ../shared (golden calls)")
def test_when_checklist_primes_recognition_then_domain_words_come_back(
    stereo_call, stereo_base, model_dir, golden_turns
):
    prompt = checklist_prompt(load_checklist(GOLDEN / "checklist.yaml"))
    primed = transcribe_file(stereo_call, model="base", cache_dir=model_dir, prompt=prompt)
    reference = _text(golden_turns)
    plain_text = " ".join(u.text for u in stereo_base.utterances)
    primed_text = " ".join(u.text for u in primed.utterances)
    assert "towed" in primed_text.lower()
    assert wer(reference, primed_text) < wer(reference, plain_text)


@pytest.fixture(scope="module")
def tiny_two_workers(model_dir):
    return load_recognizer(
        "faster-whisper", "tiny.en", options=DecodeOptions(), cache_dir=model_dir, cpu_threads=1, num_workers=2
    )


@pytest.mark.parametrize("fixture", ["stereo_call", "mono_call"])
def test_when_recording_is_cut_into_short_windows_then_turns_survive_the_seams(
    request, tiny_two_workers, golden_turns, fixture
):
    options = PipelineOptions(window_seconds=10.0, parallel_channels=True)
    t = transcribe_with(tiny_two_workers, request.getfixturevalue(fixture), options)
    assert [u.speaker for u in t.utterances] == [r for r, _ in golden_turns]
    starts = [u.start for u in t.utterances]
    assert starts == sorted(starts)
