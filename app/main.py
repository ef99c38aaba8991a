"""The FastAPI application: `create_app()` wires settings, database, job queue, routers and handlers.

Routers are mounted from ROUTERS, the one list to extend (the web pages add theirs there).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from app.api import system
from app.calls import views as calls
from app.checklists import views as checklists
from app.core import metrics
from app.core.config import Settings, get_settings
from app.core.db import migrate, session_scope
from app.core.errors import install_handlers
from app.core.limits import BodySizeLimit
from app.managers import views as managers
from app.reports import views as reports
from app.tenants import views as tenants
from app.web import routes as web_pages
from app.webhooks import views as webhooks

log = logging.getLogger("callaudit.api")

ROUTERS: list[APIRouter] = [
    system.router,
    calls.router,
    checklists.router,
    reports.router,
    webhooks.router,
    tenants.router,
    managers.router,
    web_pages.router,
]

DESCRIPTION = """\
Audit call-center calls against your mandated question checklists.

**Flow for an integrator**: `POST /v1/calls` with a recording or a transcript and the checklist id;
you get `202` and the call's URL at once. Poll `GET /v1/calls/{id}` until `status` is `done` (the
`report` says, per agent question, whether it was `needed`, `redundant` or `irrelevant`, with evidence)
or `failed` (`error` says why), or register a webhook to be told. `GET /v1/reports/waste` aggregates
verdicts per checklist item for the managers who trim checklists.

**Auth**: every `/v1` call needs `Authorization: Bearer KEY`. Keys belong to one tenant and carry a role:
`qa` (submit and read calls), `manager` (plus checklists and reports), `admin` (plus keys and webhooks).
Ids of other tenants answer 404.

**Errors** are JSON `{"detail": "..."}` naming the field, line or file at fault.
"""


def _start_queue(app: FastAPI, settings: Settings) -> None:
    from app.jobs.dispatch import CeleryDispatcher, Sweeper
    from app.jobs.pool import WorkerPool

    if settings.broker_url:
        dispatcher = CeleryDispatcher(settings)
        sweeper = Sweeper(settings, dispatcher)
        app.state.dispatcher = dispatcher
        app.state.stop_queue = sweeper.stop

        def check() -> str:
            try:
                dispatcher.ping()
                return "ok"
            except Exception as e:
                return f"broker unreachable: {type(e).__name__}"

        app.state.queue_check = check
        sweeper.start()
    else:
        pool = WorkerPool(settings)
        app.state.dispatcher = pool.dispatcher
        app.state.stop_queue = pool.stop
        app.state.queue_check = lambda: "ok" if pool.alive or pool.size == 0 else "embedded workers stopped"
        app.state.pool = pool
        pool.start()
    if settings.warm_up:
        import functools
        import threading

        from app.calls.engine import warm_up

        job = functools.partial(warm_up, with_engine=not settings.broker_url)
        threading.Thread(target=_quietly(job), name="warm-up", daemon=True).start()


def _quietly(fn):  # noqa: ANN001, ANN202
    def run() -> None:
        try:
            fn()
        except Exception:  # a model that fails to load fails the first job instead, with its message
            log.warning("warm-up failed", exc_info=True)

    return run


def load_library_for_new_tenants(settings: Settings) -> None:
    """Tenants with no checklist yet get the bundled library (on their first start)."""
    from sqlmodel import select

    from app.checklists import service as checklist_service
    from app.tenants.models import Tenant

    with session_scope(settings) as s:
        for tenant in s.exec(select(Tenant)):
            if checklist_service.count_versions(session=s, tenant_id=tenant.id) == 0:
                checklist_service.load_library(
                    session=s, tenant_id=tenant.id, scripts_dir=settings.scripts_dir
                )


def create_app(settings: Settings | None = None, *, run_jobs: bool = True) -> FastAPI:
    """The API app. `run_jobs=False` leaves jobs queued (for tools that only read)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        migrate(settings)
        load_library_for_new_tenants(settings)
        if run_jobs:
            _start_queue(app, settings)
        try:
            yield
        finally:
            app.state.stop_queue()

    app = FastAPI(
        title="callaudit",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "calls", "description": "Submit calls and read their audits."},
            {"name": "checklists", "description": "Mandated checklists, versioned."},
            {"name": "reports", "description": "Checklist waste across calls."},
            {"name": "webhooks", "description": "Be told when a call is audited."},
            {"name": "tenant", "description": "Tenant settings and API keys."},
            {"name": "system", "description": "Health and readiness."},
        ],
    )
    app.state.settings = settings
    app.state.dispatcher = _NoDispatch()
    app.state.stop_queue = lambda: None
    app.state.queue_check = lambda: "jobs are not run by this process"
    install_handlers(app)
    metrics.install(app, settings)
    for router in ROUTERS:
        app.include_router(router)
    limit = settings.max_upload_bytes + 1024 * 1024  # the form's other fields and boundaries
    app.add_middleware(
        BodySizeLimit,
        limit=limit,
        message=f"upload exceeds the limit of {settings.max_upload_mb:g} MB (CALLAUDIT_MAX_UPLOAD_MB)",
    )
    return app


class _NoDispatch:
    def submitted(self, job_ids: list[str]) -> None:
        return None
