"""indexes for the report's agent and queue filters

Revision ID: 0003_call_filters
Revises: 0002_managers
Create Date: 2026-11-30 08:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0003_call_filters"
down_revision = "0002_managers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.create_index("ix_calls_tenant_agent", ["tenant_id", "checklist_id", "agent_id"])
        batch.create_index("ix_calls_tenant_queue", ["tenant_id", "checklist_id", "queue"])


def downgrade() -> None:
    with op.batch_alter_table("calls") as batch:
        batch.drop_index("ix_calls_tenant_queue")
        batch.drop_index("ix_calls_tenant_agent")
