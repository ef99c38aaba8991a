"""Tenants and keys: creation, lookup by key, revocation. Keys are stored as SHA-256 hashes only."""

from __future__ import annotations

import hashlib
import secrets

from sqlmodel import Session, select

from app.core.errors import Conflict
from app.core.ids import new_id, utcnow
from app.tenants.models import ApiKey, Role, Tenant

KEY_PREFIX = "ca_"


def hash_key(key: str) -> str:
    """Keys are 256-bit random tokens, so an unsalted SHA-256 is a sound one-way store."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def get(*, session: Session, tenant_id: str) -> Tenant | None:
    return session.get(Tenant, tenant_id)


def get_by_name(*, session: Session, name: str) -> Tenant | None:
    return session.exec(select(Tenant).where(Tenant.name == name)).first()


def create(*, session: Session, name: str) -> Tenant:
    """A new tenant; the caller loads the checklist library and creates its first key."""
    if get_by_name(session=session, name=name) is not None:
        raise Conflict(f"a tenant named {name!r} already exists")
    tenant = Tenant(id=new_id("ten"), name=name)
    session.add(tenant)
    session.flush()
    return tenant


def update(*, session: Session, tenant: Tenant, redact_pii: bool | None) -> Tenant:
    if redact_pii is not None:
        tenant.redact_pii = redact_pii
    session.add(tenant)
    session.flush()
    return tenant


def create_key(*, session: Session, tenant_id: str, role: Role, name: str = "") -> tuple[ApiKey, str]:
    """A new key; returns the row and the secret, which is never stored."""
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    row = ApiKey(
        id=new_id("key"),
        tenant_id=tenant_id,
        name=name,
        role=role.value,
        key_hash=hash_key(secret),
        prefix=secret[:10],
    )
    session.add(row)
    session.flush()
    return row, secret


def authenticate(*, session: Session, key: str) -> ApiKey | None:
    """The live key row for a presented secret, or None."""
    row = session.exec(select(ApiKey).where(ApiKey.key_hash == hash_key(key))).first()
    if row is None or row.revoked_at is not None:
        return None
    return row


def get_keys(*, session: Session, tenant_id: str) -> list[ApiKey]:
    return list(session.exec(select(ApiKey).where(ApiKey.tenant_id == tenant_id).order_by(ApiKey.created_at)))


def get_key(*, session: Session, tenant_id: str, key_id: str) -> ApiKey | None:
    row = session.get(ApiKey, key_id)
    return row if row is not None and row.tenant_id == tenant_id else None


def revoke_key(*, session: Session, key: ApiKey) -> ApiKey:
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.add(key)
        session.flush()
    return key
