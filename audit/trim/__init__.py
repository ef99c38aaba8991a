"""Trim proposals: from the audited calls of one checklist version, a shorter next version with evidence."""

from audit.trim.diff import ItemChange, diff_checklists, render_diff
from audit.trim.evidence import Example, Observations, Tally
from audit.trim.proposal import Proposal, Savings, apply_decisions, propose
from audit.trim.reports_dir import ReadStats, ReportsError, iter_reports
from audit.trim.rules import ItemDecision, ItemEvidence, TrimOptions, decide_item
from audit.trim.stats import Rate, wilson

__all__ = [
    "Example",
    "ItemChange",
    "ItemDecision",
    "ItemEvidence",
    "Observations",
    "Proposal",
    "Rate",
    "ReadStats",
    "ReportsError",
    "Savings",
    "Tally",
    "TrimOptions",
    "apply_decisions",
    "decide_item",
    "diff_checklists",
    "iter_reports",
    "propose",
    "render_diff",
    "wilson",
]
