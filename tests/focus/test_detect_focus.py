"""`detect_focus` on whole calls: the golden call, several kinds per utterance, who and what is looked at,
reuse of the engine's sentence vectors, languages without patterns, and the detector registry."""

from __future__ import annotations

import json

import numpy as np
import pytest

from audit.focus import FocusAnalyzer, detect_focus
from audit.focus import registry as focus_registry
from audit.languages.en import English
from audit.transcript import Transcript, Utterance
from tests.focus.conftest import SHARED, agent_call

GOLDEN = SHARED / "golden" / "ownership"


class CountingEncoder:
    """The real encoder, counting the texts it is asked to encode."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.texts: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.texts += texts
        return self.inner.encode(texts)


class CountingEnglish(English):
    def __init__(self, encoder) -> None:
        super().__init__()
        self._counting = CountingEncoder(encoder)

    def encoder(self) -> CountingEncoder:
        return self._counting

    def fast_encoder(self) -> CountingEncoder:  # customer focus reads sentences through the fast encoder
        return self._counting


class EnglishWithoutPatterns(English):
    def focus_patterns(self) -> dict[str, list[str]]:
        return {}


@pytest.mark.skipif(not GOLDEN.exists(), reason="shared golden cases not present")
def test_when_golden_ownership_call_is_audited_then_exactly_the_expected_findings(english):
    call = Transcript.model_validate_json((GOLDEN / "call.json").read_text(encoding="utf-8"))
    expected = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))
    want = {(f["utterance"], kind) for f in expected["customer_focus"] for kind in f["kind"]}
    got = {(f.utterance, f.kind) for f in detect_focus(call, english)}
    assert got == want


def test_when_one_utterance_blames_and_sends_away_then_both_kinds(kinds_of):
    text = (
        "The courier lost your package, that's their problem. You'll have to file a claim with them directly."
    )
    assert kinds_of(text) == {"blame_shift", "redirect"}


def test_when_customer_says_it_then_nothing_is_flagged(english):
    call = Transcript(
        call_id="c",
        utterances=[
            Utterance(speaker="customer", text="It's not your fault, I'll call the bank myself tomorrow."),
            Utterance(speaker="agent", text="Okay, thank you for letting me know."),
        ],
    )
    assert detect_focus(call, english) == []


def test_when_agent_asks_a_question_then_it_is_not_a_finding(kinds_of):
    assert kinds_of("Could you check the tracking page on the website for me?") == set()


def test_when_findings_are_reported_then_in_utterance_order_quoting_the_sentence(english):
    call = agent_call(
        "Okay, I'll file the claim myself and call you back on Friday.", "You can change it in the app."
    )
    findings = detect_focus(call, english)
    assert [(f.utterance, f.kind) for f in findings] == [(1, "ownership"), (3, "half_hearted")]
    assert findings[1].text == "You can change it in the app."
    assert all(0.0 <= f.confidence <= 1.0 for f in findings)


def test_when_call_has_no_agent_turns_then_no_findings(english):
    call = Transcript(
        call_id="c", utterances=[Utterance(speaker="customer", text="You'll have to call them.")]
    )
    assert detect_focus(call, english) == []


def test_when_vectors_are_given_then_no_sentence_is_encoded_and_findings_match(english):
    call = agent_call(
        "The bank froze it, not us, so you'll have to phone the bank and sort it out.",
        "Let me deal with that for you now, I'll ring you back at three.",
    )
    plain = FocusAnalyzer(english).detect(call)
    counting = CountingEnglish(english.fast_encoder())
    analyzer = FocusAnalyzer(counting)
    analyzer.bank  # noqa: B018  (encodes the cue sentences before counting starts)
    counting.encoder().texts.clear()
    sentences = [s for _, s in analyzer.agent_sentences(call)]
    vectors = dict(zip(sentences, english.fast_encoder().encode(sentences), strict=True))
    assert analyzer.detect(call, sentence_vectors=vectors) == plain
    assert counting.encoder().texts == []
    assert analyzer.detect(call) == plain
    assert sorted(counting.encoder().texts) == sorted(sentences)


def test_when_calls_are_batched_then_findings_equal_one_call_at_a_time(analyzer):
    calls = [
        agent_call("You can cancel the plan on the website any time."),
        agent_call("Your parcel is at the depot."),
    ]
    assert analyzer.detect_many(calls) == [analyzer.detect(c) for c in calls]


def test_when_language_has_no_patterns_then_meaning_alone_still_finds_ownership():
    call = agent_call("I'll file the dispute myself and call you back on Friday.")
    assert [f.kind for f in FocusAnalyzer(EnglishWithoutPatterns()).detect(call)] == ["ownership"]


def test_when_registry_names_a_detector_under_another_kind_then_building_fails(monkeypatch):
    detectors = dict(focus_registry.DETECTORS)
    detectors["redirect"] = detectors["half_hearted"]
    monkeypatch.setattr(focus_registry, "DETECTORS", detectors)
    with pytest.raises(ValueError, match="registered as 'redirect'"):
        focus_registry.default_detectors()


def test_when_registry_is_read_then_it_covers_every_report_kind():
    from typing import get_args

    from audit.report import FocusKind

    assert set(focus_registry.DETECTORS) == set(get_args(FocusKind))
