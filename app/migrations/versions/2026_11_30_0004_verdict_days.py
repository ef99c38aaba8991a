"""verdict_days: the dashboard's per-day rollup of verdict rows, backfilled; wider agent/queue call indexes

Revision ID: 0004_verdict_days
Revises: 0003_call_filters
Create Date: 2026-11-30 11:20:00

The backfill is one INSERT ... SELECT per (dimension, reason) grouping, in SQL, so it stays fast over
hundreds of thousands of rows; it counts exactly what `app.calls.rollup.tally` counts for each call.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004_verdict_days"
down_revision = "0003_call_filters"
branch_labels = None
depends_on = None

_COLS = "tenant_id, checklist_id, checklist_version, dim, value, reason, day, item, status, n, seconds"


def upgrade() -> None:
    op.create_table(
        "verdict_days",
        sa.Column("tenant_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("checklist_id", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("checklist_version", sa.Integer(), nullable=False),
        sa.Column("dim", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("item", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id", "checklist_id", "checklist_version", "dim", "value", "reason", "day", "item", "status"
        ),
    )
    _backfill()
    _widen_call_filter_indexes(("checklist_version", "status", "call_at"))


def _widen_call_filter_indexes(extra: tuple[str, ...]) -> None:
    """The dashboard's count of one agent's (queue's) audited calls reads the index alone, not every call."""
    for name, column in (("ix_calls_tenant_agent", "agent_id"), ("ix_calls_tenant_queue", "queue")):
        op.drop_index(name, table_name="calls")
        op.create_index(name, "calls", ["tenant_id", "checklist_id", column, *extra])


def _backfill() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        day = "CAST(q.call_at AT TIME ZONE 'UTC' AS DATE)"
    else:
        day = "date(q.call_at)"
    sources = [
        ("call_questions", "q.status", "COALESCE(SUM(q.seconds), 0.0)", "1 = 1", ["q.status"]),
        ("call_items", "'missing'", "0.0", "q.state = 'missing'", []),
    ]
    dims = [("all", "''", None), ("agent", "q.agent_id", "q.agent_id"), ("queue", "q.queue", "q.queue")]
    for table, status, seconds, where, status_group in sources:
        for dim, value, column in dims:
            for by_reason in (False, True):
                join = " JOIN call_reasons r ON r.call_id = q.call_id" if by_reason else ""
                reason = "r.reason" if by_reason else "''"
                cond = [where] + ([f"{column} IS NOT NULL", f"{column} <> ''"] if column else [])
                group = ["q.tenant_id", "q.checklist_id", "q.checklist_version", day, "q.item", *status_group]
                group += [column] if column else []
                group += ["r.reason"] if by_reason else []
                bind.execute(
                    sa.text(
                        f"INSERT INTO verdict_days ({_COLS}) "
                        f"SELECT q.tenant_id, q.checklist_id, q.checklist_version, '{dim}', {value}, {reason}, "
                        f"{day}, q.item, {status}, COUNT(*), {seconds} "
                        f"FROM {table} q{join} WHERE {' AND '.join(cond)} GROUP BY {', '.join(group)}"
                    )
                )


def downgrade() -> None:
    _widen_call_filter_indexes(())
    op.drop_table("verdict_days")
