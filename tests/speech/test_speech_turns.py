"""Merging two speakers' recognised segments into turns in spoken order."""

from __future__ import annotations

from audit.speech.asr import Segment, Word
from audit.speech.turns import build_turns


def seg(*words: tuple[str, float, float]) -> Segment:
    ws = tuple(Word(s, e, " " + t, 0.9) for t, s, e in words)
    return Segment(ws[0].start, ws[-1].end, "".join(w.text for w in ws).strip(), ws)


def test_when_a_segment_spans_the_other_speakers_turn_then_it_is_split_there():
    # VAD glued the customer's two answers into one segment across the agent's question
    customer = [seg(("Yes.", 1.0, 1.4), ("In", 4.0, 4.2), ("my", 4.2, 4.4), ("garage.", 4.4, 5.0))]
    agent = [
        seg(("Where", 0.0, 0.3), ("now?", 0.3, 0.8)),
        seg(("Where", 2.0, 2.4), ("is", 2.4, 2.6), ("it?", 2.6, 3.5)),
    ]
    turns = build_turns([("agent", agent), ("customer", customer)])
    assert [(t.speaker, t.text) for t in turns] == [
        ("agent", "Where now?"),
        ("customer", "Yes."),
        ("agent", "Where is it?"),
        ("customer", "In my garage."),
    ]
    starts = [t.start for t in turns]
    assert starts == sorted(starts)


def test_when_word_edges_overlap_without_interruption_then_turns_stay_whole():
    # Whisper stretched the agent's last word past the customer's first word start
    agent = [seg(("There", 6.0, 6.5), ("is", 6.5, 6.8), ("none.", 6.8, 8.7))]
    customer = [seg(("Yes", 8.3, 9.3), ("there", 9.3, 9.6), ("is.", 9.6, 10.0))]
    turns = build_turns([("agent", agent), ("customer", customer)])
    assert [(t.speaker, t.text) for t in turns] == [
        ("agent", "There is none."),
        ("customer", "Yes there is."),
    ]


def test_when_one_speaker_pauses_long_then_a_new_turn_starts():
    agent = [seg(("Hello.", 0.0, 0.5)), seg(("Still", 5.0, 5.4), ("there?", 5.4, 6.0))]
    turns = build_turns([("agent", agent), ("customer", [])], max_pause=2.0)
    assert [t.text for t in turns] == ["Hello.", "Still there?"]
    assert len(build_turns([("agent", agent), ("customer", [])], max_pause=10.0)) == 1
