"""`/v1/tenant` and `/v1/keys`: your tenant's settings and its API keys (admin)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.api.deps import CurrentKey, CurrentTenant, SessionDep, require
from app.core.errors import Conflict, NotFound
from app.tenants import service
from app.tenants.models import (
    ApiKey,
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyPublic,
    Role,
    TenantPublic,
    TenantUpdate,
)

router = APIRouter(tags=["tenant"])


def _key(row: ApiKey) -> dict:
    return dict(
        id=row.id,
        name=row.name,
        role=Role(row.role),
        prefix=row.prefix,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )


@router.get("/v1/tenant", response_model=TenantPublic, dependencies=[require(Role.qa)])
def get_tenant(tenant: CurrentTenant) -> TenantPublic:
    """Your tenant and its settings."""
    return TenantPublic.model_validate(tenant, from_attributes=True)


@router.patch("/v1/tenant", response_model=TenantPublic, dependencies=[require(Role.admin)])
def update_tenant(body: TenantUpdate, session: SessionDep, tenant: CurrentTenant) -> TenantPublic:
    """Change tenant settings, e.g. turn redaction of personal data off or on."""
    tenant = service.update(session=session, tenant=tenant, redact_pii=body.redact_pii)
    session.commit()
    return TenantPublic.model_validate(tenant, from_attributes=True)


@router.get("/v1/keys", response_model=list[ApiKeyPublic], dependencies=[require(Role.admin)])
def list_keys(session: SessionDep, tenant: CurrentTenant) -> list[ApiKeyPublic]:
    """Your tenant's API keys (their secrets are never shown again)."""
    return [ApiKeyPublic(**_key(k)) for k in service.get_keys(session=session, tenant_id=tenant.id)]


@router.post("/v1/keys", status_code=201, response_model=ApiKeyCreated, dependencies=[require(Role.admin)])
def create_key(body: ApiKeyCreate, session: SessionDep, tenant: CurrentTenant) -> ApiKeyCreated:
    """Create an API key with a role; the secret is in this response only."""
    row, secret = service.create_key(session=session, tenant_id=tenant.id, role=body.role, name=body.name)
    session.commit()
    return ApiKeyCreated(**_key(row), key=secret)


@router.delete(
    "/v1/keys/{key_id}",
    status_code=204,
    dependencies=[require(Role.admin)],
    responses={404: {"description": "No such key in your tenant."}, 409: {"description": "Own key."}},
)
def revoke_key(key_id: str, session: SessionDep, tenant: CurrentTenant, current: CurrentKey) -> Response:
    """Revoke an API key (not the one making this request)."""
    row = service.get_key(session=session, tenant_id=tenant.id, key_id=key_id)
    if row is None:
        raise NotFound(f"no API key {key_id!r}")
    if row.id == current.id:
        raise Conflict("a key cannot revoke itself; use another admin key")
    service.revoke_key(session=session, key=row)
    session.commit()
    return Response(status_code=204)
