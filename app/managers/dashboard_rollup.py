"""The dashboard's aggregates read from `verdict_days` (a few thousand rows) instead of every verdict row.

The rollup holds one dimension at a time (all calls, one agent, or one queue) crossed with one reason or
none, by UTC day. So it answers a filter of at most one of agent / queue, optionally a reason, and dates
on day boundaries; `answers` says when, and the dashboard keeps its row queries for the rest (agent and
queue together, a from/to inside a day, and the heatmap of a reason-filtered view, which needs the pairs
of reasons of multi-reason calls).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from app.calls.models import VerdictDay
from app.calls.rollup import MISSING
from app.core.ids import to_utc

STATUSES = ("needed", "redundant", "irrelevant")
WASTE = ("redundant", "irrelevant")


def _day_bound(value: datetime | None) -> bool:
    return value is None or to_utc(value).time() == time(0)


def answers(f) -> bool:  # noqa: ANN001 - DashboardFilters (imported there, not here, to avoid a cycle)
    """Whether the rollup holds exactly what the filters select."""
    return not (f.agent and f.queue) and _day_bound(f.date_from) and _day_bound(f.date_to)


def _where(tenant_id: str, f, any_reason: bool = False) -> list:  # noqa: ANN001
    v = VerdictDay
    dim, value = ("agent", f.agent) if f.agent else ("queue", f.queue) if f.queue else ("all", "")
    cond = [
        v.tenant_id == tenant_id,
        v.checklist_id == f.checklist,
        v.checklist_version == f.version,
        v.dim == dim,
        v.value == value,
    ]
    if not any_reason:
        cond.append(v.reason == (f.reason or ""))
    if f.date_from:
        cond.append(v.day >= to_utc(f.date_from).date())
    if f.date_to:
        cond.append(v.day < to_utc(f.date_to).date())
    return cond


def per_item(session: Session, tenant_id: str, f) -> tuple[dict[str, dict[str, float]], dict[str, int]]:  # noqa: ANN001
    """(item -> status counts and waste `seconds`, item -> calls missing it), as the row queries give them."""
    v = VerdictDay
    per: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    missing: dict[str, int] = {}
    rows = session.exec(
        select(v.item, v.status, func.sum(v.n), func.sum(v.seconds))
        .where(*_where(tenant_id, f))
        .group_by(v.item, v.status)
    )
    for item, status, n, secs in rows:
        if status == MISSING:
            missing[item] = int(n)
            continue
        per[item][status] += n
        if status != "needed":
            per[item]["seconds"] += secs or 0.0
    return per, missing


def per_day(session: Session, tenant_id: str, f) -> dict[date, dict[str, int]]:  # noqa: ANN001
    """Status counts per day with at least one verdict."""
    v = VerdictDay
    out: dict[date, dict[str, int]] = defaultdict(dict)
    rows = session.exec(
        select(v.day, v.status, func.sum(v.n))
        .where(*_where(tenant_id, f), v.status.in_(STATUSES))
        .group_by(v.day, v.status)
    )
    for day, status, n in rows:
        out[day][status] = int(n)
    return out


def weeks(session: Session, tenant_id: str, f) -> list[dict]:  # noqa: ANN001
    """Status counts per Monday-started week, every week from the first verdict's to the last's."""
    days = per_day(session, tenant_id, f)
    if not days:
        return []
    totals: dict[date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUSES, 0))
    for day, counts in days.items():
        week = totals[day - timedelta(days=day.weekday())]
        for s, n in counts.items():
            week[s] += n
    first, last = min(days), max(days)
    week, out = first - timedelta(days=first.weekday()), []
    while week <= last:
        out.append({"week": week.isoformat(), **totals[week]})
        week += timedelta(days=7)
    return out


def heatmap(session: Session, tenant_id: str, f) -> dict[str, dict[str, int]]:  # noqa: ANN001
    """reason -> item -> waste questions, for a view not filtered by reason."""
    v = VerdictDay
    heat: dict[str, dict[str, int]] = defaultdict(dict)
    rows = session.exec(
        select(v.reason, v.item, func.sum(v.n))
        .where(*_where(tenant_id, f, any_reason=True), v.reason != "", v.status.in_(WASTE))
        .group_by(v.reason, v.item)
    )
    for reason, item, n in rows:
        heat[reason][item] = int(n or 0)
    return heat
