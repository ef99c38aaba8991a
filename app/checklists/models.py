"""Stored checklists: one immutable row per (tenant, checklist id, version)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from pydantic import Field as PField
from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.ids import utcnow


class ChecklistVersion(SQLModel, table=True):
    __tablename__ = "checklist_versions"
    __table_args__ = (UniqueConstraint("tenant_id", "checklist_id", "version", name="uq_checklist_version"),)

    # Columns
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: str = Field(foreign_key="tenants.id", index=True, max_length=40)
    checklist_id: str = Field(max_length=100)
    version: int
    name: str = Field(max_length=300)
    language: str = Field(max_length=12)
    body: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    content_hash: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


# Schemas


class ChecklistSummary(BaseModel):
    id: str = PField(description="Checklist id, as used in `POST /v1/calls`.")
    name: str
    language: str
    latest_version: int
    versions: list[int]
    items: int = PField(description="Number of mandated questions in the latest version.")
    url: str


class ChecklistPublic(BaseModel):
    id: str
    version: int
    name: str
    language: str
    created_at: datetime
    checklist: dict[str, Any] = PField(description="The checklist as the engine reads it (reasons, items).")
    yaml: str = PField(description="The same checklist as YAML.")


class ChecklistList(BaseModel):
    items: list[ChecklistSummary]
