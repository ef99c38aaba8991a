"""The trim rules: for one item, from its tallies, decide whether to drop it, make it conditional on the call
reasons it serves, or have the agent confirm instead of ask.

Every rule looks at calls, not asks (an item asked three times in one call is one piece of evidence), and
at the Wilson interval of a rate rather than the rate itself, so few calls never justify a cut. Items marked
`required` are never changed; their waste is reported as a cost instead.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.checklist import Item
from audit.trim.evidence import Example, Observations, Tally
from audit.trim.stats import Rate

Action = Literal["drop", "conditional", "confirm"]


class TrimOptions(BaseModel):
    """Thresholds of the trim rules. Defaults are deliberately cautious: a cut needs strong evidence."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_needed_rate: float = Field(
        default=0.10,
        gt=0,
        lt=1,
        description="Drop an item when the upper 95% bound of its needed rate over the calls asking it is "
        "below this (unless callers usually volunteer it: then it is confirmed instead).",
    )
    min_calls: int = Field(default=30, ge=1, description="Calls asking the item needed for a drop.")
    min_irrelevant_calls: int = Field(
        default=3, ge=1, description="Calls in which the item was irrelevant before it is made conditional."
    )
    min_irrelevant_rate: float = Field(
        default=0.05, ge=0, le=1, description="Share of the calls asking the item where it was irrelevant."
    )
    confirm_min_volunteered: float = Field(
        default=0.5,
        gt=0,
        lt=1,
        description="Switch to `confirm` when the lower 95% bound of the share of calls where the customer "
        "had already given the information is above this.",
    )
    min_confirm_calls: int = Field(default=10, ge=1, description="Calls needed before switching to confirm.")


class ReasonEvidence(BaseModel):
    model_config = ConfigDict(frozen=True)

    reason: str
    calls_asked: int
    needed_calls: Rate = Field(description="Calls needing it, of the calls with this reason asking it.")


class ItemEvidence(BaseModel):
    """The figures a decision rests on."""

    model_config = ConfigDict(frozen=True)

    calls: int = Field(description="Calls audited against the checklist version.")
    calls_asked: int
    times_asked: int
    needed: Rate = Field(description="Needed asks of all asks.")
    redundant: Rate
    irrelevant: Rate
    needed_calls: Rate = Field(description="Calls where an ask was needed, of the calls it applied to.")
    needed_of_asked: Rate = Field(description="Calls needing it, of every call asking it (the drop rule).")
    volunteered_calls: Rate = Field(
        description="Calls where the customer gave it before any ask (asked anyway, or covered without "
        "an ask), of the calls it applied to."
    )
    irrelevant_calls: Rate = Field(description="Calls where it did not apply, of the calls asking it.")
    repeats: int = Field(description="Asks repeating an earlier ask of the same item in the call.")
    covered_calls: int
    missing_calls: int
    waste_seconds: float
    seconds_per_ask: float | None
    by_reason: list[ReasonEvidence] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)


class ItemDecision(BaseModel):
    model_config = ConfigDict(frozen=True)

    item: str
    question: str
    required: bool = False
    actions: list[Action] = Field(default_factory=list, description="Empty: keep the item as it is.")
    costly: bool = Field(default=False, description="A required item with waste: kept, cost reported.")
    applies_to: list[str] | None = Field(default=None, description="The new condition, for `conditional`.")
    why: str
    evidence: ItemEvidence


def _needed(t: Tally) -> Rate:
    return Rate.of(t.calls_needed, t.calls_relevant)


def _evidence(obs: Observations, item: Item, total: Tally, by_reason: dict[str, Tally]) -> ItemEvidence:
    asks = total.asks
    waste = total.seconds_redundant + total.seconds_irrelevant
    seconds = total.seconds_needed + waste
    examples = [e for status in ("needed", "redundant", "irrelevant") for e in obs.examples[item.id][status]]
    return ItemEvidence(
        calls=obs.calls,
        calls_asked=total.calls_asked,
        times_asked=asks,
        needed=Rate.of(total.asks_needed, asks),
        redundant=Rate.of(total.asks_redundant, asks),
        irrelevant=Rate.of(total.asks_irrelevant, asks),
        needed_calls=_needed(total),
        needed_of_asked=Rate.of(total.calls_needed, total.calls_asked),
        volunteered_calls=Rate.of(
            total.calls_volunteered + total.calls_covered, total.calls_relevant + total.calls_covered
        ),
        irrelevant_calls=Rate.of(total.calls_irrelevant, total.calls_asked),
        repeats=total.asks_repeat,
        covered_calls=total.calls_covered,
        missing_calls=total.calls_missing,
        waste_seconds=round(waste, 2),
        seconds_per_ask=round(seconds / total.asks_timed, 2) if total.asks_timed else None,
        by_reason=[
            ReasonEvidence(reason=r, calls_asked=t.calls_asked, needed_calls=_needed(t))
            for r, t in sorted(by_reason.items())
        ],
        examples=examples,
    )


def _volunteered(ev: ItemEvidence, opt: TrimOptions) -> bool:
    vol = ev.volunteered_calls
    return vol.n >= opt.min_confirm_calls and vol.low >= opt.confirm_min_volunteered


def _condition(item: Item, total: Tally, by_reason: dict[str, Tally], opt: TrimOptions) -> tuple[bool, str]:
    """Whether to ask the item only on the calls it serves, and why."""
    if not item.applies_to or item.conditional:
        return False, ""
    off = Rate.of(total.calls_irrelevant, total.calls_asked)
    if total.calls_irrelevant < opt.min_irrelevant_calls or (off.rate or 0) < opt.min_irrelevant_rate:
        return False, ""
    needed_for = [r for r in item.applies_to if by_reason.get(r, Tally()).calls_needed]
    seen = f"; needed on calls about {', '.join(needed_for)}" if needed_for else ""
    return True, f"asked on calls it does not serve: irrelevant in {off.text()} of the calls asking it{seen}"


def decide_item(obs: Observations, item: Item, opt: TrimOptions) -> ItemDecision:
    """Decide one item's fate from the observations.

    Drop: the needed rate over the calls asking it is almost surely under `max_needed_rate`, unless callers
    usually give the information themselves (then the information is used: confirm it rather than drop it).
    Conditional: the item is asked on calls it does not serve. Confirm: callers usually volunteer it.
    """
    total = obs.item_total(item.id)
    by_reason = obs.item_by_reason(item.id)
    ev = _evidence(obs, item, total, by_reason)
    needed_all = ev.needed_of_asked
    rarely = total.calls_asked >= opt.min_calls and needed_all.high < opt.max_needed_rate
    volunteered = _volunteered(ev, opt)
    actions: list[Action] = []
    whys: list[str] = []
    conditional, cond_why = _condition(item, total, by_reason, opt)
    if rarely and not volunteered:
        actions.append("drop")
        whys.append(f"needed in {needed_all.text()} of the calls asking it")
    else:
        if conditional:
            actions.append("conditional")
            whys.append(f"{cond_why}; ask it only on calls about {', '.join(item.applies_to or [])}")
        if volunteered and item.mode == "ask":
            actions.append("confirm")
            rare = f"needed in only {needed_all.text()} of the calls asking it, but " if rarely else ""
            whys.append(
                f"{rare}the customer had already given it in {ev.volunteered_calls.text()} of the "
                "calls it applied to: confirm it rather than ask"
            )
    if item.required and actions:
        return ItemDecision(
            item=item.id,
            question=item.question,
            required=True,
            costly=True,
            evidence=ev,
            why="required item, kept; the evidence would otherwise say: "
            + "; ".join(whys)
            + f"; waste {ev.redundant.k + ev.irrelevant.k} asks, {ev.waste_seconds:g} s",
        )
    if not actions:
        whys.append(
            f"needed in {ev.needed_calls.text()} of the calls it applied to"
            if ev.calls_asked
            else "never asked in these calls; no evidence to change it"
        )
    return ItemDecision(
        item=item.id,
        question=item.question,
        required=item.required,
        actions=actions,
        applies_to=list(item.applies_to or []) if "conditional" in actions else None,
        why="; ".join(whys),
        evidence=ev,
    )
