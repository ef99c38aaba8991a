"""Dashboard data and trim proposal over many stored audited calls, on SQLite and PostgreSQL.

    python benchmarks/managers_scale.py --calls 100000                       # SQLite in a temp dir
    python benchmarks/managers_scale.py --calls 100000 --database-url postgresql+psycopg://...
    python benchmarks/managers_scale.py --calls 100000 --postgres-temp       # a throwaway local cluster

Synthetic calls against the bundled roadside checklist (one reason each, 4 to 8 asks, statuses following
`applies_to` plus 30% customers who volunteered the answer) are bulk-inserted as the service stores them;
the dashboard's per-day rollup is filled from the same rows by `app.calls.rollup`, as the service does;
then the dashboard's queries and a trim proposal run, each timed as the median of a few runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert  # noqa: E402
from sqlmodel import select  # noqa: E402

from app.calls import rollup  # noqa: E402
from app.calls.models import Call, CallItem, CallQuestion, CallReason, VerdictDay  # noqa: E402
from app.checklists import service as checklist_service  # noqa: E402
from app.core.config import Settings  # noqa: E402
from app.core.db import dispose_engines, get_engine, migrate, session_scope  # noqa: E402
from app.managers import dashboard, trim_service  # noqa: E402
from app.managers.models import ProposalFilters  # noqa: E402
from app.tenants import service as tenant_service  # noqa: E402
from audit.trim import propose  # noqa: E402
from benchmarks.synthetic_calls import done_call_row  # noqa: E402

BATCH = 5000


def _rows(n: int, tenant_id: str, checklist, seed: int = 7):  # noqa: ANN001, ANN201
    rnd = random.Random(seed)
    reasons = [r.id for r in checklist.reasons]
    items = checklist.items
    start = datetime(2026, 9, 1, tzinfo=UTC)
    for k in range(n):
        cid = f"call_bench_{k:07d}"
        reason = rnd.choice(reasons)
        at = start + timedelta(minutes=rnd.randrange(0, 12 * 7 * 24 * 60))
        agent, queue = f"agent{rnd.randrange(50)}", f"queue{rnd.randrange(5)}"
        common = {
            "call_id": cid,
            "tenant_id": tenant_id,
            "checklist_id": checklist.id,
            "checklist_version": checklist.version,
            "agent_id": agent,
            "queue": queue,
            "call_at": at,
        }
        asked = rnd.sample(items, rnd.randint(4, 8))
        qs, states = [], []
        for j, it in enumerate(asked):
            if it.applies_to and reason not in it.applies_to:
                status = "irrelevant"
            else:
                status = "redundant" if rnd.random() < 0.3 else "needed"
            qs.append(
                {
                    **common,
                    "utterance": 2 * j,
                    "item": it.id,
                    "status": status,
                    "seconds": round(rnd.uniform(2, 6), 1),
                }
            )
            states.append({**common, "item": it.id, "state": "asked"})
        for it in items:
            if it not in asked and rnd.random() < 0.2:
                states.append({**common, "item": it.id, "state": rnd.choice(["covered", "missing"])})
        call = done_call_row(cid, tenant_id, agent, queue, at, checklist, qs)
        yield call, qs, states, {"call_id": cid, "tenant_id": tenant_id, "reason": reason, "confidence": 0.9}


def load(settings: Settings, n: int) -> tuple[str, object]:
    migrate(settings)
    with session_scope(settings) as s:
        tenant = tenant_service.create(session=s, name=f"bench-{time.time_ns()}")
        s.flush()
        tid = tenant.id
        checklist_service.load_library(session=s, tenant_id=tid, scripts_dir=settings.scripts_dir)
    with session_scope(settings) as s:
        checklist = checklist_service.to_engine(
            checklist_service.get_or_raise(session=s, tenant_id=tid, checklist_id="roadside")
        )
    engine = get_engine(settings)
    buf: dict[str, list] = {"c": [], "q": [], "i": [], "r": []}
    deltas = rollup.new_deltas()

    def flush() -> None:
        """One transaction per batch: the rows and their rollup deltas, as `store_result` writes them."""
        nonlocal deltas
        with engine.begin() as conn:
            for key, table in (("c", Call), ("q", CallQuestion), ("i", CallItem), ("r", CallReason)):
                if buf[key]:
                    conn.execute(insert(table), buf[key])
                    buf[key] = []
            rollup.apply(conn, deltas)
        deltas = rollup.new_deltas()

    for call, qs, states, reason in _rows(n, tid, checklist):
        buf["c"].append(call)
        buf["q"].extend(qs)
        buf["i"].extend(states)
        buf["r"].append(reason)
        facts = [(q["item"], q["status"], q["seconds"]) for q in qs]
        facts += [(i["item"], rollup.MISSING, None) for i in states if i["state"] == rollup.MISSING]
        rollup.tally(rollup.Scope.of(call), [reason["reason"]], facts, 1, deltas)
        if len(buf["c"]) >= BATCH:
            flush()
    flush()
    return tid, checklist


def timed(fn, runs: int = 3) -> tuple[float, object]:  # noqa: ANN001
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def run(settings: Settings, n: int, label: str) -> dict:
    t0 = time.perf_counter()
    tid, checklist = load(settings, n)
    load_s = time.perf_counter() - t0
    f = dashboard.DashboardFilters(checklist="roadside", version=checklist.version)

    f_agent = dashboard.DashboardFilters(checklist="roadside", version=checklist.version, agent="agent7")

    def dash(use_rollup: bool = True):  # noqa: ANN202
        with session_scope(settings) as s:
            return dashboard.dashboard(session=s, tenant_id=tid, f=f, use_rollup=use_rollup)

    def dash_agent(use_rollup: bool = True):  # noqa: ANN202
        with session_scope(settings) as s:
            return dashboard.dashboard(session=s, tenant_id=tid, f=f_agent, use_rollup=use_rollup)

    def trim():  # noqa: ANN202
        with session_scope(settings) as s:
            obs = trim_service.observations(
                session=s, tenant_id=tid, checklist=checklist, filters=ProposalFilters()
            )
            return propose(obs)

    dash_s, d = timed(dash)
    agent_s, d_agent = timed(dash_agent)
    rows_s, d_rows = timed(lambda: dash(False), runs=1)  # the verdict-row queries, for comparison
    rows_agent_s, d_agent_rows = timed(lambda: dash_agent(False), runs=1)
    if d.model_dump() != d_rows.model_dump() or d_agent.model_dump() != d_agent_rows.model_dump():
        raise SystemExit("the rollup's dashboard differs from the verdict rows' dashboard")
    trim_s, prop = timed(trim)
    with session_scope(settings) as s:
        rollup_rows = s.exec(select(func.count()).select_from(VerdictDay).where(VerdictDay.tenant_id == tid)).one()
    return {
        "backend": label,
        "calls": d.calls,
        "questions": d.questions,
        "rollup_rows": int(rollup_rows),
        "load_s": round(load_s, 1),
        "dashboard_s": round(dash_s, 3),
        "dashboard_one_agent_s": round(agent_s, 3),
        "dashboard_rows_s": round(rows_s, 3),
        "dashboard_one_agent_rows_s": round(rows_agent_s, 3),
        "trim_s": round(trim_s, 3),
        "changes": sum(1 for x in prop.decisions if x.actions),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--database-url", help="PostgreSQL URL (default: SQLite in a temp dir)")
    ap.add_argument("--postgres-temp", action="store_true", help="start a throwaway local PostgreSQL cluster")
    args = ap.parse_args()
    server = None
    url, label = args.database_url, "postgresql" if args.database_url else "sqlite"
    if args.postgres_temp:
        from tests.app import svc_servers

        server = svc_servers.start_postgres()
        url, label = server.create_database("bench"), "postgresql"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(data_dir=Path(tmp), environment="test", database_url=url, workers=0)
            res = run(settings, args.calls, label)
            dispose_engines()
    finally:
        if server is not None:
            server.stop()
    print(" | ".join(f"{k}={v}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
