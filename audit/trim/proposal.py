"""A trim proposal: the next version of a checklist, each change with its evidence, and what it would have
saved on the calls it was built from.

The proposed checklist is an ordinary `Checklist` (version + 1, changelog appended), so the engine audits
later calls against it like any other version.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from audit.checklist import Change, Checklist, Item
from audit.report import ChecklistRef
from audit.trim.diff import render_diff
from audit.trim.evidence import Observations, Tally
from audit.trim.rules import ItemDecision, TrimOptions, decide_item


class Savings(BaseModel):
    """What the proposed version would have saved on the calls it was built from."""

    model_config = ConfigDict(frozen=True)

    calls: int
    questions_per_call: float = Field(description="Checklist questions asked per call now.")
    questions_removed_per_call: float
    confirmations_per_call: float = Field(description="Asks that become confirmations of what was said.")
    agent_seconds_per_call: float | None = Field(
        description="Agent seconds of the removed asks per call; null when no ask had timestamps."
    )
    customer_repeats_avoided: int = Field(description="Redundant asks removed or turned into confirmations.")
    customer_repeats_avoided_per_call: float
    needed_asks_cut: int = Field(description="Asks judged needed that the new version would not make.")
    needed_asks_cut_share: float | None = Field(description="... as a share of all needed asks.")


class Proposal(BaseModel):
    model_config = ConfigDict(frozen=True)

    checklist: ChecklistRef = Field(description="The version the evidence comes from.")
    version: int = Field(description="The proposed version.")
    created_at: str
    options: TrimOptions
    calls: int
    changed: bool
    decisions: list[ItemDecision]
    savings: Savings
    checklist_yaml: str
    diff: str


def _removed(dec: ItemDecision, reasons: frozenset[str]) -> bool:
    if "drop" in dec.actions:
        return True
    return "conditional" in dec.actions and not reasons & set(dec.applies_to or [])


def savings(obs: Observations, decisions: list[ItemDecision]) -> Savings:
    """Replay the decisions over the tallies: which asks would not have been made."""
    by_item = {d.item: d for d in decisions}
    removed, confirmed, cut = Tally(), 0, 0
    needed_total = 0
    for (item, reasons), t in obs.tallies.items():
        needed_total += t.asks_needed
        dec = by_item.get(item)
        if dec is None:
            continue
        if _removed(dec, reasons):
            removed.merge(t)
            cut += t.asks_needed
        elif "confirm" in dec.actions:
            confirmed += t.asks_redundant - t.asks_repeat
    calls = max(obs.calls, 1)
    repeats = removed.asks_redundant + confirmed
    timed = removed.seconds_needed + removed.seconds_redundant + removed.seconds_irrelevant
    return Savings(
        calls=obs.calls,
        questions_per_call=round(obs.questions / calls, 3),
        questions_removed_per_call=round(removed.asks / calls, 3),
        confirmations_per_call=round(confirmed / calls, 3),
        agent_seconds_per_call=round(timed / calls, 2) if obs.questions_timed else None,
        customer_repeats_avoided=repeats,
        customer_repeats_avoided_per_call=round(repeats / calls, 3),
        needed_asks_cut=cut,
        needed_asks_cut_share=round(cut / needed_total, 4) if needed_total else None,
    )


def _changelog_detail(dec: ItemDecision) -> str:
    e = dec.evidence
    return f"{dec.why} ({e.calls_asked} calls asking it, {e.times_asked} asks)"


def apply_decisions(checklist: Checklist, decisions: list[ItemDecision], *, note: str = "") -> Checklist:
    """The next version of the checklist with the decisions applied and recorded in its changelog."""
    version = checklist.version + 1
    by_item = {d.item: d for d in decisions}
    items: list[Item] = []
    log = list(checklist.changelog)
    for it in checklist.items:
        dec = by_item.get(it.id)
        if dec is None or not dec.actions:
            items.append(it)
            continue
        for action in dec.actions:
            log.append(Change(version=version, item=it.id, action=action, detail=_changelog_detail(dec)))
        if "drop" in dec.actions:
            continue
        update: dict = {}
        if "conditional" in dec.actions:
            update.update(conditional=True, applies_to=list(dec.applies_to or []))
        if "confirm" in dec.actions:
            update["mode"] = "confirm"
        items.append(it.model_copy(update=update))
    if not any(d.actions for d in decisions):
        log.append(Change(version=version, action="review", detail=note or "reviewed: no change proposed"))
    data = checklist.model_dump()
    data.update(version=version, items=[i.model_dump() for i in items])
    data["changelog"] = [c.model_dump() for c in log]
    return Checklist.model_validate(data)


def propose(obs: Observations, options: TrimOptions | None = None) -> Proposal:
    """Build the proposal for the checklist the observations were tallied against."""
    opt = options or TrimOptions()
    checklist = obs.checklist
    decisions = [decide_item(obs, it, opt) for it in checklist.items]
    note = f"reviewed on {obs.calls} calls: no change proposed"
    new = apply_decisions(checklist, decisions, note=note)
    return Proposal(
        checklist=ChecklistRef(id=checklist.id, version=checklist.version),
        version=new.version,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        options=opt,
        calls=obs.calls,
        changed=any(d.actions for d in decisions),
        decisions=decisions,
        savings=savings(obs, decisions),
        checklist_yaml=new.to_yaml(),
        diff=render_diff(checklist, new),
    )
