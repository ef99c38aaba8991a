"""Shapes of the waste report (no tables: it is computed from `call_questions` / `call_items` rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, Field


@dataclass(frozen=True)
class WasteFilters:
    checklist: str
    version: int | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    agent: str | None = None
    queue: str | None = None
    reason: str | None = None


class Rates(BaseModel):
    needed: float | None = Field(description="needed / times asked; null when never asked.")
    redundant: float | None
    irrelevant: float | None


class ItemWaste(BaseModel):
    item: str
    question: str | None = Field(description="The item's question in the latest checklist version.")
    calls: int = Field(description="Audited calls in scope.")
    calls_asked: int = Field(description="Calls in which the item was asked at least once.")
    times_asked: int
    needed: int
    redundant: int
    irrelevant: int
    rates: Rates
    missing: int = Field(description="Calls in which the item applied but was neither asked nor covered.")
    covered: int = Field(description="Calls in which the customer gave the information unasked.")
    waste_seconds: float = Field(description="Agent seconds spent on redundant and irrelevant asks.")


class ReasonWaste(BaseModel):
    reason: str
    calls: int
    times_asked: int
    needed: int
    redundant: int
    irrelevant: int
    rates: Rates
    waste_seconds: float


class WasteReport(BaseModel):
    checklist: str
    version: int | None
    calls: int = Field(description="Audited calls matching the filters.")
    times_asked: int
    waste_count: int
    waste_seconds: float
    items: list[ItemWaste]
    reasons: list[ReasonWaste]
