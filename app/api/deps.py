"""Request dependencies, as `Annotated` aliases: the session, the caller's key and tenant, role checks.

Routes declare what they need (`Session`, `CurrentKey`, `require(Role.manager)`) and never look up
keys or tenants themselves; every service call then takes the tenant id from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from app.core.config import Settings, get_settings
from app.core.db import new_session
from app.tenants import service as tenant_service
from app.tenants.models import ApiKey, Role, Tenant

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiKey",
    description="A tenant API key, sent as `Authorization: Bearer KEY`.",
)


def get_db(request: Request) -> Iterator[Session]:
    """One session per request; routes commit what they change."""
    session = new_session(request.app.state.settings)
    try:
        yield session
    finally:
        session.close()


def get_app_settings(request: Request) -> Settings:
    return getattr(request.app.state, "settings", None) or get_settings()


SessionDep = Annotated[Session, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def get_current_key(
    session: SessionDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> ApiKey:
    """The caller's live API key, or 401."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise HTTPException(
            401, "missing API key: send `Authorization: Bearer KEY`", headers={"WWW-Authenticate": "Bearer"}
        )
    key = tenant_service.authenticate(session=session, key=credentials.credentials)
    if key is None:
        raise HTTPException(401, "invalid or revoked API key", headers={"WWW-Authenticate": "Bearer"})
    return key


CurrentKey = Annotated[ApiKey, Depends(get_current_key)]


def get_current_tenant(session: SessionDep, key: CurrentKey) -> Tenant:
    tenant = tenant_service.get(session=session, tenant_id=key.tenant_id)
    if tenant is None:  # a key outlived its tenant: treat as unknown
        raise HTTPException(401, "invalid or revoked API key", headers={"WWW-Authenticate": "Bearer"})
    return tenant


CurrentTenant = Annotated[Tenant, Depends(get_current_tenant)]


def require(role: Role):  # noqa: ANN201 - returns a dependency
    """A dependency that refuses keys below `role` with 403 naming the role needed."""

    def _check(key: CurrentKey) -> ApiKey:
        if Role(key.role).rank < role.rank:
            raise HTTPException(403, f"this needs a key with role {role.value!r} (yours is {key.role!r})")
        return key

    return Depends(_check)
