"""The readable text form of a report, for a QA lead reading one call in a terminal or an e-mail.

Everything shown comes from the report itself (the checklist, when given, only adds each unasked item's
question text), so the text and the JSON never disagree.
"""

from __future__ import annotations

import textwrap

from audit.checklist import Checklist
from audit.report import Report

_WIDTH = 100
_STATUS = {"needed": "NEEDED", "redundant": "REDUNDANT", "irrelevant": "IRRELEVANT"}
_ITEM_ORDER = ("missing", "covered", "not_applicable")
_FOCUS = {
    "blame_shift": "blame shift",
    "redirect": "redirect",
    "half_hearted": "half-hearted",
    "ownership": "ownership",
}


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, width=_WIDTH, initial_indent=indent, subsequent_indent=indent)


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[: limit - 1] + "…"}"'


def _header(report: Report) -> list[str]:
    checklist = f"{report.checklist.id} v{report.checklist.version}" if report.checklist else "none"
    lines = [f"Call {report.call_id}", f"  checklist: {checklist}   language: {report.language}"]
    if report.reason_scores:
        detected = [r for r in report.reason_scores if r.id in report.reasons]
        reasons = ", ".join(f"{r.id} ({r.confidence:.2f})" for r in detected)
    else:
        reasons = ", ".join(report.reasons)
    lines.append(f"  reasons: {reasons or 'none detected'}")
    return lines


def _questions(report: Report) -> list[str]:
    s = report.summary
    lines = [
        f"Questions asked: {s.questions_asked} ({s.needed} needed, {s.redundant} redundant, "
        f"{s.irrelevant} irrelevant)"
    ]
    if not report.questions:
        return [*lines, "  (no checklist question was asked)"]
    for q in report.questions:
        seconds = f"  {q.seconds:.1f} s" if q.seconds is not None else ""
        head = f"  utt {q.utterance:>3}  {q.item:<22} {_STATUS[q.status]:<10}"
        lines.append(f"{head} ({q.confidence:.2f}){seconds}")
        if q.text:
            lines += _wrap(_quote(q.text), "      ")
        lines += _wrap(f"why: {' '.join(q.why.split())}", "      ")
        for ev in q.evidence:
            lines += _wrap(f"evidence utt {ev.utterance}: {_quote(ev.text)}", "      ")
    return lines


def _items(report: Report, checklist: Checklist | None) -> list[str]:
    unasked = [i for i in report.items if i.status != "asked"]
    if not report.items:
        return []
    lines = [f"Items not asked: {len(unasked)} of {len(report.items)}"]
    if not unasked:
        return [*lines, "  (every item was asked)"]
    questions = {it.id: it.question for it in checklist.items} if checklist else {}
    for status in _ITEM_ORDER:
        for it in (i for i in unasked if i.status == status):
            label = status.replace("_", " ")
            lines.append(f"  {label:<15} {it.item:<22} {questions.get(it.item, '')}".rstrip())
            for ev in it.evidence:
                lines += _wrap(f"given at utt {ev.utterance}: {_quote(ev.text)}", "      ")
    return lines


def _focus(report: Report) -> list[str]:
    if not report.customer_focus:
        return ["Customer focus: nothing flagged"]
    lines = ["Customer focus:"]
    for f in report.customer_focus:
        lines += _wrap(f"utt {f.utterance:>3}  {_FOCUS[f.kind]:<13} {_quote(f.text)}", "  ")
    return lines


def _summary(report: Report) -> list[str]:
    s = report.summary
    return [
        "Summary:",
        f"  {s.questions_asked} questions asked, {s.waste_count} wasted "
        f"({s.waste_seconds:.1f} s of agent time), {s.customer_repeats} made the customer repeat, "
        f"{s.items_missing} items missing",
    ]


def render_text(report: Report, *, checklist: Checklist | None = None) -> str:
    """The report as plain text: header and reasons, each question with status, why and evidence, the items
    not asked, customer focus, and the summary."""
    sections = [
        _header(report),
        _questions(report),
        _items(report, checklist),
        _focus(report),
        _summary(report),
    ]
    return "\n\n".join("\n".join(s) for s in sections if s) + "\n"
