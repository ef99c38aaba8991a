"""`redirect`: the agent sends the customer elsewhere without helping or handing over.

Near misses follow the bench conventions: a safety referral inside a helpful answer, a transfer to an
automated payment line (a hand-over) and the agent making the contact itself are not redirects.
"""

from __future__ import annotations

import pytest

REDIRECTS = [
    "Payments are not my department. Please call the billing team, their number is on the website.",
    "For warranty questions you'll need to contact the manufacturer directly.",
    "That's a matter for the city council, please contact them.",
    "Yeah, I can't do refunds here, you'll need to call back and ask for the accounts team.",
    "That's with the Department of Education now, so you need to call them.",
    "You'd have to ask your dentist's office for the X-rays, we don't keep those.",
    "She hasn't signed the privacy release for you, so I can't share it. She'd have to call us herself.",
    "If she wants to keep him insured in her name, she'll have to call us herself, I can't set that up from your "
    "account.",
    # "I can only do scheduling" limits what the agent does; it is no step the agent takes
    "Oh, for returns you'd actually have to call our returns department, I can only do scheduling here.",
]

NEAR_MISSES = [
    "If you smell gas at any point, get everyone out and call the gas emergency number.",
    "I've dispatched the tow truck. If anyone is hurt, call an ambulance right away.",
    "I'll transfer you to our automated payment line so you can pay securely by card.",
    "Let me put you through to the claims team, I've passed them your details.",
    "I'm going to call the pharmacy myself right now and get the refill moved.",
    "If it happens again, just call us back and reference this ticket number.",
]


@pytest.mark.parametrize("text", REDIRECTS)
def test_when_agent_sends_the_customer_elsewhere_then_redirect(kinds_of, text):
    assert "redirect" in kinds_of(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_when_agent_refers_for_safety_hands_over_or_calls_itself_then_no_redirect(kinds_of, text):
    assert "redirect" not in kinds_of(text)
