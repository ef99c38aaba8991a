"""Ingest throughput and read latency of the API on loopback, under concurrent load.

    python benchmarks/service_ingest.py                      # 500 submissions, 1000 reads, 16 in flight
    python benchmarks/service_ingest.py --calls 2000 --concurrency 32 --workers 0

Starts `callaudit serve` (SQLite, embedded workers unless --workers 0) in a temp data dir, creates a tenant,
then POSTs the golden roadside transcript as JSON (`POST /v1/calls`, 202) as fast as `--concurrency`
clients allow, and then GETs random calls (`GET /v1/calls/{id}`) the same way. Prints requests/s and
latency percentiles; the auditing itself runs in the background and is not part of the ingest figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CALL = ROOT.parent / "shared" / "golden" / "roadside" / "call.json"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _load(client: httpx.AsyncClient, n: int, concurrency: int, make) -> tuple[float, list[float], list]:  # noqa: ANN001
    latencies: list[float] = []
    results: list = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(n):
        queue.put_nowait(i)

    async def worker() -> None:
        while not queue.empty():
            i = queue.get_nowait()
            t = time.perf_counter()
            r = await make(client, i)
            latencies.append(time.perf_counter() - t)
            results.append(r)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started, latencies, results


async def bench(base: str, key: str, calls: int, reads: int, concurrency: int, warm: bool) -> None:
    body = {"transcript": json.loads(CALL.read_text()), "agent_id": "a1", "queue": "tow"}
    headers = {"Authorization": f"Bearer {key}"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=60) as client:
        # one call all the way first, so models and the redactor are loaded before anything is timed
        first = (await client.post("/v1/calls", json=body)).json()["id"]
        for _ in range(600 if warm else 0):
            if (await client.get(f"/v1/calls/{first}")).json()["status"] in ("done", "failed"):
                break
            await asyncio.sleep(0.2)

        async def post(c: httpx.AsyncClient, i: int) -> str:
            r = await c.post("/v1/calls", json=body, headers={"Idempotency-Key": f"bench-{i}"})
            assert r.status_code == 202, r.text
            return r.json()["id"]

        elapsed, lat, ids = await _load(client, calls, concurrency, post)
        print(
            f"ingest: {calls} x POST /v1/calls in {elapsed:.2f} s = {calls / elapsed:.0f} req/s "
            f"(p50 {statistics.median(lat) * 1000:.1f} ms, p99 {_pct(lat, 0.99) * 1000:.1f} ms, "
            f"{concurrency} in flight)"
        )
        rnd = random.Random(3)

        async def get(c: httpx.AsyncClient, i: int) -> int:
            r = await c.get(f"/v1/calls/{rnd.choice(ids)}")
            assert r.status_code == 200, r.text
            return r.status_code

        elapsed, lat, _ = await _load(client, reads, concurrency, get)
        print(
            f"read:   {reads} x GET /v1/calls/{{id}} in {elapsed:.2f} s = {reads / elapsed:.0f} req/s "
            f"(p50 {statistics.median(lat) * 1000:.1f} ms, p99 {_pct(lat, 0.99) * 1000:.1f} ms)"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=500)
    ap.add_argument("--reads", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2, help="embedded audit workers running meanwhile")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CALLAUDIT_DATA_DIR": tmp, "CALLAUDIT_WORKERS": str(args.workers)}
        env.pop("CALLAUDIT_DATABASE_URL", None)
        env.pop("CALLAUDIT_BROKER_URL", None)
        cli = [sys.executable, "-m", "app.cli"]
        out = subprocess.run(
            [*cli, "admin", "create-tenant", "bench"], env=env, cwd=ROOT, capture_output=True, text=True, check=True
        )
        key = out.stdout.strip().splitlines()[-1]
        port = _port()
        server = subprocess.Popen([*cli, "serve", "--port", str(port), "--log-level", "warning"], env=env, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            asyncio.run(bench(base, key, args.calls, args.reads, args.concurrency, warm=args.workers > 0))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
