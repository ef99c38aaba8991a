"""`half_hearted`: the agent leaves to the customer what the agent could do on the call."""

from __future__ import annotations

from audit.focus.base import FocusDetector


class HalfHeartedDetector(FocusDetector):
    """ "You can change it in your account settings."

    When the agent says it will make the change itself ("I can update it for you now"), nothing is left to
    the customer: `agent_acts` vetoes.
    """

    kind = "half_hearted"
    threshold = 0.58
    margin = 0.12
    boost = 0.3
    vetoes = ("agent_acts",)
