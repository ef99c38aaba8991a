"""Pages tests reuse the managers' service fixtures (SQLite in a temp folder, two tenants, stored calls)."""

from tests.managers.conftest import client, settings, tenants  # noqa: F401 - fixtures
