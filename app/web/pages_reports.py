"""The waste dashboard (the page a manager opens first), its CSV export, and the customer-focus page."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy import func
from sqlmodel import select

from app.api.deps import SessionDep
from app.calls.models import Call, CallStatus
from app.managers import dashboard as dashboard_service
from app.managers import focus as focus_service
from app.tenants.models import Role
from app.web.auth import WebUserDep, require_web
from app.web.templating import render

router = APIRouter(include_in_schema=False, dependencies=[require_web(Role.manager)])


def _date(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _audited_versions(session, tenant_id: str) -> list[tuple[str, int, int]]:  # noqa: ANN001
    """(checklist, version, calls) for every version with audited calls, most calls first."""
    q = (
        select(Call.checklist_id, Call.checklist_version, func.count())
        .where(Call.tenant_id == tenant_id, Call.status == CallStatus.done.value)
        .group_by(Call.checklist_id, Call.checklist_version)
    )
    return sorted(((c, v, n) for c, v, n in session.exec(q)), key=lambda r: (-r[2], r[0], -r[1]))


Filter = Annotated[str | None, Query(max_length=200)]
From = Annotated[str | None, Query(alias="from", max_length=40)]
To = Annotated[str | None, Query(alias="to", max_length=40)]


def dashboard_filters(
    session: SessionDep,
    user: WebUserDep,
    checklist: Filter = None,
    version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    date_from: From = None,
    date_to: To = None,
    agent: Filter = None,
    queue: Filter = None,
    reason: Filter = None,
) -> tuple[dashboard_service.DashboardFilters | None, list[tuple[str, int, int]]]:
    """The dashboard's filters from the query, defaulting to the checklist version with most audited calls;
    shared by the page and its CSV export."""
    versions = _audited_versions(session, user.tenant.id)
    if not checklist and versions:
        checklist = versions[0][0]
    if checklist and not version:
        version = max((v for c, v, _ in versions if c == checklist), default=1)
    if not checklist:
        return None, versions
    return dashboard_service.DashboardFilters(
        checklist=checklist,
        version=version,
        date_from=_date(date_from),
        date_to=_date(date_to),
        agent=agent or None,
        queue=queue or None,
        reason=reason or None,
    ), versions


DashboardQuery = Annotated[
    tuple[dashboard_service.DashboardFilters | None, list[tuple[str, int, int]]], Depends(dashboard_filters)
]


@router.get("/ui/dashboard")
def dashboard_page(
    request: Request,
    session: SessionDep,
    user: WebUserDep,
    query: DashboardQuery,
) -> Response:
    f, versions = query
    data = dashboard_service.dashboard(session=session, tenant_id=user.tenant.id, f=f) if f else None
    args = {k: v for k, v in request.query_params.items() if v}
    return render(
        request,
        "dashboard.html",
        user,
        f=f,
        d=data,
        versions=versions,
        args=args,
        chart=data.model_dump(mode="json") if data else None,
    )


@router.get("/ui/dashboard.csv")
def dashboard_csv(
    session: SessionDep,
    user: WebUserDep,
    query: DashboardQuery,
) -> Response:
    f, _ = query
    buf = io.StringIO()
    writer = csv.writer(buf)
    if f is not None:
        writer.writerows(
            dashboard_service.csv_rows(dashboard_service.dashboard(session=session, tenant_id=user.tenant.id, f=f))
        )
    name = f"waste-{f.checklist}-v{f.version}.csv" if f else "waste.csv"
    return Response(
        buf.getvalue(),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/ui/focus")
def focus_page(
    request: Request,
    session: SessionDep,
    user: WebUserDep,
    agent: Filter = None,
    queue: Filter = None,
    date_from: From = None,
    date_to: To = None,
) -> Response:
    rep = focus_service.customer_focus(
        session=session,
        tenant_id=user.tenant.id,
        agent=agent or None,
        queue=queue or None,
        date_from=_date(date_from),
        date_to=_date(date_to),
    )
    args = {k: v for k, v in request.query_params.items() if v}
    return render(request, "focus.html", user, rep=rep, args=args, chart=rep.model_dump(mode="json"))
