"""`blame_shift`: the agent puts the cause of the customer's problem on a third party or on the customer."""

from __future__ import annotations

from audit.focus.base import FocusDetector


class BlameShiftDetector(FocusDetector):
    """ "It failed on the provider's side, so it is not our fault." / "You must have typed it wrong." """

    kind = "blame_shift"
    threshold = 0.32
    margin = -0.05
    boost = 0.2
    # the agent disowns the cause outright ("that's not really on us", "the director's policy, not mine"):
    # blame, however routine the explanation around it reads
    outweigh_neutral = ("disclaims",)
