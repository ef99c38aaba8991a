"""Checklists: versions, a readable diff between two, YAML upload with errors at the line; trim proposals."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from app.api.deps import SessionDep
from app.checklists import service as checklist_service
from app.core.errors import ApiError
from app.managers import trim_service
from app.managers.models import ProposalCreate, ProposalFilters
from app.managers.overrides import author_of
from app.tenants.models import Role
from app.web import yaml_errors
from app.web.auth import CsrfUserDep, WebUserDep, require_web
from app.web.templating import render
from audit.trim import diff_checklists, render_diff

router = APIRouter(include_in_schema=False, dependencies=[require_web(Role.manager)])


@router.get("/ui/checklists")
def checklists_page(request: Request, session: SessionDep, user: WebUserDep) -> Response:
    rows = checklist_service.get_all(session=session, tenant_id=user.tenant.id)
    latest: dict[str, object] = {}
    versions: dict[str, list[int]] = {}
    for r in rows:
        latest[r.checklist_id] = r
        versions.setdefault(r.checklist_id, []).append(r.version)
    return render(
        request,
        "checklists.html",
        user,
        checklists=list(latest.values()),
        versions=versions,
        problems=[],
        text="",
    )


@router.post("/ui/checklists")
def upload_checklist(
    request: Request,
    session: SessionDep,
    user: CsrfUserDep,
    yaml_text: Annotated[str, Form(alias="yaml", max_length=2_000_000)] = "",
) -> Response:
    checklist, problems = yaml_errors.check(yaml_text)
    if checklist is None:
        rows = checklist_service.get_all(session=session, tenant_id=user.tenant.id)
        latest = {r.checklist_id: r for r in rows}
        versions: dict[str, list[int]] = {}
        for r in rows:
            versions.setdefault(r.checklist_id, []).append(r.version)
        return render(
            request,
            "checklists.html",
            user,
            status_code=422,
            checklists=list(latest.values()),
            versions=versions,
            problems=problems,
            text=yaml_text,
        )
    row, _ = checklist_service.create(session=session, tenant_id=user.tenant.id, checklist=checklist)
    session.commit()
    return RedirectResponse(f"/ui/checklists/{row.checklist_id}?a={row.version}", status_code=303)


@router.get("/ui/checklists/{checklist_id}")
def checklist_page(
    request: Request,
    checklist_id: str,
    session: SessionDep,
    user: WebUserDep,
    a: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    b: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
) -> Response:
    rows = [
        r
        for r in checklist_service.get_all(session=session, tenant_id=user.tenant.id)
        if r.checklist_id == checklist_id
    ]
    if not rows:
        return render(request, "error.html", user, status_code=404, message=f"No checklist {checklist_id!r}.")
    by_version = {r.version: r for r in rows}
    shown = by_version.get(a or rows[-1].version, rows[-1])
    other = by_version.get(b) if b else None
    diff = changes = None
    if other is not None and other.version != shown.version:
        old, new = sorted([shown, other], key=lambda r: r.version)
        diff = render_diff(checklist_service.to_engine(old), checklist_service.to_engine(new))
        changes = diff_checklists(checklist_service.to_engine(old), checklist_service.to_engine(new))
    proposals = trim_service.get_all(session=session, tenant_id=user.tenant.id, checklist_id=checklist_id)
    return render(
        request,
        "checklist.html",
        user,
        rows=rows,
        shown=shown,
        other=other,
        diff=diff,
        changes=changes,
        checklist=checklist_service.to_engine(shown),
        proposals=proposals,
        error=request.query_params.get("error"),
    )


@router.post("/ui/checklists/{checklist_id}/proposals")
def make_proposal(
    checklist_id: str,
    session: SessionDep,
    user: CsrfUserDep,
    version: Annotated[int | None, Form(ge=1, le=1_000_000)] = None,
    queue: Annotated[str, Form(max_length=200)] = "",
    agent: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    from urllib.parse import quote

    filters = ProposalFilters(version=version, queue=queue or None, agent=agent or None)
    try:
        row = trim_service.create(
            session=session,
            tenant_id=user.tenant.id,
            checklist_id=checklist_id,
            body=ProposalCreate(filters=filters),
            author=author_of(user.key),
        )
    except ApiError as e:
        return RedirectResponse(f"/ui/checklists/{checklist_id}?error={quote(e.detail)}", status_code=303)
    return RedirectResponse(f"/ui/checklists/{checklist_id}/proposals/{row.id}", status_code=303)


@router.get("/ui/checklists/{checklist_id}/proposals/{proposal_id}")
def trim_page(request: Request, checklist_id: str, proposal_id: str, session: SessionDep, user: WebUserDep) -> Response:
    try:
        row = trim_service.get_or_raise(
            session=session, tenant_id=user.tenant.id, checklist_id=checklist_id, proposal_id=proposal_id
        )
    except ApiError as e:
        return render(request, "error.html", user, status_code=404, message=e.detail)
    return render(request, "trim.html", user, row=row, p=row.body, error=request.query_params.get("error"))


@router.post("/ui/checklists/{checklist_id}/proposals/{proposal_id}/adopt")
def adopt(request: Request, checklist_id: str, proposal_id: str, session: SessionDep, user: CsrfUserDep) -> Response:
    from urllib.parse import quote

    try:
        row = trim_service.adopt(
            session=session, tenant_id=user.tenant.id, checklist_id=checklist_id, proposal_id=proposal_id
        )
    except ApiError as e:
        if e.status_code == 404:
            return render(request, "error.html", user, status_code=404, message=e.detail)
        return RedirectResponse(
            f"/ui/checklists/{checklist_id}/proposals/{proposal_id}?error={quote(e.detail)}", status_code=303
        )
    return RedirectResponse(
        f"/ui/checklists/{checklist_id}?a={row.adopted_version}&b={row.checklist_version}", status_code=303
    )
