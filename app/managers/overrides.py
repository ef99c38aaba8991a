"""QA overrides: a QA lead corrects a verdict (its status, or the item the utterance asks), with a reason.

The per-question row the reports aggregate takes the QA verdict, so the waste report and trim proposals
count the override; the override row keeps the engine's verdict, who, when and why.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from app.calls import rollup
from app.calls.models import Call, CallItem, CallQuestion, CallStatus
from app.checklists import service as checklist_service
from app.core.errors import Conflict, NotFound, Unprocessable
from app.core.ids import new_id, utcnow
from app.managers.models import Override, OverrideCreate, Review
from app.tenants.models import ApiKey

WASTE = ("redundant", "irrelevant")


def author_of(key: ApiKey) -> str:
    """How an author is shown: the key's name, else its prefix."""
    return key.name or f"key {key.prefix}"


def get_call_or_raise(*, session: Session, tenant_id: str, call_id: str) -> Call:
    call = session.get(Call, call_id)
    if call is None or call.tenant_id != tenant_id:
        raise NotFound(f"unknown call {call_id!r}")
    return call


def _question(session: Session, call_id: str, utterance: int, item: str) -> CallQuestion | None:
    q = select(CallQuestion).where(
        CallQuestion.call_id == call_id, CallQuestion.utterance == utterance, CallQuestion.item == item
    )
    return session.exec(q).first()


def _refresh_call_summary(session: Session, call: Call) -> None:
    rows = session.exec(select(CallQuestion).where(CallQuestion.call_id == call.id)).all()
    waste = [r for r in rows if r.status in WASTE]
    call.questions_asked = len(rows)
    call.waste_count = len(waste)
    call.waste_seconds = round(sum(r.seconds or 0.0 for r in waste), 2)
    call.has_waste = bool(waste)
    call.updated_at = utcnow()
    session.add(call)


def _mark_asked(session: Session, call: Call, item: str) -> str | None:
    """The item is asked now; returns its state before (None when the call has no state for it)."""
    state = session.exec(select(CallItem).where(CallItem.call_id == call.id, CallItem.item == item)).first()
    if state is None:
        return None
    before = state.state
    if before != "asked":
        state.state = "asked"
        session.add(state)
    return before


def _move_in_rollup(session: Session, row: CallQuestion, before: rollup.Fact, was_missing: bool) -> None:
    """The override moves one verdict (and maybe a missing item) in the dashboard rollup, same transaction."""
    scope = rollup.Scope.of(row)
    reasons = rollup.reasons_of(session, row.call_id)
    deltas = rollup.tally(scope, reasons, [before], -1)
    rollup.tally(scope, reasons, [(row.item, row.status, row.seconds)], 1, deltas)
    if was_missing:
        rollup.tally(scope, reasons, [(row.item, rollup.MISSING, None)], -1, deltas)
    rollup.apply(session, deltas)


def create(*, session: Session, tenant_id: str, call_id: str, body: OverrideCreate, key: ApiKey) -> Override:
    """Apply and record one override."""
    call = get_call_or_raise(session=session, tenant_id=tenant_id, call_id=call_id)
    if call.status != CallStatus.done.value:
        raise Conflict(f"call {call_id!r} is {call.status}: only audited calls can be overridden")
    row = _question(session, call_id, body.utterance, body.item)
    if row is None:
        raise NotFound(f"call {call_id!r} has no question at utterance {body.utterance} for item {body.item!r}")
    new_item = body.new_item or row.item
    if new_item != row.item:
        checklist = checklist_service.get_or_raise(
            session=session,
            tenant_id=tenant_id,
            checklist_id=call.checklist_id,
            version=call.checklist_version,
        )
        if new_item not in {i["id"] for i in checklist.body.get("items", [])}:
            raise Unprocessable(
                f"new_item: {new_item!r} is not an item of checklist {call.checklist_id} v{call.checklist_version}"
            )
        if _question(session, call_id, body.utterance, new_item) is not None:
            raise Conflict(f"utterance {body.utterance} is already listed under item {new_item!r}")
    earlier = session.exec(
        select(Override)
        .where(Override.call_id == call_id, Override.utterance == body.utterance, Override.item == row.item)
        .order_by(Override.created_at.desc())
    ).first()
    engine_item = earlier.engine_item if earlier else row.item
    engine_status = earlier.engine_status if earlier else row.status
    before: rollup.Fact = (row.item, row.status, row.seconds)
    row.item, row.status = new_item, body.status or row.status
    session.add(row)
    was_missing = _mark_asked(session, call, new_item) == rollup.MISSING
    _move_in_rollup(session, row, before, was_missing)
    ov = Override(
        id=new_id("ovr"),
        tenant_id=tenant_id,
        call_id=call_id,
        checklist_id=call.checklist_id,
        checklist_version=call.checklist_version,
        utterance=body.utterance,
        engine_item=engine_item,
        engine_status=engine_status,
        item=row.item,
        status=row.status,
        reason=body.reason,
        author_key_id=key.id,
        author=author_of(key),
    )
    session.add(ov)
    _refresh_call_summary(session, call)
    _review(session, tenant_id, call_id, author_of(key))
    session.commit()
    return ov


def _review(session: Session, tenant_id: str, call_id: str, author: str) -> None:
    exists = session.exec(select(Review).where(Review.call_id == call_id)).first()
    if exists is None:
        session.add(Review(tenant_id=tenant_id, call_id=call_id, author=author))


def review(*, session: Session, tenant_id: str, call_id: str, key: ApiKey) -> None:
    """Mark a call reviewed: its verdicts without an override are confirmed by QA."""
    call = get_call_or_raise(session=session, tenant_id=tenant_id, call_id=call_id)
    if call.status != CallStatus.done.value:
        raise Conflict(f"call {call_id!r} is {call.status}: only audited calls can be reviewed")
    _review(session, tenant_id, call_id, author_of(key))
    session.commit()


def get_all(*, session: Session, tenant_id: str, call_id: str) -> list[Override]:
    """The call's overrides, oldest first (the latest per question is in force)."""
    get_call_or_raise(session=session, tenant_id=tenant_id, call_id=call_id)
    q = select(Override).where(Override.tenant_id == tenant_id, Override.call_id == call_id)
    return list(session.exec(q.order_by(Override.created_at)))


def count(*, session: Session, tenant_id: str) -> int:
    q = select(func.count()).select_from(Override).where(Override.tenant_id == tenant_id)
    return int(session.exec(q).one())
