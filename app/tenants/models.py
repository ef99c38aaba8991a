"""Tenants and their API keys (row-level tenancy: every tenant-owned table carries `tenant_id`)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel
from pydantic import Field as PField
from sqlmodel import Field, SQLModel

from app.core.ids import utcnow


class Role(StrEnum):
    """What a key may do; each role includes the ones before it."""

    qa = "qa"
    manager = "manager"
    admin = "admin"

    @property
    def rank(self) -> int:
        return ("qa", "manager", "admin").index(self.value)


class Tenant(SQLModel, table=True):
    __tablename__ = "tenants"

    # Columns
    id: str = Field(primary_key=True, max_length=40)
    name: str = Field(max_length=200, unique=True)
    redact_pii: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow)


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_keys"

    # Columns
    id: str = Field(primary_key=True, max_length=40)
    tenant_id: str = Field(foreign_key="tenants.id", index=True, max_length=40)
    name: str = Field(default="", max_length=200)
    role: str = Field(max_length=16)
    key_hash: str = Field(max_length=64, unique=True)
    prefix: str = Field(max_length=16, description="First characters of the key, to recognise it in lists.")
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None


# Schemas


class TenantPublic(BaseModel):
    id: str
    name: str
    redact_pii: bool = PField(description="Redact personal data from stored transcripts and reports.")
    created_at: datetime


class TenantUpdate(BaseModel):
    redact_pii: bool | None = PField(default=None, description="Turn redaction of personal data on or off.")


class ApiKeyCreate(BaseModel):
    role: Role = PField(
        description="qa: upload and read calls; manager: plus checklists and reports; admin: all."
    )
    name: str = PField(
        default="", max_length=200, description="A label for the key, e.g. the system using it."
    )


class ApiKeyPublic(BaseModel):
    id: str
    name: str
    role: Role
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyPublic):
    key: str = PField(description="The secret key. Shown once: store it now.")
