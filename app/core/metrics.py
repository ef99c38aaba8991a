"""Prometheus metrics: HTTP requests, jobs run and their durations, and jobs by state (from the database).

Counters live in one process-wide registry; the jobs-by-state gauge is collected from the database at
scrape time, so it is right whichever process (API or Celery worker) ran the jobs.
"""

from __future__ import annotations

import time

from fastapi import FastAPI, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from starlette.middleware.base import BaseHTTPMiddleware

REGISTRY = CollectorRegistry()

HTTP_REQUESTS = Counter(
    "callaudit_http_requests_total",
    "HTTP requests by route template, method and status.",
    ["method", "route", "status"],
    registry=REGISTRY,
)
HTTP_DURATION = Histogram(
    "callaudit_http_request_duration_seconds",
    "HTTP request duration by route template.",
    ["method", "route"],
    registry=REGISTRY,
)
JOBS_RUN = Counter(
    "callaudit_jobs_run_total",
    "Jobs run in this process by kind and outcome.",
    ["kind", "outcome"],
    registry=REGISTRY,
)
JOB_DURATION = Histogram(
    "callaudit_job_duration_seconds",
    "Job run time in this process by kind and outcome.",
    ["kind", "outcome"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
    registry=REGISTRY,
)


class JobsByState:
    """A collector reading job counts by kind and state from the database at scrape time."""

    def __init__(self, settings) -> None:  # noqa: ANN001
        self.settings = settings

    def collect(self):  # noqa: ANN201
        from app.core.db import new_session
        from app.jobs import service

        family = GaugeMetricFamily(
            "callaudit_jobs", "Jobs in the database by kind and state.", labels=["kind", "state"]
        )
        with new_session(self.settings) as s:
            for (kind, state), n in sorted(service.count_by_state(session=s).items()):
                family.add_metric([kind, state], n)
        yield family


class MetricsMiddleware(BaseHTTPMiddleware):
    """Counts and times requests by route template (never the raw path, which holds ids)."""

    async def dispatch(self, request: Request, call_next):  # noqa: ANN001, ANN201
        started = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
            return response
        finally:
            route = request.scope.get("route")
            template = getattr(route, "path", "unmatched")
            HTTP_REQUESTS.labels(request.method, template, str(status)).inc()
            HTTP_DURATION.labels(request.method, template).observe(time.perf_counter() - started)


def install(app: FastAPI, settings) -> None:  # noqa: ANN001
    """Add the middleware and `GET /metrics` to the app."""
    app_registry = CollectorRegistry()
    app_registry.register(JobsByState(settings))
    app.add_middleware(MetricsMiddleware)

    @app.get("/metrics", include_in_schema=False)
    def metrics_endpoint() -> Response:
        body = generate_latest(REGISTRY) + generate_latest(app_registry)
        return Response(body, media_type=CONTENT_TYPE_LATEST)
