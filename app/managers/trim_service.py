"""Trim proposals from stored verdicts: tallies filled in SQL, decided by the engine's trim rules.

Per (call, item) aggregates come out of one GROUP BY over the per-question rows (which already carry the
QA overrides), so 100,000 calls reduce to a few hundred thousand small rows before Python sees them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import and_, case, func
from sqlmodel import Session, select

from app.calls.models import Call, CallItem, CallQuestion, CallReason, CallStatus
from app.checklists import service as checklist_service
from app.core.errors import Conflict, NotFound
from app.core.ids import new_id, to_utc, utcnow
from app.managers.models import ProposalCreate, ProposalFilters, StoredProposal
from audit.checklist import Checklist
from audit.report import Evidence
from audit.trim import Example, Observations, Tally, propose


def _filters(model: Any, tenant_id: str, checklist: Checklist, f: ProposalFilters) -> list:
    cond = [
        model.tenant_id == tenant_id,
        model.checklist_id == checklist.id,
        model.checklist_version == checklist.version,
    ]
    if f.agent:
        cond.append(model.agent_id == f.agent)
    if f.queue:
        cond.append(model.queue == f.queue)
    if f.date_from:
        cond.append(model.call_at >= to_utc(f.date_from))
    if f.date_to:
        cond.append(model.call_at < to_utc(f.date_to))
    return cond


def _call_reasons(
    session: Session, tenant_id: str, checklist: Checklist, f: ProposalFilters
) -> dict[str, frozenset[str]]:
    calls = select(Call.id).where(*_filters(Call, tenant_id, checklist, f), Call.status == CallStatus.done.value)
    reasons: dict[str, set[str]] = {cid: set() for cid in session.exec(calls)}
    q = select(CallReason.call_id, CallReason.reason).where(
        CallReason.tenant_id == tenant_id, CallReason.call_id.in_(calls)
    )
    for cid, reason in session.exec(q):
        if cid in reasons:
            reasons[cid].add(reason)
    return {cid: frozenset(rs) for cid, rs in reasons.items()}


def _status_sum(status: str, value: Any = 1) -> Any:
    return func.sum(case((CallQuestion.status == status, value), else_=0))


def observations(*, session: Session, tenant_id: str, checklist: Checklist, filters: ProposalFilters) -> Observations:
    """Tallies of every item over the filtered, audited calls of one checklist version."""
    obs = Observations(checklist)
    reasons = _call_reasons(session, tenant_id, checklist, filters)
    for rs in reasons.values():
        obs.add_call(rs)
    q = CallQuestion
    first_utt = func.min(q.utterance)
    first_red = func.min(case((q.status == "redundant", q.utterance), else_=None))
    rows = session.exec(
        select(
            q.call_id,
            q.item,
            _status_sum("needed"),
            _status_sum("redundant"),
            _status_sum("irrelevant"),
            _status_sum("needed", func.coalesce(q.seconds, 0.0)),
            _status_sum("redundant", func.coalesce(q.seconds, 0.0)),
            _status_sum("irrelevant", func.coalesce(q.seconds, 0.0)),
            func.count(q.seconds),
            first_utt,
            first_red,
        )
        .where(*_filters(q, tenant_id, checklist, filters))
        .group_by(q.call_id, q.item)
    )
    ids = {it.id for it in checklist.items}
    acc: dict[tuple[str, frozenset[str]], list] = {}
    for cid, item, n_need, n_red, n_irr, s_need, s_red, s_irr, timed, first, first_r in rows:
        rs = reasons.get(cid)
        if item not in ids or rs is None:
            continue
        a = acc.get((item, rs))
        if a is None:
            a = acc[(item, rs)] = [0] * 12
        a[0] += 1
        if n_need:
            a[1] += 1
        elif n_red:
            a[2] += 1
        else:
            a[3] += 1
        a[4] += n_need
        a[5] += n_red
        a[6] += n_irr
        a[7] += n_red - (1 if first_r is not None and first_r == first else 0)
        a[8] += s_need or 0.0
        a[9] += s_red or 0.0
        a[10] += s_irr or 0.0
        a[11] += timed
    for (item, rs), a in acc.items():
        obs.add_tally(
            item,
            rs,
            Tally(
                calls_asked=a[0],
                calls_needed=a[1],
                calls_volunteered=a[2],
                calls_irrelevant=a[3],
                asks_needed=a[4],
                asks_redundant=a[5],
                asks_irrelevant=a[6],
                asks_repeat=a[7],
                seconds_needed=a[8],
                seconds_redundant=a[9],
                seconds_irrelevant=a[10],
                asks_timed=a[11],
            ),
        )
        obs.questions += a[4] + a[5] + a[6]
        obs.questions_timed += a[11]
        obs.customer_repeats += a[5]
    states: dict[tuple[str, frozenset[str]], Tally] = {}
    for cid, item, state in session.exec(
        select(CallItem.call_id, CallItem.item, CallItem.state).where(
            *_filters(CallItem, tenant_id, checklist, filters), CallItem.state.in_(("covered", "missing"))
        )
    ):
        rs = reasons.get(cid)
        if item in ids and rs is not None:
            t = states.setdefault((item, rs), Tally())
            if state == "covered":
                t.calls_covered += 1
            else:
                t.calls_missing += 1
    for (item, rs), t in states.items():
        obs.add_tally(item, rs, t)
    _examples(session, tenant_id, checklist, filters, obs)
    return obs


def _examples(session: Session, tenant_id: str, checklist: Checklist, f: ProposalFilters, obs: Observations) -> None:
    """Up to three quoted asks per item and status, read from the stored reports."""
    wanted: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for item in checklist.items:
        for status in ("needed", "redundant", "irrelevant"):
            q = (
                select(CallQuestion.call_id, CallQuestion.utterance)
                .where(
                    *_filters(CallQuestion, tenant_id, checklist, f),
                    and_(CallQuestion.item == item.id, CallQuestion.status == status),
                )
                .limit(3)
            )
            for cid, utt in session.exec(q):
                wanted[cid].append((item.id, status, utt))
    if not wanted:
        return
    for call in session.exec(select(Call).where(Call.id.in_(list(wanted)))):
        report = call.report or {}
        by_utt = {(qq.get("utterance"), qq.get("item")): qq for qq in report.get("questions", [])}
        utterances = (call.transcript or {}).get("utterances", [])
        for item, status, utt in wanted[call.id]:
            src = by_utt.get((utt, item)) or next((v for (u, _), v in by_utt.items() if u == utt), {})
            text = src.get("text") or (utterances[utt]["text"] if utt < len(utterances) else "")
            obs.add_example(
                item,
                Example(
                    call_id=call.id,
                    utterance=utt,
                    status=status,
                    text=text,
                    why=src.get("why", ""),
                    evidence=[Evidence.model_validate(e) for e in src.get("evidence", [])],
                ),
            )


def create(*, session: Session, tenant_id: str, checklist_id: str, body: ProposalCreate, author: str) -> StoredProposal:
    """Compute a proposal over the filtered calls and store it."""
    row = checklist_service.get_or_raise(
        session=session, tenant_id=tenant_id, checklist_id=checklist_id, version=body.filters.version
    )
    checklist = checklist_service.to_engine(row)
    obs = observations(session=session, tenant_id=tenant_id, checklist=checklist, filters=body.filters)
    if not obs.calls:
        raise Conflict(
            f"no audited call of checklist {checklist_id!r} version {checklist.version} "
            "matches the filters: nothing to base a proposal on"
        )
    prop = propose(obs, body.options)
    stored = StoredProposal(
        id=new_id("prop"),
        tenant_id=tenant_id,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        filters=body.filters.model_dump(mode="json", by_alias=True, exclude_none=True),
        body=prop.model_dump(mode="json"),
        author=author,
    )
    session.add(stored)
    session.commit()
    return stored


def get_or_raise(*, session: Session, tenant_id: str, checklist_id: str, proposal_id: str) -> StoredProposal:
    row = session.get(StoredProposal, proposal_id)
    if row is None or row.tenant_id != tenant_id or row.checklist_id != checklist_id:
        raise NotFound(f"unknown proposal {proposal_id!r} for checklist {checklist_id!r}")
    return row


def get_all(*, session: Session, tenant_id: str, checklist_id: str) -> list[StoredProposal]:
    q = select(StoredProposal).where(StoredProposal.tenant_id == tenant_id, StoredProposal.checklist_id == checklist_id)
    return list(session.exec(q.order_by(StoredProposal.created_at.desc())))


def adopt(*, session: Session, tenant_id: str, checklist_id: str, proposal_id: str) -> StoredProposal:
    """Make the proposed checklist the latest version; calls already audited keep their version."""
    prop = get_or_raise(session=session, tenant_id=tenant_id, checklist_id=checklist_id, proposal_id=proposal_id)
    if prop.adopted_version is not None:
        raise Conflict(f"proposal {proposal_id!r} was already adopted as version {prop.adopted_version}")
    latest = checklist_service.get_or_raise(session=session, tenant_id=tenant_id, checklist_id=checklist_id)
    if latest.version != prop.checklist_version:
        raise Conflict(
            f"checklist {checklist_id!r} is at version {latest.version} now; the proposal was made "
            f"from version {prop.checklist_version}: make a new proposal"
        )
    new = checklist_service.parse_upload(prop.body["checklist_yaml"], where=f"proposal {proposal_id}")
    row, created = checklist_service.create(session=session, tenant_id=tenant_id, checklist=new)
    if not created:
        raise Conflict("the proposal changes nothing: the latest version already has these items")
    prop.adopted_version, prop.adopted_at = row.version, utcnow()
    session.add(prop)
    session.commit()
    return prop
