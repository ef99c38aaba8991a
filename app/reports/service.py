"""The checklist-waste report, aggregated in SQL over per-question and per-item rows (no report loading)."""

from __future__ import annotations

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.calls.models import Call, CallItem, CallQuestion, CallReason, CallStatus
from app.checklists import service as checklist_service
from app.core.ids import to_utc
from app.reports.models import ItemWaste, Rates, ReasonWaste, WasteFilters, WasteReport

WASTE = ("redundant", "irrelevant")


def _narrow(f: WasteFilters) -> bool:
    return any(v is not None for v in (f.agent, f.queue, f.date_from, f.date_to, f.reason))


def _scope(table, tenant_id: str, f: WasteFilters) -> list:  # noqa: ANN001
    """WHERE clauses shared by the tables (the verdict rows carry the calls' filter columns)."""
    if table is not Call and _narrow(f):  # `_source` joins the matching calls, already scoped by all of it
        return []
    conds = [table.tenant_id == tenant_id, table.checklist_id == f.checklist]
    if f.version is not None:
        conds.append(table.checklist_version == f.version)
    if f.agent is not None:
        conds.append(table.agent_id == f.agent)
    if f.queue is not None:
        conds.append(table.queue == f.queue)
    if f.date_from is not None:
        conds.append(table.call_at >= to_utc(f.date_from))
    if f.date_to is not None:
        conds.append(table.call_at < to_utc(f.date_to))
    if f.reason is not None:
        call_id = table.id if table is Call else table.call_id
        cr = aliased(CallReason)  # not the CallReason the per-reason query joins
        conds.append(exists().where(cr.call_id == call_id, cr.reason == f.reason))
    return conds


def _source(table, tenant_id: str, f: WasteFilters):  # noqa: ANN001, ANN202
    """What a verdict-row query selects from: the rows, or, when the filters pick out some calls, those calls
    (found through the calls' indexes) joined to their rows by call id, which beats filtering every row."""
    if not _narrow(f):
        return table
    matching = select(Call.id.label("id")).where(*_scope(Call, tenant_id, f)).subquery()
    return table.__table__.join(matching, matching.c.id == table.call_id)


def _count(status: str):  # noqa: ANN202
    return func.sum(case((CallQuestion.status == status, 1), else_=0))


def _rates(needed: int, redundant: int, irrelevant: int, total: int) -> Rates:
    if not total:
        return Rates(needed=None, redundant=None, irrelevant=None)
    return Rates(
        needed=round(needed / total, 4),
        redundant=round(redundant / total, 4),
        irrelevant=round(irrelevant / total, 4),
    )


def waste_report(*, session: Session, tenant_id: str, filters: WasteFilters) -> WasteReport:
    """Per item and per call reason: calls, asks, verdict counts and rates, items missing, waste seconds."""
    f = filters
    calls = session.execute(
        select(func.count()).select_from(Call).where(*_scope(Call, tenant_id, f), Call.status == CallStatus.done.value)
    ).scalar_one()
    waste_secs = func.sum(case((CallQuestion.status.in_(WASTE), func.coalesce(CallQuestion.seconds, 0.0)), else_=0.0))
    q_rows = session.execute(
        select(
            CallQuestion.item,
            func.count(func.distinct(CallQuestion.call_id)),
            func.count(),
            _count("needed"),
            _count("redundant"),
            _count("irrelevant"),
            waste_secs,
        )
        .select_from(_source(CallQuestion, tenant_id, f))
        .where(*_scope(CallQuestion, tenant_id, f))
        .group_by(CallQuestion.item)
    ).all()
    i_rows = session.execute(
        select(
            CallItem.item,
            func.sum(case((CallItem.state == "missing", 1), else_=0)),
            func.sum(case((CallItem.state == "covered", 1), else_=0)),
        )
        .select_from(_source(CallItem, tenant_id, f))
        .where(*_scope(CallItem, tenant_id, f))
        .group_by(CallItem.item)
    ).all()
    per_call = (  # questions aggregated per call first, so the join to reasons is one row per call
        select(
            CallQuestion.call_id.label("call_id"),
            func.count().label("asked"),
            _count("needed").label("needed"),
            _count("redundant").label("redundant"),
            _count("irrelevant").label("irrelevant"),
            waste_secs.label("secs"),
        )
        .select_from(_source(CallQuestion, tenant_id, f))
        .where(*_scope(CallQuestion, tenant_id, f))
        .group_by(CallQuestion.call_id)
        .subquery()
    )
    r_rows = session.execute(
        select(
            CallReason.reason,
            func.count(),
            func.sum(per_call.c.asked),
            func.sum(per_call.c.needed),
            func.sum(per_call.c.redundant),
            func.sum(per_call.c.irrelevant),
            func.sum(per_call.c.secs),
        )
        .select_from(CallReason)
        .join(per_call, per_call.c.call_id == CallReason.call_id)
        .group_by(CallReason.reason)
    ).all()
    reason_calls = dict(
        session.execute(
            select(CallReason.reason, func.count(func.distinct(CallReason.call_id)))
            .join(Call, Call.id == CallReason.call_id)
            .where(*_scope(Call, tenant_id, f), Call.status == CallStatus.done.value)
            .group_by(CallReason.reason)
        ).all()
    )
    questions = _questions(session, tenant_id, f.checklist)
    by_item: dict[str, dict] = {}
    for item, calls_asked, asked, needed, redundant, irrelevant, secs in q_rows:
        by_item[item] = dict(
            calls_asked=calls_asked,
            times_asked=asked,
            needed=int(needed or 0),
            redundant=int(redundant or 0),
            irrelevant=int(irrelevant or 0),
            waste_seconds=round(float(secs or 0.0), 2),
        )
    states = {item: (int(m or 0), int(c or 0)) for item, m, c in i_rows}
    order = list(questions) + sorted((set(by_item) | set(states)) - set(questions))
    items = []
    for item in order:
        q = by_item.get(
            item, dict(calls_asked=0, times_asked=0, needed=0, redundant=0, irrelevant=0, waste_seconds=0.0)
        )
        missing, covered = states.get(item, (0, 0))
        items.append(
            ItemWaste(
                item=item,
                question=questions.get(item),
                calls=calls,
                missing=missing,
                covered=covered,
                rates=_rates(q["needed"], q["redundant"], q["irrelevant"], q["times_asked"]),
                **q,
            )
        )
    reasons = [
        ReasonWaste(
            reason=reason,
            calls=int(reason_calls.get(reason, n_calls)),
            times_asked=int(asked or 0),
            needed=int(needed or 0),
            redundant=int(redundant or 0),
            irrelevant=int(irrelevant or 0),
            rates=_rates(int(needed or 0), int(redundant or 0), int(irrelevant or 0), int(asked or 0)),
            waste_seconds=round(float(secs or 0.0), 2),
        )
        for reason, n_calls, asked, needed, redundant, irrelevant, secs in sorted(r_rows)
    ]
    return WasteReport(
        checklist=f.checklist,
        version=f.version,
        calls=calls,
        items=items,
        reasons=reasons,
        times_asked=sum(i.times_asked for i in items),
        waste_count=sum(i.redundant + i.irrelevant for i in items),
        waste_seconds=round(sum(i.waste_seconds for i in items), 2),
    )


def _questions(session: Session, tenant_id: str, checklist_id: str) -> dict[str, str]:
    """Item id -> question, in checklist order, from the latest version."""
    row = checklist_service.get(session=session, tenant_id=tenant_id, checklist_id=checklist_id)
    if row is None:
        return {}
    return {it["id"]: it["question"] for it in row.body.get("items") or []}


CSV_COLUMNS = (
    "group",
    "key",
    "question",
    "calls",
    "calls_asked",
    "times_asked",
    "needed",
    "redundant",
    "irrelevant",
    "needed_rate",
    "redundant_rate",
    "irrelevant_rate",
    "missing",
    "covered",
    "waste_seconds",
)


def to_csv_rows(report: WasteReport) -> list[list[object]]:
    """One row per item, then one per call reason (`group` says which)."""
    rows: list[list[object]] = []
    for i in report.items:
        rows.append(
            [
                "item",
                i.item,
                i.question or "",
                i.calls,
                i.calls_asked,
                i.times_asked,
                i.needed,
                i.redundant,
                i.irrelevant,
                _fmt(i.rates.needed),
                _fmt(i.rates.redundant),
                _fmt(i.rates.irrelevant),
                i.missing,
                i.covered,
                i.waste_seconds,
            ]
        )
    for r in report.reasons:
        rows.append(
            [
                "reason",
                r.reason,
                "",
                r.calls,
                r.calls,
                r.times_asked,
                r.needed,
                r.redundant,
                r.irrelevant,
                _fmt(r.rates.needed),
                _fmt(r.rates.redundant),
                _fmt(r.rates.irrelevant),
                "",
                "",
                r.waste_seconds,
            ]
        )
    return rows


def _fmt(v: float | None) -> str:
    return "" if v is None else f"{v:.4f}"
