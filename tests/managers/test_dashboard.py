"""The waste dashboard's data in SQL, on SQLite and PostgreSQL: per item, per week, per reason and item."""

from datetime import datetime

import pytest

from app.core.db import session_scope
from app.managers import dashboard
from tests.managers.conftest import BACKENDS, make_report, store_call

pytestmark = pytest.mark.parametrize("settings", BACKENDS, indirect=True)


def _seed(settings, tenant_id):
    asks = [(0, "vehicle", "needed"), (2, "move_to_street", "irrelevant"), (4, "location", "redundant")]
    for day in (2, 3, 10):
        store_call(
            settings,
            tenant_id,
            make_report(f"n{day}", ["no_start"], asks),
            started_at=datetime(2026, 11, day, 9),
            agent="ann",
        )
    store_call(
        settings,
        tenant_id,
        make_report("f", ["flat_tire"], [(0, "move_to_street", "needed")], states={"spare_tire": "missing"}),
        started_at=datetime(2026, 11, 11, 9),
        agent="bob",
    )


def test_dashboard_per_item_week_and_reason(client, settings, tenants):
    a = tenants["a"]
    _seed(settings, a["id"])
    f = dashboard.DashboardFilters(checklist="roadside", version=1)
    with session_scope(settings) as s:
        d = dashboard.dashboard(session=s, tenant_id=a["id"], f=f)
        items = {i.item: i for i in d.items}
        assert d.calls == 4 and d.questions == 10 and d.waste == 6
        m = items["move_to_street"]
        assert (m.asked, m.needed, m.irrelevant, m.waste_seconds) == (4, 1, 3, 6.0)
        assert items["spare_tire"].missing == 1
        assert [(w.week, w.needed, w.redundant, w.irrelevant) for w in d.weeks] == [
            ("2026-11-02", 2, 2, 2),
            ("2026-11-09", 2, 1, 1),
        ]
        assert d.heatmap == {"no_start": {"move_to_street": 3, "location": 3}}
        assert d.reasons == ["flat_tire", "no_start"]
        flat = dashboard.dashboard(
            session=s,
            tenant_id=a["id"],
            f=dashboard.DashboardFilters(checklist="roadside", version=1, reason="flat_tire"),
        )
        assert flat.calls == 1 and flat.questions == 1
        bob = dashboard.dashboard(
            session=s,
            tenant_id=a["id"],
            f=dashboard.DashboardFilters(checklist="roadside", version=1, agent="bob"),
        )
        assert bob.calls == 1
        later = dashboard.dashboard(
            session=s,
            tenant_id=a["id"],
            f=dashboard.DashboardFilters(checklist="roadside", version=1, date_from=datetime(2026, 11, 9)),
        )
        assert later.calls == 2
        behind = dashboard.calls_behind(session=s, tenant_id=a["id"], f=f, item="move_to_street", status="irrelevant")
        assert sorted(c.external_id for c in behind) == ["n10", "n2", "n3"]
        other = dashboard.dashboard(session=s, tenant_id=tenants["b"]["id"], f=f)
        assert other.calls == 0 and other.items == []
        rows = dashboard.csv_rows(d)
        assert rows[0][0] == "item" and ["move_to_street", "4", "1", "0", "3", "0.7500", "6.0", "0"] in rows
