"""`blame_shift`: the agent blames a third party or the customer; explaining a cause is not blaming."""

from __future__ import annotations

import pytest

BLAMES = [
    "The payment failed on the wallet provider's side, so it is not our fault.",
    "Honestly, the courier lost it, that's their mistake, not ours.",
    "You must have typed the wrong card number when you signed up, that's why it was declined.",
    "The warehouse messed up the order, we're not responsible for what they do.",
    "That's the landlord's responsibility, not ours, he never reported the leak.",
    "Well, you should have called us before the due date, so the late fee is on you.",
    "There was a crash on the bridge that day. That's really the traffic, that's not on us.",
    "There might be a charge for the last week. That's the director's policy though, not mine.",
    "That error usually comes from the tablet's settings, not from our system.",
    "Honestly, with ceramics it usually comes down to how the sender packed it. If there wasn't enough padding, "
    "that's not really on us.",
]

NEAR_MISSES = [
    "The refund was issued on the 3rd and should show in three to five days.",
    "Your technician is booked for 9 tomorrow morning.",
    "There was a system outage this morning, it's fixed now.",
    "So the reason it's taking longer is the part is on back order.",
    "I'm sorry to hear that, that sounds really frustrating.",
    "The plumber will call you about thirty minutes before he arrives.",
    "And what's the scooter number? It's on the neck, under the handlebars.",
    "Got it. And the VIN, it's on the registration card or on the dash by the windshield.",
]


@pytest.mark.parametrize("text", BLAMES)
def test_when_agent_blames_a_third_party_or_the_customer_then_blame_shift(kinds_of, text):
    assert "blame_shift" in kinds_of(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_when_agent_explains_a_cause_or_gives_status_then_no_blame_shift(kinds_of, text):
    assert "blame_shift" not in kinds_of(text)
