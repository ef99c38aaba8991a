"""QA overrides, reviews and stored trim proposals.

An override keeps the engine's verdict beside the QA lead's: the per-question row the reports aggregate
carries the QA verdict, the override row keeps who, when, why and what the engine had said.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, model_validator
from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, Index, String
from sqlmodel import Field, SQLModel

from app.core.ids import utcnow
from audit.trim import TrimOptions


def _call_fk() -> Column:
    return Column(String(40), ForeignKey("calls.id", ondelete="CASCADE"), nullable=False)


class Override(SQLModel, table=True):
    __tablename__ = "qa_overrides"
    __table_args__ = (Index("ix_overrides_tenant_call", "tenant_id", "call_id"),)

    # Columns
    id: str = Field(primary_key=True, max_length=40)
    tenant_id: str = Field(foreign_key="tenants.id", max_length=40)
    call_id: str = Field(sa_column=_call_fk())
    checklist_id: str = Field(max_length=100)
    checklist_version: int
    utterance: int
    engine_item: str = Field(max_length=100, description="What the engine said the utterance asks.")
    engine_status: str = Field(max_length=16)
    item: str = Field(max_length=100, description="What the QA lead says it asks.")
    status: str = Field(max_length=16)
    reason: str = Field(max_length=2000)
    author_key_id: str = Field(max_length=40)
    author: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class Review(SQLModel, table=True):
    """A QA lead went through a call: the verdicts not overridden are confirmed (calibration counts them)."""

    __tablename__ = "qa_reviews"
    __table_args__ = (Index("ix_reviews_tenant_call", "tenant_id", "call_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: str = Field(foreign_key="tenants.id", max_length=40)
    call_id: str = Field(sa_column=_call_fk())
    author: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class StoredProposal(SQLModel, table=True):
    __tablename__ = "trim_proposals"
    __table_args__ = (Index("ix_proposals_tenant_checklist", "tenant_id", "checklist_id"),)

    # Columns
    id: str = Field(primary_key=True, max_length=40)
    tenant_id: str = Field(foreign_key="tenants.id", max_length=40)
    checklist_id: str = Field(max_length=100)
    checklist_version: int
    filters: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    body: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    author: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
    adopted_version: int | None = None
    adopted_at: datetime | None = None


# Schemas

Status = Literal["needed", "redundant", "irrelevant"]


class OverrideCreate(BaseModel):
    utterance: int = PField(ge=0, le=1_000_000, description="The agent utterance of the question (0-based).")
    item: str = PField(max_length=100, description="The item the question is listed under now.")
    status: Status | None = PField(default=None, description="The verdict the QA lead gives instead.")
    new_item: str | None = PField(
        default=None, max_length=100, description="The item the utterance really asks, if the engine erred."
    )
    reason: str = PField(min_length=3, max_length=2000, description="Why: kept with the override.")

    @model_validator(mode="after")
    def _changes_something(self) -> OverrideCreate:
        if self.status is None and self.new_item is None:
            raise ValueError("give a new `status`, a `new_item`, or both")
        return self


class OverridePublic(BaseModel):
    id: str
    call_id: str
    utterance: int
    engine_item: str
    engine_status: str
    item: str
    status: str
    reason: str
    author: str
    created_at: datetime


class ProposalFilters(BaseModel):
    """Which audited calls the proposal is built from."""

    version: int | None = PField(
        default=None, ge=1, le=1_000_000, description="Checklist version; the latest if absent."
    )
    agent: str | None = PField(default=None, max_length=200)
    queue: str | None = PField(default=None, max_length=200)
    date_from: datetime | None = PField(default=None, alias="from")
    date_to: datetime | None = PField(default=None, alias="to")

    model_config = {"populate_by_name": True}


class ProposalCreate(BaseModel):
    filters: ProposalFilters = PField(default_factory=ProposalFilters)
    options: TrimOptions = PField(default_factory=TrimOptions)


class ProposalPublic(BaseModel):
    id: str
    checklist: str
    checklist_version: int
    filters: dict[str, Any]
    author: str
    created_at: datetime
    adopted_version: int | None
    adopted_at: datetime | None
    proposal: dict[str, Any] = PField(description="Decisions with evidence, savings, YAML and diff.")
    url: str
