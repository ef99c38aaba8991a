"""Alembic environment: metadata from the SQLModel tables, connection from the app's engine or settings."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from app.calls import models as _calls  # noqa: F401 - registers tables
from app.checklists import models as _checklists  # noqa: F401
from app.jobs import models as _jobs  # noqa: F401
from app.managers import models as _managers  # noqa: F401
from app.tenants import models as _tenants  # noqa: F401
from app.web import models as _web  # noqa: F401
from app.webhooks import models as _webhooks  # noqa: F401

target_metadata = SQLModel.metadata


def _engine():  # noqa: ANN202
    engine = context.config.attributes.get("engine")
    if engine is None:
        from app.core.db import get_engine

        engine = get_engine()
    return engine


def run_migrations_offline() -> None:
    context.configure(
        url=str(_engine().url), target_metadata=target_metadata, literal_binds=True, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
