"""`/v1/reports/waste`: which checklist items cost time without being needed, as JSON or CSV."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from app.api.deps import CurrentTenant, SessionDep, require
from app.checklists import service as checklist_service
from app.reports import service
from app.reports.models import WasteFilters, WasteReport
from app.tenants.models import Role

router = APIRouter(prefix="/v1/reports", tags=["reports"])


class _Params:
    """The report's query parameters, shared by the JSON and CSV routes."""

    def __init__(
        self,
        checklist: Annotated[str, Query(min_length=1, max_length=100, description="Checklist id.")],
        version: Annotated[int | None, Query(ge=1, le=10**9, description="One version; all if absent.")] = None,
        date_from: Annotated[datetime | None, Query(alias="from", description="Calls at or after (ISO 8601).")] = None,
        date_to: Annotated[datetime | None, Query(alias="to", description="Calls before (ISO 8601).")] = None,
        agent: Annotated[str | None, Query(max_length=200)] = None,
        queue: Annotated[str | None, Query(max_length=200)] = None,
        reason: Annotated[
            str | None, Query(max_length=100, description="Only calls with this detected reason.")
        ] = None,
    ) -> None:
        self.filters = WasteFilters(
            checklist=checklist,
            version=version,
            date_from=date_from,
            date_to=date_to,
            agent=agent,
            queue=queue,
            reason=reason,
        )


def _report(session, tenant_id: str, params: _Params) -> WasteReport:  # noqa: ANN001
    checklist_service.get_or_raise(
        session=session,
        tenant_id=tenant_id,
        checklist_id=params.filters.checklist,
        version=params.filters.version,
    )
    return service.waste_report(session=session, tenant_id=tenant_id, filters=params.filters)


def _safe(cell: object) -> object:
    """Keep spreadsheet apps from running a cell as a formula."""
    return "'" + cell if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@") else cell


def _csv(report: WasteReport) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(service.CSV_COLUMNS)
    for row in service.to_csv_rows(report):
        writer.writerow([_safe(c) for c in row])
    name = f"waste-{report.checklist}" + (f"-v{report.version}" if report.version else "") + ".csv"
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


_CSV = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
    404: {"description": "Unknown checklist."},
}


@router.get("/waste", response_model=WasteReport, dependencies=[require(Role.manager)], responses=_CSV)
def waste(
    request: Request, session: SessionDep, tenant: CurrentTenant, params: Annotated[_Params, Depends()]
) -> WasteReport | Response:
    """Checklist waste per item and per call reason, over audited calls. `Accept: text/csv` for CSV."""
    report = _report(session, tenant.id, params)
    if "text/csv" in request.headers.get("accept", ""):
        return _csv(report)
    return report


@router.get("/waste.csv", dependencies=[require(Role.manager)], response_class=Response, responses=_CSV)
def waste_csv(session: SessionDep, tenant: CurrentTenant, params: Annotated[_Params, Depends()]) -> Response:
    """The waste report as CSV: one row per item, then one per call reason."""
    return _csv(_report(session, tenant.id, params))
