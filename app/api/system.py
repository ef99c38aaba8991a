"""`/healthz` (the process answers) and `/readyz` (database and job queue reachable)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.core.db import new_session

router = APIRouter(tags=["system"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """Liveness: the process is up."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "Database or job queue unreachable."}})
def readyz(request: Request) -> JSONResponse:
    """Readiness: the database answers and the job queue (embedded pool or broker) is usable."""
    checks: dict[str, str] = {}
    try:
        with new_session(request.app.state.settings) as s:
            s.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as e:
        checks["database"] = f"unreachable: {type(e).__name__}"
    checks["queue"] = request.app.state.queue_check()
    ok = all(v == "ok" for v in checks.values())
    return JSONResponse(
        {"status": "ok" if ok else "unavailable", "checks": checks}, status_code=200 if ok else 503
    )
