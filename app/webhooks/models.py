"""Webhook endpoints a tenant registers, and the log of deliveries to them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import AnyHttpUrl, BaseModel
from pydantic import Field as PField
from sqlalchemy import JSON, Column, ForeignKey, String
from sqlmodel import Field, SQLModel

from app.core.ids import utcnow

EVENTS = ("call.done", "call.failed")
Event = Literal["call.done", "call.failed"]


class Webhook(SQLModel, table=True):
    __tablename__ = "webhooks"

    # Columns
    id: str = Field(primary_key=True, max_length=40)
    tenant_id: str = Field(foreign_key="tenants.id", index=True, max_length=40)
    url: str = Field(max_length=2000)
    secret: str = Field(max_length=100, description="HMAC-SHA256 key; needed in clear to sign.")
    events: list[str] = Field(default_factory=lambda: list(EVENTS), sa_column=Column(JSON, nullable=False))
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class WebhookDelivery(SQLModel, table=True):
    __tablename__ = "webhook_deliveries"

    # Columns
    id: str = Field(primary_key=True, max_length=40)
    tenant_id: str = Field(max_length=40, index=True)
    webhook_id: str = Field(
        sa_column=Column(
            String(40), ForeignKey("webhooks.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    event: str = Field(max_length=40)
    call_id: str | None = Field(default=None, max_length=40)
    payload: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    state: str = Field(default="pending", max_length=16, description="pending, delivered or failed.")
    attempts: int = 0
    last_status_code: int | None = None
    last_error: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    last_attempt_at: datetime | None = None
    delivered_at: datetime | None = None


# Schemas


class WebhookCreate(BaseModel):
    url: AnyHttpUrl = PField(description="Where to POST events (http or https).")
    events: list[Event] = PField(
        default_factory=lambda: list(EVENTS), min_length=1, description="Which events to send."
    )


class WebhookPublic(BaseModel):
    id: str
    url: str
    events: list[str]
    active: bool
    created_at: datetime


class WebhookCreated(WebhookPublic):
    secret: str = PField(
        description="Signing secret, shown once. Each POST carries `X-Callaudit-Signature: sha256=HEX`, "
        "the HMAC-SHA256 of `TIMESTAMP.BODY` with this secret, where TIMESTAMP is `X-Callaudit-Timestamp`."
    )


class DeliveryPublic(BaseModel):
    id: str
    event: str
    call_id: str | None
    state: str
    attempts: int
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    last_attempt_at: datetime | None
    delivered_at: datetime | None


class WebhookList(BaseModel):
    items: list[WebhookPublic]


class DeliveryList(BaseModel):
    items: list[DeliveryPublic]
