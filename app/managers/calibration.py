"""Engine-versus-QA agreement over the calls QA reviewed, and the overrides as labelled training data."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator

from pydantic import BaseModel, Field
from sqlmodel import Session, select

from app.calls.models import Call, CallQuestion
from app.managers.models import Override, Review
from audit.trim import Rate

STATUSES = ("needed", "redundant", "irrelevant")


class Agreement(BaseModel):
    key: str
    questions: int
    agreed: Rate = Field(description="Questions where QA kept the engine's item and status.")


class Calibration(BaseModel):
    reviewed_calls: int
    questions: int
    overrides: int
    agreement: Rate
    by_item: list[Agreement]
    by_status: list[Agreement] = Field(description="Per engine status.")
    confusion: dict[str, dict[str, int]] = Field(
        description="Engine status -> QA status -> questions (`other_item` when QA moved it to another item)."
    )


def _latest_overrides(session: Session, tenant_id: str, checklist: str | None) -> dict[tuple[str, int, str], Override]:
    """The override in force per question, keyed by (call, utterance, current item)."""
    q = select(Override).where(Override.tenant_id == tenant_id)
    if checklist:
        q = q.where(Override.checklist_id == checklist)
    out: dict[tuple[str, int, str], Override] = {}
    for ov in session.exec(q.order_by(Override.created_at)):
        out[(ov.call_id, ov.utterance, ov.item)] = ov
    return out


def calibration(*, session: Session, tenant_id: str, checklist: str | None = None) -> Calibration:
    overrides = _latest_overrides(session, tenant_id, checklist)
    reviewed = select(Review.call_id).where(Review.tenant_id == tenant_id)
    q = select(CallQuestion).where(CallQuestion.tenant_id == tenant_id, CallQuestion.call_id.in_(reviewed))
    if checklist:
        q = q.where(CallQuestion.checklist_id == checklist)
    per_item: dict[str, Counter] = defaultdict(Counter)
    per_status: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    calls: set[str] = set()
    total = agreed = 0
    for row in session.exec(q):
        calls.add(row.call_id)
        ov = overrides.get((row.call_id, row.utterance, row.item))
        if ov is not None and ov.status != row.status:
            ov = None  # a re-audit replaced the verdict the override was made on
        engine_item, engine_status = (ov.engine_item, ov.engine_status) if ov else (row.item, row.status)
        same = engine_item == row.item and engine_status == row.status
        qa = row.status if engine_item == row.item else "other_item"
        total += 1
        agreed += same
        per_item[engine_item].update(n=1, ok=int(same))
        per_status[engine_status].update(n=1, ok=int(same))
        confusion[engine_status][qa] += 1
    return Calibration(
        reviewed_calls=len(calls),
        questions=total,
        overrides=len(overrides),
        agreement=Rate.of(agreed, total),
        by_item=[
            Agreement(key=k, questions=c["n"], agreed=Rate.of(c["ok"], c["n"])) for k, c in sorted(per_item.items())
        ],
        by_status=[
            Agreement(key=s, questions=per_status[s]["n"], agreed=Rate.of(per_status[s]["ok"], per_status[s]["n"]))
            for s in STATUSES
            if s in per_status
        ],
        confusion={k: dict(v) for k, v in confusion.items()},
    )


def export_jsonl(*, session: Session, tenant_id: str, checklist: str | None = None) -> Iterator[str]:
    """One labelled line per override in force: the utterance, what the engine said, what QA says.

    `requests` lists the items the QA lead says the agent utterance asks, in the shape of a bench set's
    per-utterance annotations, so the training command can read these lines as extra data.
    """
    overrides = _latest_overrides(session, tenant_id, checklist)
    calls = {ov.call_id for ov in overrides.values()}
    rows = session.exec(
        select(CallQuestion).where(CallQuestion.tenant_id == tenant_id, CallQuestion.call_id.in_(calls))
    )
    current = {(r.call_id, r.utterance, r.item): r.status for r in rows}
    by_call: dict[str, list[Override]] = defaultdict(list)
    for key, ov in overrides.items():
        if current.get(key) == ov.status:  # still in force (a re-audit voids overrides)
            by_call[ov.call_id].append(ov)
    for call_id in sorted(by_call):
        call = session.get(Call, call_id)
        utterances = ((call.transcript if call else None) or {}).get("utterances", [])
        for ov in sorted(by_call[call_id], key=lambda o: (o.utterance, o.item)):
            text = utterances[ov.utterance]["text"] if ov.utterance < len(utterances) else ""
            yield json.dumps(
                {
                    "call_id": call_id,
                    "checklist": ov.checklist_id,
                    "checklist_version": ov.checklist_version,
                    "utterance": ov.utterance,
                    "text": text,
                    "requests": [ov.item],
                    "item": ov.item,
                    "label": ov.status,
                    "engine_item": ov.engine_item,
                    "engine_status": ov.engine_status,
                    "reason": ov.reason,
                    "author": ov.author,
                    "created_at": ov.created_at.isoformat(),
                },
                ensure_ascii=False,
            )
