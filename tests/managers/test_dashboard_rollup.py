"""The per-day rollup behind the dashboard stays equal to the verdict rows: after audits, QA overrides
(status and item moves, onto a missing item), re-audits and deletes, for every filter, on both backends;
and migration 0004's backfill rebuilds exactly what the service maintains."""

from collections import Counter
from datetime import datetime

import pytest
from alembic import command
from alembic.config import Config
from sqlmodel import delete, select

from app.calls import service as call_service
from app.calls.models import Call, CallItem, CallQuestion, VerdictDay
from app.core.db import MIGRATIONS_DIR, get_engine, session_scope
from app.jobs import service as job_service
from app.managers import dashboard
from tests.managers.conftest import BACKENDS, make_report, store_call

pytestmark = pytest.mark.parametrize("settings", BACKENDS, indirect=True)

F = dashboard.DashboardFilters


def _filters() -> list[F]:
    base = {"checklist": "roadside", "version": 1}
    return [
        F(**base),
        F(**base, agent="ann"),
        F(**base, queue="q2"),
        F(**base, reason="no_start"),
        F(**base, reason="flat_tire"),
        F(**base, agent="ann", reason="no_start"),
        F(**base, date_from=datetime(2026, 11, 9)),
        F(**base, date_from=datetime(2026, 11, 3), date_to=datetime(2026, 11, 11), queue="q1"),
        F(**base, date_from=datetime(2026, 11, 3, 12)),  # inside a day: the row queries answer
        F(**base, agent="ann", queue="q1"),  # two dimensions: the row queries answer
    ]


def _seed(settings, tenant_id: str) -> dict[str, str]:
    ids = {}
    asks = [(0, "vehicle", "needed"), (2, "move_to_street", "irrelevant"), (4, "location", "redundant")]
    for day, agent, queue in ((2, "ann", "q1"), (3, "ann", "q2"), (10, "bob", "q1"), (17, "ann", "q1")):
        ids[f"n{day}"] = store_call(
            settings,
            tenant_id,
            make_report(f"n{day}", ["no_start"], asks, states={"spare_tire": "missing", "problem": "missing"}),
            started_at=datetime(2026, 11, day, 9 + day % 5),
            agent=agent,
            queue=queue,
        )
    ids["both"] = store_call(
        settings,
        tenant_id,
        make_report(
            "both", ["flat_tire", "no_start"], [(0, "move_to_street", "needed"), (2, "location", "irrelevant")]
        ),
        started_at=datetime(2026, 11, 11, 23, 30),
        agent="bob",
        queue="q2",
    )
    return ids


def _direct(settings, tenant_id: str) -> tuple[Counter, Counter]:
    """(item, status) counts and missing counts straight from the rows, for the unfiltered view."""
    with session_scope(settings) as s:
        qs = s.exec(select(CallQuestion).where(CallQuestion.tenant_id == tenant_id)).all()
        miss = s.exec(select(CallItem).where(CallItem.tenant_id == tenant_id, CallItem.state == "missing")).all()
        return Counter((q.item, q.status) for q in qs), Counter(i.item for i in miss)


def _check(settings, tenant_id: str) -> None:
    with session_scope(settings) as s:
        for f in _filters():
            rolled = dashboard.dashboard(session=s, tenant_id=tenant_id, f=f)
            rows = dashboard.dashboard(session=s, tenant_id=tenant_id, f=f, use_rollup=False)
            assert rolled.model_dump() == rows.model_dump(), f
        d = dashboard.dashboard(session=s, tenant_id=tenant_id, f=_filters()[0])
    counts, missing = _direct(settings, tenant_id)
    for i in d.items:
        assert (i.needed, i.redundant, i.irrelevant) == tuple(counts[(i.item, st)] for st in dashboard.STATUSES)
        assert i.missing == missing[i.item]
    assert d.questions == sum(counts.values())


def _override(client, headers, call_id: str, **body) -> None:
    r = client.post(f"/v1/calls/{call_id}/overrides", headers=headers, json={"reason": "QA says so", **body})
    assert r.status_code == 201, r.text


def _reaudit(settings, call_id: str, report) -> None:
    """A re-audit as the worker runs it: queued again, then the new result replaces the old rows."""
    with session_scope(settings) as s:
        call = s.get(Call, call_id)
        call_service.reaudit(session=s, call=call, checklist_id="roadside", checklist_version=1)
        job_service.cancel_for_call(session=s, call_id=call.id)
        call_service.store_result(
            session=s, call=call, transcript=call.transcript, report=report.model_dump(mode="json"), redacted=True
        )


def test_rollup_follows_audits_overrides_reaudits_and_deletes(client, settings, tenants):
    a, b = tenants["a"], tenants["b"]
    ids = _seed(settings, a["id"])
    store_call(settings, b["id"], make_report("other", ["no_start"], [(0, "vehicle", "redundant")]), agent="ann")
    _check(settings, a["id"])
    before = dashboard.DashboardFilters(checklist="roadside", version=1)
    with session_scope(settings) as s:
        waste = dashboard.dashboard(session=s, tenant_id=a["id"], f=before).waste

    _override(client, a["qa"], ids["n2"], utterance=4, item="location", status="needed")
    _override(client, a["qa"], ids["n3"], utterance=0, item="vehicle", new_item="problem")  # was missing
    _override(client, a["qa"], ids["both"], utterance=2, item="location", status="redundant")
    _check(settings, a["id"])
    with session_scope(settings) as s:
        after = dashboard.dashboard(session=s, tenant_id=a["id"], f=before)
    assert after.waste == waste - 1
    assert {i.item: i.missing for i in after.items}["problem"] == 3

    _reaudit(settings, ids["n10"], make_report("n10", ["flat_tire"], [(0, "spare_tire", "redundant")]))
    _check(settings, a["id"])
    assert client.delete(f"/v1/calls/{ids['n17']}", headers=a["qa"]).status_code == 204
    _check(settings, a["id"])
    _check(settings, b["id"])
    with session_scope(settings) as s:
        other = dashboard.dashboard(session=s, tenant_id=b["id"], f=before)
        assert (other.calls, other.questions, other.waste, other.heatmap) == (1, 1, 1, {"no_start": {"vehicle": 1}})
        assert all(r.n > 0 for r in s.exec(select(VerdictDay)))


def test_migration_backfill_equals_the_maintained_rollup(client, settings, tenants):
    a = tenants["a"]
    ids = _seed(settings, a["id"])
    _override(client, a["qa"], ids["n2"], utterance=4, item="location", status="needed")

    def snapshot() -> dict:
        with session_scope(settings) as s:
            rows = s.exec(select(VerdictDay)).all()
            return {
                tuple(getattr(r, c) for c in VerdictDay.__table__.columns.keys()[:-2]): (r.n, r.seconds) for r in rows
            }

    kept = snapshot()
    assert kept
    with session_scope(settings) as s:
        s.exec(delete(VerdictDay))
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = get_engine(settings)
    command.downgrade(cfg, "0003_call_filters")
    command.upgrade(cfg, "head")
    rebuilt = snapshot()
    assert rebuilt.keys() == kept.keys()
    for key, (n, secs) in kept.items():
        assert rebuilt[key][0] == n and rebuilt[key][1] == pytest.approx(secs), key
