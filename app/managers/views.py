"""Managers' API: QA overrides, calibration, trim proposals and the customer-focus report."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import PlainTextResponse

from app.api.deps import CurrentKey, CurrentTenant, SessionDep, require
from app.checklists import service as checklist_service
from app.managers import calibration as calibration_service
from app.managers import focus as focus_service
from app.managers import overrides as override_service
from app.managers import trim_service
from app.managers.calibration import Calibration
from app.managers.focus import FocusReport
from app.managers.models import (
    Override,
    OverrideCreate,
    OverridePublic,
    ProposalCreate,
    ProposalPublic,
    StoredProposal,
)
from app.tenants.models import Role

router = APIRouter(tags=["managers"])


def override_public(ov: Override) -> OverridePublic:
    return OverridePublic.model_validate(ov, from_attributes=True)


def proposal_public(request: Request, row: StoredProposal) -> ProposalPublic:
    return ProposalPublic(
        id=row.id,
        checklist=row.checklist_id,
        checklist_version=row.checklist_version,
        filters=row.filters,
        author=row.author,
        created_at=row.created_at,
        adopted_version=row.adopted_version,
        adopted_at=row.adopted_at,
        proposal=row.body,
        url=str(request.url_for("get_proposal", checklist_id=row.checklist_id, proposal_id=row.id)),
    )


@router.post(
    "/v1/calls/{call_id}/overrides",
    status_code=201,
    response_model=OverridePublic,
    dependencies=[require(Role.qa)],
)
def create_override(
    call_id: str, body: OverrideCreate, session: SessionDep, tenant: CurrentTenant, key: CurrentKey
) -> OverridePublic:
    """Override one verdict of an audited call (its status, or the item the utterance asks), with a reason.

    The engine's verdict is kept beside the override; reports and trim proposals count the override.
    """
    ov = override_service.create(session=session, tenant_id=tenant.id, call_id=call_id, body=body, key=key)
    return override_public(ov)


@router.get("/v1/calls/{call_id}/overrides", response_model=list[OverridePublic])
def list_overrides(call_id: str, session: SessionDep, tenant: CurrentTenant) -> list[OverridePublic]:
    """The call's overrides, oldest first: who, when, why, and the engine's verdict beside each."""
    return [override_public(o) for o in override_service.get_all(session=session, tenant_id=tenant.id, call_id=call_id)]


@router.post("/v1/calls/{call_id}/review", status_code=204, dependencies=[require(Role.qa)])
def review_call(call_id: str, session: SessionDep, tenant: CurrentTenant, key: CurrentKey) -> Response:
    """Mark an audited call reviewed by QA: verdicts without an override count as agreed in calibration."""
    override_service.review(session=session, tenant_id=tenant.id, call_id=call_id, key=key)
    return Response(status_code=204)


@router.get(
    "/v1/reports/calibration",
    response_model=Calibration,
    dependencies=[require(Role.manager)],
    responses={200: {"content": {"application/x-ndjson": {}}, "description": "JSON, or JSONL of the overrides."}},
)
def get_calibration(
    request: Request,
    session: SessionDep,
    tenant: CurrentTenant,
    checklist: Annotated[str | None, Query(max_length=100)] = None,
    format: Annotated[
        str | None, Query(pattern="^(json|jsonl)$", description="`jsonl`: the overrides as labelled lines.")
    ] = None,
):
    """Engine-versus-QA agreement per item and per status over the calls QA reviewed."""
    wants_jsonl = format == "jsonl" or "application/x-ndjson" in request.headers.get("accept", "")
    if wants_jsonl:
        lines = calibration_service.export_jsonl(session=session, tenant_id=tenant.id, checklist=checklist)
        return PlainTextResponse("".join(f"{ln}\n" for ln in lines), media_type="application/x-ndjson")
    return calibration_service.calibration(session=session, tenant_id=tenant.id, checklist=checklist)


@router.get("/v1/reports/customer-focus", response_model=FocusReport, dependencies=[require(Role.manager)])
def get_customer_focus(
    session: SessionDep,
    tenant: CurrentTenant,
    agent: Annotated[str | None, Query(max_length=200)] = None,
    queue: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[datetime | None, Query(alias="from")] = None,
    date_to: Annotated[datetime | None, Query(alias="to")] = None,
) -> FocusReport:
    """Per agent and queue: responsibility-shifting utterances against ownership, quotes, weekly trend."""
    return focus_service.customer_focus(
        session=session, tenant_id=tenant.id, agent=agent, queue=queue, date_from=date_from, date_to=date_to
    )


@router.post(
    "/v1/checklists/{checklist_id}/proposals",
    status_code=201,
    response_model=ProposalPublic,
    dependencies=[require(Role.manager)],
)
def create_proposal(
    checklist_id: str,
    request: Request,
    session: SessionDep,
    tenant: CurrentTenant,
    key: CurrentKey,
    body: ProposalCreate | None = None,
) -> ProposalPublic:
    """Propose the next, shorter version of a checklist from its audited calls (optionally filtered)."""
    row = trim_service.create(
        session=session,
        tenant_id=tenant.id,
        checklist_id=checklist_id,
        body=body or ProposalCreate(),
        author=override_service.author_of(key),
    )
    return proposal_public(request, row)


@router.get(
    "/v1/checklists/{checklist_id}/proposals",
    response_model=list[ProposalPublic],
    dependencies=[require(Role.manager)],
)
def list_proposals(
    checklist_id: str, request: Request, session: SessionDep, tenant: CurrentTenant
) -> list[ProposalPublic]:
    """The checklist's proposals, newest first."""
    checklist_service.get_or_raise(session=session, tenant_id=tenant.id, checklist_id=checklist_id)  # 404
    rows = trim_service.get_all(session=session, tenant_id=tenant.id, checklist_id=checklist_id)
    return [proposal_public(request, r) for r in rows]


@router.get(
    "/v1/checklists/{checklist_id}/proposals/{proposal_id}",
    response_model=ProposalPublic,
    dependencies=[require(Role.manager)],
)
def get_proposal(
    checklist_id: str, proposal_id: str, request: Request, session: SessionDep, tenant: CurrentTenant
) -> ProposalPublic:
    """One proposal: decisions item by item with evidence, savings, the YAML and the diff."""
    row = trim_service.get_or_raise(
        session=session, tenant_id=tenant.id, checklist_id=checklist_id, proposal_id=proposal_id
    )
    return proposal_public(request, row)


@router.post(
    "/v1/checklists/{checklist_id}/proposals/{proposal_id}/adopt",
    response_model=ProposalPublic,
    dependencies=[require(Role.manager)],
)
def adopt_proposal(
    checklist_id: str, proposal_id: str, request: Request, session: SessionDep, tenant: CurrentTenant
) -> ProposalPublic:
    """Make the proposed checklist the latest version. Calls keep the version they were audited against."""
    row = trim_service.adopt(session=session, tenant_id=tenant.id, checklist_id=checklist_id, proposal_id=proposal_id)
    return proposal_public(request, row)
