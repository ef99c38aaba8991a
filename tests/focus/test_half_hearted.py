"""`half_hearted`: the agent leaves to the customer what the agent could do; helpful facts are not that."""

from __future__ import annotations

import pytest

HALF_HEARTED = [
    "You can change it in your account settings.",
    "You can reset the password yourself from the login page.",
    "You can cancel the plan on the website any time.",
    "Just keep checking the tracking page, it'll update eventually.",
    "Maybe try unplugging the box and see if it comes back.",
    "I'd suggest you check the FAQ section on the site, it should answer that.",
]

NEAR_MISSES = [
    "You can pick up the prescription any time after 3 today.",
    "You can take it with or without food, either is fine.",
    "You'll get a text from the driver with a two-hour window.",
    "The keypad code can be changed from the panel, but I can also reset it for you from here right now.",
    "Okay, I've updated the email on your account.",
    "Your plan includes unlimited calls and ten gigabytes of data.",
]


@pytest.mark.parametrize("text", HALF_HEARTED)
def test_when_agent_leaves_a_doable_task_to_the_customer_then_half_hearted(kinds_of, text):
    assert "half_hearted" in kinds_of(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_when_agent_gives_helpful_facts_or_acts_itself_then_no_half_hearted(kinds_of, text):
    assert "half_hearted" not in kinds_of(text)
