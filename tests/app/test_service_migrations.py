"""The Alembic migrations build exactly the schema the models declare, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from conftest import BACKENDS
from sqlmodel import SQLModel

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)


def test_when_migrated_then_schema_matches_models(settings) -> None:  # noqa: ANN001
    import app.main  # noqa: F401 - imports every table module
    from app.core.db import get_engine, migrate

    migrate(settings)
    migrate(settings)  # idempotent
    with get_engine(settings).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []
