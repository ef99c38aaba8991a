"""`redirect`: the agent sends the customer elsewhere without helping or handing the call over."""

from __future__ import annotations

from audit.focus.base import FocusDetector


class RedirectDetector(FocusDetector):
    """ "Payments are not my department, please call the billing team."

    A referral made for the customer's safety ("if you smell gas, call the emergency line") and a transfer
    that hands the customer over ("I'll put you through to billing") are help, not redirects: both veto, as
    does the agent saying it will make the contact itself (`agent_acts`: "I'll call the pharmacy now").
    """

    kind = "redirect"
    threshold = 0.46
    margin = -0.05
    boost = 0.3
    vetoes = ("safety", "handover", "agent_acts")
