"""What the audited calls say about each checklist item, tallied so that any number of calls fits in memory.

Counts are kept per (item, set of call reasons): the reason set is what a conditional item is decided on,
and there are few distinct sets, so 100,000 calls reduce to a few hundred tallies. The service fills the
same tallies from SQL rows; the CLI fills them from report files.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, fields

from pydantic import BaseModel, ConfigDict, Field

from audit.checklist import Checklist
from audit.report import Evidence, Report

EXAMPLES_PER_STATUS = 3


@dataclass
class Tally:
    """Counts for one item over calls sharing one reason set. Calls are counted once per item."""

    calls_asked: int = 0  # calls in which the item was asked at least once
    calls_needed: int = 0  # ... and at least one ask was needed
    calls_volunteered: int = 0  # ... no ask needed, the first relevant ask was redundant
    calls_irrelevant: int = 0  # ... every ask was irrelevant
    calls_covered: int = 0  # not asked; the customer gave the information anyway
    calls_missing: int = 0  # not asked, not given, applies
    asks_needed: int = 0
    asks_redundant: int = 0
    asks_irrelevant: int = 0
    asks_repeat: int = 0  # redundant asks after an earlier ask of the same item in the call
    seconds_needed: float = 0.0
    seconds_redundant: float = 0.0
    seconds_irrelevant: float = 0.0
    asks_timed: int = 0  # asks with a duration from timestamps

    def merge(self, other: Tally) -> None:
        mine, theirs = self.__dict__, other.__dict__
        for name in _TALLY_FIELDS:
            mine[name] += theirs[name]

    @property
    def asks(self) -> int:
        return self.asks_needed + self.asks_redundant + self.asks_irrelevant

    @property
    def calls_relevant(self) -> int:
        """Calls with at least one ask the call's reasons justify."""
        return self.calls_asked - self.calls_irrelevant


_TALLY_FIELDS = tuple(f.name for f in fields(Tally))


class Example(BaseModel):
    """A quoted ask that illustrates an item's verdicts."""

    model_config = ConfigDict(frozen=True)

    call_id: str
    utterance: int
    status: str
    text: str = Field(description="The agent's words asking the item.")
    why: str = ""
    evidence: list[Evidence] = Field(default_factory=list)


ReasonSet = frozenset[str]


class Observations:
    """Tallies for every item of one checklist version, plus call-level totals and examples."""

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist
        self._ids = {it.id for it in checklist.items}
        self.tallies: dict[tuple[str, ReasonSet], Tally] = defaultdict(Tally)
        self.calls_by_reasons: Counter[ReasonSet] = Counter()
        self.examples: dict[str, dict[str, list[Example]]] = defaultdict(lambda: defaultdict(list))
        self.questions = 0  # every checklist question asked, all items
        self.questions_seconds = 0.0
        self.questions_timed = 0
        self.customer_repeats = 0
        self.unknown_items: Counter[str] = Counter()

    @property
    def calls(self) -> int:
        return sum(self.calls_by_reasons.values())

    def add_call(self, reasons: ReasonSet) -> None:
        """Count one call (the service calls this once per call when it fills tallies from SQL)."""
        self.calls_by_reasons[reasons] += 1

    def add_tally(self, item: str, reasons: ReasonSet, tally: Tally) -> None:
        self.tallies[(item, reasons)].merge(tally)

    def add_example(self, item: str, example: Example) -> None:
        bucket = self.examples[item][example.status]
        if len(bucket) < EXAMPLES_PER_STATUS:
            bucket.append(example)

    def add_report(self, report: Report) -> None:
        """Tally one audited call against this checklist."""
        reasons: ReasonSet = frozenset(report.reasons)
        self.add_call(reasons)
        by_item: dict[str, list] = defaultdict(list)
        for q in report.questions:
            if q.item not in self._ids:
                self.unknown_items[q.item] += 1
                continue
            by_item[q.item].append(q)
        states = {s.item: s.status for s in report.items}
        for item in self._ids:
            t = self.tallies[(item, reasons)]
            asks = sorted(by_item.get(item, []), key=lambda q: q.utterance)
            if not asks:
                state = states.get(item)
                t.calls_covered += state == "covered"
                t.calls_missing += state == "missing"
                continue
            self._tally_asks(t, asks)
            for q in asks:
                self.add_example(
                    item,
                    Example(
                        call_id=report.call_id,
                        utterance=q.utterance,
                        status=q.status,
                        text=q.text,
                        why=q.why,
                        evidence=list(q.evidence),
                    ),
                )

    def _tally_asks(self, t: Tally, asks: list) -> None:
        t.calls_asked += 1
        statuses = [q.status for q in asks]
        relevant = [s for s in statuses if s != "irrelevant"]
        if "needed" in statuses:
            t.calls_needed += 1
        elif not relevant:
            t.calls_irrelevant += 1
        elif relevant[0] == "redundant":
            t.calls_volunteered += 1
        seen_ask = False
        for q in asks:
            setattr(t, f"asks_{q.status}", getattr(t, f"asks_{q.status}") + 1)
            if q.status == "redundant" and seen_ask:
                t.asks_repeat += 1
            seen_ask = True
            self.questions += 1
            self.customer_repeats += q.status == "redundant"
            if q.seconds is not None:
                t.asks_timed += 1
                self.questions_timed += 1
                self.questions_seconds += q.seconds
                setattr(t, f"seconds_{q.status}", getattr(t, f"seconds_{q.status}") + q.seconds)

    def item_total(self, item: str, reasons: set[str] | None = None) -> Tally:
        """The item's tally over all calls, or over the calls having any of `reasons`."""
        out = Tally()
        for (it, rs), t in self.tallies.items():
            if it == item and (reasons is None or rs & reasons):
                out.merge(t)
        return out

    def item_by_reason(self, item: str) -> dict[str, Tally]:
        """The item's tally per single reason (a call with two reasons counts for both)."""
        out: dict[str, Tally] = defaultdict(Tally)
        for (it, rs), t in self.tallies.items():
            if it == item:
                for r in rs:
                    out[r].merge(t)
        return dict(out)
