"""Browser sign-in: an API key is exchanged for an HttpOnly, SameSite session cookie; forms carry CSRF tokens.

Pages resolve the signed-in key on every request (a revoked key ends its sessions at once) and forms are
refused unless they echo the session's CSRF token, in a form field or the `X-CSRF-Token` header.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request
from sqlmodel import Session, delete, select

from app.api.deps import SessionDep
from app.core.ids import to_utc, utcnow
from app.tenants import service as tenant_service
from app.tenants.models import ApiKey, Role, Tenant
from app.web.models import WebSession

COOKIE = "callaudit_session"
LIFETIME = timedelta(hours=12)


@dataclass(frozen=True)
class WebUser:
    key: ApiKey
    tenant: Tenant
    csrf_token: str

    @property
    def role(self) -> Role:
        return Role(self.key.role)

    def can(self, role: Role) -> bool:
        return self.role.rank >= role.rank


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in(*, session: Session, api_key: str) -> tuple[str, WebSession] | None:
    """A new session for a valid key: (cookie token, row), or None for a wrong or revoked key."""
    key = tenant_service.authenticate(session=session, key=api_key.strip())
    if key is None:
        return None
    token = secrets.token_urlsafe(32)
    row = WebSession(
        token_hash=_hash(token),
        csrf_token=secrets.token_urlsafe(24),
        key_id=key.id,
        tenant_id=key.tenant_id,
        expires_at=utcnow() + LIFETIME,
    )
    session.add(row)
    session.commit()
    return token, row


def sign_out(*, session: Session, token: str | None) -> None:
    if token:
        session.exec(delete(WebSession).where(WebSession.token_hash == _hash(token)))
        session.commit()


def current(session: Session, token: str | None) -> WebUser | None:
    """The signed-in user behind a cookie token, if the session and its key are still valid."""
    if not token:
        return None
    row = session.exec(select(WebSession).where(WebSession.token_hash == _hash(token))).first()
    if row is None or to_utc(row.expires_at) < utcnow():
        return None
    key = session.get(ApiKey, row.key_id)
    tenant = session.get(Tenant, row.tenant_id)
    if key is None or key.revoked_at is not None or tenant is None:
        return None
    return WebUser(key=key, tenant=tenant, csrf_token=row.csrf_token)


def _login_redirect(request: Request) -> HTTPException:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return HTTPException(303, "sign in first", headers={"Location": f"/ui/login?next={quote(target)}"})


def web_user(request: Request, session: SessionDep) -> WebUser:
    """The signed-in user, or a redirect to the sign-in page."""
    user = current(session, request.cookies.get(COOKIE))
    if user is None:
        raise _login_redirect(request)
    return user


WebUserDep = Annotated[WebUser, Depends(web_user)]


def require_web(role: Role):  # noqa: ANN201 - a dependency
    def _check(user: WebUserDep) -> WebUser:
        if not user.can(role):
            raise HTTPException(403, f"this page needs the {role.value} role")
        return user

    return Depends(_check)


async def check_csrf(request: Request, user: WebUserDep) -> WebUser:
    """Refuse a state-changing request whose CSRF token does not match the session's."""
    sent = request.headers.get("x-csrf-token")
    if sent is None and request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        sent = (await request.form()).get("csrf_token")
    if not isinstance(sent, str) or not hmac.compare_digest(sent, user.csrf_token):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    return user


CsrfUserDep = Annotated[WebUser, Depends(check_csrf)]
