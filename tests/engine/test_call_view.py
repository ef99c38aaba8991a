"""The call view: what the engine embeds for a call, and how a turn of several sentences is represented."""

from __future__ import annotations

import numpy as np

from audit.languages import get_language
from audit.matching.view import build_call_view, call_texts
from audit.transcript import Transcript, Utterance


def _call() -> Transcript:
    return Transcript(call_id="view", utterances=[
        Utterance(speaker="agent", text="Roadside assistance. Can I get your name?"),
        Utterance(speaker="customer", text="Dana Reyes."),
        Utterance(speaker="customer", text=""),
    ])


def test_when_a_turn_has_several_sentences_then_it_is_not_embedded_again_whole() -> None:
    lang = get_language("en")
    texts, _ = call_texts(_call(), lang)
    assert "Roadside assistance. Can I get your name?" not in texts
    assert {"Roadside assistance.", "Can I get your name?", "Dana Reyes."} <= set(texts)


def test_when_a_call_view_is_built_then_a_turn_is_the_mean_of_its_sentences() -> None:
    lang = get_language("en")
    view = build_call_view(_call(), lang)
    sentences = lang.encoder().encode(["Roadside assistance.", "Can I get your name?"])
    mean = sentences.mean(axis=0)
    assert np.allclose(view.utterance_vecs[0], mean / np.linalg.norm(mean), atol=1e-5)
    assert np.allclose(view.utterance_vecs[1], lang.encoder().encode(["Dana Reyes."])[0], atol=1e-5)
    # a turn with no sentence is encoded whole, as before (an empty one has no direction)
    assert np.allclose(view.utterance_vecs[2], lang.encoder().encode([""])[0], atol=1e-5)
