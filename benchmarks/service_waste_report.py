"""Waste-report time over many stored audited calls, on SQLite and PostgreSQL.

    python benchmarks/service_waste_report.py --calls 100000                    # SQLite, then a temp PostgreSQL
    python benchmarks/service_waste_report.py --calls 100000 --only sqlite
    python benchmarks/service_waste_report.py --calls 100000 --database-url postgresql+psycopg://...

Synthetic audited calls against the bundled roadside checklist (one or two reasons, 4 to 10 asks with
statuses that follow `applies_to`, item states, timestamps) are bulk-inserted into the same tables the
service writes; then `GET /v1/reports/waste`'s query runs unfiltered and with agent, reason and date filters,
each timed as the median of 5 runs.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "app"))

from sqlalchemy import insert  # noqa: E402

from app.calls.models import Call, CallItem, CallQuestion, CallReason  # noqa: E402
from app.checklists import service as checklist_service  # noqa: E402
from app.core.config import Settings  # noqa: E402
from app.core.db import dispose_engines, get_engine, migrate, session_scope  # noqa: E402
from app.reports.models import WasteFilters  # noqa: E402
from app.reports.service import waste_report  # noqa: E402
from app.tenants import service as tenant_service  # noqa: E402
from benchmarks.synthetic_calls import done_call_row  # noqa: E402

BATCH = 5000


def synthetic(n: int, tenant_id: str, checklist, seed: int = 11):  # noqa: ANN001, ANN201
    """Rows for n audited calls, as `app.calls.service.store_result` writes them."""
    rnd = random.Random(seed)
    reasons = [r.id for r in checklist.reasons]
    start = datetime(2026, 6, 1, tzinfo=UTC)
    for k in range(n):
        cid = f"call_bench_{k:08d}"
        call_reasons = rnd.sample(reasons, 1 if rnd.random() < 0.8 else 2)
        at = start + timedelta(minutes=rnd.randrange(0, 180 * 24 * 60))
        common = {
            "call_id": cid,
            "tenant_id": tenant_id,
            "checklist_id": checklist.id,
            "checklist_version": checklist.version,
            "agent_id": f"agent{rnd.randrange(80)}",
            "queue": f"queue{rnd.randrange(6)}",
            "call_at": at,
        }
        asked = rnd.sample(checklist.items, min(len(checklist.items), rnd.randint(4, 10)))
        questions = []
        for j, item in enumerate(asked):
            applies = item.applies_to is None or set(item.applies_to) & set(call_reasons)
            status = "irrelevant" if not applies else ("redundant" if rnd.random() < 0.3 else "needed")
            questions.append(
                {
                    **common,
                    "utterance": 2 * j + 1,
                    "item": item.id,
                    "status": status,
                    "seconds": round(rnd.uniform(2, 9), 1),
                }
            )
        asked_ids = {i.id for i in asked}
        items = [
            {
                **common,
                "item": i.id,
                "state": "asked"
                if i.id in asked_ids
                else rnd.choice(["covered", "missing", "not_applicable"]),
            }
            for i in checklist.items
        ]
        call = done_call_row(cid, tenant_id, common["agent_id"], common["queue"], at, checklist, questions)
        reasons_rows = [
            {"call_id": cid, "tenant_id": tenant_id, "reason": r, "confidence": 0.9} for r in call_reasons
        ]
        yield call, questions, items, reasons_rows


def load(settings: Settings, n: int) -> tuple[str, str, float]:
    """Create a tenant with the library and n audited calls; returns tenant id, a reason and seconds taken."""
    migrate(settings)
    with session_scope(settings) as s:
        tenant = tenant_service.create(session=s, name=f"bench-{time.time_ns()}")
        checklist_service.load_library(session=s, tenant_id=tenant.id, scripts_dir=settings.scripts_dir)
        checklist = checklist_service.to_engine(
            checklist_service.get(session=s, tenant_id=tenant.id, checklist_id="roadside")
        )
        tenant_id = tenant.id
    started = time.perf_counter()
    buffers: dict[type, list[dict]] = {Call: [], CallQuestion: [], CallItem: [], CallReason: []}
    engine = get_engine(settings)

    def flush() -> None:
        with engine.begin() as conn:
            for table, rows in buffers.items():
                if rows:
                    conn.execute(insert(table), rows)
                    rows.clear()

    for k, (call, qs, items, reasons) in enumerate(synthetic(n, tenant_id, checklist), 1):
        buffers[Call].append(call)
        buffers[CallQuestion].extend(qs)
        buffers[CallItem].extend(items)
        buffers[CallReason].extend(reasons)
        if k % BATCH == 0:
            flush()
    flush()
    return tenant_id, checklist.reasons[0].id, time.perf_counter() - started


def timed(fn, runs: int = 5) -> float:  # noqa: ANN001
    fn()  # warm the page cache and the planner
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def bench(settings: Settings, n: int, label: str) -> None:
    tenant_id, reason, load_s = load(settings, n)
    print(f"{label}: loaded {n} audited calls in {load_s:.1f} s")
    cases = {
        "all calls": WasteFilters(checklist="roadside"),
        "one agent": WasteFilters(checklist="roadside", agent="agent7"),
        f"reason={reason}": WasteFilters(checklist="roadside", reason=reason),
        "one month": WasteFilters(
            checklist="roadside",
            date_from=datetime(2026, 7, 1, tzinfo=UTC),
            date_to=datetime(2026, 8, 1, tzinfo=UTC),
        ),
    }
    for name, filters in cases.items():

        def run(f=filters):  # noqa: ANN001, ANN202
            with session_scope(settings) as s:
                return waste_report(session=s, tenant_id=tenant_id, filters=f)

        seconds = timed(run)
        print(f"{label}: waste report, {name:<22} median {seconds * 1000:8.1f} ms ({run().calls} calls)")
    dispose_engines()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--only", choices=["sqlite", "postgres"], default=None)
    ap.add_argument("--database-url", default=None, help="an existing PostgreSQL database to use")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "sqlite"):
            bench(Settings(data_dir=Path(tmp) / "sqlite"), args.calls, "SQLite")
        if args.only in (None, "postgres"):
            server = None
            url = args.database_url
            if url is None:
                import svc_servers

                server = svc_servers.start_postgres()
                url = server.create_database("bench")
            try:
                bench(Settings(data_dir=Path(tmp) / "pg", database_url=url), args.calls, "PostgreSQL")
            finally:
                if server is not None:
                    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
