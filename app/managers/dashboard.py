"""The waste dashboard's data, computed in SQL from the per-day rollup `verdict_days` (kept equal to the
per-question rows, which carry QA overrides) or, for filters the rollup cannot answer, from the rows.

Per item: needed / redundant / irrelevant counts and waste seconds; per week: the same by status; per
reason and item: waste counts for the heatmap; and the calls behind any bar, for drill-down.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from pydantic import BaseModel, Field
from sqlalchemy import case, func
from sqlmodel import Session, select

from app.calls.models import Call, CallItem, CallQuestion, CallReason, CallStatus
from app.core.ids import to_utc
from app.managers import dashboard_rollup

STATUSES = ("needed", "redundant", "irrelevant")


@dataclass(frozen=True)
class DashboardFilters:
    checklist: str
    version: int
    date_from: datetime | None = None
    date_to: datetime | None = None
    agent: str | None = None
    queue: str | None = None
    reason: str | None = None


class ItemRow(BaseModel):
    item: str
    asked: int
    needed: int
    redundant: int
    irrelevant: int
    waste_rate: float | None
    waste_seconds: float
    missing: int


class WeekRow(BaseModel):
    week: str
    needed: int
    redundant: int
    irrelevant: int


class Dashboard(BaseModel):
    checklist: str
    version: int
    calls: int
    questions: int
    waste: int
    waste_seconds: float
    items: list[ItemRow]
    weeks: list[WeekRow]
    reasons: list[str]
    heatmap: dict[str, dict[str, int]] = Field(description="reason -> item -> waste questions")


def _where(model, tenant_id: str, f: DashboardFilters) -> list:  # noqa: ANN001 - a table class
    cond = [
        model.tenant_id == tenant_id,
        model.checklist_id == f.checklist,
        model.checklist_version == f.version,
    ]
    if f.date_from:
        cond.append(model.call_at >= to_utc(f.date_from))
    if f.date_to:
        cond.append(model.call_at < to_utc(f.date_to))
    if f.agent:
        cond.append(model.agent_id == f.agent)
    if f.queue:
        cond.append(model.queue == f.queue)
    if f.reason:
        with_reason = select(CallReason.call_id).where(CallReason.tenant_id == tenant_id, CallReason.reason == f.reason)
        cond.append((model.id if model is Call else model.call_id).in_(with_reason))
    return cond


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weeks(session: Session, tenant_id: str, f: DashboardFilters) -> list[WeekRow]:
    """Status counts per week, one index range scan per week (no sort of every row)."""
    q = CallQuestion
    where = _where(q, tenant_id, f)
    lo, hi = session.exec(select(func.min(q.call_at), func.max(q.call_at)).where(*where)).one()
    if lo is None:
        return []
    counts = [func.coalesce(func.sum(case((q.status == s, 1), else_=0)), 0) for s in STATUSES]
    out = []
    week = _monday(lo.date())
    while week <= hi.date():
        start = datetime(week.year, week.month, week.day, tzinfo=UTC)
        n = session.exec(select(*counts).where(*where, q.call_at >= start, q.call_at < start + timedelta(days=7))).one()
        out.append(WeekRow(week=week.isoformat(), **{s: int(v or 0) for s, v in zip(STATUSES, n, strict=True)}))
        week += timedelta(days=7)
    return out


def _per_item_from_rows(
    session: Session, tenant_id: str, f: DashboardFilters
) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """(item -> status counts and waste seconds, item -> calls missing it) from every verdict row."""
    q = CallQuestion
    per: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for item, status, n, secs in session.exec(
        select(q.item, q.status, func.count(), func.coalesce(func.sum(q.seconds), 0.0))
        .where(*_where(q, tenant_id, f))
        .group_by(q.item, q.status)
    ):
        per[item][status] += n
        if status != "needed":
            per[item]["seconds"] += secs or 0.0
    missing = dict(
        session.exec(
            select(CallItem.item, func.count())
            .where(*_where(CallItem, tenant_id, f), CallItem.state == "missing")
            .group_by(CallItem.item)
        ).all()
    )
    return per, missing


def _heatmap_from_rows(session: Session, tenant_id: str, f: DashboardFilters) -> dict[str, dict[str, int]]:
    q = CallQuestion
    heat: dict[str, dict[str, int]] = defaultdict(dict)
    for reason, item, n in session.exec(
        select(CallReason.reason, q.item, func.count())
        .join(CallReason, CallReason.call_id == q.call_id)
        .where(*_where(q, tenant_id, f), q.status.in_(("redundant", "irrelevant")))
        .group_by(CallReason.reason, q.item)
    ):
        heat[reason][item] = int(n or 0)
    return heat


def dashboard(*, session: Session, tenant_id: str, f: DashboardFilters, use_rollup: bool = True) -> Dashboard:
    """Calls from `calls`; items, weeks, missing and heatmap from the per-day rollup where it answers the
    filters (`dashboard_rollup.answers`), else from the verdict rows (`use_rollup=False` forces the rows:
    the tests compare both)."""
    rolled = use_rollup and dashboard_rollup.answers(f)
    calls = session.exec(
        select(func.count()).select_from(Call).where(*_where(Call, tenant_id, f), Call.status == CallStatus.done.value)
    ).one()
    per, missing = (dashboard_rollup.per_item if rolled else _per_item_from_rows)(session, tenant_id, f)
    items = []
    for item in sorted(set(per) | set(missing)):
        c = per[item]
        asked = int(c["needed"] + c["redundant"] + c["irrelevant"])
        waste = int(c["redundant"] + c["irrelevant"])
        items.append(
            ItemRow(
                item=item,
                asked=asked,
                needed=int(c["needed"]),
                redundant=int(c["redundant"]),
                irrelevant=int(c["irrelevant"]),
                waste_rate=round(waste / asked, 4) if asked else None,
                waste_seconds=round(c["seconds"], 1),
                missing=int(missing.get(item, 0)),
            )
        )
    if rolled:
        weeks = [WeekRow(**w) for w in dashboard_rollup.weeks(session, tenant_id, f)]
    else:
        weeks = _weeks(session, tenant_id, f)
    heat = (dashboard_rollup.heatmap if rolled and not f.reason else _heatmap_from_rows)(session, tenant_id, f)
    reasons = sorted(
        set(heat) | set(session.exec(select(CallReason.reason).where(CallReason.tenant_id == tenant_id).distinct()))
    )
    total_waste = sum(i.redundant + i.irrelevant for i in items)
    return Dashboard(
        checklist=f.checklist,
        version=f.version,
        calls=int(calls),
        questions=sum(i.asked for i in items),
        waste=total_waste,
        waste_seconds=round(sum(i.waste_seconds for i in items), 1),
        items=items,
        weeks=weeks,
        reasons=reasons,
        heatmap={r: dict(v) for r, v in heat.items()},
    )


def calls_behind(
    *,
    session: Session,
    tenant_id: str,
    f: DashboardFilters,
    item: str,
    status: str | None,
    limit: int = 50,
    offset: int = 0,
) -> list[Call]:
    """The calls behind one bar: calls with an ask of `item` judged `status` (any status when None)."""
    q = select(CallQuestion.call_id).where(*_where(CallQuestion, tenant_id, f), CallQuestion.item == item)
    if status:
        q = q.where(CallQuestion.status == status)
    rows = select(Call).where(Call.tenant_id == tenant_id, Call.id.in_(q))
    return list(session.exec(rows.order_by(Call.call_at.desc(), Call.id).offset(offset).limit(limit)))


def csv_rows(d: Dashboard) -> list[list[str]]:
    head = ["item", "asked", "needed", "redundant", "irrelevant", "waste_rate", "waste_seconds", "missing"]
    out = [head]
    for i in d.items:
        out.append(
            [
                i.item,
                str(i.asked),
                str(i.needed),
                str(i.redundant),
                str(i.irrelevant),
                "" if i.waste_rate is None else f"{i.waste_rate:.4f}",
                f"{i.waste_seconds:.1f}",
                str(i.missing),
            ]
        )
    return out
