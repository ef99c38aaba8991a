"""`ownership`: a first-person commitment to a concrete next step; routine lines and hand-overs are not."""

from __future__ import annotations

import pytest

OWNERSHIP = [
    "I'll file the dispute myself and call you back on Friday.",
    "Actually, let me take care of it for you right now.",
    "I'll chase the carrier personally and let you know by Thursday.",
    "Okay, so what I'm going to do is put the dispute in myself today, and I'll call you Thursday.",
    "Don't worry about calling them, I'll contact the insurer on your behalf today.",
    "Leave that with me, I'll waive the fee and send you the corrected bill today.",
    # in person, among routine-sounding words
    "I'll put the prorated refund through myself today, it'll be back on your card in five to seven days.",
    "The lock isn't responding, that's on our side. I'm putting a note on your account myself so you're not billed.",
]

NEAR_MISSES = [
    "A technician is booked for 9 tomorrow.",
    "Let me just check that for you.",
    "Give me a second to pull up your file.",
    "I'm transferring you to our secure payment line now, it'll ask for the card number.",
    "The adjuster will call you tomorrow to set up the inspection.",
    "Is there anything else I can do for you today?",
]


@pytest.mark.parametrize("text", OWNERSHIP)
def test_when_agent_commits_to_a_concrete_next_step_then_ownership(kinds_of, text):
    assert "ownership" in kinds_of(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_when_agent_gives_a_routine_line_or_hands_over_then_no_ownership(kinds_of, text):
    assert "ownership" not in kinds_of(text)
