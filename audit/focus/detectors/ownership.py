"""`ownership`: the agent commits in the first person to a concrete next step for the customer."""

from __future__ import annotations

from audit.focus.base import FocusDetector


class OwnershipDetector(FocusDetector):
    """ "I'll file the dispute myself and call you back Friday."

    Both a first-person subject and a concrete step or time must be there: "let me check" is routine,
    "a technician is booked for 9" is a status line, neither is ownership; "I'll put you through to billing"
    hands the customer over, which is not taking the task on (`handover` vetoes).
    """

    kind = "ownership"
    threshold = 0.16
    margin = -0.04
    boost = 0.25
    requires = ("first_person", "concrete")
    vetoes = ("handover",)
    outweigh_neutral = ("in_person",)
