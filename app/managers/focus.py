"""Customer focus per agent and queue: how often agents shift responsibility versus take ownership."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from pydantic import BaseModel, Field
from sqlmodel import Session, select

from app.calls.models import Call, CallStatus
from app.core.ids import to_utc
from audit.trim import Rate

SHIFTING = ("blame_shift", "redirect", "half_hearted")
KINDS = (*SHIFTING, "ownership")


class FocusQuote(BaseModel):
    call_id: str
    utterance: int
    kind: str
    text: str


class FocusWeek(BaseModel):
    week: str = Field(description="Monday of the week (ISO date).")
    calls: int
    shifting: int
    ownership: int


class FocusRow(BaseModel):
    agent: str | None
    queue: str | None
    calls: int
    counts: dict[str, int] = Field(description="Utterances per kind.")
    shifting: int
    ownership: int
    shifting_share: Rate = Field(description="Shifting utterances of all shifting and ownership utterances.")
    shifting_per_call: float
    calls_with_shifting: int
    examples: list[FocusQuote]
    trend: list[FocusWeek]


class FocusReport(BaseModel):
    calls: int
    rows: list[FocusRow]


def _week(at: datetime) -> str:
    return (at.date() - timedelta(days=at.weekday())).isoformat()


def customer_focus(
    *,
    session: Session,
    tenant_id: str,
    agent: str | None = None,
    queue: str | None = None,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
) -> FocusReport:
    q = select(Call.id, Call.agent_id, Call.queue, Call.call_at, Call.report["customer_focus"]).where(
        Call.tenant_id == tenant_id, Call.status == CallStatus.done.value
    )
    if agent:
        q = q.where(Call.agent_id == agent)
    if queue:
        q = q.where(Call.queue == queue)
    if date_from:
        q = q.where(Call.call_at >= to_utc(date_from))
    if date_to:
        q = q.where(Call.call_at < to_utc(date_to))
    groups: dict[tuple, dict] = defaultdict(
        lambda: {"calls": 0, "counts": dict.fromkeys(KINDS, 0), "with": 0, "examples": [], "weeks": {}}
    )
    total = 0
    for cid, ag, qu, at, findings in session.exec(q.order_by(Call.call_at)):
        total += 1
        g = groups[(ag, qu)]
        g["calls"] += 1
        week = g["weeks"].setdefault(_week(at), {"calls": 0, "shifting": 0, "ownership": 0})
        week["calls"] += 1
        shifted = False
        for f in findings or []:  # only the report's findings travel from the database
            kind = f.get("kind")
            if kind not in KINDS:
                continue
            g["counts"][kind] += 1
            week["ownership" if kind == "ownership" else "shifting"] += 1
            if kind in SHIFTING:
                shifted = True
                if len(g["examples"]) < 3:
                    g["examples"].append(FocusQuote(call_id=cid, utterance=f["utterance"], kind=kind, text=f["text"]))
        g["with"] += shifted
    rows = []
    for (ag, qu), g in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        shifting = sum(g["counts"][k] for k in SHIFTING)
        own = g["counts"]["ownership"]
        rows.append(
            FocusRow(
                agent=ag,
                queue=qu,
                calls=g["calls"],
                counts=g["counts"],
                shifting=shifting,
                ownership=own,
                shifting_share=Rate.of(shifting, shifting + own),
                shifting_per_call=round(shifting / g["calls"], 3),
                calls_with_shifting=g["with"],
                examples=g["examples"],
                trend=[FocusWeek(week=w, **v) for w, v in sorted(g["weeks"].items())],
            )
        )
    return FocusReport(calls=total, rows=rows)
