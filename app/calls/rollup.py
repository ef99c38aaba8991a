"""Keep `verdict_days` (the dashboard's per-day rollup) equal to the verdict rows it sums.

Every writer of verdict rows calls in here inside its own transaction: an audit adds the call's tallies,
a re-audit or delete first subtracts the tallies of the rows it removes (read back from those rows, since
a re-audit may have moved the call to another checklist version), and a QA override moves one verdict.
Changes are signed deltas applied with one upsert per rollup row, in key order, so concurrent writers on
PostgreSQL lock rows in the same order and never deadlock, and increments never overwrite each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, delete, or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlmodel import Session, select

from app.calls.models import CallItem, CallQuestion, CallReason, VerdictDay
from app.core.ids import to_utc

# (tenant_id, checklist_id, checklist_version, dim, value, reason, day, item, status)
Key = tuple[str, str, int, str, str, str, date, str, str]
Deltas = dict[Key, list[float]]  # key -> [count, seconds]
Fact = tuple[str, str, float | None]  # (item, status, seconds); status `missing` for an uncovered item

KEY_COLUMNS = ("tenant_id", "checklist_id", "checklist_version", "dim", "value", "reason", "day", "item", "status")
MISSING = "missing"


@dataclass(frozen=True)
class Scope:
    """The filter columns a verdict row copies from its call."""

    tenant_id: str
    checklist_id: str
    checklist_version: int
    agent_id: str | None
    queue: str | None
    call_at: datetime

    @classmethod
    def of(cls, row: object) -> Scope:
        """From a call, a verdict row or a dict of their columns."""
        get = row.get if isinstance(row, dict) else lambda k: getattr(row, k)
        return cls(
            *(get(k) for k in ("tenant_id", "checklist_id", "checklist_version", "agent_id", "queue", "call_at"))
        )

    @property
    def day(self) -> date:
        """The UTC day, as the dashboard's date filters (UTC) cut it."""
        return to_utc(self.call_at).date()


def new_deltas() -> Deltas:
    return defaultdict(lambda: [0, 0.0])


def tally(
    scope: Scope, reasons: Sequence[str], facts: Iterable[Fact], sign: int = 1, into: Deltas | None = None
) -> Deltas:
    """Add (sign +1) or subtract (-1) one call's verdicts and missing items to every rollup row they count in.

    Reasons are used as stored (a duplicate counts twice), as the dashboard's join on call_reasons would.
    """
    out = new_deltas() if into is None else into
    dims = [("all", "")]
    if scope.agent_id:
        dims.append(("agent", scope.agent_id))
    if scope.queue:
        dims.append(("queue", scope.queue))
    head = (scope.tenant_id, scope.checklist_id, scope.checklist_version)
    day = scope.day
    for item, status, seconds in facts:
        for dim, value in dims:
            for reason in ("", *reasons):
                cell = out[(*head, dim, value, reason, day, item, status)]
                cell[0] += sign
                cell[1] += sign * (seconds or 0.0)
    return out


def apply(conn: Session | Connection, deltas: Deltas) -> None:
    """Upsert the deltas (count and seconds added to the stored row), then drop rows counted down to 0."""
    rows = [
        {**dict(zip(KEY_COLUMNS, key, strict=True)), "n": int(n), "seconds": float(secs)}
        for key, (n, secs) in sorted(deltas.items())
        if n or secs
    ]
    if not rows:
        return
    dialect = conn.get_bind().dialect.name if isinstance(conn, Session) else conn.dialect.name
    ins = (postgresql if dialect == "postgresql" else sqlite).insert(VerdictDay)
    t = VerdictDay.__table__
    stmt = ins.on_conflict_do_update(
        index_elements=list(KEY_COLUMNS),
        set_={"n": t.c.n + ins.excluded.n, "seconds": t.c.seconds + ins.excluded.seconds},
    )
    conn.execute(stmt, rows)
    emptied = {(r["tenant_id"], r["checklist_id"], r["checklist_version"], r["day"]) for r in rows if r["n"] < 0}
    if emptied:
        conn.execute(
            delete(VerdictDay).where(
                VerdictDay.n <= 0,
                or_(
                    *(
                        and_(
                            VerdictDay.tenant_id == tid,
                            VerdictDay.checklist_id == cl,
                            VerdictDay.checklist_version == v,
                            VerdictDay.day == d,
                        )
                        for tid, cl, v, d in sorted(emptied)
                    )
                ),
            )
        )


def reasons_of(session: Session, call_id: str) -> list[str]:
    return list(session.exec(select(CallReason.reason).where(CallReason.call_id == call_id).order_by(CallReason.id)))


def stored_deltas(session: Session, call_id: str, sign: int = -1) -> Deltas:
    """The call's stored verdict rows as deltas (sign -1: what removing them takes out of the rollup)."""
    out = new_deltas()
    questions = session.exec(select(CallQuestion).where(CallQuestion.call_id == call_id)).all()
    missing = session.exec(select(CallItem).where(CallItem.call_id == call_id, CallItem.state == MISSING)).all()
    if not questions and not missing:
        return out
    reasons = reasons_of(session, call_id)
    for row in [*questions, *missing]:
        fact: Fact = (row.item, row.status, row.seconds) if isinstance(row, CallQuestion) else (row.item, MISSING, None)
        tally(Scope.of(row), reasons, [fact], sign, out)
    return out


def remove_call(session: Session, call_id: str) -> None:
    """Subtract the call's stored rows; call before deleting them."""
    apply(session, stored_deltas(session, call_id))
